import type { ServerApi } from '../shared/rpc';
import { planBulkDrafts, runBulkDrafts } from './bulk-drafts';
import { previewImport, runImport } from './import';
import { loadProfile, saveProfile } from './profile';
import { addContact, answerGoneDraft, createDraft, goToContact, loadSidebar, logContact, previewDraft, setLetterStatus, snoozeContact } from './sidebar-api';

/** Every function the sidebar and dialogs may call, checked against the shared contract. */
export const serverApi: ServerApi = {
  loadSidebar,
  logContact,
  snoozeContact,
  previewDraft,
  createDraft,
  answerGoneDraft,
  goToContact,
  addContact,
  planBulkDrafts,
  runBulkDrafts,
  setLetterStatus,
  loadProfile,
  saveProfile,
  previewImport,
  runImport,
};
