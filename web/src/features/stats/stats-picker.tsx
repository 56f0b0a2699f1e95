import { useEffect, useState } from 'react';
import { CheckboxGroup, RadioGroup } from '../../components/choice-field.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { useForm } from '../../components/form.ts';
import { FormShell } from '../../components/form-shell.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useActiveOrg } from '../session/active-org.tsx';
import { useStatsTranslation } from './i18n.ts';
import { pickLabel } from './table-model.ts';
import type { TCatalogDimension, TImportRunSummary, TMetricCatalog, TStatsQueryRequest, TStatsScope } from './types.ts';

/** Checkbox value standing for "not recorded" (null) in a filter. */
const NOT_RECORDED = '∅';
const YEAR = /^\d{4}$/;
/** Widest year range a filter may list (the server caps a filter at 300 keys). */
const MAX_YEARS = 300;

type TField = 'metric' | 'dim1' | 'dim2' | 'yearFrom' | 'yearTo' | 'countries';

/** The observed dimension a rate needs fixed, filtered by typing ISO codes. */
const COUNTRY_DIMENSION = 'countryOfExploitation';
const COUNTRY_LIST = /^\s*[A-Za-z][A-Za-z0-9](\s*,\s*[A-Za-z][A-Za-z0-9])*\s*$/;

/** The first question a dashboard answers: the first metric by year (or without dimensions). */
export function defaultStatsRequest(catalog: TMetricCatalog): TStatsQueryRequest | null {
  const metric = catalog.metrics[0];
  if (!metric) return null;
  return { metric: metric.id, dimensions: metric.dimensions.includes('year') ? ['year'] : [], filters: {} };
}

type TStatsPickerProps = {
  catalog: TMetricCatalog;
  /** Completed imports the user may restrict the statistics to. */
  runs: TImportRunSummary[];
  /** The request the shown table answers (the form starts from it). */
  current: TStatsQueryRequest;
  onApply: (request: TStatsQueryRequest) => void;
  /** The failed query (its issues go next to their fields), or null. */
  error: unknown;
  busy: boolean;
};

/**
 * Metric, up to two dimensions and filters. Fixed dimensions (sex, age band, form…) filter by
 * ticking categories; years by a range; nothing ticked means no filter. Only combinations the
 * catalog allows are offered; the server checks them again.
 */
