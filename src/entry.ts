/**
 * The one list of functions Apps Script calls by name: simple triggers, menu items, the daily trigger and the
 * spreadsheet's custom functions. tools/build.mjs turns this list into top-level `function` declarations in
 * dist/Code.js; nothing else declares them.
 */
import { serverApi } from './server/api';
import { draftFollowUpsForOverdue, draftFollowUpsForSelection, openImportDialog, openSidebar } from './server/dialogs';
import { onInstall, onOpen, refreshAsOfDate, showHelp, updateAsOfDate } from './server/menu';
import { showInstallationCheck } from './server/installation-check';
import { grantPermissions } from './server/scopes';
import { setUpContactSheet } from './server/setup';

export const entryPoints = {
  onOpen,
  onInstall,
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
  // What the sidebar and dialogs call through google.script.run (src/shared/rpc.ts).
  ...serverApi,
};

export type EntryPointName = keyof typeof entryPoints;

export { CUSTOM_FUNCTIONS as customFunctions } from './server/custom-functions';
