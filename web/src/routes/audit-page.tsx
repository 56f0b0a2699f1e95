import { useTranslation } from 'react-i18next';
import type { TAuditAction } from '../../../core/audit/events.ts';
import { ErrorAlert } from '../components/alert.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { useAuditEvents } from '../features/audit/queries.ts';
import { VerifyChain } from '../features/audit/verify-chain.tsx';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';

export function AuditPage() {
  return <RequireOrg>{(active) => <Audit key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** The latest audit events of the active organisation and the on-demand chain verification. */
function Audit({ active }: { active: TActiveOrganisation }) {
  const { t } = useTranslation();
  const { id: orgId, name: orgName } = active.organisation;
  if (!active.permissions.includes('audit.read')) {
    return (
      <Page title={t('audit.title')}>
        <p>{t('audit.notAllowed')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('audit.title')} intro={t('audit.intro', { organisation: orgName })}>
      {active.permissions.includes('audit.verify') && <VerifyChain orgId={orgId} />}
      <AuditEvents orgId={orgId} />
    </Page>
  );
}

function AuditEvents({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const events = useAuditEvents(orgId);
  const { actionLabel, subjectLabel } = useAuditLabels();
  if (events.error) return <ErrorAlert error={events.error} />;
  if (events.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (events.data.length === 0) return <p>{t('audit.empty')}</p>;
  return (
    <div className="table-wrap">
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
          {events.data.map((event) => (
            <tr key={event.id}>
              <td className="cell--number" data-label={t('audit.sequence')}>
                {event.seq}
              </td>
              <td className="cell--nowrap" data-label={t('audit.time')}>{formatDateTime(event.createdAt, i18n.language)}</td>
              <td data-label={t('audit.action')}>
                <span title={event.action}>{actionLabel(event.action)}</span>
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
          ))}
        </tbody>
      </table>
    </div>
  );
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
