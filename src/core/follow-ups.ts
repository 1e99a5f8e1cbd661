import { Cadence, followUpInputOf, followUpStatus, nextFollowUp } from './cadence';
import type { Status } from './status';
import { normaliseName } from './text';
import { Contact } from './contacts';
import { TEMPLATE } from './default-templates';
import { Day } from './dates';
import { InvalidValueError } from './errors';
import { Settings } from './settings';
import { isBlank } from './values';

export interface FollowUp {
  status: Status;
  next: Day | null;
  cadence: Cadence;
}

/** The contact's cadence cell as the Status formula reads it: Follow-up every (days) if filled, else the Relationship. */
function cadenceCell(contact: Contact): unknown {
  return isBlank(contact.cadenceDays) ? contact.relationship : contact.cadenceDays;
}

/**
 * The contact's follow-up by the same rule as the Status column (followUpInputOf), or null where that column is
 * blank. A date Touchpoint could not read makes the column show ⚠, so it throws here too.
 */
export function followUpOf(contact: Contact, settings: Settings, today: Day): FollowUp | null {
  const unreadable = contact.unreadable.find((key) => STATUS_DATES.has(key));
  if (unreadable) throw new InvalidValueError(`${unreadable} is not a date`);
  const input = followUpInputOf({ lastContact: contact.lastContact, metOn: contact.metOn, snoozedUntil: contact.snoozedUntil, cadence: cadenceCell(contact) }, settings.cadences);
  if (input === null) return null;
  return { status: followUpStatus(input, today, settings.dueSoonDays), next: nextFollowUp(input), cadence: input.cadence };
}

/** The dates the Status column reads: one it cannot read makes the status ⚠. */
export const STATUS_DATES: ReadonlySet<string> = new Set(['lastContact', 'metOn', 'snoozedUntil']);

const MENTORS = new Set(['careermentor', 'researchmentor', 'clinicalmentor', 'sponsor', 'programleadership', 'letterwriter']);
/** Relationships a check-in suits better than a formal update or request. */
const PEERS = new Set(['peer', 'acquaintance']);

/**
 * The template the guides would use for this person now, among those that exist: a letter to ask for → the
 * request, a letter submitted → the thank-you; someone met at a conference and not yet written to (or within
 * the week) → post-conference follow-up;
 * after a rotation → thank-you; a mentor not yet contacted or not seen in a quarter → a meeting request, else a
 * progress update; anyone else first written to → a meeting request.
 */
export function suggestTemplate(contact: Contact, today: Day, templates: readonly string[]): string | null {
  const has = (name: string) => templates.find((t) => normaliseName(t) === normaliseName(name)) ?? null;
  const relationship = normaliseName(contact.relationship);
  const met = normaliseName(contact.howWeMet);
  const mentor = MENTORS.has(relationship);
  const pick = (() => {
    const status = normaliseName(contact.letterStatus);
    if (contact.letterFor && (status === 'toask' || (status === '' && contact.letterDue !== null))) return TEMPLATE.letterRequest;
    if (contact.letterFor && status === 'submitted') return TEMPLATE.letterThanks;
    if (contact.letterFor && (status === 'asked' || status === 'agreed') && contact.letterDue !== null && contact.letterDue >= today) return TEMPLATE.letterReminder;
    const atConference = relationship === 'conferencecontact' || met === 'conference';
    const peer = PEERS.has(relationship);
    const justMet = contact.metOn !== null && today - contact.metOn <= 14;
    if (contact.lastContact === null) {
      if (atConference) return TEMPLATE.conferenceFollowUp;
      if (met === 'rotation' && (justMet || contact.metOn === null) && !peer) return TEMPLATE.rotationThanks;
      return peer ? TEMPLATE.catchUp : TEMPLATE.meetingRequest;
    }
    if (atConference && contact.metOn !== null && today - contact.metOn <= 7 && contact.lastContact <= contact.metOn) return TEMPLATE.conferenceFollowUp;
    if (peer) return TEMPLATE.catchUp;
    if (mentor) return today - contact.lastContact > 90 ? TEMPLATE.meetingRequest : TEMPLATE.progressUpdate;
    return TEMPLATE.progressUpdate;
  })();
  return has(pick) ?? templates[0] ?? null;
}

/** A draft Touchpoint made, as it recorded it when Gmail created it. */
export interface DraftRecord {
  draftId: string;
  contactId: string;
  /** The address the draft went to. */
  email: string;
  day: Day;
  /** When it was made (ms), to tell the newer of two drafts for one contact. */
  at: number;
  /** Its subject, for "Sent? Log it" once it leaves Gmail. */
  subject?: string;
  /** The day Touchpoint first saw it gone from Gmail. */
  goneOn?: Day;
}

