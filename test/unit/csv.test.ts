import fs from 'fs';
import path from 'path';
import { formatCsv, parseCsv, detectDelimiter } from '../../src/core/csv';
import { readImportSource } from '../../src/core/import';
import { findLinkedInHeader, roleOfPosition } from '../../src/core/linkedin';

test('quotes, doubled quotes, commas and newlines inside quotes, CRLF, BOM', () => {
  const { rows, problems } = parseCsv('\ufeffa,"b, c","say ""hi"""\r\n"multi\nline",,x\r\n');
  expect(rows).toEqual([['a', 'b, c', 'say "hi"'], ['multi\nline', '', 'x']]);
  expect(problems).toEqual([]);
});

test('an unclosed quote is reported with its line, and nothing throws', () => {
  const { rows, problems } = parseCsv('a,b\n"open,c\nd,e');
  expect(problems).toEqual(['Line 2: a quoted field is never closed; the rest of the file was read into it.']);
  expect(rows[0]).toEqual(['a', 'b']);
});

test('formatCsv then parseCsv gives the rows back', () => {
  const rows = [['a', 'b, c', ' padded '], ['"q"', 'line\nbreak', ''], ['']];
  expect(parseCsv(formatCsv(rows)).rows).toEqual(rows);
});

test('a LinkedIn export: header found by scanning past the notes, mapped to Contacts columns', () => {
  const text = fs.readFileSync(path.join(__dirname, '../fixtures/linkedin-connections.csv'), 'utf8');
  const rows = parseCsv(text).rows;
  const header = findLinkedInHeader(rows);
  expect(rows[header][0]).toBe('First Name');
  // As the import reads it: "Connected On" stays as written here, and the import reads it as a day in the sheet's zone.
  const mapped = readImportSource(text);
  expect(mapped.headers).toEqual(['First name', 'Last name', 'Email', 'Role', 'Institution', 'How we met', 'Met on', 'Last contact notes', 'LinkedIn']);
  const cells = mapped.rows.map((row) => row.cells);
  expect(cells[0]).toEqual(['Maya', 'Okafor', 'maya.okafor@example.org', 'Attending', 'Riverside Medical Center', 'Online / LinkedIn', '14 Jul 2026', '', 'https://www.linkedin.com/in/maya-okafor-example']);
  expect(cells[1].slice(0, 5)).toEqual(['Jonas', 'Weber', '', 'Fellow', 'Northgate Clinic']);
  expect(cells[2].slice(3, 5)).toEqual(['Resident', 'Hospital Universitario, Madrid']);
  expect(cells[3][3]).toBe('Associate program director');
  expect(cells[4].slice(0, 8)).toEqual(['=cmd', 'Injection', '', 'Other', '=HYPERLINK("http://x","y")', 'Online / LinkedIn', '01 Jan 2026', 'LinkedIn title: @SUM(A1)']);
  expect(findLinkedInHeader([['First name', 'Email']])).toBe(-1);
});

test('positions map to roles where the words say so', () => {
  expect(['Hospitalist', 'PGY-2 Resident', 'Chief Resident', 'Program Director, IM', 'Research Coordinator', 'Founder'].map(roleOfPosition)).toEqual([
    'Attending', 'Resident', 'Chief resident', 'Program director', 'Researcher', 'Other',
  ]);
});

test('the delimiter comes from the header line: commas, semicolons (Excel in comma-decimal locales) or tabs', () => {
  expect(detectDelimiter('Name,Email\nAna,a@x.org\n')).toBe(',');
  expect(detectDelimiter('\ufeffName;Email;Notes\n"Smith, Ana";a@x.org;"hi, there"\n')).toBe(';');
  expect(detectDelimiter('Name\tEmail\nAna\ta@x.org\n')).toBe('\t');
  expect(detectDelimiter('Notes:\n"When exporting, some emails are missing; see help"\n\nFirst Name,Last Name,URL\n')).toBe(',');
  expect(detectDelimiter('Name\nAna, Smith;x\n')).toBeNull();
  expect(parseCsv('Name\nGarcía, José\n', null).rows).toEqual([['Name'], ['García, José']]);
  expect(parseCsv('a;"b;c";"d ""e"""\r\n', ';').rows).toEqual([['a', 'b;c', 'd "e"']]);
  expect(parseCsv('a,b;c\n', ';').rows).toEqual([['a,b', 'c']]);
});
