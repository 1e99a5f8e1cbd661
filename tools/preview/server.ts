/**
 * The local preview: runs the BUILT dist/Code.js in Node against the Apps Script fake and serves a page with the
 * workbook as a grid, the add-on menu, the real sidebar and dialogs from dist/ (their google.script.run calls come
 * here and run the same top-level functions Google would run), and the Gmail drafts that were made.
 * Development tooling only: nothing here is in dist/.
 */
import type { FakeSheet } from '../gas-fake/spreadsheet';
import { asOfOption, timeZoneOption } from '../cli';
import fs from 'fs';
import http from 'http';
import path from 'path';
import { build } from 'esbuild';
import { loadBundle, LoadedBundle, readDistHtmlFiles } from '../gas-fake/bundle';
import type { SavedWorkbook } from '../gas-fake/spreadsheet';
import { decodeDraft, StoredDraft } from '../gas-fake/gmail';
import { runOnServer, sendArguments } from '../gas-fake/script-run';
import { decodeCsvBytes } from '../../src/client/decode';
import type { ImportInput, ImportPreview, ImportResult } from '../../src/shared/rpc';
import { SAMPLE_EVENTS, SAMPLE_PROFILE, sampleWorkbookRows } from './sample-workbook';
import type { DraftView, MenuEvents, PreviewState, SheetView } from './types';
import { sheetView } from './views';
import { writeProfile } from '../../test/support/workbook';

export interface PreviewOptions {
  root: string;
  port: number;
  /**
   * Start from this CSV (the sheet's columns or a LinkedIn Connections.csv) instead of the sample workbook: a new
   * workbook, set up, then the file imported by the product's own import, as Touchpoint ▸ Import contacts… does.
   */
  csv?: string;
  /** Keep the workbook in this JSON file between runs. */
  data?: string;
  /** Pretend today is this day (YYYY-MM-DD); otherwise the real date. */
  asOf?: string;
  timeZone?: string;
}

export interface Preview {
  url: string;
  app: LoadedBundle;
  /** What starting said: for --csv, the import's notes (the file's problems, rows not imported) and its result. */
  messages: string[];
  close(): Promise<void>;
}

interface Saved {
  workbook: SavedWorkbook;
  drafts: StoredDraft[];
}

export function draftView(draft: StoredDraft): DraftView {
  const { to, subject, text } = decodeDraft(draft.mime);
  return { id: draft.id, to, subject, text: text.replace(/\r\n/g, '\n') };
}

/**
 * --csv: the file goes through the product's own import, as the Import dialog sends it: its bytes decoded as the
 * dialog decodes them, then previewImport and runImport called as google.script.run calls them (tools/gas-fake/
 * script-run.ts). So the sheet shows exactly what importing the file into Sheets would. Returns what it said.
 */
function importCsv(app: LoadedBundle, file: string): string[] {
  const bytes = fs.readFileSync(file);
  const { text, notice } = decodeCsvBytes(new Uint8Array(bytes).buffer);
  const input: ImportInput = { text, mapping: null, fillEmpty: false };
  const call = <T>(name: string): T => {
    const outcome = runOnServer(app, name, sendArguments(name, [input]));
    if (!outcome.ok) throw new Error(`${file}: ${outcome.message}`);
    return outcome.value as T;
  };
  const preview = call<ImportPreview>('previewImport');
  const dates = preview.slashDates;
  const notes = [
    ...(notice ? [notice] : []),
    ...preview.problems,
    ...(dates ? [`Dates like ${dates.example} were read ${dates.order === 'DMY' ? 'day first' : 'month first'}${dates.open ? ' (the file leaves it open; the import dialog would ask)' : ''}.`] : []),
    ...preview.warnings.map((w) => `Row ${w.fileRow} (${w.name}): ${w.warning}`),
    ...preview.rejected.map((r) => `Row ${r.fileRow} (${r.name}) was not imported: ${r.reason}`),
  ];
  return [...notes, call<ImportResult>('runImport').message].map((line) => `${path.basename(file)}: ${line}`);
}

