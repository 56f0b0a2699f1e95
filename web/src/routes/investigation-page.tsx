import { useEffect } from 'react';
import { ErrorAlert, StatusMessage } from '../components/alert.tsx';
import { Page, Section } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { useJusticeTranslation } from '../features/justice/i18n.ts';
import { InvestigationOverview } from '../features/justice/investigation-overview.tsx';
import { ConfiscationsPanel, CooperationPanel, VictimsPanel } from '../features/justice/investigation-records.tsx';
import { useInvestigation } from '../features/justice/queries.ts';
import { takeJusticeFlash } from '../features/justice/status.ts';
import { SuspectsPanel } from '../features/justice/suspects-panel.tsx';
import { useConfirmation } from '../features/justice/toggle-form.tsx';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';
import '../features/justice/justice.css';
import { Link } from '../router.tsx';
import { blockingError } from '../components/errors.ts';

/** `/investigations/:investigationId`, in the active organisation. */
export function InvestigationPage({ investigationId }: { investigationId: string }) {
  return <RequireOrg>{(active) => <Investigation key={`${active.organisation.id}:${investigationId}`} active={active} investigationId={investigationId} />}</RequireOrg>;
}

/**
 * One investigation file: where it stands, its suspects and the prosecution of each (charges,
 * court decisions, sentences), cross-border cooperation, confiscations and linked victims.
 * Every recording button comes from the server's `abilities` for this viewer; each confirms next to itself.
 */
function Investigation({ active, investigationId }: { active: TActiveOrganisation; investigationId: string }) {
  const { t } = useJusticeTranslation();
  const orgId = active.organisation.id;
  const query = useInvestigation(orgId, investigationId);
  const [status, setStatus] = useConfirmation();

  // A confirmation left by the form that led here ("Investigation opened").
  useEffect(() => {
    const flash = takeJusticeFlash(`/investigations/${investigationId}`);
    if (flash) setStatus(flash);
    // Once, on arrival (setStatus is a fresh function each render).
  }, [investigationId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (query.isPending) {
    return (
      <Page title={t('investigation.loadingTitle')}>
        <p className="muted">{t('common.loading')}</p>
      </Page>
    );
  }
  const blocking = blockingError(query);
  if (blocking || query.data === undefined) {
    return (
      <Page title={t('investigation.errorTitle')}>
        <ErrorAlert error={blocking} />
        <p>
          <Link to="/investigations">{t('investigation.all')}</Link>
        </p>
      </Page>
    );
  }

  const investigation = query.data;
  return (
    <Page title={t('investigation.title', { reference: investigation.reference })} intro={<bdi>{investigation.agency}</bdi>}>
      <p>
        <Link to="/investigations">{t('investigation.all')}</Link>
      </p>
      <StatusMessage>{status}</StatusMessage>
      <Section id="investigation-overview" title={t('investigation.overview')}>
        <InvestigationOverview orgId={orgId} investigation={investigation} />
      </Section>
      <Section id="investigation-suspects" title={t('suspects.title')}>
        <SuspectsPanel orgId={orgId} investigation={investigation} />
      </Section>
      <Section id="investigation-cooperation" title={t('cooperation.title')}>
        <CooperationPanel orgId={orgId} investigation={investigation} />
      </Section>
      <Section id="investigation-confiscations" title={t('confiscations.title')}>
        <ConfiscationsPanel orgId={orgId} investigation={investigation} />
      </Section>
      <Section id="investigation-victims" title={t('victims.title')}>
        <VictimsPanel orgId={orgId} investigation={investigation} />
      </Section>
    </Page>
  );
}
