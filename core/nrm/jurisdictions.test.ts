import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import { addDaysToDate, isoWeekdayOf } from './calendar.ts';
import {
  COE_PROFILE,
  DEFAULT_JURISDICTION_PROFILE_ID,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  getJurisdictionProfile,
  JURISDICTION_PROFILES,
  UK_PROFILE,
  ZJurisdictionProfile,
} from './jurisdictions/index.ts';

test('every built-in profile parses against the schema', () => {
  for (const profile of Object.values(JURISDICTION_PROFILES)) assert.deepEqual(ZJurisdictionProfile.parse(profile), profile);
  assert.equal(getJurisdictionProfile(DEFAULT_JURISDICTION_PROFILE_ID).id, 'coe');
  assert.throws(() => getJurisdictionProfile('xx'), (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND');
});

test('Council of Europe default: 30-day minimum recovery period, no RG target, CG after the period', () => {
  assert.equal(COE_PROFILE.recoveryPeriod.minDays, 30);
  assert.equal(COE_PROFILE.recoveryPeriod.basis.evidence, 'verified');
  assert.equal(COE_PROFILE.reasonableGrounds.targetWorkingDays, null);
  assert.equal(COE_PROFILE.reasonableGrounds.standard, 'reasonable_grounds_to_believe');
  assert.equal(COE_PROFILE.conclusiveGrounds.mayPrecedeEndOfMinimumRecovery, false);
  assert.equal(COE_PROFILE.conclusiveGrounds.basis.evidence, 'unverified');
  assert.equal(COE_PROFILE.ageOfMajority, 18);
});

test('UK: RG in 5 working days on "reasonable grounds to believe", 30-day minimum, CG on the balance of probabilities', () => {
  assert.equal(UK_PROFILE.timeZone, 'Europe/London');
  assert.equal(UK_PROFILE.reasonableGrounds.targetWorkingDays, 5);
  assert.equal(UK_PROFILE.reasonableGrounds.standard, 'reasonable_grounds_to_believe');
  assert.equal(UK_PROFILE.recoveryPeriod.minDays, 30);
  assert.equal(UK_PROFILE.conclusiveGrounds.standard, 'balance_of_probabilities');
  assert.equal(UK_PROFILE.conclusiveGrounds.timingBasis.evidence, 'unverified');
  assert.equal(UK_PROFILE.referral.whoMayRefer, 'designated_first_responders');
  assert.equal(UK_PROFILE.validFrom, '2023-01-30');
});

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function firstMonday(year: number, month: number): string {
  let date = `${year}-${String(month).padStart(2, '0')}-01`;
  while (isoWeekdayOf(date) !== 1) date = addDaysToDate(date, 1);
  return date;
}

function lastMonday(year: number, month: number): string {
  let date = addDaysToDate(`${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  while (isoWeekdayOf(date) !== 1) date = addDaysToDate(date, -1);
  return date;
}

/** Fixed-date holidays move to the next weekday not already taken. */
function substituted(dates: string[]): string[] {
  const taken = new Set<string>();
  return dates.map((date) => {
    let d = date;
    while (isoWeekdayOf(d) >= 6 || taken.has(d)) d = addDaysToDate(d, 1);
    taken.add(d);
    return d;
  });
}

test('England and Wales bank holidays 2025–2027 match the statutory pattern', () => {
  for (const year of [2025, 2026, 2027]) {
    const easter = easterSunday(year);
    const expected = [
      ...substituted([`${year}-01-01`]),
      addDaysToDate(easter, -2),
      addDaysToDate(easter, 1),
      firstMonday(year, 5),
      lastMonday(year, 5),
      lastMonday(year, 8),
      ...substituted([`${year}-12-25`, `${year}-12-26`]),
    ].sort();
    const actual = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date).sort();
    assert.deepEqual(actual, expected, String(year));
  }
});

test('the schema refuses an unknown time zone, a week without working days, repeated holidays', () => {
  const broken = [
    { ...UK_PROFILE, timeZone: 'Europe/Atlantis' },
    { ...UK_PROFILE, calendar: { ...UK_PROFILE.calendar, weekendDays: [1, 2, 3, 4, 5, 6, 7] } },
    { ...UK_PROFILE, calendar: { ...UK_PROFILE.calendar, weekendDays: [6, 6] } },
    { ...UK_PROFILE, calendar: { ...UK_PROFILE.calendar, holidays: [...UK_PROFILE.calendar.holidays, UK_PROFILE.calendar.holidays[0]] } },
    { ...UK_PROFILE, validTo: '2020-01-01' },
    { ...UK_PROFILE, recoveryPeriod: { ...UK_PROFILE.recoveryPeriod, minDays: -1 } },
    { ...UK_PROFILE, unexpected: true },
  ];
  broken.forEach((profile, index) => assert.equal(ZJurisdictionProfile.safeParse(profile).success, false, `case ${index}`));
});
