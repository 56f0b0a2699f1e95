import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, seg } from '../../api/client.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { CLAIM_KINDS, PAYERS } from '../../../../core/protection/remedies.ts';
import { useProtectionTranslation } from './i18n.ts';
import { orgPath, protectionKeys } from './queries.ts';
import { today } from './labels.ts';

/** Compensation claims of a case: awards, payments received and what is still owed, in the claim's currency. */

type TClaimView = {
  id: string; kind: string; status: string; forum: string | null; currency: string; amountClaimed: string | null; unpaidWagesClaimed: string | null; filedOn: string | null;
  entries: { id: string; kind: 'award' | 'payment'; amount: string; currency: string; payer: string; occurredOn: string }[];
  totals: { awarded: string; received: string; outstanding: string }; allowedStatuses: string[]; version: number;
};

const AMOUNT = /^(0|[1-9]\d{0,12})([.,]\d{1,3})?$/;

function useClaims(orgId: string, caseId: string) {
  return useQuery({
    queryKey: [...protectionKeys.all(orgId), 'remedies', caseId],
    queryFn: () => api.get<{ claims: TClaimView[] }>(orgPath(orgId, `/cases/${seg(caseId)}/remedies`)),
    select: (data) => data.claims,
  });
}

function useRemedyMutation(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: object }) => api.post<{ claims: TClaimView[] }>(orgPath(orgId, path), body),
    onSuccess: (data) => queryClient.setQueryData([...protectionKeys.all(orgId), 'remedies', caseId], data),
  });
}

export function RemediesBlock({ orgId, caseId, canEdit }: { orgId: string; caseId: string; canEdit: boolean }) {
  const { t } = useProtectionTranslation();
  const claims = useClaims(orgId, caseId);
  return (
    <div className="protection-block">
      <h3>{t('remedies.title')}</h3>
      <ErrorAlert error={claims.error} />
      {claims.data && claims.data.length === 0 && <p>{t('remedies.empty')}</p>}
      <ul className="protection-list">
        {claims.data?.map((claim) => <Claim key={claim.id} orgId={orgId} caseId={caseId} claim={claim} canEdit={canEdit} />)}
      </ul>
      {canEdit && (
        <details className="disclosure">
          <summary>{t('remedies.open')}</summary>
          <OpenClaimForm orgId={orgId} caseId={caseId} />
        </details>
      )}
    </div>
  );
}

