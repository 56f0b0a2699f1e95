/**
 * The text of a notification e-mail. It names the kind of event and the organisation, and links
 * to the notifications page; it never says which case or person: e-mail leaves our control
 * (shared mailboxes, phones left unlocked), so the details stay behind the sign-in.
 */

const SUBJECTS: Record<string, string> = {
  'caseTransfer.requested': 'A case transfer is waiting for your answer',
  'caseTransfer.accepted': 'A case transfer you requested was accepted',
  'caseTransfer.rejected': 'A case transfer you requested was rejected',
  'caseTransfer.cancelled': 'A case transfer to your organisation was cancelled',
  'serviceReferral.received': 'A new referral is waiting for your answer',
  'serviceReferral.responded': 'A referral you sent was answered',
  'serviceReferral.revoked': 'A referral to your organisation was revoked',
  'emergencyAccess.granted': 'Emergency access was granted to a case of your organisation',
  'twoFactor.resetByAdministrator': 'Your two-factor sign-in was reset by an administrator; if you did not ask for this, tell them now',
  'user.passwordResetByAdministrator': 'Your password was reset by an administrator; if you did not ask for this, tell them now',
};
const GENERIC_SUBJECT = 'There is something new for you';

export interface TNotificationEmailInput {
  kind: string;
  orgName: string;
  displayName: string;
  publicUrl: string;
}

export function notificationEmail(input: TNotificationEmailInput): { subject: string; text: string } {
  const what = SUBJECTS[input.kind] ?? GENERIC_SUBJECT;
  const link = `${input.publicUrl.replace(/\/+$/, '')}/notifications`;
  return {
    subject: `Palermo: ${what}`,
    text: [
      `Hello ${input.displayName},`,
      '',
      `${what} (${input.orgName}).`,
      `Sign in to Palermo to see it: ${link}`,
      '',
      'This message deliberately contains no case details.',
    ].join('\n'),
  };
}
