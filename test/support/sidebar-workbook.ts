/** A set-up workbook with contacts and a filled-in profile, for the sidebar and drafting tests. */
import { setUpWorkbook } from '../../src/server/setup';
import type { FakeAppsScript } from '../fake';
import type { FakeSpreadsheet } from '../fake/spreadsheet';
import { installFake, setNow } from './in-process';
import { fillSheet, rowsByHeader, sampleContacts } from './workbook';

export const NOW = new Date('2026-11-22T15:00:00Z');

export function workbookWith(rows: unknown[][] = sampleContacts(), timeZone = 'America/New_York'): FakeAppsScript {
  const fake = installFake({ timeZone });
  setNow(fake, NOW);
  const contacts = fake.spreadsheet.insertSheet('Contacts');
  const wanted = rows.length + 100; // a real sheet has spare rows below the data
  if (wanted > contacts.getMaxRows()) contacts.insertRowsAfter(contacts.getMaxRows(), wanted - contacts.getMaxRows());
  fillSheet(contacts, rows);
  setUpWorkbook();
  fillProfile(fake.spreadsheet);
  fake.counter.reset();
  return fake;
}

export const PROFILE: Record<string, string> = {
  'My name': 'Sam Lee',
  'My position': 'a PGY-1 preliminary medicine intern',
  'My institution': 'Lakeview University Hospital',
  'My specialty': 'cardiology',
};

/** Types the user's profile into Settings, as a user would after setup. */
export function fillProfile(spreadsheet: FakeSpreadsheet): void {
  const settings = spreadsheet.getSheetByName('Settings')!;
  settings.getRange(1, 1, 9, 2).getValues().forEach(([label], index) => {
    if (PROFILE[String(label)]) settings.getRange(index + 1, 2).setValue(PROFILE[String(label)]);
  });
}

export function contactRows(fake: FakeAppsScript): Record<string, unknown>[] {
  return rowsByHeader(fake.spreadsheet.getSheetByName('Contacts')!);
}

export function contactRow(fake: FakeAppsScript, firstName: string): Record<string, unknown> {
  const row = contactRows(fake).find((r) => r['First name'] === firstName);
  if (!row) throw new Error(`No contact ${firstName}`);
  return row;
}

export function idOf(fake: FakeAppsScript, firstName: string): string {
  return String(contactRow(fake, firstName)['Contact ID']);
}

/** The decoded plain-text part and headers of a stored Gmail draft. */
export function readDraft(mime: string): { to: string; subject: string; text: string; html: string } {
  const [head] = mime.split('\r\n\r\n');
  const unfold = head.replace(/\r\n /g, '');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(unfold)?.[1] ?? '';
  const decodeWords = (value: string) => value.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
  const parts = mime.split(/--=_touchpoint_[a-z0-9]+|--=_b/).slice(1);
  const bodyOf = (type: string) => {
    const part = parts.find((p) => p.includes(`Content-Type: ${type}`)) ?? '';
    return Buffer.from(part.split('\r\n\r\n')[1]?.replace(/\r\n/g, '') ?? '', 'base64').toString('utf8');
  };
  return { to: decodeWords(header('To')), subject: decodeWords(header('Subject')), text: bodyOf('text/plain'), html: bodyOf('text/html') };
}
