import {
  CADENCE_COLUMN, CADENCE_HEADER, defaultCadenceRows, lastUsedRow, NAMED_RANGES, planSettingsUpgrade, SETTINGS, settingsFor,
  SETTINGS_HEADER, SETTINGS_SHEET, SettingsLayout, settingsLayout, SettingSpec, settingRows,
} from '../core/settings';
import { installedFeatures } from './install';
import { findSettingsSheet } from './settings-reader';
import { DEFAULT_GREETINGS, GREETING_COLUMN, GREETING_HEADER } from '../core/greetings';
import { DATE_FORMAT } from '../core/schema';
import { MAX_CADENCE_DAYS } from '../core/cadence';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface SettingsSetup {
  sheet: Sheet;
  created: boolean;
  addedSettings: string[];
  addedCadences: string[];
}

const SETTINGS_WIDTH = GREETING_COLUMN + GREETING_HEADER.length;

function greetingDropdown(sheet: Sheet, column: number): void {
  sheet
    .getRange(2, column + 2, sheet.getMaxRows() - 1, 1)
    .setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['Dr. Last name', 'First name', 'Full name'], true).setAllowInvalid(false)
        .setHelpText('How emails greet people with this role: "Dear Dr. Okafor", "Dear Maya" or "Dear Maya Okafor".').build(),
    );
}

function settingRow(spec: SettingSpec): (string | number)[] {
  return [spec.label, spec.initial, spec.about];
}

function ensureRows(sheet: Sheet, lastRowNeeded: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < lastRowNeeded) sheet.insertRowsAfter(maxRows, lastRowNeeded - maxRows);
}

/** Validation and formats for the setting rows a run writes (by their 1-based rows). */
function formatSettingRows(sheet: Sheet, rows: Map<string, number>, specs: readonly SettingSpec[], settingColumn: number): void {
  for (const spec of specs) {
    const row = rows.get(spec.key);
    if (!row) continue;
    const cell = sheet.getRange(row, settingColumn + 2);
    if (spec.kind === 'date') cell.setNumberFormat(DATE_FORMAT);
    if (spec.range) {
      const [min, max] = spec.range;
      cell.setDataValidation(
        SpreadsheetApp.newDataValidation().requireNumberBetween(min, max).setAllowInvalid(false)
          .setHelpText(`A whole number from ${min} to ${max}.`).build(),
      );
    }
    if (spec.options) {
      cell.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList([...spec.options], true).setAllowInvalid(false).build());
    }
  }
}

