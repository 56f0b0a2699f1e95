import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, seg } from '../../api/client.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxGroup } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { GOAL_DOMAINS, GOAL_OWNER_KINDS, GOAL_STATUSES } from '../../../../core/protection/plan.ts';
import { useProtectionTranslation } from './i18n.ts';
import { today } from './labels.ts';
import { orgPath, protectionKeys } from './queries.ts';

/**
 * The recovery and social-inclusion plan of a case: goals in the domains the survivor chose, in
 * their own words, with owner, review date and status. Every save is a new version; where the
 * organisation requires it, a supervisor approves or returns the latest one.
 */

type TGoal = { id: string; domain: string; survivorWords: string; description: string | null; owner: { kind: string; userId: string | null }; reviewOn: string; status: string };
type TPlanVersion = {
  version: number; approvalStatus: string; isInForce: boolean; chosenDomains: string[];
  needsAssessment: { assessedOn: string; needs: { domain: string; level: string; note: string | null }[]; summary: string | null };
  goals: TGoal[]; changeNote: string | null; createdBy: { displayName: string } | null; createdAt: string; reviewedBy: { displayName: string } | null;
};
type TPlanResponse = { plan: { latestVersion: number; inForceVersion: number | null; current: TPlanVersion; abilities: Record<string, boolean> } | null; requiresApproval: boolean };

