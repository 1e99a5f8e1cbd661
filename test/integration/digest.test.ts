/**
 * The reminder email (an install made with --with-digest): to the user alone, on the chosen day, with who is
 * overdue, due this week and which letters to ask for; none when nothing is due.
 */
import { sendDigest } from '../../src/server/digest';
import { sendReminderNow } from '../../src/server/optional-menus';
import { refreshAsOfDate } from '../../src/server/menu';
import { actionContext } from '../../src/server/action-context';
import type { FakeAppsScript } from '../../tools/gas-fake';
import { ME, syncWorkbook, useSyncInstall, withFeatures } from '../support/sync-workbook';
import { sampleContacts } from '../support/workbook';
import { setNow } from '../support/in-process';

let fake: FakeAppsScript;
useSyncInstall();

/** The sample list, plus a mentor due this week and a letter to ask for. */
function knownWorkbook(): FakeAppsScript {
  const rows = sampleContacts();
  const row = (cells: Record<string, string>) => rows[0].map((h) => cells[h] ?? '');
  const fake = syncWorkbook([...rows, row({ 'First name': 'Ines', 'Last name': 'Duarte', Email: 'ines@example.org', Relationship: 'Career mentor', 'Last contact': '2026-10-12' })], { 'Reminder email': 'Daily' });
  const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const set = (row: number, header: string, value: string) => sheet.getRange(row, headers.indexOf(header) + 1).setValue(value);
  set(3, 'Letter for', 'Cardiology fellowship');
  set(3, 'Letter due', '2027-01-10');
  fake.counter.reset();
  return fake;
}

test('the email for a known workbook: to the user alone, each contact with its reason, a link to the sheet, plain and HTML', () => {
  fake = knownWorkbook();
  expect(sendDigest()).toBe('sent');
  expect(fake.mail.sent).toHaveLength(1);
  const [email] = fake.mail.sent;
  expect(email.to).toBe(ME);
  expect(email.name).toBe('Touchpoint');
  expect(email.subject).toBe('Touchpoint: 5 overdue, 1 due this week, 1 letter to ask for');
  const body = email.body.split('\n');
  expect(body[0]).toBe(`Your follow-ups in ${fake.spreadsheet.getName()} on November 22, 2026.`);
  expect(body).toContain('Overdue (5)');
  expect(body).toContain('- Maya Okafor, Attending · Riverside Medical Center: 36 days overdue · every 45 days · due October 17, 2026');
  expect(body).toContain('Due this week (1)');
  expect(body).toContain('- Ines Duarte: Due in 4 days · every 45 days (Career mentor) · due November 26, 2026');
  expect(body).toContain('Letters to ask for (1)');
  expect(body).toContain('- Daniel Reyes, letter for Cardiology fellowship: Ask-by date passed 7 days ago');
  expect(email.body).toContain(`Open the sheet: ${fake.spreadsheet.getUrl()}`);
  expect(email.body).toContain('You get this because Settings ▸ Reminder email is Daily. Set it to Off to stop. Only you receive it.');
  expect(email.htmlBody).toContain('<li>Maya Okafor, Attending · Riverside Medical Center: 36 days overdue · every 45 days · due October 17, 2026</li>');
  expect(email.htmlBody).toContain(`<a href="${fake.spreadsheet.getUrl()}">`);
  // Sent once a day, however often the trigger runs.
  expect(sendDigest()).toBe('sent already today');
});

test('nothing is sent when nothing is due', () => {
  const header = sampleContacts()[0];
  const calm = header.map((h) => ({ 'First name': 'Ana', 'Last name': 'Lima', Email: 'ana@example.org', Relationship: 'Peer', 'Last contact': '2026-11-20' } as Record<string, string>)[h] ?? '');
  fake = syncWorkbook([header, calm], { 'Reminder email': 'Daily' });
  expect(sendDigest()).toBe('nothing due');
  expect(fake.mail.sent).toEqual([]);
});

test('on a weekday schedule it goes on that day only (in the spreadsheet\'s time zone), by the nightly trigger', () => {
  fake = syncWorkbook(sampleContacts(), { 'Reminder email': 'Mondays' });
  expect(sendDigest()).toBe('not today'); // Sunday, November 22, 2026
  setNow(fake, new Date('2026-11-23T05:35:00Z')); // 00:35 on Monday in New York
  fake.asTrigger(() => refreshAsOfDate());
  expect(fake.mail.sent.map((m) => m.to)).toEqual([ME]);
  expect(actionContext().today).toBe(actionContext().today);
});

test('Off sends nothing; Send me the reminder email now sends it whatever the setting, and says to whom', () => {
  fake = syncWorkbook(sampleContacts(), {});
  fake.asTrigger(() => refreshAsOfDate());
  expect(fake.mail.sent).toEqual([]);
  sendReminderNow();
  expect(fake.mail.sent).toHaveLength(1);
  expect(fake.ui.alerts[0].prompt).toBe(`Sent the reminder to ${ME}. It goes to you alone.`);
});

test('in an install without the reminder email, the menu item says how to install it and nothing is sent', () => {
  fake = syncWorkbook(sampleContacts(), { 'Reminder email': 'Daily' });
  withFeatures(false);
  sendReminderNow();
  expect(fake.ui.alerts[0].prompt).toContain('installed without the reminder email. Install it again with npm run deploy -- --with-digest');
  fake.asTrigger(() => refreshAsOfDate());
  expect(fake.mail.sent).toEqual([]);
});
