import { asStoredText } from '../core/contacts';
import { Day } from '../core/dates';
import { describeDelimiter } from '../core/csv';
import { newContactId } from '../core/ids';
import { defaultMapping, IMPORT_COLUMNS, importDateOrder, ImportPlan, ImportRecord, ImportSource, planImport, readImportSource, slashDates } from '../core/import';
import { InputError } from '../core/inputs';
import { CONTACTS } from '../core/schema';
import type { ImportInput, ImportPreview, ImportResult } from '../shared/rpc';
import { actionContext } from './action-context';
import { contiguousRuns, ContactsSnapshot, readContactsForAction, readContactsWithIds } from './contacts-sheet';
import { withDocumentLock } from './workbook';

/** Import contacts from a CSV the dialog read in the browser: a preview first, then one batched write. */
const MAX_FILE_CHARACTERS = 20_000_000;

function sourceAndMapping(input: ImportInput): { source: ImportSource; mapping: (string | null)[] } {
  const text = typeof input?.text === 'string' ? input.text : '';
  if (!text.trim()) throw new InputError('The file is empty. Choose a CSV file with a header row.');
  if (text.length > MAX_FILE_CHARACTERS) throw new InputError('The file is too large to import in one go (over 20 MB). Split it, then import each part.');
  const source = readImportSource(text);
  const keys = new Set(IMPORT_COLUMNS.map((c) => c.key));
  const mapping = input.mapping ?? defaultMapping(source.headers);
  if (mapping.length !== source.headers.length || mapping.some((key) => key !== null && !keys.has(key))) {
    throw new InputError('The column choices do not match the file. Choose the file again.');
  }
  if (!mapping.some((key) => key === 'firstName' || key === 'lastName' || key === 'fullName')) {
    throw new InputError('Choose which column holds the names (First name, Last name or Full name), then preview again.');
  }
  return { source, mapping };
}

/** The file's rows sorted into new, present and rejected; the sheet's formulas are read only when filling. */
function plan(snapshot: ContactsSnapshot, input: ImportInput, today: Day) {
  const { source, mapping } = sourceAndMapping(input);
  // Formula cells and formula columns (the snapshot read them with the values) are never filled.
  const withHeader = [snapshot.headerFormulas, ...snapshot.formulas];
  const formulaColumns = snapshot.headers.map((_, c) => c).filter((c) => withHeader.some((row) => row?.[c]));
  const formulas = snapshot.formulas;
  const evidence = slashDates(source, mapping);
  const chosen = input.dateOrder === 'DMY' || input.dateOrder === 'MDY' ? input.dateOrder : undefined;
  const dateOrder = importDateOrder(evidence, chosen, snapshot.dateOrder);
  // Open only when some date reads two ways: 05/05/2026 is the same day either way.
  const [first, second] = evidence ? evidence.example.split('/') : [];
  const slashed = evidence && { example: evidence.example, order: dateOrder, open: evidence.dayFirst === evidence.monthFirst && Number(first) !== Number(second) };
  return { source, mapping, formulas, slashed, plan: planImport(source, mapping, { ...snapshot, formulas, formulaColumns }, snapshot.timeZone, today, input.blankBadDates === true, dateOrder) };
}

export function previewImport(input: ImportInput): ImportPreview {
  const context = actionContext();
  const snapshot = readContactsWithIds(context.spreadsheet, context.timeZone);
  const { source, mapping, slashed, plan: result } = plan(snapshot, input, context.today);
  const headerOf = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
  return {
    format: source.format,
    separatedBy: describeDelimiter(source.delimiter),
    headers: source.labels,
    mapping,
    columns: IMPORT_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    newCount: result.added.length,
    newNames: result.added.slice(0, 50).map((r) => [r.firstName, r.lastName].filter(Boolean).join(' ') || r.email),
    present: result.present.map((p) => ({ name: p.name, row: p.row, fills: input.fillEmpty ? Object.keys(p.fills).map(headerOf) : [] })),
    rejected: result.rejected,
    warnings: result.warnings,
    problems: source.problems,
    slashDates: slashed,
  };
}

/** A sheet value from an imported field: dates as ISO text and cadences as numbers (both read as typed), the rest as text. */
function cellValue(key: string, value: string): unknown {
  if (DATE_KEYS.has(key)) return value;
  if (key === 'cadenceDays') return Number(value);
  return asStoredText(value);
}

