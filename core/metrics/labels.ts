/** Languages every metric, dimension and category label carries (Arabic is right-to-left). */
export const METRIC_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type TMetricLanguage = (typeof METRIC_LANGUAGES)[number];

/** A label in each required language. */
export type TLabels = Readonly<Record<TMetricLanguage, string>>;

/** The same text in every language (codes such as age bands read the same everywhere). */
export function sameInEveryLanguage(text: string): TLabels {
  return { en: text, fr: text, es: text, ar: text };
}

/** The category of records where the variable was not recorded (NULL in the database). */
export const NOT_RECORDED_LABELS: TLabels = { en: 'Not recorded', fr: 'Non renseigné', es: 'No consta', ar: 'غير مسجل' };

/** Categories merged so that a large table stays quick to protect (see the stats engine). */
export const OTHER_GROUPED_LABELS: TLabels = { en: 'Other (grouped)', fr: 'Autres (regroupés)', es: 'Otros (agrupados)', ar: 'أخرى (مجمّعة)' };
