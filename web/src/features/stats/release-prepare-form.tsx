import { StatusMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { useForm } from '../../components/form.ts';
import { FormShell } from '../../components/form-shell.tsx';
import { navigate } from '../../router.tsx';
import { useStatsTranslation } from './i18n.ts';
import { useMetricCatalog } from './queries.ts';
import { usePrepareRelease } from './release-queries.ts';
import { RELEASE_LANGUAGES, type TPrepareReleaseRequest, type TReleaseLanguage, type TReleaseTableRequest, type TTableDisclosure } from './release-types.ts';
import type { TLabels } from './types.ts';

type TField = 'title' | 'language' | 'kind' | 'metric0' | 'dimA0' | 'dimB0' | 'metric1' | 'dimA1' | 'dimB1' | 'years' | 'method' | 'threshold' | 'base' | 'mechanism' | 'epsilon' | 'delta' | 'k';

const YEAR = /^\d{4}$/;

/**
 * An analyst prepares a release: up to two statistics tables (metric and up to two breakdowns)
 * with one disclosure method, or a k-anonymous record-level file. The server computes it as a
 * draft; a coordinator approves it on the release's page.
 */
export function ReleasePrepareForm({ orgId }: { orgId: string }) {
  const { t, i18n } = useStatsTranslation();
  const catalog = useMetricCatalog(orgId);
  const prepare = usePrepareRelease(orgId);
  const language = (RELEASE_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as TReleaseLanguage) : 'en';
  const form = useForm<TField>({
    initial: { title: '', language, kind: 'tables', metric0: 'ctdc.victims', dimA0: 'year', dimB0: 'sex', metric1: '', dimA1: '', dimB1: '', years: '', method: 'suppression', threshold: '11', base: '5', mechanism: 'discreteLaplace', epsilon: '0.5', delta: '0.000001', k: '11' },
    issuePaths: {
      'body.title': 'title', 'body.language': 'language', 'body.tables.0.metric': 'metric0', 'body.tables.0.dimensions': 'dimA0', 'body.tables.1.metric': 'metric1', 'body.tables.1.dimensions': 'dimA1',
      'body.disclosure.threshold': 'threshold', 'body.disclosure.base': 'base', 'body.disclosure.epsilon': 'epsilon', 'body.disclosure.delta': 'delta', 'body.k': 'k',
      'body.tables.0.filters.year': 'years', 'body.tables.1.filters.year': 'years',
    },
  });
  const v = form.values;
  const label = (labels: TLabels) => labels[language];
  const metrics = (catalog.data?.metrics ?? []).map((m) => ({ value: m.id, label: label(m.labels) }));
  const dimensionsOf = (metricId: string) => {
    const metric = catalog.data?.metrics.find((m) => m.id === metricId);
    return (catalog.data?.dimensions ?? []).filter((d) => metric?.dimensions.includes(d.id)).map((d) => ({ value: d.id, label: label(d.labels) }));
  };

  function tableOf(metric: string, first: string, second: string, years: string[]): TReleaseTableRequest | null {
    if (!metric) return null;
    const dimensions = [first, second].filter((d, i, all) => d !== '' && all.indexOf(d) === i);
    return { metric, dimensions, filters: years.length > 0 ? { year: years } : {} };
  }

  function handleSubmit() {
    const years = v.years.split(/[\s,;]+/).filter((y) => y !== '');
    const errors: Partial<Record<TField, string>> = {};
    if (v.title.trim() === '') errors.title = t('releases.form.titleRequired');
    if (years.some((y) => !YEAR.test(y))) errors.years = t('releases.form.yearsInvalid');
    if (v.kind === 'tables' && !v.metric0) errors.metric0 = t('releases.form.metricRequired');
    if (!form.check(errors)) return;
    let body: TPrepareReleaseRequest;
    const common = { title: v.title.trim(), language: v.language as TReleaseLanguage };
    if (v.kind === 'record_level') {
      body = { ...common, kind: 'record_level', k: Number(v.k), maxSuppressionRate: 0.05 };
    } else {
      const tables = [tableOf(v.metric0, v.dimA0, v.dimB0, years), tableOf(v.metric1, v.dimA1, v.dimB1, years)].filter((x): x is TReleaseTableRequest => x !== null);
      const disclosure: TTableDisclosure = v.method === 'rounding' ? { method: 'rounding', base: Number(v.base) }
        : v.method === 'differentialPrivacy'
          ? { method: 'differentialPrivacy', mechanism: v.mechanism === 'discreteGaussian' ? 'discreteGaussian' : 'discreteLaplace', epsilon: v.epsilon.trim(), ...(v.mechanism === 'discreteGaussian' ? { delta: v.delta.trim() } : {}) }
          : { method: 'suppression', threshold: Number(v.threshold) };
      body = { ...common, kind: 'tables', tables, disclosure };
    }
    prepare.mutate(body, {
      onSuccess: (data) => navigate(`/statistics/releases/${data.release.id}`),
      onError: (error) => form.showServerErrors(error),
    });
  }

  const none = { value: '', label: t('releases.form.none') };
  return (
    <FormShell form={form} onSubmit={handleSubmit} error={prepare.error} busy={prepare.isPending} submitLabel={t('releases.form.submit')} busyLabel={t('releases.form.submitting')} label={t('releases.prepareTitle')}
      before={<p className="muted">{t('releases.form.intro')}</p>}>
      {prepare.isSuccess && <StatusMessage>{t('releases.form.prepared')}</StatusMessage>}
      <TextField id="release-title" label={t('releases.form.title')} maxLength={200} {...form.bind('title')} />
      <SelectField id="release-language" label={t('releases.form.language')} hint={t('releases.form.languageHint')} options={RELEASE_LANGUAGES.map((l) => ({ value: l, label: t(`releases.languages.${l}`) }))} {...form.bind('language')} />
      <SelectField id="release-kind" label={t('releases.form.kind')} options={[{ value: 'tables', label: t('releases.form.kindTables') }, { value: 'record_level', label: t('releases.form.kindRecords') }]} {...form.bind('kind')} />
      {v.kind === 'tables' ? (
        <>
          {([0, 1] as const).map((i) => (
            <fieldset key={i} className="release-table-fieldset">
              <legend>{t('releases.table', { number: i + 1 })}</legend>
              <SelectField id={`release-metric-${i}`} label={t('picker.metric')} options={i === 0 ? metrics : [none, ...metrics]} {...form.bind(`metric${i}`)} />
              <SelectField id={`release-dim-a-${i}`} label={t('picker.dimension1')} options={[none, ...dimensionsOf(v[`metric${i}`])]} {...form.bind(`dimA${i}`)} />
              <SelectField id={`release-dim-b-${i}`} label={t('picker.dimension2')} options={[none, ...dimensionsOf(v[`metric${i}`])]} {...form.bind(`dimB${i}`)} />
            </fieldset>
          ))}
          <TextField id="release-years" label={t('releases.form.years')} hint={t('releases.form.yearsHint')} inputMode="numeric" {...form.bind('years')} />
          <SelectField id="release-method" label={t('releases.form.method')} options={(['suppression', 'rounding', 'differentialPrivacy'] as const).map((m) => ({ value: m, label: t(`releases.method.${m}`) }))} {...form.bind('method')} />
          {v.method === 'suppression' && <TextField id="release-threshold" label={t('releases.form.threshold')} hint={t('releases.form.thresholdHint')} inputMode="numeric" {...form.bind('threshold')} />}
          {v.method === 'rounding' && <TextField id="release-base" label={t('releases.form.base')} inputMode="numeric" {...form.bind('base')} />}
          {v.method === 'differentialPrivacy' && (
            <>
              <SelectField id="release-mechanism" label={t('releases.form.mechanism')} options={[{ value: 'discreteLaplace', label: t('releases.form.laplace') }, { value: 'discreteGaussian', label: t('releases.form.gaussian') }]} {...form.bind('mechanism')} />
              <TextField id="release-epsilon" label={t('releases.form.epsilon')} hint={t('releases.form.epsilonHint')} dir="ltr" {...form.bind('epsilon')} />
              {v.mechanism === 'discreteGaussian' && <TextField id="release-delta" label={t('releases.form.delta')} dir="ltr" {...form.bind('delta')} />}
            </>
          )}
        </>
      ) : (
        <TextField id="release-k" label={t('releases.form.k')} hint={t('releases.form.kHint')} inputMode="numeric" {...form.bind('k')} />
      )}
    </FormShell>
  );
}
