/**
 * The one contact writer keeps what the actions did before it: a column the sheet lacks is left out of an import
 * (its preview said so), a formula filled down below the data is a template that a new row's value replaces, and
 * one refused cell in the draft marks holds back only that contact, before Gmail is asked.
 */
import { runBulkDrafts } from '../../src/server/bulk-drafts';
import { previewImport, runImport } from '../../src/server/import';
import { addContact } from '../../src/server/sidebar-api';
import { contactRow, contactRows, workbookWith } from '../support/sidebar-workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = workbookWith();
});
afterEach(() => jest.useRealTimers());

function contacts() {
  return fake.spreadsheet.getSheetByName('Contacts')!;
}

function columnOf(header: string): number {
  return contacts().getRange(1, 1, 1, contacts().getLastColumn()).getValues()[0].indexOf(header) + 1;
}

test('an import leaves out a column the sheet does not have, as its preview said, and imports the person', () => {
  contacts().getRange(1, columnOf('Institution')).setValue('Site');
  const csv = 'First name,Last name,Email,Institution\nNoor,Haddad,noor@example.org,Lakeside Clinic\n';
  expect(previewImport({ text: csv, mapping: null, fillEmpty: false }).newCount).toBe(1);
  expect(runImport({ text: csv, mapping: null, fillEmpty: false }).added).toBe(1);
  expect(contactRow(fake, 'Noor')).toMatchObject({ 'Last name': 'Haddad', Email: 'noor@example.org', Site: '' });
});

test('a formula filled down below the data gives way to a new contact\'s value on its row, and stays on the rows below', () => {
  const column = columnOf('Specialty');
  const first = contactRows(fake).filter((r) => r['First name'] || r.Email).length + 2;
  for (let row = first; row < first + 5; row++) contacts().getRange(row, column).setFormula(`=IF(A${row}="","","Spec")`);
  const added = addContact({ firstName: 'Ada', lastName: 'Obi', email: 'ada@example.org', specialty: 'Nephrology' } as never);
  expect(added.message).toMatch(/^Added Ada Obi on row \d+\.$/);
  expect(contactRow(fake, 'Ada').Specialty).toBe('Nephrology');
  expect(contacts().getRange(first + 1, column).getFormula()).toBe(`=IF(A${first + 1}="","","Spec")`);
});

test('a formula in one contact\'s Draft ID holds back that contact (named, before Gmail), and the others are drafted and marked', () => {
  const rows = contactRows(fake);
  const luis = rows.findIndex((r) => r['First name'] === 'Luis') + 2;
  contacts().getRange(luis, columnOf('Draft ID')).setFormula('=""');
  const summary = runBulkDrafts({ scope: 'overdue', template: 'Mentor meeting request' });
  expect(summary.skipped).toContainEqual({ name: 'Luis Ortega', reason: expect.stringMatching(new RegExp(`^Row ${luis}, Draft ID is computed by your formula =""`)) });
  expect(summary.drafted.map((d) => d.name)).not.toContain('Luis Ortega');
  expect(summary.drafted.length).toBeGreaterThan(0);
  expect(summary.unmarked).toEqual([]);
  for (const { name } of summary.drafted) expect(contactRow(fake, name.split(' ')[0])['Draft ID']).not.toBe('');
});
