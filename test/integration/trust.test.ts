/**
 * Nothing lost, nothing duplicated, however a person edits the sheet: each test is one way people really edit
 * (typed rows, copied rows, their own Notes column, checkboxes, columns renamed or moved mid-run), run through
 * the built bundle with arguments and results passed as google.script.run passes them.
 */
import { loadBundle, LoadedBundle } from '../../tools/gas-fake/bundle';
import { FakeRange } from '../../tools/gas-fake/spreadsheet';
import { scriptRunFor } from '../../tools/gas-fake/script-run';
import { fillProfile, NOW } from '../support/sidebar-workbook';
import { fillSheet, rowsByHeader, sampleContacts } from '../support/workbook';
import { decodeDraft } from '../../tools/gas-fake/gmail';
import type { ActionResult, BulkDraftSummary, SidebarModel } from '../../src/shared/rpc';

const overdue = { scope: 'overdue' as const, template: 'Mentor meeting request' };

function workbook(rows: unknown[][] = sampleContacts()): LoadedBundle {
  const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
  const sheet = app.fake.spreadsheet.insertSheet('Contacts');
  if (rows.length + 100 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 100 - sheet.getMaxRows());
  fillSheet(sheet, rows);
  app.call('setUpContactSheet');
  fillProfile(app.fake.spreadsheet);
  return app;
}

/** Calls a server function as the sidebar does: through the google.script.run stand-in, awaiting its result. */
function call<T>(app: LoadedBundle, name: string, ...args: unknown[]): Promise<T> {
  const { run } = scriptRunFor(app);
  return new Promise<T>((resolve, reject) => {
    (run as any).withSuccessHandler(resolve).withFailureHandler(reject)[name](...args);
  });
}

const contacts = (app: LoadedBundle) => app.fake.spreadsheet.getSheetByName('Contacts')!;
const rows = (app: LoadedBundle) => rowsByHeader(contacts(app));
const rowOf = (app: LoadedBundle, first: string) => rows(app).find((r) => r['First name'] === first)!;
const headerColumn = (app: LoadedBundle, header: string) => contacts(app).getRange(1, 1, 1, contacts(app).getLastColumn()).getValues()[0].indexOf(header) + 1;

/** Every draft, by the address it went to: nobody may have two. */
function draftsByAddress(app: LoadedBundle): Map<string, string[]> {
  const byAddress = new Map<string, string[]>();
  for (const draft of app.fake.drafts.drafts) {
    const to = decodeDraft(draft.mime).to;
    byAddress.set(to, [...(byAddress.get(to) ?? []), draft.id]);
  }
  return byAddress;
}

function expectEachMarkOnItsOwnPerson(app: LoadedBundle): void {
  const byId = new Map(app.fake.drafts.drafts.map((d) => [d.id, decodeDraft(d.mime).to]));
  for (const row of rows(app).filter((r) => r['Draft ID'])) {
    expect([row['First name'], byId.get(String(row['Draft ID']))]).toEqual([row['First name'], expect.stringContaining(String(row.Email))]);
  }
  for (const [address, ids] of draftsByAddress(app)) expect([address, ids.length]).toEqual([address, 1]);
}

/** A row a person typed under the last one: no Contact ID, overdue (met at a conference long ago). */
function typeRow(app: LoadedBundle, values: Record<string, string>): number {
  const sheet = contacts(app);
  const row = rows(app).filter((r) => r['First name'] || r.Email).length + 2;
  for (const [header, value] of Object.entries(values)) sheet.getRange(row, headerColumn(app, header)).setValue(value);
  return row;
}

test('1. a row typed by hand, then bulk drafting: it gets an id, only drafted people are marked, no phantom rows', async () => {
  const app = workbook();
  const row = typeRow(app, { 'First name': 'Nadia', 'Last name': 'Haddad', Email: 'nadia@example.org', Relationship: 'Career mentor', 'Last contact': '2026-01-05' });
  const summary = await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
  expect(summary.drafted.map((d) => d.name)).toContain('Nadia Haddad');
  const marked = rows(app).filter((r) => r['Draft ID']);
  expect(marked).toHaveLength(summary.drafted.length);
  expect(String(rowOf(app, 'Nadia')['Contact ID'])).toMatch(/^c-/);
  expectEachMarkOnItsOwnPerson(app);
  const model = await call<SidebarModel>(app, 'loadSidebar');
  expect(model.contactCount).toBe(9);
  expect(rows(app).slice(row - 1).every((r) => !r['Draft ID'] && !r['Contact ID'])).toBe(true);
});

