import { computedColumnFormula } from '../core/contact-formulas';
import { localiseFormula } from '../core/locale';
import { ColumnSpec, isComputed, numberFormatOf, TableSpec } from '../core/schema';
import { findSheet, readHeaderRow } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TableSetup {
  sheet: Sheet;
  /** The header's sheet row. */
  headerRow: number;
  created: boolean;
  /** Column key → 0-based column index, for every column of the table. */
  columns: Map<string, number>;
  /** Headers of the columns this run added. */
  added: string[];
  /** Computed columns present with the user's own values instead of Touchpoint's formula (left alone). */
  computedWithoutFormula: string[];
  /** Existing columns that had no dropdown or date check and got one. */
  validated: string[];
}

const VALIDATED_KINDS = new Set(['list', 'date', 'email', 'days']);

function validationFor(spec: ColumnSpec): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (!VALIDATED_KINDS.has(spec.kind)) return null;
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  switch (spec.kind) {
    case 'list':
      return builder
        .requireValueInList([...(spec.options ?? [])], true)
        .setHelpText(`Pick from the list, or type your own ${spec.header.toLowerCase()}.`)
        .build();
    case 'date':
      return builder.requireDate().setHelpText('Enter a date, e.g. 2026-03-01 or 3/1/2026.').build();
    case 'email':
      return builder.requireTextIsEmail().setHelpText('Enter an email address, e.g. name@hospital.org.').build();
    case 'days':
      return builder
        .requireNumberBetween(1, 3650)
        .setHelpText('Days between follow-ups (1 to 3650). Leave blank to use the Relationship\'s cadence.')
        .build();
    default:
      return null;
  }
}

/**
 * Adds the given columns after the last used column: header (or a computed column's formula), note, bold,
 * number format and dropdown/date validation for the body. Nothing already in the sheet moves or changes.
 */
function addColumns(sheet: Sheet, specs: readonly ColumnSpec[], start: number, columns: ReadonlyMap<string, number>, headerRow: number): void {
  const needed = start + specs.length;
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < needed) sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
  const computed = specs.some(isComputed);
  const locale = computed ? sheet.getParent().getSpreadsheetLocale() : 'en_US';
  const headerCells = specs.map((spec) => (isComputed(spec) ? localiseFormula(computedColumnFormula(spec, columns, headerRow + 1), locale) : spec.header));
  sheet
    .getRange(headerRow, start + 1, 1, specs.length)
    .setValues([headerCells])
    .setFontWeight('bold')
    .setNotes([specs.map((spec) => spec.help ?? '')]);
  const bodyRows = sheet.getMaxRows() - headerRow;
  specs.forEach((spec, offset) => {
    const column = start + offset + 1;
    const format = numberFormatOf(spec);
    const validation = validationFor(spec);
    if (bodyRows > 0 && format) sheet.getRange(headerRow + 1, column, bodyRows, 1).setNumberFormat(format);
    if (bodyRows > 0 && validation) sheet.getRange(headerRow + 1, column, bodyRows, 1).setDataValidation(validation);
    if (spec.kind === 'id') sheet.hideColumns(column);
  });
}

/** Existing columns get their help note (what to type, which placeholder uses it) where the header has no note. */
function addMissingHelp(sheet: Sheet, specs: readonly ColumnSpec[], index: ReadonlyMap<string, number>, headerRow: number): void {
  const helped = specs.filter((spec) => spec.help && !isComputed(spec));
  if (!helped.length) return;
  const width = Math.max(...helped.map((spec) => index.get(spec.key)!)) + 1;
  const range = sheet.getRange(headerRow, 1, 1, width);
  const notes = range.getNotes()[0];
  let changed = false;
  for (const spec of helped) {
    const column = index.get(spec.key)!;
    if (!String(notes[column] ?? '').trim()) {
      notes[column] = spec.help!;
      changed = true;
    }
  }
  if (changed) range.setNotes([notes]);
}

/**
 * Existing columns with no validation get Touchpoint's (one read of row 2's rules, one write per such column).
 * Invalid values stay, flagged by Sheets; formats are the user's own choice and are left alone.
 */
function addMissingValidation(sheet: Sheet, specs: readonly ColumnSpec[], columns: ReadonlyMap<string, number>, headerRow: number): string[] {
  const wanted = specs.filter((spec) => VALIDATED_KINDS.has(spec.kind));
  const bodyRows = sheet.getMaxRows() - headerRow;
  if (!wanted.length || bodyRows < 1) return [];
  const width = Math.max(...wanted.map((spec) => columns.get(spec.key)!)) + 1;
  const present = sheet.getRange(headerRow + 1, 1, 1, width).getDataValidations()[0];
  const missing = wanted.filter((spec) => !present[columns.get(spec.key)!]);
  for (const spec of missing) sheet.getRange(headerRow + 1, columns.get(spec.key)! + 1, bodyRows, 1).setDataValidation(validationFor(spec));
  return missing.map((spec) => spec.header);
}

/**
 * Makes sure a table's sheet exists with all its columns, recognising existing columns by header or alias.
 * Only adds: a new sheet, missing columns at the end, a frozen header; seeds rows into a sheet it created.
 */
export function ensureTable(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, table: TableSpec, seedRows: unknown[][] = []): TableSetup {
  const found = findSheet(spreadsheet, table);
  const sheet = found ?? spreadsheet.insertSheet(table.sheetName);
  const header = readHeaderRow(sheet, table);
  const columns = new Map(header.index);
  const start = header.headers.length;
  header.missing.forEach((spec, offset) => columns.set(spec.key, start + offset));
  if (header.missing.length) addColumns(sheet, header.missing, start, columns, header.row);
  const existing = table.columns.filter((spec) => header.index.has(spec.key));
  const validated = found ? addMissingValidation(sheet, existing, header.index, header.row) : [];
  if (found) addMissingHelp(sheet, existing, header.index, header.row);
  if (sheet.getFrozenRows() < header.row) sheet.setFrozenRows(header.row);
  if (!found && seedRows.length) sheet.getRange(header.row + 1, 1, seedRows.length, seedRows[0].length).setValues(seedRows);
  const computedWithoutFormula = table.columns
    .filter((spec) => isComputed(spec) && header.index.has(spec.key) && !header.hasFormula[header.index.get(spec.key)!])
    .map((spec) => header.headers[header.index.get(spec.key)!]);
  return { sheet, headerRow: header.row, created: !found, columns, added: header.missing.map((spec) => spec.header), computedWithoutFormula, validated };
}