function Claim({ orgId, caseId, claim, canEdit }: { orgId: string; caseId: string; claim: TClaimView; canEdit: boolean }) {
  const { t } = useProtectionTranslation();
  const label = (group: string, value: string) => t(`${group}.${value}` as never, { defaultValue: value } as never) as unknown as string;
  const money = (amount: string | null) => (amount === null ? '—' : `${amount} ${claim.currency}`);
  const statuses = claim.allowedStatuses.filter((s) => s !== 'awarded' && s !== 'preparing');
  const change = useRemedyMutation(orgId, caseId);
  return (
    <li>
      <strong>{label('claimKinds', claim.kind)}</strong> · {label('claimStatus', claim.status)}
      {claim.forum && <> · <bdi>{claim.forum}</bdi></>}
      <dl className="protection-facts">
        <dt>{t('remedies.amountClaimed')}</dt><dd dir="ltr">{money(claim.amountClaimed)}</dd>
        <dt>{t('remedies.unpaidWages')}</dt><dd dir="ltr">{money(claim.unpaidWagesClaimed)}</dd>
        <dt>{t('remedies.awarded')}</dt><dd dir="ltr">{money(claim.totals.awarded)}</dd>
        <dt>{t('remedies.received')}</dt><dd dir="ltr">{money(claim.totals.received)}</dd>
        <dt>{t('remedies.outstanding')}</dt><dd dir="ltr">{money(claim.totals.outstanding)}</dd>
      </dl>
      {claim.entries.length > 0 && (
        <ul>
          {claim.entries.map((e) => (
            <li key={e.id}>{e.kind === 'award' ? t('remedies.award') : t('remedies.payment')}: <bdi dir="ltr">{e.amount} {e.currency}</bdi> · {label('payers', e.payer)} · <bdi>{e.occurredOn}</bdi></li>
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <ErrorAlert error={change.error} />
          {statuses.length > 0 && (
            <div className="form__actions">
              {statuses.map((status) => (
                <button key={status} type="button" className="button button--secondary" onClick={() => change.mutate({ path: `/remedies/${seg(claim.id)}/status`, body: { status, filedOn: status === 'filed' ? today() : null, expectedVersion: claim.version } })}>
                  {t('remedies.moveTo', { status: label('claimStatus', status) })}
                </button>
              ))}
            </div>
          )}
          {(['filed', 'awarded'].includes(claim.status) || ['awarded', 'closed'].includes(claim.status)) && (
            <details className="disclosure">
              <summary>{t('remedies.addMoney')}</summary>
              <MoneyForm orgId={orgId} caseId={caseId} claim={claim} />
            </details>
          )}
        </>
      )}
    </li>
  );
}

function MoneyForm({ orgId, caseId, claim }: { orgId: string; caseId: string; claim: TClaimView }) {
  const { t } = useProtectionTranslation();
  const label = (group: string, value: string) => t(`${group}.${value}` as never, { defaultValue: value } as never) as unknown as string;
  const add = useRemedyMutation(orgId, caseId);
  const { required } = useValidators();
  const kinds = [...(['filed', 'awarded'].includes(claim.status) ? ['award'] : []), ...(['awarded', 'closed'].includes(claim.status) ? ['payment'] : [])];
  const form = useForm({ initial: { kind: kinds[0] ?? 'award', amount: '', payer: 'offender', occurredOn: today() }, issuePaths: { kind: 'kind', amount: 'amount', payer: 'payer', occurredOn: 'occurredOn' } });
  const v = form.values;
  return (
    <FormShell form={form} label={t('remedies.addMoney')} error={add.error} busy={add.isPending} submitLabel={t('remedies.addMoney')} busyLabel={t('common.saving')}
      onSubmit={() => {
        if (!form.check({ amount: AMOUNT.test(v.amount.trim()) ? undefined : t('remedies.amountInvalid'), occurredOn: required(v.occurredOn) })) return;
        add.mutate({ path: `/remedies/${seg(claim.id)}/${v.kind}s`, body: { amount: v.amount.trim().replace(',', '.'), currency: claim.currency, payer: v.payer, occurredOn: v.occurredOn } }, { onSuccess: () => form.reset(), onError: form.showServerErrors });
      }}>
      <SelectField id={`money-kind-${claim.id}`} label={t('remedies.entryKind')} options={kinds.map((k) => ({ value: k, label: k === 'award' ? t('remedies.award') : t('remedies.payment') }))} {...form.bind('kind')} />
      <TextField id={`money-amount-${claim.id}`} label={t('remedies.amountIn', { currency: claim.currency })} inputMode="decimal" dir="ltr" {...form.bind('amount')} />
      <SelectField id={`money-payer-${claim.id}`} label={t('remedies.payer')} options={PAYERS.map((p) => ({ value: p, label: label('payers', p) }))} {...form.bind('payer')} />
      <TextField id={`money-on-${claim.id}`} type="date" label={t('deliveries.when')} {...form.bind('occurredOn')} />
    </FormShell>
  );
}

function OpenClaimForm({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useProtectionTranslation();
  const label = (group: string, value: string) => t(`${group}.${value}` as never, { defaultValue: value } as never) as unknown as string;
  const open = useRemedyMutation(orgId, caseId);
  const [done, setDone] = useState('');
  const form = useForm({
    initial: { kind: 'criminal_court', forum: '', currency: 'EUR', amountClaimed: '', unpaidWagesClaimed: '' },
    issuePaths: { kind: 'kind', forum: 'forum', currency: 'currency', amountClaimed: 'amountClaimed', unpaidWagesClaimed: 'unpaidWagesClaimed' },
  });
  const v = form.values;
  const amount = (value: string) => (value.trim() === '' ? null : value.trim().replace(',', '.'));
  return (
    <FormShell form={form} label={t('remedies.open')} error={open.error} busy={open.isPending} submitLabel={t('remedies.open')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        const bad = (value: string) => (value.trim() === '' || AMOUNT.test(value.trim()) ? undefined : t('remedies.amountInvalid'));
        if (!form.check({ currency: /^[A-Za-z]{3}$/.test(v.currency.trim()) ? undefined : t('remedies.currencyInvalid'), amountClaimed: bad(v.amountClaimed), unpaidWagesClaimed: bad(v.unpaidWagesClaimed) })) return;
        open.mutate(
          { path: `/cases/${seg(caseId)}/remedies`, body: { kind: v.kind, forum: v.forum.trim() || null, currency: v.currency.trim().toUpperCase(), amountClaimed: amount(v.amountClaimed), unpaidWagesClaimed: amount(v.unpaidWagesClaimed), status: 'preparing', filedOn: null } },
          { onSuccess: () => { form.reset(); setDone(t('remedies.opened')); }, onError: form.showServerErrors },
        );
      }}>
      <SelectField id="claim-kind" label={t('remedies.kind')} options={CLAIM_KINDS.map((k) => ({ value: k, label: label('claimKinds', k) }))} {...form.bind('kind')} />
      <TextField id="claim-forum" label={t('remedies.forum')} hint={t('remedies.forumHint')} {...form.bind('forum')} />
      <TextField id="claim-currency" label={t('remedies.currency')} hint={t('remedies.currencyHint')} maxLength={3} dir="ltr" {...form.bind('currency')} />
      <TextField id="claim-amount" label={t('remedies.amountClaimed')} inputMode="decimal" dir="ltr" {...form.bind('amountClaimed')} />
      <TextField id="claim-wages" label={t('remedies.unpaidWages')} inputMode="decimal" dir="ltr" {...form.bind('unpaidWagesClaimed')} />
    </FormShell>
  );
}
