import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import { instantFromLocal, isValidTimeZone, localDateTimeAt, offsetMsAt, toEpochMs, toIsoInstant } from './time-zone.ts';

const local = (date: string, hour: number, minute = 0) => ({ date, hour, minute, second: 0, millisecond: 0 });
const iso = (ms: number) => toIsoInstant(ms);

const CASES = [
  { zone: 'Europe/London', local: local('2025-01-15', 12), utc: '2025-01-15T12:00:00.000Z', why: 'winter, GMT' },
  { zone: 'Europe/London', local: local('2025-07-15', 12), utc: '2025-07-15T11:00:00.000Z', why: 'summer, BST' },
  { zone: 'Europe/London', local: local('2025-03-30', 1, 30), utc: '2025-03-30T01:30:00.000Z', why: 'spring-forward gap moves to 02:30 BST' },
  { zone: 'Europe/London', local: local('2025-10-26', 1, 30), utc: '2025-10-26T00:30:00.000Z', why: 'fall-back overlap takes the earlier instant' },
  { zone: 'America/New_York', local: local('2025-03-09', 2, 30), utc: '2025-03-09T07:30:00.000Z', why: 'US gap' },
  { zone: 'Australia/Sydney', local: local('2025-01-15', 9), utc: '2025-01-14T22:00:00.000Z', why: 'southern summer, crosses the date line' },
  { zone: 'Asia/Kolkata', local: local('2025-06-01', 0), utc: '2025-05-31T18:30:00.000Z', why: 'half-hour offset' },
  { zone: 'UTC', local: local('2024-02-29', 23, 59), utc: '2024-02-29T23:59:00.000Z', why: 'leap day' },
] as const;

for (const c of CASES) {
  test(`instantFromLocal ${c.zone} ${c.local.date} ${c.local.hour}:${c.local.minute}: ${c.why}`, () => {
    assert.equal(iso(instantFromLocal(c.local, c.zone)), c.utc);
  });
}

test('localDateTimeAt inverts instantFromLocal away from DST changes', () => {
  const ms = Date.parse('2025-07-15T11:05:07.123Z');
  assert.deepEqual(localDateTimeAt(ms, 'Europe/London'), { date: '2025-07-15', hour: 12, minute: 5, second: 7, millisecond: 123 });
  assert.equal(offsetMsAt(ms, 'Europe/London'), 3_600_000);
});

test('instants must carry an offset; Dates must be valid', () => {
  assert.equal(toEpochMs('2025-01-01T00:00:00+01:00'), Date.parse('2024-12-31T23:00:00Z'));
  assert.equal(toEpochMs(new Date(0)), 0);
  for (const bad of ['2025-01-01T00:00:00', '2025-01-01', 'yesterday', '2025-13-01T00:00:00Z']) {
    assert.throws(() => toEpochMs(bad), (e: unknown) => e instanceof AppError && e.details.reason === 'INVALID_INSTANT', bad);
  }
  assert.throws(() => toEpochMs(new Date(Number.NaN)), AppError);
});

test('unknown zones are refused', () => {
  assert.equal(isValidTimeZone('Europe/London'), true);
  assert.equal(isValidTimeZone('Mars/Olympus'), false);
  assert.throws(() => localDateTimeAt(0, 'Mars/Olympus'), (e: unknown) => e instanceof AppError && e.details.reason === 'UNKNOWN_TIME_ZONE');
});