test('2. the user\'s own Notes and To do columns are never written; an unreadable Last contact is reported, not overwritten', async () => {
  const [header, ...data] = sampleContacts();
  const withNotes = [[...header.filter((h) => h !== 'Last contact notes' && h !== 'Next step'), 'Notes', 'To do'], ...data.map((r) => [...r.filter((_, i) => header[i] !== 'Last contact notes' && header[i] !== 'Next step'), `Years of notes on ${r[0]}`, 'Call back'])];
  const app = workbook(withNotes);
  const maya = rowOf(app, 'Maya');
  expect(headerColumn(app, 'Last contact notes')).toBeGreaterThan(0);
  await call<ActionResult>(app, 'logContact', { contactId: maya['Contact ID'], date: '2026-11-21', channel: 'Email', summary: 'Sent my CV', nextStep: 'Follow up in January' });
  const after = rowOf(app, 'Maya');
  expect([after.Notes, after['To do'], after['Last contact notes'], after['Next step']]).toEqual(['Years of notes on Maya', 'Call back', 'Sent my CV', 'Follow up in January']);

  const sheet = contacts(app);
  const lastContact = headerColumn(app, 'Last contact');
  sheet.getRange(3, lastContact).setValue("'sometime in Dec");
  const daniel = rows(app)[1];
  const interactionsBefore = app.fake.spreadsheet.getSheetByName('Interactions')!.getLastRow();
  await expect(call(app, 'logContact', { contactId: daniel['Contact ID'], date: '2026-11-21', channel: 'Email', summary: 'Hello' })).rejects.toThrow(
    /Row 3, Last contact: not a date: "sometime in Dec".*does not overwrite.*Nothing was changed/,
  );
  expect(sheet.getRange(3, lastContact).getValue()).toBe('sometime in Dec');
  expect(app.fake.spreadsheet.getSheetByName('Interactions')!.getLastRow()).toBe(interactionsBefore);
});

describe('4. a Touchpoint column deleted or renamed stops the action before anything is written', () => {
  test('Draft ID deleted: bulk drafting names it and makes no draft', async () => {
    const app = workbook();
    contacts(app).deleteColumn(headerColumn(app, 'Draft ID'));
    await expect(call(app, 'runBulkDrafts', overdue)).rejects.toThrow(/no "Draft ID" column.*Set up contact sheet/);
    expect(app.fake.drafts.drafts).toHaveLength(0);
  });

  test('Snoozed until renamed: snooze names it and writes nothing', async () => {
    const app = workbook();
    contacts(app).getRange(1, headerColumn(app, 'Snoozed until')).setValue('Pause');
    const before = JSON.stringify(rows(app));
    await expect(call(app, 'snoozeContact', rowOf(app, 'Maya')['Contact ID'], 7)).rejects.toThrow(/no "Snoozed until" column/);
    expect(JSON.stringify(rows(app))).toBe(before);
  });

  test('Interactions Summary renamed: logging names it and changes neither sheet', async () => {
    const app = workbook();
    const log = app.fake.spreadsheet.getSheetByName('Interactions')!;
    log.getRange(1, 5).setValue('What happened');
    const before = JSON.stringify(rows(app));
    await expect(call(app, 'logContact', { contactId: rowOf(app, 'Maya')['Contact ID'], date: '2026-11-21', channel: 'Email', summary: 'Hi' })).rejects.toThrow(
      /Interactions sheet has no "Summary" column/,
    );
    expect(JSON.stringify(rows(app))).toBe(before);
    expect(log.getLastRow()).toBe(1);
  });
});

test('5. a column inserted during a bulk run: the marks land under their headers, and a re-run drafts nobody twice', async () => {
  const app = workbook();
  let creates = 0;
  app.fake.drafts.beforeCall = (method) => {
    if (method === 'create' && ++creates === 2) contacts(app).insertColumnsAfter(1, 2);
  };
  await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
  app.fake.drafts.beforeCall = null;
  expectEachMarkOnItsOwnPerson(app);
  const again = await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
  expect(again.drafted).toEqual([]);
  expectEachMarkOnItsOwnPerson(app);
});

