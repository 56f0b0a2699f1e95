/** `/notifications`: the signed-in user's notices (features/notifications/notifications-page.tsx). */
export { NotificationsPage } from '../features/notifications/notifications-page.tsx';
