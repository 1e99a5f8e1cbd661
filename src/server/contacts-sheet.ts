import { Contact, readContacts, rowHasData, RowProblem } from '../core/contacts';
import { fillMissingIds } from '../core/ids';
import { CONTACTS, mapHeaders } from '../core/schema';
import { findSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class SetupNeededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupNeededError';
  }
}

/** The Contacts sheet read once: everything an action needs to decide, with no further reads. */
export interface ContactsSnapshot {
  sheet: Sheet;
  headers: string[];
  columns: Map<string, number>;
  /** Data rows from sheet row 2, as getValues returned them. */
  rows: unknown[][];
  contacts: Contact[];
  problems: RowProblem[];
  /** The last row holding anything the user typed (array formulas spill further; that is not data). */
  lastDataRow: number;
  timeZone: string;
}

const REQUIRED = ['id', 'firstName', 'lastName', 'email', 'relationship', 'lastContact'] as const;

export function readContactsSheet(spreadsheet: Spreadsheet, timeZone: string): ContactsSnapshot {
  const sheet = findSheet(spreadsheet, CONTACTS);
  if (!sheet) throw new SetupNeededError('There is no Contacts sheet yet. Choose Touchpoint ▸ Set up contact sheet first.');
  const [headerRow = [], ...rows] = sheet.getDataRange().getValues();
  const headers = headerRow.map((h) => String(h));
  const { index: columns } = mapHeaders(headers, CONTACTS);
  const missing = REQUIRED.filter((key) => !columns.has(key)).map((key) => CONTACTS.columns.find((c) => c.key === key)!.header);
  if (missing.length) {
    throw new SetupNeededError(
      `The Contacts sheet has no ${missing.join(', ')} column (renamed or deleted?). ` +
        'Rename it back, or choose Touchpoint ▸ Set up contact sheet to add it again.',
    );
  }
  let lastDataRow = 1;
  rows.forEach((row, index) => {
    if (rowHasData(row, columns)) lastDataRow = index + 2;
  });
  const { contacts, problems } = readContacts(rows, headers, columns, timeZone);
  return { sheet, headers, columns: new Map(columns), rows, contacts, problems, lastDataRow, timeZone };
}

/** Gives rows with data but no Contact ID an id, in one write of the id column; updates the snapshot. */
export function fillContactIds(snapshot: ContactsSnapshot): { added: number; duplicates: number[] } {
  const idColumn = snapshot.columns.get('id')!;
  const rows = snapshot.rows.slice(0, snapshot.lastDataRow - 1);
  const computed = new Set(CONTACTS.columns.filter((c) => c.kind === 'computed' || c.kind === 'id').map((c) => snapshot.columns.get(c.key)));
  const dataColumns = snapshot.headers.map((_, i) => i).filter((i) => !computed.has(i));
  const fill = fillMissingIds(rows, idColumn, dataColumns);
  if (fill.added) {
    snapshot.sheet.getRange(2, idColumn + 1, rows.length, 1).setValues(fill.column);
    fill.column.forEach(([id], index) => (snapshot.rows[index][idColumn] = id));
    for (const contact of snapshot.contacts) contact.id = String(snapshot.rows[contact.row - 2][idColumn]);
  }
  return { added: fill.added, duplicates: fill.duplicates.map((offset) => offset + 1) };
}

/** Groups column updates into runs of adjacent columns: one setValues per run. */
export function contiguousRuns(updates: ReadonlyMap<number, unknown>): { start: number; values: unknown[] }[] {
  const columns = [...updates.keys()].sort((a, b) => a - b);
  const runs: { start: number; values: unknown[] }[] = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.values.length === column) last.values.push(updates.get(column));
    else runs.push({ start: column, values: [updates.get(column)] });
  }
  return runs;
}

/** Writes some cells of one row (0-based column → value), never touching the cells between runs. */
export function writeRowCells(sheet: Sheet, row: number, updates: ReadonlyMap<number, unknown>): void {
  for (const run of contiguousRuns(updates)) sheet.getRange(row, run.start + 1, 1, run.values.length).setValues([run.values]);
}

/** Cell updates for named columns of the Contacts sheet (keys the sheet lacks are ignored). */
export function cellsFor(snapshot: ContactsSnapshot, values: Record<string, unknown>): Map<number, unknown> {
  const updates = new Map<number, unknown>();
  for (const [key, value] of Object.entries(values)) {
    const column = snapshot.columns.get(key);
    if (column !== undefined) updates.set(column, value);
  }
  return updates;
}

/** Appends a contact after the last row with data (not after the formulas' spill), growing the sheet if needed. */
export function appendContactRow(snapshot: ContactsSnapshot, values: Record<string, unknown>): number {
  const row = snapshot.lastDataRow + 1;
  const maxRows = snapshot.sheet.getMaxRows();
  if (row > maxRows) snapshot.sheet.insertRowsAfter(maxRows, 1);
  writeRowCells(snapshot.sheet, row, cellsFor(snapshot, values));
  return row;
}
