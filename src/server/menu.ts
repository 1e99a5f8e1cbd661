import type { EntryPointName } from '../entry-names';
import { ensureDailyRefreshTrigger, refreshAsOf } from './as-of';
import { localiseFormula } from '../core/locale';
import { CUSTOM_FUNCTIONS } from './custom-functions';
import { runNightlyJobs } from './nightly';
import { activeSpreadsheet } from './workbook';

type MenuItem = { caption: string; run: EntryPointName };
type MenuEntry = MenuItem | 'separator' | { submenu: string; items: readonly MenuItem[] };

/** Every action the add-on offers, in menu order. */
export const MENU: readonly MenuEntry[] = [
  { caption: 'Open sidebar', run: 'openSidebar' },
  { caption: 'Draft follow-ups for overdue contacts', run: 'draftFollowUpsForOverdue' },
  { caption: 'Draft follow-ups for selected rows', run: 'draftFollowUpsForSelection' },
  { caption: 'Sync last contact now', run: 'syncLastContactNow' },
  'separator',
  { caption: 'Import contacts…', run: 'openImportDialog' },
  { caption: 'Set up contact sheet', run: 'setUpContactSheet' },
  { caption: 'Update "As of" date now', run: 'updateAsOfDate' },
  'separator',
  {
    submenu: 'Help',
    items: [
      { caption: 'Formulas and setup', run: 'showHelp' },
      { caption: 'Check installation', run: 'showInstallationCheck' },
      { caption: 'Grant permissions', run: 'grantPermissions' },
      { caption: 'Send me the reminder email now', run: 'sendReminderNow' },
    ],
  },
];

function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else if ('submenu' in entry) {
      const submenu = ui.createMenu(entry.submenu);
      for (const item of entry.items) submenu.addItem(item.caption, item.run);
      menu.addSubMenu(submenu);
    } else menu.addItem(entry.caption, entry.run);
  }
  menu.addToUi();
}

/**
 * Runs when the spreadsheet opens. With authMode NONE (the add-on not yet used in this file) only the menu may
 * be built; otherwise the As of date is refreshed too, so Status is current the moment the sheet opens.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return;
  try {
    const spreadsheet = activeSpreadsheet();
    if (refreshAsOf(spreadsheet) === 'not set up') return;
    // Triggers can be managed only with full authorisation (not from a simple onOpen): then the zone is checked here.
    if (e && e.authMode === ScriptApp.AuthMode.FULL) ensureDailyRefreshTrigger(spreadsheet.getSpreadsheetTimeZone());
  } catch (error) {
    console.warn(`Touchpoint could not refresh the As of date on open: ${error}`);
  }
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: Update "As of" date now. */
export function updateAsOfDate(): void {
  const spreadsheet = activeSpreadsheet();
  const outcome = refreshAsOf(spreadsheet);
  const messages = {
    updated: 'As of is now today: Days since contact and Status are recalculating.',
    unchanged: 'As of already shows today.',
    'not set up': 'Run Touchpoint ▸ Set up contact sheet first.',
  };
  spreadsheet.toast(messages[outcome], 'Touchpoint', 5);
}

/** Time-driven trigger (daily): no Ui here. The refresh, then sync and the reminder email when they are on. */
export function refreshAsOfDate(): void {
  const spreadsheet = activeSpreadsheet();
  refreshAsOf(spreadsheet);
  // If the spreadsheet's time zone changed, run at its midnight from tomorrow on.
  ensureDailyRefreshTrigger(spreadsheet.getSpreadsheetTimeZone());
  runNightlyJobs();
}

/** The help, with formulas written in the spreadsheet locale's separators (";" in de_DE), so they can be copied. */
export function helpText(locale = 'en_US'): string {
  const functions = CUSTOM_FUNCTIONS.map((fn) => `${localiseFormula(`=${fn.name}(${fn.doc.params.map((p) => p.name).join(', ')})`, locale)}\n  ${fn.doc.summary}`);
  return [
    'Set up contact sheet creates Contacts, Interactions, Templates and Settings, or adds only what is missing. ' +
      'It never moves or changes your values.',
    '',
    'Status, Next follow-up and Days since contact are computed from Last contact, Relationship (or Follow-up every), ' +
      'Met on, and Settings ▸ As of, which Touchpoint updates on open and every night.',
    '',
    'Formulas you can use anywhere (one cell or a whole column):',
    ...functions,
  ].join('\n');
}

/** Menu: Help. */
export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Touchpoint help', helpText(activeSpreadsheet().getSpreadsheetLocale()), ui.ButtonSet.OK);
}
