import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBestInterestsOutcome, TCaseDetail, TGuardianKind } from '../../api/case-types.ts';
import type { TStatusText } from '../../components/alert.tsx';
import { CheckboxField, RadioGroup } from '../../components/choice-field.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { formatDateTime } from '../../components/format.ts';
import { useMembers } from '../members/queries.ts';
import { useAssignLead, useRecordAgeAssessment, useRecordBestInterests, useRecordGuardian } from './queries.ts';
import { RequirementsList } from './requirements-list.tsx';

type TPanelProps = {
  orgId: string;
  caseItem: TCaseDetail;
  onDone: (status: TStatusText) => void;
};

const GUARDIAN_KINDS: readonly TGuardianKind[] = ['legal_guardian', 'independent_child_trafficking_guardian', 'organisation', 'authority'];
const BID_OUTCOMES: readonly TBestInterestsOutcome[] = ['return_in_best_interests', 'return_not_in_best_interests', 'other_durable_solution'];

/**
 * The child pathway: a child-protection lead, the age assessment, a guardian, and the
 * best-interests determination, with everything the server says is still missing (`unmet`).
 * The forms appear only for viewers with `child.manage` on this case.
 */
export function ChildProtectionPanel({ orgId, caseItem, onDone }: TPanelProps) {
  const { t, i18n } = useTranslation();
  const cp = caseItem.childProtection;
  const canManage = caseItem.abilities['child.manage'] && caseItem.status !== 'closed';
  const lang = i18n.language;
  return (
    <div className="child-protection">
      <RequirementsList title={t('child.unmetCase')} requirements={cp.unmet.case} />
      <RequirementsList title={t('child.unmetClosure')} requirements={cp.unmet.closure} />
      <RequirementsList title={t('child.unmetReturn')} requirements={cp.unmet.return} />
      <p className="muted">{t('child.basis', { basis: t(`childBasis.${knownBasis(caseItem.childBasis)}`) })}</p>

      <div className="subsection">
        <h3 className="subsection__title">{t('child.lead')}</h3>
        <p>{cp.lead ? <bdi>{cp.lead.displayName}</bdi> : <span className="muted">{t('child.noLead')}</span>}</p>
        {canManage && <LeadForm orgId={orgId} caseItem={caseItem} onDone={onDone} />}
      </div>

      <div className="subsection">
        <h3 className="subsection__title">{t('child.ageAssessment')}</h3>
        <p>
          {cp.ageAssessment ? (
            t('child.ageAssessed', { outcome: t(`child.ageOutcome.${cp.ageAssessment.outcome}`), date: formatDateTime(cp.ageAssessment.assessedAt, lang) })
          ) : (
            <span className="muted">{t('child.noAgeAssessment')}</span>
          )}
        </p>
        {canManage && <AgeAssessmentForm orgId={orgId} caseItem={caseItem} onDone={onDone} />}
      </div>

      <div className="subsection">
        <h3 className="subsection__title">{t('child.guardian')}</h3>
        <p>
          {cp.guardian ? (
            <>
              {t(`guardianKinds.${cp.guardian.kind}`)} · <bdi>{cp.guardian.guardianRef}</bdi> · {t('child.appointed', { date: formatDateTime(cp.guardian.appointedAt, lang) })}
            </>
          ) : (
            <span className="muted">{t('child.noGuardian')}</span>
          )}
        </p>
        {canManage && <GuardianForm orgId={orgId} caseItem={caseItem} onDone={onDone} />}
      </div>

      <div className="subsection">
        <h3 className="subsection__title">{t('child.bid')}</h3>
        <p>
          {cp.bestInterestsDetermination ? (
            <>
              {t(`bidOutcomes.${cp.bestInterestsDetermination.outcome}`)} · {t('child.completed', { date: formatDateTime(cp.bestInterestsDetermination.completedAt, lang) })} ·{' '}
              {cp.bestInterestsDetermination.riskAndSecurityAssessment ? t('child.riskDone') : t('child.riskNotDone')}
            </>
          ) : (
            <span className="muted">{t('child.noBid')}</span>
          )}
        </p>
        {canManage && <BestInterestsForm orgId={orgId} caseItem={caseItem} onDone={onDone} />}
      </div>
    </div>
  );
}

const CHILD_BASES = ['confirmed_age', 'age_assessment', 'stated_age_under_majority', 'presumption_pending_assessment', 'stated_age_adult'] as const;
function knownBasis(basis: string): (typeof CHILD_BASES)[number] {
  return (CHILD_BASES as readonly string[]).includes(basis) ? (basis as (typeof CHILD_BASES)[number]) : 'presumption_pending_assessment';
}

