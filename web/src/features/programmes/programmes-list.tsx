import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { CheckboxField } from '../../components/choice-field.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link, navigate } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useProgrammesTranslation } from './i18n.ts';
import { currentYear } from './labels.ts';
import { useProgrammeMutation, useProgrammes } from './queries.ts';
import './programmes.css';

const KINDS = ['national_action_plan', 'project', 'nrm'] as const;

/** `/programmes`: the organisation's programmes; new ones from scratch or from the NRM template. */
export function ProgrammesPage() {
  return <RequireOrg>{(active) => <Programmes key={active.organisation.id} active={active} />}</RequireOrg>;
}

function Programmes({ active }: { active: TActiveOrganisation }) {
  const { t } = useProgrammesTranslation();
  const orgId = active.organisation.id;
  const [isShowingArchived, setShowingArchived] = useState(false);
  const list = useProgrammes(orgId, isShowingArchived ? 'all' : 'active');
  if (!active.permissions.includes('programme.read')) return <Page title={t('list.title')}><p>{t('list.notAllowed')}</p></Page>;
  const canManage = active.permissions.includes('programme.manage');
  return (
    <Page title={t('list.title')} intro={t('list.intro')}>
      <ErrorAlert error={list.error} />
      {list.isPending && <p className="muted">{t('common.loading')}</p>}
      {list.data && list.data.length === 0 && <p>{t('list.empty')}</p>}
      <CheckboxField id="programmes-show-archived" label={t('list.showArchived')} checked={isShowingArchived} onChange={setShowingArchived} />
      {list.data && list.data.length > 0 && (
        <ul className="programme-list">
          {list.data.map((p) => (
            <li key={p.id}>
              <Link to={`/programmes/${p.id}`}><bdi>{p.name}</bdi></Link> · {t(`kinds.${p.kind}`)} · <bdi dir="ltr">{p.startsOn} – {p.endsOn}</bdi>
              {p.archivedAt && <> · <span className="muted">{t('list.archived')}</span></>}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <>
          <Section id="programme-nrm" title={t('nrm.title')}>
            <NrmTemplateForm orgId={orgId} />
          </Section>
          <Section id="programme-new" title={t('create.title')}>
            <CreateProgrammeForm orgId={orgId} />
          </Section>
        </>
      )}
    </Page>
  );
}

function NrmTemplateForm({ orgId }: { orgId: string }) {
  const { t, i18n } = useProgrammesTranslation();
  const create = useProgrammeMutation(orgId);
  const year = currentYear();
  const form = useForm({ initial: { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }, issuePaths: { 'startsOn': 'startsOn', 'endsOn': 'endsOn' } });
  return (
    <FormShell form={form} label={t('nrm.title')} error={create.error} busy={create.isPending} submitLabel={t('nrm.submit')} busyLabel={t('common.saving')} before={<p>{t('nrm.intro')}</p>}
      onSubmit={() => create.mutate(
        { path: '/templates/nrm', body: { ...form.values, language: ['en', 'fr', 'es', 'ar'].includes(i18n.language) ? i18n.language : 'en' } },
        { onSuccess: (data) => navigate(`/programmes/${data.id}`), onError: form.showServerErrors },
      )}>
      <TextField id="nrm-starts" type="date" label={t('create.startsOn')} {...form.bind('startsOn')} />
      <TextField id="nrm-ends" type="date" label={t('create.endsOn')} {...form.bind('endsOn')} />
    </FormShell>
  );
}

function CreateProgrammeForm({ orgId }: { orgId: string }) {
  const { t } = useProgrammesTranslation();
  const create = useProgrammeMutation(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const year = currentYear();
  const form = useForm({
    initial: { kind: 'national_action_plan', name: '', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, goal: '', outcome: '' },
    issuePaths: { 'kind': 'kind', 'name': 'name', 'startsOn': 'startsOn', 'endsOn': 'endsOn', 'goal.title': 'goal', 'outcomes.0.title': 'outcome' },
  });
  const v = form.values;
  return (
    <FormShell form={form} label={t('create.title')} error={create.error} busy={create.isPending} submitLabel={t('create.submit')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        if (!form.check({ name: required(v.name), goal: required(v.goal) })) return;
        const outcomes = v.outcome.trim() ? [{ code: 'O1', title: v.outcome.trim(), outputs: [] }] : [];
        create.mutate(
          { path: '', body: { kind: v.kind, name: v.name.trim(), description: null, startsOn: v.startsOn, endsOn: v.endsOn, goal: { code: 'G', title: v.goal.trim() }, outcomes } },
          { onSuccess: (data) => { setDone(t('create.created')); navigate(`/programmes/${data.id}`); }, onError: form.showServerErrors },
        );
      }}>
      <SelectField id="programme-kind" label={t('create.kind')} options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} {...form.bind('kind')} />
      <TextField id="programme-name" label={t('create.name')} {...form.bind('name')} />
      <TextField id="programme-starts" type="date" label={t('create.startsOn')} {...form.bind('startsOn')} />
      <TextField id="programme-ends" type="date" label={t('create.endsOn')} {...form.bind('endsOn')} />
      <TextField id="programme-goal" label={t('create.goal')} {...form.bind('goal')} />
      <TextField id="programme-outcome" label={t('create.outcome')} hint={t('create.outcomeHint')} {...form.bind('outcome')} />
    </FormShell>
  );
}