export function StatsPicker({ catalog, runs, current, onApply, error, busy }: TStatsPickerProps) {
  const { t, i18n } = useStatsTranslation();
  const language = i18n.language;
  // The whole-country view is offered only to those who may see it (the server checks again).
  const canReadNational = useActiveOrg().can('stats.readNational');
  const [scope, setScope] = useState<TStatsScope>(current.scope ?? 'organisation');
  const years = current.filters.year?.filter((y): y is string => y !== null) ?? [];
  const form = useForm<TField>({
    initial: {
      metric: current.metric,
      dim1: current.dimensions[0] ?? '',
      dim2: current.dimensions[1] ?? '',
      yearFrom: years[0] ?? '',
      yearTo: years[years.length - 1] ?? '',
      countries: (current.filters[COUNTRY_DIMENSION] ?? []).filter((k): k is string => k !== null).join(', '),
    },
    issuePaths: { [`filters.${COUNTRY_DIMENSION}`]: 'countries', metric: 'metric', dimensions: 'dim1', 'dimensions.0': 'dim1', 'dimensions.1': 'dim2', 'filters.year': 'yearFrom', 'filters.year.0': 'yearFrom' },
  });
  const [filters, setFilters] = useState<Record<string, string[]>>(() => {
    const initial: Record<string, string[]> = {};
    for (const [id, keys] of Object.entries(current.filters)) if (id !== 'year' && id !== COUNTRY_DIMENSION) initial[id] = keys.map((k) => k ?? NOT_RECORDED);
    return initial;
  });
  const [datasets, setDatasets] = useState<string[]>(current.datasets ?? []);

  // A refused query puts its issues next to their fields.
  const { showServerErrors } = form;
  useEffect(() => {
    if (error) showServerErrors(error);
  }, [error]); // eslint-disable-line react-hooks/exhaustive-deps -- once per failure, not per render

  const metric = catalog.metrics.find((m) => m.id === form.values.metric) ?? catalog.metrics[0];
  const dimensionById = new Map(catalog.dimensions.map((d) => [d.id, d]));
  const dimensionOptions = (metric?.dimensions ?? []).map((id) => ({ value: id, label: pickLabel(dimensionById.get(id)?.labels ?? { en: id, fr: id, es: id, ar: id }, language) }));
  const filterDimensions = (metric?.filters ?? []).map((id) => dimensionById.get(id)).filter((d): d is TCatalogDimension => d !== undefined && d.kind === 'fixed');
  const hasCountryFilter = metric?.filters.includes(COUNTRY_DIMENSION) ?? false;
  const storedRuns = runs.filter((r) => (r.status === 'completed' || r.status === 'partial') && r.deletedAt === null);

  function handleMetricChange(id: string) {
    const next = catalog.metrics.find((m) => m.id === id);
    form.setValue('metric', id);
    // Keep the dimensions and filters the new metric allows.
    if (next && form.values.dim1 && !next.dimensions.includes(form.values.dim1)) form.setValue('dim1', '');
    if (next && form.values.dim2 && !next.dimensions.includes(form.values.dim2)) form.setValue('dim2', '');
  }

  function handleSubmit() {
    const { yearFrom, yearTo, dim1, dim2, countries } = form.values;
    const from = yearFrom.trim();
    const to = yearTo.trim();
    const errors = {
      yearFrom: from && !YEAR.test(from) ? t('picker.yearInvalid') : undefined,
      yearTo: to && !YEAR.test(to) ? t('picker.yearInvalid') : from && to && Number(to) < Number(from) ? t('picker.yearOrder') : undefined,
      dim2: dim2 && dim2 === dim1 ? t('picker.sameDimension') : undefined,
      countries: countries.trim() && !COUNTRY_LIST.test(countries) ? t('picker.countriesInvalid') : undefined,
    };
    if (!errors.yearTo && from && to && Number(to) - Number(from) >= MAX_YEARS) errors.yearTo = t('picker.yearRange', { max: MAX_YEARS });
    if (!form.check(errors) || !metric) return;

    const request: TStatsQueryRequest = { metric: metric.id, dimensions: [dim1, dim1 ? dim2 : ''].filter(Boolean), filters: {} };
    if (from || to) {
      const first = Number(from || to);
      const last = Number(to || from);
      request.filters.year = Array.from({ length: last - first + 1 }, (_v, i) => String(first + i));
    }
    for (const dimension of filterDimensions) {
      const keys = filters[dimension.id] ?? [];
      if (keys.length > 0) request.filters[dimension.id] = keys.map((k) => (k === NOT_RECORDED ? null : k));
    }
    const countryKeys = hasCountryFilter && countries.trim() ? [...new Set(countries.split(',').map((c) => c.trim().toUpperCase()))] : [];
    if (countryKeys.length > 0) request.filters[COUNTRY_DIMENSION] = countryKeys;
    if (datasets.length > 0) request.datasets = datasets;
    if (canReadNational && scope === 'national') request.scope = 'national';
    onApply(request);
  }

  const activeFilterCount = (form.values.yearFrom || form.values.yearTo ? 1 : 0) + (hasCountryFilter && form.values.countries.trim() ? 1 : 0) + filterDimensions.filter((d) => (filters[d.id] ?? []).length > 0).length + (datasets.length > 0 ? 1 : 0);

  return (
    <FormShell form={form} onSubmit={handleSubmit} error={error} busy={busy} submitLabel={t('picker.submit')} busyLabel={t('picker.submitting')} label={t('picker.label')} className="form--wide stats-picker">
      <div className="stats-picker__main">
        <SelectField
          id="stats-metric"
          label={t('picker.metric')}
          hint={metric ? pickLabel(metric.descriptions, language) : undefined}
          options={catalog.metrics.map((m) => ({ value: m.id, label: pickLabel(m.labels, language) }))}
          value={form.values.metric}
          error={form.errors.metric}
          onChange={(event) => handleMetricChange(event.target.value)}
        />
        <SelectField
          id="stats-dim1"
          label={t('picker.dimension1')}
          options={[{ value: '', label: t('picker.noDimension') }, ...dimensionOptions]}
          {...form.bind('dim1')}
          onChange={(event) => {
            form.setValue('dim1', event.target.value);
            if (!event.target.value || event.target.value === form.values.dim2) form.setValue('dim2', '');
          }}
        />
        <SelectField
          id="stats-dim2"
          label={t('picker.dimension2')}
          hint={form.values.dim1 ? undefined : t('picker.dimension2Hint')}
          options={[{ value: '', label: t('picker.noDimension') }, ...dimensionOptions.filter((o) => o.value !== form.values.dim1)]}
          disabled={!form.values.dim1}
          {...form.bind('dim2')}
        />
        {canReadNational && (
          <RadioGroup
            id="stats-scope"
            legend={t('picker.scope')}
            layout="inline"
            options={[{ value: 'organisation', label: t('picker.scopeOrganisation') }, { value: 'national', label: t('picker.scopeNational') }]}
            value={scope}
            onChange={(value) => setScope(value === 'national' ? 'national' : 'organisation')}
          />
        )}
      </div>

      <details className="stats-filters" open={activeFilterCount > 0 || undefined}>
        <summary>{activeFilterCount > 0 ? t('picker.filtersActive', { number: activeFilterCount }) : t('picker.filters')}</summary>
        <p className="muted">{t('picker.filtersHint')}</p>
        {metric?.filters.includes('year') && (
          <fieldset className="fieldset stats-years">
            <legend className="fieldset__legend">{pickLabel(dimensionById.get('year')?.labels ?? { en: 'Year', fr: 'Year', es: 'Year', ar: 'Year' }, language)}</legend>
            <TextField id="stats-year-from" label={t('picker.yearFrom')} inputMode="numeric" autoComplete="off" className="input--short" {...form.bind('yearFrom')} />
            <TextField id="stats-year-to" label={t('picker.yearTo')} inputMode="numeric" autoComplete="off" className="input--short" {...form.bind('yearTo')} />
          </fieldset>
        )}
        {hasCountryFilter && (
          <TextField id="stats-countries" label={t('picker.countries')} hint={t('picker.countriesHint')} autoComplete="off" dir="ltr" {...form.bind('countries')} />
        )}
        {filterDimensions.map((dimension) => (
          <CheckboxGroup
            key={dimension.id}
            id={`stats-filter-${dimension.id}`}
            legend={pickLabel(dimension.labels, language)}
            layout="inline"
            options={[...dimension.categories.map((c) => ({ value: c.key, label: pickLabel(c.labels, language) })), { value: NOT_RECORDED, label: pickLabel(catalog.notRecordedLabels, language) }]}
            values={filters[dimension.id] ?? []}
            onChange={(values) => setFilters((f) => ({ ...f, [dimension.id]: values }))}
          />
        ))}
        {storedRuns.length > 0 && (
          <CheckboxGroup
            id="stats-datasets"
            legend={t('picker.datasets')}
            hint={t('picker.datasetsHint')}
            options={storedRuns.map((r) => ({ value: r.id, label: t('picker.datasetOption', { file: r.fileName, date: formatDateTime(r.finishedAt, language), rows: r.importedRowCount }) }))}
            values={datasets}
            onChange={setDatasets}
          />
        )}
      </details>
    </FormShell>
  );
}
