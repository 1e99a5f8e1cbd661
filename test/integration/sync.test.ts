/**
 * Last contact from Gmail and Calendar (an install made with --with-sync): what counts, what never moves Last
 * contact back, what is logged once, and a first sync of many contacts cut short by the time limit and resumed.
 */
import { runSync, describeSync, SYNC_TIME_BUDGET_MS } from '../../src/server/sync';
import { syncLastContactNow } from '../../src/server/optional-menus';
import { refreshAsOfDate } from '../../src/server/menu';
import { GoogleErrors } from '../../tools/gas-fake/errors';
import type { FakeAppsScript } from '../../tools/gas-fake';
import { contactRow, contactRows, NOW, workbookWith } from '../support/sidebar-workbook';
import { setUpWorkbook } from '../../src/server/setup';
import { ME, syncWorkbook, useSyncInstall, withFeatures } from '../support/sync-workbook';
import { nyDay, rowsByHeader, sampleContacts } from '../support/workbook';
import { setNow } from '../support/in-process';

let fake: FakeAppsScript;
useSyncInstall();

function interactions(): Record<string, unknown>[] {
  return rowsByHeader(fake.spreadsheet.getSheetByName('Interactions')!).filter((r) => r['Contact ID']);
}

describe('Gmail', () => {
  beforeEach(() => {
    fake = syncWorkbook();
  });

  test('a reply from a contact moves Last contact forward, logs the day with its subject, and clears Snoozed until', () => {
    fake.mailbox.add({ from: 'Maya Okafor <Maya.Okafor@example.org>', to: ME, date: new Date('2026-11-18T14:00:00Z'), subject: 'Re: CV and categorical positions' });
    const report = runSync();
    expect(report).toMatchObject({ emails: 1, updated: 1, logged: 1, remaining: 0 });
    const maya = contactRow(fake, 'Maya');
    expect([nyDay(maya['Last contact']), maya['Last contact notes'], maya['Snoozed until']]).toEqual(['2026-11-18', 'Re: CV and categorical positions', '']);
    expect(interactions().map((r) => [r.Name, nyDay(r.Date), r.Channel, r.Summary, String(r['Synced from']).replace(/:.*/, ':')])).toEqual([
      ['Maya Okafor', '2026-11-18', 'Email', 'Re: CV and categorical positions', 'gmail:'],
    ]);
    expect(describeSync(report)).toBe('Last contact moved forward for 1 contact. Logged one email or meeting in Interactions.');
  });

  test('an older message never moves Last contact back (the day is still logged)', () => {
    fake.mailbox.add({ from: ME, to: 'maya.okafor@example.org', date: new Date('2026-08-20T14:00:00Z'), subject: 'Before the rotation' });
    runSync();
    expect(nyDay(contactRow(fake, 'Maya')['Last contact'])).toBe('2026-09-02');
    expect(contactRow(fake, 'Maya')['Last contact notes']).toBe('Discussed categorical positions');
  });

  test('the user\'s own address, list mail, bulk mail and drafts do not count; Cc does', () => {
    fake.mailbox.add({ from: ME, to: ME, date: new Date('2026-11-19T14:00:00Z'), subject: 'Note to self' });
    fake.mailbox.add({ from: 'dreyes@example.edu', to: 'residents@list.example.edu', listId: '<residents.example.edu>', date: new Date('2026-11-19T15:00:00Z'), subject: 'Schedule' });
    fake.mailbox.add({ from: 'pnair@example.com', to: ME, precedence: 'bulk', date: new Date('2026-11-19T16:00:00Z'), subject: 'Newsletter' });
    fake.mailbox.add({ from: ME, to: 'gkim@example.org', labelIds: ['DRAFT'], date: new Date('2026-11-19T17:00:00Z'), subject: 'Unsent' });
    fake.mailbox.add({ from: 'someone@example.com', to: ME, cc: 'A.Rahman@example.org', date: new Date('2026-11-20T17:00:00Z'), subject: 'Intro' });
    const report = runSync();
    expect(contactRows(fake).filter((r) => r['Last contact notes'] === 'Intro').map((r) => r['First name'])).toEqual(['Aisha']);
    expect(interactions().map((r) => r.Name)).toEqual(['Aisha Rahman']);
    expect(report.updated).toBe(1);
  });

  test('a row whose Last contact Touchpoint cannot read keeps its values (the email is still logged); the others are updated', () => {
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const maya = contactRows(fake).findIndex((r) => r['First name'] === 'Maya') + 2;
    sheet.getRange(maya, headers.indexOf('Last contact') + 1).setValue('last Tuesday');
    fake.mailbox.add({ from: 'maya.okafor@example.org', to: ME, date: new Date('2026-11-18T14:00:00Z'), subject: 'CV' });
    fake.mailbox.add({ from: 'gkim@example.org', to: ME, date: new Date('2026-11-19T14:00:00Z'), subject: 'Slides' });
    const report = runSync();
    expect(contactRow(fake, 'Maya')['Last contact']).toBe('last Tuesday');
    expect(contactRow(fake, 'Grace')['Last contact notes']).toBe('Slides');
    expect(interactions().map((r) => r.Name).sort()).toEqual(['Grace Kim', 'Maya Okafor']);
    expect(report.notes).toContainEqual(expect.stringMatching(new RegExp(`^Maya Okafor's row was not updated: Row ${maya}, Last contact: not a date: "last Tuesday"`)));
  });

  test('ten emails with one contact on one day are one line, under the newest subject; a second run logs nothing again', () => {
    for (let hour = 10; hour < 20; hour++) fake.mailbox.add({ from: hour % 2 ? ME : 'gkim@example.org', to: hour % 2 ? 'gkim@example.org' : ME, date: new Date(`2026-11-20T${hour}:00:00Z`), subject: `Thread ${hour}` });
    runSync();
    expect(interactions().map((r) => [r.Name, r.Summary])).toEqual([['Grace Kim', 'Thread 19']]);
    fake.mailbox.add({ from: 'gkim@example.org', to: ME, date: new Date('2026-11-20T21:00:00Z'), subject: 'Thread 21' });
    runSync();
    runSync();
    expect(interactions()).toHaveLength(1); // that day is logged already
  });

  test('after the first sync only new mail is read (history), and an expired history searches the window again', () => {
    runSync();
    fake.counter.reset();
    fake.mailbox.add({ from: 'luis.ortega@example.net', to: ME, date: new Date('2026-11-21T12:00:00Z'), subject: 'Feedback' });
    runSync();
    expect(fake.counter.count('Gmail.Users.History.list')).toBe(1);
    expect(fake.counter.count('Gmail.Users.Messages.list')).toBe(0);
    expect(contactRow(fake, 'Luis')['Last contact notes']).toBe('Feedback');
    fake.mailbox.failOnCall('History.list', 1, GoogleErrors.historyExpired());
    fake.mailbox.add({ from: 'pnair@example.com', to: ME, date: new Date('2026-11-21T13:00:00Z'), subject: 'Data set' });
    const report = runSync();
    expect(report.notes).toContain('Gmail no longer had the changes since the last sync, so Touchpoint searches your mail again.');
    expect(contactRow(fake, 'Priya')['Last contact notes']).toBe('Data set');
  });

  test('Gmail\'s rate limit stops the run without losing what it found: the next run goes on', () => {
    fake.mailbox.add({ from: 'gkim@example.org', to: ME, date: new Date('2026-11-20T10:00:00Z'), subject: 'Slides' });
    fake.mailbox.failOnCall('Messages.list', 1, GoogleErrors.gmailRateLimit('gmail.users.messages.list', new Date('2026-11-22T15:05:00Z')));
    const first = runSync();
    expect(first.notes.join(' ')).toMatch(/asked Touchpoint to slow down/);
    expect(contactRow(fake, 'Grace')['Last contact notes']).toBe('Met after her talk');
    runSync();
    expect(contactRow(fake, 'Grace')['Last contact notes']).toBe('Slides');
  });
});

