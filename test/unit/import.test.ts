import fs from 'fs';
import path from 'path';
import { readContacts } from '../../src/core/contacts';
import { dayFromYmd } from '../../src/core/dates';
import { defaultMapping, personKey, planImport, profileKey, readImportSource } from '../../src/core/import';
import { lettersGoal } from '../../src/app/goals';
import { letterCardsOf } from '../../src/app/letters';
import { CONTACTS, mapHeaders } from '../../src/core/schema';

const tz = 'America/New_York';
const TODAY = dayFromYmd(2026, 11, 22);
const headers = CONTACTS.columns.map((c) => c.header);
const columns = new Map(mapHeaders(headers, CONTACTS).index);

function sheetOf(rows: Record<string, unknown>[]) {
  const values = rows.map((row) => headers.map((h) => row[h] ?? ''));
  return { ...readContacts(values, headers, columns, tz), rows: values, columns };
}

const existing = sheetOf([
  { 'First name': 'Maya', 'Last name': 'Okafor', Email: 'Maya.Okafor@example.org', Institution: 'Riverside Medical Center', 'Contact ID': 'a' },
  { 'First name': 'Elena', 'Last name': 'Martinez-Lopez', Institution: 'Hospital Universitario, Madrid', 'Contact ID': 'b' },
]);

