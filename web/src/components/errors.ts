import { useTranslation } from 'react-i18next';
import { isAppError, type TErrorIssue } from '../../../core/errors/app-error.ts';
import { NETWORK_ERROR_REASON } from '../api/client.ts';

/** Maps server issue paths (without the `body.` prefix, e.g. `admin.email`) to the form's field names. */
export type TIssuePathMap<F extends string> = Readonly<Record<string, F>>;

/**
 * `details.reason` values the server sends that have their own translated sentence
 * (see `errors.reasons` in the locale files). Other reasons fall back to the code's sentence.
 */
export const KNOWN_REASONS = [
  'SETUP_TOKEN_INVALID',
  'SETUP_DONE',
  'WRONG_PASSWORD',
  'ROLE_ABOVE_OWN',
  'LAST_ADMIN',
  'ALREADY_MEMBER',
  'NOT_PLATFORM_ADMIN',
  'OWN_TWO_FACTOR',
  'OWN_PASSWORD',
  'PASSWORD_CHANGE_REQUIRED',
  'TEMPORARY_PASSWORD_EXPIRED',
  'SAME_PASSWORD',
  'TWO_FACTOR_NOT_ENABLED',
  'ORGANISATION_NAME_TAKEN',
  'EMAIL_TAKEN',
  'CSRF_TOKEN_INVALID',
  'MISSING_PERMISSION',
  // identify, refer, decide
  'CONSENT_REQUIRED',
  'CONSENT_DECLINED',
  'CONSENT_NOT_INFORMED',
  'CG_BEFORE_END_OF_RECOVERY_PERIOD',
  'CHILD_PROTECTION_LEAD_REQUIRED',
  'GUARDIAN_REQUIRED',
  'BEST_INTERESTS_DETERMINATION_REQUIRED',
  'RISK_AND_SECURITY_ASSESSMENT_REQUIRED',
  'RETURN_NOT_IN_BEST_INTERESTS',
  'INVALID_TRANSITION',
  'ACTION_NOT_ALLOWED_FROM_STATUS',
  'CASE_CLOSED',
  'VERSION_CONFLICT',
  'CLOSURE_REASON_NOT_ALLOWED',
  'OBSERVATIONS_DO_NOT_MATCH_LIST',
  'UNKNOWN_INDICATOR_LIST',
  'ALREADY_REFERRED',
  'LEAD_NOT_CHILD_PROTECTION',
] as const;

export type TKnownReason = (typeof KNOWN_REASONS)[number];

/**
 * Whether asking again may succeed: no answer at all, or the server failing (5xx). A 4xx is the
 * server's considered answer (gone, no access) and replaces what was shown.
 */
export function isTransientError(error: unknown): boolean {
  return !isAppError(error) || error.httpStatus >= 500 || error.details.reason === NETWORK_ERROR_REASON;
}

/**
 * The error that should take the place of a query's content: none while the query still holds
 * data and the failure may pass (a lost connection during a background re-read must not unmount
 * forms being filled in); otherwise the query's error.
 */
export function blockingError(query: { error: unknown; data: unknown }): unknown {
  if (!query.error) return null;
  return query.data !== undefined && isTransientError(query.error) ? null : query.error;
}

/** The error's `details.reason` when it is one the UI has words for. */
export function knownReason(error: unknown): TKnownReason | undefined {
  if (!isAppError(error)) return undefined;
  const reason = error.details.reason;
  return (KNOWN_REASONS as readonly unknown[]).includes(reason) ? (reason as TKnownReason) : undefined;
}

/**
 * Returns a function that turns any thrown value into a translated, user-facing sentence.
 * The server's own message is English and technical, so the UI speaks from the reason or code.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (!isAppError(error)) return t('errors.codes.INTERNAL');
    if (error.details.reason === NETWORK_ERROR_REASON) return t('errors.network');
    const reason = knownReason(error);
    if (reason) return t(`errors.reasons.${reason}`);
    return t(`errors.codes.${error.code}`);
  };
}

/** Request validation issues are reported as `body.<field>`; forms think in field paths. */
function fieldPath(issuePath: string): string {
  return issuePath.startsWith('body.') ? issuePath.slice('body.'.length) : issuePath;
}

/** The issues of an error whose path matches no field of the form (shown in the alert instead). */
export function unmatchedIssues<F extends string>(error: unknown, pathMap: TIssuePathMap<F>): TErrorIssue[] {
  if (!isAppError(error)) return [];
  return (error.details.issues ?? []).filter((issue) => !Object.hasOwn(pathMap, fieldPath(issue.path)));
}

/** Field errors from a server error's issues; several messages for one field are joined. */
export function fieldErrorsFromIssues<F extends string>(error: unknown, pathMap: TIssuePathMap<F>): Partial<Record<F, string>> {
  const result: Partial<Record<F, string>> = {};
  if (!isAppError(error)) return result;
  for (const issue of error.details.issues ?? []) {
    const path = fieldPath(issue.path);
    if (!Object.hasOwn(pathMap, path)) continue;
    const field = pathMap[path] as F;
    result[field] = result[field] ? `${result[field]} ${issue.message}` : issue.message;
  }
  return result;
}
