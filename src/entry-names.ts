/**
 * The names of the functions Apps Script calls by name from menus and triggers. Declared here, with no imports,
 * so server code can name them (a menu item's function, the daily trigger's) without importing entry.ts, which
 * imports that server code; entry.ts checks its list against these with `satisfies`.
 */
export type EntryPointName =
  | 'onOpen'
  | 'onInstall'
  | 'onEdit'
  | 'openSidebar'
  | 'draftFollowUpsForOverdue'
  | 'draftFollowUpsForSelection'
  | 'openImportDialog'
  | 'setUpContactSheet'
  | 'updateAsOfDate'
  | 'refreshAsOfDate'
  | 'showHelp'
  | 'grantPermissions'
  | 'showInstallationCheck'
  | 'syncLastContactNow'
  | 'sendReminderNow';