describe('what an independent review tried', () => {
  beforeEach(() => {
    fake = syncWorkbook();
  });

  test('an address in a display name does not count: only the address in angle brackets does', () => {
    fake.mailbox.add({ from: '"maya.okafor@example.org" <noreply@evil.example>', to: ME, date: new Date('2026-11-20T10:00:00Z'), subject: 'Spoof' });
    fake.mailbox.add({ from: '"Okafor, Maya" <maya.okafor@example.org>', to: ME, date: new Date('2026-11-19T10:00:00Z'), subject: 'Real' });
    runSync();
    expect(contactRow(fake, 'Maya')['Last contact notes']).toBe('Real');
  });

  test('a contact added after the first sync is searched on the next run', () => {
    runSync();
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const row = contactRows(fake).filter((r) => r['First name'] || r.Email).length + 2;
    sheet.getRange(row, headers.indexOf('First name') + 1).setValue('Amy');
    sheet.getRange(row, headers.indexOf('Email') + 1).setValue("amy.o'brien@example.org");
    fake.mailbox.add({ from: "Amy <Amy.O'Brien@example.org>", to: ME, date: new Date('2026-11-05T10:00:00Z'), subject: 'Hello from Amy' });
    runSync();
    expect(contactRow(fake, 'Amy')['Last contact notes']).toBe('Hello from Amy');
  });

  test('a message deleted after it arrived is skipped: the nightly sync goes on', () => {
    runSync();
    const gone = fake.mailbox.add({ from: 'gkim@example.org', to: ME, date: new Date('2026-11-21T10:00:00Z'), subject: 'Deleted' });
    fake.mailbox.add({ from: 'pnair@example.com', to: ME, date: new Date('2026-11-21T11:00:00Z'), subject: 'Kept' });
    (fake.mailbox as unknown as { _remove(id: string): void })._remove(gone);
    const report = runSync();
    expect(report.notes).toEqual([]);
    expect(contactRow(fake, 'Priya')['Last contact notes']).toBe('Kept');
  });

  test('an address whose mail never counts (a list) is given up after a few pages, and the search finishes', () => {
    for (let i = 0; i < 700; i++) fake.mailbox.add({ from: 'dreyes@example.edu', to: 'list@example.edu', listId: '<list.example.edu>', date: new Date(Date.UTC(2026, 9, 1, 0, i)), subject: `Digest ${i}` });
    fake.mailbox.add({ from: 'gkim@example.org', to: ME, date: new Date('2026-11-20T10:00:00Z'), subject: 'Slides' });
    const first = runSync();
    expect(first.remaining).toBe(0);
    expect(contactRow(fake, 'Grace')['Last contact notes']).toBe('Slides');
    expect(fake.counter.count('Gmail.Users.Messages.list')).toBeLessThan(20);
  });

  test('a rate limit or an error in the middle of the first search loses nothing: every contact is covered in the end', () => {
    for (const [i, address] of ['maya.okafor@example.org', 'dreyes@example.edu', 'pnair@example.com', 'a.rahman@example.org', 'luis.ortega@example.net', 'gkim@example.org'].entries()) {
      fake.mailbox.add({ from: address, to: ME, date: new Date(Date.UTC(2026, 10, 10 + i, 12)), subject: `Mail ${i}` });
    }
    fake.mailbox.failOnCall('Messages.get', 2, GoogleErrors.gmailRateLimit('gmail.users.messages.get', new Date('2026-11-22T15:05:00Z')));
    const first = runSync();
    expect(first.notes.join(' ')).toMatch(/^Gmail asked Touchpoint to slow down/);
    fake.calendar.failOnCall('Events.list', 1, GoogleErrors.calendarUsageLimits());
    runSync();
    const last = runSync();
    expect(last.remaining).toBe(0);
    expect(contactRows(fake).filter((r) => String(r['Last contact notes']).startsWith('Mail ')).map((r) => r['First name']).sort()).toEqual(['Aisha', 'Daniel', 'Grace', 'Luis', 'Maya', 'Priya']);
    expect(interactions()).toHaveLength(6);
  });

  test('Calendar\'s error is said in words, and what Gmail found is written', () => {
    fake.mailbox.add({ from: 'gkim@example.org', to: ME, date: new Date('2026-11-20T10:00:00Z'), subject: 'Slides' });
    fake.calendar.failOnCall('Events.list', 1, GoogleErrors.calendarUsageLimits());
    const report = runSync();
    expect(report.notes).toEqual([expect.stringMatching(/^Calendar answered ".+", so Touchpoint stopped there; what it had found is written, and it goes on next time\.$/)]);
    expect(contactRow(fake, 'Grace')['Last contact notes']).toBe('Slides');
  });

  test('45 meetings still to come are each counted once over, and no title or guest is kept in document properties', () => {
    const start = Date.UTC(2026, 10, 23, 14);
    const guests = ['maya.okafor@example.org', 'dreyes@example.edu', 'pnair@example.com', 'a.rahman@example.org', 'luis.ortega@example.net', 'gkim@example.org'];
    for (let i = 0; i < 45; i++) {
      fake.calendar.add({ summary: `Tumor board: patient J.D. ${i}`, start: new Date(start + i * 3600_000), end: new Date(start + i * 3600_000 + 1800_000), attendees: [{ email: ME, self: true, responseStatus: 'accepted' }, { email: guests[i % guests.length], responseStatus: 'accepted' }, { email: `guest${i}@outside.example`, responseStatus: 'accepted' }] });
    }
    runSync();
    expect(JSON.stringify(fake.properties.document.getProperties())).not.toMatch(/Tumor board|outside\.example|okafor|dreyes|pnair|rahman|ortega|gkim/);
    setNow(fake, new Date('2026-11-26T05:00:00Z'));
    runSync();
    expect(new Set(interactions().map((r) => r.Name)).size).toBe(6);
    expect(interactions().filter((r) => r.Channel === 'Meeting')).toHaveLength(guests.length * 3); // one line per contact and day (they span three days in New York)
  });
});

