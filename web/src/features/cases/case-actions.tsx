import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCaseAction } from '../../../../core/nrm/case-status.ts';
import { CLOSURE_REASON_ALLOWED_FROM, CLOSURE_REASONS, type TClosureReason } from '../../../../core/nrm/closure.ts';
import type { TCaseDetail } from '../../api/case-types.ts';
import type { TStatusText } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField, TextAreaField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { formatDateTime } from '../../components/format.ts';
import { RequirementsList } from './requirements-list.tsx';
import { useCloseCase, useRecordDecision, useRequestReconsideration, useSubmitReferral, useWithdrawCase } from './queries.ts';

type TCaseActionsProps = {
  orgId: string;
  caseItem: TCaseDetail;
  /** Receives the confirmation after an action succeeded, for the page's status region. */
  onDone: (status: TStatusText) => void;
};

/** Decision actions, as kind and outcome. */
const DECISIONS: Partial<Record<TCaseAction, { kind: 'RG' | 'CG'; outcome: 'positive' | 'negative' }>> = {
  record_rg_positive: { kind: 'RG', outcome: 'positive' },
  record_rg_negative: { kind: 'RG', outcome: 'negative' },
  record_cg_positive: { kind: 'CG', outcome: 'positive' },
  record_cg_negative: { kind: 'CG', outcome: 'negative' },
};

/**
 * One button per action the server allows this viewer now (`allowedActions`: the transition
 * table and the viewer's permissions, both decided by the server). Each opens its own small form.
 */
export function CaseActions({ orgId, caseItem, onDone }: TCaseActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TCaseAction | null>(null);
  const buttonsRef = useRef<HTMLDivElement>(null);
  const actions = caseItem.allowedActions;

  // The case moved on while a form was open (a colleague's decision, a deadline): the form stays,
  // so what was written is not lost, with a warning; the server refuses it if it is sent.
  const overtaken = open !== null && !actions.includes(open);

  if (actions.length === 0 && !open) return <p className="muted">{t('casePage.noActions')}</p>;

  function finish(status: TStatusText) {
    setOpen(null);
    onDone(status);
  }
  function cancel() {
    const action = open;
    setOpen(null);
    window.requestAnimationFrame(() => buttonsRef.current?.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus());
  }

  return (
    <div className="case-actions">
      <div className="case-actions__buttons" ref={buttonsRef}>
        {actions.map((action) => (
          <Button
            key={action}
            data-action={action}
            variant={action === 'close' || action === 'withdraw' ? 'danger' : open === action ? 'primary' : 'secondary'}
            aria-expanded={open === action}
            onClick={() => setOpen(open === action ? null : action)}
          >
            {t(`caseActions.${action}`)}
          </Button>
        ))}
      </div>
      {overtaken && (
        <p className="status status--warning" role="alert">
          {t('casePage.actionOvertaken', { action: t(`caseActions.${open}`) })}
        </p>
      )}
      {open === 'submit_referral' && <ReferralForm orgId={orgId} caseItem={caseItem} onDone={finish} onCancel={cancel} />}
      {open && DECISIONS[open] && (
        <DecisionForm key={open} orgId={orgId} caseItem={caseItem} action={open} {...DECISIONS[open]} onDone={finish} onCancel={cancel} />
      )}
      {(open === 'request_rg_reconsideration' || open === 'request_cg_reconsideration') && (
        <ReconsiderationForm key={open} orgId={orgId} caseItem={caseItem} action={open} onDone={finish} onCancel={cancel} />
      )}
      {open === 'withdraw' && <WithdrawalForm orgId={orgId} caseItem={caseItem} onDone={finish} onCancel={cancel} />}
      {open === 'close' && <ClosureForm orgId={orgId} caseItem={caseItem} onDone={finish} onCancel={cancel} />}
    </div>
  );
}

type TActionFormProps = {
  orgId: string;
  caseItem: TCaseDetail;
  onDone: (status: TStatusText) => void;
  onCancel: () => void;
};

function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="secondary" onClick={onCancel}>
      {t('casePage.cancel')}
    </Button>
  );
}

function ReferralForm({ orgId, caseItem, onDone, onCancel }: TActionFormProps) {
  const { t } = useTranslation();
  const refer = useSubmitReferral(orgId, caseItem);
  const form = useForm<never>({ initial: {}, issuePaths: {} });
  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form"
      label={t('caseActions.submit_referral')}
      onSubmit={() => refer.mutate({}, { onSuccess: () => onDone((tr) => tr('casePage.referred')) })}
      error={refer.error}
      busy={refer.isPending}
      submitLabel={t('casePage.confirmReferral')}
      busyLabel={t('casePage.working')}
      actions={<CancelButton onCancel={onCancel} />}
    >
      <p>{caseItem.isChild ? t('casePage.referralChild') : t('casePage.referralAdult')}</p>
      <RequirementsList title={t('casePage.missingBeforeReferral')} requirements={caseItem.childProtection.unmet.case} />
    </FormShell>
  );
}

type TReasonsField = 'reasons';
const REASON_PATHS = { reasons: 'reasons' } as const satisfies Record<string, TReasonsField>;