function LeadForm({ orgId, caseItem, onDone }: TPanelProps) {
  const { t } = useTranslation();
  const members = useMembers(orgId);
  const assign = useAssignLead(orgId, caseItem.id);
  const form = useForm<'userId'>({ initial: { userId: caseItem.childProtection.lead?.userId ?? '' }, issuePaths: { userId: 'userId' } });
  const validate = useValidators();
  const candidates = (members.data?.members ?? []).filter((m) => m.role === 'child_protection');

  if (members.error) return <p className="muted">{t('child.membersUnavailable')}</p>;
  if (members.data && candidates.length === 0) return <p className="muted">{t('child.noCandidates')}</p>;

  function handleSubmit() {
    assign.reset();
    if (!form.check({ userId: validate.required(form.values.userId) })) return;
    const name = candidates.find((m) => m.userId === form.values.userId)?.displayName ?? '';
    assign.mutate({ userId: form.values.userId }, { onSuccess: () => onDone((tr) => tr('child.leadAssigned', { name })), onError: form.showServerErrors });
  }

  return (
    <FormShell form={form} className="form--inline" onSubmit={handleSubmit} error={assign.error} busy={assign.isPending} submitLabel={t('child.assignLead')} busyLabel={t('casePage.working')}>
      <SelectField
        id="child-lead"
        label={t('child.leadCandidate')}
        placeholder={members.isPending ? t('app.loading') : t('form.choose')}
        options={candidates.map((m) => ({ value: m.userId, label: m.displayName }))}
        {...form.bind('userId')}
      />
    </FormShell>
  );
}

function AgeAssessmentForm({ orgId, caseItem, onDone }: TPanelProps) {
  const { t } = useTranslation();
  const record = useRecordAgeAssessment(orgId, caseItem.id);
  const form = useForm<'outcome'>({ initial: { outcome: '' }, issuePaths: { outcome: 'outcome' } });
  function handleSubmit() {
    record.reset();
    if (!form.check({ outcome: form.values.outcome ? undefined : t('form.chooseOne') })) return;
    record.mutate({ outcome: form.values.outcome as 'child' | 'adult' }, { onSuccess: () => onDone((tr) => tr('child.ageRecorded')), onError: form.showServerErrors });
  }
  return (
    <FormShell form={form} onSubmit={handleSubmit} error={record.error} busy={record.isPending} submitLabel={t('child.recordAge')} busyLabel={t('casePage.working')}>
      <RadioGroup
        id="child-age-outcome"
        legend={t('child.ageQuestion')}
        layout="inline"
        options={(['child', 'adult'] as const).map((v) => ({ value: v, label: t(`ageAtExploitation.${v}`) }))}
        value={form.values.outcome}
        error={form.errors.outcome}
        onChange={(value) => form.setValue('outcome', value)}
      />
    </FormShell>
  );
}

function GuardianForm({ orgId, caseItem, onDone }: TPanelProps) {
  const { t } = useTranslation();
  const validate = useValidators();
  const record = useRecordGuardian(orgId, caseItem.id);
  const current = caseItem.childProtection.guardian;
  const form = useForm<'kind' | 'guardianRef'>({ initial: { kind: current?.kind ?? '', guardianRef: current?.guardianRef ?? '' }, issuePaths: { kind: 'kind', guardianRef: 'guardianRef' } });
  function handleSubmit() {
    record.reset();
    if (!form.check({ kind: validate.required(form.values.kind), guardianRef: validate.required(form.values.guardianRef) })) return;
    record.mutate(
      { kind: form.values.kind as TGuardianKind, guardianRef: form.values.guardianRef.trim() },
      { onSuccess: () => onDone((tr) => tr('child.guardianRecorded')), onError: form.showServerErrors },
    );
  }
  return (
    <FormShell form={form} onSubmit={handleSubmit} error={record.error} busy={record.isPending} submitLabel={t('child.recordGuardian')} busyLabel={t('casePage.working')}>
      <SelectField id="child-guardian-kind" label={t('child.guardianKind')} placeholder={t('form.choose')} options={GUARDIAN_KINDS.map((k) => ({ value: k, label: t(`guardianKinds.${k}`) }))} {...form.bind('kind')} />
      <TextField id="child-guardian-ref" label={t('child.guardianRef')} hint={t('child.guardianRefHint')} autoComplete="off" {...form.bind('guardianRef')} />
    </FormShell>
  );
}

function BestInterestsForm({ orgId, caseItem, onDone }: TPanelProps) {
  const { t } = useTranslation();
  const record = useRecordBestInterests(orgId, caseItem.id);
  const form = useForm<'outcome'>({ initial: { outcome: '' }, issuePaths: { outcome: 'outcome' } });
  const [riskDone, setRiskDone] = useState(false);
  function handleSubmit() {
    record.reset();
    if (!form.check({ outcome: form.values.outcome ? undefined : t('form.chooseOne') })) return;
    record.mutate(
      { outcome: form.values.outcome as TBestInterestsOutcome, riskAndSecurityAssessmentDone: riskDone },
      { onSuccess: () => onDone((tr) => tr('child.bidRecorded')), onError: form.showServerErrors },
    );
  }
  return (
    <FormShell form={form} onSubmit={handleSubmit} error={record.error} busy={record.isPending} submitLabel={t('child.recordBid')} busyLabel={t('casePage.working')}>
      <RadioGroup
        id="child-bid-outcome"
        legend={t('child.bidOutcome')}
        options={BID_OUTCOMES.map((o) => ({ value: o, label: t(`bidOutcomes.${o}`) }))}
        value={form.values.outcome}
        error={form.errors.outcome}
        onChange={(value) => form.setValue('outcome', value)}
      />
      <CheckboxField id="child-bid-risk" label={t('child.riskAssessment')} checked={riskDone} onChange={setRiskDone} />
    </FormShell>
  );
}
