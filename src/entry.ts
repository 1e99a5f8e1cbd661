/**
 * The one list of functions Apps Script calls by name: simple triggers, menu items, the daily trigger and the
 * spreadsheet's custom functions. tools/build.mjs turns this list into top-level `function` declarations in
 * dist/Code.js; nothing else declares them.
 */
import type { EntryPointName } from './entry-names';
import { serverApi } from './server/api';
import { draftFollowUpsForOverdue, draftFollowUpsForSelection, openImportDialog, openSidebar } from './server/dialogs';
import { onInstall, onOpen, refreshAsOfDate, showHelp, updateAsOfDate } from './server/menu';
import { onEdit } from './server/edit-trigger';
import { showInstallationCheck } from './server/installation-check';
import { grantPermissions } from './server/scopes';
import { setUpContactSheet } from './server/setup';
import { sendReminderNow, syncLastContactNow } from './server/optional-menus';

/** Menu items and triggers: exactly the names in entry-names.ts (a missing or extra one does not compile). */
const calledByName = {
  onOpen,
  onInstall,
  onEdit,
  openSidebar,
  draftFollowUpsForOverdue,
  draftFollowUpsForSelection,
  openImportDialog,
  setUpContactSheet,
  updateAsOfDate,
  refreshAsOfDate,
  showHelp,
  grantPermissions,
  showInstallationCheck,
  syncLastContactNow,
  sendReminderNow,
} satisfies Record<EntryPointName, (...args: never[]) => unknown>;

export const entryPoints = {
  ...calledByName,
  // What the sidebar and dialogs call through google.script.run (src/shared/rpc.ts).
  ...serverApi,
};

export { CUSTOM_FUNCTIONS as customFunctions } from './server/custom-functions';
export { OPTIONAL_FEATURES as optionalFeatures } from './server/scopes';
