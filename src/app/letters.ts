import { contactHandle } from '../core/contacts';
import { Day, formatIsoDay, formatLongDay } from '../core/dates';
import { TEMPLATE } from '../core/default-templates';
import { LetterDue, letterTemplateFor, lettersToActOn, nextLetterStatuses } from '../core/letters';
import { plural } from '../core/text';
import type { LetterCard } from '../shared/rpc';

function reasonOf(due: LetterDue, today: Day): string {
  switch (due.kind) {
    case 'no due date':
      return 'Add the Letter due date to get an ask-by date.';
    case 'ask':
      if (due.askBy < today) return `Ask-by date passed ${plural(today - due.askBy, 'day')} ago`;
      return due.askBy === today ? 'Ask today' : `Ask by ${formatLongDay(due.askBy)} (in ${plural(due.askBy - today, 'day')})`;
    case 'asked, undated':
      return 'Asked; no date recorded. Follow up if you have not heard back.';
    case 'no answer':
      return `Asked ${plural(today - due.askedOn, 'day')} ago, no answer yet`;
  }
}

/** The Letters section: each letter to act on now, with why in words, its next email and the statuses it can move to. */
export function letterCardsOf(contacts: Parameters<typeof lettersToActOn>[0], letterWeeks: number, today: Day): LetterCard[] {
  return lettersToActOn(contacts, letterWeeks, today).map(({ contact, status, askBy, due, urgency }) => {
    const template = letterTemplateFor(status);
    return {
      id: contactHandle(contact),
      name: contact.name,
      letterFor: contact.letterFor,
      due: contact.letterDue === null ? null : formatIsoDay(contact.letterDue),
      askBy: askBy === null ? null : formatIsoDay(askBy),
      status,
      reason: reasonOf(due, today),
      urgency,
      hasEmail: Boolean(contact.email),
      draft: { template, label: template === TEMPLATE.letterReminder ? 'Draft a reminder' : 'Draft the request' },
      nextStatuses: nextLetterStatuses(status),
    };
  });
}
