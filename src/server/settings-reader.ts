import { NAMED_RANGES, readSettings, Settings, SETTINGS_SHEET } from '../core/settings';
import { EmailTemplate, readTemplates, TemplateError } from '../core/templates';
import { TEMPLATES } from '../core/schema';
import { findSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Settings sheet: by its name, else the sheet that holds Touchpoint's "As of" named range (the user renamed
 * it; named ranges follow a sheet through a rename).
 */
export function findSettingsSheet(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return spreadsheet.getSheetByName(SETTINGS_SHEET) ?? spreadsheet.getRangeByName(NAMED_RANGES.asOf)?.getSheet() ?? null;
}

/** Settings in one read; without the sheet, the defaults, with a note saying how to restore it. */
export function readSettingsSheet(spreadsheet: Spreadsheet): Settings {
  const sheet = findSettingsSheet(spreadsheet);
  if (!sheet) {
    const settings = readSettings([]);
    settings.problems.push('The Settings sheet is missing, so the default cadences apply. Touchpoint ▸ Set up contact sheet restores it.');
    return settings;
  }
  return readSettings(sheet.getDataRange().getValues());
}

/** The Templates sheet in one read; a clear error when it is gone. */
export function readTemplatesSheet(spreadsheet: Spreadsheet): EmailTemplate[] {
  const sheet = findSheet(spreadsheet, TEMPLATES);
  if (!sheet) {
    throw new TemplateError('The Templates sheet is missing. Choose Touchpoint ▸ Set up contact sheet to restore the standard templates.');
  }
  return readTemplates(sheet.getDataRange().getValues());
}
