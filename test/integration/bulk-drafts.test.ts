import { planBulkDrafts, runBulkDrafts, TIME_BUDGET_MS } from '../../src/server/bulk-drafts';
import { draftFollowUpsForOverdue, draftFollowUpsForSelection } from '../../src/server/dialogs';
import { snoozeContact, createDraft } from '../../src/server/sidebar-api';
import { installFake } from '../support/in-process';
import { contactRow, contactRows, idOf, readDraft, workbookWith } from '../support/sidebar-workbook';
import { sampleContacts } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;
/** One template for everyone that needs nothing but the row and the profile: the drafting mechanics under test. */
const overdue = { scope: 'overdue' as const, template: 'Mentor meeting request' };
const suggested = { scope: 'overdue' as const, template: null };

/** The sample list plus one more overdue peer with an email: five contacts can be drafted. */
function fiveDraftable(): FakeAppsScript {
  const rows = sampleContacts();
  const ines = rows[0].map((h) => ({ 'First name': 'Ines', 'Last name': 'Duarte', Email: 'ines@example.org', Relationship: 'Peer', 'Last contact': '2026-01-05' } as Record<string, string>)[h] ?? '');
  const fake = workbookWith([...rows, ines]);
  const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const grace = contactRows(fake).findIndex((r) => r['First name'] === 'Grace') + 2;
  sheet.getRange(grace, headers.indexOf('Event') + 1).setValue('the ACP Internal Medicine Meeting 2026');
  sheet.getRange(grace, headers.indexOf('Topic') + 1).setValue('survivorship clinics');
  return fake;
}

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = fiveDraftable();
});
afterEach(() => jest.useRealTimers());

test('the plan: who gets which template, who is skipped and why', () => {
  snoozeContact(idOf(fake, 'Aisha'), 30);
  createDraft({ contactId: idOf(fake, 'Maya'), subject: 'Hi', body: 'Hi' });
  const plan = planBulkDrafts(suggested);
  expect(plan.toDraft.map((d) => [d.name, d.template])).toEqual([
    ['Luis Ortega', 'Mentor meeting request'], // met on a rotation long ago: a thank-you is overdue, a meeting request is not
    ['Grace Kim', 'Post-conference follow-up'],
    ['Ines Duarte', 'Catch-up'], // a peer: a check-in, not a mentor's progress update
  ]);
  expect(plan.skipped).toEqual([
    { name: 'Maya Okafor', reason: 'a draft to maya.okafor@example.org from November 22, 2026 is still open in Gmail' },
    { name: 'Tom Becker', reason: 'no email address' },
    { name: 'Aisha Rahman', reason: 'snoozed until December 22, 2026' },
  ]);
  expect(plan.templates).toHaveLength(9);
});

test('one template for everyone, with empty values reported per contact', () => {
  const plan = planBulkDrafts({ scope: 'overdue', template: 'Letter request' });
  expect(plan.toDraft).toEqual([]);
  expect(plan.skipped.find((s) => s.name === 'Maya Okafor')!.reason).toBe('Letter for, Letter due are empty: fill them in on the sheet');
});

test('creates the drafts with each contact\'s filled template, marks the rows, and summarises', () => {
  const summary = runBulkDrafts(overdue);
  expect(summary.drafted.map((d) => d.name)).toEqual(['Maya Okafor', 'Aisha Rahman', 'Luis Ortega', 'Grace Kim', 'Ines Duarte']);
  expect(summary.skipped).toEqual([{ name: 'Tom Becker', reason: 'no email address' }]);
  expect(summary.message).toBe('Created 5 drafts in Gmail. Skipped 1.');
  const grace = readDraft(fake.drafts.drafts[3].mime);
  expect(grace.to).toBe('Grace Kim <gkim@example.org>');
  expect(grace.subject).toBe('Request to meet for 20 to 30 minutes');
  expect(grace.text).toContain('Dear Dr. Kim,');
  expect(grace.text).toContain('Could we meet for 20 to 30 minutes in the coming weeks');
  for (const name of ['Maya', 'Aisha', 'Luis', 'Grace', 'Ines']) expect(String(contactRow(fake, name)['Draft ID'])).toMatch(/^r\d+/);
  expect(contactRow(fake, 'Tom')['Draft ID']).toBe('');
});

