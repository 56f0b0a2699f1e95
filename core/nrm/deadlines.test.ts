import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { addWorkingDaysToDate, dayNumberOf, isWorkingDate } from './calendar.ts';
import {
  addCalendarDays,
  addWorkingDays,
  computeRecoveryPeriod,
  computeRgDue,
  deadlineStatus,
  endOfLocalDay,
  localDateOf,
  startOfLocalDay,
  workingCalendarOf,
} from './deadlines.ts';
import { COE_PROFILE, UK_PROFILE, type TJurisdictionProfile } from './jurisdictions/index.ts';

const uk = UK_PROFILE;

const WORKING_DAY_CASES = [
  { from: '2025-01-06T10:00:00Z', days: 5, to: '2025-01-13T10:00:00.000Z', why: 'Monday + 5 skips one weekend' },
  { from: '2025-01-10T16:00:00Z', days: 1, to: '2025-01-13T16:00:00.000Z', why: 'Friday + 1 is Monday' },
  { from: '2025-01-11T09:00:00Z', days: 1, to: '2025-01-13T09:00:00.000Z', why: 'starting on a Saturday, + 1 is Monday' },
  { from: '2025-01-12T09:00:00Z', days: 0, to: '2025-01-12T09:00:00.000Z', why: '+ 0 leaves the instant alone' },
  { from: '2025-04-17T10:00:00+01:00', days: 1, to: '2025-04-22T09:00:00.000Z', why: 'Good Friday and Easter Monday skipped' },
  { from: '2025-02-28T12:00:00Z', days: 1, to: '2025-03-03T12:00:00.000Z', why: 'month end over a weekend' },
  { from: '2025-12-22T12:00:00Z', days: 5, to: '2025-12-31T12:00:00.000Z', why: 'Christmas and Boxing Day skipped' },
  { from: '2025-12-31T12:00:00Z', days: 1, to: '2026-01-02T12:00:00.000Z', why: "year end, New Year's Day skipped" },
  { from: '2026-12-24T12:00:00Z', days: 1, to: '2026-12-29T12:00:00.000Z', why: 'Boxing Day substitute Monday 28th skipped' },
  { from: '2027-12-24T12:00:00Z', days: 1, to: '2027-12-29T12:00:00.000Z', why: 'both Christmas substitutes skipped' },
  { from: '2025-03-28T10:00:00Z', days: 1, to: '2025-03-31T09:00:00.000Z', why: 'DST start: 10:00 GMT → 10:00 BST' },
  { from: '2025-10-24T10:00:00+01:00', days: 1, to: '2025-10-27T10:00:00.000Z', why: 'DST end: 10:00 BST → 10:00 GMT' },
  { from: '2025-07-04T23:30:00Z', days: 1, to: '2025-07-06T23:30:00.000Z', why: 'counted on the London date (Saturday 00:30), not the UTC date' },
] as const;

for (const c of WORKING_DAY_CASES) {
  test(`UK addWorkingDays ${c.from} + ${c.days}: ${c.why}`, () => {
    assert.equal(addWorkingDays(uk, c.from, c.days), c.to);
  });
}

test('the default profile has no holidays until a deployment adds them', () => {
  assert.equal(addWorkingDays(COE_PROFILE, '2025-12-24T12:00:00Z', 1), '2025-12-25T12:00:00.000Z');
});

test('addWorkingDays accepts a Date and refuses negative or fractional counts', () => {
  assert.equal(addWorkingDays(uk, new Date('2025-01-06T10:00:00Z'), 1), '2025-01-07T10:00:00.000Z');
  for (const days of [-1, 1.5]) {
    assert.throws(() => addWorkingDays(uk, '2025-01-06T10:00:00Z', days), (e: unknown) => e instanceof AppError && e.details.reason === 'INVALID_DAY_COUNT');
  }
});

