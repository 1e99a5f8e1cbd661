import type { BulkDraftChoice } from '../shared/rpc';

/** The HTML files the build writes to dist/ (src/client/pages). */
const SIDEBAR_FILE = 'Sidebar';
const DRAFTS_DIALOG_FILE = 'DraftsDialog';
const IMPORT_DIALOG_FILE = 'ImportDialog';

/** Menu: Open sidebar. */
export function openSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle('Touchpoint'));
}

function openDraftsDialog(scope: BulkDraftChoice['scope'], title: string): void {
  const output = HtmlService.createHtmlOutputFromFile(DRAFTS_DIALOG_FILE);
  output.setContent(output.getContent().replace('data-scope="overdue"', `data-scope="${scope}"`)).setWidth(520).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}

/** Menu: Draft follow-ups for overdue contacts. */
export function draftFollowUpsForOverdue(): void {
  openDraftsDialog('overdue', 'Draft follow-ups for overdue contacts');
}

/** Menu: Draft follow-ups for selected rows. */
export function draftFollowUpsForSelection(): void {
  openDraftsDialog('selected', 'Draft follow-ups for selected rows');
}

/** Menu: Import contacts… (the file is read in the browser and sent as text: no Drive access). */
export function openImportDialog(): void {
  const output = HtmlService.createHtmlOutputFromFile(IMPORT_DIALOG_FILE).setWidth(640).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(output, 'Import contacts');
}
