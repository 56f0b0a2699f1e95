import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditAction } from '../../../../core/audit/events.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { CheckboxField } from '../../components/choice-field.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useCaseTimeline } from './queries.ts';

/** Read-access events: recorded on every view, so they would drown the procedure's steps. */
const ACCESS_EVENTS = new Set(['person.identityViewed', 'person.identitiesListed']);

/**
 * The case's history from the audit log (newest first): who did what and when. Event names
 * are translated; a few events add their key fact (decision, closure reason, consent).
 * Views of the identity are hidden until asked for.
 */
export function CaseTimeline({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t, i18n } = useTranslation();
  const events = useCaseTimeline(orgId, caseId);
  const detail = useEventDetail();
  const [showAccess, setShowAccess] = useState(false);
  if (events.error) return <ErrorAlert error={events.error} />;
  if (events.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (events.data.length === 0) return <p>{t('timeline.empty')}</p>;
  const accessCount = events.data.filter((e) => ACCESS_EVENTS.has(e.action)).length;
  const shown = showAccess ? events.data : events.data.filter((e) => !ACCESS_EVENTS.has(e.action));
  return (
    <>
    {accessCount > 0 && (
      <CheckboxField id="timeline-access" label={t('timeline.showAccess', { number: accessCount })} checked={showAccess} onChange={setShowAccess} />
    )}
    <ol className="timeline">
      {shown.map((event) => {
        const extra = detail(event.action, event.metadata);
        return (
          <li key={event.seq} className="timeline__item">
            <p className="timeline__what">
              <span className="timeline__action">{actionLabel(event.action)}</span>
              {extra && <span className="timeline__detail"> — {extra}</span>}
            </p>
            <p className="timeline__meta muted">
              <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, i18n.language)}</time>
              {' · '}
              {event.actorLabel && event.actorLabel !== 'system' ? <bdi>{event.actorLabel}</bdi> : t('audit.system')}
            </p>
          </li>
        );
      })}
    </ol>
    </>
  );

  function actionLabel(action: string): string {
    return action.includes('.') && i18n.exists(`auditActions.${action}`) ? t(`auditActions.${action as TAuditAction}`) : action;
  }
}

/** The one fact worth showing next to an event, read defensively from its metadata. */
function useEventDetail(): (action: string, metadata: unknown) => string | null {
  const { t, i18n } = useTranslation();
  const known = (key: string) => i18n.exists(key);
  return (action, metadata) => {
    const m = (metadata && typeof metadata === 'object' ? metadata : {}) as Record<string, unknown>;
    const str = (key: string) => (typeof m[key] === 'string' ? (m[key] as string) : null);
    switch (action) {
      case 'decision.recorded': {
        const kind = str('kind');
        const outcome = str('outcome');
        if ((kind !== 'RG' && kind !== 'CG') || (outcome !== 'positive' && outcome !== 'negative')) return null;
        return t(`timeline.decision.${kind}_${outcome}`) + (m.isReconsideration === true ? ` (${t('timeline.reconsideration')})` : '');
      }
      case 'case.closed': {
        const reason = str('reason');
        return reason && known(`closureReasons.${reason}`) ? t(`closureReasons.${reason as 'other'}`) : reason;
      }
      case 'consent.recorded': {
        const decision = str('decision');
        return decision === 'given' || decision === 'declined' ? t(`consent.${decision}`) : null;
      }
      case 'screening.recorded': {
        const outcome = str('outcome');
        return outcome && known(`screeningOutcomes.${outcome}`) ? t(`screeningOutcomes.${outcome as 'trafficking'}`) : null;
      }
      case 'case.ageAssessed': {
        const outcome = str('outcome');
        return outcome === 'child' || outcome === 'adult' ? t(`child.ageOutcome.${outcome}`) : null;
      }
      case 'case.guardianRecorded': {
        const kind = str('kind');
        return kind && known(`guardianKinds.${kind}`) ? t(`guardianKinds.${kind as 'authority'}`) : null;
      }
      case 'case.bestInterestsDetermined': {
        const outcome = str('outcome');
        return outcome && known(`bidOutcomes.${outcome}`) ? t(`bidOutcomes.${outcome as 'other_durable_solution'}`) : null;
      }
      default: {
        const to = str('to');
        return to && known(`caseStatus.${to}`) ? t('timeline.nowStatus', { status: t(`caseStatus.${to as 'draft'}`) }) : null;
      }
    }
  };
}
