import { INTERACTIONS, mapHeaders } from '../core/schema';
import { SetupNeededError } from './contacts-sheet';
import { findSheet } from './workbook';

/** Appends one row to the Interactions log, placing each value under its header, in one call. */
export function appendInteraction(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, values: Record<string, unknown>): void {
  const sheet = findSheet(spreadsheet, INTERACTIONS);
  if (!sheet) throw new SetupNeededError('There is no Interactions sheet. Choose Touchpoint ▸ Set up contact sheet to add it.');
  const width = sheet.getLastColumn();
  const headers = width ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  const { index } = mapHeaders(headers, INTERACTIONS);
  const row = new Array(Math.max(width, 1)).fill('');
  for (const [key, value] of Object.entries(values)) {
    const column = index.get(key);
    if (column !== undefined) row[column] = value;
  }
  sheet.appendRow(row);
}
