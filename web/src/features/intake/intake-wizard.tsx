import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralConsentRequirements } from '../../../../core/nrm/consent.ts';
import { COE_PROFILE } from '../../../../core/nrm/jurisdictions/coe.ts';
import { indicatorListIdFor } from '../../../../core/screening/indicators/index.ts';
import type { TCaseDetail } from '../../api/case-types.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { formatTime } from '../../components/format.ts';
import { useFormErrors, type TFieldErrors } from '../../components/form.ts';
import { Link, navigate } from '../../router.tsx';
import { setFlash } from '../cases/flash.ts';
import { caseApi, storeCase } from '../cases/queries.ts';
import { useScreeningLists } from '../screening/queries.ts';
import { useActiveOrg } from '../session/active-org.tsx';
import { SessionExpiryWarning } from '../session/session-expiry-warning.tsx';
import { recordDuplicateDecision, useDuplicateCheck, type TDuplicateMatch } from './duplicate-check.ts';
import { DuplicatePanel } from './duplicate-panel.tsx';
import { AnonymousNotificationForm } from './anonymous-notification-form.tsx';
import {
  anonymousNotificationFrom,
  INTAKE_STEPS,
  looksLikeChild,
  newDraftId,
  parseAge,
  toConsentRequest,
  toCreateCaseRequest,
  toScreeningRequest,
  type TIntakeData,
  type TIntakeStep,
} from './intake-data.ts';
import { IntakeReview } from './intake-review.tsx';
import { CircumstancesStep, ConsentStep, PersonStep, ScreeningStep, type TIntakeField } from './intake-steps.tsx';
import { useDeleteDraft, useSaveDraft } from './queries.ts';

/** How often unsaved changes are sent to the server draft while the user types. */
const AUTOSAVE_MS = 30_000;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

type TIntakeWizardProps = {
  orgId: string;
  /** The draft being continued, or null for a new referral (an id is made on the first save). */
  draftId: string | null;
  initialData: TIntakeData;
  initialStep: number;
};

type TMode = 'form' | 'anonymous' | 'anonymousSent';

/**
 * The multi-step referral: person → circumstances → screening → consent → review. Each step
 * change and a timer save a server draft (encrypted there), so an interrupted interview can be
 * continued; submitting creates the case, records the screening and consent, then refers.
 */
