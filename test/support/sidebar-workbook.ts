/** A set-up workbook with contacts and a filled-in profile, for the sidebar and drafting tests. */
import { setUpWorkbook } from '../../src/server/setup';
import type { FakeAppsScript, FakeOptions } from '../../tools/gas-fake';
import type { FakeSpreadsheet } from '../../tools/gas-fake/spreadsheet';
import { installFake, setNow } from './in-process';
import { fillSheet, rowsByHeader, sampleContacts, writeProfile } from './workbook';
import { decodeDraft } from '../../tools/gas-fake/gmail';

export const NOW = new Date('2026-11-22T15:00:00Z');

export function workbookWith(rows: unknown[][] = sampleContacts(), timeZone = 'America/New_York', options: FakeOptions = {}): FakeAppsScript {
  const fake = installFake({ timeZone, ...options });
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
  'My institution': 'Mercy General Hospital',
  'My specialty': 'cardiology',
};

/** Types the tests' profile into Settings, as a user would after setup. */
export function fillProfile(spreadsheet: FakeSpreadsheet): void {
  writeProfile(spreadsheet, PROFILE);
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

/** What a stored draft shows in Gmail (the fake's decoder). */
export const readDraft = decodeDraft;
