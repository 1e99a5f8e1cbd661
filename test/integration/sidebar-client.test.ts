/**
 * The built sidebar and drafting dialog (dist/*.html) running in jsdom, talking through a google.script.run
 * stand-in to the built Code.js in the fake. (Issue 4 adds the same checks in a real browser.)
 */
import fs from 'fs';
import path from 'path';
import { JSDOM } from 'jsdom';
import { DIST, loadBundle, LoadedBundle } from '../../tools/gas-fake/bundle';
import { scriptRunFor } from '../../tools/gas-fake/script-run';
import { fillProfile } from '../support/sidebar-workbook';
import { fillSheet, nyDay, rowsByHeader, sampleContacts } from '../support/workbook';

const NOW = new Date('2026-11-22T15:00:00Z');

function workbook(extraRows: string[][] = []): LoadedBundle {
  const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
  const contacts = app.fake.spreadsheet.insertSheet('Contacts');
  fillSheet(contacts, [...sampleContacts(), ...extraRows]);
  app.call('setUpContactSheet');
  fillProfile(app.fake.spreadsheet);
  return app;
}

function open(app: LoadedBundle, page: 'Sidebar' | 'DraftsDialog' | 'ImportDialog', scope = 'overdue') {
  const html = fs.readFileSync(path.join(DIST, `${page}.html`), 'utf8').replace('data-scope="overdue"', `data-scope="${scope}"`);
  const alerts: string[] = [];
  let closed = false;
  const dom = new JSDOM(html, {
    runScripts: 'dangerously',
    beforeParse(window) {
      const { run } = scriptRunFor(app, (message) => new window.Error(message));
      // jsdom has no TextDecoder; a browser does (Windows-1252 included), so the test gives the page Node's.
      Object.assign(window, { google: { script: { run, host: { close: () => (closed = true) } } }, alert: (m: string) => alerts.push(m), TextDecoder });
    },
  });
  const document = dom.window.document;
  return { dom, document, alerts, closed: () => closed };
}

async function until<T>(check: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const texts = (elements: Iterable<Element>) => [...elements].map((e) => e.textContent ?? '');

/** Chooses a file in the import dialog, as a person does, and waits for the preview. */
async function chooseFile(document: Document, dom: JSDOM, contents: string | Buffer, name: string): Promise<void> {
  const part = contents as unknown as string; // jsdom's File takes a Buffer's bytes as they are
  const input = await until(() => document.querySelector('input[type=file]') as HTMLInputElement | null, 'the file input');
  Object.defineProperty(input, 'files', { value: [new dom.window.File([part], name, { type: 'text/csv' })] });
  input.dispatchEvent(new dom.window.Event('change'));
  await until(() => document.querySelector('table.mapping'), 'the preview');
}

function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`No button "${label}" in ${(root as Element).textContent?.slice(0, 200)}`);
  return found as HTMLButtonElement;
}

function card(document: Document, name: string): Element | undefined {
  return [...document.querySelectorAll('.card')].find((c) => c.querySelector('.name')?.textContent === name);
}

test('shows the overdue list with counts, reasons and the goals strip', async () => {
  const { document } = open(workbook(), 'Sidebar');
  await until(() => document.querySelector('.section.overdue .card'), 'cards');
  expect(texts(document.querySelectorAll('.section.overdue .name'))).toEqual(['Aisha Rahman', 'Luis Ortega', 'Tom Becker', 'Maya Okafor', 'Grace Kim']);
  expect(document.querySelector('.section.overdue .count')!.textContent).toBe('5');
  expect(document.querySelector('.section.dueThisWeek .empty')!.textContent).toBe('Nothing due in the next days.');
  expect(card(document, 'Maya Okafor')!.textContent).toContain('36 days overdue · every 45 days · due October 17, 2026');
  expect(texts(document.querySelectorAll('.goal summary'))).toEqual(['1/2 Career', '1/1 Research', '1/1 Clinical', '1/1 Sponsor', '1/2 Peer', '0/3 Letters']);
  expect(document.querySelector('.problem-list')!.textContent).toContain('Row 9, Email: "not-an-email" is not an email address');
});

test('a contact named with HTML shows as text and runs nothing', async () => {
  const app = workbook([['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', 'x@example.org', '', '', '', 'Peer', '', '', '', '2026-01-01']]);
  const { document, alerts } = open(app, 'Sidebar');
  await until(() => document.querySelector('.card'), 'cards');
  expect(texts(document.querySelectorAll('.name'))).toContain('<img src=x onerror=alert(1)> <script>alert(2)</script>');
  expect(document.querySelectorAll('main img, main script')).toHaveLength(0);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(alerts).toEqual([]);
});

