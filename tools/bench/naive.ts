/**
 * Deliberately naive versions of Touchpoint's actions, kept only for comparison: the same work done the way
 * scripts often start out, reading and writing one cell at a time. And what users would otherwise run for bulk
 * email: Google's own mail-merge sample, its calls reproduced one for one (`googleMailMerge`). They run against
 * the same fake, so the fake counts their round-trips and cells the same way.
 */
import type { FakeAppsScript } from '../gas-fake';
import { decodeDraft } from '../gas-fake/gmail';

type Globals = FakeAppsScript['globals'];

function contactsSheet(g: Globals) {
  return g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
}

/** Header lookup cell by cell, as a per-cell script would do it. */
function columnOf(g: Globals, header: string): number {
  const sheet = contactsSheet(g);
  const width = sheet.getLastColumn();
  for (let c = 1; c <= width; c++) if (sheet.getRange(1, c).getValue() === header) return c;
  throw new Error(`No ${header}`);
}

export function naiveSetUp(g: Globals, headers: string[]): void {
  const sheet = contactsSheet(g);
  const existing = new Set<string>();
  for (let c = 1; c <= sheet.getLastColumn(); c++) existing.add(String(sheet.getRange(1, c).getValue()));
  let next = sheet.getLastColumn() + 1;
  for (const header of headers) {
    if (existing.has(header)) continue;
    if (next > sheet.getMaxColumns()) sheet.insertColumnAfter(sheet.getMaxColumns());
    sheet.getRange(1, next++).setValue(header);
  }
  const id = columnOf(g, 'Contact ID');
  for (let r = 2; r <= sheet.getLastRow(); r++) {
    if (sheet.getRange(r, id).getValue() === '') sheet.getRange(r, id).setValue(`c-naive${r}`);
  }
}

const CARD_COLUMNS = ['First name', 'Last name', 'Email', 'Role', 'Institution', 'Relationship', 'Met on', 'Last contact', 'Last contact notes', 'Next step', 'Follow-up every (days)', 'Contact ID'];

export function naiveLoadSidebar(g: Globals): number {
  const sheet = contactsSheet(g);
  const columns = CARD_COLUMNS.map((h) => columnOf(g, h));
  let cards = 0;
  for (let r = 2; r <= sheet.getLastRow(); r++) {
    const values = columns.map((c) => sheet.getRange(r, c).getValue());
    if (values[0] !== '' || values[1] !== '') cards++;
  }
  return cards;
}

function findRow(g: Globals, id: string): number {
  const sheet = contactsSheet(g);
  const idColumn = columnOf(g, 'Contact ID');
  for (let r = 2; r <= sheet.getLastRow(); r++) if (sheet.getRange(r, idColumn).getValue() === id) return r;
  throw new Error(`No contact ${id}`);
}

export function naiveLogContact(g: Globals, id: string): void {
  const sheet = contactsSheet(g);
  const row = findRow(g, id);
  sheet.getRange(row, columnOf(g, 'Last contact')).setValue('2026-11-22');
  sheet.getRange(row, columnOf(g, 'Last contact notes')).setValue('Logged naively');
  sheet.getRange(row, columnOf(g, 'Snoozed until')).setValue('');
  g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Interactions')!.appendRow(['2026-11-22', id, 'x', 'Email', 'Logged naively', '']);
}

export function naiveSnooze(g: Globals, id: string): void {
  const row = findRow(g, id);
  contactsSheet(g).getRange(row, columnOf(g, 'Snoozed until')).setValue('2026-11-29');
}

export function naiveDrafts(g: Globals, count: number): void {
  const sheet = contactsSheet(g);
  const [first, email, created, draftId] = ['First name', 'Email', 'Draft created', 'Draft ID'].map((h) => columnOf(g, h));
  for (let r = 2; r < 2 + count; r++) {
    const name = sheet.getRange(r, first).getValue();
    const to = sheet.getRange(r, email).getValue();
    const raw = Buffer.from(`To: ${to}\r\nSubject: Hello ${name}\r\n\r\nHi`).toString('base64url');
    const draft = g.Gmail.Users.Drafts.create({ message: { raw } }, 'me') as { id: string };
    sheet.getRange(r, created).setValue('2026-11-22');
    sheet.getRange(r, draftId).setValue(draft.id);
  }
}

export function naiveImport(g: Globals, rows: string[][]): void {
  const sheet = contactsSheet(g);
  const emailColumn = columnOf(g, 'Email');
  for (const row of rows) {
    const emails = sheet.getRange(2, emailColumn, Math.max(sheet.getLastRow() - 1, 1), 1).getValues().map(([e]) => e);
    if (!emails.includes(row[2])) sheet.appendRow(row);
  }
}

