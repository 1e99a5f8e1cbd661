/** Help ▸ Check installation: one line per check, ✓ or ✗ with the fix; it changes nothing. */
import { checkInstallation, installationReport, showInstallationCheck } from '../../src/server/installation-check';
import { setUpWorkbook } from '../../src/server/setup';
import { installFake, setNow } from '../support/in-process';
import { NOW } from '../support/sidebar-workbook';
import { fillSheet, sampleContacts, snapshot } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;

function workbook(options: { locale?: string; declinedScopes?: string[] } = {}): void {
  fake = installFake({ timeZone: 'Asia/Kolkata', ...options });
  setNow(fake, NOW);
  fillSheet(fake.spreadsheet.insertSheet('Contacts'), sampleContacts());
  setUpWorkbook();
}

beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

test('a healthy installation: every check passes, and the report says what is in use', () => {
  workbook();
  const before = snapshot(fake);
  const report = installationReport(checkInstallation());
  expect(report.split('\n')).toEqual([
    '✓ Touchpoint development build; spreadsheet locale en_US, time zone Asia/Kolkata',
    '✓ Sync of last contact from Gmail and Calendar: not installed (optional: npm run deploy -- --with-sync, README, Sync and reminders)',
    '✓ Reminder email: not installed (optional: npm run deploy -- --with-digest, README, Sync and reminders)',
    '✓ Permission for the nightly update of Settings ▸ As of, which keeps Status current: granted',
    '✓ Permission for saving your emails as Gmail drafts (Touchpoint only makes drafts; it never sends): granted',
    '✓ Days since contact: formula works',
    '✓ Next follow-up: formula works',
    '✓ Status: formula works',
    '✓ Ask by: formula works',
    '✓ Named range TouchpointAsOf: on Settings',
    '✓ Named range TouchpointDueSoonDays: on Settings',
    '✓ Named range TouchpointLetterWeeks: on Settings',
    '✓ Named range TouchpointCadences: on Settings',
    '✓ Nightly update of As of: installed once, at about 00:30 Asia/Kolkata',
    '✓ Gmail drafts: reachable',
  ]);
  expect(snapshot(fake)).toBe(before);
});

test('broken: de_DE with an en-US formula, the trigger gone, Gmail declined: each is a ✗ with its fix, and nothing changes', () => {
  workbook({ locale: 'de_DE', declinedScopes: ['https://www.googleapis.com/auth/gmail.compose'] });
  const contacts = fake.spreadsheet.getSheetByName('Contacts')!;
  const status = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getFormulas()[0].findIndex((f) => f.includes('FOLLOW_UP_STATUS')) + 1;
  contacts.getRange(1, status).setFormula('={"Status"; FOLLOW_UP_STATUS(K2:K, {N2:N, G2:G}, TouchpointDueSoonDays, TouchpointAsOf)}');
  for (const trigger of [...fake.scriptApp.triggers]) fake.scriptApp.deleteTrigger(trigger);
  const before = snapshot(fake);
  const report = installationReport(checkInstallation());
  expect(report).toContain('✗ Permission for saving your emails as Gmail drafts (Touchpoint only makes drafts; it never sends): not granted\n    → Choose Touchpoint ▸ Help ▸ Grant permissions.');
  expect(report).toContain("✗ Status: shows #ERROR!\n    → Status shows #ERROR! instead of its results. Its formula is written with another locale's separators, which this spreadsheet's (de_DE) cannot read. Run Touchpoint ▸ Set up contact sheet: it writes the formula again in this locale's separators.");
  expect(report).toContain('✓ Next follow-up: formula works');
  expect(report).toContain('✗ Nightly update of As of: not installed (for you)\n    → Choose Touchpoint ▸ Set up contact sheet');
  expect(report).not.toContain('Gmail drafts: reachable');
  expect(snapshot(fake)).toBe(before);
});

test('the menu item shows the report in a box to copy from', () => {
  workbook();
  showInstallationCheck();
  const dialog = fake.ui.dialogs.at(-1)!;
  expect(dialog.title).toBe('Touchpoint: installation check');
  expect(dialog.output.getContent()).toContain('Everything checks out.');
  expect(dialog.output.getContent()).toMatch(/<textarea readonly[^>]*>✓ Touchpoint development build/);
});

test('an error that is not about separators (Settings deleted) is not blamed on the locale', () => {
  workbook({ locale: 'de_DE' });
  fake.spreadsheet.deleteSheet(fake.spreadsheet.getSheetByName('Settings')!);
  const report = installationReport(checkInstallation());
  expect(report).not.toContain('another locale');
  expect(report).toMatch(/✗ Status: shows #(ERROR!|REF!|NAME\?)\n    → /);
  expect(report).toContain('✗ Named range TouchpointAsOf: missing');
});

