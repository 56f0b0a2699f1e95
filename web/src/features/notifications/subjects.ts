import type { TNotification } from './queries.ts';

/** Kinds with their own sentence (`notifications.kinds.*`); any other kind gets the generic one. */
export const KNOWN_NOTIFICATION_KINDS = ['caseTransfer.requested', 'caseTransfer.accepted', 'caseTransfer.rejected', 'caseTransfer.cancelled', 'serviceReferral.received', 'serviceReferral.responded', 'serviceReferral.revoked', 'emergencyAccess.granted', 'dedupeJob.completed', 'linkageProject.invited', 'linkageProject.matched', 'twoFactor.resetByAdministrator', 'user.passwordResetByAdministrator'] as const;
export type TKnownNotificationKind = (typeof KNOWN_NOTIFICATION_KINDS)[number];

export function isKnownKind(kind: string): kind is TKnownNotificationKind {
  return (KNOWN_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/**
 * Where a notification leads: the page of its subject, when the web has one. A revoked referral
 * no longer exists for the organisation that received it, so its notice leads to the inboxes.
 */
export function subjectPath(notification: Pick<TNotification, 'subjectType' | 'subjectId'> & { kind?: string }): string | null {
  if (notification.kind === 'serviceReferral.revoked') return '/service-referrals';
  // The account page is where two-factor sign-in is turned on again and the password changed.
  if (notification.kind === 'twoFactor.resetByAdministrator' || notification.kind === 'user.passwordResetByAdministrator') return '/account';
  if (!notification.subjectId) return null;
  const id = encodeURIComponent(notification.subjectId);
  switch (notification.subjectType) {
    case 'caseTransfer': return `/case-transfers/${id}`;
    case 'case': return `/cases/${id}`;
    case 'linkageJob': return '/duplicates';
    case 'serviceReferral': return `/service-referrals/${id}`;
    case 'linkageProject': return `/linkage-projects/${id}`;
    default: return null;
  }
}

/** The label of a notification's link (`notifications.open*`), named after where it leads. */
type TOpenLinkKey = 'notifications.open' | 'notifications.openCase' | 'notifications.openTransfer' | 'notifications.openReferral' | 'notifications.openReferrals';

export function openLinkKey(notification: Pick<TNotification, 'subjectType'> & { kind?: string }): TOpenLinkKey {
  if (notification.kind === 'serviceReferral.revoked') return 'notifications.openReferrals';
  switch (notification.subjectType) {
    case 'case': return 'notifications.openCase';
    case 'caseTransfer': return 'notifications.openTransfer';
    case 'serviceReferral': return 'notifications.openReferral';
    default: return 'notifications.open';
  }
}
