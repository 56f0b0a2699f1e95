import { useState } from 'react';
import { ErrorAlert } from '../components/alert.tsx';
import { RadioGroup } from '../components/choice-field.tsx';
import { Page, Section } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { FunnelCharts, FunnelTable, MedianDays } from '../features/justice/funnel-chart.tsx';
import { useJusticeTranslation } from '../features/justice/i18n.ts';
import { useFunnel } from '../features/justice/queries.ts';
import { FUNNEL_GROUPS, FUNNEL_MODES, type TFunnelGroup, type TFunnelMode } from '../features/justice/types.ts';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';
import '../features/justice/justice.css';
import { Link } from '../router.tsx';

/** `/justice/funnel`: the attrition funnel of the active organisation. */
export function JusticeFunnelPage() {
  return <RequireOrg>{(active) => <Funnel key={active.organisation.id} active={active} />}</RequireOrg>;
}

type TView = 'chart' | 'table';

/**
 * The attrition funnel in persons: suspects → charged → prosecuted → convicted (of trafficking, or
 * of another offence only) → sentenced to custody, by cohort or by calendar year, optionally by
 * form of exploitation or sex, as charts or as a table, with the median days between stages.
 */
function Funnel({ active }: { active: TActiveOrganisation }) {
  const { t } = useJusticeTranslation();
  const orgId = active.organisation.id;
  const [mode, setMode] = useState<TFunnelMode>('cohort');
  const [groupBy, setGroupBy] = useState<TFunnelGroup>('none');
  const [view, setView] = useState<TView>('chart');
  const funnel = useFunnel(orgId, mode, groupBy);

  if (!active.permissions.includes('investigation.read')) {
    return (
      <Page title={t('funnel.title')}>
        <p>{t('list.notAllowed')}</p>
      </Page>
    );
  }

  return (
    <Page title={t('funnel.title')} intro={t('funnel.intro')}>
      <p>
        <Link to="/investigations">{t('investigation.all')}</Link>
      </p>
      <form className="filters funnel-controls" aria-label={t('funnel.controls')} onSubmit={(event) => event.preventDefault()}>
        <RadioGroup
          id="funnel-mode"
          legend={t('funnel.mode')}
          layout="segmented"
          options={FUNNEL_MODES.map((m) => ({ value: m, label: t(`funnelModes.${m}`) }))}
          value={mode}
          onChange={(v) => setMode(v as TFunnelMode)}
        />
        <RadioGroup
          id="funnel-group"
          legend={t('funnel.groupBy')}
          layout="segmented"
          options={FUNNEL_GROUPS.map((g) => ({ value: g, label: t(`funnelGroups.${g}`) }))}
          value={groupBy}
          onChange={(v) => setGroupBy(v as TFunnelGroup)}
        />
        <RadioGroup
          id="funnel-view"
          legend={t('funnel.view')}
          layout="segmented"
          options={[
            { value: 'chart', label: t('funnel.viewChart') },
            { value: 'table', label: t('funnel.viewTable') },
          ]}
          value={view}
          onChange={(v) => setView(v as TView)}
        />
      </form>
      <p className="muted">{mode === 'cohort' ? t('funnel.cohortExplained') : t('funnel.periodExplained')}</p>
      <ErrorAlert error={funnel.error} />
      {funnel.isPending && <p className="muted">{t('common.loading')}</p>}
      {funnel.data && (
        <div aria-busy={funnel.isFetching || undefined}>
          {funnel.data.rows.length === 0 ? (
            <p role="status">{t('funnel.empty')}</p>
          ) : view === 'chart' ? (
            <FunnelCharts funnel={funnel.data} />
          ) : (
            <FunnelTable funnel={funnel.data} />
          )}
          {groupBy === 'exploitationForm' && funnel.data.rows.length > 0 && <p className="muted">{t('funnel.formsOverlap')}</p>}
          <Section id="funnel-medians" title={t('funnel.mediansTitle')}>
            <p className="muted">{t('funnel.mediansIntro')}</p>
            <MedianDays medianDays={funnel.data.medianDays} />
          </Section>
        </div>
      )}
    </Page>
  );
}
