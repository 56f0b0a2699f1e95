import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { formatDateTime } from '../../components/format.ts';
import type { TIssuedTemporaryPassword } from './queries.ts';

type TTemporaryPasswordNoticeProps = {
  name: string;
  issued: TIssuedTemporaryPassword;
  onDismiss: () => void;
};

/**
 * The temporary password of an account recovery, shown once (the server keeps only its hash)
 * until the administrator has passed it on and hides it.
 */
export function TemporaryPasswordNotice({ name, issued, onDismiss }: TTemporaryPasswordNoticeProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="status status--warning" role="alert">
      <p className="alert__text">{t('members.temporaryPassword.handOver', { name, time: formatDateTime(issued.expiresAt, i18n.language) })}</p>
      <p>
        {t('members.temporaryPassword.label')}{' '}
        <code dir="ltr" className="temporary-password">
          {issued.password}
        </code>
      </p>
      <Button variant="secondary" onClick={onDismiss}>
        {t('members.temporaryPassword.hide')}
      </Button>
    </div>
  );
}
