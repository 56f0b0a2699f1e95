import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-field.tsx';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useLinkageTranslation } from './i18n.ts';
import { linkageKeys, useCandidateDetail, useCandidates, useDedupeJobs, useReviewAction, useStartDedupeJob, useUniquePersons } from './queries.ts';
import type { TCandidateStatus, TCaseRef, TExplanation, TPublishedCell, TReviewedPerson } from './types.ts';
import './linkage.css';

type TT = ReturnType<typeof useLinkageTranslation>['t'];

export function DuplicatesPage() {
  return <RequireOrg>{(active) => <Duplicates key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** De-duplication of the organisation's register: run the job, review the pairs, merge or keep apart. */
function Duplicates({ active }: { active: TActiveOrganisation }) {
  const { t } = useLinkageTranslation();
  const orgId = active.organisation.id;
  const can = (permission: 'linkage.run' | 'duplicate.review' | 'stats.read') => active.permissions.includes(permission);
  if (!can('linkage.run') && !can('duplicate.review') && !can('stats.read')) {
    return <Page title={t('page.title')}><p>{t('page.notAllowed')}</p></Page>;
  }
  return (
    <Page title={t('page.title')} intro={t('page.intro')}>
      {can('linkage.run') && <JobPanel orgId={orgId} />}
      {can('stats.read') && <UniquePersons orgId={orgId} />}
      {can('duplicate.review') && <ReviewQueue orgId={orgId} />}
    </Page>
  );
}

function JobPanel({ orgId }: { orgId: string }) {
  const { t } = useLinkageTranslation();
  const jobs = useDedupeJobs(orgId, true);
  const start = useStartDedupeJob(orgId);
  const latest = jobs.data?.[0];
  const isRunning = latest?.status === 'running';
  const queryClient = useQueryClient();
  // a finished job brings new pairs: the queue and the counts are refreshed once it is done
  useEffect(() => {
    if (latest?.status === 'succeeded') {
      void queryClient.invalidateQueries({ queryKey: [...linkageKeys.all(orgId), 'queue'] });
      void queryClient.invalidateQueries({ queryKey: linkageKeys.uniquePersons(orgId) });
    }
  }, [latest?.id, latest?.status, orgId, queryClient]);
  return (
    <Section title={t('job.title')} id="dedupe-job">
      <p className="muted">{t('job.intro')}</p>
      <Button busy={start.isPending || isRunning} busyLabel={t('job.running')} onClick={() => start.mutate()}>
        {t('job.start')}
      </Button>
      <ErrorAlert error={start.error ?? jobs.error} />
      {latest && (
        <div className="linkage-job" role="status">
          {isRunning ? (
            <>
              <label htmlFor="dedupe-progress">{t('job.progress', { stage: t(`stages.${latest.stage}`, { defaultValue: latest.stage }) })}</label>
              <progress id="dedupe-progress" max={1} value={latest.progress}>{Math.round(latest.progress * 100)}%</progress>
            </>
          ) : latest.status === 'succeeded' ? (
            <p>
              {t('job.succeeded', {
                persons: latest.personsRead ?? 0, pairs: latest.candidatePairs ?? 0, review: latest.reviewPairs ?? 0,
                when: new Date(latest.finishedAt ?? latest.startedAt).toLocaleString(),
              })}{' '}
              {latest.modelSource === 'reference' ? t('job.referenceModel') : t('job.ownModel')}
            </p>
          ) : (
            <p className="status status--warning">{t('job.failed', { reason: latest.failureReason ?? '' })}</p>
          )}
        </div>
      )}
    </Section>
  );
}

function publishedText(t: TT, cell: TPublishedCell, threshold: number): string {
  return 'value' in cell ? cell.value.toLocaleString() : t('unique.suppressed', { threshold });
}

function UniquePersons({ orgId }: { orgId: string }) {
  const { t } = useLinkageTranslation();
  const counts = useUniquePersons(orgId, true);
  return (
    <Section title={t('unique.title')} id="unique-persons">
      <ErrorAlert error={counts.error} />
      {counts.data && (
        <>
          <p className="linkage-count">{t('unique.total', { count: publishedText(t, counts.data.uniquePersons, counts.data.threshold) })}</p>
          <ul className="plain-list">
            {counts.data.byBucket.map((bucket) => (
              <li key={bucket.bucket}>{t(bucket.bucket === '3+' ? 'unique.bucket.many' : bucket.bucket === '2' ? 'unique.bucket.2' : 'unique.bucket.1', { count: publishedText(t, bucket.persons, counts.data.threshold) })}</li>
            ))}
          </ul>
          <p className="muted">{t('unique.note', { threshold: counts.data.threshold })}</p>
        </>
      )}
    </Section>
  );
}

const STATUSES: TCandidateStatus[] = ['pending', 'match', 'not_match', 'merged'];

function ReviewQueue({ orgId }: { orgId: string }) {
  const { t } = useLinkageTranslation();
  const [status, setStatus] = useState<TCandidateStatus>('pending');
  const [openId, setOpenId] = useState<string | null>(null);
  const candidates = useCandidates(orgId, status, true);
  return (
    <Section title={t('queue.title')} id="review-queue">
      <RadioGroup
        id="queue-status"
        legend={t('queue.show')}
        layout="inline"
        options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        value={status}
        onChange={(value) => { setStatus(value as TCandidateStatus); setOpenId(null); }}
      />
      <ErrorAlert error={candidates.error} />
      {candidates.isPending && <p className="muted">{t('queue.loading')}</p>}
      {candidates.data && (candidates.data.length === 0 ? <p role="status">{t('queue.empty')}</p> : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="sr-only">{t('queue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.likelihood')}</th>
                <th scope="col">{t('queue.first')}</th>
                <th scope="col">{t('queue.second')}</th>
                <th scope="col"><span className="sr-only">{t('queue.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {candidates.data.map((c) => (
                <tr key={c.id} className={c.id === openId ? 'row--active' : undefined}>
                  <th scope="row" className="cell--number">{formatPercent(c.probability)}</th>
                  <td data-label={t('queue.first')}><CaseLinks cases={c.personA.cases} /></td>
                  <td data-label={t('queue.second')}><CaseLinks cases={c.personB.cases} /></td>
                  <td>
                    <Button variant="secondary" aria-expanded={c.id === openId} onClick={() => setOpenId(c.id === openId ? null : c.id)}>
                      {c.id === openId ? t('queue.close') : t('queue.compare')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {openId && <ComparePanel orgId={orgId} candidateId={openId} />}
    </Section>
  );
}

const formatPercent = (p: number) => `${(Math.floor(p * 1000) / 10).toLocaleString()} %`;

function CaseLinks({ cases }: { cases: TCaseRef[] }) {
  const { t } = useLinkageTranslation();
  if (cases.length === 0) return <span className="muted">{t('queue.noCases')}</span>;
  return (
    <>
      {cases.map((c, k) => (
        <span key={c.id}>
          {k > 0 && ', '}
          <Link to={`/cases/${c.id}`}><bdi>{c.reference}</bdi></Link>
        </span>
      ))}
    </>
  );
}

/** The two records side by side, the weight each field adds, and the reviewer's choices. */
function ComparePanel({ orgId, candidateId }: { orgId: string; candidateId: string }) {
  const { t } = useLinkageTranslation();
  const detail = useCandidateDetail(orgId, candidateId);
  const action = useReviewAction(orgId);
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <p className="muted">{t('queue.loading')}</p>;
  const c = detail.data;
  const busy = action.isPending;
  return (
    <section className="linkage-compare" aria-labelledby="compare-title">
      <h3 id="compare-title">{t('compare.title', { percent: formatPercent(c.probability) })}</h3>
      {!c.identityShown && <p className="status status--neutral">{t('compare.identityHidden')}</p>}
      <div className="linkage-compare__sides">
        <PersonCard title={t('queue.first')} person={c.personA} />
        <PersonCard title={t('queue.second')} person={c.personB} />
      </div>
      <WeightsTable explanation={c.explanation} />
      <ErrorAlert error={action.error} />
      <div className="linkage-compare__actions">
        {(c.status === 'pending' || c.status === 'match') && (
          <>
            {c.status === 'pending' && (
              <Button busy={busy} onClick={() => action.mutate({ kind: 'decide', candidateId: c.id, decision: 'match' })}>{t('actions.match')}</Button>
            )}
            <Button variant="secondary" busy={busy} onClick={() => action.mutate({ kind: 'merge', candidateId: c.id, survivingPersonId: c.personA.personId })}>{t('actions.mergeIntoFirst')}</Button>
            <Button variant="secondary" busy={busy} onClick={() => action.mutate({ kind: 'merge', candidateId: c.id, survivingPersonId: c.personB.personId })}>{t('actions.mergeIntoSecond')}</Button>
            <Button variant="danger" busy={busy} onClick={() => action.mutate({ kind: 'decide', candidateId: c.id, decision: 'not_match' })}>{t('actions.notMatch')}</Button>
          </>
        )}
        {(c.status === 'not_match' || c.status === 'match') && (
          <Button variant="link" busy={busy} onClick={() => action.mutate({ kind: 'decide', candidateId: c.id, decision: 'pending' })}>{t('actions.reopen')}</Button>
        )}
        {c.status === 'merged' && c.mergeId && (
          <Button variant="danger" busy={busy} onClick={() => action.mutate({ kind: 'unmerge', mergeId: c.mergeId! })}>{t('actions.unmerge')}</Button>
        )}
      </div>
      <p className="muted">{t('compare.audited')}</p>
    </section>
  );
}

type TField = 'givenName' | 'familyName' | 'otherNames' | 'dateOfBirth' | 'documents' | 'phone' | 'sex' | 'age' | 'citizenship';
const IDENTITY_FIELDS: readonly TField[] = ['givenName', 'familyName', 'otherNames', 'dateOfBirth', 'documents', 'phone'];

function PersonCard({ title, person }: { title: string; person: TReviewedPerson }) {
  const { t } = useLinkageTranslation();
  const identity = person.identity;
  const rows: [TField, string | null | undefined][] = [
    ['givenName', identity?.givenName],
    ['familyName', identity?.familyName],
    ['otherNames', identity?.otherNames?.join(', ')],
    ['dateOfBirth', identity?.dateOfBirth],
    ['documents', identity?.documentNumbers?.join(', ')],
    ['phone', identity?.phone],
    ['sex', t(`sex.${person.sex}`, { defaultValue: person.sex })],
    ['age', person.ageYears === null ? null : String(person.ageYears)],
    ['citizenship', person.citizenship],
  ];
  return (
    <div className="linkage-person">
      <h4>{title}</h4>
      <dl className="details details--grid">
        {rows.filter(([field]) => identity !== null || !IDENTITY_FIELDS.includes(field)).map(([field, value]) => (
          <div key={field}>
            <dt>{t(`fields.${field}`)}</dt>
            <dd>{value ? <bdi>{value}</bdi> : <span className="muted">{t('fields.missing')}</span>}</dd>
          </div>
        ))}
        <div>
          <dt>{t('fields.cases')}</dt>
          <dd><CaseLinks cases={person.cases} /></dd>
        </div>
      </dl>
    </div>
  );
}

function WeightsTable({ explanation }: { explanation: TExplanation }) {
  const { t } = useLinkageTranslation();
  const format = (w: number) => `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(1)}`;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('weights.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('weights.field')}</th>
            <th scope="col">{t('weights.level')}</th>
            <th scope="col" className="cell--number">{t('weights.weight')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('weights.prior')}</th>
            <td />
            <td className="cell--number">{format(explanation.priorWeight)}</td>
          </tr>
          {explanation.comparisons.map((c) => (
            <tr key={c.comparison}>
              <th scope="row">{t(`comparisons.${c.comparison}`, { defaultValue: c.comparison })}</th>
              <td>{c.level < 0 ? t('levels.missing') : t(`levels.${levelGroup(c.comparison)}.${c.level}`, { defaultValue: c.label })}</td>
              <td className="cell--number">{format(c.weight + c.termFrequencyAdjustment)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('weights.total')}</th>
            <td />
            <td className="cell--number">{format(explanation.totalWeight)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Which list of level labels a comparison uses (core/linkage person-comparisons.ts). */
function levelGroup(comparison: string): string {
  if (comparison === 'given_name' || comparison === 'surname') return 'name';
  if (comparison === 'date_of_birth') return 'date';
  if (comparison === 'name_order') return 'order';
  if (comparison === 'document_number' || comparison === 'phone') return 'identifier';
  return 'same';
}

