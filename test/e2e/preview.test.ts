/**
 * The preview in a real browser, driven by playwright-core: the Chromium that tools/browser.ts finds (system, or
 * the one npm installs). If none starts, this suite fails: it never skips. Screenshots go to an ignored folder,
 * test-output/screenshots/; `npm run screenshots` points SCREENSHOTS_DIR at docs/screenshots/ to refresh the README's.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page, FrameLocator } from 'playwright-core';
import { launchBrowser } from '../../tools/browser';
import { startPreview, Preview } from '../../tools/preview/server';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-output/screenshots');

let browser: Browser;
let preview: Preview;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  preview = await startPreview({ root: ROOT, port: 0, asOf: '2026-11-22', timeZone: 'America/New_York' });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => dialogs.push(`page error: ${error.message}`));
  await page.goto(preview.url);
  await page.waitForSelector('td[data-cell="Contacts!A2"]');
});

afterEach(async () => {
  await page?.close();
  await preview?.close();
});

async function openSidebar(): Promise<FrameLocator> {
  await page.click('#menu-button');
  await page.click('.menu-item:text-is("Open sidebar")');
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.locator('.section.overdue .card').first().waitFor();
  return sidebar;
}

function cardOf(sidebar: FrameLocator, name: string) {
  return sidebar.locator('.card', { has: sidebar.locator(`.name:text-is("${name}")`) });
}

async function editCell(cell: string, value: string): Promise<void> {
  await page.dblclick(`td[data-cell="${cell}"]`);
  const input = page.locator(`td[data-cell="${cell}"] textarea`);
  await input.fill(value);
  await input.press('Enter');
  await page.locator(`td[data-cell="${cell}"]:text-is("${value}")`).waitFor();
}

test('the grid shows the workbook with computed columns and status colours', async () => {
  expect(await page.locator('#tabs button').allTextContents()).toEqual(['Contacts', 'Interactions', 'Templates', 'Settings']);
  expect(await page.textContent('td[data-cell="Contacts!T1"]')).toBe('Status');
  expect(await page.textContent('td[data-cell="Contacts!T2"]')).toBe('Overdue');
  expect(await page.locator('tr', { has: page.locator('td[data-cell="Contacts!A2"]') }).getAttribute('style')).toContain('background:#f4c7c3');
  await page.screenshot({ path: path.join(SHOTS, 'grid.png') });
});

test('open the sidebar and see the overdue list', async () => {
  const sidebar = await openSidebar();
  const overdueRows = await page.locator('td[data-cell^="Contacts!T"]:text-is("Overdue")').count();
  expect(overdueRows).toBe(12);
  expect(await sidebar.locator('.section.overdue .count').textContent()).toBe(String(overdueRows)); // the sidebar agrees with the sheet
  expect(await sidebar.locator('.section.overdue .name').first().textContent()).toBe('Aisha Rahman');
  await page.screenshot({ path: path.join(SHOTS, 'sidebar-overdue.png') });
});

test('log a contact: the card leaves the list and the grid\'s Last contact changes', async () => {
  const sidebar = await openSidebar();
  const maya = cardOf(sidebar, 'Maya Okafor');
  await maya.locator('button:text-is("Log contact")').click();
  await maya.locator('input[type=text]').first().fill('Coffee after grand rounds');
  await maya.locator('button:text-is("Save")').click();
  await sidebar.locator('.notice:text-is("Logged email with Maya Okafor on November 22, 2026.")').waitFor();
  expect(await cardOf(sidebar, 'Maya Okafor').count()).toBe(0);
  await page.locator('td[data-cell="Contacts!K2"]:text-is("2026-11-22")').waitFor();
  expect(await page.textContent('td[data-cell="Contacts!L2"]')).toBe('Coffee after grand rounds');
});

test('editing a date in the grid updates the computed columns and the open sidebar', async () => {
  const sidebar = await openSidebar();
  await cardOf(sidebar, 'Maya Okafor').waitFor();
  await editCell('Contacts!K2', '2026-11-21');
  expect(await page.textContent('td[data-cell="Contacts!T2"]')).toBe('On track');
  expect(await page.textContent('td[data-cell="Contacts!R2"]')).toBe('1');
  await sidebar.locator('.section.overdue .count:text-is("11")').waitFor();
  expect(await cardOf(sidebar, 'Maya Okafor').count()).toBe(0);
});

test('draft an email: it lands in the Drafts panel with the placeholders filled', async () => {
  const sidebar = await openSidebar();
  const grace = cardOf(sidebar, 'Grace Kim');
  await grace.locator('button:text-is("Draft email")').click();
  await grace.locator('textarea').waitFor();
  expect(await grace.locator('input[type=text]').inputValue()).toBe('Following up from the ACP Internal Medicine Meeting 2026');
  await page.screenshot({ path: path.join(SHOTS, 'draft-preview.png') });
  await grace.locator('button:text-is("Create draft")').click();
  await grace.locator('.draft-ready a:text-is("Open in Gmail")').waitFor();
  const draft = page.locator('.draft').first();
  await draft.waitFor();
  expect(await draft.locator('.to').textContent()).toBe('To: Grace Kim <grace.kim@lakeviewuniver.example.org>');
  expect(await draft.locator('.subject').textContent()).toBe('Following up from the ACP Internal Medicine Meeting 2026');
  const body = await draft.locator('pre').textContent();
  expect(body).toContain('Dear Dr. Kim,');
  expect(body).toContain('It was a pleasure to meet you at the ACP Internal Medicine Meeting 2026. I have been thinking about our conversation on survivorship clinics for cardio-oncology patients since then.');
  expect(body).not.toContain('[');
  expect(body).toContain('I am a PGY-1 preliminary medicine intern at Riverside Medical Center');
  expect(body).not.toContain('{{');
});

test('a contact named <img src=x onerror=alert(1)> renders as text, and no dialog opens', async () => {
  await editCell('Contacts!A3', '<img src=x onerror=alert(1)>');
  const sidebar = await openSidebar();
  await sidebar.locator('.name:text-is("<img src=x onerror=alert(1)> Rahman")').waitFor();
  expect(await sidebar.locator('main img').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test('an error from the server shows its message in the sidebar', async () => {
  const sidebar = await openSidebar();
  // A collaborator renames the Last contact column after the sidebar loaded (not through this page's grid).
  await page.evaluate(() => fetch('/api/cell', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sheet: 'Contacts', row: 1, column: 11, value: 'Spoke last' }) }));
  const tom = cardOf(sidebar, 'Tom Becker');
  await tom.locator('button:text-is("Snooze")').click();
  await tom.locator('button:text-is("7 days")').click();
  const error = sidebar.locator('.error[role=alert]');
  await error.waitFor();
  expect(await error.textContent()).toBe(
    'The Contacts sheet has no Last contact column (renamed or deleted?). Rename it back, or choose Touchpoint ▸ Set up contact sheet to add it again.',
  );
});

test('the sidebar\'s google.script.run is the tests\' stand-in: a Date argument is refused, a server error arrives as an Error', async () => {
  await openSidebar();
  const frame = page.frame({ url: /\/frame\/\d+$/ })!;
  const refused = await frame.evaluate(() => {
    try {
      (window as any).google.script.run.loadSidebar(new Date());
      return 'sent';
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(refused).toBe('google.script.run cannot pass a Date (argument 1 of loadSidebar): send ISO text instead.');
  const failed = await frame.evaluate(
    () => new Promise<string>((resolve) => (window as any).google.script.run.withSuccessHandler(() => resolve('ok')).withFailureHandler((e: Error) => resolve(`${e instanceof Error}: ${e.message}`)).noSuchFunction()),
  );
  expect(failed).toBe('true: Script function not found: noSuchFunction');
});

test('the drafting dialog from the menu: plan, then drafts in the panel', async () => {
  await page.click('#menu-button');
  await page.click('.menu-item:text-is("Draft follow-ups for overdue contacts")');
  const dialog = page.frameLocator('#dialog-frame');
  await dialog.locator('h2').first().waitFor();
  expect(await dialog.locator('h2').first().textContent()).toMatch(/^\d+ drafts will be created$/);
  expect(await dialog.locator('body').textContent()).toContain('Tom Becker — no email address');
  const create = dialog.locator('button.primary');
  const count = Number((await create.textContent())!.match(/\d+/)![0]);
  await create.click();
  await dialog.locator('.notice').waitFor();
  await page.locator(`#drafts h2:text-is("Gmail drafts (${count})")`).waitFor();
  await dialog.locator('button:text-is("Close")').click();
  await page.locator('#overlay').waitFor({ state: 'hidden' });
});

test('the sidebar is not there until it opens, and its × closes it', async () => {
  expect(await page.locator('#sidebar').isVisible()).toBe(false);
  await openSidebar();
  expect(await page.locator('#sidebar').isVisible()).toBe(true);
  await page.click('#sidebar button[aria-label="Close sidebar"]');
  await page.locator('#sidebar').waitFor({ state: 'hidden' });
});

test('a toast shows, then fades as Sheets\' do', async () => {
  await page.click('#menu-button');
  await page.click('.menu-item:text-is("Set up contact sheet")'); // already set up: a toast says so
  await page.locator('#toast:not([hidden])').waitFor();
  expect(await page.textContent('#toast')).toContain('nothing changed');
  await page.locator('#toast').waitFor({ state: 'hidden', timeout: 8000 });
});

test('menus close on Escape and on a click outside; dialogs have a × and close on Escape', async () => {
  await page.click('#menu-button');
  await page.locator('#menu').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#menu').waitFor({ state: 'hidden' });
  await page.click('#menu-button');
  await page.click('td[data-cell="Contacts!A3"]');
  await page.locator('#menu').waitFor({ state: 'hidden' });
  await page.click('#menu-button');
  await page.click('.menu-item:text-is("Draft follow-ups for overdue contacts")');
  await page.locator('#overlay .dialog button[aria-label^="Close"]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#overlay').waitFor({ state: 'hidden' });
  await page.click('#menu-button');
  await page.click('.menu-item:text-is("Draft follow-ups for overdue contacts")');
  await page.click('#overlay .dialog button[aria-label^="Close"]');
  await page.locator('#overlay').waitFor({ state: 'hidden' });
});

test('Go to row in the sidebar shows the selection in the grid', async () => {
  const sidebar = await openSidebar();
  const card = cardOf(sidebar, 'Maya Okafor');
  expect(await page.locator('th.row.selected').count()).toBe(0);
  await card.locator('button:text-is("Go to row")').click();
  await page.locator('th.row.selected:text-is("2")').waitFor();
});

test('switching tabs starts the new sheet at its first column', async () => {
  await page.evaluate(() => document.getElementById('grid')!.scrollTo(600, 0));
  expect(await page.evaluate(() => document.getElementById('grid')!.scrollLeft)).toBeGreaterThan(0);
  await page.click('#tabs button:text-is("Settings")');
  expect(await page.evaluate(() => document.getElementById('grid')!.scrollLeft)).toBe(0);
});

test('Escape pressed inside a dialog closes it, as in Sheets', async () => {
  await page.click('#menu-button');
  await page.click('.menu-item:text-is("Draft follow-ups for overdue contacts")');
  const dialog = page.frameLocator('#dialog-frame');
  await dialog.locator('button').first().focus();
  await page.keyboard.press('Escape');
  await page.locator('#overlay').waitFor({ state: 'hidden' });
});

async function cellText(sheet: string, a1: string): Promise<string> {
  return page.evaluate(async ([name, cell]) => {
    const state = await (await fetch('/api/state')).json();
    const view = state.sheets.find((s: { name: string }) => s.name === name);
    const column = cell.replace(/\d+/, '').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return view.rows[Number(cell.replace(/\D+/, '')) - 1].cells[column - 1] as string;
  }, [sheet, a1]);
}

test('the cell editor keeps line breaks, and Alt+Enter or Ctrl+Enter adds one, as in Sheets', async () => {
  await page.click('#tabs button:text-is("Templates")');
  const before = await cellText('Templates', 'D2');
  expect(before.split('\n').length).toBeGreaterThan(4);
  await page.dblclick('td[data-cell="Templates!D2"]');
  const editor = page.locator('td[data-cell="Templates!D2"] textarea');
  expect(await editor.inputValue()).toBe(before);
  await editor.press('Control+End');
  await editor.press('Alt+Enter');
  await editor.pressSequentially('P.S. The case report is attached.');
  await editor.press('Control+Enter');
  await editor.pressSequentially('Sam');
  await editor.press('Enter');
  await page.locator('td[data-cell="Templates!D2"] textarea').waitFor({ state: 'detached' });
  await page.locator('td[data-cell="Templates!D2"]:has-text("Sam")').waitFor();
  expect(await cellText('Templates', 'D2')).toBe(`${before}\nP.S. The case report is attached.\nSam`);
  expect(await page.locator('td[data-cell="Templates!D2"]').innerText()).toContain('attached.\nSam');
});

test('Escape leaves the cell editor without saving', async () => {
  await page.dblclick('td[data-cell="Contacts!J2"]');
  const editor = page.locator('td[data-cell="Contacts!J2"] textarea');
  await editor.fill('Something else');
  await editor.press('Escape');
  await editor.waitFor({ state: 'detached' });
  expect(await cellText('Contacts', 'J2')).toBe('Sepsis QI');
});

test('cells show their number format: setup\'s date columns read "Oct 17, 2026", typed ISO dates stay ISO', async () => {
  const header = await page.locator('tr:has(th.row:text-is("1")) td').allTextContents();
  const nextFollowUp = `Contacts!${String.fromCharCode(65 + header.indexOf('Next follow-up'))}2`;
  expect(await page.textContent(`td[data-cell="${nextFollowUp}"]`)).toBe('Oct 17, 2026');
  const metOn = `Contacts!${String.fromCharCode(65 + header.indexOf('Met on'))}2`;
  expect(await page.textContent(`td[data-cell="${metOn}"]`)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('scrolled down and right, the frozen header and the row numbers stay in place without covering each other', async () => {
  await page.evaluate(() => document.getElementById('grid')!.scrollTo(600, 300));
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  const letters = await box('thead th:text-is("E")');
  const headerRowNumber = await box('tr.frozen th.row');
  const institution = await box('tr.frozen td:text-is("Institution")');
  const corner = await box('thead th.corner');
  expect(await page.locator('tr.frozen th.row').textContent()).toBe('1');
  expect(headerRowNumber.y).toBeCloseTo(letters.y + letters.height, 0);
  expect(institution.y).toBeCloseTo(headerRowNumber.y, 0);
  expect(institution.x).toBeGreaterThanOrEqual(headerRowNumber.x + headerRowNumber.width - 1);
  expect(corner.x).toBeCloseTo(headerRowNumber.x, 0);
  // What is on top at each point is the cell that belongs there, not a scrolled row underneath.
  const topmost = (x: number, y: number) => page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.textContent ?? '', [x, y]);
  expect(await topmost(headerRowNumber.x + 5, headerRowNumber.y + headerRowNumber.height / 2)).toBe('1');
  expect(await topmost(institution.x + 5, institution.y + institution.height / 2)).toBe('Institution');
  expect(await topmost(corner.x + 2, corner.y + corner.height / 2)).toBe('');
  expect(await topmost(institution.x + 5, letters.y + letters.height / 2)).toMatch(/^[A-Z]{1,2}$/);
  const firstBodyRow = await page.evaluate(() => {
    const header = document.querySelector('tr.frozen.last th.row')!.getBoundingClientRect().bottom; // cells stick, rows do not
    const rows = [...document.querySelectorAll('tbody tr:not(.frozen) th.row')];
    const visible = rows.find((th) => th.getBoundingClientRect().top >= header - 1);
    return Number(visible?.textContent);
  });
  expect(firstBodyRow).toBeGreaterThan(10);
  await page.screenshot({ path: path.join(SHOTS, 'preview-scrolled.png') });
});

test('a draft sent from the Gmail panel: the sidebar asks "Sent? Log it", and logging it updates the grid', async () => {
  const sidebar = await openSidebar();
  const card = cardOf(sidebar, 'Maya Okafor');
  await card.locator('button:text-is("Draft email")').click();
  await card.locator('select').selectOption('Mentor meeting request');
  await card.locator('button:text-is("Create draft")').click();
  await page.locator('#drafts .draft').first().waitFor();
  await page.click('#drafts .draft button:text-is("Send (in Gmail)")');
  await page.click('.modal.alert button:text-is("OK")');
  const again = cardOf(page.frameLocator('#sidebar-frame'), 'Maya Okafor');
  await again.locator('button:text-is("Sent? Log it")').click();
  // Maya leaves the Overdue list (contacted today), so the notice shows at the top.
  await page.frameLocator('#sidebar-frame').locator('.notice:text-is("Logged the email to Maya Okafor on November 22, 2026.")').waitFor();
  await page.locator('td[data-cell="Contacts!K2"]:text-is("2026-11-22")').waitFor();
});
