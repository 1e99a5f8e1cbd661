import { ACCEPTED_DATE_FORMS } from '../../src/core/dates';
import { readContacts } from '../../src/core/contacts';
import { dayFromYmd } from '../../src/core/dates';
import { openDraft } from '../../src/app/drafts';
import { buildSidebarModel } from '../../src/app/sidebar-model';
import { suggestTemplate } from '../../src/core/follow-ups';
import { CONTACTS, mapHeaders } from '../../src/core/schema';
import { readSettings } from '../../src/core/settings';
import { DEFAULT_TEMPLATES } from '../../src/core/default-templates';

const tz = 'UTC';
const headers = CONTACTS.columns.map((c) => c.header);
const columns = new Map(mapHeaders(headers, CONTACTS).index);
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = dayFromYmd(2026, 11, 22);
const templates = DEFAULT_TEMPLATES.map((t) => t.name);

function contactsOf(rows: Record<string, unknown>[]) {
  const values = rows.map((row) => headers.map((h) => row[h] ?? ''));
  return readContacts(values, headers, columns, tz);
}

const settings = readSettings([]);

describe('the sidebar model', () => {
  const { contacts, problems } = contactsOf([
    { 'First name': 'Late', Relationship: 'Career mentor', 'Last contact': at('2026-09-02'), 'Contact ID': 'a' }, // 36 days overdue
    { 'First name': 'Later', Relationship: 'Peer', 'Last contact': at('2026-06-01'), 'Contact ID': 'b' }, // 84 days overdue
    { 'First name': 'Soon', Relationship: 'Career mentor', 'Last contact': at('2026-10-12'), 'Contact ID': 'c' }, // due 11-26
    { 'First name': 'Today', 'Follow-up every (days)': 10, 'Last contact': at('2026-11-12'), 'Contact ID': 'd' }, // due today
    { 'First name': 'Fine', Relationship: 'Peer', 'Last contact': at('2026-11-20'), 'Contact ID': 'e' },
    { 'First name': 'Met', Relationship: 'Conference contact', 'Met on': at('2026-11-14'), 'Contact ID': 'f' }, // first follow-up 11-19
    { 'First name': 'Fresh', Relationship: 'Conference contact', 'Met on': at('2026-11-21'), 'Contact ID': 'g' }, // first follow-up 11-26
    { 'First name': 'Napping', Relationship: 'Peer', 'Last contact': at('2026-01-01'), 'Snoozed until': at('2026-12-01'), 'Contact ID': 'h' },
    { 'First name': 'Broken', Relationship: 'Peer', 'Last contact': 'last week', 'Contact ID': 'i' },
    { 'First name': 'Odd', Relationship: 'Best friend', 'Last contact': at('2026-11-01'), 'Contact ID': 'j' },
    { 'First name': 'Quiet', Relationship: 'Acquaintance', 'Met on': at('2026-10-01'), 'Contact ID': 'k' }, // no first follow-up
    { 'First name': 'Blank', 'Contact ID': 'l' }, // nothing to go on: the Status column is blank
  ]);
  const model = buildSidebarModel({ contacts, problems, settings, today, templates, drafts: null });
  const names = (cards: { name: string }[]) => cards.map((c) => c.name);

  test('each section holds exactly the rows whose Status says so, ordered by urgency', () => {
    expect(names(model.overdue)).toEqual(['Later', 'Late', 'Met']); // an overdue first follow-up is Overdue
    expect(names(model.dueThisWeek)).toEqual(['Today', 'Fresh', 'Soon']);
    expect(names(model.noContactYet)).toEqual(['Quiet']);
  });

  test('a card says why it is due, in words', () => {
    expect(model.overdue[1].reason).toBe('36 days overdue · every 45 days (Career mentor) · due October 17, 2026');
    expect(model.dueThisWeek[0].reason).toBe('Due today · every 10 days · due November 22, 2026');
    expect(model.overdue[2].reason).toBe('First follow-up 3 days overdue · met November 14, 2026 (Conference contact): within 5 days');
    expect(model.noContactYet[0].reason).toBe('Not contacted yet · met October 1, 2026 · no first follow-up set for Acquaintance');
    expect(model.overdue[1].daysSince).toBe(81);
  });

  test('bad cells are reported by row and column, and the rest still works', () => {
    expect(model.problems).toEqual([
      `Row 10, Last contact: not a date: "last week" (expected ${ACCEPTED_DATE_FORMS})`,
      expect.stringMatching(/^Row 11, Relationship: cadence "Best friend" is neither a number of days nor a relationship/),
    ]);
  });

  test('goals count the mentor team', () => {
    expect(model.goals.map((g) => [g.label, g.names.length, g.target])).toEqual([
      ['Career', 2, 2], ['Research', 0, 1], ['Clinical', 0, 1], ['Sponsor', 0, 1], ['Peer', 4, 2], ['Letters', 0, 3],
    ]);
    expect(model.goals[0].names).toEqual(['Late', 'Soon']);
  });
});

