import { Contact, ContactPatch, InteractionLine, isValidEmail } from '../core/contacts';
import { Day, formatLongDay } from '../core/dates';
import { DraftRecord, SNOOZE_DAYS } from '../core/follow-ups';
import { InputError, inputDay, notInFuture, optionalText, requiredText } from '../core/inputs';
import { LETTER_STATUSES } from '../core/schema';
import type { LogContactInput, NewContactInput, SentDraftInput } from '../shared/rpc';
import { draftSubject } from './drafts';

/**
 * What each sidebar action decides, from its input and the contact as read: the change to the row, the line for
 * the Interactions log, and the message. The server reads, hands over, and writes what comes back.
 */
export interface Decision {
  patch: ContactPatch;
  interaction?: InteractionLine;
  message: string;
}

/** Logging a contact moves Last contact only forward: an older one is logged but the newer stays. */
export function logged(contact: Contact, day: Day, summary: string, extra: ContactPatch = {}): ContactPatch | null {
  const newest = contact.lastContact === null || day >= contact.lastContact;
  return newest ? { lastContact: day, lastContactNotes: summary, snoozedUntil: null, ...extra } : null;
}

/** The checks a log makes before anything is read. */
export function readLogInput(input: LogContactInput): { channel: string; summary: string; nextStep: string } {
  return {
    channel: requiredText(input?.channel, 'Channel', 60),
    summary: requiredText(input?.summary, 'Summary', 2000),
    nextStep: optionalText(input?.nextStep, 'Next step', 1000),
  };
}

export function decideLog(input: LogContactInput, contact: Contact, today: Day): Decision {
  const { channel, summary, nextStep } = readLogInput(input);
  const day = notInFuture(inputDay(input.date, 'Date'), today, 'Date');
  const interaction = { date: day, contactId: contact.id, name: contact.name, channel, summary, nextStep };
  const patch = logged(contact, day, summary, nextStep ? { nextStep } : {});
  const what = `Logged ${channel.toLowerCase()} with ${contact.name} on ${formatLongDay(day)}.`;
  if (!patch) return { patch: {}, interaction, message: `${what} Last contact stays ${formatLongDay(contact.lastContact!)}, which is more recent.` };
  return { patch, interaction, message: what };
}

export function checkSnoozeDays(days: number): void {
  if (!SNOOZE_DAYS.includes(days)) throw new InputError(`Snooze for ${SNOOZE_DAYS.join(', ')} days.`);
}

export function decideSnooze(days: number, contact: Contact, today: Day): Decision {
  checkSnoozeDays(days);
  const until = today + days;
  return { patch: { snoozedUntil: until }, message: `${contact.name} is snoozed until ${formatLongDay(until)}.` };
}

export function checkLetterStatus(status: string): string {
  const chosen = LETTER_STATUSES.find((s) => s === status);
  if (!chosen) throw new InputError(`Letter status must be one of ${LETTER_STATUSES.join(', ')}.`);
  return chosen;
}

/** One click in the Letters section: the new status and its date on the row, and a line in Interactions. */
export function decideLetterStatus(status: string, contact: Contact, today: Day): Decision {
  const chosen = checkLetterStatus(status);
  const letter = contact.letterFor || 'a letter of recommendation';
  return {
    patch: { letterStatus: chosen, letterStatusDate: today },
    interaction: { date: today, contactId: contact.id, name: contact.name, summary: `Letter for ${letter}: ${chosen}` },
    message: `${contact.name}: letter for ${letter} is now "${chosen}".`,
  };
}

/**
 * "Sent? Log it": a draft Touchpoint made has left Gmail. Sent: an Email contact on the given day, the subject as
 * its summary, as when logging by hand. Not sent: nothing is logged. Either way the row's draft marks are cleared
 * (and the server forgets the record).
 */
export function decideGoneDraft(input: SentDraftInput, contact: Contact, record: DraftRecord | undefined, today: Day): Decision & { draftId: string } {
  const draftId = String(input?.draftId ?? '');
  if (!draftId || contact.draftId !== draftId) throw new InputError(`That draft is no longer on ${contact.name}'s row: reload the sidebar.`);
  const clearDraft: ContactPatch = { draftId: '', draftCreated: null };
  if (!input.sent) return { draftId, patch: clearDraft, message: `Noted: the draft to ${contact.name} was not sent.` };
  const day = notInFuture(inputDay(input.date, 'Date'), today, 'Date');
  const created = record?.day ?? contact.draftCreated;
  if (created !== null && created !== undefined && day < created) {
    throw new InputError(`Date: the draft was made on ${formatLongDay(created)}, so it cannot have been sent before then.`);
  }
  const summary = draftSubject(record?.subject, contact.draftCreated ?? today);
  return {
    draftId,
    patch: { ...clearDraft, ...logged(contact, day, summary) },
    interaction: { date: day, contactId: contact.id, name: contact.name, channel: 'Email', summary },
    message: `Logged the email to ${contact.name} on ${formatLongDay(day)}.`,
  };
}

/** The checks Add contact makes before anything is read: names, email, and Met on. */
export function readNewContact(input: NewContactInput, today: Day): ContactPatch {
  const text = (value: unknown, field: string) => optionalText(value, field, 500);
  const firstName = text(input?.firstName, 'First name');
  const lastName = text(input?.lastName, 'Last name');
  if (!firstName && !lastName) throw new InputError('Give at least a first or a last name.');
  const email = text(input?.email, 'Email');
  if (email && !isValidEmail(email)) throw new InputError(`Email: "${email}" is not an email address (like name@hospital.org).`);
  const metOn = input?.metOn ? notInFuture(inputDay(input.metOn, 'Met on'), today, 'Met on') : null;
  return {
    firstName, lastName, email,
    role: text(input.role, 'Role'),
    institution: text(input.institution, 'Institution'),
    specialty: text(input.specialty, 'Specialty'),
    relationship: text(input.relationship, 'Relationship'),
    howWeMet: text(input.howWeMet, 'How we met'),
    interests: text(input.interests, 'Interests'),
    metOn,
  };
}

/** A new contact may not share an email with one already on the sheet. */
export function checkNewContact(fields: ContactPatch, contacts: readonly Contact[]): void {
  const email = fields.email?.toLowerCase();
  const twin = email ? contacts.find((c) => c.email.toLowerCase() === email) : undefined;
  if (twin) throw new InputError(`${twin.name} (row ${twin.row}) already has the email ${fields.email}.`);
}

export function addedMessage(fields: ContactPatch, row: number): string {
  return `Added ${[fields.firstName, fields.lastName].filter(Boolean).join(' ')} on row ${row}.`;
}
