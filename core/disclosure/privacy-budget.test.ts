import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import { spendPrivacyBudget, type TPrivacySpend } from './privacy-budget.ts';

const isError = (code: string, reason?: string) => (e: unknown) =>
  e instanceof AppError && e.code === code && (reason === undefined || e.details.reason === reason);

test('spends are accepted up to exactly the total, with exact arithmetic', () => {
  let spends: TPrivacySpend[] = [];
  for (const [id, eps] of [
    ['q1', '0.1'],
    ['q2', '0.2'],
    ['q3', '0.7'],
  ] as const) {
    const decision = spendPrivacyBudget({ totalEpsilon: 1, spends, request: { releaseId: id, epsilon: eps } });
    spends = decision.spends;
  }
  assert.deepEqual(spends, [
    { releaseId: 'q1', epsilon: '0.1' },
    { releaseId: 'q2', epsilon: '0.2' },
    { releaseId: 'q3', epsilon: '0.7' },
  ]);
  assert.throws(
    () => spendPrivacyBudget({ totalEpsilon: 1, spends, request: { releaseId: 'q4', epsilon: '1e-9' } }),
    isError('DOMAIN_RULE_VIOLATED', 'PRIVACY_BUDGET_EXCEEDED'),
  );
});

test('refusal says what was spent and what remains', () => {
  const spends = [{ releaseId: 'a', epsilon: '1/3' }];
  try {
    spendPrivacyBudget({ totalEpsilon: '0.5', spends, request: { releaseId: 'b', epsilon: '0.25' } });
    assert.fail('should refuse');
  } catch (e) {
    assert.ok(isError('DOMAIN_RULE_VIOLATED', 'PRIVACY_BUDGET_EXCEEDED')(e));
    assert.deepEqual((e as AppError).details, {
      reason: 'PRIVACY_BUDGET_EXCEEDED',
      totalEpsilon: '0.5',
      spentEpsilon: '1/3',
      requestedEpsilon: '0.25',
      remainingEpsilon: '1/6',
    });
  }
  const ok = spendPrivacyBudget({ totalEpsilon: '0.5', spends, request: { releaseId: 'b', epsilon: '1/6' } });
  assert.equal(ok.remainingEpsilon, '0');
  assert.equal(ok.spentEpsilon, '0.5');
});

test('the ledger is pure: inputs are not modified', () => {
  const spends = Object.freeze([{ releaseId: 'a', epsilon: '0.5' }]);
  const decision = spendPrivacyBudget({ totalEpsilon: 2, spends, request: { releaseId: 'b', epsilon: 1 } });
  assert.equal(spends.length, 1);
  assert.equal(decision.spends.length, 2);
  assert.equal(decision.remainingEpsilon, '0.5');
});

test('malformed amounts are refused with every issue; a release cannot spend twice', () => {
  assert.throws(
    () => spendPrivacyBudget({ totalEpsilon: 'lots', spends: [{ releaseId: 'a', epsilon: '-1' }], request: { releaseId: ' ', epsilon: '0' } }),
    (e: unknown) =>
      isError('VALIDATION_FAILED')(e) &&
      JSON.stringify((e as AppError).details.issues?.map((i) => i.path)) ===
        JSON.stringify(['totalEpsilon', 'spends.0.epsilon', 'request.epsilon', 'request.releaseId']),
  );
  assert.throws(
    () => spendPrivacyBudget({ totalEpsilon: 1, spends: [{ releaseId: 'a', epsilon: '0.1' }], request: { releaseId: 'a', epsilon: '0.1' } }),
    isError('CONFLICT', 'DUPLICATE_RELEASE'),
  );
  assert.throws(
    () => spendPrivacyBudget({ totalEpsilon: Number.NaN, spends: [], request: { releaseId: 'a', epsilon: 0.1 } }),
    isError('VALIDATION_FAILED'),
  );
});
