/**
 * A 5,000-row Contacts sheet with garbage in every column. Setup, the sidebar, the formulas and drafting all
 * finish, report bad cells by row and column, and change no value the user typed.
 */
import { ACCEPTED_DATE_FORMS } from '../../src/core/dates';
import { setUpWorkbook } from '../../src/server/setup';
import { loadSidebar } from '../../src/server/sidebar-api';
import { planBulkDrafts, runBulkDrafts } from '../../src/server/bulk-drafts';
import { installFake, setNow } from '../support/in-process';
import { fillProfile, NOW } from '../support/sidebar-workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

jest.setTimeout(60_000);

const HEADER = ['First name', 'Last name', 'Email', 'Relationship', 'Met on', 'Last contact', 'Last contact notes', 'Follow-up every (days)', 'Contact ID'];
const ROWS = 5000;
const LONG = 'x'.repeat(30_000);

/** Row i of the mess (sheet row i + 2). */
function messyRow(i: number): unknown[] {
  if (i % 97 === 50) return HEADER.map(() => ''); // blank rows in the middle
  const garbage = i % 10;
  return [
    garbage === 1 ? 42 : `First${i}`,
    garbage === 2 ? '' : `Last${i}`,
    garbage === 3 ? 12345 : garbage === 4 ? 'not an email' : `p${i}@example.org`,
    garbage === 5 ? 'Best friend' : ['Career mentor', 'Peer', 'Sponsor', ''][i % 4],
    garbage === 6 ? 'TBD' : '2026-01-15',
    garbage === 7 ? 'next week' : garbage === 8 ? '=DATE(2026, 3, 1)' : `2026-${String((i % 9) + 1).padStart(2, '0')}-10`,
    garbage === 9 ? LONG : garbage === 0 ? '=1+1' : 'note',
    garbage === 2 ? 'often' : '',
    i === 10 || i === 20 ? 'c-dup' : i % 3 === 0 ? '' : `c-given${i}`,
  ];
}

let fake: FakeAppsScript;

function userCells(): { values: unknown[][]; formulas: string[][] } {
  const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
  const range = sheet.getRange(1, 1, ROWS + 1, HEADER.length);
  const values = range.getValues().map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v)));
  return { values, formulas: range.getFormulas() };
}

beforeAll(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = installFake({ timeZone: 'America/New_York' });
  setNow(fake, NOW);
  const sheet = fake.spreadsheet.insertSheet('Contacts');
  sheet.insertRowsAfter(1000, ROWS + 200 - 1000);
  sheet.getRange(1, 1, ROWS + 1, HEADER.length).setValues([HEADER, ...Array.from({ length: ROWS }, (_, i) => messyRow(i))]);
});

afterAll(() => jest.useRealTimers());

test('setup, sidebar, formulas and drafting all finish, report bad cells by row and column, and change nothing typed', () => {
  const before = userCells();
  fake.spreadsheet._recalculation = false; // formula results are read below, once; the steps before do not need them

  const report = setUpWorkbook();
  fillProfile(fake.spreadsheet);
  expect(report.duplicateIdRows).toEqual([22]);
  expect(report.idsAdded).toBeGreaterThan(1000);

  const model = loadSidebar();
  expect(model.contactCount).toBe(ROWS - Math.floor((ROWS - 50) / 97) - 1);
  expect(model.problems).toEqual(
    expect.arrayContaining([
      `Row 9, Last contact: not a date: "next week" (expected ${ACCEPTED_DATE_FORMS})`,
      `Row 8, Met on: not a date: "TBD" (expected ${ACCEPTED_DATE_FORMS})`,
      'Row 5, Email: "12345" is not an email address',
      expect.stringMatching(/^Row 7, Relationship: cadence "Best friend" is neither a number of days nor a relationship/),
      expect.stringMatching(/^Row 4, Follow-up every \(days\): cadence "often" is neither a number of days nor a relationship/), // the Status column's own words
    ]),
  );
  const longCard = [...model.overdue, ...model.dueThisWeek, ...model.noContactYet].find((c) => c.lastNote.startsWith('xxx'));
  expect(longCard!.lastNote.length).toBeLessThanOrEqual(280);

  fake.spreadsheet._recalculation = true;
  const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const status = sheet.getRange(2, headers.indexOf('Status') + 1, ROWS, 1).getValues().map(([v]) => String(v));
  expect(status[7]).toMatch(/^⚠ not a date: "next week"/); // row 9
  expect(status[5]).toMatch(/^⚠ cadence "Best friend"/); // row 7
  const allowed = new Set(['', 'Overdue', 'On track', 'No contact yet', 'Due soon', 'Snoozed']);
  expect(status.filter((s) => !s.startsWith('⚠') && !allowed.has(s))).toEqual([]);

  fake.spreadsheet._recalculation = false;
  sheet.getRange(2, 1, 60, 3).activate();
  const plan = planBulkDrafts({ scope: 'selected', template: 'Mentor meeting request' });
  expect(plan.skipped.find((s) => s.name.includes('First3'))!.reason).toBe('"12345" is not a valid email address');
  const summary = runBulkDrafts({ scope: 'selected', template: 'Mentor meeting request' });
  expect(summary.failed).toEqual([]);
  expect(summary.drafted.length).toBe(plan.toDraft.length);

  fake.spreadsheet._recalculation = true;
  const after = userCells();
  for (let r = 0; r <= ROWS; r++) {
    for (let c = 0; c < HEADER.length; c++) {
      const was = before.values[r][c];
      if (HEADER[c] === 'Contact ID' && was === '') continue; // a blank id may be filled: that is an addition
      if (HEADER[c] === 'Contact ID' && r === 21) {
        // row 22 was a copy of row 12: it now has an id of its own
        expect(after.values[r][c]).toMatch(/^c-/);
        expect(after.values[r][c]).not.toBe(before.values[11][c]);
        continue;
      }
      expect([r + 1, c + 1, after.values[r][c]]).toEqual([r + 1, c + 1, was]);
      expect(after.formulas[r][c]).toBe(before.formulas[r][c]);
    }
  }
});
