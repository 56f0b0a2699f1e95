import * as echarts from 'echarts';

/**
 * Renders an ECharts option to an SVG string on the server (no DOM, no canvas), so a chart can sit
 * inline in a report that Chromium prints with JavaScript switched off. Animation is off because
 * server-side rendering would otherwise capture the first frame.
 */
export function renderChartSvg(option: echarts.EChartsCoreOption, width = 640, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
