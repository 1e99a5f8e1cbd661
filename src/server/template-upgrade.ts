import { DEFAULT_TEMPLATES, EmailTemplate } from '../core/default-templates';
import { planTemplateUpgrade } from '../core/template-upgrades';
import type { TableSetup } from './tables';

const OFFERED_KEY = 'touchpoint.templates.offered';
const FIELDS = ['name', 'whenToUse', 'subject', 'body'] as const;

interface TemplatesUpdated {
  reworded: string[];
  added: string[];
}

function offeredBefore(properties: GoogleAppsScript.Properties.Properties): string[] | null {
  try {
    const list = JSON.parse(properties.getProperty(OFFERED_KEY) ?? 'null') as unknown;
    return Array.isArray(list) ? list.map(String) : null;
  } catch {
    return null;
  }
}

/**
 * Gives untouched default templates their current wording and appends defaults new since setup (see
 * core/template-upgrades). One read of the sheet, at most one write over the rows that change and one to append.
 */
export function upgradeTemplatesSheet(table: TableSetup): TemplatesUpdated {
  const properties = PropertiesService.getDocumentProperties();
  const names = DEFAULT_TEMPLATES.map((t) => t.name);
  if (table.created) {
    properties.setProperty(OFFERED_KEY, JSON.stringify(names));
    return { reworded: [], added: [] };
  }
  const { sheet, headerRow } = table;
  const columns = FIELDS.map((field) => table.columns.get(field)!);
  const first = Math.min(...columns);
  const width = Math.max(...columns) - first + 1;
  const lastRow = sheet.getLastRow();
  const range = lastRow > headerRow ? sheet.getRange(headerRow + 1, first + 1, lastRow - headerRow, width) : null;
  const values = range ? range.getValues() : [];
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const rows: EmailTemplate[] = values.map((row) => {
    const [name, whenToUse, subject, body] = columns.map((column) => text(row[column - first]));
    return { name, whenToUse, subject, body };
  });
  const plan = planTemplateUpgrade(rows, offeredBefore(properties));
  if (range && plan.replaced.length) {
    const top = Math.min(...plan.replaced.map((r) => r.index));
    const bottom = Math.max(...plan.replaced.map((r) => r.index));
    const block = sheet.getRange(headerRow + 1 + top, first + 1, bottom - top + 1, width);
    // Other cells in the block are written back as they were: formulas as formulas.
    const formulas = block.getFormulas();
    const next = values.slice(top, bottom + 1).map((row, r) => row.map((value, c) => formulas[r][c] || value));
    for (const { index, template } of plan.replaced) FIELDS.forEach((field, f) => (next[index - top][columns[f] - first] = template[field]));
    block.setValues(next);
  }
  if (plan.added.length) {
    const appended = plan.added.map((template) => {
      const row: string[] = new Array(width).fill('');
      FIELDS.forEach((field, f) => (row[columns[f] - first] = template[field]));
      return row;
    });
    const at = Math.max(lastRow, headerRow) + 1;
    const short = at + appended.length - 1 - sheet.getMaxRows();
    if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
    sheet.getRange(at, first + 1, appended.length, width).setValues(appended);
  }
  const offered = JSON.stringify(plan.offered);
  if (properties.getProperty(OFFERED_KEY) !== offered) properties.setProperty(OFFERED_KEY, offered);
  return { reworded: plan.replaced.map((r) => r.template.name), added: plan.added.map((t) => t.name) };
}