test('6. a copied row gets its own id and loses the copied draft marks: both people drafted once, on their own rows', async () => {
  const app = workbook();
  await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
  const sheet = contacts(app);
  const source = rows(app).findIndex((r) => r['Draft ID']) + 2;
  const target = rows(app).filter((r) => r['First name']).length + 2;
  sheet.getRange(source, 1, 1, sheet.getLastColumn()).copyTo(sheet.getRange(target, 1));
  sheet.getRange(target, 1).setValue('Copy');
  sheet.getRange(target, headerColumn(app, 'Email')).setValue('copy.person@example.org');
  const original = rows(app)[source - 2];
  const model = await call<SidebarModel>(app, 'loadSidebar');
  expect(model.problems.join(' ')).not.toMatch(/share|same Contact ID/);
  const copy = rowOf(app, 'Copy');
  expect(copy['Contact ID']).not.toBe(original['Contact ID']);
  expect([copy['Draft ID'], copy['Draft created']]).toEqual(['', '']);
  expect(rows(app)[source - 2]['Draft ID']).toBe(original['Draft ID']);
  await call<ActionResult>(app, 'createDraft', { contactId: copy['Contact ID'], subject: 'Hello', body: 'Hello there' });
  expect(app.fake.drafts.drafts.find((d) => d.id === original['Draft ID'])).toBeDefined();
  expectEachMarkOnItsOwnPerson(app);
});

test('9. a checkbox column: unchecked boxes make no contacts, and Add contact lands below the last person', async () => {
  const [header, ...data] = sampleContacts();
  const app = workbook([[...header, 'Done'], ...data.map((r) => [...r, false])]);
  const sheet = contacts(app);
  const done = headerColumn(app, 'Done');
  sheet.getRange(2, done, sheet.getMaxRows() - 1, 1).insertCheckboxes();
  const model = await call<SidebarModel>(app, 'loadSidebar');
  expect(model.contactCount).toBe(8);
  const added = await call<ActionResult>(app, 'addContact', { firstName: 'Omar', lastName: 'Farouk', email: 'omar@example.org' });
  expect(added.message).toBe('Added Omar Farouk on row 10.');
  expect(rows(app).filter((r) => r['Contact ID'])).toHaveLength(9);
});

test('13. the write-back fails after Gmail made the drafts: the next run marks them and drafts nobody again', async () => {
  const app = workbook();
  const setValues = jest.spyOn(FakeRange.prototype, 'setValues').mockImplementationOnce(() => {
    throw new Error('Service Spreadsheets timed out while accessing document');
  });
  const first = await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
  setValues.mockRestore();
  expect(first.message).toMatch(/could not be marked on the sheet.*Touchpoint remembers them/);
  const made = app.fake.drafts.drafts.length;
  expect(made).toBeGreaterThan(0);
  expect(rows(app).filter((r) => r['Draft ID'])).toHaveLength(0);
  const second = await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
  expect(second.drafted).toEqual([]);
  expect(app.fake.drafts.drafts).toHaveLength(made);
  expect(rows(app).filter((r) => r['Draft ID'])).toHaveLength(made);
  expectEachMarkOnItsOwnPerson(app);
});

test('15. letter status with Interactions missing: an error naming it, and the status is not changed', async () => {
  const [header, ...data] = sampleContacts();
  const app = workbook([[...header, 'Letter for', 'Letter due'], [...data[0], 'Cardiology fellowship', '2027-01-10'], ...data.slice(1)]);
  app.fake.spreadsheet.deleteSheet(app.fake.spreadsheet.getSheetByName('Interactions')!);
  await expect(call(app, 'setLetterStatus', rowOf(app, 'Maya')['Contact ID'], 'Asked')).rejects.toThrow(/no Interactions sheet/);
  expect(rowOf(app, 'Maya')['Letter status']).toBe('');
});

describe('16. text stays as typed', () => {
  test('Add contact keeps "007" and "TRUE"; Summary and Next step keep "Mar 15", "1,000" and "50%"', async () => {
    const app = workbook();
    await call<ActionResult>(app, 'addContact', { firstName: '007', lastName: 'TRUE', institution: '50%' });
    expect([rowOf(app, '007')['Last name'], rowOf(app, '007').Institution]).toEqual(['TRUE', '50%']);
    const id = rowOf(app, 'Maya')['Contact ID'];
    await call<ActionResult>(app, 'logContact', { contactId: id, date: '2026-11-21', channel: 'Email', summary: 'Mar 15', nextStep: '1,000' });
    expect([rowOf(app, 'Maya')['Last contact notes'], rowOf(app, 'Maya')['Next step']]).toEqual(['Mar 15', '1,000']);
    const log = rowsByHeader(app.fake.spreadsheet.getSheetByName('Interactions')!);
    expect([log[0].Summary, log[0]['Next step']]).toEqual(['Mar 15', '1,000']);
  });

  test('a date typed into Next step reads as a date on the card, not as a JavaScript date string', async () => {
    const app = workbook();
    contacts(app).getRange(2, headerColumn(app, 'Next step')).setValue(new Date('2026-12-15T05:00:00Z'));
    const model = await call<SidebarModel>(app, 'loadSidebar');
    const maya = [...model.overdue, ...model.dueThisWeek, ...model.noContactYet].find((c) => c.name === 'Maya Okafor');
    expect(JSON.stringify(maya)).toContain('2026-12-15');
    expect(JSON.stringify(maya)).not.toContain('GMT');
  });

  test('the sidebar loads while another execution holds the lock, even with a row that has no id yet', async () => {
    const app = workbook();
    typeRow(app, { 'First name': 'Nadia', Email: 'nadia@example.org' });
    app.fake.locks.document.holdElsewhere();
    const model = await call<SidebarModel>(app, 'loadSidebar');
    expect(model.problems.join(' ')).toMatch(/busy with another change.*Reload the sidebar/);
    expect(model.contactCount).toBe(9);
  });
});