test('Gmail throws at the 3rd of 5: the first two are marked, the summary says 3 remain, a re-run finishes without duplicates', () => {
  fake.drafts.failOnCall('create', 3, new Error('Service invoked too many times for one day: gmail.'));
  const first = runBulkDrafts(overdue);
  expect(first.drafted.map((d) => d.name)).toEqual(['Maya Okafor', 'Aisha Rahman']);
  expect(first.failed).toEqual([{ name: 'Luis Ortega', error: 'Service invoked too many times for one day: gmail.' }]);
  expect(first.remaining).toBe(3);
  expect(first.message).toBe('Created 2 drafts in Gmail. Skipped 1. Gmail stopped at Luis Ortega: Service invoked too many times for one day: gmail. 3 contacts still to draft: run this again to continue.');
  expect(contactRows(fake).filter((r) => r['Draft ID']).map((r) => r['First name'])).toEqual(['Maya', 'Aisha']);

  const second = runBulkDrafts(overdue);
  expect(second.drafted.map((d) => d.name)).toEqual(['Luis Ortega', 'Grace Kim', 'Ines Duarte']);
  expect(second.skipped.map((s) => s.name)).toEqual(['Maya Okafor', 'Tom Becker', 'Aisha Rahman']);
  expect(fake.drafts.drafts).toHaveLength(5);
  expect(new Set(fake.drafts.drafts.map((d) => readDraft(d.mime).to)).size).toBe(5);
});

test('a draft deleted in Gmail no longer blocks a new one', () => {
  runBulkDrafts(overdue);
  const maya = String(contactRow(fake, 'Maya')['Draft ID']);
  fake.drafts._deleteInGmail(maya);
  const again = runBulkDrafts(overdue);
  expect(again.drafted.map((d) => d.name)).toEqual(['Maya Okafor']);
});

test('an unknown placeholder stops the run before any draft is made', () => {
  fake.spreadsheet.getSheetByName('Templates')!.getRange('D4').setValue('News: {{Big news}}');
  expect(() => runBulkDrafts(overdue)).toThrow('Template "Mentor meeting request" uses {{Big news}}');
  expect(() => planBulkDrafts({ scope: 'overdue', template: 'Mentor meeting request' })).toThrow('{{Big news}}');
  expect(fake.drafts.drafts).toEqual([]);
});

test('stops cleanly before the 6-minute limit and says how to continue; the next run goes on', () => {
  fake.drafts.beforeCall = (method) => method === 'create' && jest.advanceTimersByTime(100_000);
  const first = runBulkDrafts(overdue);
  expect(first.drafted).toHaveLength(Math.floor(TIME_BUDGET_MS / 100_000) + 1);
  expect(first.remaining).toBe(5 - first.drafted.length);
  expect(first.message).toContain('Stopped before Apps Script\'s 6-minute limit.');
  fake.drafts.beforeCall = null;
  expect(runBulkDrafts(overdue).drafted).toHaveLength(first.remaining);
  expect(fake.drafts.drafts).toHaveLength(5);
});

test('the sheet sorted while drafts are made: each mark lands on the right person', () => {
  let calls = 0;
  fake.drafts.beforeCall = (method) => {
    if (method === 'create' && ++calls === 2) fake.spreadsheet.getSheetByName('Contacts')!.sort(2, false);
  };
  runBulkDrafts(overdue);
  for (const draft of fake.drafts.drafts) {
    const to = readDraft(draft.mime).to;
    const row = contactRows(fake).find((r) => to.includes(String(r.Email)))!;
    expect(row['Draft ID']).toBe(draft.id);
  }
});

