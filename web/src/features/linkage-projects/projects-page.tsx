import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxField, CheckboxGroup, RadioGroup } from '../../components/choice-field.tsx';
import { TextAreaField, TextField } from '../../components/field.tsx';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link, navigate } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useLinkageProjectsTranslation } from './i18n.ts';
import { useCreateProject, usePartners, useProjects } from './queries.ts';
import type { TSolve } from './types.ts';
import './linkage-projects.css';

export function LinkageProjectsPage() {
  return <RequireOrg>{(active) => <Projects key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** The organisation's linkage projects: those it created, and invitations from other organisations. */
function Projects({ active }: { active: TActiveOrganisation }) {
  const { t } = useLinkageProjectsTranslation();
  const orgId = active.organisation.id;
  const [isCreating, setCreating] = useState(false);
  if (!active.permissions.includes('linkage.run')) return <Page title={t('list.title')}><p>{t('list.notAllowed')}</p></Page>;
  return (
    <Page title={t('list.title')} intro={t('list.intro')}>
      {isCreating ? <CreateForm orgId={orgId} onCancel={() => setCreating(false)} /> : <Button onClick={() => setCreating(true)}>{t('create.open')}</Button>}
      <ProjectList orgId={orgId} />
    </Page>
  );
}

function ProjectList({ orgId }: { orgId: string }) {
  const { t } = useLinkageProjectsTranslation();
  const projects = useProjects(orgId);
  const mine = projects.data?.filter((p) => p.isMine) ?? [];
  const invitations = projects.data?.filter((p) => !p.isMine) ?? [];
  return (
    <>
      <ErrorAlert error={projects.error} />
      {[['mine', mine], ['invitations', invitations]].map(([key, list]) => (
        <Section key={key as string} title={t(key === 'mine' ? 'list.mine' : 'list.invitations')} id={`projects-${key as string}`}>
          {(list as typeof mine).length === 0 ? <p className="muted">{t('list.empty')}</p> : (
            <ul className="plain-list linkage-projects__list">
              {(list as typeof mine).map((p) => (
                <li key={p.id}>
                  <Link to={`/linkage-projects/${p.id}`}><bdi>{p.name}</bdi></Link>{' '}
                  <span className="status status--neutral">{t(`projectStatus.${p.status}`)}</span>{' '}
                  {!p.isMine && <span className="muted">{t('list.from', { name: p.ownerName })} · {t(`partyStatus.${p.myStatus}`)}</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ))}
    </>
  );
}

function CreateForm({ orgId, onCancel }: { orgId: string; onCancel: () => void }) {
  const { t } = useLinkageProjectsTranslation();
  const partners = usePartners(orgId);
  const create = useCreateProject(orgId);
  const [name, setName] = useState('');
  const [invited, setInvited] = useState<string[]>([]);
  const [external, setExternal] = useState('');
  const [solve, setSolve] = useState<TSolve>('one-to-one');
  const [deleteAfter, setDeleteAfter] = useState(true);
  function submit(event: FormEvent) {
    event.preventDefault();
    const externalParties = external.split('\n').map((line) => line.trim()).filter(Boolean);
    create.mutate({ name, invitedOrgIds: invited, externalParties, solve, deleteEncodingsAfterMatch: deleteAfter }, {
      onSuccess: (data) => navigate(`/linkage-projects/${data.project.id}`),
    });
  }
  return (
    <Section title={t('create.title')} id="create-project">
      <form className="form" noValidate onSubmit={submit} aria-label={t('create.title')}>
        <ErrorAlert error={create.error} />
        <TextField id="project-name" label={t('create.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        {partners.data && (partners.data.length === 0 ? <p className="muted">{t('create.noPartners')}</p> : (
          <CheckboxGroup id="project-invited" legend={t('create.invite')} hint={t('create.inviteHint')} values={invited} onChange={setInvited}
            options={partners.data.map((o) => ({ value: o.id, label: o.name }))} />
        ))}
        <TextAreaField id="project-external" label={t('create.external')} hint={t('create.externalHint')} rows={2} value={external} onChange={(e) => setExternal(e.target.value)} />
        <RadioGroup id="project-solve" legend={t('create.solve')} value={solve} onChange={(v) => setSolve(v as TSolve)}
          options={[{ value: 'one-to-one', label: t('solve.one-to-one') }, { value: 'clusters', label: t('solve.clusters') }]} />
        <CheckboxField id="project-delete" label={t('create.deleteAfter')} hint={t('create.deleteAfterHint')} checked={deleteAfter} onChange={setDeleteAfter} />
        <p className="muted">{t('create.parameters')}</p>
        <div className="form__actions">
          <Button type="submit" busy={create.isPending} busyLabel={t('create.busy')}>{t('create.submit')}</Button>
          <Button variant="secondary" onClick={onCancel}>{t('create.cancel')}</Button>
        </div>
      </form>
    </Section>
  );
}
