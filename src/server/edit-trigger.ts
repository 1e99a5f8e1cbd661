import { CONTACTS, INTERACTIONS } from '../core/schema';
import { normaliseName } from '../core/text';
import { forgetWorkbookConfig } from './workbook-config';

/** The sheets edited all day long, which hold nothing of the cached config. */
const NOT_CONFIG = new Set([CONTACTS, INTERACTIONS].flatMap((table) => [table.sheetName, ...(table.sheetAliases ?? [])]).map(normaliseName));

/**
 * Simple trigger: Sheets runs it (LIMITED) after each edit a user of Touchpoint makes by hand. An edit anywhere but
 * Contacts and Interactions may be to Settings or Templates, so the cached copy of them is dropped and the next
 * action reads them again. Edits that fire no trigger are covered by the cache's expiry (workbook-config.ts).
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    const name = e?.range?.getSheet().getName();
    if (name !== undefined && NOT_CONFIG.has(normaliseName(name))) return;
    forgetWorkbookConfig();
  } catch (error) {
    console.warn(`Touchpoint could not note an edit: ${error}`);
  }
}
