import { useState } from 'react';
import { ErrorAlert } from '../components/alert.tsx';
import { Page, Section } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { CtdcImportForm } from '../features/stats/ctdc-import-form.tsx';
import { useStatsTranslation } from '../features/stats/i18n.ts';
import { ImportRunsTable } from '../features/stats/import-runs-table.tsx';
import { useImportRuns, useMetricCatalog, useStatsQuery } from '../features/stats/queries.ts';
import { defaultStatsRequest, StatsPicker } from '../features/stats/stats-picker.tsx';
import { StatsResultView } from '../features/stats/stats-result.tsx';
import type { TStatsQueryRequest } from '../features/stats/types.ts';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';
import '../features/stats/stats.css';

/** `/statistics`: the statistics dashboard of the active organisation (and its CTDC imports). */
export function StatsPage() {
  return <RequireOrg>{(active) => <Statistics key={active.organisation.id} active={active} />}</RequireOrg>;
}

/**
 * Pick a metric, up to two dimensions and filters; see the protected table as a chart and a
 * table, download it, read the SQL. Analysts who may import data upload CTDC files below.
 * Every number shown has passed the server's disclosure control; nothing is computed here.
 */
function Statistics({ active }: { active: TActiveOrganisation }) {
  const { t } = useStatsTranslation();
  if (!active.permissions.includes('stats.read')) {
    return (
      <Page title={t('page.title')}>
        <p>{t('page.notAllowed')}</p>
      </Page>
    );
  }
  return <Dashboard orgId={active.organisation.id} canImport={active.permissions.includes('dataset.import')} />;
}

function Dashboard({ orgId, canImport }: { orgId: string; canImport: boolean }) {
  const { t } = useStatsTranslation();
  const catalog = useMetricCatalog(orgId);
  const runs = useImportRuns(orgId);
  const [chosen, setChosen] = useState<TStatsQueryRequest | null>(null);
  const request = chosen ?? (catalog.data ? defaultStatsRequest(catalog.data) : null);
  const result = useStatsQuery(orgId, request);

  const hasData = (runs.data ?? []).some((r) => (r.status === 'completed' || r.status === 'partial') && r.deletedAt === null);
  return (
    <Page title={t('page.title')} intro={t('page.intro')}>
      <ErrorAlert error={catalog.error} />
      {catalog.isPending && <p className="muted">{t('common.loading')}</p>}
      {runs.data && !hasData && <p className="stats-note">{canImport ? t('page.noDataImport') : t('page.noData')}</p>}
      {catalog.data && request && (
        <StatsPicker
          catalog={catalog.data}
          runs={runs.data ?? []}
          current={request}
          onApply={setChosen}
          error={result.error}
          busy={result.isFetching}
        />
      )}
      {result.data && <StatsResultView result={result.data} isUpdating={result.isFetching || result.isPlaceholderData} />}
      {canImport && (
        <Section id="stats-import" title={t('import.title')}>
          <CtdcImportForm orgId={orgId} />
        </Section>
      )}
      <Section id="stats-runs" title={t('runs.title')}>
        <ImportRunsTable orgId={orgId} />
      </Section>
    </Page>
  );
}
