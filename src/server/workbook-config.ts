import { TEMPLATES } from '../core/schema';
import { dayOfInstant, startOfDay } from '../core/dates';
import { isDate } from '../core/values';
import { utf8Length } from '../core/text';
import { findSheet } from './workbook';
import { findSettingsSheet } from './settings-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * What every action reads besides Contacts: the Settings and Templates sheets as they are, and the spreadsheet's
 * time zone. Reading them costs seven sheet calls, so they are kept in the document cache (shared by everyone using
 * Touchpoint in this spreadsheet) and read again when:
 * - anyone using Touchpoint edits a sheet other than Contacts and Interactions (the onEdit trigger drops the cache);
 * - Touchpoint writes Settings or Templates itself (setup, the profile form);
 * - CONFIG_TTL_SECONDS have passed (edits that fire no trigger: another script, a collaborator without Touchpoint);
 * - the dates read from Contacts do not fall at midnight in the cached time zone (the zone was changed in
 *   File ▸ Settings: Sheets hands date cells to scripts as midnight in the spreadsheet's zone).
 * Google may also evict a cache entry at any time; then this is a fresh read.
 */
export interface WorkbookConfig {
  timeZone: string;
  /** The Settings sheet's values, or null when there is no Settings sheet. */
  settings: unknown[][] | null;
  /** The Templates sheet's values, or null when there is no Templates sheet. */
  templates: unknown[][] | null;
}

const CACHE_KEY = 'touchpoint.config.v1';
export const CONFIG_TTL_SECONDS = 3600;
/** Apps Script's limit for one cached value is 100 KB; a bigger config is simply read each time. */
const CACHE_VALUE_LIMIT = 100 * 1024;

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null; // not bound to a document (a test run from the editor): no cache, every read fresh
  }
}

/** Dates survive JSON as {"$date": ms}. */
function encode(config: WorkbookConfig): string {
  return JSON.stringify(config, function (this: Record<string, unknown>, key, value) {
    const original = this[key];
    return isDate(original) ? { $date: original.getTime() } : value;
  });
}

function decode(text: string): WorkbookConfig | null {
  try {
    const parsed = JSON.parse(text, (_key, value) => (value && typeof value === 'object' && typeof value.$date === 'number' ? new Date(value.$date) : value)) as WorkbookConfig;
    return typeof parsed?.timeZone === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function remember(config: WorkbookConfig): void {
  const text = encode(config);
  // Only a complete workbook is kept: a missing sheet is reported each time until setup restores it.
  if (config.settings === null || config.templates === null || utf8Length(text) > CACHE_VALUE_LIMIT) return;
  try {
    cache()?.put(CACHE_KEY, text, CONFIG_TTL_SECONDS);
  } catch (error) {
    console.warn(`Touchpoint could not cache its settings: ${error}`);
  }
}

/** The config as cached, or null: never cached, expired, dropped after an edit, or evicted by Google. */
export function cachedWorkbookConfig(): WorkbookConfig | null {
  const text = cache()?.get(CACHE_KEY);
  return text ? decode(text) : null;
}

/** Settings and Templates read from the sheets now (and the time zone, unless it is known), then cached. */
export function readWorkbookConfig(spreadsheet: Spreadsheet, timeZone = spreadsheet.getSpreadsheetTimeZone()): WorkbookConfig {
  const settings = findSettingsSheet(spreadsheet);
  const templates = findSheet(spreadsheet, TEMPLATES);
  const config = {
    timeZone,
    settings: settings ? settings.getDataRange().getValues() : null,
    templates: templates ? templates.getDataRange().getValues() : null,
  };
  remember(config);
  return config;
}

export function workbookConfig(spreadsheet: Spreadsheet): WorkbookConfig {
  return cachedWorkbookConfig() ?? readWorkbookConfig(spreadsheet);
}

/** Touchpoint changed Settings or Templates, or someone edited them: the next read is fresh. */
export function forgetWorkbookConfig(): void {
  try {
    cache()?.remove(CACHE_KEY);
  } catch (error) {
    console.warn(`Touchpoint could not clear its settings cache: ${error}`);
  }
}

/** Touchpoint just wrote Settings or Templates: read them again now, so the next action finds them cached. */
export function rereadWorkbookConfig(spreadsheet: Spreadsheet): WorkbookConfig {
  forgetWorkbookConfig();
  return readWorkbookConfig(spreadsheet);
}

const SAMPLE = 20;

/**
 * The zone the sheet's dates were handed over in: `timeZone` (the cached one) when a date cell reads as midnight
 * there, or when there is no date to tell; else the spreadsheet's own, asked again, and put in the cached config.
 * A cell holding a date and a time is midnight nowhere, so one midnight among the first dates is enough.
 */
export function confirmTimeZone(spreadsheet: Spreadsheet, timeZone: string, dates: Iterable<unknown>, cached: WorkbookConfig | null): string {
  let seen = 0;
  for (const value of dates) {
    if (!isDate(value) || isNaN(value.getTime())) continue;
    if (startOfDay(dayOfInstant(value, timeZone), timeZone).getTime() === value.getTime()) return timeZone;
    if (++seen >= SAMPLE) break;
  }
  if (!seen) return timeZone;
  const actual = spreadsheet.getSpreadsheetTimeZone();
  if (cached && actual !== cached.timeZone) {
    cached.timeZone = actual;
    remember(cached);
  }
  return actual;
}