const CALENDAR_DAY_CASES = [
  { from: '2025-03-01T10:00:00Z', days: 30, to: '2025-03-31T09:00:00.000Z', why: 'over DST start keeps 10:00 local' },
  { from: '2025-10-01T10:00:00+01:00', days: 30, to: '2025-10-31T10:00:00.000Z', why: 'over DST end keeps 10:00 local' },
  { from: '2025-03-29T01:30:00Z', days: 1, to: '2025-03-30T01:30:00.000Z', why: 'landing in the gap moves forward to 02:30 BST' },
  { from: '2025-10-25T01:30:00+01:00', days: 1, to: '2025-10-26T00:30:00.000Z', why: 'landing in the overlap takes the earlier 01:30' },
  { from: '2024-01-31T12:00:00Z', days: 29, to: '2024-02-29T12:00:00.000Z', why: 'leap year' },
  { from: '2025-12-15T12:00:00Z', days: 30, to: '2026-01-14T12:00:00.000Z', why: 'year end' },
  { from: '2025-01-10T12:00:00Z', days: -3, to: '2025-01-07T12:00:00.000Z', why: 'negative counts go back' },
] as const;

for (const c of CALENDAR_DAY_CASES) {
  test(`UK addCalendarDays ${c.from} + ${c.days}: ${c.why}`, () => {
    assert.equal(addCalendarDays(uk, c.from, c.days), c.to);
  });
}

test('local days are 23 and 25 hours long on DST change days', () => {
  const hours = (date: string) => (Date.parse(endOfLocalDay(uk, date)) + 1 - Date.parse(startOfLocalDay(uk, date))) / 3_600_000;
  assert.equal(hours('2025-03-30'), 23);
  assert.equal(hours('2025-10-26'), 25);
  assert.equal(hours('2025-06-01'), 24);
  assert.equal(localDateOf(uk, '2025-06-01T23:30:00Z'), '2025-06-02');
});

const RG_DUE_CASES = [
  { referredAt: '2025-01-06T14:00:00Z', dueDate: '2025-01-13', dueAt: '2025-01-13T23:59:59.999Z', why: 'Monday referral' },
  { referredAt: '2025-01-11T14:00:00Z', dueDate: '2025-01-17', dueAt: '2025-01-17T23:59:59.999Z', why: 'Saturday referral' },
  { referredAt: '2025-04-14T09:00:00+01:00', dueDate: '2025-04-23', dueAt: '2025-04-23T22:59:59.999Z', why: 'over Easter, in BST' },
  { referredAt: '2025-03-24T10:00:00Z', dueDate: '2025-03-31', dueAt: '2025-03-31T22:59:59.999Z', why: 'due after DST starts' },
  { referredAt: '2025-12-22T10:00:00Z', dueDate: '2025-12-31', dueAt: '2025-12-31T23:59:59.999Z', why: 'over Christmas' },
  { referredAt: '2026-12-21T10:00:00Z', dueDate: '2026-12-30', dueAt: '2026-12-30T23:59:59.999Z', why: 'over the 2026 substitute day' },
] as const;

for (const c of RG_DUE_CASES) {
  test(`UK RG due for a referral at ${c.referredAt}: ${c.why}`, () => {
    assert.deepEqual(computeRgDue(uk, c.referredAt), { dueDate: c.dueDate, dueAt: c.dueAt });
  });
}

test('no RG due date when the profile sets no target (Council of Europe default)', () => {
  assert.equal(computeRgDue(COE_PROFILE, '2025-01-06T14:00:00Z'), null);
});

test('recovery period: CG from day 31 after a positive RG, at local midnight', () => {
  assert.deepEqual(computeRecoveryPeriod(uk, '2025-03-10T15:00:00Z'), {
    startsOn: '2025-03-10',
    minimumEndsOn: '2025-04-09',
    earliestCgDate: '2025-04-10',
    earliestCgAt: '2025-04-09T23:00:00.000Z',
  });
  assert.deepEqual(computeRecoveryPeriod(uk, '2025-12-15T23:30:00Z'), {
    startsOn: '2025-12-15',
    minimumEndsOn: '2026-01-14',
    earliestCgDate: '2026-01-15',
    earliestCgAt: '2026-01-15T00:00:00.000Z',
  });
});

