import { headerOfFormula, mapHeaders, normaliseHeader, TableSpec, HeaderMap } from '../core/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The sheet for a table: by its name, else by a common alternative name (compared without case or spaces). */
export function findSheet(spreadsheet: Spreadsheet, table: TableSpec): Sheet | null {
  const exact = spreadsheet.getSheetByName(table.sheetName);
  if (exact || !table.sheetAliases?.length) return exact;
  const wanted = new Set([table.sheetName, ...table.sheetAliases].map(normaliseHeader));
  return spreadsheet.getSheets().find((sheet) => wanted.has(normaliseHeader(sheet.getName()))) ?? null;
}

export interface HeaderRow extends HeaderMap {
  /** Header texts as the user sees them (a computed column's header read from its formula). */
  headers: string[];
  /** Which header cells hold a formula. */
  hasFormula: boolean[];
}

/** Reads row 1 once (values and formulas) and matches it to the table's columns. */
export function readHeaderRow(sheet: Sheet, table: TableSpec): HeaderRow {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return { headers: [], hasFormula: [], ...mapHeaders([], table) };
  const range = sheet.getRange(1, 1, 1, lastColumn);
  const values = range.getValues()[0];
  const formulas = range.getFormulas()[0];
  const headers = values.map((value, column) => headerOfFormula(formulas[column]) ?? String(value));
  return { headers, hasFormula: formulas.map((f) => f !== ''), ...mapHeaders(headers, table) };
}

export class BusyError extends Error {
  constructor() {
    super('Touchpoint is busy with another change to this spreadsheet. Please try again in a few seconds.');
    this.name = 'BusyError';
  }
}

const LOCK_WAIT_MS = 5000;

/** Runs work holding the document lock, so two tabs or a trigger never interleave their writes. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
