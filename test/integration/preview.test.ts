/** The preview's options, without a browser: --data keeps the workbook, --csv imports a file, nothing leaks into dist/. */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import vm from 'vm';
import { startPreview } from '../../tools/preview/server';
import { sampleWorkbookRows } from '../../tools/preview/sample-workbook';
import type { SheetView } from '../../tools/preview/types';
import { sheetView } from '../../tools/preview/views';
import { DIST, loadBundle, readDistHtmlFiles } from '../../tools/gas-fake/bundle';
import { asOfOption } from '../../tools/cli';

const ROOT = path.resolve(__dirname, '../..');

// Each test starts the preview (a build's bundle on the fake) once or twice: seconds, more on a busy machine.
jest.setTimeout(60_000);

async function post(url: string, body: unknown): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

test('--data keeps what was typed and the drafts made, between runs', async () => {
  const data = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'touchpoint-')), 'workbook.json');
  const first = await startPreview({ root: ROOT, port: 0, data, asOf: '2026-11-22' });
  await post(`${first.url}api/cell`, { sheet: 'Contacts', row: 2, column: 12, value: 'Typed in the preview' });
  const state = await (await fetch(`${first.url}api/state`)).json();
  const id = (await post(`${first.url}api/run`, { name: 'loadSidebar', args: [] })).value.overdue[0].id;
  await post(`${first.url}api/run`, { name: 'createDraft', args: [{ contactId: id, subject: 'Kept', body: 'Still here' }] });
  await first.close();
  expect(state.sheets[0].rows[1].cells[11]).toBe('Typed in the preview');

  const second = await startPreview({ root: ROOT, port: 0, data, asOf: '2026-11-22' });
  const again = await (await fetch(`${second.url}api/state`)).json();
  await second.close();
  expect(again.sheets[0].rows[1].cells[11]).toBe('Typed in the preview');
  expect(again.drafts.map((d: { subject: string }) => d.subject)).toEqual(['Kept']);
  expect(again.sheets.map((s: { name: string }) => s.name)).toEqual(['Contacts', 'Interactions', 'Templates', 'Settings']);
});

test('--csv imports the file with the product\'s own import: the sheet is what Import contacts… makes of it in Sheets', async () => {
  const csv = path.join(ROOT, 'test/fixtures/linkedin-connections.csv');
  // UTC-11: a "Connected On" day read as UTC midnight would show there as the day before.
  const timeZone = 'Pacific/Pago_Pago';
  const preview = await startPreview({ root: ROOT, port: 0, csv, asOf: '2026-11-22', timeZone });
  const state = await (await fetch(`${preview.url}api/state`)).json();
  await preview.close();
  expect(preview.messages).toEqual(['linkedin-connections.csv: Imported 5 new contacts.']);

  // The same file in Sheets: a new Contacts sheet, set up, then the Import dialog's call (runImport, mapping by default).
  const sheets = loadBundle({ now: asOfOption('2026-11-22', timeZone), timeZone, htmlFiles: readDistHtmlFiles(DIST) });
  const contacts = sheets.fake.spreadsheet.insertSheet('Contacts');
  sheets.call('setUpContactSheet');
  sheets.call('runImport', { text: fs.readFileSync(csv, 'utf8'), mapping: null, fillEmpty: false });
  const expected = sheetView(sheets.fake.spreadsheet, contacts);
  const shown: SheetView = state.sheets[0];
  const id = expected.rows[0].cells.indexOf('Contact ID'); // new ids are random: compare every other column
  const withoutIds = (view: SheetView) => view.rows.map((r) => r.cells.filter((_, c) => c !== id));
  expect(shown.name).toBe('Contacts');
  expect(withoutIds(shown)).toEqual(withoutIds(expected));
  expect(shown.columns).toEqual(expected.columns);

  const [header, ...rows] = shown.rows.map((r) => r.cells);
  const cell = (row: string[], name: string) => row[header.indexOf(name)];
  expect(['First name', 'Last name', 'Email', 'Role', 'Institution', 'How we met', 'Met on', 'Last contact notes', 'LinkedIn'].map((h) => cell(rows[0], h))).toEqual([
    'Maya', 'Okafor', 'maya.okafor@example.org', 'Attending', 'Riverside Medical Center', 'Online / LinkedIn', 'Jul 14, 2026', '', 'https://www.linkedin.com/in/maya-okafor-example',
  ]);
  expect(cell(rows[4], 'First name')).toBe('=cmd'); // stored as text, not run as a formula
  expect(cell(rows[4], 'Institution')).toBe('=HYPERLINK("http://x","y")');
  expect(cell(rows[0], 'Contact ID')).not.toBe('');
});

