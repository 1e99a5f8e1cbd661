import { Contact } from './contacts';
import { Day, formatLongDay } from './dates';
import { fullNameGreetingNote, GreetingTable } from './greetings';

/**
 * What a person should look at before a draft goes out, though nothing is missing: a letter due date that has passed,
 * cannot be read or leaves under 6 weeks, and a greeting by full name. The editor shows these beside the draft;
 * bulk drafting skips the contact with the first of them, since nobody reviews a bulk draft before it is made.
 */
export function draftCautions(template: { subject: string; body: string }, contact: Contact, today: Day, greetings: GreetingTable, myInstitution = ''): string[] {
  const cautions: string[] = [];
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (myInstitution && contact.institution && same(contact.institution, myInstitution) && /\{\{\s*my\s*institution\s*\}\}/i.test(template.body)) {
    cautions.push(`${contact.name} is at ${contact.institution} too: the email introduces you as being there. Reword that sentence for a colleague.`);
  }
  if (/\{\{\s*letter\s*due/i.test(`${template.subject}${template.body}`)) {
    if (contact.unreadable.includes('letterDue')) cautions.push('Letter due is not a date Touchpoint can read: the email shows it as typed. Put a date there (e.g. 2027-01-10).');
    else if (contact.letterDue !== null && contact.letterDue < today) cautions.push(`Letter due (${formatLongDay(contact.letterDue)}) has passed: check the date before asking.`);
    else if (contact.letterDue !== null && contact.letterDue - today < 42) {
      cautions.push(`Letter due is ${contact.letterDue - today} days away, less than the 6 weeks a letter writer needs: say so, and thank them for fitting it in.`);
    }
  }
  const greeting = /\{\{\s*salutation\s*\}\}/i.test(template.body) ? fullNameGreetingNote(contact, greetings) : null;
  if (greeting) cautions.push(greeting);
  return cautions;
}
