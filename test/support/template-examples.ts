/**
 * One made-up recipient for each default template, the kind of person the guides write that email to, for the
 * README's example drafts (checked by test/unit/template-examples.test.ts, so the README shows what Touchpoint
 * really writes).
 */
import { readContacts } from '../../src/core/contacts';
import { dayFromYmd } from '../../src/core/dates';
import { CONTACTS, mapHeaders } from '../../src/core/schema';
import type { RenderInput } from '../../src/core/templates';

const headers = CONTACTS.columns.map((c) => c.header);
const columns = new Map(mapHeaders(headers, CONTACTS).index);

const PEOPLE: Record<string, { row: Record<string, string>; news?: string }> = {
  'Thank-you after a rotation': { row: { 'First name': 'Maya', 'Last name': 'Okafor', Email: 'maya.okafor@example.org', Role: 'Attending', Institution: 'Riverside Medical Center', Relationship: 'Clinical mentor' } },
  'Post-conference follow-up': {
    row: { 'First name': 'Grace', 'Last name': 'Kim', Email: 'gkim@example.org', Role: 'Researcher', Institution: 'Lakeview University Hospital', Relationship: 'Conference contact', Event: 'the ACP Internal Medicine Meeting 2026', Topic: 'survivorship clinics for cardio-oncology patients' },
  },
  'Mentor meeting request': { row: { 'First name': 'Daniel', 'Last name': 'Reyes', Email: 'dreyes@example.edu', Role: 'Program director', Relationship: 'Career mentor' } },
  'Pre-conference outreach': {
    row: { 'First name': 'Nadia', 'Last name': 'Haddad', Email: 'nhaddad@example.org', Role: 'Attending', Event: 'the CHEST Annual Meeting', Topic: 'multidisciplinary review in interstitial lung disease' },
  },
  'Letter request': { row: { 'First name': 'Aisha', 'Last name': 'Rahman', Email: 'a.rahman@example.org', Role: 'Attending', 'Letter for': 'the Lakeview cardiology fellowship', 'Letter due': '2027-01-10' } },
  'Progress update': {
    row: { 'First name': 'Priya', 'Last name': 'Nair', Email: 'pnair@example.com', Role: 'Fellow', Relationship: 'Research mentor' },
    news: 'Our heart failure readmissions abstract was accepted as a poster at the spring meeting, and I start my cardiology elective in January.',
  },
  'Thank-you to a letter writer': {
    row: { 'First name': 'Aisha', 'Last name': 'Rahman', Email: 'a.rahman@example.org', Role: 'Attending', 'Letter for': 'the Lakeview cardiology fellowship' },
    news: 'I matched at Lakeview University Hospital, my first choice, and start in July.',
  },
  'Letter reminder': { row: { 'First name': 'George', 'Last name': 'Adams', Email: 'gadams@example.org', Role: 'Attending', 'Letter for': 'categorical internal medicine residency positions', 'Letter due': '2026-12-08', 'Letter status': 'Agreed' } },
  'Catch-up': { row: { 'First name': 'Tom', 'Last name': 'Becker', Email: 'tom.becker@example.org', Role: 'Co-resident', Relationship: 'Peer' } },
};

export const EXAMPLE_PROFILE = { myName: 'Sam Lee', myPosition: 'a PGY-1 preliminary medicine intern', myInstitution: 'Riverside Medical Center', mySpecialty: 'cardiology' };

export function exampleInput(template: string): RenderInput & { to: string } {
  const person = PEOPLE[template];
  if (!person) throw new Error(`No example recipient for ${template}`);
  const [contact] = readContacts([headers.map((h) => (h === 'Contact ID' ? 'c-example' : person.row[h] ?? ''))], headers, columns, 'UTC').contacts;
  return { contact, profile: EXAMPLE_PROFILE, today: dayFromYmd(2026, 11, 22), timeZone: 'UTC', news: person.news, to: `${contact.name} <${contact.email}>` };
}
