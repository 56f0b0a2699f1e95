import { isAppError } from '../../../../core/errors/app-error.ts';
import { useProtectionTranslation } from '../protection/i18n.ts';

/** Reasons the transfer API gives that have their own sentence (`transferErrors.*` in the `protection` strings). */
const TRANSFER_REASONS = ['TRANSFER_TO_SELF', 'CASE_NOT_TRANSFERABLE', 'CONSENT_BASIS_NOT_ALLOWED', 'GUARDIAN_REQUIRED', 'TRANSFER_ALREADY_OPEN', 'TRANSFER_NOT_OPEN', 'RECEIVING_ORG_NOT_FOUND', 'CASE_TRANSFERRED'] as const;

/** Translated labels for transfer statuses and reject reasons; an unknown value shows as it is. */
export function useTransferLabels() {
  const { t } = useProtectionTranslation();
  const pick = (group: string, value: string) => t(`${group}.${value}` as never, { defaultValue: value } as never) as unknown as string;
  return {
    status: (value: string) => pick('transferStatus', value),
    rejectReason: (value: string) => pick('transferRejectReasons', value),
    basis: (value: string) => pick('bases', value),
    /** The sentence for a transfer refusal the generic alert would only call "not allowed", or undefined. */
    errorMessage: (error: unknown): string | undefined => {
      if (!isAppError(error)) return undefined;
      const reason = error.details.reason;
      return (TRANSFER_REASONS as readonly unknown[]).includes(reason) ? (t(`transferErrors.${reason as (typeof TRANSFER_REASONS)[number]}`) as string) : undefined;
    },
  };
}

/** True when the server refused a case because it was handed to another organisation and access was not kept. */
export function isTransferredAway(error: unknown): boolean {
  return isAppError(error) && error.details.reason === 'CASE_TRANSFERRED';
}