test('suggested templates follow the guides', () => {
  const { contacts } = contactsOf([
    { 'First name': 'A', Relationship: 'Conference contact', 'Met on': at('2026-11-19') },
    { 'First name': 'B', 'How we met': 'Rotation' },
    { 'First name': 'C', Relationship: 'Clinical mentor' },
    { 'First name': 'D', Relationship: 'Career mentor', 'Last contact': at('2026-09-01') },
    { 'First name': 'E', 'Letter for': 'Cardiology fellowship', 'Letter status': 'To ask', 'Last contact': at('2026-09-01') },
    { 'First name': 'F', Relationship: 'Clinical mentor', 'How we met': 'Rotation', 'Met on': at('2026-10-01') },
    { 'First name': 'G', Relationship: 'Peer', 'How we met': 'Rotation', 'Met on': at('2026-11-15') },
    { 'First name': 'H', Relationship: 'Acquaintance', 'Last contact': at('2026-06-01') },
    { 'First name': 'I', 'Letter for': 'Cardiology fellowship', 'Letter status': 'Agreed', 'Letter due': at('2026-12-08'), 'Last contact': at('2026-10-01') },
  ]);
  expect(contacts.map((c) => suggestTemplate(c, today, [...templates, 'Catch-up', 'Letter reminder']))).toEqual([
    'Post-conference follow-up', 'Thank-you after a rotation', 'Mentor meeting request', 'Progress update', 'Letter request',
    'Mentor meeting request', // a rotation seven weeks ago: too late for the thank-you its note says to send within a week
    'Catch-up', // peers and acquaintances get a check-in, not a mentor's progress update
    'Catch-up',
    'Letter reminder', // asked or agreed: the next email is a reminder, not the first request again
  ]);
  expect(suggestTemplate(contacts[0], today, ['My own'])).toBe('My own');
});

test('a draft is open for this cycle only if made since the last contact and still in Gmail', () => {
  const { contacts } = contactsOf([
    { 'First name': 'A', 'Last contact': at('2026-11-01'), 'Draft created': at('2026-11-10'), 'Draft ID': 'r1' },
    { 'First name': 'B', 'Last contact': at('2026-11-15'), 'Draft created': at('2026-11-10'), 'Draft ID': 'r2' },
  ]);
  expect(openDraft(contacts[0], null)?.id).toBe('r1');
  expect(openDraft(contacts[0], { messages: new Map([['r1', 'm1']]), complete: true, mailbox: 'sam.lee@example.org' })?.url).toBe('https://mail.google.com/mail/?authuser=sam.lee%40example.org#drafts?compose=m1');
  expect(openDraft(contacts[0], { messages: new Map(), complete: true })).toBeNull();
  expect(openDraft(contacts[1], null)).toBeNull();
});
