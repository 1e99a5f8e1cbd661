import { Day, formatIsoDay } from '../core/dates';
import { inputDay } from '../core/inputs';

/**
 * The journal of drafts Touchpoint created but has not yet marked on the sheet, in document properties: an entry
 * is written right after Gmail creates a draft and removed once the sheet shows it. If a run dies between the two
 * (a time-out, a failed write-back), the next run marks those drafts instead of creating them again.
 */
const PREFIX = 'touchpoint.draft.';

export interface JournalEntry {
  contactId: string;
  draftId: string;
  /** The address the draft went to: the mark is written only on a row that still has it. */
  email: string;
  day: Day;
}

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readJournal(): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const [key, value] of Object.entries(store().getProperties())) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const { draftId, email, day } = JSON.parse(value) as { draftId: string; email: string; day: string };
      if (draftId) entries.push({ contactId: key.slice(PREFIX.length), draftId: String(draftId), email: String(email ?? ''), day: inputDay(day, 'day') });
    } catch {
      // an entry someone edited by hand: ignore it rather than stop drafting
    }
  }
  return entries;
}

export function recordDraft(entry: JournalEntry): void {
  store().setProperty(PREFIX + entry.contactId, JSON.stringify({ draftId: entry.draftId, email: entry.email, day: formatIsoDay(entry.day) }));
}

export function forgetDrafts(contactIds: readonly string[]): void {
  const properties = store();
  for (const id of contactIds) properties.deleteProperty(PREFIX + id);
}
