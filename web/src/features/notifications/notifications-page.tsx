import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/page.tsx';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { Link } from '../../router.tsx';
import { useActiveOrg } from '../session/active-org.tsx';
import { useMarkAllRead, useMarkRead, useNotifications, type TNotification } from './queries.ts';
import { isKnownKind, openLinkKey, subjectPath } from './subjects.ts';
import './notifications.css';

/**
 * `/notifications`: the user's notices from every organisation they belong to, newest first.
 * Opening one marks it read and goes to its subject, in the organisation it came from.
 */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { active, setActiveOrgId } = useActiveOrg();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const notifications = list.data?.notifications ?? [];
  const unread = list.data?.unread ?? 0;

  /** Before the link navigates: mark it read, and make its organisation active (the subject lives there). */
  function opening(notification: TNotification) {
    if (!notification.readAt) markRead.mutate(notification.id);
    if (active?.organisation.id !== notification.orgId) setActiveOrgId(notification.orgId);
  }

  const sentence = (n: TNotification) => (isKnownKind(n.kind) ? t(`notifications.kinds.${n.kind}`) : t('notifications.generic'));

  return (
    <Page title={t('notifications.title')} intro={t('notifications.intro')}>
      <ErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
      {list.isPending && <p className="muted">{t('app.loading')}</p>}
      {list.data && (
        <p role="status">{unread > 0 ? t('notifications.unreadCount', { count: String(unread) }) : t('notifications.allRead')}</p>
      )}
      {unread > 0 && (
        <div className="form__actions">
          <Button variant="secondary" busy={markAll.isPending} busyLabel={t('notifications.working')} onClick={() => markAll.mutate()}>{t('notifications.markAllRead')}</Button>
        </div>
      )}
      {list.data && notifications.length === 0 && <p>{t('notifications.empty')}</p>}
      {notifications.length > 0 && (
        <ul className="notification-list" aria-label={t('notifications.title')}>
          {notifications.map((n) => {
            const path = subjectPath(n);
            return (
              <li key={n.id} className={n.readAt ? undefined : 'notification--unread'}>
                <div className="notification__main">
                  {!n.readAt && <span className="badge notification__new">{t('notifications.new')}</span>}{' '}
                  <strong>{sentence(n)}</strong>
                  <br />
                  <span className="notification__meta"><bdi>{n.orgName}</bdi> · <bdi>{formatDateTime(n.createdAt, i18n.language)}</bdi></span>
                </div>
                <div className="form__actions">
                  {path && (
                    <Link to={path} onClick={() => opening(n)} aria-label={t('notifications.openLabel', { what: sentence(n), ...NOT_DISPLAYED })}>
                      {t(openLinkKey(n))}
                    </Link>
                  )}
                  {!n.readAt && (
                    <Button variant="secondary" busy={markRead.isPending && markRead.variables === n.id} busyLabel={t('notifications.working')} onClick={() => markRead.mutate(n.id)}
                      aria-label={t('notifications.markReadLabel', { what: sentence(n), ...NOT_DISPLAYED })}>
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
