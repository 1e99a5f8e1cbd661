/**
 * The sidebar agrees with the sheet: for random workbooks, each section lists exactly the rows whose evaluated
 * Status column says so (Overdue, Due soon, No contact yet), and nobody else.
 */
import fc from 'fast-check';
import { loadSidebar } from '../../src/server/sidebar-api';
import { contactRows, workbookWith } from '../support/sidebar-workbook';

const HEADER = ['First name', 'Last name', 'Email', 'Relationship', 'Met on', 'Last contact', 'Follow-up every (days)', 'Snoozed until'];
const RELATIONSHIPS = ['', 'Career mentor', 'Peer', 'Sponsor', 'Conference contact', 'Program leadership', 'Acquaintance', 'Best friend'];

const day = fc.integer({ min: -400, max: 60 }).map((offset) => new Date(Date.UTC(2026, 10, 22 + offset)).toISOString().slice(0, 10));
const maybeDay = fc.oneof(fc.constant(''), day, fc.constant('next week'));
const row = fc.record({
  relationship: fc.constantFrom(...RELATIONSHIPS),
  metOn: maybeDay,
  lastContact: fc.oneof(fc.constant(''), day.filter((d) => d <= '2026-11-22'), fc.constant('last week')),
  cadence: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 200 }).map(String), fc.constant('often')),
  snoozed: fc.oneof(fc.constant(''), fc.constant(''), day),
});

beforeAll(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
afterAll(() => jest.useRealTimers());

test('every section of the sidebar is exactly the rows with that Status, for any workbook', () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
      const values = rows.map((r, i) => [`P${i}`, 'Test', `p${i}@example.org`, r.relationship, r.metOn, r.lastContact, r.cadence, r.snoozed]);
      const fake = workbookWith([HEADER, ...values]);
      const model = loadSidebar();
      const sheet = contactRows(fake).filter((r) => r['First name']);
      const named = (status: string) => sheet.filter((r) => r.Status === status).map((r) => `${r['First name']} ${r['Last name']}`).sort();
      expect(model.overdue.map((c) => c.name).sort()).toEqual(named('Overdue'));
      expect(model.dueThisWeek.map((c) => c.name).sort()).toEqual(named('Due soon'));
      expect(model.noContactYet.map((c) => c.name).sort()).toEqual(named('No contact yet'));
      // Counts match, and the order is the most overdue first.
      const overdueBy = model.overdue.map((c) => c.urgency);
      expect(overdueBy).toEqual([...overdueBy].sort((a, b) => b - a));
    }),
    { numRuns: 40 },
  );
});
