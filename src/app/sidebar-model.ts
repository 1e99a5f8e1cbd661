import { DEFAULT_RELATIONSHIP } from '../core/cadence';
import { Contact, contactHandle, describeProblem, RowProblem } from '../core/contacts';
import { Day, formatIsoDay, formatLongDay } from '../core/dates';
import { isInvalidValueError } from '../core/errors';
import { FollowUp, followUpOf, KnownDrafts, SNOOZE_DAYS, STATUS_DATES, suggestTemplate } from '../core/follow-ups';
import { CHANNELS, CONTACTS, HOW_WE_MET, ROLES } from '../core/schema';
import { Settings } from '../core/settings';
import { plural } from '../core/text';
import { isBlank } from '../core/values';
import type { ContactCard, SidebarModel, Status } from '../shared/rpc';
import { goneDraft, openDraft } from './drafts';
import { goalsOf } from './goals';
import { letterCardsOf } from './letters';

/** The sidebar's view of the sheet: a card per contact to act on, with why in words; letters; goals; the lists its forms offer. */

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
const CARD_TEXT_LIMIT = 280;

function shortened(text: string): string {
  return text.length > CARD_TEXT_LIMIT ? `${text.slice(0, CARD_TEXT_LIMIT - 1).trimEnd()}…` : text;
}

function cardOf(contact: Contact, followUp: FollowUp, today: Day, templates: readonly string[], drafts: KnownDrafts | null): ContactCard {
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

interface ModelInput {
  contacts: readonly Contact[];
  problems: readonly RowProblem[];
  settings: Settings;
  today: Day;
  templates: readonly string[];
  /** What is known of Gmail's drafts, or null when not looked up. */
  drafts: KnownDrafts | null;
}

function byUrgency(a: ContactCard, b: ContactCard): number {
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
    letters: letterCardsOf(contacts, settings.letterWeeks, today),
    snoozeDays: [...SNOOZE_DAYS],
    goals: goalsOf(contacts, settings.cadences),
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
