/**
 * The privacy budget ledger of a dataset, as a pure function: given the total ε the dataset may
 * ever spend and the spends recorded so far, accept or refuse a new spend. Composition is basic
 * sequential composition (ε adds up), which holds for any mix of pure-DP releases; it is the
 * conservative choice for a small number of releases. Arithmetic is exact (rationals), so a
 * budget of 1 really accepts 0.1 + 0.2 + 0.7 and refuses anything after it.
 */
import { AppError, type TErrorIssue } from '../errors/app-error.ts';
import { addRational, compareRational, formatRational, rational, subtractRational, toRational, type TRational } from './rational.ts';

export interface TPrivacySpend {
  /** The release (or query) that spent the budget; unique within a dataset's ledger. */
  releaseId: string;
  /** ε spent, as an exact decimal or fraction string (e.g. `0.5`, `1/3`). */
  epsilon: string;
}

export interface TPrivacyBudgetRequest {
  /** The dataset's lifetime budget. */
  totalEpsilon: string | number;
  /** Spends already recorded, in any order. */
  spends: readonly TPrivacySpend[];
  /** The spend asked for now; ε as a number is read through its shortest decimal form. */
  request: { releaseId: string; epsilon: string | number };
}

export interface TPrivacyBudgetDecision {
  /** The ledger including the accepted spend; persist this. */
  spends: TPrivacySpend[];
  spentEpsilon: string;
  remainingEpsilon: string;
}

function parsePositive(value: string | number, path: string, issues: TErrorIssue[]): TRational | null {
  try {
    const r = toRational(value);
    if (r.num <= 0n) {
      issues.push({ path, message: 'must be greater than 0' });
      return null;
    }
    return r;
  } catch {
    issues.push({ path, message: 'must be a number, decimal or fraction' });
    return null;
  }
}

/**
 * Accepts a new spend if the budget allows it.
 * @returns the updated ledger and the exact spent / remaining ε.
 * @throws AppError VALIDATION_FAILED for malformed or non-positive amounts (every problem listed);
 *   CONFLICT (reason `DUPLICATE_RELEASE`) when the release already spent budget;
 *   DOMAIN_RULE_VIOLATED (reason `PRIVACY_BUDGET_EXCEEDED`) when the spend would exceed the total.
 */
export function spendPrivacyBudget(input: TPrivacyBudgetRequest): TPrivacyBudgetDecision {
  const issues: TErrorIssue[] = [];
  const total = parsePositive(input.totalEpsilon, 'totalEpsilon', issues);
  const previous = input.spends.map((s, i) => parsePositive(s.epsilon, `spends.${i}.epsilon`, issues));
  const requested = parsePositive(input.request.epsilon, 'request.epsilon', issues);
  if (input.request.releaseId.trim() === '') issues.push({ path: 'request.releaseId', message: 'must not be empty' });
  if (issues.length > 0 || !total || !requested) {
    throw new AppError('VALIDATION_FAILED', 'Invalid privacy budget request', { issues });
  }
  if (input.spends.some((s) => s.releaseId === input.request.releaseId)) {
    throw new AppError('CONFLICT', `Release ${input.request.releaseId} has already spent privacy budget`, {
      reason: 'DUPLICATE_RELEASE',
    });
  }
  const spent = previous.reduce<TRational>((sum, e) => addRational(sum, e!), rational(0n));
  const after = addRational(spent, requested);
  if (compareRational(after, total) > 0) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'This release would exceed the dataset’s privacy budget', {
      reason: 'PRIVACY_BUDGET_EXCEEDED',
      totalEpsilon: formatRational(total),
      spentEpsilon: formatRational(spent),
      requestedEpsilon: formatRational(requested),
      remainingEpsilon: formatRational(subtractRational(total, spent)),
    });
  }
  return {
    spends: [...input.spends, { releaseId: input.request.releaseId, epsilon: formatRational(requested) }],
    spentEpsilon: formatRational(after),
    remainingEpsilon: formatRational(subtractRational(total, after)),
  };
}
