import fs from 'fs';
import path from 'path';
import { previewImport, runImport } from '../../src/server/import';
import { loadSidebar, setLetterStatus, previewDraft } from '../../src/server/sidebar-api';
import { openImportDialog } from '../../src/server/dialogs';
import { installFake } from '../support/in-process';
import { contactRow, contactRows, idOf, workbookWith } from '../support/sidebar-workbook';
import { nyDay, rowsByHeader, sampleContacts } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;
const linkedIn = fs.readFileSync(path.join(__dirname, '../fixtures/linkedin-connections.csv'), 'utf8');

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = workbookWith();
});
afterEach(() => jest.useRealTimers());

describe('importing a LinkedIn export', () => {
  test('the preview: new, already present (Maya, by email), rejected; nothing written yet', () => {
    const before = JSON.stringify(contactRows(fake));
    const preview = previewImport({ text: linkedIn, mapping: null, fillEmpty: true });
    expect(preview.format).toBe('linkedin');
    expect(preview.newCount).toBe(4);
    expect(preview.newNames).toEqual(['Jonas Weber', 'Elena Martínez-López', 'Kwame Mensah', '=cmd Injection']);
    expect(preview.present).toEqual([{ name: 'Maya Okafor', row: 2, fills: ['LinkedIn'] }]);
    expect(preview.rejected).toEqual([]);
    expect(JSON.stringify(contactRows(fake))).toBe(before);
  });

  test('imports in one batched write: ids, mapped columns, text kept as text, existing rows untouched', () => {
    const before = contactRows(fake);
    fake.counter.reset();
    const result = runImport({ text: linkedIn, mapping: null, fillEmpty: false });
    expect(result).toMatchObject({ added: 4, filled: 0, rejected: 0, message: 'Imported 4 new contacts. 1 already on the sheet.' });
    expect(fake.counter.count('Range.setValues')).toBe(2); // two runs of columns either side of the computed ones
    const rows = contactRows(fake);
    expect(rows.slice(0, 8)).toEqual(before);
    const kwame = contactRow(fake, 'Kwame');
    expect([kwame.Role, kwame.Institution, kwame['How we met'], nyDay(kwame['Met on']), kwame.LinkedIn]).toEqual([
      'Associate program director', 'Lakeview University Hospital', 'Online / LinkedIn', '2026-02-02', 'https://www.linkedin.com/in/kwame-mensah-example',
    ]);
    expect(String(kwame['Contact ID'])).toMatch(/^c-/);
    expect(contactRow(fake, 'Elena').Institution).toBe('Hospital Universitario, Madrid');
    const injection = contactRow(fake, '=cmd');
    expect([injection['First name'], injection.Institution, injection['Last contact notes']]).toEqual(['=cmd', '=HYPERLINK("http://x","y")', 'LinkedIn title: @SUM(A1)']);
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    expect(sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getFormulas().flat().filter(Boolean)).toHaveLength(4);
  });

  test('with "fill empty cells", a match gets only what it lacked; a second import adds nobody', () => {
    runImport({ text: linkedIn, mapping: null, fillEmpty: true });
    const maya = contactRow(fake, 'Maya');
    expect(maya.LinkedIn).toBe('https://www.linkedin.com/in/maya-okafor-example');
    expect(maya['How we met']).toBe('Rotation');
    const again = runImport({ text: linkedIn, mapping: null, fillEmpty: true });
    expect(again).toMatchObject({ added: 0, filled: 0 });
    expect(contactRows(fake)).toHaveLength(12);
  });

  test('filling keeps the user\'s formulas and text that looks like a number', () => {
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    const linkedInColumn = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('LinkedIn') + 1;
    sheet.getRange(3, linkedInColumn).setValue("'00123");
    sheet.getRange(4, linkedInColumn).setFormula('=CONCATENATE("https://example.org/", A4)');
    runImport({ text: linkedIn, mapping: null, fillEmpty: true });
    expect(sheet.getRange(3, linkedInColumn).getValue()).toBe('00123');
    expect(sheet.getRange(4, linkedInColumn).getFormula()).toBe('=CONCATENATE("https://example.org/", A4)');
  });
});

