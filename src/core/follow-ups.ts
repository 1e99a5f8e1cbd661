import { plural } from './text';
import { Cadence, CadenceTable, DEFAULT_RELATIONSHIP, followUpInputOf, followUpStatus, nextFollowUp, normaliseName } from './cadence';
import { Contact, contactHandle, describeProblem, RowProblem } from './contacts';
import { Day, formatIsoDay, formatLongDay } from './dates';
import { InvalidValueError, isInvalidValueError } from './errors';
import { lettersGoal, lettersToActOn } from './letters';
import { CHANNELS, CONTACTS, HOW_WE_MET, ROLES } from './schema';
import { Settings } from './settings';
import { isBlank } from './values';
import type { ContactCard, DraftState, GoalFigure, GoneDraft, SidebarModel, Status } from '../shared/rpc';

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

const STATUS_DATES = new Set(['lastContact', 'metOn', 'snoozedUntil']);

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
    if (contact.letterFor && (status === 'toask' || (status === '' && contact.letterDue !== null))) return 'Letter request';
    if (contact.letterFor && status === 'submitted') return 'Thank-you to a letter writer';
    if (contact.letterFor && (status === 'asked' || status === 'agreed') && contact.letterDue !== null && contact.letterDue >= today) return 'Letter reminder';
    const atConference = relationship === 'conferencecontact' || met === 'conference';
    const peer = PEERS.has(relationship);
    const justMet = contact.metOn !== null && today - contact.metOn <= 14;
    if (contact.lastContact === null) {
      if (atConference) return 'Post-conference follow-up';
      if (met === 'rotation' && (justMet || contact.metOn === null) && !peer) return 'Thank-you after a rotation';
      return peer ? 'Catch-up' : 'Mentor meeting request';
    }
    if (atConference && contact.metOn !== null && today - contact.metOn <= 7 && contact.lastContact <= contact.metOn) return 'Post-conference follow-up';
    if (peer) return 'Catch-up';
    if (mentor) return today - contact.lastContact > 90 ? 'Mentor meeting request' : 'Progress update';
    return 'Progress update';
  })();
  return has(pick) ?? templates[0] ?? null;
}

/**
 * A link to Gmail's drafts (or one draft) in the mailbox Touchpoint used: with several Google accounts signed in,
 * /u/0/ would be whichever signed in first; ?authuser=address opens the right one.
 */
