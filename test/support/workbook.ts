/** Helpers to arrange and inspect the fake workbook in tests. */
import fs from 'fs';
import path from 'path';
import { parseCsv } from '../../src/core/csv';
import type { FakeAppsScript } from '../../tools/gas-fake';
import type { FakeSheet, FakeSpreadsheet } from '../../tools/gas-fake/spreadsheet';

/** Copies of shared/samples, so the suite runs from a clean clone alone. */
const FIXTURES = path.resolve(__dirname, '../fixtures');

/** The sample contact list (shared/samples/contacts-basic.csv). */
export function sampleContacts(): string[][] {
  const text = fs.readFileSync(path.join(FIXTURES, 'contacts-basic.csv'), 'utf8');
  return parseCsv(text).rows.filter((row) => row.some((cell) => cell !== ''));
}

/** Writes rows starting at A1 of a sheet (as a user would have them), through the raw fake. */
export function fillSheet(sheet: FakeSheet, rows: unknown[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
  sheet.getRange(1, 1, padded.length, width).setValues(padded);
}

/**
 * Everything a user could see or that setup could change, as JSON text, for "nothing changed" comparisons
 * (a string compares in milliseconds where a deep equality over 26,000 cells takes seconds).
 */
export function snapshot(fake: FakeAppsScript): string {
  return JSON.stringify({
    sheets: fake.spreadsheet.getSheets().map((sheet) => {
      const range = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
      return {
        name: sheet.getName(),
        size: [sheet.getMaxRows(), sheet.getMaxColumns()],
        frozen: sheet.getFrozenRows(),
        values: range.getValues().map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v))),
        formulas: range.getFormulas(),
        formats: range.getNumberFormats(),
        notes: range.getNotes(),
        weights: range.getFontWeights(),
        validations: range.getDataValidations().map((row) => row.map((v) => (v ? [v.getCriteriaType(), v.getCriteriaValues()] : null))),
        hidden: [...Array(sheet.getMaxColumns()).keys()].filter((c) => sheet.isColumnHiddenByUser(c + 1)),
        rules: sheet.getConditionalFormatRules().map((r) => [r.getBooleanCondition().getCriteriaValues(), r.getRanges().map((x) => x.getA1Notation())]),
      };
    }),
    named: fake.spreadsheet.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()]),
    triggers: fake.scriptApp.triggers.map((t) => t.getHandlerFunction()),
  });
}

/** A sheet's non-blank rows as objects keyed by header (computed values included). */
export function rowsByHeader(sheet: FakeSheet): Record<string, unknown>[] {
  const [headers, ...rows] = sheet.getDataRange().getValues();
  return rows.filter((row) => row.some((v) => v !== '')).map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}

/** Types a profile into Settings (My name, My position, ...) by label, as a user would after setup. */
export function writeProfile(spreadsheet: FakeSpreadsheet, profile: Record<string, string>): void {
  const settings = spreadsheet.getSheetByName('Settings')!;
  settings.getRange(1, 1, settings.getLastRow(), 1).getValues().forEach(([label], index) => {
    if (profile[String(label)]) settings.getRange(index + 1, 2).setValue(profile[String(label)]);
  });
}

/** A date cell as the calendar day it shows in New York (the tests' sheet time zone), e.g. "2026-11-22". */
export function nyDay(value: unknown): unknown {
  return value instanceof Date ? new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(value) : value;
}
