import { asStoredText, Contact, ContactPatch, InteractionLine, isContactRow, readContacts } from '../core/contacts';
import { dayAsCellInput, Day } from '../core/dates';
import { repairIds } from '../core/ids';
import { InputError } from '../core/inputs';
import { ColumnSpec, COMPUTED_COLUMNS, CONTACTS, INTERACTIONS, TableSpec } from '../core/schema';
import { isBlank } from '../core/values';
import type { ContactsSnapshot } from './contacts-sheet';
import { findSheet, readHeaderNames, SetupNeededError } from './workbook';

/**
 * The one writer of Touchpoint's rows: nothing else writes a contact's cells (setup writes only the header row).
 * A change names fields by their key
 * (`lastContact`, `draftId`…), is mapped to columns by header and checked when it is made (a missing column, a
 * cell holding the user's formula or a value Touchpoint could not read stops it), and is written only on commit,
 * in one setValues per run of adjacent columns, with the in-memory snapshot and contacts patched in the same step.
 * An action makes all its changes first and commits them together, so nothing is half-written.
 */
type FieldValue = unknown;
type ContactField = keyof ContactPatch;

export interface PendingWrite {
  commit(): void;
}

export function commitAll(...writes: PendingWrite[]): void {
  for (const write of writes) write.commit();
}

function specOf(table: TableSpec, key: string): ColumnSpec {
  const spec = table.columns.find((c) => c.key === key);
  if (!spec) throw new Error(`${table.sheetName} has no column ${key}`);
  return spec;
}

/** The cell a value becomes: days as ISO text (read by Sheets as a date), numbers as numbers, text escaped. */
function cellOf(spec: ColumnSpec, value: FieldValue | undefined): unknown {
  if (value === null || value === undefined || value === '') return '';
  if (spec.kind === 'date') return dayAsCellInput(value as Day);
  if (spec.kind === 'days') return Number(value);
  return asStoredText(String(value));
}

/** How the same value reads back from getValues, for the in-memory row. */
function readBackOf(spec: ColumnSpec, value: FieldValue | undefined): unknown {
  if (value === null || value === undefined || value === '') return '';
  if (spec.kind === 'date') return dayAsCellInput(value as Day);
  if (spec.kind === 'days') return Number(value);
  return String(value);
}

/** A cell as it must be written back to stay exactly what it was: its formula, its Date, its text as text. */
function asWrittenBack(value: unknown, formula: string | undefined): unknown {
  if (formula) return formula;
  return typeof value === 'string' ? asStoredText(value) : value ?? '';
}

function missingColumnError(sheetName: string, headers: readonly string[]): SetupNeededError {
  const names = headers.map((h) => `"${h}"`).join(', ');
  return new SetupNeededError(
    `The ${sheetName} sheet has no ${names} column (renamed or deleted?). Rename it back, or choose ` +
      `Touchpoint ▸ Set up contact sheet to add it again. Nothing was changed.`,
  );
}

/** Column of each key, or a SetupNeededError naming every missing header. */
function columnsOf(table: TableSpec, sheetName: () => string, index: ReadonlyMap<string, number>, keys: readonly string[]): Map<string, number> {
  const missing = keys.filter((key) => !index.has(key)).map((key) => specOf(table, key).header);
  if (missing.length) throw missingColumnError(sheetName(), missing);
  return new Map(keys.map((key) => [key, index.get(key)!]));
}

/** The columns an action writes, found by header now, or a SetupNeededError naming each one missing. */
export function requireColumns(snapshot: ContactsSnapshot, keys: readonly string[]): Map<string, number> {
  return columnsOf(CONTACTS, () => snapshot.sheet.getName(), snapshot.columns, keys);
}

