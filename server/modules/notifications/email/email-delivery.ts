import type { Transporter } from 'nodemailer';
import type { TDatabase } from '../../../db/database.ts';
import { notificationEmail } from './notification-email.ts';

export interface TEmailSettings {
  from: string;
  publicUrl: string;
}

/** A notice older than this is not worth an e-mail any more (it was seen in the app, or it is stale). */
export const EMAIL_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const EMAIL_MAX_ATTEMPTS = 5;
const BATCH = 50;

/**
 * Sends the e-mails of pending notifications. Each e-mail is sent outside any transaction (a slow
 * mail server must not hold the database, which has one connection when embedded), then its row
 * is marked. One server process sends; with several, an e-mail could go out twice, never zero
 * times.
 */
export async function deliverPendingEmails(database: TDatabase, transport: Pick<Transporter, 'sendMail'>, settings: TEmailSettings, now: Date): Promise<{ sent: number; failed: number; skipped: number }> {
  const db = database.db;
  const staleBefore = new Date(now.getTime() - EMAIL_MAX_AGE_MS);
  const skipped = await db.updateTable('notifications').set({ emailStatus: 'skipped' })
    .where('emailStatus', '=', 'pending').where('createdAt', '<', staleBefore).executeTakeFirst();
  const pending = await db.selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.userId')
    .innerJoin('organisations', 'organisations.id', 'notifications.orgId')
    .select(['notifications.id', 'notifications.kind', 'notifications.emailAttempts', 'users.email', 'users.displayName', 'users.disabledAt', 'organisations.name as orgName'])
    .where('notifications.emailStatus', '=', 'pending').orderBy('notifications.createdAt').limit(BATCH).execute();
  let sent = 0;
  let failed = 0;
  for (const row of pending) {
    if (row.disabledAt) {
      await db.updateTable('notifications').set({ emailStatus: 'skipped' }).where('id', '=', row.id).execute();
      continue;
    }
    const message = notificationEmail({ kind: row.kind, orgName: row.orgName, displayName: row.displayName, publicUrl: settings.publicUrl });
    try {
      await transport.sendMail({ from: settings.from, to: row.email, subject: message.subject, text: message.text });
      await db.updateTable('notifications').set({ emailStatus: 'sent', emailSentAt: now, emailAttempts: row.emailAttempts + 1 }).where('id', '=', row.id).execute();
      sent += 1;
    } catch {
      const attempts = row.emailAttempts + 1;
      await db.updateTable('notifications').set({ emailAttempts: attempts, emailStatus: attempts >= EMAIL_MAX_ATTEMPTS ? 'failed' : 'pending' }).where('id', '=', row.id).execute();
      failed += 1;
    }
  }
  return { sent, failed, skipped: Number(skipped.numUpdatedRows) };
}
