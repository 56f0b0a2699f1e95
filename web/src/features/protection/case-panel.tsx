import { Suspense, useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxField, CheckboxGroup, RadioGroup } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { Link } from '../../router.tsx';
import { useActiveOrg } from '../session/active-org.tsx';
import { DeliveryForm, DeliveryTable } from './delivery-form.tsx';
import { useProtectionTranslation } from './i18n.ts';
import { PlanBlock } from './plan.tsx';
import { RemediesBlock } from './remedies.tsx';
import { splitCodes, useLabels } from './labels.ts';
import { useCaseDeliveries, useCaseReferrals, useConsents, useRecordCaseDelivery, useRecordConsent, useSendReferral, useServices, useWithdrawConsent } from './queries.ts';
import { CONSENT_BASES, FIELD_GROUPS, SERVICE_KINDS, type TConsentView, type TServiceView } from './types.ts';
import './protection.css';

/**
 * "Protect and assist" on the case page: consents to share with other organisations, service
 * referrals (sent only under a recorded consent, or the audited emergency route), and the
 * delivery log. Everything the server would refuse is hidden, nothing more.
 */
export function CaseProtectionPanel({ orgId, caseId, isClosed }: { orgId: string; caseId: string; isClosed: boolean }) {
  return (
    <Suspense fallback={null}>
      <Panel orgId={orgId} caseId={caseId} isClosed={isClosed} />
    </Suspense>
  );
}

function Panel({ orgId, caseId, isClosed }: { orgId: string; caseId: string; isClosed: boolean }) {
  const { t } = useProtectionTranslation();
  const { can } = useActiveOrg();
  const canRefer = can('serviceReferral.manage');
  return (
    <section className="section protection-panel" aria-labelledby="case-assist">
      <h2 className="section__title" id="case-assist">{t('casePanel.title')}</h2>
      <p className="muted">{t('casePanel.unconditional')}</p>
      {canRefer && <ConsentsBlock orgId={orgId} caseId={caseId} isClosed={isClosed} />}
      {canRefer && <ReferralsBlock orgId={orgId} caseId={caseId} isClosed={isClosed} />}
      <PlanBlock orgId={orgId} caseId={caseId} canEdit={can('plan.manage') && !isClosed} />
      <DeliveriesBlock orgId={orgId} caseId={caseId} canAdd={can('plan.manage') && !isClosed} />
      <RemediesBlock orgId={orgId} caseId={caseId} canEdit={can('plan.manage') && !isClosed} />
    </section>
  );
}

function useProviders(orgId: string) {
  const services = useServices(orgId, { kind: '', language: '', q: '', hasCapacity: false });
  const providers = new Map<string, string>();
  for (const s of services.data ?? []) if (s.providerOrgId !== orgId) providers.set(s.providerOrgId, s.providerOrgName);
  return { services: (services.data ?? []).filter((s) => s.providerOrgId !== orgId), providers: [...providers].map(([id, name]) => ({ id, name })), error: services.error };
}

