import { useTranslation } from 'react-i18next';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { Link } from '../../router.tsx';
import { useUnreadCount } from './queries.ts';
import './notifications.css';

/** The header's link to /notifications with the unread count (polled every minute). */
export function NotificationsBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <Link to="/notifications" className="bell" aria-label={count > 0 ? t('notifications.bellUnread', { count: shown, ...NOT_DISPLAYED }) : t('notifications.bell')}>
      <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      <span className="bell__text">{t('notifications.bell')}</span>
      {count > 0 && <span className="bell__count" aria-hidden="true">{shown}</span>}
    </Link>
  );
}
