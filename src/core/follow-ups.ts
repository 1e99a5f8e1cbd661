import { Cadence, CadenceTable, DEFAULT_RELATIONSHIP, followUpStatus, nextFollowUp, normaliseName, parseCadenceDays, resolveCadence } from './cadence';
import { Contact, describeProblem, RowProblem } from './contacts';
import { Day, formatIsoDay, formatLongDay } from './dates';
import { isInvalidValueError } from './errors';
import { lettersGoal, lettersToActOn } from './letters';
import { CHANNELS, CONTACTS, HOW_WE_MET, LETTER_STATUSES, ROLES } from './schema';
import { Settings } from './settings';
import { isBlank } from './values';
import type { ContactCard, DraftState, GoalFigure, SidebarModel, Status } from '../shared/rpc';

export interface FollowUp {
  status: Status;
  next: Day | null;
  cadence: Cadence;
}

/** The contact's cadence: its own days if filled (days only, in that column), else its relationship's, else the default. */
export function cadenceOf(contact: Contact, cadences: CadenceTable): Cadence {
  if (isBlank(contact.cadenceDays)) return resolveCadence(contact.relationship, cadences);
  return { firstFollowUpDays: null, everyDays: parseCadenceDays(contact.cadenceDays, '') };
}

export function followUpOf(contact: Contact, settings: Settings, today: Day): FollowUp {
  const cadence = cadenceOf(contact, settings.cadences);
  const input = { lastContact: contact.lastContact, metOn: contact.metOn, cadence, snoozedUntil: contact.snoozedUntil };
  return { status: followUpStatus(input, today, settings.dueSoonDays), next: nextFollowUp(input), cadence };
}

/** The template the guides would use for this person now, among those that exist. */
export function suggestTemplate(contact: Contact, today: Day, templates: readonly string[]): string | null {
  const has = (name: string) => templates.find((t) => normaliseName(t) === normaliseName(name)) ?? null;
  const relationship = normaliseName(contact.relationship);
  const met = normaliseName(contact.howWeMet);
  const pick = (() => {
    if (normaliseName(contact.letterStatus) === 'toask' && contact.letterFor) return 'Letter request';
    if (contact.lastContact === null) {
      if (relationship === 'conferencecontact' || met === 'conference') return 'Post-conference follow-up';
      if (met === 'rotation' || met === 'clinic') return 'Thank-you after a rotation';
      if (relationship.endsWith('mentor') || relationship === 'sponsor') return 'Mentor meeting request';
      return 'Progress update';
    }
    if (relationship === 'conferencecontact' && contact.metOn !== null && today - contact.metOn <= 7) return 'Post-conference follow-up';
    return 'Progress update';
  })();
  return has(pick) ?? templates[0] ?? null;
}

export const GMAIL_DRAFTS_URL = 'https://mail.google.com/mail/u/0/#drafts';

export function gmailDraftUrl(messageId: string | undefined): string {
  return messageId ? `${GMAIL_DRAFTS_URL}?compose=${encodeURIComponent(messageId)}` : GMAIL_DRAFTS_URL;
}

/** Drafts known to be in Gmail (draft id → message id); `complete` when this is Gmail's whole list. */
export interface KnownDrafts {
  messages: ReadonlyMap<string, string>;
  complete: boolean;
}

/**
 * An open draft of this follow-up cycle: made since the last contact and, when Gmail's whole list is known,
 * still there. A draft the user deleted in Gmail no longer counts.
 */
export function openDraft(contact: Contact, known: KnownDrafts | null): DraftState | null {
  if (!contact.draftId || contact.draftCreated === null) return null;
  if (contact.lastContact !== null && contact.draftCreated < contact.lastContact) return null;
  if (known?.complete && !known.messages.has(contact.draftId)) return null;
  return { id: contact.draftId, url: gmailDraftUrl(known?.messages.get(contact.draftId)), created: formatIsoDay(contact.draftCreated) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
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

/** Notes on a card are a reminder, not the record: long ones are cut (the sheet keeps them whole). */
export const CARD_TEXT_LIMIT = 280;

function shortened(text: string): string {
  return text.length > CARD_TEXT_LIMIT ? `${text.slice(0, CARD_TEXT_LIMIT - 1).trimEnd()}…` : text;
}

export function cardOf(contact: Contact, followUp: FollowUp, today: Day, templates: readonly string[], drafts: KnownDrafts | null): ContactCard {
  const next = followUp.next;
  return {
    id: contact.id,
    name: contact.name,
    subtitle: [contact.role, contact.institution].filter(Boolean).join(' · '),
    relationship: contact.relationship,
    email: contact.email,
    hasEmail: Boolean(contact.email),
    status: followUp.status,
    daysSince: contact.lastContact === null ? null : today - contact.lastContact,
    lastContact: contact.lastContact === null ? null : formatIsoDay(contact.lastContact),
    nextFollowUp: next === null ? null : formatIsoDay(next),
    reason: next === null ? 'Nothing due yet' : reasonFor(contact, followUp, today),
    urgency: next === null ? -Infinity : today - next,
    lastNote: shortened(contact.lastContactNotes),
    nextStep: shortened(contact.nextStep),
    suggestedTemplate: suggestTemplate(contact, today, templates),
    draft: openDraft(contact, drafts),
    snoozedUntil: contact.snoozedUntil === null ? null : formatIsoDay(contact.snoozedUntil),
    searchText: [contact.name, contact.institution, contact.specialty].join(' ').toLowerCase(),
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

export function buildSidebarModel({ contacts, problems, settings, today, templates, drafts }: ModelInput): SidebarModel {
  const messages = [...problems.map(describeProblem), ...settings.problems];
  const overdue: ContactCard[] = [];
  const dueThisWeek: ContactCard[] = [];
  const noContactYet: ContactCard[] = [];
  const cadenceHeader = CONTACTS.columns.find((c) => c.key === 'cadenceDays')!.header;
  for (const contact of contacts) {
    let followUp: FollowUp;
    try {
      followUp = followUpOf(contact, settings, today);
    } catch (error) {
      if (!isInvalidValueError(error)) throw error;
      const column = isBlank(contact.cadenceDays) ? 'Relationship' : cadenceHeader;
      messages.push(describeProblem({ row: contact.row, column, message: error.message }));
      continue;
    }
    if (followUp.next === null || followUp.status === 'Snoozed') continue;
    const card = cardOf(contact, followUp, today, templates, drafts);
    if (contact.lastContact === null) noContactYet.push(card);
    else if (followUp.status === 'Overdue') overdue.push(card);
    else if (followUp.status === 'Due soon') dueThisWeek.push(card);
  }
  const { profile } = settings;
  return {
    today: formatIsoDay(today),
    overdue: overdue.sort(byUrgency),
    dueThisWeek: dueThisWeek.sort(byUrgency),
    noContactYet: noContactYet.sort(byUrgency),
    letters: lettersToActOn(contacts, settings.letterWeeks, today),
    letterStatuses: [...LETTER_STATUSES],
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