export function IntakeWizard({ orgId, draftId: initialDraftId, initialData, initialStep }: TIntakeWizardProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lists = useScreeningLists();
  const saveDraft = useSaveDraft(orgId);
  // mutateAsync is stable across renders (unlike the mutation object), so the timer is not reset by typing.
  const saveDraftAsync = saveDraft.mutateAsync;
  const deleteDraft = useDeleteDraft(orgId);
  const { formRef, errors, show } = useFormErrors<TIntakeField>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const [data, setData] = useState<TIntakeData>(initialData);
  const [stepIndex, setStepIndex] = useState(Math.min(Math.max(initialStep, 0), INTAKE_STEPS.length - 1));
  const [mode, setMode] = useState<TMode>('form');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);

  const draftIdRef = useRef<string | null>(initialDraftId);
  const savedRef = useRef<string>(initialDraftId ? JSON.stringify({ step: initialStep, data: initialData }) : JSON.stringify({ step: 0, data: initialData }));
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const finishedRef = useRef(false);

  const step: TIntakeStep = INTAKE_STEPS[stepIndex] ?? 'person';
  const isChild = looksLikeChild(data.person);

  // The registration-time duplicate check: runs while the person is typed, never blocks the form.
  const { can } = useActiveOrg();
  const duplicates = useDuplicateCheck(orgId, data.person, mode === 'form' && !data.submission);
  const matchedPersonIds = duplicates.matches.map((match) => match.personId);
  const matchesKey = matchedPersonIds.join(',');
  const [acknowledgedMatches, setAcknowledgedMatches] = useState('');

  /** Sends the draft when it differs from the last saved one; resolves when done (never throws). */
  const save = useCallback(
    async (nextStep: number, nextData: TIntakeData) => {
      if (finishedRef.current) return;
      const json = JSON.stringify({ step: nextStep, data: nextData });
      if (json === savedRef.current) return;
      if (!draftIdRef.current) {
        draftIdRef.current = newDraftId();
        // A reload now continues this draft instead of starting over.
        navigate(`/cases/new?draft=${draftIdRef.current}`, { replace: true, moveFocus: false });
      }
      try {
        await saveDraftAsync({ id: draftIdRef.current, step: nextStep, data: nextData });
        savedRef.current = json;
        setSavedAt(new Date());
        // A request keeps the session alive: re-read its end time for the expiry warning.
        void queryClient.invalidateQueries({ queryKey: ['session'] });
      } catch {
        // Shown by the status line (saveDraft.error); the next save tries again.
      }
    },
    [saveDraftAsync, queryClient],
  );

  // Save on a timer too: a long interview on one step must not be lost to a dropped connection.
  const latest = useRef({ stepIndex, data });
  latest.current = { stepIndex, data };
  useEffect(() => {
    const timer = window.setInterval(() => void save(latest.current.stepIndex, latest.current.data), AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [save]);

  useEffect(() => {
    headingRef.current?.focus();
  }, [stepIndex, mode]);

  function update<K extends keyof TIntakeData>(key: K, part: Partial<NonNullable<TIntakeData[K]>>) {
    setData((current) => ({ ...current, [key]: { ...(current[key] as object), ...part } }));
  }

  function validate(current: TIntakeStep): TFieldErrors<TIntakeField> {
    if (current === 'person') {
      const p = data.person;
      return {
        sex: p.sex ? undefined : t('form.chooseOne'),
        ageStatus: p.ageStatus ? undefined : t('form.chooseOne'),
        ageYears: p.ageYears.trim() && parseAge(p.ageYears) === null ? t('intake.ageInvalid') : undefined,
      };
    }
    if (current === 'circumstances') {
      return { exploitationForms: data.circumstances.exploitationForms.length ? undefined : t('form.chooseOne') };
    }
    if (current === 'consent' && !isChild) {
      const c = data.consent;
      const errs: TFieldErrors<TIntakeField> = {
        decision: c.decision ? undefined : t('form.chooseOne'),
        topicsExplained: c.topicsExplained.length ? undefined : t('form.chooseOne'),
        language: LANGUAGE_TAG.test(c.language.trim()) ? undefined : t('intake.languageInvalid'),
      };
      if (c.decision === 'given' && !errs.topicsExplained) {
        // The same check the server makes before a referral (core/nrm consent rules).
        const unmet = referralConsentRequirements(COE_PROFILE, {
          isChild: false,
          consent: { ...toConsentRequest(c), decision: 'given', explainedAt: new Date().toISOString(), explainedBy: { userId: '-', orgId } },
        });
        if (unmet.some((u) => u.code === 'CONSENT_NOT_INFORMED')) errs.topicsExplained = t('intake.topicsAll');
      }
      return errs;
    }
    return {};
  }

  function goTo(index: number) {
    void save(index, data);
    setStepIndex(index);
    show({});
    setSubmitError(null);
  }

  function handleContinue() {
    const problems = validate(step);
    show(problems);
    if (Object.values(problems).some(Boolean)) return;
    if (step === 'review') {
      void handleSubmit();
      return;
    }
    goTo(stepIndex + 1);
  }

  function handleEdit(target: TIntakeStep) {
    goTo(INTAKE_STEPS.indexOf(target));
  }

  const isDeclined = !isChild && data.consent.decision === 'declined' && !data.submission;

  async function handleSubmit() {
    // Every step must be complete; the first incomplete one is shown with its errors.
    for (const [index, candidate] of INTAKE_STEPS.entries()) {
      const problems = validate(candidate);
      if (Object.values(problems).some(Boolean)) {
        setStepIndex(index);
        show(problems);
        return;
      }
    }
    if (isDeclined) {
      void save(stepIndex, data);
      setMode('anonymous');
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    let current = data;
    const remember = async (next: TIntakeData) => {
      current = next;
      setData(next);
      await save(stepIndex, next);
    };
    try {
      let caseItem: TCaseDetail;
      if (current.submission) {
        caseItem = (await caseApi.get(orgId, current.submission.caseId)).case;
      } else {
        caseItem = (await caseApi.create(orgId, toCreateCaseRequest(current))).case;
        // possible matches were on screen and the user registered a new person: recorded, in the background
        if (matchedPersonIds.length > 0) void recordDuplicateDecision(orgId, { decision: 'registered_anyway', caseId: caseItem.id, matchedPersonIds });
        await remember({ ...current, submission: { caseId: caseItem.id, screeningRecorded: false, consentRecorded: false } });
      }
      const progress = () => current.submission ?? { caseId: caseItem.id, screeningRecorded: false, consentRecorded: false };
      const list = lists.data?.find((l) => l.id === current.screening.listId);
      if (list && !progress().screeningRecorded) {
        await caseApi.recordScreening(orgId, caseItem.id, toScreeningRequest(list, current.screening.observations));
        await remember({ ...current, submission: { ...progress(), screeningRecorded: true } });
      }
      // The server decides who is a child; only adults record consent.
      if (!caseItem.isChild && !progress().consentRecorded && current.consent.decision) {
        caseItem = (await caseApi.recordConsent(orgId, caseItem.id, toConsentRequest(current.consent))).case;
        await remember({ ...current, submission: { ...progress(), consentRecorded: true } });
      }
      caseItem = (await caseApi.get(orgId, caseItem.id)).case;
      let outcome: 'referred' | 'needsLead' | 'notReferred' = 'notReferred';
      if (caseItem.childProtection.unmet.case.length > 0) {
        outcome = 'needsLead';
      } else if (caseItem.allowedActions.includes('submit_referral') && (caseItem.isChild || caseItem.consent?.decision === 'given')) {
        caseItem = (await caseApi.refer(orgId, caseItem.id, caseItem.version)).case;
        outcome = 'referred';
      }
      await storeCase(queryClient, orgId, caseItem);
      finishedRef.current = true;
      if (draftIdRef.current) deleteDraft.mutate(draftIdRef.current);
      const reference = caseItem.reference;
      setFlash(`/cases/${caseItem.id}`, (tr) =>
        outcome === 'referred' ? tr('intake.doneReferred', { reference }) : outcome === 'needsLead' ? tr('intake.doneNeedsLead', { reference }) : tr('intake.doneCreated', { reference }),
      );
      navigate(`/cases/${caseItem.id}`);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  }

  /** Opens an existing case instead: the draft is saved first (nothing typed is lost), the choice recorded. */
  async function handleOpenExisting(match: TDuplicateMatch, caseId: string) {
    await save(stepIndex, data);
    await recordDuplicateDecision(orgId, { decision: 'opened_existing', caseId, matchedPersonIds: [match.personId] });
    navigate(`/cases/${caseId}`);
  }

  const duplicatePanel = (
    <DuplicatePanel
      matches={duplicates.matches}
      identityVisible={can('person.readIdentity')}
      acknowledged={matchesKey !== '' && acknowledgedMatches === matchesKey}
      onAcknowledge={() => setAcknowledgedMatches(matchesKey)}
      onOpenCase={(match, caseId) => void handleOpenExisting(match, caseId)}
    />
  );

  function handleNotificationSent() {
    finishedRef.current = true;
    if (draftIdRef.current) deleteDraft.mutate(draftIdRef.current);
    setMode('anonymousSent');
  }

  const reassurance = t('intake.savedReassurance');
  const expiryWarning = <SessionExpiryWarning reassurance={reassurance} onStay={() => save(latest.current.stepIndex, latest.current.data)} />;

  if (mode === 'anonymousSent') {
    return (
      <>
        <h2 className="section__title" ref={headingRef} tabIndex={-1}>
          {t('anonymous.sentTitle')}
        </h2>
        <StatusMessage>{t('anonymous.sent')}</StatusMessage>
        <p>
          <Link to="/cases">{t('intake.backToCases')}</Link>
        </p>
      </>
    );
  }

  if (mode === 'anonymous') {
    return (
      <>
        {expiryWarning}
        <h2 className="section__title" ref={headingRef} tabIndex={-1}>
          {t('anonymous.title')}
        </h2>
        <AnonymousNotificationForm orgId={orgId} initial={anonymousNotificationFrom(data)} onSent={handleNotificationSent} onCancel={() => setMode('form')} />
      </>
    );
  }

  const suggestedListId =
    data.circumstances.exploitationForms.includes('labour') || data.circumstances.exploitationForms.includes('sexual')
      ? indicatorListIdFor(isChild ? 'child' : 'adult', data.circumstances.exploitationForms.includes('labour') ? 'labour' : 'sexual')
      : null;

  const submitLabel = isDeclined ? t('intake.continueAnonymous') : isChild ? t('intake.submitChild') : t('intake.submit');

  return (
    <>
      {expiryWarning}
      <ol className="steps" aria-label={t('intake.progress')}>
        {INTAKE_STEPS.map((name, index) => (
          <li key={name} className={index === stepIndex ? 'steps__item steps__item--current' : index < stepIndex ? 'steps__item steps__item--done' : 'steps__item'} aria-current={index === stepIndex ? 'step' : undefined}>
            {index < stepIndex ? (
              <Button variant="link" onClick={() => goTo(index)}>
                {t('intake.stepLabel', { number: index + 1, name: t(`intake.steps.${name}`) })}
              </Button>
            ) : (
              <span>{t('intake.stepLabel', { number: index + 1, name: t(`intake.steps.${name}`) })}</span>
            )}
          </li>
        ))}
      </ol>
      <form
        ref={formRef}
        className="form form--wide"
        noValidate
        aria-labelledby="intake-step-title"
        onSubmit={(event) => {
          event.preventDefault();
          handleContinue();
        }}
      >
        <h2 className="section__title" id="intake-step-title" ref={headingRef} tabIndex={-1}>
          {t(`intake.steps.${step}`)}
        </h2>
        {Object.values(errors).some(Boolean) && <p className="alert alert--error alert__text" role="alert">{t('form.fixErrors')}</p>}
        {step === 'person' && (
          <>
            <PersonStep data={data} errors={errors} onChange={(part) => update('person', part)} />
            {duplicatePanel}
          </>
        )}
        {step === 'circumstances' && <CircumstancesStep data={data} errors={errors} onChange={(part) => update('circumstances', part)} />}
        {step === 'screening' &&
          (lists.data ? (
            <ScreeningStep data={data} errors={errors} lists={lists.data} suggestedListId={suggestedListId} onChange={(part) => update('screening', part)} />
          ) : lists.error ? (
            <ErrorAlert error={lists.error} />
          ) : (
            <p className="muted">{t('app.loading')}</p>
          ))}
        {step === 'consent' && <ConsentStep data={data} errors={errors} onChange={(part) => update('consent', part)} />}
        {step === 'review' && (
          <>
            <IntakeReview data={data} lists={lists.data ?? []} onEdit={handleEdit} />
            {duplicatePanel}
            <p className="status status--neutral">{isDeclined ? t('intake.routeDeclined') : isChild ? t('intake.routeChild') : t('intake.routeAdult')}</p>
            <ErrorAlert error={submitError} />
          </>
        )}
        <div className="form__actions form__actions--split">
          {stepIndex > 0 && (
            <Button variant="secondary" onClick={() => goTo(stepIndex - 1)}>
              {t('intake.back')}
            </Button>
          )}
          <Button type="submit" busy={submitting} busyLabel={t('intake.submitting')}>
            {step === 'review' ? submitLabel : t('intake.continue')}
          </Button>
        </div>
        <p className="muted intake__saved" aria-live="polite">
          {saveDraft.isPending
            ? t('intake.saving')
            : saveDraft.isError
              ? t('intake.saveFailed')
              : savedAt
                ? t('intake.savedAt', { time: formatTime(savedAt, i18n.language) })
                : null}
        </p>
      </form>
    </>
  );
}
