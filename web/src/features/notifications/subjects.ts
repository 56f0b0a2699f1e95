import type { TNotification } from './queries.ts';

/** Kinds with their own sentence (`notifications.kinds.*`); any other kind gets the generic one. */
export const KNOWN_NOTIFICATION_KINDS = ['caseTransfer.requested', 'caseTransfer.accepted', 'caseTransfer.rejected', 'caseTransfer.cancelled', 'emergencyAccess.granted', 'dedupeJob.completed', 'linkageProject.invited', 'linkageProject.matched'] as const;
export type TKnownNotificationKind = (typeof KNOWN_NOTIFICATION_KINDS)[number];

export function isKnownKind(kind: string): kind is TKnownNotificationKind {
  return (KNOWN_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** Where a notification leads: the page of its subject, when the web has one. */
export function subjectPath(notification: Pick<TNotification, 'subjectType' | 'subjectId'>): string | null {
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
