import { useState, type ChangeEvent, type FormEvent } from 'react';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useLinkageProjectsTranslation } from './i18n.ts';
import { externalResultUrl, useOwnResult, useProject, useProjectAction, useStatistics } from './queries.ts';
import { PROJECT_ERROR_REASONS, type TParty, type TProject, type TPublishedCell } from './types.ts';
import './linkage-projects.css';
import { blockingError } from '../../components/errors.ts';

type TT = ReturnType<typeof useLinkageProjectsTranslation>['t'];

export function LinkageProjectPage({ projectId }: { projectId: string }) {
  return <RequireOrg>{(active) => <ProjectView key={active.organisation.id} active={active} projectId={projectId} />}</RequireOrg>;
}

/** A refusal the project explains in its own words (e.g. "not every party has submitted"). */
function ProjectError({ error }: { error: unknown }) {
  const { t } = useLinkageProjectsTranslation();
  const reason = isAppError(error) ? error.details.reason : undefined;
  const known = typeof reason === 'string' && (PROJECT_ERROR_REASONS as readonly string[]).includes(reason);
  return <ErrorAlert error={error} message={known ? t(`errors.${reason as (typeof PROJECT_ERROR_REASONS)[number]}`) : undefined} />;
}

function ProjectView({ active, projectId }: { active: TActiveOrganisation; projectId: string }) {
  const { t } = useLinkageProjectsTranslation();
  const orgId = active.organisation.id;
  const project = useProject(orgId, projectId);
  const action = useProjectAction(orgId, projectId);
  const projectError = blockingError(project);
  if (projectError) return <Page title={t('project.title')}><ProjectError error={projectError} /></Page>;
  if (!project.data) return <Page title={t('project.title')}><p className="muted">{t('project.loading')}</p></Page>;
  const p = project.data;
  const isOpen = p.status === 'open';
  return (
    <Page title={p.name} intro={t('project.intro')}>
      <p><Link to="/linkage-projects">{t('project.back')}</Link></p>
      <dl className="linkage-projects__facts">
        <dt>{t('project.status')}</dt><dd><span className="status status--neutral" data-testid="project-status">{t(`projectStatus.${p.status}`)}</span></dd>
        <dt>{t('project.owner')}</dt><dd><bdi>{p.ownerName}</bdi></dd>
        <dt>{t('project.parameters')}</dt>
        <dd>{t('project.parameterValues', { version: p.clkSchemaVersion, threshold: p.threshold, solve: t(`solve.${p.solve}`) })}</dd>
        <dt>{t('project.encodings')}</dt><dd>{p.deleteEncodingsAfterMatch ? t('project.encodingsDeleted') : t('project.encodingsKept')}</dd>
      </dl>
      <ProjectError error={action.error} />
      {isOpen && p.myStatus === 'invited' && (
        <Section title={t('invitation.title')} id="invitation">
          <p>{t('invitation.body', { name: p.ownerName })}</p>
          <div className="form__actions">
            <Button busy={action.isPending} busyLabel={t('actions.busy')} onClick={() => action.mutate({ kind: 'accept' })}>{t('invitation.accept')}</Button>
            <Button variant="secondary" disabled={action.isPending} onClick={() => action.mutate({ kind: 'decline' })}>{t('invitation.decline')}</Button>
          </div>
        </Section>
      )}
      <Parties orgId={orgId} project={p} t={t} />
      {isOpen && (p.myStatus === 'accepted' || p.myStatus === 'submitted') && <SecretForm project={p} onSubmit={(secret) => action.mutate({ kind: 'submit', secret })} busy={action.isPending} />}
      {isOpen && p.isMine && p.parties.some((party) => party.isExternal) && (
        <ExternalUploads project={p} busy={action.isPending} onUpload={(partyId, encodings) => action.mutate({ kind: 'upload', partyId, encodings })} />
      )}
      {(isOpen || p.status === 'matching') && (
        <Section title={t('match.title')} id="match">
          {p.failureReason && <p className="status status--warning">{t('match.failed', { reason: p.failureReason })}</p>}
          {p.status === 'matching' ? (
            <div role="status">
              <label htmlFor="match-progress">{t('match.progress', { stage: t(`stages.${p.stage ?? 'queued'}`, { defaultValue: p.stage ?? '' }) })}</label>
              <progress id="match-progress" max={1} value={p.progress}>{Math.round(p.progress * 100)}%</progress>
            </div>
          ) : (
            <>
              <p className="muted">{p.isReadyToMatch ? t('match.ready') : t('match.waiting')}</p>
              <Button disabled={!p.isReadyToMatch || p.myStatus !== 'submitted'} busy={action.isPending} busyLabel={t('actions.busy')} onClick={() => action.mutate({ kind: 'match' })}>{t('match.start')}</Button>
            </>
          )}
        </Section>
      )}
      {p.status === 'matched' && <Results orgId={orgId} project={p} canReadCases={active.permissions.includes('case.read')} />}
      {isOpen && p.isMine && (
        <p className="linkage-projects__cancel">
          <Button variant="danger" disabled={action.isPending} onClick={() => { if (window.confirm(t('cancel.confirm'))) action.mutate({ kind: 'cancel' }); }}>{t('cancel.button')}</Button>
        </p>
      )}
    </Page>
  );
}

