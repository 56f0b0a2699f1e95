import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage, useStatus, type TStatusText } from '../components/alert.tsx';
import { Page, Section } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { blockingError } from '../components/errors.ts';
import { CaseActions } from '../features/cases/case-actions.tsx';
import { CircumstancesDetails, ConsentDetails, DecisionsList, PersonDetails, ScreeningsList } from '../features/cases/case-record.tsx';
import { CaseStatusPanel } from '../features/cases/case-status-panel.tsx';
import { CaseTimeline } from '../features/cases/case-timeline.tsx';
import { ChildProtectionPanel } from '../features/cases/child-protection-panel.tsx';
import { takeFlash } from '../features/cases/flash.ts';
import { ProtectionPanel } from '../features/cases/protection-panel.tsx';
import { useCase } from '../features/cases/queries.ts';
import { RecordScreeningForm } from '../features/cases/record-screening-form.tsx';
import { CaseDocumentsPanel } from '../features/documents/documents-panel.tsx';
import { CaseProtectionPanel } from '../features/protection/case-panel.tsx';
import { CaseTransfersSection, TransferredAwayNotice } from '../features/transfers/case-transfers.tsx';
import { isTransferredAway } from '../features/transfers/labels.ts';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';
import { Link } from '../router.tsx';
import { EmergencyAccessRequest, EmergencyAccessSection } from '../features/security/emergency-access.tsx';
import { CaseDataProtection } from '../features/security/data-protection.tsx';
import { AccessPurposePrompt, isAccessPurposeRequired } from '../features/security/access-purpose.tsx';

export function CasePage({ caseId }: { caseId: string }) {
  return <RequireOrg>{(active) => <Case key={`${active.organisation.id}:${caseId}`} active={active} caseId={caseId} />}</RequireOrg>;
}

/**
 * One NRM case: where it stands and its clock, what the viewer may do next (only what the server
 * allows), the child pathway, protection flags, the record (person, consent, screenings,
 * decisions) and its history.
 */
function Case({ active, caseId }: { active: TActiveOrganisation; caseId: string }) {
  const { t } = useTranslation();
  const orgId = active.organisation.id;
  const query = useCase(orgId, caseId);
  const [status, setStatus] = useStatus();

  // A confirmation left by the page that led here (the intake's "Referral submitted").
  useEffect(() => {
    const flash = takeFlash(`/cases/${caseId}`);
    if (flash) setStatus(flash);
    // Once, on arrival (setStatus is a fresh function each render).
  }, [caseId]); // eslint-disable-line react-hooks/exhaustive-deps

  function handleDone(next: TStatusText) {
    setStatus(next);
    // The status region is at the top: bring it into view so the confirmation is seen, not only heard.
    window.requestAnimationFrame(() => document.querySelector('.page-title')?.scrollIntoView({ block: 'start' }));
  }

  if (query.isPending) {
    return (
      <Page title={t('casePage.loadingTitle')}>
        <p className="muted">{t('app.loading')}</p>
      </Page>
    );
  }
  // A failed re-read (connection lost, server restarting) keeps the case on screen, and with it
  // whatever is being typed into its forms; only a definite answer (moved away, no access) replaces it.
  const blocking = blockingError(query);
  if (blocking || query.data === undefined) {
    return (
      <Page title={t('casePage.errorTitle')}>
        {/* Handed to another organisation without kept access: say so, and show the hand-over. */}
        {isTransferredAway(blocking) ? <TransferredAwayNotice orgId={orgId} caseId={caseId} /> : isAccessPurposeRequired(blocking) ? null : <ErrorAlert error={blocking} />}
        <AccessPurposePrompt orgId={orgId} caseId={caseId} error={blocking} />
        <EmergencyAccessRequest orgId={orgId} caseId={caseId} error={blocking} />
        <p>
          <Link to="/cases">{t('intake.backToCases')}</Link>
        </p>
      </Page>
    );
  }

  const caseItem = query.data;
  const name = caseItem.person.identity ? [caseItem.person.identity.givenName, caseItem.person.identity.familyName].filter(Boolean).join(' ') : '';
  const showChild = caseItem.isChild || caseItem.childProtection.ageAssessment !== null || caseItem.childProtection.lead !== null;
  // The server records protection details under `case.refer`.
  const canEditProtection = caseItem.status !== 'closed' && caseItem.abilities['case.refer'];

  return (
    <Page title={t('casePage.title', { reference: caseItem.reference })} intro={name ? <bdi>{name}</bdi> : undefined}>
      <p>
        <Link to="/cases">{t('casePage.allCases')}</Link>
      </p>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={query.error} />
      <Section id="case-status" title={t('casePage.statusTitle')}>
        <CaseStatusPanel caseItem={caseItem} />
      </Section>
      <Section id="case-actions" title={t('casePage.actionsTitle')}>
        <CaseActions orgId={orgId} caseItem={caseItem} onDone={handleDone} />
      </Section>
      {showChild && (
        <Section id="case-child" title={t('child.title')}>
          <ChildProtectionPanel orgId={orgId} caseItem={caseItem} onDone={handleDone} />
        </Section>
      )}
      <Section id="case-person" title={t('casePage.personTitle')}>
        <PersonDetails caseItem={caseItem} />
      </Section>
      <Section id="case-circumstances" title={t('intake.steps.circumstances')}>
        <CircumstancesDetails caseItem={caseItem} />
      </Section>
      <Section id="case-consent" title={t('intake.steps.consent')}>
        <ConsentDetails orgId={orgId} caseItem={caseItem} onDone={handleDone} />
      </Section>
      <Section id="case-protection" title={t('protection.title')}>
        <ProtectionPanel orgId={orgId} caseItem={caseItem} canEdit={canEditProtection} onDone={handleDone} />
      </Section>
      <Section id="case-screenings" title={t('casePage.screeningsTitle')}>
        <ScreeningsList caseItem={caseItem} />
        {caseItem.abilities['screening.record'] && caseItem.status !== 'closed' && (
          <details className="disclosure">
            <summary>{t('screening.recordTitle')}</summary>
            <RecordScreeningForm orgId={orgId} caseId={caseItem.id} isChild={caseItem.isChild} />
          </details>
        )}
      </Section>
      <Section id="case-decisions" title={t('casePage.decisionsTitle')}>
        <DecisionsList caseItem={caseItem} />
      </Section>
      <CaseProtectionPanel orgId={orgId} caseId={caseItem.id} isClosed={caseItem.status === 'closed'} />
      <CaseDocumentsPanel orgId={orgId} caseId={caseItem.id} />
      <CaseTransfersSection orgId={orgId} caseId={caseItem.id} status={caseItem.status} isChild={caseItem.isChild} />
      <EmergencyAccessSection orgId={orgId} caseId={caseItem.id} />
      <CaseDataProtection orgId={orgId} caseId={caseItem.id} reference={caseItem.reference} status={caseItem.status} />
      <Section id="case-timeline" title={t('timeline.title')}>
        <CaseTimeline orgId={orgId} caseId={caseItem.id} />
      </Section>
    </Page>
  );
}
