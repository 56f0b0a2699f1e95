import { Suspense, useState } from 'react';
import { consentBasisRequirements } from '../../../../core/protection/consent.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { CheckboxField } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { Link } from '../../router.tsx';
import { useProtectionTranslation } from '../protection/i18n.ts';
import { CONSENT_BASES } from '../protection/types.ts';
import { useActiveOrg } from '../session/active-org.tsx';
import { useTransferLabels } from './labels.ts';
import { useCaseTransfers, useReceivingOrganisations, useRequestTransfer } from './queries.ts';
import type { TTransferView } from './types.ts';
import './transfers.css';

type TCaseFacts = { orgId: string; caseId: string; status: string; isChild: boolean };

/**
 * "Transfer of responsibility" on the case page: the case's hand-overs so far and, for holders of
 * case.transfer while the case is open, the request form (receiver, the person's consent, a note).
 */
export function CaseTransfersSection(props: TCaseFacts) {
  return (
    <Suspense fallback={null}>
      <CaseTransfers {...props} />
    </Suspense>
  );
}

function CaseTransfers({ orgId, caseId, status, isChild }: TCaseFacts) {
  const { t } = useProtectionTranslation();
  const { can } = useActiveOrg();
  const transfers = useCaseTransfers(orgId, caseId);
  const open = transfers.data?.find((tr) => tr.status === 'requested');
  // Drafts have nothing to hand over yet, closed cases nothing any more (core/protection/case-transfer.ts).
  const transferable = status !== 'draft' && status !== 'closed';
  // Kept here, not in the form: once requested, the form gives way to the open transfer.
  const [done, setDone] = useState('');
  // The form (and its look-ups of receiving organisations) mounts only once opened: most visits never do.
  const [formOpen, setFormOpen] = useState(false);
  return (
    <section className="section" aria-labelledby="case-transfers">
      <h2 className="section__title" id="case-transfers">{t('transfers.caseTitle')}</h2>
      <p className="muted">{t('transfers.caseIntro')}</p>
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={transfers.error} />
      {transfers.data && <TransferHistory transfers={transfers.data} />}
      {can('case.transfer') && transferable && transfers.data && (open ? (
        <p className="transfer-open-note">{t('transfers.openAlready')} <Link to={`/case-transfers/${open.id}`}>{t('transfers.open')}</Link></p>
      ) : (
        <details className="disclosure" onToggle={(event) => setFormOpen(event.currentTarget.open)}>
          <summary>{t('transfers.request')}</summary>
          {formOpen && <TransferForm orgId={orgId} caseId={caseId} isChild={isChild} onDone={setDone} />}
        </details>
      ))}
    </section>
  );
}

