import {
  dayFromYmd, dayOfInstant, formatIsoDay, formatLongDay, parseDay, serialOfDay, startOfDay, today, ymdOfDay,
} from '../../src/core/dates';
import { InvalidValueError } from '../../src/core/errors';

const ZONES = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];

/** Local wall-clock text of an instant, straight from Intl (independent of the code under test). */
function localText(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(instant);
}

describe('parseDay', () => {
  const tz = 'America/New_York';
  const march1 = dayFromYmd(2026, 3, 1);

  test.each([
    ['ISO', '2026-03-01'],
    ['ISO with single digits', '2026-3-1'],
    ['ISO with slashes', '2026/03/01'],
    ['US month/day/year', '3/1/2026'],
    ['US with zeros', '03/01/2026'],
    ['day month year (LinkedIn)', '01 Mar 2026'],
    ['day full-month year', '1 March 2026'],
    ['month day, year', 'Mar 1, 2026'],
    ['full month day year', 'March 1 2026'],
    ['surrounding spaces', '  2026-03-01 '],
  ])('reads %s text', (_label, text) => {
    expect(parseDay(text, tz)).toBe(march1);
  });

  test('reads a Sheets serial number (46082 is 2026-03-01)', () => {
    expect(parseDay(46082, tz)).toBe(march1);
    expect(parseDay(46082.75, tz)).toBe(march1);
    expect(serialOfDay(march1)).toBe(46082);
  });

  test('reads a date cell as the calendar day it shows in the sheet\'s time zone', () => {
    // Sheets hands a date cell over as local midnight; in Kolkata that is the previous evening in UTC.
    const kolkataMidnight = new Date('2026-02-28T18:30:00Z');
    expect(parseDay(kolkataMidnight, 'Asia/Kolkata')).toBe(march1);
    expect(parseDay(kolkataMidnight, 'UTC')).toBe(march1 - 1);
  });

  test('day-first dotted dates, as German Excel writes them: 15.09.2026 is 15 September', () => {
    expect(formatIsoDay(parseDay('15.09.2026', tz)!)).toBe('2026-09-15');
    expect(formatIsoDay(parseDay('1.3.2026', tz)!)).toBe('2026-03-01');
    expect(() => parseDay('31.02.2026', tz)).toThrow(/not a date/);
  });

  test('blank is null', () => {
    expect(parseDay('', tz)).toBeNull();
    expect(parseDay('   ', tz)).toBeNull();
    expect(parseDay(null, tz)).toBeNull();
    expect(parseDay(undefined, tz)).toBeNull();
  });

  test.each([
    ['text', 'next Tuesday', '"next Tuesday"'],
    ['an impossible date', '2026-02-30', '"2026-02-30"'],
    ['a month 13', '13/1/2026', '"13/1/2026"'],
    ['a boolean', true, 'true'],
    ['a negative number', -5, '-5'],
    ['an invalid Date', new Date(NaN), 'invalid date'],
    ['an unknown month', '1 Smarch 2026', '"1 Smarch 2026"'],
  ])('rejects %s, naming the value and the accepted forms', (_label, value, shown) => {
    let error: unknown;
    try {
      parseDay(value, tz);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidValueError);
    expect((error as Error).message).toContain(shown);
    expect((error as Error).message).toContain('2026-03-01');
  });
});