export function gmailDraftUrl(messageId: string | undefined, mailbox?: string): string {
  const base = mailbox ? `https://mail.google.com/mail/?authuser=${encodeURIComponent(mailbox)}#drafts` : 'https://mail.google.com/mail/#drafts';
  return messageId ? `${base}?compose=${encodeURIComponent(messageId)}` : base;
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
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function stillInGmail(draftId: string, known: KnownDrafts | null): boolean {
  return !known?.complete || known.messages.has(draftId);
}

/**
 * This person's open draft: one Touchpoint made that is still in Gmail when Gmail's whole list is known (a draft
 * the user sent or deleted no longer counts; one left unsent after a newer contact still does, so an address
 * never has two). The row's own Draft ID counts only if Touchpoint's record of that draft says it went to this
 * row's address (a row copied or sorted apart from its marks does not inherit them); and a recorded draft to this
 * address counts even when the row lost its marks.
 */
export function openDraft(contact: Contact, known: KnownDrafts | null): DraftState | null {
  const fresh = (day: Day) => known?.complete || contact.lastContact === null || day >= contact.lastContact;
  const records = known?.records ?? [];
  if (contact.draftId && contact.draftCreated !== null && fresh(contact.draftCreated) && stillInGmail(contact.draftId, known)) {
    const record = records.find((r) => r.draftId === contact.draftId);
    if (!record || sameAddress(record.email, contact.email)) {
      return { id: contact.draftId, url: gmailDraftUrl(known?.messages.get(contact.draftId), known?.mailbox), created: formatIsoDay(contact.draftCreated), subject: record?.subject };
    }
  }
  if (!contact.email) return null;
  const recorded = records
    .filter((r) => sameAddress(r.email, contact.email) && fresh(r.day) && stillInGmail(r.draftId, known))
    .sort((a, b) => b.at - a.at)[0];
  return recorded ? { id: recorded.draftId, url: gmailDraftUrl(known?.messages.get(recorded.draftId), known?.mailbox), created: formatIsoDay(recorded.day), subject: recorded.subject } : null;
}

/**
 * The row's own draft, when Gmail's whole list is known and the draft is no longer in it: sent or deleted, so the
 * card asks. A draft older than the last contact is settled already.
 */
export function goneDraft(contact: Contact, known: KnownDrafts | null, today: Day): GoneDraft | null {
  if (!known?.complete || !contact.draftId || contact.draftCreated === null || known.messages.has(contact.draftId)) return null;
  if (contact.lastContact !== null && contact.lastContact > contact.draftCreated) return null;
  const record = known.records?.find((r) => r.draftId === contact.draftId);
  if (record && !sameAddress(record.email, contact.email)) return null;
  const noticed = Math.max(record?.goneOn ?? today, contact.draftCreated);
  return { draftId: contact.draftId, subject: record?.subject || `Email (Touchpoint draft of ${formatLongDay(contact.draftCreated)})`, created: formatIsoDay(contact.draftCreated), noticed: formatIsoDay(noticed) };
}

function reasonFor(contact: Contact, followUp: FollowUp, today: Day): string {
  const next = followUp.next!;
  const when = next < today ? `${plural(today - next, 'day')} overdue` : next === today ? 'due today' : `due in ${plural(next - today, 'day')}`;
  const rule = isBlank(contact.cadenceDays) ? ` (${contact.relationship || DEFAULT_RELATIONSHIP})` : '';
  if (contact.lastContact === null) {
    return `First follow-up ${when} · met ${formatLongDay(contact.metOn!)}${rule}: within ${plural(followUp.cadence.firstFollowUpDays!, 'day')}`;
  }
  const capital = when[0].toUpperCase() + when.slice(1);
  return `${capital} · every ${plural(followUp.cadence.everyDays, 'day')}${rule} · due ${formatLongDay(next)}`;
}

function notYetReason(contact: Contact): string {
  const met = contact.metOn === null ? '' : ` · met ${formatLongDay(contact.metOn)}`;
  return `Not contacted yet${met} · no first follow-up set for ${contact.relationship || DEFAULT_RELATIONSHIP}`;
}

/** Notes on a card are a reminder, not the record: long ones are cut (the sheet keeps them whole). */
/** How long a follow-up can be put off from the sidebar. */
export const SNOOZE_DAYS: readonly number[] = [7, 14, 30];

export const CARD_TEXT_LIMIT = 280;

function shortened(text: string): string {
  return text.length > CARD_TEXT_LIMIT ? `${text.slice(0, CARD_TEXT_LIMIT - 1).trimEnd()}…` : text;
}

export function cardOf(contact: Contact, followUp: FollowUp, today: Day, templates: readonly string[], drafts: KnownDrafts | null): ContactCard {
  const next = followUp.next;
  return {
    id: contactHandle(contact),
    name: contact.name,
    subtitle: [contact.role, contact.institution].filter(Boolean).join(' · '),
    relationship: contact.relationship,
    email: contact.email,
    hasEmail: Boolean(contact.email),
    status: followUp.status,
    daysSince: contact.lastContact === null ? null : today - contact.lastContact,
    lastContact: contact.lastContact === null ? null : formatIsoDay(contact.lastContact),
    nextFollowUp: next === null ? null : formatIsoDay(next),
    reason: next === null ? notYetReason(contact) : reasonFor(contact, followUp, today),
    urgency: next === null ? -Infinity : today - next,
    lastNote: shortened(contact.lastContactNotes),
    nextStep: shortened(contact.nextStep),
    suggestedTemplate: suggestTemplate(contact, today, templates),
    draft: openDraft(contact, drafts),
    goneDraft: goneDraft(contact, drafts, today),
    snoozedUntil: contact.snoozedUntil === null ? null : formatIsoDay(contact.snoozedUntil),
    searchText: [contact.name, contact.email, contact.institution, contact.specialty, contact.lastContactNotes, contact.nextStep].join(' '),
  };
}

/** The guides' mentor team, as targets for the Goals strip. */
export const GOALS: readonly { label: string; relationship: string; target: number }[] = [
  { label: 'Career', relationship: 'Career mentor', target: 2 },
  { label: 'Research', relationship: 'Research mentor', target: 1 },
  { label: 'Clinical', relationship: 'Clinical mentor', target: 1 },
  { label: 'Sponsor', relationship: 'Sponsor', target: 1 },
  { label: 'Peer', relationship: 'Peer', target: 2 },
];

export function goalsOf(contacts: readonly Contact[], cadences: CadenceTable): GoalFigure[] {
  const canonical = (relationship: string) => {
    try {
      return cadences.lookUp(relationship)?.relationship ?? relationship;
    } catch {
      return relationship;
    }
  };
  return GOALS.map((goal) => ({
    label: goal.label,
    target: goal.target,
    names: contacts.filter((c) => c.relationship && canonical(c.relationship) === goal.relationship).map((c) => c.name),
  }));
}

export interface ModelInput {
  contacts: readonly Contact[];
  problems: readonly RowProblem[];
  settings: Settings;
  today: Day;
  templates: readonly string[];
  /** What is known of Gmail's drafts, or null when not looked up. */
  drafts: KnownDrafts | null;
}

export function byUrgency(a: ContactCard, b: ContactCard): number {
  return b.urgency - a.urgency || a.name.localeCompare(b.name);
}

/** Each sidebar section lists exactly the rows whose Status column says this (On track and Snoozed: none). */
const SECTION_OF: Partial<Record<Status, 'overdue' | 'dueThisWeek' | 'noContactYet'>> = {
  Overdue: 'overdue',
  'Due soon': 'dueThisWeek',
  'No contact yet': 'noContactYet',
};

export function buildSidebarModel({ contacts, problems, settings, today, templates, drafts }: ModelInput): SidebarModel {
  const messages = [...problems.map(describeProblem), ...settings.problems];
  const sections = { overdue: [] as ContactCard[], dueThisWeek: [] as ContactCard[], noContactYet: [] as ContactCard[] };
  const cadenceHeader = CONTACTS.columns.find((c) => c.key === 'cadenceDays')!.header;
  for (const contact of contacts) {
    // A date the sheet cannot read shows ⚠ in the Status column; the problem is listed already.
    if (contact.unreadable.some((key) => STATUS_DATES.has(key))) continue;
    let followUp: FollowUp | null;
    try {
      followUp = followUpOf(contact, settings, today);
    } catch (error) {
      if (!isInvalidValueError(error)) throw error;
      const column = isBlank(contact.cadenceDays) ? 'Relationship' : cadenceHeader;
      messages.push(describeProblem({ row: contact.row, column, message: error.message }));
      continue;
    }
    if (followUp === null) continue; // the Status column is blank for this row
    const section = SECTION_OF[followUp.status];
    if (section) sections[section].push(cardOf(contact, followUp, today, templates, drafts));
  }
  const { profile } = settings;
  return {
    today: formatIsoDay(today),
    overdue: sections.overdue.sort(byUrgency),
    dueThisWeek: sections.dueThisWeek.sort(byUrgency),
    noContactYet: sections.noContactYet.sort(byUrgency),
    letters: lettersToActOn(contacts, settings.letterWeeks, today),
    snoozeDays: [...SNOOZE_DAYS],
    goals: [...goalsOf(contacts, settings.cadences), lettersGoal(contacts)],
    templates: [...templates],
    channels: [...CHANNELS],
    relationships: settings.cadences.names(),
    roles: [...ROLES],
    howWeMet: [...HOW_WE_MET],
    problems: messages,
    contactCount: contacts.length,
    profileMissing: !profile.myName || !profile.myPosition,
  };
}
