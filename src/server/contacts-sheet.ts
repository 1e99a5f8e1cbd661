import { Contact, readContacts, rowHasData, RowProblem } from '../core/contacts';
import { giveEveryContactAnId } from './contact-writer';
import type { DateOrderSource } from '../core/dates';
import { DateOrder, dateOrderOf } from '../core/locale';
import { CONTACTS, findHeaderRow, mapHeaders } from '../core/schema';
import { findSheet, headerNotFound, SetupNeededError, withDocumentLock } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
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

const REQUIRED = ['id', 'firstName', 'lastName', 'email', 'relationship', 'lastContact'] as const;

export function readContactsSheet(spreadsheet: Spreadsheet, timeZone: string): ContactsSnapshot {
  const sheet = findSheet(spreadsheet, CONTACTS);
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
  let lastDataRow = headerRow;
  rows.forEach((row, index) => {
    if (rowHasData(row, columns)) lastDataRow = index + firstRow;
  });
  let order: DateOrder | null = null;
  const dateOrder = () => (order ??= dateOrderOf(spreadsheet.getSpreadsheetLocale()));
  const { contacts, problems } = readContacts(rows, headers, columns, timeZone, firstRow, dateOrder);
  // Formulas are read only by what writes (a formula is never overwritten) or fills: a read-only action skips the call.
  let read: { rows: string[][]; header: string[] } | null = null;
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
export function readContactsForAction(spreadsheet: Spreadsheet, timeZone: string): ContactsSnapshot {
  const snapshot = readContactsSheet(spreadsheet, timeZone);
  giveEveryContactAnId(snapshot);
  return snapshot;
}

/**
 * For read-only actions: the sheet as read, taking the lock to give ids only when some contact lacks its own
 * (most reads then need no lock at all).
 */
export function readContactsWithIds(spreadsheet: Spreadsheet, timeZone: string): ContactsSnapshot {
  const snapshot = readContactsSheet(spreadsheet, timeZone);
  return needsIdRepair(snapshot) ? withDocumentLock(() => readContactsForAction(spreadsheet, timeZone)) : snapshot;
}

/** True when some contact lacks an id or shares one: an action would first have to write ids. */
function needsIdRepair(snapshot: ContactsSnapshot): boolean {
  const ids = snapshot.contacts.map((c) => c.id);
  return ids.some((id) => !id) || new Set(ids).size !== ids.length;
}
