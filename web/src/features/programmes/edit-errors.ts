import { isAppError } from '../../../../core/errors/app-error.ts';
import { useProgrammesTranslation } from './i18n.ts';

/** Reasons of the programmes API that read better in the programmes' own words than in the generic ones. */
const EDIT_REASONS = ['VERSION_CONFLICT', 'PROGRAMME_ARCHIVED', 'FREQUENCY_IN_USE'] as const;

/** The sentence for a failed change when the reason has one here (else undefined: the generic alert speaks). */
export function useEditErrorMessage(error: unknown): string | undefined {
  const { t } = useProgrammesTranslation();
  if (!isAppError(error)) return undefined;
  const reason = EDIT_REASONS.find((r) => r === error.details.reason);
  return reason ? t(`editErrors.${reason}`) : undefined;
}