/** A new workbook: the sample contacts, or an empty sheet and the --csv file imported, then set up with a profile. */
function newWorkbook(app: LoadedBundle, options: PreviewOptions, now: Date): string[] {
  const contacts = app.fake.spreadsheet.insertSheet('Contacts');
  if (!options.csv) {
    // The sample is dated from today's calendar date where the spreadsheet is (a day ahead of UTC in Auckland).
    const today = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: app.fake.spreadsheet.getSpreadsheetTimeZone() }).format(now)}T12:00:00Z`);
    const rows = sampleWorkbookRows(today);
    const width = Math.max(...rows.map((r) => r.length));
    if (rows.length + 50 > contacts.getMaxRows()) contacts.insertRowsAfter(contacts.getMaxRows(), rows.length + 50 - contacts.getMaxRows());
    if (width > contacts.getMaxColumns()) contacts.insertColumnsAfter(contacts.getMaxColumns(), width - contacts.getMaxColumns());
    // Cells go in as if typed (dates become dates), except that a cell starting with = + - @ never becomes a formula.
    const asTyped = (cell: string) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell);
    contacts.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r.map(asTyped), ...new Array(width - r.length).fill('')]));
  }
  app.fake.spreadsheet.deleteSheet(app.fake.spreadsheet.getSheetByName('Sheet1')!);
  app.call('setUpContactSheet');
  app.fake.ui.alerts.length = 0;
  writeProfile(app.fake.spreadsheet, SAMPLE_PROFILE);
  let messages: string[] = [];
  if (options.csv) messages = importCsv(app, options.csv);
  else fillSampleEvents(contacts);
  app.fake.spreadsheet.setActiveSheet(contacts);
  return messages;
}

/** The sample's Event and Topic cells, typed after setup added those columns (found by header). */
function fillSampleEvents(contacts: FakeSheet): void {
  const values = contacts.getDataRange().getValues();
  const [header] = values;
  const [first, last, event, topic] = ['First name', 'Last name', 'Event', 'Topic'].map((h) => header.indexOf(h));
  values.forEach((row, index) => {
    const sample = SAMPLE_EVENTS[`${row[first]} ${row[last]}`];
    if (!sample || index === 0) return;
    contacts.getRange(index + 1, event + 1).setValue(sample.event);
    contacts.getRange(index + 1, topic + 1).setValue(sample.topic);
  });
}

/** Puts the script-run shim in a served sidebar or dialog, so its google.script.run calls come to this server. */
function withShim(html: string, shim: string): string {
  return html.replace(/<head>/i, (head) => `${head}\n<script>\n${shim}</script>`);
}

/** A browser script of the preview (page.ts, the page; script-run-shim.ts, in each sidebar and dialog), bundled. */
async function browserScript(root: string, entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'tools/preview', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    write: false,
    logLevel: 'warning',
    tsconfig: path.join(root, 'tools/preview/tsconfig.json'),
  });
  return result.outputFiles[0].text;
}

function pageHtml(): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Touchpoint preview</title>
<link rel="stylesheet" href="/preview.css"></head>
<body><div id="preview"></div><script src="/preview.js"></script></body></html>`;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const dist = path.join(options.root, 'dist');
  if (!fs.existsSync(path.join(dist, 'Code.js'))) throw new Error('dist/Code.js is missing: run npm run build first.');
  const timeZone = timeZoneOption(options.timeZone, 'America/New_York');
  const now = asOfOption(options.asOf, timeZone);
  const app = loadBundle({ now, timeZone, htmlFiles: readDistHtmlFiles(dist) }, undefined, dist);
  const saved: Saved | null = options.data && fs.existsSync(options.data) ? JSON.parse(fs.readFileSync(options.data, 'utf8')) : null;
  let messages: string[] = [];
  if (saved) {
    app.fake.spreadsheet._import(saved.workbook);
    app.fake.drafts.drafts.push(...saved.drafts);
  } else {
    messages = newWorkbook(app, options, now ?? new Date());
  }
  const save = () => {
    if (!options.data) return;
    const data: Saved = { workbook: app.fake.spreadsheet._export(), drafts: app.fake.drafts.drafts };
    fs.writeFileSync(options.data, JSON.stringify(data));
  };
  save();
  app.call('onOpen', { authMode: 'FULL' });

  const script = await browserScript(options.root, 'page.ts');
  const shim = await browserScript(options.root, 'script-run-shim.ts');
  const css = fs.readFileSync(path.join(options.root, 'tools/preview/page.css'), 'utf8');
  const opened: { kind: 'sidebar' | 'dialog'; title: string; html: string }[] = [];

  const selectedRows = () => {
    const range = app.fake.spreadsheet.getActiveRange();
    return range ? { first: range.getRow(), last: range.getLastRow() } : null;
  };

  const state = (): PreviewState => ({
    sheets: app.fake.spreadsheet.getSheets().map((sheet): SheetView => sheetView(app.fake.spreadsheet, sheet)),
    active: app.fake.spreadsheet.getActiveSheet().getName(),
    selected: selectedRows(),
    menus: app.fake.ui.menus.map((menu) => ({
      caption: menu.caption,
      // A submenu's items are listed in place, as "Help ▸ Check installation".
      items: menu.entries.flatMap((e) =>
        e.separator ? [null] : e.submenu ? e.submenu.entries.filter((s) => !s.separator).map((s) => ({ caption: `${e.caption} ▸ ${s.caption}`, run: s.functionName! })) : [{ caption: e.caption, run: e.functionName! }],
      ),
    })),
    drafts: app.fake.drafts.drafts.map(draftView),
    toast: app.fake.spreadsheet.toasts.at(-1) ?? null,
    toastCount: app.fake.spreadsheet.toasts.length,
  });

  /** Runs a top-level function and reports the sidebars, dialogs and alerts it opened. */
  const runMenu = (name: string) => {
    const before = { sidebars: app.fake.ui.sidebars.length, dialogs: app.fake.ui.dialogs.length, alerts: app.fake.ui.alerts.length };
    app.call(name);
    const events: MenuEvents = { alerts: app.fake.ui.alerts.slice(before.alerts) };
    if (app.fake.ui.sidebars.length > before.sidebars) {
      const output = app.fake.ui.sidebars.at(-1)!;
      opened.push({ kind: 'sidebar', title: output.getTitle(), html: output.getContent() });
      events.sidebar = opened.length - 1;
    }
    if (app.fake.ui.dialogs.length > before.dialogs) {
      const dialog = app.fake.ui.dialogs.at(-1)!;
      opened.push({ kind: 'dialog', title: dialog.title, html: dialog.output.getContent() });
      events.dialog = opened.length - 1;
    }
    return events;
  };

  const routes: Record<string, (body: Record<string, unknown>, url: URL) => unknown> = {
    'GET /api/state': () => state(),
    'POST /api/cell': (body) => {
      const sheet = app.fake.spreadsheet.getSheetByName(String(body.sheet));
      if (!sheet) throw new Error(`No sheet ${body.sheet}`);
      sheet.getRange(Number(body.row), Number(body.column)).setValue(String(body.value ?? ''));
      save();
      return state();
    },
    // What the user would do in Gmail itself: send a draft or delete it. Either way it leaves the drafts list.
    'POST /api/gmail': (body) => {
      const id = String(body.id);
      if (!app.fake.drafts.drafts.some((d) => d.id === id)) throw new Error(`No draft ${id} in Gmail`);
      app.fake.drafts._deleteInGmail(id);
      save();
      return state();
    },
    'POST /api/select': (body) => {
      const sheet = app.fake.spreadsheet.getSheetByName(String(body.sheet))!;
      const first = Number(body.row);
      const last = Number(body.lastRow ?? body.row);
      app.fake.spreadsheet.setActiveSheet(sheet);
      sheet.getRange(first, 1, last - first + 1, sheet.getMaxColumns()).activate();
      return { ok: true };
    },
    'POST /api/menu': (body) => {
      const events = runMenu(String(body.run));
      save();
      return { events, state: state() };
    },
    // A sidebar's or dialog's google.script.run call (the shim checked its arguments as Google does; they came as JSON).
    'POST /api/run': (body) => {
      const outcome = runOnServer(app, String(body.name), Array.isArray(body.args) ? body.args : []);
      if (!outcome.ok) return outcome;
      save();
      return { ok: true, value: outcome.value === undefined ? null : outcome.value };
    },
  };

  const server = http.createServer((request, response) => {
    const send = (status: number, type: string, content: string) => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(content);
    };
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      return send(400, 'text/plain', 'Bad request'); // e.g. "//": a bad address never stops the preview
    }
    const frame = /^\/frame\/(\d+)$/.exec(url.pathname);
    if (request.method === 'GET' && url.pathname === '/') return send(200, 'text/html', pageHtml());
    if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
    if (request.method === 'GET' && url.pathname === '/preview.js') return send(200, 'text/javascript', script);
    if (request.method === 'GET' && url.pathname === '/preview.css') return send(200, 'text/css', css);
    if (request.method === 'GET' && frame) {
      const page = opened[Number(frame[1])];
      return page ? send(200, 'text/html', withShim(page.html, shim)) : send(404, 'text/plain', 'No such sidebar or dialog');
    }
    const route = routes[`${request.method} ${url.pathname}`];
    if (!route) return send(404, 'text/plain', 'Not found');
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      try {
        send(200, 'application/json', JSON.stringify(route(raw ? JSON.parse(raw) : {}, url)));
      } catch (error) {
        send(500, 'application/json', JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} is already in use. Start on another one, e.g. PORT=8081 npm start.`) : error),
    );
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    app,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