/** Formulas whose result spills down a column: writing into their area breaks them (#REF!). */
const SPILLING = /^=\s*(\{|(ARRAYFORMULA|FILTER|SORT|SORTN|UNIQUE|QUERY|SEQUENCE|IMPORTRANGE|MAP|BYROW|SPLIT|FLATTEN|TRANSPOSE)\s*\()/i;

/**
 * The user's formula that owns a cell: the cell's own, or a spilling formula above it in the same column (in the
 * header row or a data row). Touchpoint's own computed columns are never written, so any formula here is the user's.
 */
function formulaGuarding(snapshot: ContactsSnapshot, row: number, column: number, ownCounts = true): string | null {
  const own = snapshot.formulas[row - snapshot.firstRow]?.[column];
  if (own && ownCounts) return own;
  const spill = spillOf(snapshot, column);
  return spill && spill.row < row ? spill.formula : null;
}

/** Each column's first spilling formula (header row or data), found once per snapshot: guarding stays linear. */
const spills = new WeakMap<ContactsSnapshot, Map<number, { row: number; formula: string } | null>>();

function spillOf(snapshot: ContactsSnapshot, column: number): { row: number; formula: string } | null {
  let byColumn = spills.get(snapshot);
  if (!byColumn) spills.set(snapshot, (byColumn = new Map()));
  if (!byColumn.has(column)) {
    const header = snapshot.headerFormulas[column];
    let found: { row: number; formula: string } | null = header && SPILLING.test(header) ? { row: snapshot.headerRow, formula: header } : null;
    for (let index = 0; !found && index < snapshot.formulas.length; index++) {
      const formula = snapshot.formulas[index]?.[column];
      if (formula && SPILLING.test(formula)) found = { row: index + snapshot.firstRow, formula };
    }
    byColumn.set(column, found);
  }
  return byColumn.get(column)!;
}

/**
 * Why a cell of an existing row must not be written, or null: the user's formula owns it, or it holds a value
 * Touchpoint could not read (overwriting it would lose what the user typed).
 */
function refusalOf(snapshot: ContactsSnapshot, row: number, column: number): string | null {
  const formula = formulaGuarding(snapshot, row, column);
  if (formula) {
    return `Row ${row}, ${snapshot.headers[column]} is computed by your formula ${formula.length > 60 ? `${formula.slice(0, 57)}…` : formula}: ` +
      'Touchpoint does not overwrite formulas. Replace it with a value, or change that cell yourself.';
  }
  const header = snapshot.headers[column];
  const unreadable = snapshot.problems.find((p) => p.row === row && p.column === header);
  if (unreadable) return `Row ${row}, ${header}: ${unreadable.message}. Touchpoint does not overwrite a value it cannot read: correct or clear that cell, then try again.`;
  return null;
}

/** Why these fields of a contact's row cannot be written now (the first cell that refuses), or null. */
export function writeRefusal(snapshot: ContactsSnapshot, contact: Contact, keys: readonly string[]): string | null {
  for (const key of keys) {
    const column = snapshot.columns.get(key);
    const refusal = column === undefined ? null : refusalOf(snapshot, contact.row, column);
    if (refusal) return refusal;
  }
  return null;
}

/** Sheet row → column → the cell to write. */
type Cells = Map<number, Map<number, unknown>>;

/**
 * Writes cells in one setValues per run of adjacent columns over the rows they span (the changed columns, and
 * any others named). Cells there that are not being changed are written back as they were; below the data they
 * stay empty or keep a formula the user filled down.
 */
function writeCells(snapshot: ContactsSnapshot, cells: Cells, alsoColumns: readonly number[] = []): void {
  if (!cells.size) return;
  const rows = [...cells.keys()];
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  if (bottom > snapshot.lastDataRow) {
    const maxRows = snapshot.sheet.getMaxRows();
    if (bottom > maxRows) snapshot.sheet.insertRowsAfter(maxRows, bottom - maxRows);
  }
  const columns = new Set([...alsoColumns, ...[...cells.values()].flatMap((row) => [...row.keys()])]);
  for (const { start, width } of columnRuns(columns)) {
    const block: unknown[][] = [];
    for (let row = top; row <= bottom; row++) {
      const index = row - snapshot.firstRow;
      const line: unknown[] = [];
      for (let column = start; column < start + width; column++) {
        const change = cells.get(row);
        if (change?.has(column)) line.push(change.get(column));
        else if (row > snapshot.lastDataRow) line.push(snapshot.formulas[index]?.[column] || '');
        else line.push(asWrittenBack(snapshot.rows[index]?.[column], snapshot.formulas[index]?.[column]));
      }
      block.push(line);
    }
    snapshot.sheet.getRange(top, start + 1, block.length, width).setValues(block);
  }
}

/** Adjacent columns grouped: one range each. */
function columnRuns(columns: ReadonlySet<number>): { start: number; width: number }[] {
  const runs: { start: number; width: number }[] = [];
  for (const column of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.width === column) last.width++;
    else runs.push({ start: column, width: 1 });
  }
  return runs;
}

function setInMemory(snapshot: ContactsSnapshot, row: number, column: number, value: unknown): void {
  const index = row - snapshot.firstRow;
  snapshot.rows[index] ??= snapshot.headers.map(() => '');
  snapshot.rows[index][column] = value;
}

/** True when the row already holds the value (as read): a blank cleared, the same day or text written again. */
function alreadyHolds(contact: Contact, key: string, value: FieldValue | undefined): boolean {
  if (contact.unreadable.includes(key)) return false; // a value Touchpoint could not read is never taken as equal
  const current = (contact as unknown as Record<string, unknown>)[key];
  if (isEmpty(current as FieldValue) && isEmpty(value)) return true;
  return typeof current === typeof value && current === value;
}

/** Changes to several contacts' cells, checked now and written on commit in one block per run of columns. */
export function updateContacts(snapshot: ContactsSnapshot, changes: readonly { contact: Contact; patch: ContactPatch }[]): PendingWrite {
  const keys = [...new Set(changes.flatMap(({ patch }) => Object.keys(patch)))];
  const columns = requireColumns(snapshot, keys);
  const cells: Cells = new Map();
  for (const { contact, patch } of changes) {
    const row = cells.get(contact.row) ?? new Map<number, unknown>();
    for (const [key, value] of Object.entries(patch)) {
      if (alreadyHolds(contact, key, value)) continue; // nothing to write, so nothing to refuse
      const column = columns.get(key)!;
      const refusal = refusalOf(snapshot, contact.row, column);
      if (refusal) throw new InputError(`${refusal} Nothing was changed.`);
      row.set(column, cellOf(specOf(CONTACTS, key), value));
    }
    if (row.size) cells.set(contact.row, row);
  }
  return {
    commit() {
      writeCells(snapshot, cells);
      for (const { contact, patch } of changes) {
        for (const [key, value] of Object.entries(patch)) setInMemory(snapshot, contact.row, columns.get(key)!, readBackOf(specOf(CONTACTS, key), value));
        Object.assign(contact, patch);
      }
    },
  };
}

/** A change to one contact's cells, checked now and written on commit; the in-memory contact follows. */
export function updateContact(snapshot: ContactsSnapshot, contact: Contact, patch: ContactPatch): PendingWrite {
  return updateContacts(snapshot, [{ contact, patch }]);
}

/**
 * New contacts after the last row with data, in Touchpoint's own columns only: never the computed ones, whose
 * formulas spill there, nor the user's own columns. A formula filled down below the data is a template for new
 * rows: a new contact's value replaces it on its own row, and it keeps its place where the contact has nothing.
 * A column the sheet lacks stops the append, or (an import, whose preview said so) is left out.
 */
export function appendContacts(snapshot: ContactsSnapshot, rows: readonly ContactPatch[], missingColumns: 'refuse' | 'leave out' = 'refuse'): PendingWrite & { rows: number[] } {
  const filled = [...new Set(rows.flatMap((fields) => Object.keys(fields).filter((key) => !isEmpty(fields[key as ContactField]))))];
  const keys = missingColumns === 'leave out' ? filled.filter((key) => snapshot.columns.has(key)) : filled;
  const columns = requireColumns(snapshot, keys);
  const first = snapshot.lastDataRow + 1;
  const cells: Cells = new Map();
  rows.forEach((fields, index) => {
    const row = first + index;
    const line = new Map<number, unknown>();
    for (const key of keys) {
      const value = fields[key as ContactField];
      if (isEmpty(value)) continue;
      const spill = formulaGuarding(snapshot, row, columns.get(key)!, false);
      if (spill) throw new InputError(`${snapshot.headers[columns.get(key)!]} is computed by your formula ${spill.length > 60 ? `${spill.slice(0, 57)}…` : spill}, which fills the column: Touchpoint does not write under it. Nothing was changed.`);
      line.set(columns.get(key)!, cellOf(specOf(CONTACTS, key), value));
    }
    cells.set(row, line);
  });
  return {
    rows: rows.map((_, index) => first + index),
    commit() {
      writeCells(snapshot, cells, ownColumns(snapshot));
      rows.forEach((fields, index) => {
        const row = first + index;
        for (const key of keys) setInMemory(snapshot, row, columns.get(key)!, readBackOf(specOf(CONTACTS, key), fields[key as ContactField]));
      });
      const added = snapshot.rows.slice(first - snapshot.firstRow, first - snapshot.firstRow + rows.length);
      snapshot.lastDataRow = first + rows.length - 1;
      snapshot.contacts.push(...readContacts(added, snapshot.headers, snapshot.columns, snapshot.timeZone, first, snapshot.dateOrder).contacts);
    },
  };
}

function ownColumns(snapshot: ContactsSnapshot): number[] {
  const computed = new Set(COMPUTED_COLUMNS.map((c) => c.key));
  return [...snapshot.columns].filter(([key]) => !computed.has(key)).map(([, column]) => column);
}

function isEmpty(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** One new contact: see appendContacts. */
export function appendContact(snapshot: ContactsSnapshot, fields: ContactPatch): PendingWrite & { row: number } {
  const append = appendContacts(snapshot, [fields]);
  return { row: append.rows[0], commit: () => append.commit() };
}

/**
 * Gives every contact its own id (the caller holds the document lock): rows typed by hand get one, and a copied
 * row gets a new one and loses the copied Draft ID and Draft created, which belong to the original. Written at
 * once; the snapshot is updated in place.
 */
export function giveEveryContactAnId(snapshot: ContactsSnapshot): { added: number; reissuedRows: number[] } {
  const idColumn = snapshot.columns.get('id')!;
  const rows = snapshot.rows.slice(0, snapshot.lastDataRow - snapshot.headerRow);
  const repair = repairIds(rows, idColumn, (row) => isContactRow(row, snapshot.columns));
  const cells: Cells = new Map();
  repair.column.forEach(([id], index) => {
    if (id !== rows[index][idColumn]) cells.set(index + snapshot.firstRow, new Map([[idColumn, id]]));
  });
  const draftColumns = (['draftId', 'draftCreated'] as const).map((key) => snapshot.columns.get(key)).filter((c): c is number => c !== undefined);
  for (const index of repair.reissued) {
    const line = cells.get(index + snapshot.firstRow) ?? new Map<number, unknown>();
    for (const column of draftColumns) if (!isBlank(rows[index][column])) line.set(column, '');
    cells.set(index + snapshot.firstRow, line);
  }
  if (!cells.size) return { added: 0, reissuedRows: [] };
  writeCells(snapshot, cells);
  for (const [row, line] of cells) for (const [column, value] of line) setInMemory(snapshot, row, column, value);
  const reread = readContacts(snapshot.rows, snapshot.headers, snapshot.columns, snapshot.timeZone, snapshot.firstRow, snapshot.dateOrder);
  snapshot.contacts = reread.contacts;
  snapshot.problems = reread.problems;
  return { added: repair.added, reissuedRows: repair.reissued.map((index) => index + snapshot.firstRow) };
}

/** A line for the Interactions log, checked against its header now and appended on commit. */
export function prepareInteraction(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, line: InteractionLine): PendingWrite {
  const fields: Record<string, FieldValue> = { ...line };
  const sheet = findSheet(spreadsheet, INTERACTIONS);
  if (!sheet) throw new SetupNeededError('There is no Interactions sheet. Choose Touchpoint ▸ Set up contact sheet to add it. Nothing was changed.');
  const header = readHeaderNames(sheet, INTERACTIONS); // a title row above the header is fine
  const width = Math.max(header.headers.length, 1);
  const keys = Object.keys(fields).filter((key) => !isEmpty(fields[key]));
  const columns = columnsOf(INTERACTIONS, () => sheet.getName(), header.index, keys);
  const row: unknown[] = new Array(width).fill('');
  for (const key of keys) row[columns.get(key)!] = cellOf(specOf(INTERACTIONS, key), fields[key]);
  return { commit: () => void sheet.appendRow(row) };
}

/** Lines for the Interactions log, checked against its header now and appended on commit in one write. */
export function prepareInteractions(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, lines: readonly InteractionLine[]): PendingWrite {
  if (!lines.length) return { commit: () => undefined };
  const sheet = findSheet(spreadsheet, INTERACTIONS);
  if (!sheet) throw new SetupNeededError('There is no Interactions sheet. Choose Touchpoint ▸ Set up contact sheet to add it. Nothing was changed.');
  const header = readHeaderNames(sheet, INTERACTIONS);
  const width = Math.max(header.headers.length, 1);
  const keys = [...new Set(lines.flatMap((line) => Object.keys(line).filter((key) => !isEmpty((line as unknown as Record<string, FieldValue>)[key]))))];
  const columns = columnsOf(INTERACTIONS, () => sheet.getName(), header.index, keys);
  const rows = lines.map((line) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(line)) if (!isEmpty(value)) row[columns.get(key)!] = cellOf(specOf(INTERACTIONS, key), value);
    return row;
  });
  return {
    commit() {
      const first = Math.max(sheet.getLastRow(), header.row) + 1;
      const needed = first + rows.length - 1;
      const maxRows = sheet.getMaxRows();
      if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
      sheet.getRange(first, 1, rows.length, width).setValues(rows);
    },
  };
}