describe('a LinkedIn export', () => {
  const source = readImportSource(fs.readFileSync(path.join(__dirname, '../fixtures/linkedin-connections.csv'), 'utf8'));
  const plan = planImport(source, defaultMapping(source.headers), existing, tz, TODAY);

  test('is recognised past its notes lines and mapped to Contacts columns', () => {
    expect(source.format).toBe('linkedin');
    expect(defaultMapping(source.headers)).toEqual(['firstName', 'lastName', 'email', 'role', 'institution', 'howWeMet', 'metOn', 'lastContactNotes', 'linkedIn']);
    expect(source.rows.map((r) => r.fileRow)).toEqual([5, 6, 7, 8, 9]); // three lines of notes, the header on line 4
  });

  test('matches by email (any case) and by name + institution ignoring accents; the rest are new', () => {
    expect(plan.present.map((p) => [p.name, p.row])).toEqual([['Maya Okafor', 2], ['Elena Martinez-Lopez', 3]]);
    expect(plan.added.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(['Jonas Weber', 'Kwame Mensah', '=cmd Injection']);
    expect(plan.added[1]).toMatchObject({ role: 'Associate program director', institution: 'Lakeview University Hospital', metOn: '2026-02-02', howWeMet: 'Online / LinkedIn' });
    expect(plan.rejected).toEqual([]);
  });

  test('only empty cells of a match are offered to fill', () => {
    expect(Object.keys(plan.present[0].fills).sort()).toEqual(['howWeMet', 'linkedIn', 'metOn', 'role']);
    expect(plan.present[0].fills).not.toHaveProperty('email');
  });
});

test('a generic CSV: headers by alias in any order, "Name" split, rows rejected with the reason, duplicates in the file', () => {
  const csv = [
    'Name,E-mail,Organization,Met,Relationship,Follow-up every',
    'Ada Lovelace,ada@example.org,Analytical Hospital,2026-03-01,Peer,30',
    'Grace Brewster Hopper,grace@example.org,Navy Medical,3/4/2026,Sponsor,',
    ',nobody@example.org,Nowhere,,,',
    'Bad Email,not-an-email,X,,,',
    'Bad Date,bad@example.org,X,someday,,',
    'Bad Cadence,cad@example.org,X,,,often',
    'Ada Lovelace,ADA@example.org,Elsewhere,,,',
    ',,Nowhere at all,,,',
  ].join('\n');
  const source = readImportSource(csv);
  const mapping = defaultMapping(source.headers);
  expect(mapping).toEqual(['fullName', 'email', 'institution', 'metOn', 'relationship', 'cadenceDays']);
  const plan = planImport(source, mapping, sheetOf([]), tz, TODAY);
  expect(plan.added.map((r) => [r.firstName, r.lastName, r.metOn ?? '', r.cadenceDays ?? ''])).toEqual([
    ['Ada', 'Lovelace', '2026-03-01', '30'],
    ['Grace Brewster', 'Hopper', '2026-03-04', ''],
    [undefined, undefined, '', ''], // an email with no name is a contact too
  ]);
  expect(plan.added[2].email).toBe('nobody@example.org');
  expect(plan.rejected).toEqual([
    { fileRow: 5, name: 'Bad Email', reason: 'Email: "not-an-email" is not an email address' },
    { fileRow: 6, name: 'Bad Date', reason: expect.stringMatching(/^Met on: not a date: "someday"/) },
    { fileRow: 7, name: 'Bad Cadence', reason: expect.stringMatching(/^Follow-up every \(days\): Follow-up every "often" is not a whole number/) },
    { fileRow: 8, name: 'Ada Lovelace', reason: 'the same person as row 2 of the file' },
    { fileRow: 9, name: 'Nowhere at all', reason: 'no name and no email' },
  ]);
  const credentials = readImportSource('Name,Email\n"Jane Doe, MD",jane@example.org\n"Ravi Patel, MBBS, MPH",ravi@example.org\n"Okafor, Maya",maya@example.org\n');
  expect(planImport(credentials, defaultMapping(credentials.headers), sheetOf([]), tz, TODAY).added.map((r) => [r.firstName, r.lastName])).toEqual([
    ['Jane', 'Doe'], ['Ravi', 'Patel'], ['Maya', 'Okafor'],
  ]);
  expect(readImportSource('Name\nJos\uFFFD Garc\uFFFDa\n').problems[0]).toMatch(/^Row 2 contains "\uFFFD", a character lost/);
});

describe('letters', () => {
  const today = dayFromYmd(2026, 11, 22);
  const at = (iso: string) => new Date(`${iso}T05:00:00Z`);
  const { contacts } = sheetOf([
    { 'First name': 'Past', 'Letter for': 'IM residency', 'Letter due': at('2027-01-10'), 'Contact ID': '1' }, // ask by 2026-11-15
    { 'First name': 'Soon', 'Letter for': 'Cardiology fellowship', 'Letter due': at('2027-01-25'), 'Letter status': 'To ask', 'Contact ID': '2' }, // ask by 11-30
    { 'First name': 'Later', 'Letter for': 'Research year', 'Letter due': at('2027-03-01'), 'Contact ID': '3' },
    { 'First name': 'Waiting', 'Letter for': 'EM residency', 'Letter status': 'Asked', 'Letter status date': at('2026-11-10'), 'Contact ID': '4' },
    { 'First name': 'Recent', 'Letter for': 'EM residency', 'Letter status': 'asked', 'Letter status date': at('2026-11-18'), 'Contact ID': '5' },
    { 'First name': 'Yes', 'Letter for': 'IM residency', 'Letter status': 'Agreed', 'Contact ID': '6' },
    { 'First name': 'Done', 'Letter for': 'IM residency', 'Letter status': 'Submitted', 'Contact ID': '7' },
    { 'First name': 'Undated', 'Letter for': 'Prelim year', 'Contact ID': '8' },
    { 'First name': 'No letter', 'Contact ID': '9' },
  ]);

  test('to ask within 14 days of the ask-by date or past it; asked 10+ days ago; most urgent first', () => {
    expect(letterCardsOf(contacts, 8, today).map((l) => [l.name, l.reason])).toEqual([
      ['Past', 'Ask-by date passed 7 days ago'],
      ['Waiting', 'Asked 12 days ago, no answer yet'],
      ['Undated', 'Add the Letter due date to get an ask-by date.'],
      ['Soon', 'Ask by November 30, 2026 (in 8 days)'],
    ]);
    expect(letterCardsOf(contacts, 8, today)[0]).toMatchObject({ due: '2027-01-10', askBy: '2026-11-15', status: 'To ask' });
  });

  test('the goal counts agreed and submitted letters against 3', () => {
    expect(lettersGoal(contacts)).toEqual({ label: 'Letters', target: 3, names: ['Yes', 'Done'] });
  });
});

describe('who is already on the sheet', () => {
  const csv = (lines: string[]) => readImportSource(lines.join('\n'));

  test('names in every script keep their letters: Li Ming never matches Ivan Petrov', () => {
    expect(personKey('Иван')).toBe('иван');
    expect(personKey('Núñez')).toBe(personKey('NUNEZ'));
    expect(personKey('李明')).toBe('李明');
    const sheet = sheetOf([
      { 'First name': 'Иван', 'Last name': 'Петров', Email: 'ivan@example.org', 'Contact ID': 'a' },
      { Email: 'only.email@example.org', 'Contact ID': 'b' },
    ]);
    const source = csv(['First name,Last name,Email', '李,明,', 'Σοφία,Παππά,', '민준,김,', 'محمد,علي,', 'Иван,Петров,']);
    const plan = planImport(source, defaultMapping(source.headers), sheet, tz, TODAY);
    expect(plan.added.map((r) => r.firstName)).toEqual(['李', 'Σοφία', '민준', 'محمد']);
    expect(plan.present).toEqual([{ name: 'Иван Петров', row: 2, fills: {} }]);
    expect(plan.rejected).toEqual([]);
  });

  test('a name with no letters matches nobody', () => {
    const sheet = sheetOf([{ 'First name': '…', 'Contact ID': 'a' }]);
    const source = csv(['First name,Last name', '-,-', '…,']);
    const plan = planImport(source, defaultMapping(source.headers), sheet, tz, TODAY);
    expect(plan.present).toEqual([]);
  });

  test('the LinkedIn profile URL is an identity: a new employer is the same person; a namesake with another profile is not', () => {
    expect(profileKey('https://www.linkedin.com/in/Maya-Okafor/?utm=x')).toBe('maya-okafor');
    const sheet = sheetOf([
      { 'First name': 'Maya', 'Last name': 'Okafor', Institution: 'Riverside', LinkedIn: 'https://www.linkedin.com/in/maya-okafor', 'Contact ID': 'a' },
      { 'First name': 'John', 'Last name': 'Smith', Institution: 'Lakeview', LinkedIn: 'linkedin.com/in/john-smith-1', 'Contact ID': 'b' },
    ]);
    const source = csv(['First name,Last name,Institution,LinkedIn', 'Maya,Okafor,Northside Hospital,https://linkedin.com/in/maya-okafor/', 'John,Smith,Lakeview,https://www.linkedin.com/in/john-smith-2']);
    const plan = planImport(source, defaultMapping(source.headers), sheet, tz, TODAY);
    expect(plan.present.map((p) => p.name)).toEqual(['Maya Okafor']);
    expect(plan.added.map((r) => r.linkedIn)).toEqual(['https://www.linkedin.com/in/john-smith-2']);
  });

  test('a field over 50,000 characters and a Last contact in the future are rejected with their file row', () => {
    const source = csv(['First name,Last name,Interests,Last contact', `Ana,Long,${'x'.repeat(50_001)},`, 'Ben,Future,,2099-01-01', 'Cy,Fine,,2026-11-01']);
    const plan = planImport(source, defaultMapping(source.headers), sheetOf([]), tz, TODAY);
    expect(plan.rejected).toEqual([
      { fileRow: 2, name: 'Ana Long', reason: 'Interests: 50,001 characters, more than a Sheets cell holds (50,000)' },
      { fileRow: 3, name: 'Ben Future', reason: 'Last contact: January 1, 2099 is in the future' },
    ]);
    expect(plan.added.map((r) => r.firstName)).toEqual(['Cy']);
  });

  test('a formula cell is never empty, even when it shows nothing', () => {
    const sheet = { ...sheetOf([{ 'First name': 'Maya', 'Last name': 'Okafor', Email: 'maya@example.org', 'Contact ID': 'a' }]) };
    const formulas = sheet.rows.map((row) => row.map(() => ''));
    formulas[0][headers.indexOf('Institution')] = '=IF(TRUE,"","")';
    const source = csv(['First name,Last name,Email,Institution,Specialty', 'Maya,Okafor,maya@example.org,Riverside,Medicine']);
    const plan = planImport(source, defaultMapping(source.headers), { ...sheet, formulas }, tz, TODAY);
    expect(plan.present[0].fills).toEqual({ specialty: 'Medicine' });
  });
});
