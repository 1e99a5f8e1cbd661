/** Faults and bad input: each gives a clear message and loses nothing; re-runs never duplicate a draft. */
import { DEFAULT_TEMPLATES } from '../../src/core/default-templates';
import { runBulkDrafts } from '../../src/server/bulk-drafts';
import { runImport } from '../../src/server/import';
import { setUpContactSheet, setUpWorkbook } from '../../src/server/setup';
import {
  addContact, createDraft, loadSidebar, logContact, previewDraft, setLetterStatus, snoozeContact,
} from '../../src/server/sidebar-api';
import { contactRow, contactRows, idOf, readDraft, workbookWith } from '../support/sidebar-workbook';
import { rowsByHeader, snapshot } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = workbookWith();
});
afterEach(() => jest.useRealTimers());

describe('Gmail fails', () => {
  test('a transient error on one draft: the message is shown, the row is not marked, the retry works once', () => {
    const id = idOf(fake, 'Maya');
    fake.drafts.failOnCall('create', 1, new Error('API call to gmail.users.drafts.create failed with error: Backend Error'));
    expect(() => createDraft({ contactId: id, subject: 'Hi', body: 'Hi' })).toThrow('Backend Error');
    expect(contactRow(fake, 'Maya')['Draft ID']).toBe('');
    createDraft({ contactId: id, subject: 'Hi', body: 'Hi' });
    createDraft({ contactId: id, subject: 'Hi again', body: 'Hi', whenOpen: 'replace' });
    expect(fake.drafts.drafts).toHaveLength(1);
  });

  test('quota at draft 1 of a bulk run: nothing marked, all remain, and the next run makes each draft once', () => {
    fake.drafts.failOnCall('create', 1, new Error('Service invoked too many times for one day: gmail.'));
    const first = runBulkDrafts({ scope: 'overdue', template: 'Mentor meeting request' });
    expect([first.drafted.length, first.remaining]).toEqual([0, 4]);
    runBulkDrafts({ scope: 'overdue', template: 'Mentor meeting request' });
    runBulkDrafts({ scope: 'overdue', template: 'Mentor meeting request' });
    expect(fake.drafts.drafts).toHaveLength(4);
  });
});

describe('another execution holds the document lock', () => {
  const actions: [string, (f: FakeAppsScript) => unknown][] = [
    ['log', (f) => logContact({ contactId: idOf(f, 'Maya'), date: '2026-11-22', channel: 'Email', summary: 'x', nextStep: '' })],
    ['snooze', (f) => snoozeContact(idOf(f, 'Maya'), 7)],
    ['create draft', (f) => createDraft({ contactId: idOf(f, 'Maya'), subject: 's', body: 'b' })],
    ['add contact', () => addContact({ firstName: 'Nia', lastName: 'Hart', email: '', role: '', institution: '', specialty: '', relationship: '', howWeMet: '', metOn: '', interests: '' })],
    ['letter status', (f) => setLetterStatus(idOf(f, 'Maya'), 'Asked')],
    ['bulk drafts', () => runBulkDrafts({ scope: 'overdue', template: null })],
    ['import', () => runImport({ text: 'First name,Email\nNia,nia@example.org\n', mapping: null, fillEmpty: false })],
    ['setup', () => setUpWorkbook()],
  ];

  test.each(actions)('%s: "busy, try again", and nothing changes', (name, action) => {
    const before = snapshot(fake);
    fake.locks.document.holdElsewhere();
    if (name === 'setup') {
      setUpContactSheet();
      expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/busy with another change/);
    } else {
      expect(() => action(fake)).toThrow('Touchpoint is busy with another change to this spreadsheet. Please try again in a few seconds.');
    }
    expect(snapshot(fake)).toBe(before);
    expect(fake.drafts.drafts).toEqual([]);
  });
});

describe('the sheet changed under the sidebar', () => {
  test('a row deleted since the sidebar loaded: a clear message, no other row touched', () => {
    const card = loadSidebar().overdue.find((c) => c.name === 'Tom Becker')!;
    fake.spreadsheet.getSheetByName('Contacts')!.deleteRow(5);
    const before = snapshot(fake);
    expect(() => logContact({ contactId: card.id, date: '2026-11-22', channel: 'Call', summary: 'x', nextStep: '' })).toThrow(
      `That contact is no longer on the Contacts sheet (id ${card.id.split('~')[0]}). It may have been deleted; reload the sidebar.`,
    );
    expect(snapshot(fake)).toBe(before);
  });

  test('a required column deleted: the message names it; setup adds it back at the end without touching the rest', () => {
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    sheet.deleteColumn(3); // Email
    expect(() => loadSidebar()).toThrow('The Contacts sheet has no Email column (renamed or deleted?). Rename it back, or choose Touchpoint ▸ Set up contact sheet to add it again.');
    const names = contactRows(fake).map((r) => r['First name']);
    setUpWorkbook();
    expect(contactRows(fake).map((r) => r['First name'])).toEqual(names);
    expect(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].at(-1)).toBe('Email');
    expect(loadSidebar().contactCount).toBe(8);
  });
});