function ConsentsBlock({ orgId, caseId, isClosed }: { orgId: string; caseId: string; isClosed: boolean }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const consents = useConsents(orgId, caseId);
  const withdraw = useWithdrawConsent(orgId, caseId);
  return (
    <div className="protection-block">
      <h3>{t('consents.title')}</h3>
      <ErrorAlert error={consents.error ?? withdraw.error} />
      {consents.data && consents.data.length === 0 && <p>{t('consents.empty')}</p>}
      {consents.data && consents.data.length > 0 && (
        <ul className="protection-list">
          {consents.data.map((c: TConsentView) => (
            <li key={c.id}>
              <strong><bdi>{c.receivingOrg.name}</bdi></strong> — {c.decision === 'given' ? t('consents.given') : t('consents.declined')}
              {c.withdrawnAt && <> · {t('consents.withdrawn')}</>}
              <br />
              {t('consents.purposes')}: {c.purposes.map(labels.kind).join(', ')}
              <br />
              {t('consents.fieldGroups')}: {c.fieldGroups.map(labels.group).join(', ')}
              <br />
              <span className="muted">{labels.basis(c.basis)} · {c.language}{c.interpreterUsed ? ` · ${t('deliveries.interpreterShort')}` : ''} · <bdi>{c.recordedAt.slice(0, 10)}</bdi></span>
              {!c.withdrawnAt && c.decision === 'given' && !isClosed && (
                <div>
                  <Button variant="secondary" busy={withdraw.isPending} busyLabel={t('common.working')} aria-label={t('consents.withdrawFor', { name: c.receivingOrg.name, interpolation: { escapeValue: false } })}
                    onClick={() => withdraw.mutate(c.id)}>
                    {t('consents.withdraw')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {!isClosed && (
        <details className="disclosure">
          <summary>{t('consents.record')}</summary>
          <ConsentForm orgId={orgId} caseId={caseId} />
        </details>
      )}
    </div>
  );
}

function ConsentForm({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const { required } = useValidators();
  const { providers, error: providersError } = useProviders(orgId);
  const record = useRecordConsent(orgId, caseId);
  const [purposes, setPurposes] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [decision, setDecision] = useState('given');
  const [interpreter, setInterpreter] = useState(false);
  const [listErrors, setListErrors] = useState<{ purposes?: string; groups?: string }>({});
  const [done, setDone] = useState('');
  const form = useForm({ initial: { receivingOrgId: '', basis: 'person', language: '' }, issuePaths: { receivingOrgId: 'receivingOrgId', basis: 'basis', language: 'language' } });
  const v = form.values;
  return (
    <FormShell form={form} label={t('consents.record')} error={record.error ?? providersError} busy={record.isPending} submitLabel={t('consents.submit')} busyLabel={t('common.saving')}
      before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        const lists = { purposes: purposes.length ? undefined : t('forms.chooseKind'), groups: groups.length ? undefined : t('referrals.chooseGroup') };
        setListErrors(lists);
        const ok = form.check({ receivingOrgId: required(v.receivingOrgId), language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.language.trim()) ? undefined : t('forms.languageCode') });
        if (!ok || lists.purposes || lists.groups) return;
        record.mutate(
          { receivingOrgId: v.receivingOrgId, purposes, fieldGroups: groups, decision, basis: v.basis, language: v.language.trim(), interpreterUsed: interpreter },
          { onSuccess: () => { setDone(t('consents.recorded')); form.reset(); setPurposes([]); setGroups([]); }, onError: form.showServerErrors },
        );
      }}>
      <SelectField id="consent-org" label={t('consents.receivingOrg')} hint={t('consents.receivingOrgHint')} placeholder={t('common.choose')} options={providers.map((p) => ({ value: p.id, label: p.name }))} {...form.bind('receivingOrgId')} />
      <CheckboxGroup id="consent-purposes" legend={t('consents.purposes')} error={listErrors.purposes} values={purposes} onChange={setPurposes} options={SERVICE_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
      <CheckboxGroup id="consent-groups" legend={t('consents.fieldGroups')} hint={t('consents.fieldGroupsHint')} error={listErrors.groups} values={groups} onChange={setGroups} options={FIELD_GROUPS.map((g) => ({ value: g, label: labels.group(g) }))} />
      <RadioGroup id="consent-decision" legend={t('consents.decision')} layout="inline" value={decision} onChange={setDecision} options={[{ value: 'given', label: t('consents.given') }, { value: 'declined', label: t('consents.declined') }]} />
      <SelectField id="consent-basis" label={t('consents.basis')} options={CONSENT_BASES.map((b) => ({ value: b, label: labels.basis(b) }))} {...form.bind('basis')} />
      <TextField id="consent-language" label={t('consents.language')} hint={t('forms.languageCodeHint')} {...form.bind('language')} />
      <CheckboxField id="consent-interpreter" label={t('deliveries.interpreter')} checked={interpreter} onChange={setInterpreter} />
    </FormShell>
  );
}

function ReferralsBlock({ orgId, caseId, isClosed }: { orgId: string; caseId: string; isClosed: boolean }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const referrals = useCaseReferrals(orgId, caseId);
  return (
    <div className="protection-block">
      <h3>{t('referrals.caseTitle')}</h3>
      <ErrorAlert error={referrals.error} />
      {referrals.data && referrals.data.length === 0 && <p>{t('referrals.caseEmpty')}</p>}
      {referrals.data && referrals.data.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="sr-only">{t('referrals.caseTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.service')}</th>
                <th scope="col">{t('referrals.counterpart')}</th>
                <th scope="col">{t('referrals.purpose')}</th>
                <th scope="col">{t('referrals.status')}</th>
                <th scope="col">{t('referrals.sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.data.map((r) => (
                <tr key={r.id}>
                  <td data-label={t('referrals.service')}><Link to={`/service-referrals/${r.id}`}><bdi>{r.serviceName}</bdi></Link>{r.isEmergencyOverride && <> <span className="badge">{t('referrals.emergency')}</span></>}</td>
                  <td data-label={t('referrals.counterpart')}><bdi>{r.counterpartOrg.name}</bdi></td>
                  <td data-label={t('referrals.purpose')}>{labels.kind(r.purpose)}</td>
                  <td data-label={t('referrals.status')}><span className={`badge protection-status--${r.status}`}>{labels.status(r.status)}</span></td>
                  <td data-label={t('referrals.sentAt')}><bdi>{r.sentAt.slice(0, 10)}</bdi></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!isClosed && (
        <details className="disclosure">
          <summary>{t('referrals.send')}</summary>
          <SendReferralForm orgId={orgId} caseId={caseId} />
        </details>
      )}
    </div>
  );
}

function SendReferralForm({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const { can } = useActiveOrg();
  const { required } = useValidators();
  const { services, error: servicesError } = useProviders(orgId);
  const send = useSendReferral(orgId, caseId);
  const [groups, setGroups] = useState<string[]>([]);
  const [groupsError, setGroupsError] = useState<string | undefined>();
  const [emergency, setEmergency] = useState(false);
  const [done, setDone] = useState('');
  const form = useForm({
    initial: { serviceId: '', purpose: '', needsSummary: '', needsLanguages: '', safetyNotes: '', justification: '' },
    issuePaths: { serviceId: 'serviceId', purpose: 'purpose', 'needs.summary': 'needsSummary', 'needs.languages': 'needsLanguages', needs: 'needsSummary', safetyNotes: 'safetyNotes', justification: 'justification' },
  });
  const v = form.values;
  const service: TServiceView | undefined = services.find((s) => s.id === v.serviceId);
  const purposes = service ? service.kinds : [];
  return (
    <FormShell form={form} label={t('referrals.send')} error={send.error ?? servicesError} busy={send.isPending} submitLabel={emergency ? t('referrals.sendEmergency') : t('referrals.submit')} busyLabel={t('common.sending')}
      before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        const gErr = groups.length ? undefined : t('referrals.chooseGroup');
        setGroupsError(gErr);
        const ok = form.check({
          serviceId: required(v.serviceId),
          purpose: required(v.purpose),
          needsSummary: groups.includes('needs') ? required(v.needsSummary) : undefined,
          safetyNotes: groups.includes('safety') ? required(v.safetyNotes) : undefined,
          justification: emergency && v.justification.trim().length < 20 ? t('referrals.justificationShort') : undefined,
        });
        if (!ok || gErr) return;
        const body = {
          serviceId: v.serviceId, serviceAtLocationId: null, purpose: v.purpose, fieldGroups: groups,
          needs: groups.includes('needs') ? { summary: v.needsSummary.trim(), languages: splitCodes(v.needsLanguages) } : null,
          safetyNotes: groups.includes('safety') ? v.safetyNotes.trim() : null,
          ...(emergency ? { justification: v.justification.trim() } : {}),
        };
        send.mutate({ emergency, body }, {
          onSuccess: ({ referral }) => { setDone(t('referrals.sent', { service: referral.service.name })); form.reset(); setGroups([]); setEmergency(false); },
          onError: form.showServerErrors,
        });
      }}>
      <SelectField id="referral-service" label={t('referrals.service')} placeholder={t('common.choose')}
        options={services.map((s) => ({ value: s.id, label: `${s.name} — ${s.providerOrgName}` }))} {...form.bind('serviceId')} />
      <SelectField id="referral-purpose" label={t('referrals.purpose')} placeholder={t('common.choose')} options={purposes.map((k) => ({ value: k, label: labels.kind(k) }))} {...form.bind('purpose')} />
      <CheckboxGroup id="referral-groups" legend={t('referrals.fieldGroups')} hint={t('referrals.fieldGroupsHint')} error={groupsError} values={groups} onChange={setGroups}
        options={FIELD_GROUPS.map((g) => ({ value: g, label: labels.group(g) }))} />
      {groups.includes('needs') && (
        <>
          <TextAreaField id="referral-needs" label={t('referrals.needsSummary')} rows={3} {...form.bind('needsSummary')} />
          <TextField id="referral-needs-languages" label={t('referrals.needsLanguages')} hint={t('forms.languagesHint')} {...form.bind('needsLanguages')} />
        </>
      )}
      {groups.includes('safety') && <TextAreaField id="referral-safety" label={t('referrals.safetyNotes')} rows={3} {...form.bind('safetyNotes')} />}
      {can('serviceReferral.override') && (
        <>
          <CheckboxField id="referral-emergency" label={t('referrals.emergencyOverride')} hint={t('referrals.emergencyHint')} checked={emergency} onChange={setEmergency} />
          {emergency && <TextAreaField id="referral-justification" label={t('referrals.justification')} rows={3} {...form.bind('justification')} />}
        </>
      )}
    </FormShell>
  );
}

function DeliveriesBlock({ orgId, caseId, canAdd }: { orgId: string; caseId: string; canAdd: boolean }) {
  const { t } = useProtectionTranslation();
  const deliveries = useCaseDeliveries(orgId, caseId);
  const record = useRecordCaseDelivery(orgId, caseId);
  const [done, setDone] = useState('');
  return (
    <div className="protection-block">
      <h3>{t('deliveries.title')}</h3>
      <ErrorAlert error={deliveries.error} />
      {deliveries.data && <DeliveryTable deliveries={deliveries.data} />}
      <StatusMessage>{done}</StatusMessage>
      {canAdd && (
        <details className="disclosure">
          <summary>{t('deliveries.add')}</summary>
          <DeliveryForm idPrefix="case-delivery" error={record.error} busy={record.isPending}
            onSubmit={(body, reset, fail) => record.mutate({ ...body, serviceId: null }, { onSuccess: () => { reset(); setDone(t('deliveries.recorded')); }, onError: fail })} />
        </details>
      )}
    </div>
  );
}
