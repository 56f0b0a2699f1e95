/** `/service-referrals` (the inboxes) and `/service-referrals/:referralId` (features/protection/referrals.tsx). */
export { ReferralPage, ReferralsInboxPage } from '../features/protection/referrals.tsx';
