import { CheckboxGroup } from '../../components/choice-field.tsx';
import { useProgrammesTranslation } from './i18n.ts';
import { NOT_RECORDED, pickLabel } from './labels.ts';
import type { TCatalog, TCatalogDimension, TCatalogMetric } from './types.ts';

/**
 * Dimensions an indicator may be filtered on: the metric's fixed ones (sex, age band, form…).
 * The year is left out (the report period sets the time) and so are observed dimensions such as
 * countries, whose categories are only known from the data.
 */
export function filterDimensionsOf(catalog: TCatalog, metric: TCatalogMetric | undefined) {
  return (metric?.filters ?? []).map((id) => catalog.dimensions.find((d) => d.id === id)).filter((d): d is TCatalogDimension => d !== undefined && d.kind === 'fixed' && d.id !== 'year');
}

type TIndicatorFiltersProps = { id: string; catalog: TCatalog; metric: TCatalogMetric | undefined; ticked: Record<string, string[]>; onChange: (ticked: Record<string, string[]>) => void };

/** The filters of a computed indicator, folded away until opened (open when one is set). */
export function IndicatorFilters({ id, catalog, metric, ticked, onChange }: TIndicatorFiltersProps) {
  const { t, i18n } = useProgrammesTranslation();
  const dimensions = filterDimensionsOf(catalog, metric);
  if (dimensions.length === 0) return null;
  const active = dimensions.filter((d) => (ticked[d.id] ?? []).length > 0).length;
  return (
    <details className="disclosure indicator-filters" open={active > 0 || undefined}>
      <summary>{active > 0 ? t('indicator.filtersActive', { number: active }) : t('indicator.filters')}</summary>
      <p className="muted">{t('indicator.filtersHint')}</p>
      {dimensions.map((dimension) => (
        <CheckboxGroup key={dimension.id} id={`${id}-filter-${dimension.id}`} legend={pickLabel(dimension.labels, i18n.language)} layout="inline"
          options={[...dimension.categories.map((c) => ({ value: c.key, label: pickLabel(c.labels, i18n.language) })), { value: NOT_RECORDED, label: pickLabel(catalog.notRecordedLabels, i18n.language) }]}
          values={ticked[dimension.id] ?? []} onChange={(values) => onChange({ ...ticked, [dimension.id]: values })} />
      ))}
    </details>
  );
}
