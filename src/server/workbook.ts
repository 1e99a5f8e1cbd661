import { findHeaderRow, HEADER_SEARCH_ROWS, headerOfFormula, mapHeaders, TableSpec, HeaderMap } from '../core/schema';
import { normaliseName } from '../core/text';
import { isBlank } from '../core/values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The sheet for a table: by its name, else by a common alternative name (compared without case or spaces). */
export function findSheet(spreadsheet: Spreadsheet, table: TableSpec): Sheet | null {
  const exact = spreadsheet.getSheetByName(table.sheetName);
  if (exact || !table.sheetAliases?.length) return exact;
  const wanted = new Set([table.sheetName, ...table.sheetAliases].map(normaliseName));
  return spreadsheet.getSheets().find((sheet) => wanted.has(normaliseName(sheet.getName()))) ?? null;
}

export class SetupNeededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupNeededError';
  }
}

interface HeaderRow extends HeaderMap {
  /** The header's sheet row (1 unless the user keeps a title above it). */
  row: number;
  /** Header texts as the user sees them (a computed column's header read from its formula). */
  headers: string[];
  /** Which header cells hold a formula. */
  hasFormula: boolean[];
}

export function headerNotFound(sheet: Sheet, table: TableSpec): SetupNeededError {
  const examples = table.columns.slice(0, 3).map((c) => c.header).join(', ');
  return new SetupNeededError(
    `Touchpoint cannot find the header row (${examples}…) in the first ${HEADER_SEARCH_ROWS} rows of ${sheet.getName()}. ` +
      'If the sheet was sorted with its header row unfrozen, undo the sort (Ctrl+Z), or move the header row back to the top. Nothing was changed.',
  );
}

/**
 * Finds the table's header row among the top rows (one read of values and formulas) and matches it to the
 * table's columns. An empty sheet has its header-to-be in row 1; a sheet with data but no recognisable header
 * (sorted into the data, say) is refused rather than given a second set of columns.
 */
export function readHeaderRow(sheet: Sheet, table: TableSpec): HeaderRow {
  const lastColumn = sheet.getLastColumn();
  const empty = { row: 1, headers: [], hasFormula: [], ...mapHeaders([], table) };
  if (lastColumn === 0) return empty;
  const range = sheet.getRange(1, 1, Math.min(HEADER_SEARCH_ROWS, sheet.getMaxRows()), lastColumn);
  const formulas = range.getFormulas();
  const values = range.getValues().map((line, r) => line.map((value, c) => headerOfFormula(formulas[r][c]) ?? value));
  const index = findHeaderRow(values, table);
  if (index === null) {
    if (values.every((line) => line.every(isBlank))) return empty;
    throw headerNotFound(sheet, table);
  }
  const headers = values[index].map((value) => String(value));
  return { row: index + 1, headers, hasFormula: formulas[index].map((f) => f !== ''), ...mapHeaders(headers, table) };
}

/**
 * The header row's names and positions for an append, in one read of the top rows' values (a log line needs where
 * each column is, not which header holds a formula). Where the sheet has fewer rows than are searched, the full read.
 */
export function readHeaderNames(sheet: Sheet, table: TableSpec): Pick<HeaderRow, 'row' | 'headers' | 'index'> {
  let values: unknown[][];
  try {
    values = sheet.getRange(`1:${HEADER_SEARCH_ROWS}`).getValues();
  } catch {
    return readHeaderRow(sheet, table);
  }
  const index = findHeaderRow(values, table);
  if (index === null) {
    if (values.every((line) => line.every(isBlank))) return { row: 1, headers: [], index: new Map() };
    throw headerNotFound(sheet, table);
  }
  const line = values[index];
  let width = line.length;
  while (width > 0 && isBlank(line[width - 1])) width--;
  const headers = line.slice(0, width).map((value) => String(value));
  return { row: index + 1, headers, index: mapHeaders(headers, table).index };
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
