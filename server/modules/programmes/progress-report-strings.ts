/** The words of the progress report PDF, in the four languages of the platform. */
import type { TIndicatorStatus } from '../../../core/programmes/index.ts';

export type TReportLanguage = 'en' | 'fr' | 'es' | 'ar';

export interface TReportStrings {
  title: string;
  period: string;
  generated: string;
  indicator: string;
  baseline: string;
  target: string;
  actual: string;
  status: string;
  chartTitle: string;
  disclosure: (threshold: number) => string;
  /** Footnote of the target column. */
  planningNote: string;
  /** Unit of a ratio indicator: "per 100". */
  per: (scale: string) => string;
  hidden: string;
  none: string;
  statuses: Record<TIndicatorStatus, string>;
  levels: Record<'goal' | 'outcome' | 'output', string>;
  units: Record<'persons' | 'cases' | 'decisions' | 'days' | 'percent' | 'number', string>;
}

export const REPORT_STRINGS: Record<TReportLanguage, TReportStrings> = {
  en: {
    title: 'Progress report', period: 'Period', generated: 'Generated', indicator: 'Indicator', baseline: 'Baseline', target: 'Target', actual: 'Actual', status: 'Status',
    chartTitle: 'Actual against target',
    disclosure: (k) => `Counts below ${k} are hidden (marked “hidden”), and so are numbers from which they could be worked out: shares and medians of fewer than ${k} persons, baselines that are small counts, ratios of a hidden count.`,
    planningNote: 'Targets are planning figures set by the programme, not counts of people.',
    per: (scale) => `per ${scale}`,
    hidden: 'hidden', none: '–',
    statuses: { green: 'On track', amber: 'Behind', red: 'Off track', noTarget: 'No target', noData: 'No data', suppressed: 'Hidden' },
    levels: { goal: 'Goal', outcome: 'Outcome', output: 'Output' },
    units: { persons: 'persons', cases: 'cases', decisions: 'decisions', days: 'days', percent: '%', number: '' },
  },
  fr: {
    title: 'Rapport d’avancement', period: 'Période', generated: 'Établi le', indicator: 'Indicateur', baseline: 'Référence', target: 'Cible', actual: 'Réalisé', status: 'Statut',
    chartTitle: 'Réalisé par rapport à la cible',
    disclosure: (k) => `Les effectifs inférieurs à ${k} sont masqués (« masqué »), ainsi que les nombres qui permettraient de les retrouver : parts et médianes portant sur moins de ${k} personnes, valeurs de référence qui sont de petits effectifs, rapports d’un effectif masqué.`,
    planningNote: 'Les cibles sont des valeurs de planification fixées par le programme, non des effectifs de personnes.',
    per: (scale) => `pour ${scale}`,
    hidden: 'masqué', none: '–',
    statuses: { green: 'En bonne voie', amber: 'En retard', red: 'Hors trajectoire', noTarget: 'Sans cible', noData: 'Sans donnée', suppressed: 'Masqué' },
    levels: { goal: 'Objectif global', outcome: 'Effet', output: 'Produit' },
    units: { persons: 'personnes', cases: 'dossiers', decisions: 'décisions', days: 'jours', percent: '%', number: '' },
  },
  es: {
    title: 'Informe de avance', period: 'Período', generated: 'Generado', indicator: 'Indicador', baseline: 'Línea de base', target: 'Meta', actual: 'Real', status: 'Estado',
    chartTitle: 'Valor real frente a la meta',
    disclosure: (k) => `Los recuentos inferiores a ${k} se ocultan («oculto»), así como las cifras que permitirían deducirlos: proporciones y medianas de menos de ${k} personas, líneas de base que son recuentos pequeños, razones de un recuento oculto.`,
    planningNote: 'Las metas son cifras de planificación fijadas por el programa, no recuentos de personas.',
    per: (scale) => `por cada ${scale}`,
    hidden: 'oculto', none: '–',
    statuses: { green: 'En curso', amber: 'Con retraso', red: 'Fuera de rumbo', noTarget: 'Sin meta', noData: 'Sin datos', suppressed: 'Oculto' },
    levels: { goal: 'Objetivo general', outcome: 'Resultado', output: 'Producto' },
    units: { persons: 'personas', cases: 'casos', decisions: 'decisiones', days: 'días', percent: '%', number: '' },
  },
  ar: {
    title: 'تقرير التقدم', period: 'الفترة', generated: 'تاريخ الإعداد', indicator: 'المؤشر', baseline: 'خط الأساس', target: 'المستهدف', actual: 'الفعلي', status: 'الحالة',
    chartTitle: 'الفعلي مقارنة بالمستهدف',
    disclosure: (k) => `تُخفى الأعداد الأقل من ${k} (مع علامة «مخفي»)، وكذلك الأرقام التي قد تكشفها: النسب والوسيطات لأقل من ${k} أشخاص، وخطوط الأساس التي هي أعداد صغيرة، ونسب عدد مخفي.`,
    planningNote: 'المستهدفات أرقام تخطيطية يحددها البرنامج، وليست أعداداً لأشخاص.',
    per: (scale) => `لكل ${scale}`,
    hidden: 'مخفي', none: '–',
    statuses: { green: 'على المسار', amber: 'متأخر', red: 'خارج المسار', noTarget: 'بلا مستهدف', noData: 'بلا بيانات', suppressed: 'مخفي' },
    levels: { goal: 'الهدف العام', outcome: 'النتيجة', output: 'المخرج' },
    units: { persons: 'أشخاص', cases: 'حالات', decisions: 'قرارات', days: 'أيام', percent: '%', number: '' },
  },
};
