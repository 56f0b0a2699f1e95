import { useTranslation } from 'react-i18next';
import type { TAuditAction } from '../../../../core/audit/events.ts';
import { isAccessPurpose } from '../../../../core/security/access-purpose.ts';
import type { TAuditEvent } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';

/** One page of audit events; an identity read shows the reader's stated purpose under its action. */
export function AuditEventsTable({ events, busy }: { events: TAuditEvent[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const { actionLabel, subjectLabel } = useAuditLabels();
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className="table table--compact table--stack">
        <thead>
          <tr>
            <th scope="col">{t('audit.sequence')}</th>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.subject')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const purpose = accessPurposeOf(event);
            return (
              <tr key={event.id}>
                <td className="cell--number" data-label={t('audit.sequence')}>
                  {event.seq}
                </td>
                <td className="cell--nowrap" data-label={t('audit.time')}>{formatDateTime(event.createdAt, i18n.language)}</td>
                <td data-label={t('audit.action')}>
                  <span title={event.action}>{actionLabel(event.action)}</span>
                  {purpose && <div className="muted">{t('audit.purpose', { purpose: t(`accessPurposes.${purpose}`) })}</div>}
                </td>
                <td data-label={t('audit.actor')}>
                  {event.actorLabel && event.actorLabel !== 'system' ? <bdi>{event.actorLabel}</bdi> : t('audit.system')}
                </td>
                <td data-label={t('audit.subject')}>
                  {event.subjectType && (
                    <span title={event.subjectId ?? undefined}>
                      {subjectLabel(event.subjectType)}
                      {event.subjectId && (
                        <>
                          {' '}
                          <code dir="ltr">{shortId(event.subjectId)}</code>
                        </>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The stated purpose of an identity read (security policy requireAccessPurpose), if any. */
function accessPurposeOf(event: TAuditEvent) {
  const purpose = (event.metadata as { accessPurpose?: unknown } | null)?.accessPurpose;
  return isAccessPurpose(purpose) ? purpose : null;
}

/**
 * Translated names for the audit catalogue (core/audit/events.ts; the locale test checks every name
 * there has a label). An action or subject the UI does not know yet shows its code.
 */
function useAuditLabels() {
  const { t, i18n } = useTranslation();
  return {
    actionLabel: (action: string) =>
      action.includes('.') && i18n.exists(`auditActions.${action}`) ? t(`auditActions.${action as TAuditAction}`) : action,
    subjectLabel: (type: string) => (type === 'user' || type === 'organisation' ? t(`auditSubjects.${type}`) : type),
  };
}

/** First 8 characters of a UUID are enough to tell subjects apart on screen; the title has it all. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
