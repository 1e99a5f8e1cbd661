import { NAMED_RANGES, readSettings, Settings, SETTINGS_SHEET } from '../core/settings';
import { EmailTemplate, readTemplates, TemplateError } from '../core/templates';
import type { WorkbookConfig } from './workbook-config';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Settings sheet: by its name, else the sheet that holds Touchpoint's "As of" named range (the user renamed
 * it; named ranges follow a sheet through a rename).
 */
export function findSettingsSheet(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return spreadsheet.getSheetByName(SETTINGS_SHEET) ?? spreadsheet.getRangeByName(NAMED_RANGES.asOf)?.getSheet() ?? null;
}

/** The settings as read; without the sheet, the defaults, with a note saying how to restore it. */
export function settingsOf(config: WorkbookConfig): Settings {
  if (!config.settings) {
    const settings = readSettings([]);
    settings.problems.push('The Settings sheet is missing, so the default cadences apply. Touchpoint ▸ Set up contact sheet restores it.');
    return settings;
  }
  return readSettings(config.settings);
}

/** The templates as read; a clear error when the sheet is gone. */
export function templatesOf(config: WorkbookConfig): EmailTemplate[] {
  if (!config.templates) {
    throw new TemplateError('The Templates sheet is missing. Choose Touchpoint ▸ Set up contact sheet to restore the standard templates.');
  }
  return readTemplates(config.templates);
}