describe('the Templates sheet is deleted', () => {
  beforeEach(() => fake.spreadsheet.deleteSheet(fake.spreadsheet.getSheetByName('Templates')!));

  test('the sidebar still loads and says what happened; drafting says how to restore it; setup restores the defaults', () => {
    const model = loadSidebar();
    expect(model.overdue.length).toBe(5);
    expect(model.problems).toContain('The Templates sheet is missing. Choose Touchpoint ▸ Set up contact sheet to restore the standard templates.');
    expect(() => previewDraft(idOf(fake, 'Maya'), null)).toThrow('The Templates sheet is missing.');
    expect(() => runBulkDrafts({ scope: 'overdue', template: null })).toThrow('The Templates sheet is missing.');
    expect(fake.drafts.drafts).toEqual([]);
    setUpWorkbook();
    expect(rowsByHeader(fake.spreadsheet.getSheetByName('Templates')!)).toHaveLength(DEFAULT_TEMPLATES.length);
  });
});

test('nonsense in Settings: the affected people say what to fix, everyone else is computed, nothing is lost', () => {
  const settings = fake.spreadsheet.getSheetByName('Settings')!;
  const values = settings.getRange(1, 1, 20, 7).getValues();
  const peerRow = values.findIndex((row) => row[4] === 'Peer') + 1;
  settings.getRange(peerRow, 7).setValue('often');
  settings.getRange('B3').setValue('soon'); // Due soon window
  fake.spreadsheet.getSheetByName('Contacts')!.getRange('N5').setValue(''); // Tom (a Peer) now follows the Peer cadence
  const model = loadSidebar();
  expect(model.problems).toEqual(
    expect.arrayContaining([
      'Settings, Due soon window (days): "soon" is not a whole number from 0 to 365; using 7.',
      expect.stringMatching(/^Row 5, Relationship: Settings cadence for Peer \(table row \d+\): then every "often" is not a whole number of days/),
    ]),
  );
  expect(model.overdue.map((c) => c.name)).toEqual(['Aisha Rahman', 'Luis Ortega', 'Maya Okafor', 'Grace Kim']);
  // The sheet's Status column shows each broken setting where it applies; the sidebar fell back and computed the rest.
  expect(String(contactRow(fake, 'Tom').Status)).toMatch(/^⚠ Settings cadence for Peer/);
  expect(String(contactRow(fake, 'Maya').Status)).toBe('⚠ due_soon_days "soon" is not a whole number from 0 to 365');
  settings.getRange('B3').setValue(7);
  expect(contactRow(fake, 'Maya').Status).toBe('Overdue');
  expect(settings.getRange(peerRow, 7).getValue()).toBe('often');
});

describe('injection', () => {
  test('=, +, - and @ at the start of a field are stored as text, from every way in', () => {
    addContact({ firstName: '=HYPERLINK("http://x","y")', lastName: '+1', email: '', role: '-2', institution: '@SUM(A1)', specialty: '', relationship: '', howWeMet: '', metOn: '', interests: '' });
    logContact({ contactId: idOf(fake, 'Maya'), date: '2026-11-22', channel: 'Email', summary: '@SUM(A1:A9)', nextStep: '-call' });
    runImport({ text: 'First name,Last name,Institution\n=cmd,+x,-y\n', mapping: null, fillEmpty: false });
    const rows = contactRows(fake);
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    const formulas = sheet.getRange(2, 1, rows.length, sheet.getLastColumn()).getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([]);
    expect(rows.find((r) => r['Last name'] === '+1')).toMatchObject({ 'First name': '=HYPERLINK("http://x","y")', Role: '-2', Institution: '@SUM(A1)' });
    expect(rows.find((r) => r['First name'] === '=cmd')).toMatchObject({ 'Last name': '+x', Institution: '-y' });
    expect(contactRow(fake, 'Maya')).toMatchObject({ 'Last contact notes': '@SUM(A1:A9)', 'Next step': '-call' });
    expect(fake.spreadsheet.getSheetByName('Interactions')!.getRange(2, 1, 1, 6).getFormulas()[0].filter(Boolean)).toEqual([]);
  });

  test('HTML in a field is escaped in the HTML part of an email', () => {
    const contacts = fake.spreadsheet.getSheetByName('Contacts')!;
    const headers = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0];
    contacts.getRange(2, headers.indexOf('Event') + 1).setValue('<script>alert(1)</script> & <b>bold</b>');
    contacts.getRange(2, headers.indexOf('Topic') + 1).setValue('sepsis bundles');
    const preview = previewDraft(idOf(fake, 'Maya'), 'Post-conference follow-up');
    expect(preview.body).toContain('<script>alert(1)</script> & <b>bold</b>');
    createDraft({ contactId: idOf(fake, 'Maya'), subject: preview.subject, body: preview.body });
    const draft = readDraft(fake.drafts.drafts[0].mime);
    expect(draft.text).toContain('<script>alert(1)</script>');
    expect(draft.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(draft.html).not.toContain('<script>');
  });
});
