/**
 * Deliberately naive versions of Touchpoint's actions, kept only for comparison: the same work done the way
 * scripts often start out, reading and writing one cell at a time. They run against the same fake, so the
 * fake counts their round-trips the same way.
 */
import type { FakeAppsScript } from '../gas-fake';

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