/** The hand-overs of one case, newest first (also shown when the case was transferred away). */
export function TransferHistory({ transfers }: { transfers: TTransferView[] }) {
  const { t } = useProtectionTranslation();
  const labels = useTransferLabels();
  if (transfers.length === 0) return <p>{t('transfers.historyEmpty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="sr-only">{t('transfers.historyTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transfers.receiver')}</th>
            <th scope="col">{t('transfers.status')}</th>
            <th scope="col">{t('transfers.requestedAt')}</th>
            <th scope="col">{t('transfers.respondedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {transfers.map((tr) => (
            <tr key={tr.id}>
              <td data-label={t('transfers.receiver')}><Link to={`/case-transfers/${tr.id}`}><bdi>{tr.receivingOrg.name}</bdi></Link></td>
              <td data-label={t('transfers.status')}>
                <span className={`badge transfer-status--${tr.status}`}>{labels.status(tr.status)}</span>
                {tr.rejectReason && <> — {labels.rejectReason(tr.rejectReason)}</>}
                {tr.status === 'accepted' && tr.keepsReadAccess !== null && <> · {tr.keepsReadAccess ? t('transfers.readAccessKept') : t('transfers.readAccessEnded')}</>}
              </td>
              <td data-label={t('transfers.requestedAt')}><bdi>{tr.requestedAt.slice(0, 10)}</bdi>{tr.requestedBy && <> · <bdi>{tr.requestedBy}</bdi></>}</td>
              <td data-label={t('transfers.respondedAt')}>{tr.respondedAt ? <bdi>{tr.respondedAt.slice(0, 10)}</bdi> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who may consent for this person: the bases core/protection/consent.ts accepts for an adult or a child. */
function allowedBases(isChild: boolean): string[] {
  return CONSENT_BASES.filter((basis) => !consentBasisRequirements({ isChild, isUnaccompanied: false, hasGuardian: true }, basis).some((u) => u.code === 'CONSENT_BASIS_NOT_ALLOWED'));
}

function TransferForm({ orgId, caseId, isChild, onDone }: { orgId: string; caseId: string; isChild: boolean; onDone: (message: string) => void }) {
  const { t } = useProtectionTranslation();
  const labels = useTransferLabels();
  const { can } = useActiveOrg();
  const { required } = useValidators();
  const receivers = useReceivingOrganisations(orgId);
  const request = useRequestTransfer(orgId, caseId);
  const bases = allowedBases(isChild);
  const [interpreter, setInterpreter] = useState(false);
  const form = useForm({
    initial: { receivingOrgId: '', basis: bases[0] ?? 'person', language: '', note: '' },
    issuePaths: { receivingOrgId: 'receivingOrgId', 'consent.basis': 'basis', 'consent.language': 'language', note: 'note' },
  });
  const v = form.values;
  return (
    <FormShell form={form} label={t('transfers.request')} error={request.error ?? receivers.error} errorMessage={labels.errorMessage(request.error)}
      busy={request.isPending} submitLabel={t('transfers.submit')} busyLabel={t('common.sending')}
      onSubmit={() => {
        const ok = form.check({
          receivingOrgId: required(v.receivingOrgId),
          language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.language.trim()) ? undefined : t('forms.languageCode'),
        });
        if (!ok) return;
        const receiver = receivers.options.find((o) => o.id === v.receivingOrgId)?.name ?? '';
        request.mutate(
          { receivingOrgId: v.receivingOrgId, consent: { basis: v.basis, language: v.language.trim(), interpreterUsed: interpreter }, note: v.note.trim() || null },
          { onSuccess: () => onDone(t('transfers.requested', { organisation: receiver })), onError: form.showServerErrors },
        );
      }}>
      {!receivers.isPending && receivers.options.length === 0 && <p>{t('transfers.noReceivers')}</p>}
      <SelectField id="transfer-org" label={t('transfers.receivingOrg')} hint={t('transfers.receivingOrgHint')} placeholder={t('common.choose')}
        options={receivers.options.map((o) => ({ value: o.id, label: o.name }))} {...form.bind('receivingOrgId')} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('transfers.consentLegend')}</legend>
        <SelectField id="transfer-basis" label={t('transfers.basis')} options={bases.map((b) => ({ value: b, label: labels.basis(b) }))} {...form.bind('basis')} />
        <TextField id="transfer-language" label={t('transfers.language')} hint={t('forms.languageCodeHint')} {...form.bind('language')} />
        <CheckboxField id="transfer-interpreter" label={t('deliveries.interpreter')} checked={interpreter} onChange={setInterpreter} />
      </fieldset>
      <TextAreaField id="transfer-note" label={t('transfers.note')} hint={t('transfers.noteHint')} rows={3} maxLength={4000} {...form.bind('note')} />
    </FormShell>
  );
}

/**
 * Shown instead of the case when the server answers CASE_TRANSFERRED: the case was handed to
 * another organisation and this one did not keep read access. The hand-over history stays visible.
 */
export function TransferredAwayNotice({ orgId, caseId }: { orgId: string; caseId: string }) {
  return (
    <Suspense fallback={null}>
      <TransferredAway orgId={orgId} caseId={caseId} />
    </Suspense>
  );
}

function TransferredAway({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useProtectionTranslation();
  const transfers = useCaseTransfers(orgId, caseId);
  const accepted = transfers.data?.find((tr) => tr.status === 'accepted');
  return (
    <>
      <div className="alert alert--info transfer-away" role="status">
        <p className="alert__text"><strong>{t('transferred.title')}</strong></p>
        <p className="alert__text">{accepted ? t('transferred.bodyTo', { organisation: accepted.receivingOrg.name }) : t('transferred.body')}</p>
        <p className="alert__text">{t('transferred.noAccess')}</p>
      </div>
      <section className="section" aria-labelledby="case-transfers">
        <h2 className="section__title" id="case-transfers">{t('transfers.caseTitle')}</h2>
        <ErrorAlert error={transfers.error} />
        {transfers.data && <TransferHistory transfers={transfers.data} />}
      </section>
    </>
  );
}
