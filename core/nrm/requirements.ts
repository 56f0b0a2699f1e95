import { AppError } from '../errors/app-error.ts';

/**
 * One unmet precondition of a workflow step. Guards return the full list so the UI can show
 * everything that is missing at once; `assert…` variants throw it.
 */
export interface TUnmetRequirement {
  /** Stable UPPER_SNAKE code, also used as `details.reason` when thrown. */
  code: string;
  /** English explanation for logs and fallbacks; the UI translates by `code`. */
  message: string;
}

/**
 * Throws when any requirement is unmet.
 * @throws AppError DOMAIN_RULE_VIOLATED with `reason` = the first unmet code and `unmet` = all codes.
 */
export function assertRequirementsMet(unmet: readonly TUnmetRequirement[], message: string): void {
  const first = unmet[0];
  if (!first) return;
  throw new AppError('DOMAIN_RULE_VIOLATED', `${message}: ${unmet.map((u) => u.message).join('; ')}`, {
    reason: first.code,
    unmet: unmet.map((u) => u.code),
  });
}