test('a column the user chose not to import is left out; a mapping without names is refused', () => {
  const csv = 'First name,Last name,Email,Notes\nNia,Hart,nia@example.org,Private note\n';
  const preview = previewImport({ text: csv, mapping: null, fillEmpty: false });
  expect(preview.mapping).toEqual(['firstName', 'lastName', 'email', 'lastContactNotes']);
  runImport({ text: csv, mapping: ['firstName', 'lastName', 'email', null], fillEmpty: false });
  expect(contactRow(fake, 'Nia')['Last contact notes']).toBe('');
  expect(() => previewImport({ text: csv, mapping: [null, null, 'email', null], fillEmpty: false })).toThrow('Choose which column holds the names');
  expect(() => previewImport({ text: csv, mapping: ['firstName'], fillEmpty: false })).toThrow('The column choices do not match the file');
  expect(() => previewImport({ text: ' ', mapping: null, fillEmpty: false })).toThrow('The file is empty.');
});

test('a semicolon-separated CSV (Excel in de_DE, fr_FR…) is read in columns, and the preview says so', () => {
  const semicolons = fs.readFileSync(path.join(__dirname, '../fixtures/contacts-semicolon.csv'), 'utf8');
  const preview = previewImport({ text: semicolons, mapping: null, fillEmpty: false });
  expect(preview.separatedBy).toBe('Columns separated by semicolons.');
  expect(preview.headers).toEqual(['First name', 'Last name', 'Email', 'Institution', 'Role']);
  expect(preview.newNames).toEqual(['Jonas Weber', 'Anna Schmidt']);
  runImport({ text: semicolons, mapping: null, fillEmpty: false });
  expect(contactRow(fake, 'Jonas')).toMatchObject({ 'Last name': 'Weber', Email: 'jonas.weber@example.de', Institution: 'Charité, Berlin', Role: 'Attending' });
  expect(contactRow(fake, 'Anna')).toMatchObject({ Email: '', Institution: 'Klinikum; Innere Medizin', Role: 'Fellow' });
  expect(previewImport({ text: linkedIn, mapping: null, fillEmpty: false }).separatedBy).toBe('Columns separated by commas.');
  const unquoted = previewImport({ text: 'First name;Last name;Institution\nAnna;Müller;Charité; Berlin\nJonas;Weber;Klinikum\n', mapping: null, fillEmpty: false });
  expect(unquoted.newNames).toEqual(['Jonas Weber']);
  expect(unquoted.problems).toEqual(['Row 2 has 4 fields but the header has 3, so it was not imported (a semicolon inside a field without quotes?). Quote that field, then import again.']);
  const oneColumn = previewImport({ text: 'Name\nAnna Müller\nGarcía, José\n', mapping: null, fillEmpty: false });
  expect(oneColumn.separatedBy).toBe('One column (the header has no comma, semicolon or tab).');
  expect(oneColumn.newNames).toEqual(['Anna Müller', 'José García']);
});

