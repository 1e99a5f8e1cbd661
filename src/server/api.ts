import type { ServerApi } from '../shared/rpc';
import { planBulkDrafts, runBulkDrafts } from './bulk-drafts';
import { addContact, createDraft, goToContact, loadSidebar, logContact, previewDraft, snoozeContact } from './sidebar-api';

/** Every function the sidebar and dialogs may call, checked against the shared contract. */
export const serverApi: ServerApi = {
  loadSidebar,
  logContact,
  snoozeContact,
  previewDraft,
  createDraft,
  goToContact,
  addContact,
  planBulkDrafts,
  runBulkDrafts,
};
