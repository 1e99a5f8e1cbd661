import { LoggedAlready, dayKey } from '../app/sync';
import { parseDay } from '../core/dates';
import { INTERACTIONS } from '../core/schema';
import { findSheet, readHeaderRow } from './workbook';

/**
 * What the Interactions log already holds, for sync: the sources logged and the contact-day-channel of every
 * line (one read of the sheet).
 */
export function readLoggedAlready(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): LoggedAlready {
  const sourceIds = new Set<string>();
  const days = new Set<string>();
  const sheet = findSheet(spreadsheet, INTERACTIONS);
  if (!sheet) return { sourceIds, days };
  const header = readHeaderRow(sheet, INTERACTIONS);
  const lastRow = sheet.getLastRow();
  if (lastRow <= header.row || !header.headers.length) return { sourceIds, days };
  const rows = sheet.getRange(header.row + 1, 1, lastRow - header.row, header.headers.length).getValues();
  const column = (key: string) => header.index.get(key);
  for (const row of rows) {
    const source = column('sourceId') === undefined ? '' : String(row[column('sourceId')!] ?? '').trim();
    if (source) sourceIds.add(source);
    const contactId = column('contactId') === undefined ? '' : String(row[column('contactId')!] ?? '').trim();
    let day: number | null = null;
    try {
      day = column('date') === undefined ? null : parseDay(row[column('date')!], timeZone);
    } catch {
      // A date the user typed that does not read: that line cannot match a synced day.
    }
    const channel = column('channel') === undefined ? '' : String(row[column('channel')!] ?? '').trim();
    if (contactId && day !== null && channel) days.add(dayKey(contactId, day, channel));
  }
  return { sourceIds, days };
}