/** Creates the Settings sheet, or adds the settings and relationship cadences an older one lacks. */
export function ensureSettings(spreadsheet: Spreadsheet): SettingsSetup {
  const existing = findSettingsSheet(spreadsheet);
  const sheet = existing ?? spreadsheet.insertSheet(SETTINGS_SHEET);
  let rows: Map<string, number>;
  let addedSettings: SettingSpec[];
  let addedCadences: (string | number)[][];
  let layout: SettingsLayout = { settingColumn: 0, cadenceColumn: CADENCE_COLUMN, greetingColumn: GREETING_COLUMN };
  if (!existing) {
    addedSettings = settingsFor(installedFeatures());
    addedCadences = defaultCadenceRows();
    const settingsBlock = [[...SETTINGS_HEADER], ...addedSettings.map(settingRow)];
    const cadenceBlock = [[...CADENCE_HEADER], ...addedCadences];
    sheet.getRange(1, 1, settingsBlock.length, SETTINGS_HEADER.length).setValues(settingsBlock);
    sheet.getRange(1, CADENCE_COLUMN + 1, cadenceBlock.length, CADENCE_HEADER.length).setValues(cadenceBlock);
    const greetingBlock = [[...GREETING_HEADER], ...DEFAULT_GREETINGS.map(([role, style]) => [role, style])];
    ensureRows(sheet, greetingBlock.length);
    sheet.getRange(1, GREETING_COLUMN + 1, greetingBlock.length, GREETING_HEADER.length).setValues(greetingBlock);
    greetingDropdown(sheet, GREETING_COLUMN);
    sheet.getRange(1, 1, 1, SETTINGS_WIDTH).setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet
      .getRange(2, CADENCE_COLUMN + 2, sheet.getMaxRows() - 1, 2)
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireNumberBetween(1, MAX_CADENCE_DAYS).setAllowInvalid(true)
          .setHelpText(`Days, from 1 to ${MAX_CADENCE_DAYS}. Leave "First follow-up" blank when there is none.`).build(),
      );
    rows = new Map(addedSettings.map((spec, index) => [spec.key, index + 2]));
  } else {
    const lastRow = Math.max(sheet.getLastRow(), 1);
    const values = sheet.getRange(1, 1, lastRow, Math.max(sheet.getLastColumn(), SETTINGS_WIDTH)).getValues();
    const plan = planSettingsUpgrade(values, settingsFor(installedFeatures()));
    layout = settingsLayout(values);
    const { settingColumn, cadenceColumn } = layout;
    addedSettings = plan.missingSettings;
    addedCadences = plan.missingCadences;
    rows = settingRows(values);
    const settingsAt = lastUsedRow(values, [settingColumn, settingColumn + 1, settingColumn + 2]) + 1;
    const cadencesAt = lastUsedRow(values, [cadenceColumn, cadenceColumn + 1, cadenceColumn + 2]) + 1;
    ensureRows(sheet, Math.max(settingsAt + addedSettings.length, cadencesAt + addedCadences.length) - 1);
    if (addedSettings.length) {
      sheet.getRange(settingsAt, settingColumn + 1, addedSettings.length, SETTINGS_HEADER.length).setValues(addedSettings.map(settingRow));
      addedSettings.forEach((spec, index) => rows.set(spec.key, settingsAt + index));
    }
    if (addedCadences.length) sheet.getRange(cadencesAt, cadenceColumn + 1, addedCadences.length, CADENCE_HEADER.length).setValues(addedCadences);
    addGreetings(sheet, values, plan, layout.greetingColumn);
  }
  formatSettingRows(sheet, rows, addedSettings, layout.settingColumn);
  ensureNamedRanges(spreadsheet, sheet, rows, layout);
  return { sheet, created: !existing, addedSettings: addedSettings.map((s) => s.label), addedCadences: addedCadences.map((r) => String(r[0])) };
}

/** The greeting table of an older Settings sheet: added whole (with its header), or the roles it lacks. */
function addGreetings(sheet: Sheet, values: unknown[][], plan: ReturnType<typeof planSettingsUpgrade>, column: number): void {
  if (!plan.missingGreetings.length) return;
  const rows = plan.hasGreetingTable ? plan.missingGreetings : [[...GREETING_HEADER], ...plan.missingGreetings];
  const at = plan.hasGreetingTable ? lastUsedRow(values, [column, column + 1]) + 1 : 1;
  ensureRows(sheet, at + rows.length - 1);
  sheet.getRange(at, column + 1, rows.length, GREETING_HEADER.length).setValues(rows);
  if (!plan.hasGreetingTable) greetingDropdown(sheet, column);
}

/** Each named range on its cell of this sheet: created if missing, moved back if it points elsewhere. */
function ensureNamedRanges(spreadsheet: Spreadsheet, sheet: Sheet, rows: Map<string, number>, layout: SettingsLayout): void {
  const wanted: [string, GoogleAppsScript.Spreadsheet.Range][] = [];
  for (const spec of SETTINGS) {
    const row = rows.get(spec.key);
    if (spec.namedRange && row) wanted.push([spec.namedRange, sheet.getRange(row, layout.settingColumn + 2)]);
  }
  wanted.push([NAMED_RANGES.cadences, sheet.getRange(2, layout.cadenceColumn + 1, sheet.getMaxRows() - 1, CADENCE_HEADER.length)]);
  for (const [name, range] of wanted) {
    const current = spreadsheet.getRangeByName(name);
    const same = current && current.getSheet().getSheetId() === sheet.getSheetId() && current.getA1Notation() === range.getA1Notation();
    if (!same) spreadsheet.setNamedRange(name, range);
  }
}