test('--csv says what the import said: how slashed dates were read, each row not imported and why, the result', async () => {
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'touchpoint-')), 'mine.csv');
  fs.writeFileSync(csv, 'First name;Last name;Email;Met on\nNia;Obi;nia@example.org;03/11/2026\nJosé;Ruiz;jose@example.org;last Tuesday\n');
  const preview = await startPreview({ root: ROOT, port: 0, csv, asOf: '2026-11-22' });
  await preview.close();
  expect(preview.messages).toEqual([
    'mine.csv: Dates like 03/11/2026 were read month first (the file leaves it open; the import dialog would ask).',
    expect.stringMatching(/^mine\.csv: Row 3 \(José Ruiz\) was not imported: Met on: not a date: "last Tuesday"/),
    'mine.csv: Imported 1 new contact. 1 rejected (see the list).',
  ]);
});

test('the sample workbook: about 40 made-up contacts in every situation', async () => {
  const rows = sampleWorkbookRows(new Date('2026-11-22T12:00:00Z'));
  expect(rows.length - 1).toBeGreaterThanOrEqual(40);
  const preview = await startPreview({ root: ROOT, port: 0, asOf: '2026-11-22' });
  const model = (await post(`${preview.url}api/run`, { name: 'loadSidebar', args: [] })).value;
  await preview.close();
  expect(model.overdue.length).toBeGreaterThan(3);
  expect(model.dueThisWeek.length).toBeGreaterThan(2);
  expect(model.noContactYet.length).toBeGreaterThanOrEqual(2);
  expect(new Set(rows.slice(1).map((r) => r[6]))).toEqual(new Set(['Career mentor', 'Research mentor', 'Clinical mentor', 'Sponsor', 'Peer', 'Letter writer', 'Program leadership', 'Conference contact', 'Acquaintance']));
  expect(rows.some((r) => r[16] === 'To ask')).toBe(true); // a pending letter
  expect(rows.some((r) => r[2] === '')).toBe(true); // a missing email
  expect(model.problems.some((p: string) => p.includes('"last Tuesday"'))).toBe(true); // an unreadable date
});

test('a sidebar\'s call runs under google.script.run\'s rules (the tests\' stand-in): a value Google cannot carry fails', async () => {
  const preview = await startPreview({ root: ROOT, port: 0, asOf: '2026-11-22' });
  try {
    vm.runInContext('function returnsADate() { return new Date(); }', preview.app.context);
    expect(await post(`${preview.url}api/run`, { name: 'returnsADate', args: [] })).toEqual({ ok: false, message: 'google.script.run cannot pass a Date (the value returnsADate returned): send ISO text instead.' });
    expect(await post(`${preview.url}api/run`, { name: 'noSuchFunction', args: [] })).toEqual({ ok: false, message: 'Script function not found: noSuchFunction' });
  } finally {
    await preview.close();
  }
});

test('no preview code ships in dist/', () => {
  for (const file of fs.readdirSync(path.join(ROOT, 'dist'))) {
    const text = fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8');
    for (const marker of ['Touchpoint preview', '/api/run', 'sampleWorkbookRows', 'FakeSpreadsheet']) expect(text).not.toContain(marker);
  }
});

test('a malformed request address gets 400 and the preview keeps serving', async () => {
  const preview = await startPreview({ root: ROOT, port: 0, asOf: '2026-11-22' });
  try {
    const { port } = new URL(preview.url);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: Number(port), path: '//', method: 'GET' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(400);
    expect((await fetch(new URL("/api/state", preview.url))).status).toBe(200);
  } finally {
    await preview.close();
  }
});