/**
 * What is known of Touchpoint's drafts: Gmail's list (draft id → message id; `complete` when it is the whole
 * list) and Touchpoint's own records of what it made for whom.
 */
export interface KnownDrafts {
  messages: ReadonlyMap<string, string>;
  complete: boolean;
  records?: readonly DraftRecord[];
  /** The Gmail address the drafts are in, for links that open that account. */
  mailbox?: string;
}

export function sameAddress(a: string, b: string): boolean {
  return addressKey(a) === addressKey(b);
}

function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/** Records by address, built once per list: asking for each of 10,000 contacts stays linear. */
const recordsByAddress = new WeakMap<readonly DraftRecord[], Map<string, DraftRecord[]>>();

function recordsTo(records: readonly DraftRecord[], email: string): DraftRecord[] {
  let index = recordsByAddress.get(records);
  if (!index) {
    index = new Map();
    for (const record of records) {
      const key = addressKey(record.email);
      const list = index.get(key);
      if (list) list.push(record);
      else index.set(key, [record]);
    }
    recordsByAddress.set(records, index);
  }
  return index.get(addressKey(email)) ?? [];
}

const recordsById = new WeakMap<readonly DraftRecord[], Map<string, DraftRecord>>();

function recordById(records: readonly DraftRecord[], draftId: string): DraftRecord | undefined {
  let index = recordsById.get(records);
  if (!index) recordsById.set(records, (index = new Map(records.map((r) => [r.draftId, r]))));
  return index.get(draftId);
}

function stillInGmail(draftId: string, known: KnownDrafts | null): boolean {
  return !known?.complete || known.messages.has(draftId);
}

/** A draft Touchpoint made that is still open in Gmail (or may be, when Gmail's list is not known). */
export interface OpenDraft {
  id: string;
  created: Day;
  subject?: string;
}

/**
 * This person's open draft: one Touchpoint made that is still in Gmail when Gmail's whole list is known (a draft
 * the user sent or deleted no longer counts; one left unsent after a newer contact still does, so an address
 * never has two). The row's own Draft ID counts only if Touchpoint's record of that draft says it went to this
 * row's address (a row copied or sorted apart from its marks does not inherit them); and a recorded draft to this
 * address counts even when the row lost its marks.
 */
export function findOpenDraft(contact: Contact, known: KnownDrafts | null): OpenDraft | null {
  const fresh = (day: Day) => known?.complete || contact.lastContact === null || day >= contact.lastContact;
  const records = known?.records ?? [];
  if (contact.draftId && contact.draftCreated !== null && fresh(contact.draftCreated) && stillInGmail(contact.draftId, known)) {
    const record = recordById(records, contact.draftId);
    if (!record || sameAddress(record.email, contact.email)) return { id: contact.draftId, created: contact.draftCreated, subject: record?.subject };
  }
  if (!contact.email) return null;
  const recorded = recordsTo(records, contact.email)
    .filter((r) => fresh(r.day) && stillInGmail(r.draftId, known))
    .sort((a, b) => b.at - a.at)[0];
  return recorded ? { id: recorded.draftId, created: recorded.day, subject: recorded.subject } : null;
}

/** A draft Touchpoint made that Gmail no longer has: sent or deleted. */
interface GoneDraftFact {
  draftId: string;
  /** Its subject, when Touchpoint recorded it. */
  subject?: string;
  created: Day;
  /** The day Touchpoint first saw it gone: when it was most likely sent. */
  noticed: Day;
}

/**
 * The row's own draft, when Gmail's whole list is known and the draft is no longer in it: sent or deleted, so the
 * card asks. A draft older than the last contact is settled already.
 */
export function findGoneDraft(contact: Contact, known: KnownDrafts | null, today: Day): GoneDraftFact | null {
  if (!known?.complete || !contact.draftId || contact.draftCreated === null || known.messages.has(contact.draftId)) return null;
  if (contact.lastContact !== null && contact.lastContact > contact.draftCreated) return null;
  const record = known.records?.find((r) => r.draftId === contact.draftId);
  if (record && !sameAddress(record.email, contact.email)) return null;
  return { draftId: contact.draftId, subject: record?.subject || undefined, created: contact.draftCreated, noticed: Math.max(record?.goneOn ?? today, contact.draftCreated) };
}

/** How long a follow-up can be put off from the sidebar. */
export const SNOOZE_DAYS: readonly number[] = [7, 14, 30];
