import { readContacts } from '../../src/core/contacts';
import { dayFromYmd } from '../../src/core/dates';
import { DEFAULT_TEMPLATES } from '../../src/core/default-templates';
import { draftCautions } from '../../src/core/draft-cautions';
import { parseGreetingTable } from '../../src/core/greetings';
import { CONTACTS, mapHeaders } from '../../src/core/schema';

const headers = CONTACTS.columns.map((c) => c.header);
const columns = new Map(mapHeaders(headers, CONTACTS).index);
const contact = (cells: Record<string, string>) => readContacts([headers.map((h) => (h === 'Contact ID' ? 'c1' : cells[h] ?? ''))], headers, columns, 'UTC').contacts[0];
const template = (name: string) => DEFAULT_TEMPLATES.find((t) => t.name === name)!;
const today = dayFromYmd(2026, 11, 22);
const greetings = parseGreetingTable([]);

test('an email that introduces you as being at your own hospital, to a colleague there, gets a caution', () => {
  const colleague = contact({ 'First name': 'Casey', 'Last name': 'Morgan', Role: 'Attending', Institution: 'Riverside Medical Center ' });
  expect(draftCautions(template('Post-conference follow-up'), colleague, today, greetings, 'riverside medical center')).toEqual([
    'Casey Morgan is at Riverside Medical Center too: the email introduces you as being there. Reword that sentence for a colleague.',
  ]);
  expect(draftCautions(template('Post-conference follow-up'), colleague, today, greetings, 'Lakeview University Hospital')).toEqual([]);
  expect(draftCautions(template('Catch-up'), colleague, today, greetings, 'Riverside Medical Center')).toEqual([]); // no introduction in it
});

test('letter dates: passed, unreadable or short notice each get a caution; six weeks or more none', () => {
  const writer = (due: string) => contact({ 'First name': 'A', 'Last name': 'B', Role: 'Attending', 'Letter for': 'the fellowship', 'Letter due': due });
  expect(draftCautions(template('Letter request'), writer('2026-11-01'), today, greetings)[0]).toMatch(/has passed/);
  expect(draftCautions(template('Letter request'), writer('2026-12-20'), today, greetings)[0]).toMatch(/^Letter due is 28 days away/);
  expect(draftCautions(template('Letter request'), writer('2027-01-10'), today, greetings)).toEqual([]);
});
