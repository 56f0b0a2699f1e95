import { BarChart, FunnelChart, LineChart, type BarSeriesOption, type FunnelSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TChartModel } from './table-model.ts';

/**
 * The statistics chart, drawn by ECharts. Only the parts used here are bundled (bar and line
 * charts, grid, legend, tooltip, the SVG renderer), and only with the statistics page. The SVG
 * renderer sets styles through the CSSOM, which the strict CSP allows; the tooltip is drawn inside
 * the SVG (`renderMode: 'richText'`) because ECharts' HTML tooltip writes inline style attributes,
 * which the CSP would block.
 */

use([BarChart, FunnelChart, LineChart, GridComponent, LegendPlainComponent, TooltipComponent, SVGRenderer]);

type TOption = ComposeOption<BarSeriesOption | FunnelSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Colour-blind-safe series colours (Okabe–Ito order, primary blue first); all reach 3:1 on white. */
const PALETTE = ['#1d4e89', '#d55e00', '#009e73', '#cc79a7', '#0072b2', '#b8860b', '#6b7685', '#8b3a62', '#2f6f4f', '#a3222b'];

type TStatsChartProps = {
  chart: TChartModel;
  /** Formats axis and tooltip numbers in the interface language. */
  formatNumber: (value: number) => string;
  /** Accessible name of the chart (the numbers themselves are in the table). */
  label: string;
};

/** The font of the page (ECharts measures text with it). */
function pageFontFamily(): string {
  return window.getComputedStyle(document.body).fontFamily || 'sans-serif';
}

/**
 * The justice funnel: one band per stage in the catalog's order (not sorted: "convicted of
 * another offence only" is narrower than custody sometimes, and the order is the story). Hidden
 * stages are left out, as gaps are elsewhere.
 */
function toFunnelOption(chart: TChartModel, formatNumber: (value: number) => string): TOption {
  const values = chart.series[0]?.values ?? [];
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: pageFontFamily() },
    tooltip: { renderMode: 'richText', trigger: 'item', valueFormatter: (value) => (typeof value === 'number' ? formatNumber(value) : '—') },
    series: [{
      type: 'funnel', name: chart.series[0]?.name ?? '', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, minSize: '8%', gap: 2,
      label: { show: true, position: 'inside', formatter: (p) => `${p.name}: ${typeof p.value === 'number' ? formatNumber(p.value) : '—'}` },
      data: chart.xCategories.map((name, i) => ({ name, value: values[i] })).filter((d): d is { name: string; value: number } => d.value !== null && d.value !== undefined),
    } satisfies FunnelSeriesOption],
  };
}

function toOption(chart: TChartModel, formatNumber: (value: number) => string): TOption {
  if (chart.kind === 'funnel') return toFunnelOption(chart, formatNumber);
  const several = chart.series.length > 1;
  return {
    // No animation: a table of official figures does not need to grow into place, and people who
    // asked for reduced motion (or take a screenshot) see the final chart at once.
    animation: false,
    color: PALETTE,
    // ECharts measures text to lay out legends and labels, so it needs the real font, not "inherit".
    textStyle: { fontFamily: pageFontFamily() },
    grid: { left: 8, right: 16, top: several ? 48 : 16, bottom: 8, containLabel: true },
    legend: several ? { top: 0 } : { show: false },
    tooltip: {
      renderMode: 'richText',
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? formatNumber(value) : '—'),
    },
    xAxis: { type: 'category', data: chart.xCategories, name: chart.xLabel, nameLocation: 'middle', nameGap: 28, axisLabel: { hideOverlap: true } },
    // Whole steps for counts; rates, medians and shares have fractions.
    yAxis: { type: 'value', minInterval: chart.series.every((x) => x.values.every((v) => v === null || Number.isInteger(v))) ? 1 : 0, axisLabel: { formatter: (value: number) => formatNumber(value) } },
    series: chart.series.map((s) =>
      chart.kind === 'line'
        ? ({ type: 'line', name: s.name, data: s.values, connectNulls: false, showAllSymbol: true, symbolSize: 7 } satisfies LineSeriesOption)
        : ({ type: 'bar', name: s.name, data: s.values, stack: chart.isStacked ? 'total' : undefined, barMaxWidth: 56 } satisfies BarSeriesOption),
    ),
  };
}

/**
 * One chart in a left-to-right box (`dir="ltr"`, also in Arabic: later years and larger values
 * stay to the right), resized with its container. It is an image to screen readers; the table
 * under it carries the same numbers.
 */
export function StatsChart({ chart, formatNumber, label }: TStatsChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const instanceRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = init(container, null, { renderer: 'svg' });
    instanceRef.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      instance.dispose();
      instanceRef.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a new table replaces the old chart's series entirely.
    instanceRef.current?.setOption(toOption(chart, formatNumber), { notMerge: true });
  }, [chart, formatNumber]);

  return (
    <div dir="ltr" className="stats-chart">
      <div ref={containerRef} className="stats-chart__canvas" role="img" aria-label={label} data-chart-kind={chart.kind} />
    </div>
  );
}