describe('Calendar', () => {
  beforeEach(() => {
    fake = syncWorkbook();
  });

  const hour = (iso: string) => new Date(iso);

  test('a past meeting with a contact counts; declined, cancelled and future ones do not (a future one counts once over)', () => {
    const attendees = (email: string, mine: 'accepted' | 'declined' = 'accepted') => [{ email: ME, self: true, responseStatus: mine }, { email, responseStatus: 'accepted' as const }];
    fake.calendar.add({ summary: 'Research meeting', start: hour('2026-11-19T15:00:00Z'), end: hour('2026-11-19T16:00:00Z'), attendees: attendees('pnair@example.com') });
    fake.calendar.add({ summary: 'Declined lunch', start: hour('2026-11-19T17:00:00Z'), end: hour('2026-11-19T18:00:00Z'), attendees: attendees('gkim@example.org', 'declined') });
    const cancelled = fake.calendar.add({ summary: 'Cancelled call', start: hour('2026-11-20T15:00:00Z'), end: hour('2026-11-20T16:00:00Z'), attendees: attendees('luis.ortega@example.net') });
    fake.calendar.cancel(cancelled);
    fake.calendar.add({ summary: 'Mentor check-in', start: hour('2026-11-24T15:00:00Z'), end: hour('2026-11-24T16:00:00Z'), attendees: attendees('a.rahman@example.org') });
    const report = runSync();
    expect(report.meetings).toBe(1);
    expect(interactions().map((r) => [r.Name, r.Channel, r.Summary])).toEqual([['Priya Nair', 'Meeting', 'Research meeting']]);
    expect(nyDay(contactRow(fake, 'Priya')['Last contact'])).toBe('2026-11-19');
    setNow(fake, new Date('2026-11-25T05:00:00Z'));
    runSync();
    expect(fake.counter.count('Calendar.Events.list')).toBeGreaterThanOrEqual(2);
    expect(interactions().map((r) => [r.Name, r.Summary])).toEqual([['Priya Nair', 'Research meeting'], ['Aisha Rahman', 'Mentor check-in']]);
    expect(nyDay(contactRow(fake, 'Aisha')['Last contact'])).toBe('2026-11-24');
  });

  test('with subjects off, lines say only Email or Meeting', () => {
    fake = syncWorkbook(sampleContacts(), { 'Sync last contact': 'On', 'Sync keeps subjects': 'Off' });
    fake.mailbox.add({ from: 'gkim@example.org', to: ME, date: new Date('2026-11-20T10:00:00Z'), subject: 'Private matter' });
    runSync();
    expect(interactions().map((r) => r.Summary)).toEqual(['Email']);
    expect(contactRow(fake, 'Grace')['Last contact notes']).toBe('Email');
  });
});