test('5,000 rows import in one run with the same few writes', () => {
  const lines = ['First Name,Last Name,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < 5000; i++) lines.push(`Person${i},Test${i},p${i}@example.org,"Hospital ${i % 50}, Dept",Attending,${(i % 28) + 1} Mar 2025`);
  const text = `Notes:\n"a note"\n\n${lines.join('\n')}\n`;
  fake.counter.reset();
  const result = runImport({ text, mapping: null, fillEmpty: false });
  expect(result.added).toBe(5000);
  expect(fake.counter.count('Range.setValues')).toBe(2);
  expect(fake.counter.sheetRoundTrips()).toBeLessThan(15);
  const rows = contactRows(fake);
  expect(rows).toHaveLength(5008);
  expect(rows[5007]).toMatchObject({ 'First name': 'Person4999', Institution: 'Hospital 49, Dept', Role: 'Attending' });
  expect(new Set(rows.map((r) => r['Contact ID'])).size).toBe(5008);
});

test('the menu item opens the import dialog', () => {
  fake = installFake({ htmlFiles: { ImportDialog: '<main id="app"></main>' } });
  openImportDialog();
  expect(fake.ui.dialogs.map((d) => d.title)).toEqual(['Import contacts']);
});

describe('letters of recommendation', () => {
  function withLetters(): FakeAppsScript {
    const [header, ...rows] = sampleContacts();
    const extra = ['Letter for', 'Letter due', 'Letter status'];
    const letter = (row: string[], forWhat: string, due: string, status: string) => [...row, forWhat, due, status];
    return workbookWith([
      [...header, ...extra],
      letter(rows[0], 'Cardiology fellowship', '2027-01-10', 'To ask'),
      letter(rows[1], '', '', ''),
      letter(rows[2], 'Research year', '2027-06-01', 'To ask'),
      ...rows.slice(3).map((r) => letter(r, '', '', '')),
    ]);
  }

  test('the sidebar lists letters to ask for now, with the reason; the Ask by column computes the date', () => {
    fake = withLetters();
    const model = loadSidebar();
    expect(model.letters.map((l) => [l.name, l.reason, l.askBy])).toEqual([['Maya Okafor', 'Ask-by date passed 7 days ago', '2026-11-15']]);
    expect(nyDay(contactRow(fake, 'Maya')['Ask by'])).toBe('2026-11-15');
    expect(model.goals.at(-1)).toEqual({ label: 'Letters', target: 3, names: [] });
  });

  test('one click sets the status and its date, logs it in Interactions, and updates the goal', () => {
    fake = withLetters();
    const id = idOf(fake, 'Maya');
    const asked = setLetterStatus(id, 'Asked');
    expect(asked.message).toBe('Maya Okafor: letter for Cardiology fellowship is now "Asked".');
    expect(asked.model.letters).toEqual([]);
    expect([contactRow(fake, 'Maya')['Letter status'], nyDay(contactRow(fake, 'Maya')['Letter status date'])]).toEqual(['Asked', '2026-11-22']);
    expect(rowsByHeader(fake.spreadsheet.getSheetByName('Interactions')!).map((r) => [r['Contact ID'], r.Summary])).toEqual([[id, 'Letter for Cardiology fellowship: Asked']]);
    const agreed = setLetterStatus(id, 'Agreed');
    expect(agreed.model.goals.at(-1)!.names).toEqual(['Maya Okafor']);
    expect(() => setLetterStatus(id, 'Maybe')).toThrow('Letter status must be one of To ask, Asked, Agreed, Submitted, Declined.');
  });

  test('ten days after asking with no answer, the letter comes back to the list', () => {
    fake = withLetters();
    setLetterStatus(idOf(fake, 'Maya'), 'Asked');
    jest.setSystemTime(new Date('2026-12-02T15:00:00Z'));
    fake.clock.set(new Date('2026-12-02T15:00:00Z'));
    expect(loadSidebar().letters.map((l) => [l.name, l.reason])).toEqual([['Maya Okafor', 'Asked 10 days ago, no answer yet']]);
  });

  test('each letter card carries its next email and the statuses it can move to; the model carries the snooze choices', () => {
    fake = withLetters();
    const toAsk = loadSidebar();
    expect(toAsk.letters.map((l) => [l.draft, l.nextStatuses])).toEqual([[{ template: 'Letter request', label: 'Draft the request' }, ['Asked', 'Agreed', 'Submitted', 'Declined']]]);
    expect(toAsk.snoozeDays).toEqual([7, 14, 30]);
    setLetterStatus(idOf(fake, 'Maya'), 'Asked');
    jest.setSystemTime(new Date('2026-12-02T15:00:00Z'));
    fake.clock.set(new Date('2026-12-02T15:00:00Z'));
    expect(loadSidebar().letters.map((l) => [l.draft, l.nextStatuses])).toEqual([[{ template: 'Letter reminder', label: 'Draft a reminder' }, ['Agreed', 'Submitted', 'Declined']]]);
  });

  test('"Draft the request" fills the letter-request template', () => {
    fake = withLetters();
    const preview = previewDraft(idOf(fake, 'Maya'), 'Letter request');
    expect(preview.subject).toBe('Letter of recommendation for Cardiology fellowship');
    expect(preview.body).toContain('Dear Dr. Okafor,');
    expect(preview.body).toContain('I am applying for Cardiology fellowship, and letters are due on January 10, 2027.');
    expect(preview.body).toContain('If the timing does not work, or you do not feel you could write a strong letter, I completely understand.');
    expect(preview.warnings).toEqual([]);
  });
});