export function PlanBlock({ orgId, caseId, canEdit }: { orgId: string; caseId: string; canEdit: boolean }) {
  const { t } = useProtectionTranslation();
  const L = (group: string, value: string) => t(`${group}.${value}` as never, { defaultValue: value } as never) as unknown as string;
  const key = [...protectionKeys.all(orgId), 'plan', caseId];
  const queryClient = useQueryClient();
  const plan = useQuery({ queryKey: key, queryFn: () => api.get<TPlanResponse>(orgPath(orgId, `/cases/${seg(caseId)}/plan`)) });
  const versions = useQuery({
    queryKey: [...key, 'versions'],
    queryFn: () => api.get<{ versions: TPlanVersion[] }>(orgPath(orgId, `/cases/${seg(caseId)}/plan/versions`)),
    select: (d) => d.versions,
  });
  const save = useMutation({
    mutationFn: (body: object) => api.put<TPlanResponse>(orgPath(orgId, `/cases/${seg(caseId)}/plan`), body),
    onSuccess: (data) => { queryClient.setQueryData(key, data); void queryClient.invalidateQueries({ queryKey: [...key, 'versions'] }); },
  });
  const review = useMutation({
    mutationFn: ({ version, decision }: { version: number; decision: 'approved' | 'returned' }) => api.post<TPlanResponse>(orgPath(orgId, `/cases/${seg(caseId)}/plan/versions/${version}/review`), { decision }),
    onSuccess: (data) => { queryClient.setQueryData(key, data); void queryClient.invalidateQueries({ queryKey: [...key, 'versions'] }); },
  });
  const [status, setStatus] = useState('');
  const current = plan.data?.plan?.current ?? null;

  function saveWith(next: { chosenDomains: string[]; goals: Omit<TGoal, 'id'>[] & { id?: string }[]; changeNote: string | null }, done: () => void, fail: (e: unknown) => void) {
    save.mutate(
      {
        chosenDomains: next.chosenDomains,
        needsAssessment: current ? current.needsAssessment : { assessedOn: today(), needs: [], summary: null },
        goals: next.goals,
        changeNote: next.changeNote,
        expectedVersion: plan.data?.plan?.latestVersion ?? 0,
      },
      { onSuccess: () => { setStatus(t('plan.saved')); done(); }, onError: fail },
    );
  }
  const goalsOf = (v: TPlanVersion) => v.goals.map((g) => ({ id: g.id, domain: g.domain, survivorWords: g.survivorWords, description: g.description, owner: g.owner, reviewOn: g.reviewOn, status: g.status }));

  return (
    <div className="protection-block">
      <h3>{t('plan.title')}</h3>
      <ErrorAlert error={plan.error ?? review.error} />
      <StatusMessage>{status}</StatusMessage>
      {plan.data && !current && <p>{t('plan.empty')}</p>}
      {current && (
        <>
          <p>
            {t('plan.version', { version: String(current.version) })} · {L('approval', current.approvalStatus)}
            {plan.data?.requiresApproval ? ` · ${t('plan.approvalRequired')}` : ''}
          </p>
          <p>{t('plan.domains')}: {current.chosenDomains.map((d) => L('domains', d)).join(', ')}</p>
          {current.goals.length === 0 && <p>{t('plan.noGoals')}</p>}
          <ul className="protection-list">
            {current.goals.map((g, index) => (
              <li key={g.id}>
                <strong>{L('domains', g.domain)}</strong> · {L('goalStatus', g.status)}
                <br />
                <q><bdi>{g.survivorWords}</bdi></q>
                <br />
                <span className="muted">{t('plan.owner')}: {L('owners', g.owner.kind)} · {t('plan.reviewOn')}: <bdi>{g.reviewOn}</bdi></span>
                {canEdit && (
                  <SelectField id={`goal-status-${g.id}`} label={t('plan.changeStatus')} value={g.status}
                    options={GOAL_STATUSES.map((s) => ({ value: s, label: L('goalStatus', s) }))}
                    onChange={(e) => {
                      const goals = goalsOf(current);
                      goals[index] = { ...goals[index]!, status: e.target.value };
                      saveWith({ chosenDomains: current.chosenDomains, goals, changeNote: null }, () => undefined, () => undefined);
                    }} />
                )}
              </li>
            ))}
          </ul>
          {plan.data?.plan?.abilities['plan.approve'] && current.approvalStatus === 'pending' && (
            <div className="form__actions">
              <Button busy={review.isPending} busyLabel={t('common.working')} onClick={() => review.mutate({ version: current.version, decision: 'approved' }, { onSuccess: () => setStatus(t('plan.approved')) })}>{t('plan.approve')}</Button>
              <Button variant="secondary" busy={review.isPending} busyLabel={t('common.working')} onClick={() => review.mutate({ version: current.version, decision: 'returned' }, { onSuccess: () => setStatus(t('plan.returned')) })}>{t('plan.return')}</Button>
            </div>
          )}
        </>
      )}
      <ErrorAlert error={save.error} />
      {canEdit && (
        <details className="disclosure">
          <summary>{current ? t('plan.addGoal') : t('plan.start')}</summary>
          <GoalForm chosen={current?.chosenDomains ?? []} busy={save.isPending}
            onSubmit={(domains, goal, changeNote, done, fail) => saveWith({ chosenDomains: domains, goals: [...(current ? goalsOf(current) : []), goal], changeNote }, done, fail)} />
        </details>
      )}
      {versions.data && versions.data.length > 1 && (
        <details className="disclosure">
          <summary>{t('plan.history')}</summary>
          <ol className="protection-list">
            {versions.data.map((v) => (
              <li key={v.version}>
                {t('plan.version', { version: String(v.version) })} · {L('approval', v.approvalStatus)} · <bdi>{v.createdAt.slice(0, 10)}</bdi>
                {v.createdBy && <> · <bdi>{v.createdBy.displayName}</bdi></>} · {t('plan.goalCount', { count: v.goals.length })}
                {v.changeNote && <> — <bdi>{v.changeNote}</bdi></>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

type TGoalSubmit = (domains: string[], goal: Omit<TGoal, 'id'>, changeNote: string | null, done: () => void, fail: (e: unknown) => void) => void;

function GoalForm({ chosen, busy, onSubmit }: { chosen: string[]; busy: boolean; onSubmit: TGoalSubmit }) {
  const { t } = useProtectionTranslation();
  const L = (group: string, value: string) => t(`${group}.${value}` as never, { defaultValue: value } as never) as unknown as string;
  const { required } = useValidators();
  const [domains, setDomains] = useState<string[]>(chosen);
  const [domainsError, setDomainsError] = useState<string | undefined>();
  const form = useForm({
    initial: { domain: '', survivorWords: '', owner: 'shared', reviewOn: '', status: 'not_started', changeNote: '' },
    issuePaths: { survivorWords: 'survivorWords', reviewOn: 'reviewOn', changeNote: 'changeNote', chosenDomains: 'domain', owner: 'owner', status: 'status' },
  });
  const v = form.values;
  return (
    <FormShell form={form} label={t('plan.addGoal')} error={null} busy={busy} submitLabel={t('plan.save')} busyLabel={t('common.saving')}
      onSubmit={() => {
        const dErr = domains.length ? undefined : t('plan.chooseDomain');
        setDomainsError(dErr);
        const ok = form.check({ domain: domains.includes(v.domain) ? undefined : t('plan.domainNotChosen'), survivorWords: required(v.survivorWords), reviewOn: required(v.reviewOn) });
        if (!ok || dErr) return;
        onSubmit(domains, { domain: v.domain, survivorWords: v.survivorWords.trim(), description: null, owner: { kind: v.owner, userId: null }, reviewOn: v.reviewOn, status: v.status }, v.changeNote.trim() || null,
          () => form.reset(), form.showServerErrors);
      }}>
      <CheckboxGroup id="plan-domains" legend={t('plan.domains')} hint={t('plan.domainsHint')} error={domainsError} values={domains} onChange={setDomains}
        options={GOAL_DOMAINS.map((d) => ({ value: d, label: L('domains', d) }))} />
      <SelectField id="goal-domain" label={t('plan.goalDomain')} placeholder={t('common.choose')} options={domains.map((d) => ({ value: d, label: L('domains', d) }))} {...form.bind('domain')} />
      <TextAreaField id="goal-words" label={t('plan.survivorWords')} hint={t('plan.survivorWordsHint')} rows={3} {...form.bind('survivorWords')} />
      <SelectField id="goal-owner" label={t('plan.owner')} options={GOAL_OWNER_KINDS.map((o) => ({ value: o, label: L('owners', o) }))} {...form.bind('owner')} />
      <TextField id="goal-review" type="date" label={t('plan.reviewOn')} {...form.bind('reviewOn')} />
      <SelectField id="goal-status" label={t('plan.goalStatus')} options={GOAL_STATUSES.map((s) => ({ value: s, label: L('goalStatus', s) }))} {...form.bind('status')} />
      <TextField id="plan-note" label={t('plan.changeNote')} {...form.bind('changeNote')} />
    </FormShell>
  );
}