const DATE_KEYS = new Set(IMPORT_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.key));

/** Writes a block of rows in the given columns only: one setValues per run of adjacent columns. */
function writeBlock(snapshot: ContactsSnapshot, firstRow: number, rows: unknown[][], columns: readonly number[]): void {
  for (const run of contiguousRuns(new Map(columns.map((c) => [c, null])))) {
    const width = run.values.length;
    snapshot.sheet.getRange(firstRow, run.start + 1, rows.length, width).setValues(rows.map((row) => row.slice(run.start, run.start + width)));
  }
}

/**
 * Appends the new contacts below the last row with data, writing only Touchpoint's own columns (never the
 * computed ones, whose formulas spill there, nor the user's own columns, whose formulas stay) with the Contact ID
 * in the same calls, so a failure cannot leave a row without its id.
 */
function appendNew(snapshot: ContactsSnapshot, added: readonly ImportRecord[]): void {
  if (!added.length) return;
  const first = snapshot.lastDataRow + 1;
  const needed = first + added.length - 1;
  const maxRows = snapshot.sheet.getMaxRows();
  if (needed > maxRows) snapshot.sheet.insertRowsAfter(maxRows, needed - maxRows);
  const taken = new Set(snapshot.contacts.map((c) => c.id));
  const idColumn = snapshot.columns.get('id')!;
  const computed = new Set(CONTACTS.columns.filter((c) => c.kind === 'computed').map((c) => c.key));
  const written = new Set([...snapshot.columns].filter(([key]) => !computed.has(key)).map(([, column]) => column));
  const rows = added.map((record, index) => {
    const row: unknown[] = new Array(snapshot.headers.length).fill('');
    for (const [key, value] of Object.entries(record)) {
      const column = snapshot.columns.get(key);
      if (column !== undefined) row[column] = cellValue(key, value);
    }
    row[idColumn] = newContactId(taken);
    // A formula the user filled down below the data keeps its place where the file has nothing for that cell.
    const below = snapshot.formulas[first + index - snapshot.firstRow] ?? [];
    row.forEach((value, column) => {
      if (value === '' && below[column]) row[column] = below[column];
    });
    return row;
  });
  writeBlock(snapshot, first, rows, [...written]);
}

/**
 * Fills empty cells of matched contacts. The affected columns are rewritten whole, so each value that was there
 * goes back as it was: formulas as formulas (read once with getFormulas), text as text.
 */
function fillEmpty(snapshot: ContactsSnapshot, present: ImportPlan['present'], formulas: readonly (readonly string[])[]): number {
  const fills = present.filter((p) => Object.keys(p.fills).length);
  if (!fills.length) return 0;
  const rows = snapshot.lastDataRow - snapshot.headerRow;
  const block = snapshot.rows.slice(0, rows).map((row, r) =>
    row.map((value, c) => formulas[r]?.[c] || (typeof value === 'string' ? asStoredText(value) : value)),
  );
  const touched = new Set<number>();
  let filled = 0;
  for (const { row, fills: values } of fills) {
    for (const [key, value] of Object.entries(values)) {
      const column = snapshot.columns.get(key)!;
      block[row - snapshot.firstRow][column] = cellValue(key, value);
      touched.add(column);
      filled++;
    }
  }
  writeBlock(snapshot, snapshot.firstRow, block, [...touched]);
  return filled;
}

export function runImport(input: ImportInput): ImportResult {
  const context = actionContext();
  return withDocumentLock(() => {
    const snapshot = readContactsForAction(context.spreadsheet, context.timeZone);
    const { plan: result, formulas } = plan(snapshot, input, context.today);
    appendNew(snapshot, result.added);
    const filled = input.fillEmpty ? fillEmpty(snapshot, result.present, formulas) : 0;
    const parts = [`Imported ${result.added.length} new contact${result.added.length === 1 ? '' : 's'}.`];
    if (result.present.length) parts.push(`${result.present.length} already on the sheet${filled ? `: filled ${filled} empty cell${filled === 1 ? '' : 's'}` : ''}.`);
    if (result.rejected.length) parts.push(`${result.rejected.length} rejected (see the list).`);
    return { added: result.added.length, filled, rejected: result.rejected.length, message: parts.join(' ') };
  });
}