test('50 drafts in one run: marks written once at the end, each draft journalled first, few sheet calls', () => {
  const [header, ...rows] = sampleContacts();
  const maya = rows[0];
  fake = workbookWith([header, ...Array.from({ length: 50 }, (_, i) => maya.map((v, c) => (c === 2 ? `p${i}@example.org` : c === 0 ? `P${i}` : v)))]);
  const summary = runBulkDrafts(overdue);
  expect(summary.drafted).toHaveLength(50);
  expect(fake.counter.count('Range.setValues')).toBe(1);
  expect(fake.counter.count('Gmail.Users.Drafts.create')).toBe(50);
  expect(fake.counter.sheetRoundTrips()).toBeLessThanOrEqual(20);
  // A record per draft, and nothing else: with no draft yet on record, Gmail's list (and the address) is not asked.
  expect(fake.counter.count('Properties.setProperty')).toBe(50);
  expect(fake.counter.count('Gmail.Users.Drafts.list')).toBe(0);
  // Each draft stays recorded (to whom, when) while it is in Gmail: one address never gets two open drafts.
  expect(fake.properties.document.getKeys().filter((k) => k.startsWith('touchpoint.draft.'))).toHaveLength(50);
});

describe('for selected rows', () => {
  test('drafts for the selected people whatever their status; skips with reasons', () => {
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    sheet.getRange('A3:C4').activate(); // Daniel and Priya: on track, but chosen
    expect(planBulkDrafts({ scope: 'selected', template: 'Mentor meeting request' }).toDraft.map((d) => d.name)).toEqual(['Daniel Reyes', 'Priya Nair']);
    sheet.getRange('A9').activate();
    expect(planBulkDrafts({ scope: 'selected', template: null }).skipped).toEqual([{ name: 'Samuel Adeyemi', reason: '"not-an-email" is not a valid email address' }]);
  });

  test('a selection elsewhere is a clear message', () => {
    fake.spreadsheet.getSheetByName('Settings')!.getRange('A1').activate();
    expect(() => planBulkDrafts({ scope: 'selected', template: null })).toThrow('Select one or more contact rows on the Contacts sheet');
  });
});

test('the menu items open the drafting dialog for their scope', () => {
  fake = installFake({ htmlFiles: { DraftsDialog: '<body data-scope="overdue"></body>' } });
  draftFollowUpsForOverdue();
  draftFollowUpsForSelection();
  expect(fake.ui.dialogs.map((d) => [d.title, d.modal, d.output.getContent()])).toEqual([
    ['Draft follow-ups for overdue contacts', true, '<body data-scope="overdue"></body>'],
    ['Draft follow-ups for selected rows', true, '<body data-scope="selected"></body>'],
  ]);
});

test('an empty profile stops the run before any draft, asking for it once', () => {
  const settings = fake.spreadsheet.getSheetByName('Settings')!;
  settings.getRange('B6').setValue(''); // My position
  expect(() => planBulkDrafts(overdue)).toThrow('Fill in My position on the Settings sheet');
  expect(fake.drafts.drafts).toEqual([]);
});

test('what the editor would warn about, bulk skips with the reason: a full-name greeting, a letter due in under 6 weeks', () => {
  const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const rowOf = (name: string) => contactRows(fake).findIndex((r) => r['First name'] === name) + 2;
  const set = (name: string, header: string, value: string) => sheet.getRange(rowOf(name), headers.indexOf(header) + 1).setValue(value);
  set('Grace', 'Role', 'Other'); // Grace Kim, overdue conference contact: "Dear Grace Kim" reads like a mail merge
  set('Luis', 'Letter for', 'the cardiology fellowship at Lakeview');
  set('Luis', 'Letter due', '2026-12-20'); // 28 days away
  set('Luis', 'Letter status', 'To ask');
  const plan = planBulkDrafts(suggested);
  const reasons = Object.fromEntries(plan.skipped.map((s) => [s.name, s.reason]));
  expect(reasons['Grace Kim']).toMatch(/^"Dear Grace Kim" reads like a mail merge: Role "Other" is greeted by full name .* Draft this one from the sidebar, where you can adjust it$/);
  expect(reasons['Luis Ortega']).toBe('Letter due is 28 days away, less than the 6 weeks a letter writer needs: say so, and thank them for fitting it in. Draft this one from the sidebar, where you can adjust it');
  expect(plan.toDraft.map((d) => d.name)).not.toContain('Grace Kim');
});