/** The template draft Google's mail-merge sample looks for, by subject, with its {{Column header}} markers. */
export const MAIL_MERGE_TEMPLATE = {
  subject: 'Could we meet?',
  text: 'Dear {{First name}},\r\n\r\nWould you have 20 minutes in the coming weeks? I would value your advice.\r\n',
  html: '<p>Dear {{First name}},</p><p>Would you have 20 minutes in the coming weeks? I would value your advice.</p>',
};

/** An RFC 2822 message with a plain-text and an HTML part, base64url, as a draft's raw. */
export function mimeRaw(to: string, subject: string, text: string, html: string): string {
  const boundary = 'mail-merge-boundary';
  const part = (type: string, body: string) => `--${boundary}\r\nContent-Type: ${type}; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}\r\n`;
  const mime = `To: ${to}\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n${part('text/plain', text)}${part('text/html', html)}--${boundary}--\r\n`;
  return Buffer.from(mime).toString('base64url');
}

function subjectOfRaw(raw: string): string {
  return /^Subject: (.*)$/m.exec(Buffer.from(raw, 'base64url').toString('utf8').split('\r\n\r\n')[0])?.[1] ?? '';
}

/**
 * Google's mail-merge sample (googleworkspace/apps-script-samples, solutions/automations/mail-merge/Code.js,
 * `sendEmails(subjectLine, sheet = SpreadsheetApp.getActiveSheet())`), its calls made one for one:
 *
 * - the template: `GmailApp.getDrafts()` (here one Drafts.list per page of 500), then `drafts.filter(d =>
 *   d.getMessage().getSubject() === subjectLine)`, which fetches every draft's message (here one Drafts.get each),
 *   then `draft.getMessage()` three more times (the message, its inline images, its attachments: three
 *   Drafts.get). Reading the subject, body and attachments of a message already fetched costs no call here, which
 *   if anything flatters the sample;
 * - the sheet: `sheet.getDataRange().getDisplayValues()` once (the sample reads display values), rows turned into
 *   objects by header;
 * - one `GmailApp.sendEmail` per row whose "Email Sent" cell is blank (here one Drafts.create, since Touchpoint
 *   drafts rather than sends), the template's `{{Header}}` markers filled from the row; an error is written to the
 *   row's status instead;
 * - `sheet.getRange(2, statusColumn, rows).setValues(out)` once at the end: every row's status, sent or not.
 *
 * It is not resumable: a run stopped by Apps Script's 6-minute limit writes no status at all, so the next run
 * sends to everyone again. 5 SpreadsheetApp calls in all.
 */
export function googleMailMerge(g: Globals, subjectLine: string, recipientColumn = 'Email', sentColumn = 'Email Sent'): { sent: number } {
  const sheet = g.SpreadsheetApp.getActiveSheet();
  const template = templateFromDrafts(g, subjectLine);
  const data = sheet.getDataRange().getDisplayValues();
  const heads = data.shift()!;
  const sentIndex = heads.indexOf(sentColumn);
  const rows = data.map((r) => heads.reduce<Record<string, string>>((o, k, i) => ((o[k] = r[i] || ''), o), {}));
  const out: unknown[][] = [];
  let sent = 0;
  for (const row of rows) {
    if (row[sentColumn] === '') {
      try {
        const fill = (text: string) => text.replace(/{{[^{}]+}}/g, (key) => row[key.replace(/[{}]+/g, '')] || '');
        g.Gmail.Users.Drafts.create({ message: { raw: mimeRaw(row[recipientColumn], fill(template.subject), fill(template.text), fill(template.html)) } }, 'me');
        out.push([new Date()]);
        sent++;
      } catch (error) {
        out.push([error instanceof Error ? error.message : String(error)]);
      }
    } else {
      out.push([row[sentColumn]]);
    }
  }
  sheet.getRange(2, sentIndex + 1, out.length).setValues(out);
  return { sent };
}

function templateFromDrafts(g: Globals, subjectLine: string): { subject: string; text: string; html: string } {
  const drafts = g.Gmail.Users.Drafts;
  const all: { id: string }[] = [];
  let pageToken: string | undefined;
  do {
    const page = drafts.list('me', pageToken ? { maxResults: 500, pageToken } : { maxResults: 500 }) as { drafts?: { id: string }[]; nextPageToken?: string };
    all.push(...(page.drafts ?? []));
    pageToken = page.nextPageToken;
  } while (pageToken);
  const raw = (id: string) => (drafts.get('me', id, { format: 'raw' }) as { message: { raw: string } }).message.raw;
  const draft = all.filter((d) => subjectOfRaw(raw(d.id)) === subjectLine)[0];
  if (!draft) throw new Error("Oops - can't find Gmail draft");
  const message = decodeDraft(Buffer.from(raw(draft.id), 'base64url').toString('utf8')); // msg = draft.getMessage()
  raw(draft.id); // draft.getMessage().getAttachments({ includeInlineImages: true, includeAttachments: false })
  raw(draft.id); // draft.getMessage().getAttachments({ includeInlineImages: false })
  return { subject: subjectLine, text: message.text, html: message.html };
}