/** One reason per line; empty lines are dropped. */
function splitReasons(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function DecisionForm({ orgId, caseItem, action, kind, outcome, onDone, onCancel }: TActionFormProps & { action: TCaseAction; kind: 'RG' | 'CG'; outcome: 'positive' | 'negative' }) {
  const { t, i18n } = useTranslation();
  const decide = useRecordDecision(orgId, caseItem);
  const form = useForm<TReasonsField>({ initial: { reasons: '' }, issuePaths: REASON_PATHS });
  const earliestCg = caseItem.recoveryPeriod?.earliestCgAt;
  const isEarly = kind === 'CG' && earliestCg !== undefined && new Date(earliestCg).getTime() > Date.now();

  function handleSubmit() {
    decide.reset();
    const reasons = splitReasons(form.values.reasons);
    if (!form.check({ reasons: reasons.length ? undefined : t('casePage.reasonsRequired') })) return;
    decide.mutate(
      { kind, outcome, reasons },
      { onSuccess: () => onDone((tr) => tr('casePage.decided', { decision: tr(`caseActions.${action}`) })), onError: form.showServerErrors },
    );
  }

  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form"
      label={t(`caseActions.${action}`)}
      onSubmit={handleSubmit}
      error={decide.error}
      busy={decide.isPending}
      submitLabel={t('casePage.recordDecision')}
      busyLabel={t('casePage.working')}
      actions={<CancelButton onCancel={onCancel} />}
    >
      <p className="action-form__title">{t(`caseActions.${action}`)}</p>
      <p className="field__hint">{kind === 'RG' ? t('casePage.rgStandard') : t('casePage.cgStandard')}</p>
      {isEarly && earliestCg && <p className="status status--warning">{t('casePage.cgTooEarly', { date: formatDateTime(earliestCg, i18n.language) })}</p>}
      <TextAreaField id={`decision-reasons-${action}`} label={t('casePage.reasons')} hint={t('casePage.reasonsHint')} rows={5} {...form.bind('reasons')} />
    </FormShell>
  );
}

function ReconsiderationForm({ orgId, caseItem, action, onDone, onCancel }: TActionFormProps & { action: TCaseAction }) {
  const { t } = useTranslation();
  const request = useRequestReconsideration(orgId, caseItem);
  const form = useForm<TReasonsField>({ initial: { reasons: '' }, issuePaths: REASON_PATHS });

  function handleSubmit() {
    request.reset();
    const reasons = splitReasons(form.values.reasons);
    if (!form.check({ reasons: reasons.length ? undefined : t('casePage.reasonsRequired') })) return;
    request.mutate({ reasons }, { onSuccess: () => onDone((tr) => tr('casePage.reconsiderationRequested')), onError: form.showServerErrors });
  }

  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form"
      label={t(`caseActions.${action}`)}
      onSubmit={handleSubmit}
      error={request.error}
      busy={request.isPending}
      submitLabel={t('casePage.requestReconsideration')}
      busyLabel={t('casePage.working')}
      actions={<CancelButton onCancel={onCancel} />}
    >
      <p className="action-form__title">{t(`caseActions.${action}`)}</p>
      <TextAreaField id={`reconsideration-reasons-${action}`} label={t('casePage.reconsiderationReasons')} hint={t('casePage.reasonsHint')} rows={4} {...form.bind('reasons')} />
    </FormShell>
  );
}

function WithdrawalForm({ orgId, caseItem, onDone, onCancel }: TActionFormProps) {
  const { t } = useTranslation();
  const withdraw = useWithdrawCase(orgId, caseItem);
  const form = useForm<never>({ initial: {}, issuePaths: {} });
  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form confirm"
      label={t('caseActions.withdraw')}
      onSubmit={() => withdraw.mutate({}, { onSuccess: () => onDone((tr) => tr('casePage.withdrawn')) })}
      error={withdraw.error}
      busy={withdraw.isPending}
      submitLabel={t('casePage.confirmWithdrawal')}
      busyLabel={t('casePage.working')}
      actions={<CancelButton onCancel={onCancel} />}
    >
      <p className="confirm__text">{t('casePage.withdrawalQuestion')}</p>
    </FormShell>
  );
}

type TClosureField = 'reason';

function ClosureForm({ orgId, caseItem, onDone, onCancel }: TActionFormProps) {
  const { t } = useTranslation();
  const close = useCloseCase(orgId, caseItem);
  const form = useForm<TClosureField>({ initial: { reason: '' }, issuePaths: { reason: 'reason' } });
  // The reasons that fit the current status, from core's closure table (the server checks the same table).
  const reasons = CLOSURE_REASONS.filter((reason) => {
    const allowed = CLOSURE_REASON_ALLOWED_FROM[reason];
    return allowed === 'any' || (allowed as readonly string[]).includes(caseItem.status);
  });

  function handleSubmit() {
    close.reset();
    if (!form.check({ reason: form.values.reason ? undefined : t('form.chooseOne') })) return;
    close.mutate({ reason: form.values.reason as TClosureReason }, { onSuccess: () => onDone((tr) => tr('casePage.closed')), onError: form.showServerErrors });
  }

  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form"
      label={t('caseActions.close')}
      onSubmit={handleSubmit}
      error={close.error}
      busy={close.isPending}
      submitLabel={t('casePage.confirmClosure')}
      busyLabel={t('casePage.working')}
      actions={<CancelButton onCancel={onCancel} />}
    >
      <p className="action-form__title">{t('caseActions.close')}</p>
      <RequirementsList title={t('casePage.missingBeforeClosure')} requirements={caseItem.childProtection.unmet.closure} />
      <SelectField
        id="closure-reason"
        label={t('casePage.closureReason')}
        placeholder={t('form.choose')}
        options={reasons.map((reason) => ({ value: reason, label: t(`closureReasons.${reason}`) }))}
        {...form.bind('reason')}
      />
    </FormShell>
  );
}
