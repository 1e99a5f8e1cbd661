/** Granular consent: a user may decline some scopes. Each feature checks first, explains, and changes nothing. */
import { setUpContactSheet } from '../../src/server/setup';
import { createDraft, loadSidebar, previewDraft } from '../../src/server/sidebar-api';
import { planBulkDrafts } from '../../src/server/bulk-drafts';
import { grantPermissions } from '../../src/server/scopes';
import { installFake, setNow } from '../support/in-process';
import { fillProfile, idOf, NOW } from '../support/sidebar-workbook';
import { fillSheet, sampleContacts, snapshot } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

const TRIGGERS = 'https://www.googleapis.com/auth/script.scriptapp';
const GMAIL = 'https://www.googleapis.com/auth/gmail.compose';
let fake: FakeAppsScript;

function workbookDeclining(scopes: string[]): void {
  fake = installFake({ timeZone: 'America/New_York', declinedScopes: scopes });
  setNow(fake, NOW);
  fillSheet(fake.spreadsheet.insertSheet('Contacts'), sampleContacts());
}

beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

test('setup without the trigger permission sets up every sheet, adds no trigger, and says the nightly update is off', () => {
  workbookDeclining([TRIGGERS]);
  setUpContactSheet();
  expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Contacts', 'Interactions', 'Templates', 'Settings']);
  expect(fake.scriptApp.triggers).toEqual([]);
  expect(fake.ui.alerts[0].prompt).toContain('The nightly update of Settings ▸ As of is off: the permission to run when you are not present was not granted. Choose Touchpoint ▸ Help ▸ Grant permissions: once granted, choosing it again turns the update on');
  grantPermissions();
  expect(fake.scriptApp.consentRequested).toEqual([[TRIGGERS]]);
  fake.authorization.declined.delete(TRIGGERS); // the user ticks it on Google's screen
  grantPermissions();
  expect(fake.ui.alerts.at(-1)!.prompt).toBe('Touchpoint has every permission it asks for. The nightly update of Settings ▸ As of is now on.');
  expect(fake.scriptApp.triggers.map((t) => t.getHandlerFunction())).toEqual(['refreshAsOfDate']);
});

test('without Gmail: drafting says what the permission is for and how to grant it, and writes nothing; the sidebar still works', () => {
  workbookDeclining([GMAIL]);
  setUpContactSheet();
  fillProfile(fake.spreadsheet);
  const before = snapshot(fake);
  const message = 'To create a Gmail draft, Touchpoint needs permission for saving your emails as Gmail drafts (Touchpoint only makes drafts; it never sends), and it was not granted. Choose Extensions ▸ Touchpoint ▸ Help ▸ Grant permissions and tick "Manage drafts and send emails" on Google\'s screen. Nothing was changed.';
  expect(() => createDraft({ contactId: idOf(fake, 'Maya'), subject: 'Hello', body: 'Dear Dr. Okafor' })).toThrow(message);
  expect(() => previewDraft(idOf(fake, 'Maya'), null)).toThrow('To draft an email, Touchpoint needs permission for saving your emails as Gmail drafts');
  expect(() => planBulkDrafts({ scope: 'overdue', template: null })).toThrow('To draft follow-ups, Touchpoint needs permission');
  expect(snapshot(fake)).toBe(before);
  const model = loadSidebar();
  expect(model.overdue.length).toBeGreaterThan(0);
  expect(model.problems).toContain('To draft emails, Touchpoint needs permission for saving your emails as Gmail drafts (Touchpoint only makes drafts; it never sends), and it was not granted. Choose Extensions ▸ Touchpoint ▸ Help ▸ Grant permissions and tick "Manage drafts and send emails" on Google\'s screen. Nothing was changed.');
});

test('Grant permissions asks Google again for exactly what was declined; with everything granted it says so', () => {
  workbookDeclining([GMAIL]);
  grantPermissions();
  expect(fake.scriptApp.consentRequested).toEqual([[GMAIL]]);
  workbookDeclining([]);
  grantPermissions();
  expect(fake.ui.alerts[0].prompt).toBe('Touchpoint has every permission it asks for.');
});
