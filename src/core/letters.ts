import { plural } from './text';
import { normaliseName } from './cadence';
import { Contact, contactHandle } from './contacts';
import { Day, formatIsoDay, formatLongDay } from './dates';
import { LETTER_STATUSES } from './schema';
import type { GoalFigure, LetterCard } from '../shared/rpc';

/**
 * Letters of recommendation: ask 6–8 weeks before they are due (Settings), chase an answer after 10 days,
 * aim for 2–3 strong letters.
 */
export const ASK_WINDOW_DAYS = 14;
export const ANSWER_WAIT_DAYS = 10;
export const LETTER_TARGET = 3;

export function letterStatusOf(contact: Contact): string {
  const status = LETTER_STATUSES.find((s) => normaliseName(s) === normaliseName(contact.letterStatus));
  return status ?? (contact.letterStatus || 'To ask');
}

function hasLetter(contact: Contact): boolean {
  return Boolean(contact.letterFor || contact.letterDue !== null || contact.letterStatus);
}

function days(n: number): string {
  return plural(n, 'day');
}

/** Once asked, the next email is a reminder, not the first request again. */
function letterDraftOf(status: string): LetterCard['draft'] {
  return status === 'Asked' || status === 'Agreed' ? { template: 'Letter reminder', label: 'Draft a reminder' } : { template: 'Letter request', label: 'Draft the request' };
}

/** Letters to act on now, most urgent first: to ask within 14 days of the ask-by date (or past it), or asked 10+ days ago. */
export function lettersToActOn(contacts: readonly Contact[], letterWeeks: number, today: Day): LetterCard[] {
  const cards: LetterCard[] = [];
  for (const contact of contacts.filter(hasLetter)) {
    const status = letterStatusOf(contact);
    const askBy = contact.letterDue === null ? null : contact.letterDue - letterWeeks * 7;
    let reason: string | null = null;
    let urgency = 0;
    if (status === 'To ask') {
      if (askBy === null) {
        reason = 'Add the Letter due date to get an ask-by date.';
      } else if (askBy - today <= ASK_WINDOW_DAYS) {
        urgency = today - askBy;
        reason = askBy < today ? `Ask-by date passed ${days(today - askBy)} ago` : askBy === today ? 'Ask today' : `Ask by ${formatLongDay(askBy)} (in ${days(askBy - today)})`;
      }
    } else if (status === 'Asked') {
      const since = contact.letterStatusDate;
      if (since === null) reason = 'Asked; no date recorded. Follow up if you have not heard back.';
      else if (today - since >= ANSWER_WAIT_DAYS) {
        urgency = today - since - ANSWER_WAIT_DAYS;
        reason = `Asked ${days(today - since)} ago, no answer yet`;
      }
    }
    if (!reason) continue;
    cards.push({
      id: contactHandle(contact),
      name: contact.name,
      letterFor: contact.letterFor,
      due: contact.letterDue === null ? null : formatIsoDay(contact.letterDue),
      askBy: askBy === null ? null : formatIsoDay(askBy),
      status,
      reason,
      urgency,
      hasEmail: Boolean(contact.email),
      draft: letterDraftOf(status),
      nextStatuses: LETTER_STATUSES.filter((s) => s !== status && s !== 'To ask'),
    });
  }
  return cards.sort((a, b) => b.urgency - a.urgency || a.name.localeCompare(b.name));
}

/** Agreed and submitted letters against the guides' 2–3. */
export function lettersGoal(contacts: readonly Contact[]): GoalFigure {
  const strong = contacts.filter((c) => ['Agreed', 'Submitted'].includes(letterStatusOf(c)) && hasLetter(c));
  return { label: 'Letters', target: LETTER_TARGET, names: strong.map((c) => c.name) };
}
