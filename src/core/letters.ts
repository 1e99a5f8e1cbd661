import { normaliseName } from './text';
import { Contact } from './contacts';
import { Day } from './dates';
import { TEMPLATE } from './default-templates';
import { LETTER_STATUSES } from './schema';

/**
 * Letters of recommendation: ask 6–8 weeks before they are due (Settings), chase an answer after 10 days,
 * aim for 2–3 strong letters.
 */
const ASK_WINDOW_DAYS = 14;
const ANSWER_WAIT_DAYS = 10;

function letterStatusOf(contact: Contact): string {
  const status = LETTER_STATUSES.find((s) => normaliseName(s) === normaliseName(contact.letterStatus));
  return status ?? (contact.letterStatus || 'To ask');
}

function hasLetter(contact: Contact): boolean {
  return Boolean(contact.letterFor || contact.letterDue !== null || contact.letterStatus);
}

/** A letter agreed or submitted: what counts towards the guides' 2–3. */
export function isStrongLetter(contact: Contact): boolean {
  return hasLetter(contact) && ['Agreed', 'Submitted'].includes(letterStatusOf(contact));
}

/** Why a letter needs acting on now. */
export type LetterDue =
  | { kind: 'no due date' }
  | { kind: 'ask'; askBy: Day }
  | { kind: 'asked, undated' }
  | { kind: 'no answer'; askedOn: Day };

interface LetterTask {
  contact: Contact;
  status: string;
  askBy: Day | null;
  due: LetterDue;
  /** Days past the point of acting, for ordering. */
  urgency: number;
}

function taskOf(contact: Contact, letterWeeks: number, today: Day): LetterTask | null {
  const status = letterStatusOf(contact);
  const askBy = contact.letterDue === null ? null : contact.letterDue - letterWeeks * 7;
  const task = (due: LetterDue, urgency = 0): LetterTask => ({ contact, status, askBy, due, urgency });
  if (status === 'To ask') {
    if (askBy === null) return task({ kind: 'no due date' });
    return askBy - today <= ASK_WINDOW_DAYS ? task({ kind: 'ask', askBy }, today - askBy) : null;
  }
  if (status === 'Asked') {
    const since = contact.letterStatusDate;
    if (since === null) return task({ kind: 'asked, undated' });
    return today - since >= ANSWER_WAIT_DAYS ? task({ kind: 'no answer', askedOn: since }, today - since - ANSWER_WAIT_DAYS) : null;
  }
  return null;
}

/** Letters to act on now, most urgent first: to ask within 14 days of the ask-by date (or past it), or asked 10+ days ago. */
export function lettersToActOn(contacts: readonly Contact[], letterWeeks: number, today: Day): LetterTask[] {
  return contacts
    .filter(hasLetter)
    .map((contact) => taskOf(contact, letterWeeks, today))
    .filter((task): task is LetterTask => task !== null)
    .sort((a, b) => b.urgency - a.urgency || a.contact.name.localeCompare(b.contact.name));
}

/** The email a letter needs next: the request, or once asked, a reminder rather than the first request again. */
export function letterTemplateFor(status: string): string {
  return status === 'Asked' || status === 'Agreed' ? TEMPLATE.letterReminder : TEMPLATE.letterRequest;
}

/** The statuses a letter can be marked with next: not its own, and never back to To ask. */
export function nextLetterStatuses(status: string): string[] {
  return LETTER_STATUSES.filter((s) => s !== status && s !== 'To ask');
}
