/**
 * The general rule behind the trust tests: whatever a person does to the sheet between loading the sidebar and
 * acting, or while a bulk run is under way (sorts, inserted rows and columns, copied rows), every mark lands on
 * its own person and nobody gets a second draft. Random sequences, through the built bundle.
 */
import fc from 'fast-check';
import { loadBundle, LoadedBundle } from '../../tools/gas-fake/bundle';
import { decodeDraft } from '../../tools/gas-fake/gmail';
import { fillProfile, NOW } from '../support/sidebar-workbook';
import { fillSheet, rowsByHeader, sampleContacts } from '../support/workbook';

type Edit = { kind: 'sort'; column: number; ascending: boolean } | { kind: 'insertRows'; after: number; count: number } | { kind: 'insertColumn'; after: number } | { kind: 'copy'; row: number; n: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('sort' as const), column: fc.integer({ min: 1, max: 14 }), ascending: fc.boolean() }),
  fc.record({ kind: fc.constant('insertRows' as const), after: fc.integer({ min: 1, max: 9 }), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('insertColumn' as const), after: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('copy' as const), row: fc.integer({ min: 2, max: 9 }), n: fc.integer({ min: 0, max: 999 }) }),
);

function workbook(): LoadedBundle {
  const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
  const sheet = app.fake.spreadsheet.insertSheet('Contacts');
  fillSheet(sheet, sampleContacts());
  app.call('setUpContactSheet');
  fillProfile(app.fake.spreadsheet);
  return app;
}

function apply(app: LoadedBundle, change: Edit): void {
  const sheet = app.fake.spreadsheet.getSheetByName('Contacts')!;
  const headers = () => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  if (change.kind === 'sort') sheet.getRange(2, 1, sheet.getMaxRows() - 1, sheet.getMaxColumns()).sort({ column: Math.min(change.column, sheet.getMaxColumns()), ascending: change.ascending });
  if (change.kind === 'insertRows') sheet.insertRowsAfter(change.after, change.count);
  if (change.kind === 'insertColumn') sheet.insertColumnsAfter(Math.min(change.after, sheet.getMaxColumns()), 1);
  if (change.kind === 'copy') {
    const names = sheet.getRange(1, 1, sheet.getMaxRows(), 3).getValues();
    const last = names.map((r) => r.some((v) => v !== '')).lastIndexOf(true) + 1; // getLastRow counts the formulas' spill
    const source = Math.min(change.row, last);
    if (!sheet.getRange(source, 1, 1, sheet.getLastColumn()).getValues()[0].some((v) => v !== '' && v !== false)) return;
    sheet.getRange(source, 1, 1, sheet.getLastColumn()).copyTo(sheet.getRange(last + 1, 1));
    sheet.getRange(last + 1, headers().indexOf('Email') + 1).setValue(`copy${change.n}.${last}@example.org`);
  }
}

function checkMarks(app: LoadedBundle): void {
  const byId = new Map(app.fake.drafts.drafts.map((d) => [d.id, decodeDraft(d.mime).to]));
  const addresses = app.fake.drafts.drafts.map((d) => decodeDraft(d.mime).to);
  expect(new Set(addresses).size).toBe(addresses.length);
  const sheet = app.fake.spreadsheet.getSheetByName('Contacts')!;
  for (const row of rowsByHeader(sheet).filter((r) => r['Draft ID'])) {
    expect(byId.get(String(row['Draft ID']))).toContain(String(row.Email));
  }
}

test('any sorts, inserts and copies before and during bulk drafting keep every mark on its own person, one draft each', () => {
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 4 }), fc.array(edit, { maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (before, during, at) => {
      const app = workbook();
      app.call('loadSidebar');
      before.forEach((change) => apply(app, change));
      let creates = 0;
      app.fake.drafts.beforeCall = (method) => {
        if (method === 'create' && ++creates === at) during.forEach((change) => apply(app, change));
      };
      app.call('runBulkDrafts', { scope: 'overdue', template: 'Mentor meeting request' });
      app.fake.drafts.beforeCall = null;
      checkMarks(app);
      app.call('runBulkDrafts', { scope: 'overdue', template: 'Mentor meeting request' });
      checkMarks(app);
    }),
    { numRuns: 25 },
  );
});
