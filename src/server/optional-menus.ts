import { sendReminderFromMenu } from './digest';
import { syncFromMenu } from './sync';

/**
 * The menu items of the optional features. Each tests the build's constant itself (not through a function), so
 * a build without the feature folds the call away and leaves the feature's code out of the bundle.
 */

function notInstalled(what: string, flag: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Touchpoint', `This copy of Touchpoint was installed without ${what}. Install it again with npm run deploy -- ${flag} (README, Sync and reminders).`, ui.ButtonSet.OK);
}

/** Menu: Sync last contact now. */
export function syncLastContactNow(): void {
  if (typeof __WITH_SYNC__ !== 'undefined' && __WITH_SYNC__) return syncFromMenu();
  notInstalled('sync of last contact from Gmail and Calendar', '--with-sync');
}

/** Menu: Help ▸ Send me the reminder email now. */
export function sendReminderNow(): void {
  if (typeof __WITH_DIGEST__ !== 'undefined' && __WITH_DIGEST__) return sendReminderFromMenu();
  notInstalled('the reminder email', '--with-digest');
}
