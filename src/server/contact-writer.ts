import { Contact, readContacts } from '../core/contacts';
import { cellDay, Day } from '../core/dates';
import { InputError } from '../core/inputs';
import { ColumnSpec, CONTACTS, INTERACTIONS, TableSpec } from '../core/schema';
import { asStoredText } from '../core/contacts';
import { ContactsSnapshot, SetupNeededError, writeRowCells } from './contacts-sheet';
import { findSheet, readHeaderRow } from './workbook';

/**
 * The one writer of Touchpoint's rows. Every change is prepared first (each target column found by its header,
 * no cell overwritten that held a value Touchpoint could not read) and written only when every part of the
 * action has been prepared, so a missing column stops the action before anything is written.
 */
export type FieldValue = string | Day | null;
export type Fields = Record<string, FieldValue>;

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
function cellOf(spec: ColumnSpec, value: FieldValue): unknown {
  if (value === null || value === '') return '';
  if (spec.kind === 'date') return cellDay(value as Day);
  if (spec.kind === 'days') return Number(value);
  return asStoredText(String(value));
}

/** How the same value reads back from getValues, for the in-memory row. */
function readBackOf(spec: ColumnSpec, value: FieldValue): unknown {
  if (value === null || value === '') return '';
  if (spec.kind === 'date') return cellDay(value as Day);
  if (spec.kind === 'days') return Number(value);
  return String(value);
}

function missingColumnError(sheetName: string, headers: readonly string[]): SetupNeededError {
  const names = headers.map((h) => `"${h}"`).join(', ');
  return new SetupNeededError(
    `The ${sheetName} sheet has no ${names} column (renamed or deleted?). Rename it back, or choose ` +
      `Touchpoint ▸ Set up contact sheet to add it again. Nothing was changed.`,
  );
}

/** Column of each key, or a SetupNeededError naming every missing header. */
function columnsOf(table: TableSpec, sheetName: string, index: ReadonlyMap<string, number>, keys: readonly string[]): Map<string, number> {
  const missing = keys.filter((key) => !index.has(key)).map((key) => specOf(table, key).header);
  if (missing.length) throw missingColumnError(sheetName, missing);
  return new Map(keys.map((key) => [key, index.get(key)!]));
}

/** The columns an action writes, found by header now, or a SetupNeededError naming each one missing. */
export function requireColumns(snapshot: ContactsSnapshot, keys: readonly string[]): Map<string, number> {
  return columnsOf(CONTACTS, snapshot.sheet.getName(), snapshot.columns, keys);
}

/** Formulas whose result spills down a column: writing into their area breaks them (#REF!). */
const SPILLING = /^=\s*(\{|(ARRAYFORMULA|FILTER|SORT|SORTN|UNIQUE|QUERY|SEQUENCE|IMPORTRANGE|MAP|BYROW|SPLIT|FLATTEN|TRANSPOSE)\s*\()/i;

/**
 * The user's formula that owns a cell: the cell's own, or a spilling formula above it in the same column (in the
 * header row or a data row). Touchpoint's own computed columns are never written, so any formula here is the user's.
 */
function formulaGuarding(snapshot: ContactsSnapshot, row: number, column: number): string | null {
  const own = snapshot.formulas[row - snapshot.firstRow]?.[column];
  if (own) return own;
  const above = [snapshot.headerFormulas[column], ...snapshot.formulas.slice(0, row - snapshot.firstRow).map((r) => r[column])];
  return above.find((f) => f && SPILLING.test(f)) ?? null;
}

/** A change to one contact's cells, checked now and written on commit; the in-memory contact follows. */
export function prepareContactUpdate(snapshot: ContactsSnapshot, contact: Contact, fields: Fields): PendingWrite {
  const keys = Object.keys(fields);
  const columns = columnsOf(CONTACTS, snapshot.sheet.getName(), snapshot.columns, keys);
  for (const key of keys) {
    const column = columns.get(key)!;
    const header = snapshot.headers[column];
    const formula = formulaGuarding(snapshot, contact.row, column);
    if (formula) {
      throw new InputError(
        `Row ${contact.row}, ${header} is computed by your formula ${formula.length > 60 ? `${formula.slice(0, 57)}…` : formula}: ` +
          'Touchpoint does not overwrite formulas. Replace it with a value, or change that cell yourself. Nothing was changed.',
      );
    }
    const unreadable = snapshot.problems.find((p) => p.row === contact.row && p.column === header);
    if (unreadable) {
      throw new InputError(
        `Row ${contact.row}, ${header}: ${unreadable.message}. Touchpoint does not overwrite a value it cannot read: ` +
          'correct or clear that cell, then try again. Nothing was changed.',
      );
    }
  }
  const updates = new Map(keys.map((key) => [columns.get(key)!, cellOf(specOf(CONTACTS, key), fields[key])]));
  return {
    commit() {
      writeRowCells(snapshot.sheet, contact.row, updates);
      const row = snapshot.rows[contact.row - snapshot.firstRow];
      for (const key of keys) if (row) row[columns.get(key)!] = readBackOf(specOf(CONTACTS, key), fields[key]);
      Object.assign(contact, fields);
    },
  };
}

/** A new contact after the last row with data, written only in its own columns (the user's formulas stay). */
export function prepareContactAppend(snapshot: ContactsSnapshot, fields: Fields): PendingWrite & { row: number } {
  const keys = Object.keys(fields).filter((key) => fields[key] !== null && fields[key] !== '');
  const columns = columnsOf(CONTACTS, snapshot.sheet.getName(), snapshot.columns, keys);
  const row = snapshot.lastDataRow + 1;
  const updates = new Map(keys.map((key) => [columns.get(key)!, cellOf(specOf(CONTACTS, key), fields[key])]));
  return {
    row,
    commit() {
      const maxRows = snapshot.sheet.getMaxRows();
      if (row > maxRows) snapshot.sheet.insertRowsAfter(maxRows, row - maxRows);
      writeRowCells(snapshot.sheet, row, updates);
      const cells: unknown[] = snapshot.headers.map(() => '');
      for (const key of keys) cells[columns.get(key)!] = readBackOf(specOf(CONTACTS, key), fields[key]);
      snapshot.rows[row - snapshot.firstRow] = cells;
      snapshot.lastDataRow = row;
      snapshot.contacts.push(...readContacts([cells], snapshot.headers, snapshot.columns, snapshot.timeZone, row, snapshot.dateOrder).contacts);
    },
  };
}

/** A line for the Interactions log, checked against its header now and appended on commit. */
export function prepareInteraction(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, fields: Fields): PendingWrite {
  const sheet = findSheet(spreadsheet, INTERACTIONS);
  if (!sheet) throw new SetupNeededError('There is no Interactions sheet. Choose Touchpoint ▸ Set up contact sheet to add it. Nothing was changed.');
  const header = readHeaderRow(sheet, INTERACTIONS); // a title row above the header is fine
  const width = Math.max(header.headers.length, 1);
  const keys = Object.keys(fields).filter((key) => fields[key] !== null && fields[key] !== '');
  const columns = columnsOf(INTERACTIONS, sheet.getName(), header.index, keys);
  const row: unknown[] = new Array(width).fill('');
  for (const key of keys) row[columns.get(key)!] = cellOf(specOf(INTERACTIONS, key), fields[key]);
  return { commit: () => void sheet.appendRow(row) };
}