describe('a first sync of many contacts', () => {
  function manyContacts(count: number): string[][] {
    const header = sampleContacts()[0];
    const rows = Array.from({ length: count }, (_, i) => header.map((h) => ({ 'First name': `P${i}`, 'Last name': 'Test', Email: `p${String(i).padStart(4, '0')}@example.org`, Relationship: 'Peer', 'Last contact': '2026-01-05' } as Record<string, string>)[h] ?? ''));
    return [header, ...rows];
  }

  test('1,000 contacts: cut short by the time limit, resumed from its cursor, nobody logged twice, sheet calls constant', () => {
    fake = syncWorkbook(manyContacts(1000));
    for (let i = 0; i < 1000; i += 3) fake.mailbox.add({ from: `p${String(i).padStart(4, '0')}@example.org`, to: ME, date: new Date(Date.UTC(2026, 10, 1 + (i % 20), 12)), subject: `Hello ${i}` });
    // Gmail takes its time: each call moves the clock a second on.
    fake.mailbox.beforeCall = () => jest.setSystemTime(Date.now() + 1000);
    const first = runSync();
    expect(first.remaining).toBeGreaterThan(0);
    expect(describeSync(first)).toMatch(new RegExp(`The search has covered ${1000 - first.remaining} of 1,000 addresses; ${first.remaining} are still to search: choose Touchpoint ▸ Sync last contact now again, or it goes on tonight\\.`));
    const firstCalls = fake.counter.sheetRoundTrips();
    let runs = 1;
    let report = first;
    while (report.remaining && runs < 20) {
      fake.counter.reset();
      report = runSync();
      runs++;
      expect(fake.counter.sheetRoundTrips()).toBeLessThanOrEqual(firstCalls + 2);
    }
    expect(report.remaining).toBe(0);
    expect(runs).toBeGreaterThan(1);
    const logged = interactions();
    expect(logged).toHaveLength(334);
    expect(new Set(logged.map((r) => r['Contact ID'])).size).toBe(334);
    expect(contactRow(fake, 'P3').Email).toBe('p0003@example.org');
    expect(nyDay(contactRow(fake, 'P3')['Last contact'])).toBe('2026-11-04');
    expect(SYNC_TIME_BUDGET_MS).toBeLessThan(300_000);
  });
});

