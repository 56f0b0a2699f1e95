import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suppressTable } from '../../../core/disclosure/index.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import { createWorkerTableProtector } from './table-protector.ts';

/** 20 × 21 with a zero in most cells: seconds of exact auditing (see stats-table.ts). */
const HARD_TABLE = Array.from({ length: 20 }, (_, i) => Array.from({ length: 21 }, (_, j) => ((i * 7 + j * 3) % 5 === 0 ? 40 + i : 0)));

test('the worker gives the same protected table as suppressTable in-process', async () => {
  const protector = createWorkerTableProtector();
  try {
    const table = [[30, 5, 0], [20, 15, 0], [12, 0, 0]];
    const expected = suppressTable(table, { threshold: 11 });
    const actual = await protector.suppress(table, { threshold: 11 });
    assert.deepEqual(actual, { cells: expected.cells, rowTotals: expected.rowTotals, columnTotals: expected.columnTotals, grandTotal: expected.grandTotal, threshold: 11, zeros: 'sensitive', primaryCount: expected.primaryCount, secondaryCount: expected.secondaryCount });
    // A refusal from core/disclosure arrives as the same AppError.
    await assert.rejects(protector.suppress([[1, -1]], { threshold: 11 }), (error: unknown) => error instanceof AppError && error.code === 'VALIDATION_FAILED');
  } finally {
    await protector.close();
  }
});

test('a table that takes too long is refused, and the next table gets a fresh worker', async () => {
  const protector = createWorkerTableProtector({ timeLimitMs: 50 });
  try {
    await assert.rejects(protector.suppress(HARD_TABLE, { threshold: 11 }), (error: unknown) => error instanceof AppError && error.code === 'DOMAIN_RULE_VIOLATED' && error.details.reason === 'TABLE_TOO_COMPLEX');
  } finally {
    await protector.close();
  }
  const patient = createWorkerTableProtector({ timeLimitMs: 30_000 });
  try {
    const result = await patient.suppress([[20, 30], [40, 50]], { threshold: 11 });
    assert.deepEqual(result.grandTotal, { value: 140 });
  } finally {
    await patient.close();
  }
});
