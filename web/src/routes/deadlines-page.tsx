import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/alert.tsx';
import { RadioGroup } from '../components/choice-field.tsx';
import { Page } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { DeadlineText } from '../features/cases/case-badges.tsx';
import { useDeadlines, type TDeadlineFilter } from '../features/deadlines/queries.ts';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';
import { Link } from '../router.tsx';

export function DeadlinesPage() {
  return <RequireOrg>{(active) => <Deadlines key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** For coordinators: decisions and periods that are due, soon due or overdue, across the organisation's cases. */
function Deadlines({ active }: { active: TActiveOrganisation }) {
  const { t } = useTranslation();
  const orgId = active.organisation.id;
  const [filter, setFilter] = useState<TDeadlineFilter>('open');
  const deadlines = useDeadlines(orgId, filter);

  if (!active.permissions.includes('deadline.read')) {
    return (
      <Page title={t('deadlines.title')}>
        <p>{t('deadlines.notAllowed')}</p>
      </Page>
    );
  }

  const overdueCount = deadlines.data?.filter((d) => d.state === 'breached' && d.kind === 'rg_decision').length ?? 0;

  return (
    <Page title={t('deadlines.title')} intro={t('deadlines.intro')}>
      <RadioGroup
        id="deadlines-filter"
        legend={t('deadlines.show')}
        layout="inline"
        options={[
          { value: 'open', label: t('deadlines.open') },
          { value: 'overdue', label: t('deadlines.overdue') },
        ]}
        value={filter}
        onChange={(value) => setFilter(value as TDeadlineFilter)}
      />
      <ErrorAlert error={deadlines.error} />
      {deadlines.isPending && <p className="muted">{t('app.loading')}</p>}
      {deadlines.data && overdueCount > 0 && (
        <p className="status status--warning" role="status">
          {t('deadlines.overdueCount', { number: overdueCount })}
        </p>
      )}
      {deadlines.data &&
        (deadlines.data.length === 0 ? (
          <p role="status">{filter === 'overdue' ? t('deadlines.noneOverdue') : t('deadlines.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption className="sr-only">{t('deadlines.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.reference')}</th>
                  <th scope="col">{t('deadlines.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {deadlines.data.map((d) => (
                  <tr key={d.id} className={d.state === 'breached' && d.kind === 'rg_decision' ? 'row--overdue' : undefined}>
                    <th scope="row">
                      <Link to={`/cases/${d.caseId}`}>
                        <bdi>{d.caseReference}</bdi>
                      </Link>
                    </th>
                    <td data-label={t('deadlines.deadline')}>
                      <DeadlineText kind={d.kind} dueAt={d.dueAt} state={d.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Page>
  );
}
