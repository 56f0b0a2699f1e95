import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useNumberFormat } from './format.ts';
import { useStatsTranslation } from './i18n.ts';
import { ReleasePrepareForm } from './release-prepare-form.tsx';
import { releaseFileUrl, useDecideRelease, usePrivacyBudgets, useRelease, useReleases, useSetPrivacyBudget } from './release-queries.ts';
import type { TPrivacyBudget, TRelease, TReleaseSummary, TReleaseTable } from './release-types.ts';
import type { TLabels, TStatsCell } from './types.ts';
import './stats.css';
import './releases.css';

const labelIn = (labels: TLabels, language: string) => labels[(['en', 'fr', 'es', 'ar'].includes(language) ? language : 'en') as keyof TLabels];

/** `/statistics/releases`: the organisation's releases, the privacy budgets and (for analysts) a new release. */
export function ReleasesPage() {
  return <RequireOrg>{(active) => <Releases key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** `/statistics/releases/:releaseId`: one release, its values, approval and downloads. */
export function ReleasePage({ releaseId }: { releaseId: string }) {
  return <RequireOrg>{(active) => <ReleaseDetail key={`${active.organisation.id}/${releaseId}`} orgId={active.organisation.id} releaseId={releaseId} canRead={active.permissions.includes('stats.read')} />}</RequireOrg>;
}

function Releases({ active }: { active: TActiveOrganisation }) {
  const { t } = useStatsTranslation();
  const orgId = active.organisation.id;
  if (!active.permissions.includes('stats.read')) {
    return (
      <Page title={t('releases.title')}>
        <p>{t('page.notAllowed')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('releases.title')} intro={t('releases.intro')}>
      <p>
        <Link to="/statistics">{t('releases.backToStatistics')}</Link>
      </p>
      <Section id="releases-list" title={t('releases.listTitle')}>
        <ReleaseList orgId={orgId} />
      </Section>
      <Section id="releases-budgets" title={t('releases.budgetsTitle')}>
        <BudgetTable orgId={orgId} canSet={active.permissions.includes('release.approve')} />
      </Section>
      {active.permissions.includes('release.prepare') && (
        <Section id="releases-prepare" title={t('releases.prepareTitle')}>
          <ReleasePrepareForm orgId={orgId} />
        </Section>
      )}
    </Page>
  );
}

function StatusBadge({ release }: { release: Pick<TReleaseSummary, 'status'> }) {
  const { t } = useStatsTranslation();
  return <span className={`release-status release-status--${release.status}`}>{t(`releases.status.${release.status}`)}</span>;
}

function ReleaseList({ orgId }: { orgId: string }) {
  const { t, i18n } = useStatsTranslation();
  const releases = useReleases(orgId);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  if (releases.error) return <ErrorAlert error={releases.error} />;
  if (!releases.data) return <p className="muted">{t('common.loading')}</p>;
  if (releases.data.length === 0) return <p className="muted">{t('releases.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('releases.column.title')}</th>
            <th scope="col">{t('releases.column.method')}</th>
            <th scope="col">{t('releases.column.status')}</th>
            <th scope="col">{t('releases.column.preparedAt')}</th>
            <th scope="col">{t('releases.column.publishedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {releases.data.map((release) => (
            <tr key={release.id}>
              <td>
                <Link to={`/statistics/releases/${release.id}`}>{release.title}</Link>
              </td>
              <td>{t(`releases.method.${release.disclosure.method}`)}</td>
              <td>
                <StatusBadge release={release} />
              </td>
              <td>{date.format(new Date(release.preparedAt))}</td>
              <td>{release.publishedAt ? date.format(new Date(release.publishedAt)) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A coordinator sets an unused dataset's budget once; afterwards it is fixed. */
function SetBudget({ orgId, budget }: { orgId: string; budget: TPrivacyBudget }) {
  const { t } = useStatsTranslation();
  const setBudget = useSetPrivacyBudget(orgId);
  const [epsilon, setEpsilon] = useState(budget.totalEpsilon);
  const [delta, setDelta] = useState(budget.totalDelta);
  return (
    <form className="release-budget-form" onSubmit={(event) => { event.preventDefault(); setBudget.mutate({ runId: budget.importRunId, totalEpsilon: epsilon.trim(), totalDelta: delta.trim() }); }}>
      <label>
        ε <input className="input" dir="ltr" size={8} value={epsilon} onChange={(e) => setEpsilon(e.target.value)} aria-label={t('releases.column.epsilon')} />
      </label>{' '}
      <label>
        δ <input className="input" dir="ltr" size={10} value={delta} onChange={(e) => setDelta(e.target.value)} aria-label={t('releases.column.delta')} />
      </label>{' '}
      <Button type="submit" variant="secondary" busy={setBudget.isPending} busyLabel={t('releases.setting')}>{t('releases.setBudget')}</Button>
      <ErrorAlert error={setBudget.error} />
    </form>
  );
}

function BudgetTable({ orgId, canSet }: { orgId: string; canSet: boolean }) {
  const { t } = useStatsTranslation();
  const budgets = usePrivacyBudgets(orgId);
  if (budgets.error) return <ErrorAlert error={budgets.error} />;
  if (!budgets.data) return <p className="muted">{t('common.loading')}</p>;
  if (budgets.data.length === 0) return <p className="muted">{t('releases.noBudgets')}</p>;
  return (
    <>
      <p className="muted">{t('releases.budgetsHint')}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('releases.column.dataset')}</th>
              <th scope="col" className="cell--number">{t('releases.column.epsilon')}</th>
              <th scope="col" className="cell--number">{t('releases.column.delta')}</th>
              {canSet && <th scope="col">{t('releases.column.budget')}</th>}
            </tr>
          </thead>
          <tbody>
            {budgets.data.map((budget) => (
              <tr key={budget.importRunId}>
                <td>{budget.fileName}</td>
                <td className="cell--number">{t('releases.remainingOf', { remaining: budget.remainingEpsilon, total: budget.totalEpsilon })}</td>
                <td className="cell--number">{t('releases.remainingOf', { remaining: budget.remainingDelta, total: budget.totalDelta })}</td>
                {canSet && <td>{budget.isConfigured ? <span className="muted">{t('releases.budgetFixed')}</span> : <SetBudget orgId={orgId} budget={budget} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ReleaseDetail({ orgId, releaseId, canRead }: { orgId: string; releaseId: string; canRead: boolean }) {
  const { t } = useStatsTranslation();
  const release = useRelease(orgId, releaseId);
  if (!canRead) {
    return (
      <Page title={t('releases.title')}>
        <p>{t('page.notAllowed')}</p>
      </Page>
    );
  }
  return (
    <Page title={release.data?.title ?? t('releases.title')}>
      <p>
        <Link to="/statistics/releases">{t('releases.backToList')}</Link>
      </p>
      <ErrorAlert error={release.error} />
      {!release.data && !release.error && <p className="muted">{t('common.loading')}</p>}
      {release.data && <ReleaseBody orgId={orgId} release={release.data} />}
    </Page>
  );
}

function ReleaseBody({ orgId, release }: { orgId: string; release: TRelease }) {
  const { t, i18n } = useStatsTranslation();
  const decide = useDecideRelease(orgId, release.id);
  const [done, setDone] = useState<'approve' | 'reject' | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const formatNumber = useNumberFormat(i18n.language);
  const parameters = Object.entries(release.disclosure.parameters).filter(([key]) => key !== 'method');

  return (
    <>
      {done && <StatusMessage>{t(done === 'approve' ? 'releases.approved' : 'releases.rejected')}</StatusMessage>}
      <dl className="release-facts">
        <dt>{t('releases.column.status')}</dt>
        <dd>
          <StatusBadge release={release} />
        </dd>
        <dt>{t('releases.column.method')}</dt>
        <dd>
          {t(`releases.method.${release.disclosure.method}`)}
          {parameters.length > 0 && <span className="muted" dir="ltr"> ({parameters.map(([key, value]) => `${key} = ${String(value)}`).join(', ')})</span>}
        </dd>
        {release.epsilonSpent && (
          <>
            <dt>{t('releases.budgetSpent')}</dt>
            <dd dir="ltr">ε = {release.epsilonSpent}, δ = {release.deltaSpent ?? '0'}</dd>
          </>
        )}
        <dt>{t('releases.preparedBy')}</dt>
        <dd>{t('releases.byOn', { name: release.preparedBy.displayName, date: date.format(new Date(release.preparedAt)) })}</dd>
        {release.approvedBy && release.publishedAt && (
          <>
            <dt>{t('releases.approvedBy')}</dt>
            <dd>{t('releases.byOn', { name: release.approvedBy.displayName, date: date.format(new Date(release.publishedAt)) })}</dd>
          </>
        )}
        {release.rejectedBy && release.rejectedAt && (
          <>
            <dt>{t('releases.rejectedBy')}</dt>
            <dd>{t('releases.byOn', { name: release.rejectedBy.displayName, date: date.format(new Date(release.rejectedAt)) })}</dd>
          </>
        )}
        <dt>{t('releases.language')}</dt>
        <dd>{t(`releases.languages.${release.language}`)}</dd>
      </dl>

      <ErrorAlert error={decide.error} />
      {release.abilities.canApprove && (
        <div className="release-actions">
          <p className="muted">{t('releases.approveHint')}</p>
          <Button busy={decide.isPending && decide.variables === 'approve'} busyLabel={t('releases.approving')} onClick={() => decide.mutate('approve', { onSuccess: () => setDone('approve') })}>
            {t('releases.approve')}
          </Button>{' '}
          <Button variant="secondary" disabled={decide.isPending} onClick={() => decide.mutate('reject', { onSuccess: () => setDone('reject') })}>
            {t('releases.reject')}
          </Button>
        </div>
      )}

      {release.abilities.canDownload && (
        <Section id="release-files" title={release.status === 'published' ? t('releases.filesTitle') : t('releases.previewTitle')}>
          <ul className="release-files">
            {(['csv', 'xlsx', 'pdf'] as const).filter((format) => release.kind === 'tables' || format !== 'xlsx').map((format) => {
              const stored = release.files.find((f) => f.format === format);
              return (
                <li key={format}>
                  <a href={releaseFileUrl(orgId, release.id, format)} download>
                    {t(`releases.download.${format}`)}
                  </a>
                  {stored && (
                    <span className="muted" dir="ltr">
                      {' '}
                      {formatNumber(stored.byteCount)} B · SHA-256 {stored.sha256.slice(0, 16)}…
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </Section>
      )}

      {release.result.kind === 'tables' ? (
        release.result.tables.map((table, i) => (
          <Section key={i} id={`release-table-${i}`} title={`${t('releases.table', { number: i + 1 })}: ${labelIn(table.metric.labels, i18n.language)}`}>
            <ReleaseTableView table={table} isDp={release.disclosure.method === 'differentialPrivacy'} />
          </Section>
        ))
      ) : (
        <Section id="release-records" title={t('releases.recordLevelTitle')}>
          <p>{t('releases.recordLevelSummary', { kept: formatNumber(release.result.summary.rowsKept), suppressed: formatNumber(release.result.summary.rowsSuppressed), k: release.result.summary.k, loss: release.result.summary.informationLoss.toFixed(3) })}</p>
        </Section>
      )}
    </>
  );
}

function ReleaseTableView({ table, isDp }: { table: TReleaseTable; isDp: boolean }) {
  const { t, i18n } = useStatsTranslation();
  const formatNumber = useNumberFormat(i18n.language);
  const values = table.values;
  if (!values) return <p className="muted">{t(isDp ? 'releases.valuesAtPublication' : 'releases.valuesDraftOnly')}</p>;
  const cell = (c: TStatsCell) => ('value' in c ? formatNumber(c.value) : <abbr title={t('releases.suppressed')}>x</abbr>);
  const [first, second] = table.dimensions;
  if (!first || values.cells.length === 0) return <p>{t('releases.total')}: {cell(values.total)}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{labelIn(first.labels, i18n.language)}</th>
            {second ? second.categories.map((c, j) => <th key={j} scope="col" className="cell--number">{labelIn(c.labels, i18n.language)}</th>) : <th scope="col" className="cell--number">{labelIn(table.metric.labels, i18n.language)}</th>}
            {second && <th scope="col" className="cell--number">{t('releases.total')}</th>}
          </tr>
        </thead>
        <tbody>
          {values.cells.map((row, i) => (
            <tr key={i}>
              <th scope="row">{labelIn(first.categories[i]!.labels, i18n.language)}</th>
              {row.map((c, j) => <td key={j} className="cell--number">{cell(c)}</td>)}
              {second && <td className="cell--number">{cell(values.rowTotals[i]!)}</td>}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('releases.total')}</th>
            {second && values.columnTotals.map((c, j) => <td key={j} className="cell--number">{cell(c)}</td>)}
            <td className="cell--number">{cell(values.total)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