function Parties({ orgId, project, t }: { orgId: string; project: TProject; t: TT }) {
  return (
    <Section title={t('parties.title')} id="parties">
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="sr-only">{t('parties.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('parties.name')}</th>
              <th scope="col">{t('parties.status')}</th>
              <th scope="col">{t('parties.records')}</th>
              <th scope="col">{t('parties.keyCheck')}</th>
            </tr>
          </thead>
          <tbody>
            {project.parties.map((party) => (
              <tr key={party.id} data-testid={`party-${party.id}`}>
                <th scope="row">
                  <bdi>{party.name}</bdi>
                  {party.isExternal && <span className="muted"> · {t('parties.external')}</span>}
                  {party.orgId === orgId && <span className="muted"> · {t('parties.you')}</span>}
                </th>
                <td data-label={t('parties.status')}>{t(`partyStatus.${party.status}`)}</td>
                <td data-label={t('parties.records')} className="cell--number">{party.recordCount ?? '—'}</td>
                <td data-label={t('parties.keyCheck')}><code dir="ltr">{party.keyCheck ?? '—'}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('parties.keyCheckHint')}</p>
    </Section>
  );
}

function SecretForm({ project, onSubmit, busy }: { project: TProject; onSubmit: (secret: string) => void; busy: boolean }) {
  const { t } = useLinkageProjectsTranslation();
  const [secret, setSecret] = useState('');
  const tooShort = secret.length > 0 && secret.length < 16;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (secret.length < 16) return;
    onSubmit(secret);
    setSecret('');
  }
  return (
    <Section title={t('secret.title')} id="secret">
      <p>{t('secret.explanation')}</p>
      <p className="status status--neutral">{t('secret.notStored')}</p>
      {project.myStatus === 'submitted' && <p className="muted">{t('secret.resubmit')}</p>}
      <form className="form" noValidate onSubmit={submit} aria-label={t('secret.title')}>
        <TextField id="linkage-secret" type="password" autoComplete="off" label={t('secret.label')} hint={t('secret.hint')} value={secret}
          error={tooShort ? t('secret.tooShort') : undefined} onChange={(e) => setSecret(e.target.value)} />
        <div className="form__actions">
          <Button type="submit" busy={busy} busyLabel={t('secret.busy')} disabled={secret.length < 16}>{t('secret.submit')}</Button>
        </div>
      </form>
    </Section>
  );
}

function ExternalUploads({ project, onUpload, busy }: { project: TProject; onUpload: (partyId: string, encodings: string) => void; busy: boolean }) {
  const { t } = useLinkageProjectsTranslation();
  const upload = (party: TParty) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onUpload(party.id, await file.text());
    event.target.value = '';
  };
  return (
    <Section title={t('external.title')} id="external">
      <p className="muted">{t('external.explanation')}</p>
      {project.parties.filter((party) => party.isExternal).map((party) => (
        <div key={party.id} className="field">
          <label className="field__label" htmlFor={`upload-${party.id}`}>{t('external.upload', { name: party.name })}</label>
          <input id={`upload-${party.id}`} type="file" accept="application/json,.json" disabled={busy} onChange={upload(party)} />
        </div>
      ))}
    </Section>
  );
}

function cellText(t: TT, cell: TPublishedCell, threshold: number): string {
  return 'value' in cell ? cell.value.toLocaleString() : t('results.suppressed', { threshold });
}

function Results({ orgId, project, canReadCases }: { orgId: string; project: TProject; canReadCases: boolean }) {
  const { t } = useLinkageProjectsTranslation();
  const statistics = useStatistics(orgId, project.id, true);
  const [showOwn, setShowOwn] = useState(false);
  const own = useOwnResult(orgId, project.id, showOwn);
  const s = statistics.data;
  return (
    <>
      <Section title={t('results.title')} id="results">
        <ErrorAlert error={statistics.error} />
        {s && (
          <>
            <p className="linkage-projects__count" data-testid="unique-persons">{t('results.unique', { value: cellText(t, s.uniquePersons, s.threshold) })}</p>
            <div className="table-wrap">
              <table className="table">
                <caption className="sr-only">{t('results.title')}</caption>
                <tbody>
                  <tr><th scope="row">{t('results.totalRecords')}</th><td className="cell--number">{cellText(t, s.totalRecords, s.threshold)}</td></tr>
                  <tr><th scope="row">{t('results.parties')}</th><td className="cell--number">{s.parties}</td></tr>
                  {s.byBucket.map((b) => (
                    <tr key={b.bucket}>
                      <th scope="row">{t(b.bucket === '3+' ? 'results.bucketMany' : b.bucket === '2' ? 'results.bucket2' : 'results.bucket1')}</th>
                      <td className="cell--number">{cellText(t, b.persons, s.threshold)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {(project.partyPairsSkipped ?? 0) > 0 && <p className="status status--warning">{t('results.skipped', { n: project.partyPairsSkipped ?? 0 })}</p>}
            <p className="muted">{t('results.note', { threshold: s.threshold })}</p>
          </>
        )}
      </Section>
      <Section title={t('own.title')} id="own-records">
        <p className="muted">{t('own.explanation')}</p>
        {!showOwn ? <Button variant="secondary" onClick={() => setShowOwn(true)}>{t('own.show')}</Button> : (
          <>
            <ErrorAlert error={own.error} />
            {own.data && (
              <>
                <p role="status">{t('own.summary', { shared: own.data.sharedRecords, records: own.data.records })}</p>
                {own.data.shared.length > 0 && (
                  <ul className="plain-list">
                    {own.data.shared.map((r) => (
                      <li key={r.personId}>
                        {t('own.person', { n: r.otherParties })}{' '}
                        {canReadCases && r.cases && r.cases.length > 0
                          ? r.cases.map((c) => <Link key={c.id} to={`/cases/${c.id}`}><bdi>{c.reference}</bdi></Link>)
                          : <code dir="ltr">{r.personId.slice(0, 8)}</code>}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </>
        )}
      </Section>
      {project.isMine && project.parties.some((party) => party.isExternal) && (
        <Section title={t('external.resultsTitle')} id="external-results">
          <p className="muted">{t('external.resultsExplanation')}</p>
          <ul className="plain-list">
            {project.parties.filter((party) => party.isExternal).map((party) => (
              <li key={party.id}><a href={externalResultUrl(orgId, project.id, party.id)} download>{t('external.download', { name: party.name })}</a></li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
