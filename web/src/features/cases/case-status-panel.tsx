import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../api/case-types.ts';
import { formatDateTime } from '../../components/format.ts';
import { ChildBadge, DeadlineText, StatusBadge } from './case-badges.tsx';

/**
 * Where the case stands: its status and the procedural clock (RG decision due, recovery period
 * end, earliest CG date). A passed decision deadline is called out, not just coloured.
 */
export function CaseStatusPanel({ caseItem }: { caseItem: TCaseDetail }) {
  const { t, i18n } = useTranslation();
  const open = caseItem.deadlines.filter((d) => d.state === 'due' || d.state === 'dueSoon' || d.state === 'breached');
  const overdue = caseItem.deadlines.filter((d) => d.state === 'breached' && d.kind === 'rg_decision');
  const closed = caseItem.deadlines.filter((d) => !open.includes(d));
  return (
    <div className="case-status">
      <p className="case-status__line">
        <StatusBadge status={caseItem.status} /> {caseItem.isChild && <ChildBadge />}
        {caseItem.closureReason && (
          <span className="muted"> {t('casePage.closedBecause', { reason: closureReasonLabel(caseItem.closureReason) })}</span>
        )}
      </p>
      {overdue.length > 0 && (
        <p className="status status--warning" role="note">
          {t('casePage.overdueNotice')}
        </p>
      )}
      <dl className="details details--grid">
        {open.map((d) => (
          <div key={d.id}>
            <dt>{t(`deadlineKinds.${d.kind}`)}</dt>
            <dd>
              <DeadlineText kind={d.kind} dueAt={d.dueAt} state={d.state} hideKind />
            </dd>
          </div>
        ))}
        {caseItem.recoveryPeriod && (
          <>
            <div>
              <dt>{t('casePage.recoveryStarted')}</dt>
              <dd>{formatDateTime(caseItem.recoveryPeriod.startsAt, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('casePage.earliestCg')}</dt>
              <dd>
                <time dateTime={caseItem.recoveryPeriod.earliestCgAt}>{formatDateTime(caseItem.recoveryPeriod.earliestCgAt, i18n.language)}</time>
              </dd>
            </div>
          </>
        )}
        {closed.map((d) => (
          <div key={d.id}>
            <dt>{t(`deadlineKinds.${d.kind}`)}</dt>
            <dd>
              <DeadlineText kind={d.kind} dueAt={d.dueAt} state={d.state} hideKind />
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('casePage.jurisdiction')}</dt>
          <dd>
            <bdi>
              {caseItem.jurisdictionProfile.id} {caseItem.jurisdictionProfile.version}
            </bdi>
          </dd>
        </div>
      </dl>
      {open.length === 0 && !caseItem.recoveryPeriod && <p className="muted">{t('casePage.noClock')}</p>}
    </div>
  );

  function closureReasonLabel(reason: string): string {
    return i18n.exists(`closureReasons.${reason}`) ? t(`closureReasons.${reason as 'other'}`) : reason;
  }
}
