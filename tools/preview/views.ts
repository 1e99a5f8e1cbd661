/** What the preview grid shows of a sheet: display values, colours from conditional formats, dropdown lists. */
import { columnIndexOf, columnLettersOf } from '../gas-fake/a1';
import type { FakeSheet, FakeSpreadsheet } from '../gas-fake/spreadsheet';
import type { SheetView } from './types';

const SPARE_ROWS = 3;
/** Conditional formats the preview can colour: =$COL<row>="text" (what Touchpoint writes). */
const SIMPLE_RULE = /^=\$([A-Z]+)(\d+)="((?:[^"]|"")*)"$/;

export function sheetView(_spreadsheet: FakeSpreadsheet, sheet: FakeSheet): SheetView {
  const width = Math.max(sheet.getLastColumn(), 1);
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), width);
  const display = all.getDisplayValues();
  let last = display.length;
  while (last > 1 && display[last - 1].every((cell) => cell === '')) last--;
  const shown = Math.min(display.length, last + SPARE_ROWS);
  const headerFormulas = sheet.getRange(1, 1, 1, width).getFormulas()[0];
  const bodyValidations = sheet.getMaxRows() > 1 ? sheet.getRange(2, 1, 1, width).getDataValidations()[0] : [];
  const notes = sheet.getRange(1, 1, 1, width).getNotes()[0];
  const rules = sheet.getConditionalFormatRules().flatMap((rule) => {
    const match = SIMPLE_RULE.exec(String(rule.getBooleanCondition().getCriteriaValues()[0] ?? ''));
    const range = rule.getRanges()[0];
    if (!match || !range) return [];
    return [{ column: columnIndexOf(match[1]) - 1, offset: Number(match[2]) - range.getRow(), text: match[3].replace(/""/g, '"'), first: range.getRow(), last: range.getLastRow(), background: rule.getBooleanCondition().getBackground() }];
  });
  return {
    name: sheet.getName(),
    frozenRows: sheet.getFrozenRows(),
    columns: Array.from({ length: width }, (_, c) => {
      const rule = bodyValidations[c];
      return {
        letter: columnLettersOf(c + 1),
        hidden: sheet.isColumnHiddenByUser(c + 1),
        options: rule && rule.getCriteriaType() === 'VALUE_IN_LIST' ? (rule.getCriteriaValues()[0] as string[]) : null,
        computed: headerFormulas[c] !== '',
      };
    }),
    rows: display.slice(0, shown).map((cells, index) => {
      const row = index + 1;
      const hit = rules.find((r) => row >= r.first && row <= r.last && display[row - 1 + r.offset]?.[r.column] === r.text);
      return { row, cells, background: hit?.background ?? null, notes: row === 1 ? notes : [] };
    }),
  };
}
