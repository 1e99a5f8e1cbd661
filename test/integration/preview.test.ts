/** The preview's options, without a browser: --data keeps the workbook, --csv starts from a file, nothing leaks into dist/. */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import vm from 'vm';
import { startPreview } from '../../tools/preview/server';
import { sampleWorkbookRows } from '../../tools/preview/sample-workbook';

const ROOT = path.resolve(__dirname, '../..');

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

test('--csv starts from a LinkedIn export, mapped to the Contacts columns', async () => {
  const preview = await startPreview({ root: ROOT, port: 0, csv: path.join(ROOT, 'test/fixtures/linkedin-connections.csv'), asOf: '2026-11-22' });
  const state = await (await fetch(`${preview.url}api/state`)).json();
  await preview.close();
  const rows = state.sheets[0].rows.map((r: { cells: string[] }) => r.cells);
  expect(rows[0].slice(0, 9)).toEqual(['First name', 'Last name', 'Email', 'Role', 'Institution', 'How we met', 'Met on', 'Last contact notes', 'LinkedIn']);
  expect(rows[1].slice(0, 7)).toEqual(['Maya', 'Okafor', 'maya.okafor@example.org', 'Attending', 'Riverside Medical Center', 'Online / LinkedIn', '2026-07-14']);
  expect(rows[5][0]).toBe('=cmd'); // stored as text, not run as a formula
  expect(rows[5][4]).toBe('=HYPERLINK("http://x","y")');
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