describe('turning it on, and the install', () => {
  test('an install without the features shows none of their settings; setting up in one with them adds them', () => {
    withFeatures(false);
    fake = workbookWith();
    const labels = () => fake.spreadsheet.getSheetByName('Settings')!.getRange('A:A').getValues().map(([label]) => label);
    expect(labels()).not.toContain('Sync last contact');
    expect(labels()).not.toContain('Reminder email');
    withFeatures(true);
    setUpWorkbook();
    expect(labels()).toEqual(expect.arrayContaining(['Sync last contact', 'Sync looks back (months)', 'Sync keeps subjects', 'Reminder email']));
  });

  test('Sync last contact now with sync off says how to turn it on, and reads nothing', () => {
    fake = syncWorkbook(sampleContacts(), {});
    syncLastContactNow();
    expect(fake.ui.alerts[0].prompt).toMatch(/^Sync is off\. Set Settings ▸ Sync last contact to On/);
    expect(fake.counter.count('Gmail.Users.Messages.list')).toBe(0);
  });

  test('in an install without sync, the menu item says how to install it, and the nightly run reads no mail', () => {
    fake = syncWorkbook();
    withFeatures(false);
    syncLastContactNow();
    expect(fake.ui.alerts[0].prompt).toContain('installed without sync of last contact from Gmail and Calendar. Install it again with npm run deploy -- --with-sync');
    fake.asTrigger(() => refreshAsOfDate());
    expect(fake.counter.count('Gmail.Users.Messages.list')).toBe(0);
  });

  test('the nightly trigger syncs when it is on', () => {
    fake = syncWorkbook();
    fake.mailbox.add({ from: 'gkim@example.org', to: ME, date: new Date('2026-11-20T10:00:00Z'), subject: 'Slides' });
    fake.asTrigger(() => refreshAsOfDate());
    expect(contactRow(fake, 'Grace')['Last contact notes']).toBe('Slides');
  });

  test('a declined Gmail permission stops sync before anything is read, naming the permission', () => {
    fake = syncWorkbook();
    fake.authorization.declined.add('https://www.googleapis.com/auth/gmail.readonly');
    syncLastContactNow();
    expect(fake.ui.alerts[0].prompt).toContain('Touchpoint needs permission for reading when you last emailed each contact');
    expect(NOW).toBeInstanceOf(Date);
  });
});
