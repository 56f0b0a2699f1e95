import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { DeliveryForm, DeliveryTable } from './delivery-form.tsx';
import { useProtectionTranslation } from './i18n.ts';
import { useLabels } from './labels.ts';
import { useInbox, useReferral, useReferralCommand } from './queries.ts';
import { DECLINE_REASONS, INBOXES, type TInbox, type TReferralView, type TSharedFields } from './types.ts';
import './protection.css';
import { blockingError } from '../../components/errors.ts';

export function ReferralsInboxPage() {
  return <RequireOrg>{(active) => <Inbox key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** The three inboxes: what needs action here, what other organisations shared with us, what we sent. */
function Inbox({ active }: { active: TActiveOrganisation }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const orgId = active.organisation.id;
  const [box, setBox] = useState<TInbox>('action_needed');
  const referrals = useInbox(orgId, box);
  if (!active.permissions.includes('serviceReferral.manage')) {
    return <Page title={t('inbox.title')}><p>{t('inbox.notAllowed')}</p></Page>;
  }
  return (
    <Page title={t('inbox.title')} intro={t('inbox.intro')}>
      <RadioGroup id="inbox-box" legend={t('inbox.show')} layout="segmented" value={box} onChange={(value) => setBox(value as TInbox)}
        options={INBOXES.map((b) => ({ value: b, label: t(`inbox.boxes.${b}`) }))} />
      <ErrorAlert error={referrals.error} />
      {referrals.isPending && <p className="muted">{t('common.loading')}</p>}
      {referrals.data && referrals.data.length === 0 && <p role="status">{t('inbox.empty')}</p>}
      {referrals.data && referrals.data.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="sr-only">{t(`inbox.boxes.${box}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.service')}</th>
                <th scope="col">{box === 'sent' ? t('referrals.receiver') : t('referrals.referrer')}</th>
                <th scope="col">{t('referrals.purpose')}</th>
                <th scope="col">{t('referrals.status')}</th>
                <th scope="col">{t('referrals.sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.data.map((r) => (
                <tr key={r.id}>
                  <td data-label={t('referrals.service')}>
                    <Link to={`/service-referrals/${r.id}`}><bdi>{r.serviceName}</bdi></Link>
                    {r.caseReference && <><br /><bdi className="muted">{r.caseReference}</bdi></>}
                    {r.needsAction && <> <span className="badge badge--warning">{t('inbox.needsAction')}</span></>}
                    {r.isEmergencyOverride && <> <span className="badge">{t('referrals.emergency')}</span></>}
                  </td>
                  <td data-label={box === 'sent' ? t('referrals.receiver') : t('referrals.referrer')}><bdi>{r.counterpartOrg.name}</bdi></td>
                  <td data-label={t('referrals.purpose')}>{labels.kind(r.purpose)}</td>
                  <td data-label={t('referrals.status')}><span className={`badge protection-status--${r.status}`}>{labels.status(r.status)}</span></td>
                  <td data-label={t('referrals.sentAt')}><bdi>{r.sentAt.slice(0, 10)}</bdi></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

export function ReferralPage({ referralId }: { referralId: string }) {
  return <RequireOrg>{(active) => <Referral key={active.organisation.id} active={active} referralId={referralId} />}</RequireOrg>;
}

function Referral({ active, referralId }: { active: TActiveOrganisation; referralId: string }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const orgId = active.organisation.id;
  const query = useReferral(orgId, referralId);
  const command = useReferralCommand(orgId, referralId);
  const [status, setStatus] = useState('');
  const [declining, setDeclining] = useState(false);
  if (query.isPending) return <Page title={t('referral.title')}><p className="muted">{t('common.loading')}</p></Page>;
  const blocking = blockingError(query);
  if (blocking || query.data === undefined) return <Page title={t('referral.title')}><ErrorAlert error={blocking} /><p><Link to="/service-referrals">{t('referral.back')}</Link></p></Page>;
  const r = query.data;
  const run = (name: 'accept' | 'complete' | 'revoke', message: string) =>
    command.mutate({ command: name, body: { expectedVersion: r.version } }, { onSuccess: () => setStatus(message) });
  return (
    <Page title={t('referral.heading', { service: r.service.name })} intro={<span className={`badge protection-status--${r.status}`}>{labels.status(r.status)}</span>}>
      <p>
        <Link to="/service-referrals">{t('referral.back')}</Link>
        {r.case && <> · <Link to={`/cases/${r.case.id}`}>{t('referral.case', { reference: r.case.reference })}</Link></>}
      </p>
      <StatusMessage>{status}</StatusMessage>
      <dl className="protection-facts">
        <dt>{t('referrals.referrer')}</dt>
        <dd><bdi>{r.referringOrg.name}</bdi></dd>
        <dt>{t('referrals.receiver')}</dt>
        <dd><bdi>{r.receivingOrg.name}</bdi></dd>
        <dt>{t('referrals.purpose')}</dt>
        <dd>{labels.kind(r.purpose)}</dd>
        <dt>{t('referrals.fieldGroups')}</dt>
        <dd>{r.fieldGroups.map(labels.group).join(', ')}</dd>
        <dt>{t('referrals.sentAt')}</dt>
        <dd><bdi>{r.sentAt.slice(0, 10)}</bdi></dd>
        {r.isEmergencyOverride && (<><dt>{t('referrals.emergency')}</dt><dd>{t('referral.emergencyNote')}</dd></>)}
        {r.declineReason && (<><dt>{t('referral.declineReason')}</dt><dd>{labels.decline(r.declineReason)}{r.declineNote && <> — <bdi>{r.declineNote}</bdi></>}</dd></>)}
      </dl>
      {r.allowedActions.length > 0 && (
        <Section id="referral-actions" title={t('referral.actions')}>
          <ErrorAlert error={command.error} />
          <div className="form__actions">
            {r.allowedActions.includes('accept') && <Button busy={command.isPending} busyLabel={t('common.working')} onClick={() => run('accept', t('referral.accepted'))}>{t('referral.accept')}</Button>}
            {r.allowedActions.includes('complete') && <Button busy={command.isPending} busyLabel={t('common.working')} onClick={() => run('complete', t('referral.completed'))}>{t('referral.complete')}</Button>}
            {r.allowedActions.includes('decline') && !declining && <Button variant="secondary" onClick={() => setDeclining(true)}>{t('referral.decline')}</Button>}
            {r.allowedActions.includes('revoke') && <Button variant="danger" busy={command.isPending} busyLabel={t('common.working')} onClick={() => run('revoke', t('referral.revoked'))}>{t('referral.revoke')}</Button>}
          </div>
          {declining && r.allowedActions.includes('decline') && <DeclineForm referral={r} orgId={orgId} onDone={() => { setDeclining(false); setStatus(t('referral.declined')); }} onCancel={() => setDeclining(false)} />}
        </Section>
      )}
      {r.side === 'receiver' && (
        <Section id="referral-shared" title={t('referral.sharedTitle')}>
          {r.shared ? <SharedFields shared={r.shared} /> : <p>{t('referral.sharingEnded')}</p>}
        </Section>
      )}
      <Section id="referral-deliveries" title={t('deliveries.title')}>
        <DeliveryTable deliveries={r.deliveries} />
        {r.side === 'receiver' && r.status === 'accepted' && (
          <details className="disclosure">
            <summary>{t('deliveries.add')}</summary>
            <DeliveryForm idPrefix="referral-delivery" defaultKind={r.purpose} error={command.error} busy={command.isPending}
              onSubmit={(body, reset, fail) => command.mutate({ command: 'deliveries', body }, { onSuccess: () => { reset(); setStatus(t('deliveries.recorded')); }, onError: fail })} />
          </details>
        )}
      </Section>
    </Page>
  );
}

function DeclineForm({ referral, orgId, onDone, onCancel }: { referral: TReferralView; orgId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const command = useReferralCommand(orgId, referral.id);
  const form = useForm({ initial: { reason: '', note: '' }, issuePaths: { reason: 'reason', note: 'note' } });
  return (
    <FormShell form={form} label={t('referral.decline')} autoFocus error={command.error} busy={command.isPending} submitLabel={t('referral.declineSubmit')} busyLabel={t('common.working')}
      actions={<Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>}
      onSubmit={() => {
        const ok = form.check({ reason: form.values.reason ? undefined : t('referral.chooseReason'), note: form.values.reason === 'other' && !form.values.note.trim() ? t('referral.noteNeeded') : undefined });
        if (!ok) return;
        command.mutate({ command: 'decline', body: { reason: form.values.reason, note: form.values.note.trim() || null, expectedVersion: referral.version } }, { onSuccess: onDone, onError: form.showServerErrors });
      }}>
      <SelectField id="decline-reason" label={t('referral.declineReason')} placeholder={t('common.choose')} options={DECLINE_REASONS.map((d) => ({ value: d, label: labels.decline(d) }))} {...form.bind('reason')} />
      <TextAreaField id="decline-note" label={t('referral.declineNote')} rows={3} {...form.bind('note')} />
    </FormShell>
  );
}

/** Exactly what the referral shares: one block per shared field group, nothing else. */
function SharedFields({ shared }: { shared: TSharedFields }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const row = (label: string, value: string | number | null | undefined) => (value === undefined ? null : (<><dt>{label}</dt><dd><bdi>{value === null || value === '' ? '—' : String(value)}</bdi></dd></>));
  return (
    <div className="protection-shared">
      {shared.identityBasic && (
        <article aria-labelledby="shared-identity">
          <h3 id="shared-identity">{labels.group('identity_basic')}</h3>
          <dl className="protection-facts">
            {row(t('shared.name'), [shared.identityBasic.givenName, shared.identityBasic.familyName].filter(Boolean).join(' ') || null)}
            {shared.identityBasic.otherNames && row(t('shared.otherNames'), shared.identityBasic.otherNames.join(', '))}
            {row(t('shared.sex'), labels.sex(shared.identityBasic.sex))}
            {row(t('shared.age'), shared.identityBasic.ageYears)}
            {row(t('shared.citizenship'), shared.identityBasic.citizenship)}
            {row(t('shared.child'), shared.identityBasic.isChild ? t('common.yes') : t('common.no'))}
          </dl>
        </article>
      )}
      {shared.identityDocuments && (
        <article aria-labelledby="shared-documents">
          <h3 id="shared-documents">{labels.group('identity_documents')}</h3>
          <dl className="protection-facts">
            {row(t('shared.dateOfBirth'), shared.identityDocuments.dateOfBirth ?? null)}
            {row(t('shared.documents'), documentText(shared.identityDocuments.documentNumbers))}
          </dl>
        </article>
      )}
      {shared.contact && (
        <article aria-labelledby="shared-contact">
          <h3 id="shared-contact">{labels.group('contact')}</h3>
          <dl className="protection-facts">
            {row(t('shared.phone'), shared.contact.phone ?? null)}
            {row(t('shared.address'), typeof shared.contact.address === 'string' ? shared.contact.address : shared.contact.address ? JSON.stringify(shared.contact.address) : null)}
          </dl>
        </article>
      )}
      {shared.needs && (
        <article aria-labelledby="shared-needs">
          <h3 id="shared-needs">{labels.group('needs')}</h3>
          <dl className="protection-facts">
            {row(t('shared.needs'), shared.needs.summary)}
            {row(t('shared.languages'), shared.needs.languages.join(', '))}
            {row(t('shared.exploitation'), shared.needs.exploitationForms.join(', '))}
          </dl>
        </article>
      )}
      {shared.safety && (
        <article aria-labelledby="shared-safety">
          <h3 id="shared-safety">{labels.group('safety')}</h3>
          <p><bdi>{shared.safety.notes}</bdi></p>
        </article>
      )}
      {shared.nrmStatus && (
        <article aria-labelledby="shared-nrm">
          <h3 id="shared-nrm">{labels.group('nrm_status')}</h3>
          <dl className="protection-facts">
            {row(t('shared.caseStatus'), shared.nrmStatus.caseStatus)}
            {row(t('shared.positiveRg'), shared.nrmStatus.hasPositiveReasonableGrounds ? t('common.yes') : t('common.no'))}
          </dl>
        </article>
      )}
    </div>
  );
}

function documentText(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.map((d: Record<string, unknown>) => [d.kind, d.number, d.country].filter(Boolean).join(' ')).join('; ');
}
