import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { formatTime } from '../../components/format.ts';
import { useActiveOrg } from './active-org.tsx';
import { sessionKeys } from './queries.ts';

/** How long before the end of the session the warning appears. */
const WARN_BEFORE_MS = 5 * 60_000;
const TICK_MS = 15_000;

type TSessionExpiryWarningProps = {
  /**
   * Runs when the user chooses to stay signed in (e.g. saves the draft). Any request keeps the
   * session alive; the session is then re-read for its new end time.
   */
  onStay?: () => Promise<unknown> | void;
  /** What the user will not lose, e.g. "Your referral is saved as a draft." */
  reassurance?: string;
};

/**
 * Warns a few minutes before the session ends (its `expiresAt` from /api/auth/me), so a long
 * interview is not cut off without notice. Uses the browser's clock; a wrong clock only moves
 * the warning, the server still decides when the session ends.
 */
export function SessionExpiryWarning({ onStay, reassurance }: TSessionExpiryWarningProps) {
  const { t, i18n } = useTranslation();
  const { session } = useActiveOrg();
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);

  const expiresAt = new Date(session.expiresAt);
  const remaining = expiresAt.getTime() - now;
  if (Number.isNaN(remaining) || remaining > WARN_BEFORE_MS) return null;

  async function handleStay() {
    setBusy(true);
    try {
      await onStay?.();
      await queryClient.invalidateQueries({ queryKey: sessionKeys.session });
    } finally {
      setBusy(false);
      setNow(Date.now());
    }
  }

  return (
    <div className="status status--warning" role="alert">
      <p className="alert__text">
        {remaining > 0 ? t('session.expiresSoon', { time: formatTime(expiresAt, i18n.language) }) : t('session.expired')}
        {reassurance && <> {reassurance}</>}
      </p>
      {remaining > 0 && (
        <Button variant="secondary" busy={busy} busyLabel={t('session.staying')} onClick={() => void handleStay()}>
          {t('session.stay')}
        </Button>
      )}
    </div>
  );
}
