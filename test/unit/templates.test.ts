import { readContacts } from '../../src/core/contacts';
import { dayFromYmd } from '../../src/core/dates';
import { CONTACTS, mapHeaders } from '../../src/core/schema';
import { checkTemplate, findTemplate, knownPlaceholderNames, placeholdersIn, readTemplates, renderTemplate, TemplateError } from '../../src/core/templates';
import { DEFAULT_TEMPLATES } from '../../src/core/default-templates';

const headers = ['First name', 'Last name', 'Email', 'Institution', 'Interests', 'Met on', 'Contact ID', 'Pager'];
const columns = mapHeaders(headers, CONTACTS).index;
const [contact] = readContacts([['Maya', 'Okafor', 'maya@example.org', 'Riverside', '', new Date('2026-07-14T04:00:00Z'), 'c-1', '555']], headers, new Map(columns), 'America/New_York').contacts;
const profile = { myName: 'Sam Lee', myPosition: 'a PGY-1 intern', myInstitution: 'Lakeview', mySpecialty: 'cardiology' };
const input = { contact, profile, today: dayFromYmd(2026, 11, 22), timeZone: 'America/New_York' };

test('placeholders fill from any column by header (any case or spacing), profile, today; dates as people write them', () => {
  const rendered = renderTemplate(
    { name: 'T', whenToUse: '', subject: 'Hello {{ first NAME }}', body: '{{Institution}} · {{pager}} · {{Met on}} · {{My name}}, {{my position}} · {{Today}} · {{Name}}' },
    input,
  );
  expect(rendered.subject).toBe('Hello Maya');
  expect(rendered.body).toBe('Riverside · 555 · July 14, 2026 · Sam Lee, a PGY-1 intern · November 22, 2026 · Maya Okafor');
  expect(rendered.missing).toEqual([]);
});

test('a fallback is used when the value is blank; an empty value without one is reported, not hidden', () => {
  const rendered = renderTemplate({ name: 'T', whenToUse: '', subject: 'Re: {{Interests|our talk}}', body: 'About {{Interests}} and {{Specialty}}.' }, input);
  expect(rendered.subject).toBe('Re: our talk');
  expect(rendered.missing).toEqual(['Interests', 'Specialty']);
  expect(rendered.body).toBe('About [Interests] and [Specialty].'); // a visible hole, never a silent one
});

test('an unknown placeholder is an error naming it and the template', () => {
  const known = knownPlaceholderNames(headers);
  expect(() => checkTemplate({ name: 'Thanks', whenToUse: '', subject: 'Hi', body: 'Dear {{Nickname}}' }, known)).toThrow(TemplateError);
  expect(() => checkTemplate({ name: 'Thanks', whenToUse: '', subject: 'Hi', body: 'Dear {{Nickname}}' }, known)).toThrow('Template "Thanks" uses {{Nickname}}');
  expect(() => checkTemplate({ name: 'Ok', whenToUse: '', subject: 'Hi', body: 'Dear {{Salutation}}, {{My news}}' }, known)).not.toThrow();
  expect(() => checkTemplate({ name: 'Ok', whenToUse: '', subject: '{{Pager}}', body: '{{My specialty}} {{Letter due}}' }, known)).not.toThrow();
});

test('the default templates use only known placeholders', () => {
  const known = knownPlaceholderNames(CONTACTS.columns.map((c) => c.header));
  for (const template of DEFAULT_TEMPLATES) expect(() => checkTemplate(template, known)).not.toThrow();
  expect(DEFAULT_TEMPLATES.map((t) => t.name)).toEqual([
    'Thank-you after a rotation', 'Post-conference follow-up', 'Mentor meeting request', 'Pre-conference outreach', 'Letter request', 'Progress update',
    'Thank-you to a letter writer', 'Catch-up', 'Letter reminder',
  ]);
});

test('user text with braces or odd characters never throws', () => {
  for (const text of ['{{', '}}', '{{}}', '{{|}}', '{ {x} }', '{{a|b|c}}', '💥 {{First name}} 💥']) {
    expect(() => renderTemplate({ name: 'T', whenToUse: '', subject: text, body: text }, input)).not.toThrow();
  }
  expect(placeholdersIn('{{a|b|c}}')).toEqual([{ text: '{{a|b|c}}', name: 'a', fallback: 'b|c' }]);
});

test('readTemplates reads by header and skips blank rows', () => {
  const templates = readTemplates([
    ['Subject', 'Name', 'Body'],
    ['S1', 'One', 'B1'],
    ['', '', ''],
    ['S2', 'Two', 'B2'],
  ]);
  expect(templates.map((t) => [t.name, t.subject, t.body])).toEqual([['One', 'S1', 'B1'], ['Two', 'S2', 'B2']]);
  expect(() => readTemplates([['Title']])).toThrow('The Templates sheet needs Name, Subject and Body columns');
});

test('templates named in any script stay apart: "Привет" is not "Спасибо"', () => {
  const templates = [
    { name: 'Спасибо', whenToUse: '', subject: 'Спасибо', body: 'Спасибо!' },
    { name: 'Привет', whenToUse: '', subject: 'Привет', body: 'Привет!' },
  ];
  expect(findTemplate(templates, 'Привет').name).toBe('Привет');
  expect(findTemplate(templates, 'привет').name).toBe('Привет');
});
