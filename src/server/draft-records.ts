import type { DraftRecord, KnownDrafts } from '../core/follow-ups';
import { listOpenDrafts, mailboxAddress } from './gmail-drafts';
import { Day, dayFromYmd, formatIsoDay } from '../core/dates';

/**
 * What Touchpoint knows of the drafts it made, in document properties, one key per draft: to whom (contact id and
 * the address it went to) and when. A record is written right after Gmail creates the draft, before the sheet
 * is marked, and kept while the draft is in Gmail. So a run that dies before its write-back is marked by the
 * next run instead of drafted again, and an address with an open draft is never drafted twice, whatever
 * happened to the rows (copied, sorted in part, marks lost).
 */
const PREFIX = 'touchpoint.draft.';

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** A day as recordDraft wrote it (2026-11-22); anything else makes the record unreadable, and it is ignored. */
function recordedDay(text: unknown): Day {
  const match = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!match) throw new Error(`not a recorded day: ${String(text)}`);
  return dayFromYmd(+match[1], +match[2], +match[3]);
}

export function readDraftRecords(): DraftRecord[] {
  const records: DraftRecord[] = [];
  for (const [key, value] of Object.entries(store().getProperties())) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const { contactId, email, day, at, subject, goneOn } = JSON.parse(value) as { contactId: string; email: string; day: string; at: number; subject?: string; goneOn?: string };
      records.push({
        draftId: key.slice(PREFIX.length), contactId: String(contactId), email: String(email ?? ''), day: recordedDay(day), at: Number(at) || 0,
        subject: subject ? String(subject) : undefined, goneOn: goneOn ? recordedDay(goneOn) : undefined,
      });
    } catch {
      // a record someone edited by hand: ignore it rather than stop drafting
    }
  }
  return records;
}

export function recordDraft(record: DraftRecord): void {
  const subject = record.subject ? record.subject.slice(0, 200) : undefined; // a property value holds 9 KB
  const goneOn = record.goneOn === undefined ? undefined : formatIsoDay(record.goneOn);
  store().setProperty(PREFIX + record.draftId, JSON.stringify({ contactId: record.contactId, email: record.email, day: formatIsoDay(record.day), at: record.at, subject, goneOn }));
}

/** Notes the day each recorded draft is first seen gone from Gmail's (complete) list: the likely day it was sent. */
export function noteGoneDrafts(known: KnownDrafts, today: Day): void {
  if (!known.complete) return;
  for (const record of known.records ?? []) {
    if (known.messages.has(record.draftId) || record.goneOn !== undefined) continue;
    record.goneOn = today;
    recordDraft(record);
  }
}

/** Drops the records of drafts no longer in Gmail (sent or deleted). */
export function forgetDrafts(draftIds: readonly string[]): void {
  const properties = store();
  for (const id of draftIds) properties.deleteProperty(PREFIX + id);
}

/** Gmail's drafts and Touchpoint's records of its own: one listing, one properties read. */
export function knownDrafts(): KnownDrafts {
  return { ...listOpenDrafts(), records: readDraftRecords() };
}

/** What Touchpoint recorded, without asking Gmail (its list unknown): enough to name a contact's open draft. */
export function recordedDrafts(records: DraftRecord[] = readDraftRecords()): KnownDrafts {
  return { messages: new Map(), complete: false, records, mailbox: mailboxAddress(false) };
}