describe('calendar days in time zones', () => {
  test('ymd and day numbers round-trip, including leap days', () => {
    for (const [y, m, d] of [[2024, 2, 29], [2026, 12, 31], [1970, 1, 1], [2100, 3, 1]]) {
      expect(ymdOfDay(dayFromYmd(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
    expect(dayFromYmd(2025, 3, 1) - dayFromYmd(2025, 2, 28)).toBe(1);
    expect(dayFromYmd(2024, 3, 1) - dayFromYmd(2024, 2, 28)).toBe(2);
  });

  test.each(ZONES)('every day of 2026 and 2027 starts at local midnight in %s', (timeZone) => {
    for (let day = dayFromYmd(2026, 1, 1); day <= dayFromYmd(2027, 12, 31); day++) {
      const start = startOfDay(day, timeZone);
      expect(localText(start, timeZone)).toBe(`${formatIsoDay(day)} 00:00:00`);
      expect(dayOfInstant(start, timeZone)).toBe(day);
      // The last instant before the next day still belongs to this day.
      expect(dayOfInstant(new Date(startOfDay(day + 1, timeZone).getTime() - 1), timeZone)).toBe(day);
    }
  });

  test('New York: days across the spring-forward and fall-back switches are whole days', () => {
    const tz = 'America/New_York';
    // 2026-03-08 has 23 hours, 2026-11-01 has 25; counting days must not notice.
    const beforeSpring = startOfDay(dayFromYmd(2026, 3, 7), tz);
    const afterSpring = startOfDay(dayFromYmd(2026, 3, 9), tz);
    expect((afterSpring.getTime() - beforeSpring.getTime()) / 3_600_000).toBe(47);
    expect(dayOfInstant(afterSpring, tz) - dayOfInstant(beforeSpring, tz)).toBe(2);
    const beforeFall = startOfDay(dayFromYmd(2026, 10, 31), tz);
    const afterFall = startOfDay(dayFromYmd(2026, 11, 2), tz);
    expect((afterFall.getTime() - beforeFall.getTime()) / 3_600_000).toBe(49);
    expect(dayOfInstant(afterFall, tz) - dayOfInstant(beforeFall, tz)).toBe(2);
  });

  test('Kolkata (+05:30): late evening UTC is already tomorrow', () => {
    expect(formatIsoDay(dayOfInstant(new Date('2026-06-30T18:29:59Z'), 'Asia/Kolkata'))).toBe('2026-06-30');
    expect(formatIsoDay(dayOfInstant(new Date('2026-06-30T18:30:00Z'), 'Asia/Kolkata'))).toBe('2026-07-01');
  });

  test('Auckland: southern-hemisphere DST (April and September switches)', () => {
    const tz = 'Pacific/Auckland';
    expect(startOfDay(dayFromYmd(2026, 4, 5), tz).toISOString()).toBe('2026-04-04T11:00:00.000Z'); // NZDT +13
    expect(startOfDay(dayFromYmd(2026, 4, 6), tz).toISOString()).toBe('2026-04-05T12:00:00.000Z'); // NZST +12
    expect(startOfDay(dayFromYmd(2026, 9, 28), tz).toISOString()).toBe('2026-09-27T11:00:00.000Z');
  });

  test('a zone whose DST jump swallows midnight starts the day at the first instant that exists', () => {
    // Santiago springs forward at 00:00 on 2026-09-06: the day begins at 01:00 local.
    const start = startOfDay(dayFromYmd(2026, 9, 6), 'America/Santiago');
    expect(localText(start, 'America/Santiago')).toBe('2026-09-06 01:00:00');
    expect(dayOfInstant(new Date(start.getTime() - 1), 'America/Santiago')).toBe(dayFromYmd(2026, 9, 5));
  });

  test('today is the calendar day of now in the zone', () => {
    const now = new Date('2026-11-22T03:00:00Z');
    expect(formatIsoDay(today('America/New_York', now))).toBe('2026-11-21');
    expect(formatIsoDay(today('Asia/Kolkata', now))).toBe('2026-11-22');
  });

  test('an unknown time zone is a clear error', () => {
    expect(() => dayOfInstant(new Date(), 'Mars/Olympus')).toThrow('"Mars/Olympus" is not a time zone');
  });

  test('formats days as people write them', () => {
    expect(formatLongDay(dayFromYmd(2026, 3, 1))).toBe('March 1, 2026');
    expect(formatIsoDay(dayFromYmd(2026, 3, 1))).toBe('2026-03-01');
  });
});
