import { Contact, isContactRow, readContacts, rowHasData, RowProblem } from '../core/contacts';
import { isBlank } from '../core/values';
import { giveEveryContactAnId } from './contact-writer';
import type { DateOrderSource } from '../core/dates';
import { DateOrder, dateOrderOf } from '../core/locale';
import { CONTACTS, findHeaderRow, mapHeaders } from '../core/schema';
import { findSheet, headerNotFound, SetupNeededError, withDocumentLock } from './workbook';
import type { ActionContext } from './action-context';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { SetupNeededError };

/** The Contacts sheet read once: everything an action needs to decide, with no further reads. */
export interface ContactsSnapshot {
  sheet: Sheet;
  headers: string[];
  columns: Map<string, number>;
  /** The header's sheet row: 1, or lower when the user keeps a title above it. */
  headerRow: number;
  /** The sheet row of rows[0]: headerRow + 1. */
  firstRow: number;
  /** Data rows from firstRow on, as getValues returned them. */
  rows: unknown[][];
  /** The same rows' formulas ('' where a cell holds a value), and the header row's: a formula is never overwritten. */
  formulas: string[][];
  headerFormulas: string[];
  contacts: Contact[];
  problems: RowProblem[];
  /** The last row holding anything the user typed (array formulas spill further; that is not data). */
  lastDataRow: number;
  timeZone: string;
  /** How dates typed as text (3/11/2026) read, from the spreadsheet's locale (asked only if such a date appears). */
  dateOrder: DateOrderSource;
}

const DATE_KEYS = CONTACTS.columns.filter((c) => c.kind === 'date').map((c) => c.key);

/** The date columns' cells, row by row: what the time zone check looks at (it stops at the first midnight). */
function* datesIn(rows: readonly unknown[][], columns: ReadonlyMap<string, number>): Generator<unknown> {
  const at = DATE_KEYS.map((key) => columns.get(key)).filter((c): c is number => c !== undefined);
  for (const row of rows) for (const column of at) yield row[column];
}

const REQUIRED = ['id', 'firstName', 'lastName', 'email', 'relationship', 'lastContact'] as const;

/**
 * The Contacts sheet in one read. With `onlyIds`, only the rows holding one of those Contact IDs are parsed into
 * contacts (and their problems): what a write-back needs from a re-read of 10,000 rows.
 */
export function readContactsSheet(context: ActionContext, onlyIds?: ReadonlySet<string>, earlier?: ContactsSnapshot): ContactsSnapshot {
  const { spreadsheet } = context;
  // A re-read within the same action reuses the sheet found then (a rename since changes nothing).
  const sheet = earlier?.sheet ?? findSheet(spreadsheet, CONTACTS);
  if (!sheet) throw new SetupNeededError('There is no Contacts sheet yet. Choose Touchpoint ▸ Set up contact sheet first.');
  const range = sheet.getDataRange();
  const values = range.getValues();
  const headerIndex = values.length ? findHeaderRow(values, CONTACTS) : 0;
  if (headerIndex === null) throw headerNotFound(sheet, CONTACTS);
  const headers = (values[headerIndex] ?? []).map((h) => String(h));
  const rows = values.slice(headerIndex + 1);
  const headerRow = headerIndex + 1;
  const firstRow = headerRow + 1;
  const { index: columns } = mapHeaders(headers, CONTACTS);
  const missing = REQUIRED.filter((key) => !columns.has(key)).map((key) => CONTACTS.columns.find((c) => c.key === key)!.header);
  if (missing.length) {
    throw new SetupNeededError(
      `The Contacts sheet has no ${missing.join(', ')} column (renamed or deleted?). ` +
        'Rename it back, or choose Touchpoint ▸ Set up contact sheet to add it again.',
    );
  }
  context.confirmTimeZone(datesIn(rows, columns));
  const { timeZone } = context;
  let lastDataRow = headerRow;
  rows.forEach((row, index) => {
    if (rowHasData(row, columns)) lastDataRow = index + firstRow;
  });
  let order: DateOrder | null = null;
  const dateOrder = () => (order ??= dateOrderOf(spreadsheet.getSpreadsheetLocale()));
  const idColumn = columns.get('id')!;
  const wanted = onlyIds && ((row: readonly unknown[]) => onlyIds.has(String(row[idColumn] ?? '').trim()));
  const { contacts, problems } = readContacts(rows, headers, columns, timeZone, firstRow, dateOrder, wanted);
  // Formulas are read only by what writes (a formula is never overwritten) or fills: a read-only action skips the call.
  let read: { rows: string[][]; header: string[] } | null = earlier && sameLayout(earlier, headerRow, headers, rows, idColumn) ? { rows: earlier.formulas, header: earlier.headerFormulas } : null;
  const formulasRead = () => {
    if (!read) {
      const all = range.getFormulas();
      read = { rows: all.slice(headerIndex + 1), header: all[headerIndex] ?? [] };
    }
    return read;
  };
  return {
    sheet, headers, columns: new Map(columns), headerRow, firstRow, rows, contacts, problems, lastDataRow, timeZone, dateOrder,
    get formulas() {
      return formulasRead().rows;
    },
    get headerFormulas() {
      return formulasRead().header;
    },
  };
}

/** The Contacts sheet as an action sees it: read once, every contact with its own id. Call under the lock. */
export function readContactsForAction(context: ActionContext): ContactsSnapshot {
  const snapshot = readContactsSheet(context);
  if (needsIdRepair(snapshot)) giveEveryContactAnId(snapshot);
  return snapshot;
}

/**
 * For read-only actions: the sheet as read, taking the lock to give ids only when some contact lacks its own
 * (most reads then need no lock at all).
 */
export function readContactsWithIds(context: ActionContext): ContactsSnapshot {
  const snapshot = readContactsSheet(context);
  return needsIdRepair(snapshot) ? withDocumentLock(() => readContactsForAction(context)) : snapshot;
}

/**
 * True when a re-read finds every row where the earlier read had it (the same header, the same Contact ID on each
 * row): the formulas read then still stand where they were, and need not be read again. A formula typed into one
 * of the written cells in between would be written back as its value.
 */
function sameLayout(earlier: ContactsSnapshot, headerRow: number, headers: readonly string[], rows: readonly unknown[][], idColumn: number): boolean {
  if (earlier.headerRow !== headerRow || earlier.headers.length !== headers.length || earlier.headers.some((h, i) => h !== headers[i])) return false;
  if (earlier.rows.length !== rows.length) return false;
  return rows.every((row, index) => row[idColumn] === earlier.rows[index][idColumn]);
}

/**
 * True when some contact lacks an id, or an id is on two rows (contacts or not): then the id repair has work to
 * do (giveEveryContactAnId); otherwise it is skipped, as it would change nothing.
 */
function needsIdRepair(snapshot: ContactsSnapshot): boolean {
  const idColumn = snapshot.columns.get('id')!;
  const seen = new Set<string>();
  const rows = snapshot.rows.slice(0, snapshot.lastDataRow - snapshot.headerRow);
  for (const row of rows) {
    const id = isBlank(row[idColumn]) ? '' : String(row[idColumn]).trim();
    if (!id) {
      if (isContactRow(row, snapshot.columns)) return true;
      continue;
    }
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}
