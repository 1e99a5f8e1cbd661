import {
  CadenceTable, DEFAULT_CADENCES, followUpStatus, nextFollowUp, parseCadenceTable, resolveCadence,
} from '../../src/core/cadence';
import { dayFromYmd } from '../../src/core/dates';
import { InvalidValueError } from '../../src/core/errors';

const table = new CadenceTable();
const d = (m: number, day: number) => dayFromYmd(2026, m, day);

describe('resolveCadence', () => {
  test('a number, or numeric text, is days', () => {
    expect(resolveCadence(45, table)).toEqual({ firstFollowUpDays: null, everyDays: 45 });
    expect(resolveCadence(' 30 ', table)).toEqual({ firstFollowUpDays: null, everyDays: 30 });
  });

  test('a relationship type gives the guides\' cadence, in any case and with common aliases', () => {
    expect(resolveCadence('Conference contact', table)).toMatchObject({ firstFollowUpDays: 5, everyDays: 75 });
    expect(resolveCadence('conference CONTACT', table).everyDays).toBe(75);
    expect(resolveCadence('Program director', table).everyDays).toBe(180);
    expect(resolveCadence('Research/project mentor', table).everyDays).toBe(45);
    expect(resolveCadence('co-resident', table).everyDays).toBe(90);
  });

  test('blank uses the default (Other) cadence', () => {
    expect(resolveCadence('', table)).toMatchObject({ everyDays: 90, firstFollowUpDays: null });
  });

  test.each([[0], [-3], [2.5], [99999]])('rejects %p days', (days) => {
    expect(() => resolveCadence(days, table)).toThrow(InvalidValueError);
  });

  test('an unknown relationship names itself and the known ones', () => {
    expect(() => resolveCadence('Best friend', table)).toThrow(/"Best friend" is neither a number of days nor a relationship \(Career mentor, /);
  });

  test('defaults follow the guides: conference 3–5 days, mentors 30–60, sponsors 60–90, leadership ~180', () => {
    const byName = Object.fromEntries(DEFAULT_CADENCES.map((c) => [c.relationship, c]));
    expect(byName['Conference contact'].firstFollowUpDays).toBeGreaterThanOrEqual(3);
    expect(byName['Conference contact'].firstFollowUpDays).toBeLessThanOrEqual(5);
    for (const mentor of ['Career mentor', 'Research mentor', 'Clinical mentor']) {
      expect(byName[mentor].everyDays).toBeGreaterThanOrEqual(30);
      expect(byName[mentor].everyDays).toBeLessThanOrEqual(60);
    }
    expect(byName.Sponsor.everyDays).toBeGreaterThanOrEqual(60);
    expect(byName.Sponsor.everyDays).toBeLessThanOrEqual(90);
    expect(byName['Program leadership'].everyDays).toBe(180);
  });
});

describe('parseCadenceTable', () => {
  test('user rows override the defaults and add new relationships', () => {
    const custom = parseCadenceTable([
      ['Career mentor', '', 30],
      ['Chair', 10, 120],
    ]);
    expect(resolveCadence('Career mentor', custom)).toMatchObject({ firstFollowUpDays: null, everyDays: 30 });
    expect(resolveCadence('chair', custom)).toMatchObject({ firstFollowUpDays: 10, everyDays: 120 });
    expect(resolveCadence('Peer', custom).everyDays).toBe(90);
  });

  test('a nonsense row affects only its relationship, with a message naming the row', () => {
    const custom = parseCadenceTable([
      ['Peer', '', 'often'],
      ['Sponsor', '', 60],
    ]);
    expect(() => resolveCadence('Peer', custom)).toThrow('Settings cadence for Peer (table row 1): then every "often" is not a whole number of days');
    expect(resolveCadence('Sponsor', custom).everyDays).toBe(60);
  });
});

describe('status', () => {
  const every45 = { firstFollowUpDays: null, everyDays: 45 };
  const conference = { firstFollowUpDays: 5, everyDays: 75 };

  test('next follow-up is last contact + cadence', () => {
    expect(nextFollowUp({ lastContact: d(9, 2), metOn: null, cadence: every45 })).toBe(d(10, 17));
  });

  test('with no contact yet, the first follow-up counts from meeting', () => {
    expect(nextFollowUp({ lastContact: null, metOn: d(11, 14), cadence: conference })).toBe(d(11, 19));
    expect(nextFollowUp({ lastContact: null, metOn: d(11, 14), cadence: every45 })).toBeNull();
  });

  test.each([
    ['a day late', d(10, 18), 'Overdue'],
    ['due today', d(10, 17), 'Due soon'],
    ['due in 7 days', d(10, 10), 'Due soon'],
    ['due in 8 days', d(10, 9), 'On track'],
  ])('%s', (_label, today, expected) => {
    expect(followUpStatus({ lastContact: d(9, 2), metOn: null, cadence: every45 }, today, 7)).toBe(expected);
  });

  test('no contact yet is not overdue unless a first follow-up was due', () => {
    expect(followUpStatus({ lastContact: null, metOn: null, cadence: every45 }, d(11, 22), 7)).toBe('No contact yet');
    expect(followUpStatus({ lastContact: null, metOn: d(11, 20), cadence: conference }, d(11, 22), 7)).toBe('Due soon');
    expect(followUpStatus({ lastContact: null, metOn: d(11, 14), cadence: conference }, d(11, 22), 7)).toBe('Overdue');
    expect(followUpStatus({ lastContact: null, metOn: d(11, 20), cadence: conference }, d(11, 22), 1)).toBe('No contact yet');
  });
});
