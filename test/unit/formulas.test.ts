import { dayFromYmd, formatIsoDay, dayOfInstant, startOfDay } from '../../src/core/dates';
import { daysSinceContact, followUpStatusOf, letterAskBy, nextFollowUpDate } from '../../src/core/formulas';

const tz = 'America/New_York';
const context = { timeZone: tz, now: new Date('2026-11-22T15:00:00Z') };
const day = (iso: string) => startOfDay(dayFromYmd(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)), tz);
const iso = (value: unknown) => formatIsoDay(dayOfInstant(value as Date, tz));

describe('DAYS_SINCE_CONTACT', () => {
  test('single cell: whole days to today (the current date when no today is given)', () => {
    expect(daysSinceContact(context, day('2026-11-01'))).toBe(21);
    expect(daysSinceContact(context, '2026-11-01', day('2026-11-08'))).toBe(7);
    expect(daysSinceContact(context, '11/1/2026', '2026-11-08')).toBe(7);
  });

  test('a range gives the same shape, blank in → blank out, and a bad cell shows its error while others compute', () => {
    const result = daysSinceContact(context, [[day('2026-11-20')], [''], ['someday'], [46082]], day('2026-11-22'));
    expect(result).toEqual([[2], [''], [expect.stringMatching(/^⚠ not a date: "someday"/)], [266]]);
  });

  test('a two-dimensional range keeps its shape', () => {
    const result = daysSinceContact(context, [['2026-11-21', '2026-11-20'], ['', '2026-11-01']], '2026-11-22');
    expect(result).toEqual([[1, 2], ['', 21]]);
  });

  test('a bad single cell throws an Error naming the function, the value and what is expected', () => {
    expect(() => daysSinceContact(context, 'soon')).toThrow('DAYS_SINCE_CONTACT: not a date: "soon" (expected a date cell, 2026-03-01');
  });

  test('whole calendar days across the DST switch', () => {
    expect(daysSinceContact(context, '2026-03-07', '2026-03-09')).toBe(2);
    expect(daysSinceContact({ ...context, timeZone: 'Asia/Kolkata' }, '2026-10-31', '2026-11-02')).toBe(2);
  });

  test('10,000 rows in one call', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [i % 10 === 0 ? '' : day('2026-01-01')]);
    const result = daysSinceContact(context, rows, day('2026-11-22')) as unknown[][];
    expect(result).toHaveLength(10_000);
    expect(result[0]).toEqual(['']);
    expect(result[1]).toEqual([325]);
  });
});

describe('NEXT_FOLLOW_UP', () => {
  test('days or relationship', () => {
    expect(iso(nextFollowUpDate(context, '2026-09-02', 45))).toBe('2026-10-17');
    expect(iso(nextFollowUpDate(context, '2026-09-02', 'Program leadership'))).toBe('2027-03-01');
  });

  test('returns a date at local midnight of the sheet\'s zone', () => {
    const result = nextFollowUpDate({ ...context, timeZone: 'Asia/Kolkata' }, '2026-09-02', 45) as Date;
    expect(result.toISOString()).toBe('2026-10-16T18:30:00.000Z');
  });

  test('{days, relationship} columns: the days where given, else the relationship', () => {
    const result = nextFollowUpDate(context, [['2026-09-02'], ['2026-09-02'], ['']], [[10, 'Peer'], ['', 'Peer'], ['', 'Conference contact']], [[''], [''], ['2026-11-14']]) as unknown[][];
    expect(result.map(([v]) => (v === '' ? '' : iso(v)))).toEqual(['2026-09-12', '2026-12-01', '2026-11-19']);
  });

  test('a custom cadence table from Settings overrides the defaults', () => {
    expect(iso(nextFollowUpDate(context, '2026-09-02', 'Peer', '', [['Peer', '', 30]]))).toBe('2026-10-02');
  });

  test('mismatched range heights are an error naming the argument', () => {
    expect(() => nextFollowUpDate(context, [['2026-09-02'], ['2026-09-03']], [[45], [45], [45]])).toThrow('cadence has 3 rows but the first argument has 2');
  });
});

describe('FOLLOW_UP_STATUS', () => {
  const today = day('2026-11-22');

  test('each status', () => {
    expect(followUpStatusOf(context, '2026-09-02', 'Career mentor', 7, today)).toBe('Overdue');
    expect(followUpStatusOf(context, '2026-10-12', 45, 7, today)).toBe('Due soon');
    expect(followUpStatusOf(context, '2026-11-20', 45, 7, today)).toBe('On track');
    expect(followUpStatusOf(context, '', 'Peer', 7, today)).toBe('No contact yet');
    expect(followUpStatusOf(context, '', 'Conference contact', 7, today, '2026-11-14')).toBe('Overdue');
  });

  test('a wholly blank row is blank; a broken relationship row reports in its cell', () => {
    const result = followUpStatusOf(context, [[''], ['2026-11-01'], ['2026-11-01']], [[''], ['Peer'], ['Sponsor']], 7, today, [[''], [''], ['']], [['Peer', '', 'x']]);
    expect(result).toEqual([[''], [expect.stringContaining('⚠ Settings cadence for Peer')], ['On track']]);
  });

  test('due_soon_days must be a whole number', () => {
    expect(() => followUpStatusOf(context, '2026-11-01', 45, 'soon', today)).toThrow('due_soon_days "soon" is not a whole number from 0 to 365');
  });
});

describe('LETTER_ASK_BY', () => {
  test('8 weeks before by default, or the weeks given', () => {
    expect(iso(letterAskBy(context, '2027-01-15'))).toBe('2026-11-20');
    expect(iso(letterAskBy(context, '2027-01-15', 6))).toBe('2026-12-04');
  });

  test('ranges: blank stays blank', () => {
    const result = letterAskBy(context, [['2027-01-15'], ['']], 8) as unknown[][];
    expect(iso(result[0][0])).toBe('2026-11-20');
    expect(result[1][0]).toBe('');
  });

  test('weeks out of range is an error', () => {
    expect(() => letterAskBy(context, '2027-01-15', 0)).toThrow('weeks_before 0 is not a whole number from 1 to 52');
  });
});