test('recovery period: a profile that lets CG precede the end allows it from the RG instant', () => {
  const early: TJurisdictionProfile = { ...uk, conclusiveGrounds: { ...uk.conclusiveGrounds, mayPrecedeEndOfMinimumRecovery: true } };
  assert.equal(computeRecoveryPeriod(early, '2025-03-10T15:00:00Z').earliestCgAt, '2025-03-10T15:00:00.000Z');
});

const DUE = '2025-01-13T23:59:59.999Z';
const STATUS_CASES = [
  { now: '2025-01-10T00:00:00Z', hours: 48, status: 'due' },
  { now: '2025-01-12T00:00:00Z', hours: 48, status: 'dueSoon' },
  { now: DUE, hours: 48, status: 'dueSoon' },
  { now: '2025-01-14T00:00:00Z', hours: 48, status: 'breached' },
  { now: '2025-01-13T23:00:00Z', hours: 0, status: 'due' },
  { now: '2025-01-14T00:00:00.000+01:00', hours: 48, status: 'dueSoon' },
] as const;

for (const c of STATUS_CASES) {
  test(`deadlineStatus(${DUE}, ${c.now}, ${c.hours}h) is ${c.status}`, () => {
    assert.equal(deadlineStatus(DUE, c.now, { dueSoonHours: c.hours }), c.status);
  });
}

// ---- properties -------------------------------------------------------------------------

const arbInstant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }).map((ms) => new Date(ms));
const arbDate = fc.integer({ min: dayNumberOf('2025-01-01'), max: dayNumberOf('2027-12-31') }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const arbCalendar = fc.record({
  weekendDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 5 }),
  holidays: fc.uniqueArray(arbDate, { maxLength: 40 }),
});

test('property: adding ≥ 1 working days lands on a working day (UK)', () => {
  fc.assert(
    fc.property(arbInstant, fc.integer({ min: 1, max: 40 }), (start, n) => {
      const end = addWorkingDays(uk, start, n);
      assert.ok(isWorkingDate(localDateOf(uk, end), workingCalendarOf(uk)), `${start.toISOString()} + ${n} = ${end}`);
    }),
    { numRuns: 200 },
  );
});

test('property: on any calendar, adding working days lands on a working day and counts exactly n of them', () => {
  fc.assert(
    fc.property(arbDate, fc.integer({ min: 1, max: 30 }), arbCalendar, (start, n, raw) => {
      const calendar = { weekendDays: new Set(raw.weekendDays), holidays: new Set(raw.holidays) };
      const end = addWorkingDaysToDate(start, n, calendar);
      assert.ok(isWorkingDate(end, calendar));
      let counted = 0;
      for (let d = dayNumberOf(start) + 1; d <= dayNumberOf(end); d++) {
        if (isWorkingDate(new Date(d * 86_400_000).toISOString().slice(0, 10), calendar)) counted++;
      }
      assert.equal(counted, n);
    }),
    { numRuns: 200 },
  );
});

test('property: adding working days is strictly monotone in the count', () => {
  fc.assert(
    fc.property(arbInstant, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 10 }), (start, n, extra) => {
      assert.ok(Date.parse(addWorkingDays(uk, start, n)) < Date.parse(addWorkingDays(uk, start, n + extra)));
    }),
    { numRuns: 200 },
  );
});

test('property: the RG due instant is monotone in the referral instant', () => {
  fc.assert(
    fc.property(arbInstant, arbInstant, (a, b) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      assert.ok(Date.parse(computeRgDue(uk, early)!.dueAt) <= Date.parse(computeRgDue(uk, late)!.dueAt));
    }),
    { numRuns: 200 },
  );
});

test('property: calendar days keep the local time of day unless it falls in a DST gap', () => {
  fc.assert(
    fc.property(arbInstant, fc.integer({ min: -60, max: 60 }), (start, n) => {
      const end = addCalendarDays(uk, start, n);
      const fmt = (v: Date | string) => new Date(v).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' });
      const gapDay = ['2025-03-30', '2026-03-29', '2027-03-28'].includes(localDateOf(uk, end));
      if (!gapDay) assert.equal(fmt(end), fmt(start));
    }),
    { numRuns: 200 },
  );
});
