/**
 * Settings, Templates and the time zone are kept in the document cache between actions (src/server/workbook-config.ts).
 * These pin when the cache is used and every way it is dropped, so a cached copy never outlives what it copies.
 */
import { loadSidebar, logContact, previewDraft } from '../../src/server/sidebar-api';
import { saveProfile } from '../../src/server/profile';
import { runImport } from '../../src/server/import';
import { CONFIG_TTL_SECONDS } from '../../src/server/workbook-config';
import { idOf, workbookWith } from '../support/sidebar-workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = workbookWith();
});
afterEach(() => jest.useRealTimers());

const sheetReads = () => fake.counter.count('Spreadsheet.getSheetByName');
const zoneAsks = () => fake.counter.count('Spreadsheet.getSpreadsheetTimeZone');

/** A person edits a cell of a sheet by hand (the fake runs onEdit for that, as Sheets does). */
function typeInto(sheetName: string, rowLabel: string, column: number, value: string): void {
  const sheet = fake.spreadsheet.getSheetByName(sheetName)!;
  const row = (sheet.getDataRange().getValues() as unknown[][]).findIndex((line) => line.includes(rowLabel)) + 1;
  sheet.getRange(row, column).setValue(value);
}

function subjectOf(firstName: string): string {
  return previewDraft(idOf(fake, firstName), 'Mentor meeting request').subject;
}

test('once read, the sidebar reads only Contacts: no Settings, no Templates, no time zone', () => {
  loadSidebar(); // the profile typed after setup dropped the cache: this read fills it
  fake.counter.reset();
  loadSidebar();
  expect(sheetReads()).toBe(1);
  expect(zoneAsks()).toBe(0);
  expect(fake.counter.sheetRoundTrips()).toBe(4);
});

test('a person\'s edit to Templates or Settings is used by the very next action', () => {
  const before = subjectOf('Maya');
  const templates = fake.spreadsheet.getSheetByName('Templates')!;
  const subjectColumn = (templates.getRange(1, 1, 1, templates.getLastColumn()).getValues()[0] as string[]).indexOf('Subject') + 1;
  typeInto('Templates', 'Mentor meeting request', subjectColumn, 'Coffee next week, {{First name}}?');
  expect(subjectOf('Maya')).toBe('Coffee next week, Maya?');
  expect(before).not.toBe('Coffee next week, Maya?');
  typeInto('Settings', 'My name', 2, 'Samira Lee');
  expect(previewDraft(idOf(fake, 'Maya'), 'Mentor meeting request').body).toContain('Samira Lee');
});

test('edits to Contacts and Interactions keep the cache: they hold nothing of it', () => {
  loadSidebar();
  fake.spreadsheet.getSheetByName('Contacts')!.getRange('A2').setValue('Mayah');
  fake.spreadsheet.getSheetByName('Interactions')!.getRange('C2').setValue('a note typed by hand');
  fake.counter.reset();
  const model = loadSidebar();
  expect(sheetReads()).toBe(1);
  expect(JSON.stringify(model)).toContain('Mayah');
});

test('Touchpoint\'s own write (the profile form) is read at once, and leaves the cache ready', () => {
  loadSidebar();
  saveProfile({ myName: 'Dana Cruz', myPosition: 'a PGY-2 resident', myInstitution: 'Mercy General Hospital', mySpecialty: 'cardiology' });
  fake.counter.reset();
  expect(previewDraft(idOf(fake, 'Maya'), 'Mentor meeting request').body).toContain('Dana Cruz');
  expect(sheetReads()).toBe(1);
});

test('an edit that fires no trigger (another script, a collaborator without Touchpoint) is read once the cache expires', () => {
  const before = subjectOf('Maya');
  const templates = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Templates')!; // through the services: no onEdit
  const row = (templates.getDataRange().getValues() as unknown[][]).findIndex((line) => line[0] === 'Mentor meeting request') + 1;
  templates.getRange(row, 3).setValue('Changed elsewhere, {{First name}}');
  expect(subjectOf('Maya')).toBe(before); // the documented bound: up to the cache's lifetime
  fake.clock.advance(CONFIG_TTL_SECONDS * 1000 + 1000);
  expect(subjectOf('Maya')).toBe('Changed elsewhere, Maya');
});

test('a new time zone in File ▸ Settings is noticed from the dates on the sheet: days and today follow it at once', () => {
  const before = loadSidebar();
  const maya = (m: typeof before) => [...m.overdue, ...m.dueThisWeek].find((c) => c.name === 'Maya Okafor')!;
  fake.spreadsheet.setSpreadsheetTimeZone('Asia/Tokyo'); // 15:00 UTC is already tomorrow in Tokyo
  fake.counter.reset();
  const after = loadSidebar();
  expect(zoneAsks()).toBe(1);
  expect(maya(after).daysSince).toBe((maya(before).daysSince ?? NaN) + 1);
  fake.counter.reset();
  loadSidebar();
  expect(zoneAsks()).toBe(0); // the cache holds the new zone now
  // Logged today in Tokyo (November 23): written and read back as that day, zero days ago.
  const { model } = logContact({ contactId: idOf(fake, 'Maya'), date: '2026-11-23', channel: 'Email', summary: 'Wrote', nextStep: '' });
  expect(model.today).toBe('2026-11-23');
  const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
  const [header, ...rows] = sheet.getDataRange().getValues();
  const lastContact = rows.find((line) => line[0] === 'Maya')![header.indexOf('Last contact')] as Date;
  expect(lastContact.toISOString()).toBe('2026-11-22T15:00:00.000Z'); // midnight, November 23, in Tokyo
});

test('an action that needs no settings (an import) does not read Settings or Templates even when the cache is empty', () => {
  fake.spreadsheet.getSheetByName('Settings')!.getRange('D40').setValue('x'); // a person's edit: the cache is dropped
  fake.counter.reset();
  runImport({ text: 'First name,Last name,Email\nNew,Person,new.person@example.org\n', mapping: null, fillEmpty: false });
  expect(fake.counter.counts()['Spreadsheet.getSheetByName']).toBe(1); // Contacts; no Settings, no Templates
});
