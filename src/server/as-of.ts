import { cellDay, parseDay, today } from '../core/dates';
import { NAMED_RANGES } from '../core/settings';
import type { EntryPointName } from '../entry';

/**
 * Custom functions recalculate only when an argument changes, and may not take TODAY() as one. So "today" is
 * the Settings ▸ As of cell, which the formulas read: refreshed on open, from the menu, and by a daily trigger.
 */
export type AsOfRefresh = 'updated' | 'unchanged' | 'not set up';

export const DAILY_REFRESH_HANDLER: EntryPointName = 'refreshAsOfDate';

export function refreshAsOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): AsOfRefresh {
  const cell = spreadsheet.getRangeByName(NAMED_RANGES.asOf);
  if (!cell) return 'not set up';
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const day = today(timeZone, new Date());
  let shown: number | null = null;
  try {
    shown = parseDay(cell.getValue(), timeZone);
  } catch {
    // Something other than a date was typed there: today's date replaces it.
  }
  if (shown === day) return 'unchanged';
  cell.setValue(cellDay(day));
  return 'updated';
}

/** Installs the daily refresh once (shortly after midnight); returns whether it was added now. */
export function ensureDailyRefreshTrigger(): boolean {
  const installed = ScriptApp.getProjectTriggers().some((trigger) => trigger.getHandlerFunction() === DAILY_REFRESH_HANDLER);
  if (installed) return false;
  ScriptApp.newTrigger(DAILY_REFRESH_HANDLER).timeBased().everyDays(1).atHour(0).nearMinute(5).create();
  return true;
}
