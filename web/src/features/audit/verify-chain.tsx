import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { useVerifyAuditChain } from './queries.ts';

/** "Verify chain" button and its verdict: intact (with the count checked) or the first broken sequence. */
export function VerifyChain({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const verify = useVerifyAuditChain(orgId);
  const result = verify.data;
  return (
    <div className="verify">
      <Button variant="secondary" busy={verify.isPending} busyLabel={t('audit.verifying')} onClick={() => verify.mutate()}>
        {t('audit.verify')}
      </Button>
      <StatusMessage tone={result && !result.ok ? 'warning' : 'success'}>
        {result &&
          (result.ok ? (
            t('audit.verifyOk', { count: result.checked })
          ) : (
            <>
              {t('audit.verifyBroken', { seq: result.firstBrokenSeq ?? '?' })}
              {result.reason && (
                <>
                  {' '}
                  {t('audit.verifyReason', { reason: result.reason })}
                </>
              )}
            </>
          ))}
      </StatusMessage>
      <ErrorAlert error={verify.error} />
    </div>
  );
}