test('log a contact: the card leaves the overdue list and the sheet\'s Last contact changes', async () => {
  const app = workbook();
  const { document } = open(app, 'Sidebar');
  await until(() => card(document, 'Maya Okafor'), 'Maya');
  button(card(document, 'Maya Okafor')!, 'Log contact').click();
  const form = document.querySelector('form.panel') as HTMLFormElement;
  expect((form.querySelector('input[type=date]') as HTMLInputElement).value).toBe('2026-11-22');
  (form.querySelectorAll('input[type=text]')[0] as HTMLInputElement).value = 'Coffee after grand rounds';
  form.requestSubmit();
  await until(() => !card(document, 'Maya Okafor'), 'Maya to leave the list');
  expect(document.querySelector('.notice')!.textContent).toBe('Logged email with Maya Okafor on November 22, 2026.');
  const maya = rowsByHeader(app.fake.spreadsheet.getSheetByName('Contacts')!).find((r) => r['First name'] === 'Maya')!;
  expect(maya['Last contact notes']).toBe('Coffee after grand rounds');
  expect(maya['Days since contact']).toBe(0);
});

test('draft an email: holes are marked and block Create draft until filled; then "Draft ready" with a Gmail link', async () => {
  const app = workbook();
  const { document, dom } = open(app, 'Sidebar');
  await until(() => card(document, 'Grace Kim'), 'Grace');
  button(card(document, 'Grace Kim')!, 'Draft email').click();
  const subject = await until(() => card(document, 'Grace Kim')!.querySelector('input[type=text]') as HTMLInputElement | null, 'the preview');
  expect(subject.value).toBe('Following up from [Event]');
  const body = card(document, 'Grace Kim')!.querySelector('textarea')!;
  expect(body.value).toContain('Dear Dr. Kim,');
  expect(body.value).toContain('It was a pleasure to meet you at [Event]. I have been thinking about our conversation on [Topic] since then.');
  expect(card(document, 'Grace Kim')!.textContent).toContain('Your notes (not in the email):');
  const create = button(card(document, 'Grace Kim')!, 'Create draft');
  expect(create.disabled).toBe(true);
  expect(card(document, 'Grace Kim')!.querySelector('.holes')!.textContent).toBe('Fill in [Event], [Topic] before creating the draft.');
  const type = (element: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    element.value = value;
    element.dispatchEvent(new dom.window.Event('input'));
  };
  type(subject, subject.value.replace('[Event]', 'the ACP Meeting'));
  type(body, body.value.replace('[Event]', 'the ACP Meeting').replace('[Topic]', 'survivorship clinics').replace('Best regards', 'All the best'));
  expect(create.disabled).toBe(false);
  create.click();
  const link = await until(() => card(document, 'Grace Kim')?.querySelector('.draft-ready a') as HTMLAnchorElement | null, 'Draft ready');
  const local = card(document, 'Grace Kim')!.querySelector('.notice')!; // the notice sits on the card it is about
  expect([local.textContent, local.getAttribute('role')]).toEqual(['Draft to Grace Kim is ready in Gmail.', 'status']);
  expect(card(document, 'Grace Kim')!.querySelector('.draft-ready')!.textContent).toContain('Draft ready: “Following up from the ACP Meeting”');
  // The account the draft is in, not /u/0/ (whichever account signed in first).
  expect(link.href).toMatch(/^https:\/\/mail\.google\.com\/mail\/\?authuser=resident%40example\.org#drafts/);
  expect(app.fake.drafts.drafts).toHaveLength(1);
  const raw = Buffer.from(app.fake.drafts.drafts[0].raw, 'base64url').toString('utf8');
  expect(raw).toContain('Subject: Following up from the ACP Meeting');
  expect(raw).not.toContain('[Topic]');
});

test('a progress update needs news: deleting its [My news] line by hand does not get round it', async () => {
  const app = workbook();
  const { document, dom } = open(app, 'Sidebar');
  await until(() => card(document, 'Maya Okafor'), 'Maya');
  button(card(document, 'Maya Okafor')!, 'Draft email').click();
  const select = await until(() => card(document, 'Maya Okafor')!.querySelector('select') as HTMLSelectElement | null, 'the template list');
  select.value = 'Progress update';
  select.dispatchEvent(new dom.window.Event('change'));
  const news = await until(() => card(document, 'Maya Okafor')!.querySelector('textarea.news') as HTMLTextAreaElement | null, 'the news field');
  const body = [...card(document, 'Maya Okafor')!.querySelectorAll('textarea')].find((t) => !t.classList.contains('news'))!;
  const type = (element: HTMLTextAreaElement, value: string) => {
    element.value = value;
    element.dispatchEvent(new dom.window.Event('input'));
  };
  type(body, body.value.replace('[My news]\n', ''));
  expect(body.value).not.toContain('[My news]');
  const create = button(card(document, 'Maya Okafor')!, 'Create draft');
  expect(create.disabled).toBe(true);
  expect(card(document, 'Maya Okafor')!.querySelector('.holes')!.textContent).toBe('Type your news in My news before creating the draft.');
  type(news, 'I presented our sepsis QI poster at the regional ACP meeting.');
  expect(create.disabled).toBe(false);
  expect(app.fake.drafts.drafts).toHaveLength(0);
});

test('an error from the server shows its message in the sidebar', async () => {
  const app = workbook();
  const { document } = open(app, 'Sidebar');
  await until(() => card(document, 'Tom Becker'), 'Tom');
  const sheet = app.fake.spreadsheet.getSheetByName('Contacts')!;
  sheet.deleteRow(5); // Tom's row, deleted after the sidebar loaded
  button(card(document, 'Tom Becker')!, 'Snooze').click();
  button(card(document, 'Tom Becker')!, '7 days').click();
  const error = await until(() => (document.querySelector('.error:not([hidden])') as HTMLElement | null), 'the error');
  expect(error.textContent).toMatch(/^That contact is no longer on the Contacts sheet/);
  expect(error.getAttribute('role')).toBe('alert');
});

test('search filters the lists by name, institution or specialty', async () => {
  const { document, dom } = open(workbook(), 'Sidebar');
  await until(() => document.querySelector('.card'), 'cards');
  const search = document.querySelector('input[type=search]') as HTMLInputElement;
  search.value = 'st. anne';
  search.dispatchEvent(new dom.window.Event('input'));
  expect(texts(document.querySelectorAll('.name'))).toEqual(['Aisha Rahman']);
  expect(document.querySelector('.section.overdue .count')!.textContent).toBe('1');
});

test('add contact from the sidebar', async () => {
  const app = workbook();
  const { document } = open(app, 'Sidebar');
  await until(() => document.querySelector('.card'), 'cards');
  button(document, '+ Add contact').click();
  const form = document.querySelector('form.add') as HTMLFormElement;
  const inputs = form.querySelectorAll('input');
  (inputs[0] as HTMLInputElement).value = 'Ravi';
  (inputs[2] as HTMLInputElement).value = 'maya.okafor@example.org';
  form.requestSubmit();
  await until(() => !(document.querySelector('.error') as HTMLElement).hidden, 'the server\'s refusal');
  expect(document.querySelector('.error')!.textContent).toBe('Maya Okafor (row 2) already has the email maya.okafor@example.org.');
  expect(form.isConnected).toBe(true); // the form stays open with what was typed
  (inputs[2] as HTMLInputElement).value = 'ravi@example.org';
  form.requestSubmit();
  await until(() => document.querySelector('.notice')!.textContent, 'confirmation');
  expect(document.querySelector('.notice')!.textContent).toBe('Added Ravi on row 10.');
  expect(rowsByHeader(app.fake.spreadsheet.getSheetByName('Contacts')!).map((r) => r['First name'])).toContain('Ravi');
});

test('the drafting dialog: plan, create, summary', async () => {
  const app = workbook();
  const { document, closed } = open(app, 'DraftsDialog');
  await until(() => document.querySelector('h2'), 'the plan');
  expect(document.querySelector('h2')!.textContent).toBe('2 drafts will be created');
  expect(document.body.textContent).toContain('Tom Becker — no email address');
  expect(document.body.textContent).toContain('Grace Kim — Event, Topic are empty: fill them in on the sheet');
  expect(document.body.textContent).toContain('Maya Okafor — "Progress update" needs your news');
  button(document, 'Create 2 drafts').click();
  await until(() => document.querySelector('.notice'), 'the summary');
  expect(document.querySelector('.notice')!.textContent).toBe('Created 2 drafts in Gmail. Skipped 3.');
  expect(app.fake.drafts.drafts).toHaveLength(2);
  button(document, 'Close').click();
  expect(closed()).toBe(true);
});

test('the import dialog: a file read in the browser, the preview, then the import', async () => {
  const app = workbook();
  const { document, dom } = open(app, 'ImportDialog');
  const text = fs.readFileSync(path.join(__dirname, '../fixtures/linkedin-connections.csv'), 'utf8');
  await chooseFile(document, dom, text, 'Connections.csv');
  expect(texts(document.querySelectorAll('h2'))).toEqual(['4 new', '1 already on the sheet', '0 rejected']);
  expect(document.querySelector('.delimiter')!.textContent).toBe('Columns separated by commas.');
  // The mapping names LinkedIn's own columns, each with the Contacts column it fills.
  expect((document.querySelector('select[aria-label="Column for URL"]') as HTMLSelectElement).value).toBe('linkedIn');
  expect((document.querySelector('select[aria-label="Column for Company"]') as HTMLSelectElement).value).toBe('institution');
  expect((document.querySelector('select[aria-label="Column for Connected On"]') as HTMLSelectElement).value).toBe('metOn');
  button(document, 'Import 4 contacts').click();
  await until(() => document.querySelector('.notice'), 'the result');
  expect(document.querySelector('.notice')!.textContent).toBe('Imported 4 new contacts. 1 already on the sheet.');
  expect(rowsByHeader(app.fake.spreadsheet.getSheetByName('Contacts')!).map((r) => r['First name'])).toContain('Kwame');
});

test('after an import, the rows that were not imported stay listed with their file row and reason', async () => {
  const app = workbook();
  const { document, dom } = open(app, 'ImportDialog');
  const text = 'First name,Last name,Email,Last contact\nNia,Hart,nia@example.org,\nBen,Future,ben@example.org,2099-01-01\n';
  await chooseFile(document, dom, text, 'c.csv');
  button(document, 'Import 1 contact').click();
  await until(() => document.querySelector('.notice'), 'the result');
  expect(texts(document.querySelectorAll('.rejected li'))).toEqual(['Row 3 (Ben Future): Last contact: January 1, 2099 is in the future']);
});

test('slashed dates the file leaves open (03/11/2026): the dialog asks which they are, and imports what the user says', async () => {
  const app = workbook();
  const { document, dom } = open(app, 'ImportDialog');
  await chooseFile(document, dom, 'First name,Last name,Email,Met on\nNia,Hart,nia@example.org,03/11/2026\n', 'c.csv');
  const question = document.querySelector('fieldset.date-order')!;
  expect(question.querySelector('legend')!.textContent).toBe('Which is 03/11/2026?');
  expect(texts(question.querySelectorAll('label'))).toEqual([' Day first: November 3, 2026', ' Month first: March 11, 2026']);
  const [dayFirst, monthFirst] = [...question.querySelectorAll('input[type=radio]')] as HTMLInputElement[];
  expect([dayFirst.checked, monthFirst.checked]).toEqual([false, true]); // the en_US sheet's own order, until the user says
  dayFirst.checked = true;
  dayFirst.dispatchEvent(new dom.window.Event('change'));
  await until(() => (document.querySelector('fieldset.date-order input[value=DMY]') as HTMLInputElement | null)?.checked, 'the new preview');
  button(document, 'Import 1 contact').click();
  await until(() => document.querySelector('.notice'), 'the result');
  const nia = rowsByHeader(app.fake.spreadsheet.getSheetByName('Contacts')!).find((r) => r['First name'] === 'Nia')!;
  expect(nyDay(nia['Met on'])).toBe('2026-11-03');
});

test('an Excel CSV in Windows-1252: the names are decoded right, the dialog says how it read the file, no false duplicate', async () => {
  const app = workbook([['José', 'García', 'jose.garcia@example.org']]);
  const { document, dom } = open(app, 'ImportDialog');
  const bytes = Buffer.from('First name,Last name,Email\r\nJos\xe9,Garc\xeda,jose.garcia@example.org\r\nFran\xe7ois,M\xfcller,francois@example.org\r\n', 'latin1');
  await chooseFile(document, dom, bytes, 'contacts.csv');
  expect(document.querySelector('.encoding')!.textContent).toMatch(/not UTF-8, so it was read as Windows-1252/);
  expect(texts(document.querySelectorAll('h2'))).toEqual(['1 new', '1 already on the sheet', '0 rejected']);
  expect(document.body.textContent).toContain('François Müller');
  expect(document.body.textContent).toContain('José García (row');
});

test('the Letters section: reason, one-click status, and the list updates', async () => {
  const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
  const [header, ...rows] = sampleContacts();
  fillSheet(app.fake.spreadsheet.insertSheet('Contacts'), [[...header, 'Letter for', 'Letter due'], [...rows[0], 'Cardiology fellowship', '2027-01-10'], ...rows.slice(1)]);
  app.call('setUpContactSheet');
  fillProfile(app.fake.spreadsheet);
  const { document } = open(app, 'Sidebar');
  const letter = await until(() => document.querySelector('.card.letter'), 'the letter');
  expect(letter.textContent).toContain('Letter for Cardiology fellowship');
  expect(letter.textContent).toContain('Due Jan 10, 2027 · ask by Nov 15, 2026');
  expect(letter.textContent).toContain('Ask-by date passed 7 days ago');
  button(letter, 'Asked').click();
  await until(() => !document.querySelector('.card.letter'), 'the letter to leave the list');
  expect(document.querySelector('.notice')!.textContent).toBe('Maya Okafor: letter for Cardiology fellowship is now "Asked".');
});

test('a contact listed twice (Overdue and Letters): Escape gives focus back in the card that was used', async () => {
  const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
  const [header, ...rows] = sampleContacts();
  fillSheet(app.fake.spreadsheet.insertSheet('Contacts'), [[...header, 'Letter for', 'Letter due', 'Letter status'], [...rows[0], 'the cardiology fellowship at Lakeview', '2027-01-10', 'To ask'], ...rows.slice(1)]);
  app.call('setUpContactSheet');
  fillProfile(app.fake.spreadsheet);
  const { document, dom } = open(app, 'Sidebar');
  const letter = await until(() => document.querySelector('.card.letter') as HTMLElement | null, 'the letter');
  expect(card(document, 'Maya Okafor')).not.toBe(letter); // her Overdue card comes first
  button(letter, 'Draft the request').click();
  await until(() => document.querySelector('.card.letter .panel select'), 'the editor');
  document.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Escape' }));
  expect(document.activeElement!.textContent).toBe('Draft the request');
  expect(document.activeElement!.closest('.card.letter')).not.toBeNull();
});

test('news typed for an update is kept when the template changes', async () => {
  const app = workbook();
  const { document, dom } = open(app, 'Sidebar');
  await until(() => card(document, 'Maya Okafor'), 'Maya');
  button(card(document, 'Maya Okafor')!, 'Draft email').click();
  const choose = async (template: string) => {
    const select = await until(() => card(document, 'Maya Okafor')!.querySelector('select') as HTMLSelectElement | null, 'the template list');
    select.value = template;
    select.dispatchEvent(new dom.window.Event('change'));
    return until(() => select.isConnected ? null : card(document, 'Maya Okafor')!.querySelector('textarea.news') as HTMLTextAreaElement | null, template);
  };
  const news = await choose('Progress update');
  news.value = 'I matched at Lakeview, my first choice.';
  news.dispatchEvent(new dom.window.Event('input'));
  const again = await choose('Thank-you to a letter writer');
  expect(again.value).toBe('I matched at Lakeview, my first choice.');
  const body = [...card(document, 'Maya Okafor')!.querySelectorAll('textarea')].find((t) => !t.classList.contains('news'))!;
  expect(body.value).toContain('\n\nI matched at Lakeview, my first choice.\n\n');
  expect(body.value).not.toContain('[My news]');
});

test('search ignores case and accents both ways and looks in email and notes; sections say "No match"; aria-expanded is true or false', async () => {
  const app = workbook([['José', 'Núñez', 'jnunez@example.org', 'Attending', 'Hospital Clínic', '', 'Peer', '', '', '', '2026-01-01', 'Talked about sepsis bundles']]);
  const { document, dom } = open(app, 'Sidebar');
  await until(() => card(document, 'José Núñez'), 'José');
  const search = document.querySelector('input[type=search]') as HTMLInputElement;
  const find = (text: string) => {
    search.value = text;
    search.dispatchEvent(new dom.window.Event('input'));
    return texts(document.querySelectorAll('.card .name'));
  };
  expect(find('nunez')).toEqual(['José Núñez']);
  expect(find('NÚÑEZ')).toEqual(['José Núñez']);
  expect(find('jnunez@')).toEqual(['José Núñez']);
  expect(find('sepsis bundles')).toEqual(['José Núñez']);
  expect(find('zzz')).toEqual([]);
  expect(texts(document.querySelectorAll('.section .empty'))).toEqual(new Array(4).fill('No match for your search.')); // Letters too
  find('');
  const log = button(card(document, 'José Núñez')!, 'Log contact');
  expect(log.getAttribute('aria-expanded')).toBe('false');
  log.click();
  expect(button(card(document, 'José Núñez')!, 'Log contact').getAttribute('aria-expanded')).toBe('true');
  document.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Escape' }));
  expect(card(document, 'José Núñez')!.querySelector('.panel')).toBeNull();
  expect(document.activeElement!.textContent).toBe('Log contact'); // Escape gives focus back to the button that opened it
  expect(card(document, 'José Núñez')!.contains(document.activeElement)).toBe(true);
});

test('Refresh reads the sheet again; a draft gone from Gmail asks "Sent? Log it" and logs it', async () => {
  const app = workbook();
  app.call('createDraft', { contactId: rowsByHeader(app.fake.spreadsheet.getSheetByName('Contacts')!)[0]['Contact ID'], subject: 'Checking in', body: 'Hello' });
  const { document } = open(app, 'Sidebar');
  await until(() => card(document, 'Maya Okafor')?.querySelector('.draft-ready'), 'Draft ready');
  app.fake.drafts._deleteInGmail(app.fake.drafts.drafts[0].id);
  button(document, 'Refresh').click();
  const prompt = await until(() => card(document, 'Maya Okafor')?.querySelector('.gone-draft'), 'the question');
  expect(prompt.textContent).toContain('Your draft “Checking in” from Nov 22, 2026 is no longer in Gmail.');
  button(prompt, 'Sent? Log it').click();
  await until(() => document.querySelector('.notice')?.textContent, 'the notice');
  expect(document.querySelector('.notice')!.textContent).toBe('Logged the email to Maya Okafor on November 22, 2026.');
  expect(rowsByHeader(app.fake.spreadsheet.getSheetByName('Interactions')!).map((r) => r.Summary)).toEqual(['Checking in']);
});

test('an error about a field is tied to it: invalid, described by the error, focused', async () => {
  const app = workbook();
  const { document } = open(app, 'Sidebar');
  await until(() => card(document, 'Maya Okafor'), 'Maya');
  button(card(document, 'Maya Okafor')!, 'Log contact').click();
  const form = document.querySelector('form.panel') as HTMLFormElement;
  const date = form.querySelector('input[type=date]') as HTMLInputElement;
  date.removeAttribute('max'); // as a browser without date limits would let through
  date.value = '2026-12-25';
  (form.querySelectorAll('input[type=text]')[0] as HTMLInputElement).value = 'Dinner';
  form.requestSubmit();
  const error = await until(() => document.querySelector('.error:not([hidden])') as HTMLElement | null, 'the error');
  expect(error.textContent).toMatch(/^Date \(December 25, 2026\) is in the future/);
  expect([date.getAttribute('aria-invalid'), date.getAttribute('aria-describedby')]).toEqual(['true', error.id]);
  expect(document.activeElement).toBe(date);
});

test('a row rejected only for an unreadable date can be imported with that date blank, and the dialog says so', async () => {
  const app = workbook();
  const { document, dom } = open(app, 'ImportDialog');
  const text = 'First name,Last name,Email,Met on\nNia,Hart,nia@example.org,sometime in spring\n';
  await chooseFile(document, dom, text, 'c.csv');
  expect(texts(document.querySelectorAll('h2'))).toEqual(['0 new', '0 already on the sheet', '1 rejected']);
  const tick = Array.from(document.querySelectorAll('label.check')).find((l) => l.textContent!.includes('date left blank'))!.querySelector('input')!;
  tick.checked = true;
  tick.dispatchEvent(new dom.window.Event('change'));
  await until(() => document.querySelector('.blanked'), 'the warning');
  expect(texts(document.querySelectorAll('.blanked li'))).toEqual(['Row 2 (Nia Hart): Met on "sometime in spring" is not a date: left blank']);
  button(document, 'Import 1 contact').click();
  await until(() => document.querySelector('.notice'), 'the result');
  const nia = rowsByHeader(app.fake.spreadsheet.getSheetByName('Contacts')!).find((r) => r['First name'] === 'Nia')!;
  expect([nia.Email, nia['Met on']]).toEqual(['nia@example.org', '']);
});
