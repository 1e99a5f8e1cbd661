/** A spreadsheet in a day-first locale (en_GB, de_DE): dates typed as text, imports and what the product shows. */
import { previewImport, runImport } from '../../src/server/import';
import { showHelp } from '../../src/server/menu';
import { loadSidebar, previewDraft } from '../../src/server/sidebar-api';
import { setUpWorkbook } from '../../src/server/setup';
import { parseDay, dayFromYmd } from '../../src/core/dates';
import { installFake, setNow } from '../support/in-process';
import { fillProfile, idOf, NOW } from '../support/sidebar-workbook';
import { fillSheet, rowsByHeader, sampleContacts } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;

function workbookIn(locale: string, timeZone: string): void {
  fake = installFake({ timeZone, locale });
  setNow(fake, NOW);
  const contacts = fake.spreadsheet.insertSheet('Contacts');
  fillSheet(contacts, sampleContacts());
  setUpWorkbook();
  fillProfile(fake.spreadsheet);
}

beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

test('core: 03/11/2026 is 3 November day first and March 11 month first; unambiguous forms read the same', () => {
  expect(parseDay('03/11/2026', 'UTC', 'DMY')).toBe(dayFromYmd(2026, 11, 3));
  expect(parseDay('03/11/2026', 'UTC', 'MDY')).toBe(dayFromYmd(2026, 3, 11));
  expect(parseDay('03/11/2026', 'UTC')).toBe(dayFromYmd(2026, 3, 11));
  for (const order of ['DMY', 'MDY'] as const) expect(parseDay('2026-11-03', 'UTC', order)).toBe(dayFromYmd(2026, 11, 3));
  expect(() => parseDay('13/25/2026', 'UTC', 'DMY')).toThrow('not a date');
  expect(parseDay('3-11-2026', 'UTC', 'DMY')).toBe(dayFromYmd(2026, 11, 3)); // nl_NL, en_IN
  expect(parseDay('03-11-2026', 'UTC', 'MDY')).toBe(dayFromYmd(2026, 3, 11));
});

test('the fake reads typed dates as an en_GB Sheets does, and shows them day first', () => {
  fake = installFake({ timeZone: 'Europe/London', locale: 'en_GB' });
  const sheet = fake.spreadsheet.getActiveSheet();
  sheet.getRange('A1').setValue('03/11/2026');
  expect(sheet.getRange('A1').getDisplayValue()).toBe('03/11/2026');
  expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-03T00:00:00.000Z');
  sheet.getRange('A2').setValue(new Date('2026-11-03T12:00:00Z'));
  expect(sheet.getRange('A2').getDisplayValue()).toBe('03/11/2026 12:00:00'); // a script-written Date shows its time
});

test('en_GB: a Last contact typed as text "01/08/2026" is 1 August in the Status formula and in the sidebar alike', () => {
  workbookIn('en_GB', 'Europe/London');
  const contacts = fake.spreadsheet.getSheetByName('Contacts')!;
  const headers = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0];
  const lastContact = headers.indexOf('Last contact') + 1;
  const maya = rowsByHeader(contacts).findIndex((r) => r['First name'] === 'Maya') + 2;
  contacts.getRange(maya, lastContact).setNumberFormat('@').setValue('01/08/2026'); // kept as text, as pasted from elsewhere
  const row = rowsByHeader(contacts).find((r) => r['First name'] === 'Maya')!;
  expect(row['Last contact']).toBe('01/08/2026');
  expect(row['Days since contact']).toBe(113); // 1 August → 22 November, not 8 January
  const card = loadSidebar().overdue.find((c) => c.name === 'Maya Okafor');
  expect(card?.lastContact).toBe('2026-08-01');
});

test('en_GB: a letter due typed as text reads day first in the letter request email', () => {
  workbookIn('en_GB', 'Europe/London');
  const contacts = fake.spreadsheet.getSheetByName('Contacts')!;
  const headers = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0] as string[];
  const maya = rowsByHeader(contacts).findIndex((r) => r['First name'] === 'Maya') + 2;
  contacts.getRange(maya, headers.indexOf('Letter for') + 1).setValue('Cardiology fellowship');
  contacts.getRange(maya, headers.indexOf('Letter due') + 1).setNumberFormat('@').setValue('05/02/2027');
  const draft = previewDraft(idOf(fake, 'Maya'), 'Letter request');
  expect(draft.body).toContain('letters are due on February 5, 2027');
});

describe('importing slashed dates', () => {
  const csv = (dates: string[]) => ['First name,Last name,Email,Met on', ...dates.map((d, i) => `Ana${i},Silva,ana${i}@example.org,${d}`)].join('\n');

  test('a file that proves its order (23/10/2026) reads day first even in an en_US sheet, and says so', () => {
    workbookIn('en_US', 'America/New_York');
    const preview = previewImport({ text: csv(['03/10/2026', '23/10/2026']), mapping: null, fillEmpty: false });
    expect(preview.slashDates).toEqual({ example: '03/10/2026', order: 'DMY', open: false });
    runImport({ text: csv(['03/10/2026', '23/10/2026']), mapping: null, fillEmpty: false });
    const rows = rowsByHeader(fake.spreadsheet.getSheetByName('Contacts')!).filter((r) => r['Last name'] === 'Silva');
    expect(rows.map((r) => (r['Met on'] as Date).toISOString().slice(0, 10))).toEqual(['2026-10-03', '2026-10-23']);
  });

  test('an ambiguous file is open for the user to confirm: the locale\'s order first, their choice when made', () => {
    workbookIn('en_GB', 'Europe/London');
    const text = csv(['03/11/2026', '04/11/2026']);
    expect(previewImport({ text, mapping: null, fillEmpty: false }).slashDates).toEqual({ example: '03/11/2026', order: 'DMY', open: true });
    expect(previewImport({ text, mapping: null, fillEmpty: false, dateOrder: 'MDY' }).slashDates).toEqual({ example: '03/11/2026', order: 'MDY', open: true });
    runImport({ text, mapping: null, fillEmpty: false, dateOrder: 'MDY' });
    const rows = rowsByHeader(fake.spreadsheet.getSheetByName('Contacts')!).filter((r) => r['Last name'] === 'Silva');
    const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
    expect(rows.map((r) => london.format(r['Met on'] as Date))).toEqual(['2026-03-11', '2026-04-11']);
  });

  test('a file whose slashed dates read the same either way (05/05/2026) asks nothing', () => {
    workbookIn('en_GB', 'Europe/London');
    expect(previewImport({ text: csv(['05/05/2026']), mapping: null, fillEmpty: false }).slashDates).toEqual({ example: '05/05/2026', order: 'DMY', open: false });
  });

  test('a file with no slashed dates asks nothing', () => {
    workbookIn('de_DE', 'Europe/Berlin');
    expect(previewImport({ text: csv(['2026-11-03']), mapping: null, fillEmpty: false }).slashDates).toBeNull();
  });
});

test('Help shows its formulas in the spreadsheet locale\'s separators, ready to copy', () => {
  workbookIn('de_DE', 'Europe/Berlin');
  showHelp();
  const text = fake.ui.alerts.at(-1)!.prompt;
  expect(text).toContain('=DAYS_SINCE_CONTACT(last_contact; today)');
  expect(text).not.toMatch(/=[A-Z_]+\([^)]*,/);
});
