import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-field.tsx';
import { SelectField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link, navigate } from '../../router.tsx';
import { setFlash } from '../cases/flash.ts';
import { useProtectionTranslation } from '../protection/i18n.ts';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useTransferLabels } from './labels.ts';
import { useTransfer, useTransferBox, useTransferCommand } from './queries.ts';
import { TRANSFER_BOXES, TRANSFER_REJECT_REASONS, type TTransferBox, type TTransferView } from './types.ts';
import './transfers.css';
import { blockingError } from '../../components/errors.ts';

/** `/case-transfers`: transfers other organisations asked us to take (incoming) and those we asked (outgoing). */
export function TransfersPage() {
  return <RequireOrg>{(active) => <Transfers key={active.organisation.id} active={active} />}</RequireOrg>;
}

function Transfers({ active }: { active: TActiveOrganisation }) {
  const { t } = useProtectionTranslation();
  const labels = useTransferLabels();
  const orgId = active.organisation.id;
  const [box, setBox] = useState<TTransferBox>('incoming');
  const allowed = active.permissions.includes('case.transfer');
  const transfers = useTransferBox(orgId, box);
  if (!allowed) return <Page title={t('transferInbox.title')}><p>{t('transferInbox.notAllowed')}</p></Page>;
  return (
    <Page title={t('transferInbox.title')} intro={t('transferInbox.intro')}>
      <RadioGroup id="transfer-box" legend={t('transferInbox.show')} layout="segmented" value={box} onChange={(value) => setBox(value as TTransferBox)}
        options={TRANSFER_BOXES.map((b) => ({ value: b, label: t(`transferInbox.boxes.${b}`) }))} />
      <ErrorAlert error={transfers.error} />
      {transfers.isPending && <p className="muted">{t('common.loading')}</p>}
      {transfers.data && transfers.data.length === 0 && <p role="status">{t('transferInbox.empty')}</p>}
      {transfers.data && transfers.data.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="sr-only">{t(`transferInbox.boxes.${box}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{box === 'incoming' ? t('transfers.sender') : t('transfers.receiver')}</th>
                <th scope="col">{t('transferInbox.person')}</th>
                <th scope="col">{t('transfers.status')}</th>
                <th scope="col">{t('transfers.requestedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {transfers.data.map((tr) => (
                <tr key={tr.id}>
                  <td data-label={box === 'incoming' ? t('transfers.sender') : t('transfers.receiver')}>
                    <Link to={`/case-transfers/${tr.id}`}><bdi>{box === 'incoming' ? tr.sendingOrg.name : tr.receivingOrg.name}</bdi></Link>
                    {tr.caseReference && <><br /><bdi className="muted">{tr.caseReference}</bdi></>}
                  </td>
                  <td data-label={t('transferInbox.person')}><PersonLine transfer={tr} /></td>
                  <td data-label={t('transfers.status')}><span className={`badge transfer-status--${tr.status}`}>{labels.status(tr.status)}</span></td>
                  <td data-label={t('transfers.requestedAt')}><bdi>{tr.requestedAt.slice(0, 10)}</bdi></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

/** "Female, 29, RO" (no name: the receiver decides on the summary only). */
function PersonLine({ transfer }: { transfer: TTransferView }) {
  const { t, i18n } = useTranslation();
  const p = useProtectionTranslation().t;
  const s = transfer.summary;
  const parts = [t(`sexes.${s.sex}` as never, { defaultValue: s.sex } as never) as unknown as string, s.ageYears === null ? null : String(s.ageYears), s.citizenship, s.isChild ? p('transfer.child') : null];
  return <>{listOf(parts.filter((part): part is string => Boolean(part)), i18n.language)}</>;
}

/** "a, b, c" with the language's own comma (Arabic uses "،"); Intl.ListFormat would add "and". */
function listOf(items: string[], language: string): string {
  return items.join(language === 'ar' ? '، ' : ', ');
}

export function TransferPage({ transferId }: { transferId: string }) {
  return <RequireOrg>{(active) => <Transfer key={active.organisation.id} active={active} transferId={transferId} />}</RequireOrg>;
}

/**
 * One transfer. The receiver reads the summary and the sender's note, then accepts (a new case
 * is created here and opened) or rejects with a reason; the sender may cancel while it is open.
 */
function Transfer({ active, transferId }: { active: TActiveOrganisation; transferId: string }) {
  const { t } = useProtectionTranslation();
  const { t: main, i18n } = useTranslation();
  const labels = useTransferLabels();
  const orgId = active.organisation.id;
  const query = useTransfer(orgId, transferId);
  const command = useTransferCommand(orgId, transferId);
  const [status, setStatus] = useState('');
  const [rejecting, setRejecting] = useState(false);
  if (query.isPending) return <Page title={t('transfer.title')}><p className="muted">{t('common.loading')}</p></Page>;
  const blocking = blockingError(query);
  if (blocking || query.data === undefined) return <Page title={t('transfer.title')}><ErrorAlert error={blocking} message={labels.errorMessage(blocking)} /><p><Link to="/case-transfers">{t('transfer.back')}</Link></p></Page>;
  const tr = query.data;
  const incoming = tr.direction === 'incoming';
  const isOpen = tr.status === 'requested';
  const canAnswer = incoming && isOpen && active.permissions.includes('case.transfer');
  const s = tr.summary;
  const accept = () => command.mutate({ command: 'accept', body: { expectedVersion: tr.version } }, {
    onSuccess: (data) => {
      if (!data) return;
      // The new case is ours now: open it, with the confirmation waiting at the top.
      setFlash(`/cases/${data.caseId}`, () => t('transfer.accepted'));
      navigate(`/cases/${data.caseId}`);
    },
  });
  const cancel = () => command.mutate({ command: 'cancel', body: { expectedVersion: tr.version } }, { onSuccess: () => setStatus(t('transfer.cancelled')) });
  return (
    <Page title={incoming ? t('transfer.headingFrom', { organisation: tr.sendingOrg.name }) : t('transfer.headingTo', { organisation: tr.receivingOrg.name })}
      intro={<span className={`badge transfer-status--${tr.status}`}>{labels.status(tr.status)}</span>}>
      <p>
        <Link to="/case-transfers">{t('transfer.back')}</Link>
        {tr.caseId && tr.caseReference && <> · <Link to={`/cases/${tr.caseId}`}>{t('transfer.oldCase', { reference: tr.caseReference })}</Link></>}
        {tr.newCaseId && <> · <Link to={`/cases/${tr.newCaseId}`}>{t('transfer.newCase')}</Link></>}
      </p>
      <StatusMessage>{status}</StatusMessage>
      <Section id="transfer-summary" title={t('transfer.summaryTitle')}>
        <dl className="transfer-facts">
          <dt>{t('transfers.sender')}</dt>
          <dd><bdi>{tr.sendingOrg.name}</bdi>{tr.requestedBy && <> — <bdi>{tr.requestedBy}</bdi></>}</dd>
          <dt>{t('transfers.receiver')}</dt>
          <dd><bdi>{tr.receivingOrg.name}</bdi></dd>
          <dt>{t('transfers.requestedAt')}</dt>
          <dd><bdi>{tr.requestedAt.slice(0, 10)}</bdi></dd>
          <dt>{t('transfer.caseStatus')}</dt>
          <dd>{main(`caseStatus.${s.caseStatus}` as never, { defaultValue: s.caseStatus } as never) as unknown as string}</dd>
          <dt>{t('transfer.person')}</dt>
          <dd><PersonLine transfer={tr} /></dd>
          <dt>{t('transfer.exploitation')}</dt>
          <dd>{listOf(s.exploitationForms.map((f) => main(`exploitationTypes.${f}` as never, { defaultValue: f } as never) as unknown as string), i18n.language) || '—'}</dd>
          <dt>{t('transfer.consentBasis')}</dt>
          <dd>{labels.basis(tr.consentBasis)}</dd>
          {tr.respondedAt && (<><dt>{t('transfers.respondedAt')}</dt><dd><bdi>{tr.respondedAt.slice(0, 10)}</bdi></dd></>)}
          {tr.rejectReason && (<><dt>{t('transfer.rejectReason')}</dt><dd>{labels.rejectReason(tr.rejectReason)}</dd></>)}
          {tr.status === 'accepted' && tr.keepsReadAccess !== null && !incoming && (<><dt>{t('transfer.access')}</dt><dd>{tr.keepsReadAccess ? t('transfers.readAccessKept') : t('transfers.readAccessEnded')}</dd></>)}
        </dl>
        {incoming && isOpen && (
          <>
            <h3>{t('transfer.note')}</h3>
            {tr.note ? <p className="transfer-note"><bdi>{tr.note}</bdi></p> : <p className="muted">{t('transfer.noNote')}</p>}
          </>
        )}
      </Section>
      {canAnswer && (
        <Section id="transfer-answer" title={t('transfer.answerTitle')}>
          <p>{t('transfer.acceptHint')}</p>
          <ErrorAlert error={command.error} message={labels.errorMessage(command.error)} />
          <div className="form__actions">
            <Button busy={command.isPending} busyLabel={t('common.working')} onClick={accept}>{t('transfer.accept')}</Button>
            {!rejecting && <Button variant="secondary" onClick={() => setRejecting(true)}>{t('transfer.reject')}</Button>}
          </div>
          {rejecting && <RejectForm orgId={orgId} transfer={tr} onDone={() => { setRejecting(false); setStatus(t('transfer.rejected')); }} onCancel={() => setRejecting(false)} />}
        </Section>
      )}
      {!incoming && isOpen && active.permissions.includes('case.transfer') && (
        <Section id="transfer-cancel" title={t('transfer.cancelTitle')}>
          <ErrorAlert error={command.error} message={labels.errorMessage(command.error)} />
          <Button variant="danger" busy={command.isPending} busyLabel={t('common.working')} onClick={cancel}>{t('transfer.cancel')}</Button>
        </Section>
      )}
    </Page>
  );
}

function RejectForm({ orgId, transfer, onDone, onCancel }: { orgId: string; transfer: TTransferView; onDone: () => void; onCancel: () => void }) {
  const { t } = useProtectionTranslation();
  const labels = useTransferLabels();
  const command = useTransferCommand(orgId, transfer.id);
  const form = useForm({ initial: { reason: '' }, issuePaths: { reason: 'reason' } });
  return (
    <FormShell form={form} label={t('transfer.reject')} autoFocus error={command.error} errorMessage={labels.errorMessage(command.error)} busy={command.isPending}
      submitLabel={t('transfer.rejectSubmit')} busyLabel={t('common.working')}
      actions={<Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>}
      onSubmit={() => {
        if (!form.check({ reason: form.values.reason ? undefined : t('transfer.chooseReason') })) return;
        command.mutate({ command: 'reject', body: { expectedVersion: transfer.version, reason: form.values.reason } }, { onSuccess: onDone, onError: form.showServerErrors });
      }}>
      <SelectField id="transfer-reject-reason" label={t('transfer.rejectReason')} placeholder={t('common.choose')}
        options={TRANSFER_REJECT_REASONS.map((r) => ({ value: r, label: labels.rejectReason(r) }))} {...form.bind('reason')} />
    </FormShell>
  );
}
