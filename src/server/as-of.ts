import { dayAsCellInput, parseDay, today } from '../core/dates';
import { NAMED_RANGES } from '../core/settings';
import type { EntryPointName } from '../entry-names';

/**
 * Custom functions recalculate only when an argument changes, and may not take TODAY() as one. So "today" is
 * the Settings ▸ As of cell, which the formulas read: refreshed on open, from the menu, and by a daily trigger.
 */
type AsOfRefresh = 'updated' | 'unchanged' | 'not set up';

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
  cell.setValue(dayAsCellInput(day));
  return 'updated';
}

/** The time zone the current user's daily trigger was made in (a trigger cannot be asked for it). */
const TRIGGER_ZONE_KEY = 'touchpoint.dailyRefresh.timeZone';

export function refreshTriggerZone(): string | null {
  return PropertiesService.getUserProperties().getProperty(TRIGGER_ZONE_KEY);
}

/**
 * The daily refresh, once per user, at about 00:30 in the spreadsheet's time zone (a trigger otherwise runs in
 * the script project's zone, hours off for a sheet in Kolkata or Auckland). Made again when the spreadsheet's
 * zone has changed since. Returns what it did.
 */
export function ensureDailyRefreshTrigger(timeZone: string): 'added' | 'moved' | 'present' {
  const properties = PropertiesService.getUserProperties();
  const mine = ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === DAILY_REFRESH_HANDLER);
  if (mine.length === 1 && properties.getProperty(TRIGGER_ZONE_KEY) === timeZone) return 'present';
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  // Google runs it within 15 minutes of 00:30: always after midnight, never on the evening before.
  ScriptApp.newTrigger(DAILY_REFRESH_HANDLER).timeBased().everyDays(1).atHour(0).nearMinute(30).inTimezone(timeZone).create();
  properties.setProperty(TRIGGER_ZONE_KEY, timeZone);
  return mine.length ? 'moved' : 'added';
}
