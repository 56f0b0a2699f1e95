import { createTransport } from 'nodemailer';
import type { TContextDeps } from '../../../context.ts';
import { deliverPendingEmails, type TEmailSettings } from './email-delivery.ts';

export const EMAIL_INTERVAL_MS = 30_000;

/** Sends notification e-mails every 30 seconds while the server runs (only when SMTP is configured). */
export function startEmailDelivery(deps: TContextDeps, settings: TEmailSettings & { smtpUrl: string }, onError: (error: unknown) => void): { stop(): Promise<void> } {
  const transport = createTransport(settings.smtpUrl);
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const run = () => {
    if (busy) return;
    busy = true;
    running = deliverPendingEmails(deps.database, transport, settings, deps.clock()).catch(onError).finally(() => { busy = false; });
  };
  const timer = setInterval(run, EMAIL_INTERVAL_MS);
  timer.unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