test('7. import keeps the user\'s own formula column in the rows it appends, and fills no formula cell that shows ""', async () => {
  const [header, ...data] = sampleContacts();
  const app = workbook([[...header, 'Mine'], ...data]);
  const sheet = contacts(app);
  const mine = headerColumn(app, 'Mine');
  const institution = headerColumn(app, 'Institution');
  for (let row = 2; row <= 20; row++) sheet.getRange(row, mine).setFormula(`=IF(A${row}="","",LEN(A${row}))`);
  sheet.getRange(2, institution).setFormula('=IF(TRUE,"","")');
  const csv = 'First name,Last name,Email,Institution\nNia,Hart,nia@example.org,Lakeview\nMaya,Okafor,maya.okafor@example.org,Somewhere else\n';
  const result = await call<{ added: number; filled: number }>(app, 'runImport', { text: csv, mapping: null, fillEmpty: true });
  expect(result).toMatchObject({ added: 1, filled: 0 });
  for (let row = 2; row <= 20; row++) expect(sheet.getRange(row, mine).getFormula()).toBe(`=IF(A${row}="","",LEN(A${row}))`);
  expect(sheet.getRange(2, institution).getFormula()).toBe('=IF(TRUE,"","")');
  expect(String(rowOf(app, 'Nia')['Contact ID'])).toMatch(/^c-/);
});

test('3 and 11. import by every script and by LinkedIn profile: no stranger\'s email lands on anyone', async () => {
  const app = workbook([...sampleContacts(), ['Li', 'Ming', '', '', 'Lakeview'], ['Иван', 'Петров', '', '', 'Lakeview']]);
  const csv = 'First name,Last name,Email,Institution\nИван,Петров,ivan.petrov@example.org,Lakeview\nΣοφία,Παππά,sofia@example.org,Lakeview\n';
  const result = await call<{ added: number; filled: number }>(app, 'runImport', { text: csv, mapping: null, fillEmpty: true });
  expect(result).toMatchObject({ added: 1, filled: 1 });
  expect(rowOf(app, 'Li').Email).toBe('');
  expect(rowOf(app, 'Иван').Email).toBe('ivan.petrov@example.org');
  expect(rowOf(app, 'Σοφία').Email).toBe('sofia@example.org');
});

test('16. "for selected rows": every range of a ctrl-click selection, and no row a filter or the user hid', async () => {
  const app = workbook();
  const sheet = contacts(app);
  const names = rows(app).map((r) => `${r['First name']} ${r['Last name']}`);
  sheet.hideRows(3);
  sheet._filterOut([4]);
  sheet.getRangeList(['A2:C6', 'A8:C8']).activate();
  const plan = await call<{ toDraft: { name: string }[]; skipped: { name: string }[] }>(app, 'planBulkDrafts', { scope: 'selected', template: 'Mentor meeting request' });
  const covered = [...plan.toDraft, ...plan.skipped].map((p) => p.name).sort();
  expect(covered).toEqual([names[0], names[3], names[4], names[6]].sort());
});

