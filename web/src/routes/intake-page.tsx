import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReferralDraft } from '../api/case-types.ts';
import { ErrorAlert } from '../components/alert.tsx';
import { Page } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { emptyIntake, mergeIntakeData, type TIntakeData } from '../features/intake/intake-data.ts';
import { IntakeWizard } from '../features/intake/intake-wizard.tsx';
import { useReferralDrafts } from '../features/intake/queries.ts';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';
import { Link } from '../router.tsx';

type TOpenedDraft = { draft: TReferralDraft<Partial<TIntakeData>> | null };

export function IntakePage() {
  return <RequireOrg>{(active) => <Intake key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** New referral, or a saved one continued (`?draft=<id>`). */
function Intake({ active }: { active: TActiveOrganisation }) {
  const { t, i18n } = useTranslation();
  const orgId = active.organisation.id;
  // Read once: the wizard itself later puts a new draft's id into the address.
  const [draftId] = useState(() => new URLSearchParams(window.location.search).get('draft'));
  const drafts = useReferralDrafts(orgId);
  // The draft as found on opening. The list changes under the wizard (a sent notification or a
  // submitted case deletes the draft); following it would swap the wizard's confirmation for
  // "draft missing".
  const [opened, setOpened] = useState<TOpenedDraft | undefined>(undefined);
  if (draftId && opened === undefined && drafts.data) {
    setOpened({ draft: drafts.data.find((d) => d.id === draftId) ?? null });
  }

  if (!active.permissions.includes('case.create')) {
    return (
      <Page title={t('intake.title')}>
        <p>{t('intake.notAllowed')}</p>
      </Page>
    );
  }

  let body;
  if (!draftId) {
    body = <IntakeWizard orgId={orgId} draftId={null} initialData={emptyIntake(i18n.language)} initialStep={0} />;
  } else if (opened === undefined && drafts.error) {
    body = <ErrorAlert error={drafts.error} />;
  } else if (opened === undefined) {
    body = <p className="muted">{t('app.loading')}</p>;
  } else {
    const { draft } = opened;
    body = draft ? (
      <IntakeWizard orgId={orgId} draftId={draft.id} initialData={mergeIntakeData(draft.data, i18n.language)} initialStep={draft.step} />
    ) : (
      <>
        <p>{t('intake.draftMissing')}</p>
        <p>
          <Link to="/cases">{t('intake.backToCases')}</Link>
        </p>
      </>
    );
  }
  return (
    <Page title={t('intake.title')} intro={t('intake.intro')}>
      {body}
    </Page>
  );
}
