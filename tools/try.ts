/**
 * `npm run try`: runs the built dist/Code.js against the offline Apps Script fake, sets up the contact sheet on
 * the sample contacts (or your CSV in the sheet's columns), and prints what the Contacts sheet shows.
 *   npm run try -- --csv my-contacts.csv --as-of 2026-11-22 --time-zone Europe/London
 */
import fs from 'fs';
import path from 'path';
import { loadBundle } from './gas-fake/bundle';
import { detectDelimiter, parseCsv } from '../src/core/csv';
import { rowsByHeader, fillSheet } from '../test/support/workbook';
import { asOfOption, optionsOrExit, timeZoneOption } from './cli';

declare const __ROOT__: string;

const options = optionsOrExit('npm run try --', {
  csv: { type: 'string', help: 'FILE         a CSV in the sheet\'s columns (default: the sample contacts)' },
  'as-of': { type: 'string', help: 'YYYY-MM-DD  pretend today is this date' },
  'time-zone': { type: 'string', help: 'ZONE   the spreadsheet\'s time zone (default America/New_York)' },
});
const csvPath = options.csv ?? path.join(__ROOT__, 'test/fixtures/contacts-basic.csv');
let timeZone: string;
let asOf: Date | undefined;
try {
  timeZone = timeZoneOption(options['time-zone'], 'America/New_York');
  asOf = asOfOption(options['as-of'], timeZone);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const now = asOf ?? new Date();

const app = loadBundle({ now, timeZone }, undefined, path.join(__ROOT__, 'dist'));
const csvText = fs.readFileSync(csvPath, 'utf8');
const rows = parseCsv(csvText, detectDelimiter(csvText)).rows.filter((row) => row.some((cell) => cell.trim() !== ''));
const contacts = app.fake.spreadsheet.insertSheet('Contacts');
if (rows.length + 1 > contacts.getMaxRows()) contacts.insertRowsAfter(contacts.getMaxRows(), rows.length + 1 - contacts.getMaxRows());
fillSheet(contacts, rows);

app.call('onOpen', { authMode: 'FULL' });
const menu = app.fake.ui.menus[0];
app.call(app.fake.ui.functionFor(menu.caption, 'Set up contact sheet'));

const show = (value: unknown) =>
  value instanceof Date ? new Intl.DateTimeFormat('en-CA', { timeZone }).format(value) : String(value ?? '');
const columns = ['First name', 'Last name', 'Relationship', 'Last contact', 'Days since contact', 'Next follow-up', 'Status'];
const table = rowsByHeader(contacts).map((row) => columns.map((c) => show(row[c])));
const widths = columns.map((c, i) => Math.max(c.length, ...table.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');

console.log(`Menu ${menu.caption}: ${menu.entries.filter((e) => !e.separator).map((e) => e.caption).join(' | ')}`);
console.log(`\n${app.fake.ui.alerts.map((a) => `${a.title}\n${a.prompt}`).join('\n')}\n`);
console.log(`Contacts as of ${app.fake.spreadsheet.getRangeByName('TouchpointAsOf')!.getDisplayValue()} (${timeZone}):\n`);
console.log(line(columns));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of table) console.log(line(row));
const templates = rowsByHeader(app.fake.spreadsheet.getSheetByName('Templates')!);
console.log(`\nTemplates: ${templates.map((t) => t.Name).join(', ')}`);