describe('10. the header row is found, not assumed', () => {
  test('a title row above the header: setup adds no duplicate column, formulas start below the header, actions land on their rows', async () => {
    const [header, ...data] = sampleContacts();
    const app = workbook([['My network, 2026'], header, ...data]);
    const sheet = contacts(app);
    const headers = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    expect(new Set(headers.filter(Boolean)).size).toBe(headers.filter(Boolean).length);
    expect(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].filter((v) => v !== '')).toEqual(['My network, 2026']);
    expect(sheet.getFrozenRows()).toBe(2);
    const status = headers.indexOf('Status') + 1;
    expect(sheet.getRange(2, status).getFormula()).toMatch(/^=\{"Status"; FOLLOW_UP_STATUS\([A-Z]+3:[A-Z]+, /);
    expect(sheet.getRange(3, status).getValue()).toBe('Overdue'); // Maya, as on a sheet without a title
    const model = await call<SidebarModel>(app, 'loadSidebar');
    expect(model.contactCount).toBe(8);
    const maya = [...model.overdue, ...model.dueThisWeek, ...model.noContactYet].find((c) => c.name === 'Maya Okafor')!;
    await call<ActionResult>(app, 'logContact', { contactId: maya.id, date: '2026-11-21', channel: 'Email', summary: 'Sent my CV' });
    expect(sheet.getRange(3, headers.indexOf('Last contact notes') + 1).getValue()).toBe('Sent my CV');
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    const ids = sheet.getRange(3, headers.indexOf('Draft ID') + 1, 8, 1).getValues().flat().filter(Boolean);
    expect(ids.sort()).toEqual(app.fake.drafts.drafts.map((d) => d.id).sort());
  });

  test('a header sorted into the data (row 1 unfrozen): setup refuses, naming the fix, and changes nothing', () => {
    const [header, ...data] = sampleContacts();
    const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
    const sheet = app.fake.spreadsheet.insertSheet('Contacts');
    fillSheet(sheet, [...data.slice(0, 4), header, ...data.slice(4)]);
    const before = JSON.stringify(sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getValues());
    app.call('setUpContactSheet');
    expect(app.fake.ui.alerts.map((a) => a.prompt).join(' ')).toMatch(/cannot find the header row.*undo the sort \(Ctrl\+Z\)/);
    expect(JSON.stringify(sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getValues())).toBe(before);
  });
});

describe('12. Settings moved', () => {
  test('a column inserted in Settings: the profile and cadences are still found, drafting works', async () => {
    const app = workbook();
    const settings = app.fake.spreadsheet.getSheetByName('Settings')!;
    settings.insertColumnsBefore(1, 1);
    const preview = await call<{ warnings: string[]; body: string }>(app, 'previewDraft', rowOf(app, 'Maya')['Contact ID'], null);
    expect(preview.warnings.join(' ')).not.toMatch(/My name/);
    expect(preview.body).toContain('Sam Lee');
    const model = await call<SidebarModel>(app, 'loadSidebar');
    expect(model.profileMissing).toBe(false);
  });

  test('Settings renamed, then setup (as the sidebar advises): no second Settings sheet, named ranges stay on it', () => {
    const app = workbook();
    app.fake.spreadsheet.getSheetByName('Settings')!.setName('My settings');
    app.call('setUpContactSheet');
    expect(app.fake.spreadsheet.getSheets().map((s) => s.getName()).filter((n) => /settings/i.test(n))).toEqual(['My settings']);
    expect(app.fake.spreadsheet.getRangeByName('TouchpointAsOf')!.getSheet().getName()).toBe('My settings');
  });
});

test('14. a field over 50,000 characters is rejected in the preview with its row; the rest import whole, with ids; a retry adds nobody', async () => {
  const app = workbook();
  const csv = `First name,Last name,Email,Interests\nAna,Long,ana@example.org,${'x'.repeat(50_001)}\nBen,Short,ben@example.org,Sepsis\nCy,Future,cy@example.org,\n`;
  const preview = await call<{ rejected: { fileRow: number; reason: string }[]; newNames: string[] }>(app, 'previewImport', { text: csv, mapping: null, fillEmpty: false });
  expect(preview.rejected).toEqual([{ fileRow: 2, name: 'Ana Long', reason: 'Interests: 50,001 characters, more than a Sheets cell holds (50,000)' }]);
  const result = await call<{ added: number; rejected: number }>(app, 'runImport', { text: csv, mapping: null, fillEmpty: false });
  expect(result).toMatchObject({ added: 2, rejected: 1 });
  expect([rowOf(app, 'Ben')['Contact ID'], rowOf(app, 'Cy')['Contact ID']].every((id) => /^c-/.test(String(id)))).toBe(true);
  const again = await call<{ added: number }>(app, 'runImport', { text: csv, mapping: null, fillEmpty: false });
  expect(again.added).toBe(0);
});

describe('the audit\'s ways round the ids', () => {
  test('a copy above its original, given another email, then a sort: nobody is drafted twice, and the copy is a new person', async () => {
    const app = workbook();
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    const sheet = contacts(app);
    const drafted = rows(app).findIndex((r) => r['Draft ID']) + 2;
    const last = rows(app).filter((r) => r['First name']).length + 2;
    sheet.getRange(drafted, 1, 1, sheet.getLastColumn()).copyTo(sheet.getRange(last, 1));
    sheet.getRange(last, 1).setValue('Aaron');
    sheet.getRange(last, headerColumn(app, 'Email')).setValue('aaron@example.org');
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, sheet.getMaxColumns()).sort(1); // Aaron now sits above the original
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    expectEachMarkOnItsOwnPerson(app);
  });

  test('a copy pasted above the original: the original\'s open card refuses to act on the copy', async () => {
    const app = workbook();
    const model = await call<SidebarModel>(app, 'loadSidebar');
    const maya = model.overdue.find((c) => c.name === 'Maya Okafor')!;
    const sheet = contacts(app);
    sheet.insertRowsAfter(1, 1);
    sheet.getRange(3, 1, 1, sheet.getLastColumn()).copyTo(sheet.getRange(2, 1));
    sheet.getRange(2, 1, 1, 3).setValues([['Ben', 'New', 'ben@example.org']]);
    const before = JSON.stringify(rows(app));
    await expect(call(app, 'logContact', { contactId: maya.id, date: '2026-11-21', channel: 'Call', summary: 'Talked' })).rejects.toThrow(
      /Row 2 now holds Ben New \(ben@example.org\), not the person on this card.*Reload the sidebar/,
    );
    expect(rows(app).map((r) => r['Last contact notes'])).toEqual(JSON.parse(before).map((r: Record<string, unknown>) => r['Last contact notes']));
  });

  test('two rows with the same email (a copy, or typed twice): one draft for that address', async () => {
    const app = workbook();
    const sheet = contacts(app);
    const last = rows(app).filter((r) => r['First name']).length + 2;
    sheet.getRange(2, 1, 1, sheet.getLastColumn()).copyTo(sheet.getRange(last, 1)); // an unchanged copy
    sheet.getRange(2, 1, 1, sheet.getLastColumn()).copyTo(sheet.getRange(last + 1, 1));
    sheet.getRange(last + 1, 1, 1, 3).setValues([['Maya', 'O.', ' MAYA.OKAFOR@example.org ']]); // typed again, another way
    const summary = await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    expect(summary.skipped.filter((s) => /the same email as Maya Okafor \(row 2\)/.test(s.reason))).toHaveLength(2);
    expectEachMarkOnItsOwnPerson(app);
  });

  test('sorting only some columns parts rows from their marks: the marks no longer count, and nobody gets a second draft', async () => {
    const app = workbook();
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    const drafted = new Set(app.fake.drafts.drafts.map((d) => decodeDraft(d.mime).to));
    contacts(app).getRange(2, 1, 8, 10).sort({ column: 1, ascending: false }); // Data ▸ Sort range over the first 10 columns only
    const plan = await call<{ toDraft: { id: string }[] }>(app, 'planBulkDrafts', overdue);
    const planned = plan.toDraft.map((p) => String(rows(app).find((r) => r['Contact ID'] === p.id)!.Email));
    expect(planned.filter((email) => [...drafted].some((to) => to.includes(email)))).toEqual([]);
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    const addresses = app.fake.drafts.drafts.map((d) => decodeDraft(d.mime).to);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  test('marks that failed to land, then Create draft (replace) in the sidebar: the same draft is updated, and the old mark never comes back', async () => {
    const app = workbook();
    const setValues = jest.spyOn(FakeRange.prototype, 'setValues').mockImplementationOnce(() => {
      throw new Error('Service Spreadsheets timed out while accessing document');
    });
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    setValues.mockRestore();
    const model = await call<SidebarModel>(app, 'loadSidebar');
    const maya = model.overdue.find((c) => c.name === 'Maya Okafor')!;
    expect(maya.draft).not.toBeNull(); // the recorded draft shows although the row has no mark
    const made = app.fake.drafts.drafts.length;
    await call<ActionResult>(app, 'createDraft', { contactId: maya.id, subject: 'Hello', body: 'Hello again', whenOpen: 'replace' });
    expect(app.fake.drafts.drafts).toHaveLength(made); // updated, not a second one
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    expect(app.fake.drafts.drafts).toHaveLength(made);
    expectEachMarkOnItsOwnPerson(app);
  });

  test('bulk write-back leaves every other row\'s draft cells exactly as they were (formulas, date-times)', async () => {
    const app = workbook();
    const sheet = contacts(app);
    const draftId = headerColumn(app, 'Draft ID');
    const created = headerColumn(app, 'Draft created');
    sheet.getRange(5, draftId).setFormula('=HYPERLINK("https://mail.google.com","mine")');
    const stamp = new Date('2026-11-01T14:30:00Z');
    sheet.getRange(4, created).setValue(stamp);
    sheet.getRangeList(['A2']).activate();
    await call<BulkDraftSummary>(app, 'runBulkDrafts', { scope: 'selected', template: 'Mentor meeting request' });
    expect(sheet.getRange(5, draftId).getFormula()).toBe('=HYPERLINK("https://mail.google.com","mine")');
    expect((sheet.getRange(4, created).getValue() as Date).toISOString()).toBe(stamp.toISOString());
    expect(sheet.getRange(2, draftId).getValue()).toBe(app.fake.drafts.drafts[0].id);
  });

  test('a column of the user\'s called "ID" is never taken for the Contact ID', () => {
    const [header, ...data] = sampleContacts();
    const app = workbook([[...header, 'ID'], ...data.map((r, i) => [...r, i === 2 ? '1002' : String(1000 + i)])]);
    expect(rows(app).map((r) => r.ID)).toEqual(data.map((_, i) => (i === 2 ? 1002 : 1000 + i)));
    expect(headerColumn(app, 'Contact ID')).toBeGreaterThan(0);
  });

  test('a title row above the Interactions header: logging finds the header and appends below it', async () => {
    const app = workbook();
    const log = app.fake.spreadsheet.getSheetByName('Interactions')!;
    log.insertRowsBefore(1, 1);
    log.getRange(1, 1).setValue('My log');
    await call<ActionResult>(app, 'logContact', { contactId: rowOf(app, 'Maya')['Contact ID'], date: '2026-11-21', channel: 'Email', summary: 'Sent my CV' });
    expect(log.getRange(log.getLastRow(), 5).getValue()).toBe('Sent my CV');
  });

  test('"Fill empty cells" never writes into a column holding the user\'s ARRAYFORMULA, even where it shows nothing', async () => {
    const app = workbook();
    const sheet = contacts(app);
    const specialty = headerColumn(app, 'Specialty');
    const institution = headerColumn(app, 'Institution');
    sheet.getRange(5, institution).setValue('');
    sheet.getRange(2, specialty, 8, 1).setValues(Array.from({ length: 8 }, () => ['']));
    sheet.getRange(2, specialty).setFormula(`=ARRAYFORMULA(${String.fromCharCode(64 + institution)}2:${String.fromCharCode(64 + institution)}9)`);
    const person = rows(app)[3];
    const csv = `First name,Last name,Email,Specialty\n${person['First name']},${person['Last name']},${person.Email},Cardiology\n`;
    const result = await call<{ filled: number }>(app, 'runImport', { text: csv, mapping: null, fillEmpty: true });
    expect(result.filled).toBe(0);
    expect(sheet.getRange(2, specialty).getFormula()).toMatch(/^=ARRAYFORMULA\(/);
    expect(sheet.getRange(5, specialty).getFormula()).toBe('');
  });
});

describe('the second audit', () => {
  test('sidebar actions never overwrite the user\'s formulas, in the cell or spilling from above', async () => {
    const app = workbook();
    const sheet = contacts(app);
    const last = headerColumn(app, 'Last contact');
    const status = headerColumn(app, 'Letter status');
    sheet.getRange(2, last).setFormula('=DATE(2026,6,1)');
    sheet.getRange(3, status).setFormula('=IF(TRUE,"To ask","")');
    const before = JSON.stringify(sheet.getRange(1, 1, 10, sheet.getLastColumn()).getFormulas());
    await expect(call(app, 'logContact', { contactId: rowOf(app, 'Maya')['Contact ID'], date: '2026-11-21', channel: 'Email', summary: 'Hi' })).rejects.toThrow(
      /Row 2, Last contact is computed by your formula =DATE\(2026,6,1\): Touchpoint does not overwrite formulas/,
    );
    await expect(call(app, 'setLetterStatus', rows(app)[1]['Contact ID'], 'Asked')).rejects.toThrow(/Row 3, Letter status is computed by your formula/);
    const notes = headerColumn(app, 'Last contact notes');
    const letter = (n: number) => String.fromCharCode(64 + n);
    sheet.getRange(2, notes).setFormula(`=ARRAYFORMULA(${letter(notes - 1)}2:${letter(notes - 1)}9)`);
    await expect(call(app, 'logContact', { contactId: rows(app)[4]['Contact ID'], date: '2026-11-21', channel: 'Email', summary: 'Hi' })).rejects.toThrow(/Row 6, Last contact notes is computed by your formula =ARRAYFORMULA/);
    expect(JSON.stringify(sheet.getRange(1, 1, 10, sheet.getLastColumn()).getFormulas().map((r, i) => (i === 1 ? r.map((f, c) => (c === notes - 1 ? '' : f)) : r)))).toBe(before);
  });

  test('a copy with the same email and another name: the original\'s card refuses to act on it', async () => {
    const app = workbook();
    const model = await call<SidebarModel>(app, 'loadSidebar');
    const maya = model.overdue.find((c) => c.name === 'Maya Okafor')!;
    const sheet = contacts(app);
    sheet.insertRowsBefore(2, 1);
    sheet.getRange(3, 1, 1, sheet.getLastColumn()).copyTo(sheet.getRange(2, 1));
    sheet.getRange(2, 1, 1, 2).setValues([['Aaron', 'Abbott']]);
    await expect(call(app, 'snoozeContact', maya.id, 7)).rejects.toThrow(/Row 2 now holds Aaron Abbott/);
  });

  test('recording a draft fails after Gmail made it: the row is still marked, and nobody is drafted twice', async () => {
    const app = workbook();
    const store = app.fake.properties.document;
    const original = store.setProperty.bind(store);
    let calls = 0;
    store.setProperty = (key: string, value: unknown) => {
      if (key.startsWith('touchpoint.draft.') && ++calls === 2) throw new Error('Service error: Properties');
      return original(key, value);
    };
    const first = await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    store.setProperty = original;
    expect(first.message).toMatch(/could not record the draft to .*stopped there; the drafts made are marked on the sheet/);
    expect(rows(app).filter((r) => r['Draft ID'])).toHaveLength(app.fake.drafts.drafts.length);
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    expectEachMarkOnItsOwnPerson(app);
  });

  test('a draft left unsent after a newer contact still counts: no second open draft to that address', async () => {
    const app = workbook();
    await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    const maya = rowOf(app, 'Maya');
    await call(app, 'logContact', { contactId: maya['Contact ID'], date: '2026-11-22', channel: 'Call', summary: 'Quick call' });
    app.fake.clock.set(new Date('2027-03-15T15:00:00Z'));
    const plan = await call<{ skipped: { name: string; reason: string }[] }>(app, 'planBulkDrafts', overdue);
    expect(plan.skipped.find((s) => s.name === 'Maya Okafor')!.reason).toMatch(/still open in Gmail/);
  });

  test('import: appended rows keep the user\'s filled-down formulas; the same email under another name is rejected, not filled', async () => {
    const app = workbook();
    const sheet = contacts(app);
    const specialty = headerColumn(app, 'Specialty');
    for (let row = 2; row <= 20; row++) sheet.getRange(row, specialty).setFormula(`=IF(A${row}="","",CONCATENATE("Spec-",A${row}))`);
    const csv = 'First name,Last name,Email\nNia,Hart,nia@example.org\nPat,Chu,maya.okafor@example.org\n';
    const preview = await call<{ rejected: { name: string; reason: string }[] }>(app, 'previewImport', { text: csv, mapping: null, fillEmpty: true });
    expect(preview.rejected).toEqual([{ fileRow: 3, name: 'Pat Chu', reason: 'has the email of Maya Okafor (row 2), another name: check the email' }]);
    await call(app, 'runImport', { text: csv, mapping: null, fillEmpty: true });
    expect(sheet.getRange(10, specialty).getFormula()).toBe('=IF(A10="","",CONCATENATE("Spec-",A10))');
    expect(rowOf(app, 'Nia').Specialty).toBe('Spec-Nia');
  });

  test('a Draft created cell Touchpoint cannot read is skipped by bulk drafting, never overwritten', async () => {
    const app = workbook();
    const created = headerColumn(app, 'Draft created');
    contacts(app).getRange(2, created).setValue("'sent by hand, see Gmail");
    const summary = await call<BulkDraftSummary>(app, 'runBulkDrafts', overdue);
    expect(summary.skipped.find((s) => s.name === 'Maya Okafor')!.reason).toMatch(/Draft created cell holds something Touchpoint cannot read/);
    expect(contacts(app).getRange(2, created).getValue()).toBe('sent by hand, see Gmail');
  });

  test('a sheet of the user\'s called "Log" with ID and Notes columns is not taken for Interactions', () => {
    const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
    fillSheet(app.fake.spreadsheet.insertSheet('Contacts'), sampleContacts());
    const log = app.fake.spreadsheet.insertSheet('Log');
    fillSheet(log, [['ID', 'Date', 'Person', 'Notes'], [1, '2026-01-01', 'Me', 'mine']]);
    app.call('setUpContactSheet');
    expect(app.fake.spreadsheet.getSheetByName('Interactions')).not.toBeNull();
    expect(log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0]).toEqual(['ID', 'Date', 'Person', 'Notes']);
  });
});
