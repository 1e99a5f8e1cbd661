import { setUpContactSheet, setUpWorkbook } from '../../src/server/setup';
import { CONTACTS } from '../../src/core/schema';
import { DEFAULT_TEMPLATES } from '../../src/core/default-templates';
import { installFake, setNow } from '../support/in-process';
import { fillSheet, nyDay, rowsByHeader, sampleContacts, snapshot } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';
import { shipped } from '../support/shipped-templates';

const NOW = new Date('2026-11-22T15:00:00Z');
let fake: FakeAppsScript;

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = installFake({ timeZone: 'America/New_York' });
  setNow(fake, NOW);
});

afterEach(() => jest.useRealTimers());

const sheet = (name: string) => fake.spreadsheet.getSheetByName(name)!;

describe('on a new spreadsheet', () => {
  test('creates Contacts, Interactions, Templates and Settings with the schema\'s columns', () => {
    setUpContactSheet();
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Contacts', 'Interactions', 'Templates', 'Settings']);
    const contacts = sheet('Contacts');
    expect(contacts.getRange(1, 1, 1, CONTACTS.columns.length).getValues()[0]).toEqual(CONTACTS.columns.map((c) => c.header));
    expect(contacts.getFrozenRows()).toBe(1);
    expect(contacts.getRange(1, 1, 1, CONTACTS.columns.length).getFontWeights()[0].every((w) => w === 'bold')).toBe(true);
    expect(fake.ui.alerts[0].title).toBe('Touchpoint is set up');
    expect(fake.ui.alerts[0].prompt).toContain('Created the Contacts, Interactions, Templates and Settings sheets.');
    expect(fake.spreadsheet.getActiveSheet().getName()).toBe('Contacts');
  });

  test('dropdowns, date formats and a hidden Contact ID column', () => {
    setUpWorkbook();
    const contacts = sheet('Contacts');
    const col = (key: string) => CONTACTS.columns.findIndex((c) => c.key === key) + 1;
    for (const key of ['role', 'relationship', 'howWeMet', 'letterStatus']) {
      const rule = contacts.getRange(500, col(key)).getDataValidation()!;
      expect(rule.getCriteriaType()).toBe('VALUE_IN_LIST');
      expect(rule.getAllowInvalid()).toBe(true);
    }
    expect((contacts.getRange(2, col('relationship')).getDataValidation()!.getCriteriaValues()[0] as string[])).toContain('Conference contact');
    expect(contacts.getRange(2, col('lastContact')).getDataValidation()!.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(contacts.getRange(2, col('lastContact')).getNumberFormat()).toBe('mmm d, yyyy');
    expect(contacts.getRange(2, col('nextFollowUp')).getNumberFormat()).toBe('mmm d, yyyy');
    expect(contacts.isColumnHiddenByUser(col('id'))).toBe(true);
    const channel = sheet('Interactions').getRange(2, 4).getDataValidation()!;
    expect(channel.getCriteriaValues()[0]).toEqual(['Email', 'In person', 'Meeting', 'Call', 'Conference', 'Social media']);
  });

  test('each computed column is ONE formula, in its header cell, over whole columns', () => {
    setUpWorkbook();
    const contacts = sheet('Contacts');
    const formulas = contacts.getRange(1, 1, contacts.getMaxRows(), contacts.getMaxColumns()).getFormulas();
    const withFormula = formulas.flatMap((row, r) => row.map((f, c) => (f ? [r + 1, c + 1, f] : null)).filter(Boolean)) as [number, number, string][];
    expect(withFormula.map(([r]) => r)).toEqual([1, 1, 1, 1]);
    expect(withFormula.map(([, , f]) => f)).toEqual([
      '={"Days since contact"; DAYS_SINCE_CONTACT(K2:K, TouchpointAsOf)}',
      '={"Next follow-up"; NEXT_FOLLOW_UP(K2:K, {N2:N, G2:G}, I2:I, TouchpointCadences, V2:V)}',
      '={"Status"; FOLLOW_UP_STATUS(K2:K, {N2:N, G2:G}, TouchpointDueSoonDays, TouchpointAsOf, I2:I, TouchpointCadences, V2:V)}',
      '={"Ask by"; LETTER_ASK_BY(P2:P, TouchpointLetterWeeks)}',
    ]);
  });

  test('overdue rows red, due-soon rows amber', () => {
    setUpWorkbook();
    const rules = sheet('Contacts').getConditionalFormatRules();
    expect(rules.map((r) => [r.getBooleanCondition().getCriteriaValues()[0], r.getBooleanCondition().getBackground()])).toEqual([
      ['=$T2="Overdue"', '#f4c7c3'],
      ['=$T2="Due soon"', '#fce8b2'],
    ]);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:AC1000');
  });

  test('Settings: As of is today, defaults, cadences, named ranges; a daily trigger refreshes it', () => {
    setUpWorkbook();
    const settings = rowsByHeader(sheet('Settings'));
    expect(nyDay(settings[0].Value)).toBe('2026-11-22');
    expect(settings.find((r) => r.Setting === 'Due soon window (days)')!.Value).toBe(7);
    expect(settings.find((r) => r.Setting === 'Ask for letters (weeks before due)')!.Value).toBe(8);
    expect(settings.find((r) => r.Relationship === 'Conference contact')).toMatchObject({ 'First follow-up (days after meeting)': 5, 'Then every (days)': 75 });
    expect(fake.spreadsheet.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([
      ['TouchpointAsOf', 'B2'],
      ['TouchpointDueSoonDays', 'B3'],
      ['TouchpointLetterWeeks', 'B4'],
      ['TouchpointCadences', 'E2:G1000'],
    ]);
    expect(fake.scriptApp.triggers.map((t) => [t.getHandlerFunction(), t.schedule.everyDays])).toEqual([['refreshAsOfDate', 1]]);
  });

  test('Templates holds the guides\' emails', () => {
    setUpWorkbook();
    const templates = rowsByHeader(sheet('Templates'));
    expect(templates.map((t) => t.Name)).toEqual(DEFAULT_TEMPLATES.map((t) => t.name));
    expect(templates).toHaveLength(DEFAULT_TEMPLATES.length);
    for (const t of templates) {
      expect(String(t.Subject).length).toBeGreaterThan(10);
      expect(String(t.Body)).toContain('{{My name}}');
    }
  });

  test('run twice, the second run changes nothing and says so', () => {
    setUpContactSheet();
    const before = snapshot(fake);
    setUpContactSheet();
    expect(snapshot(fake)).toBe(before);
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.spreadsheet.toasts.at(-1)!.message).toBe('Everything was already set up: nothing changed.');
  });
});

describe('on a sheet that already holds contacts', () => {
  /** The sample list with its columns shuffled and renamed the way people name them. */
  function userSheet(): unknown[][] {
    const [header, ...rows] = sampleContacts();
    const rename: Record<string, string> = { Email: 'E-mail', 'Last contact': 'Last contacted', Institution: 'Organization' };
    const order = [4, 0, 1, 2, 10, 6, 3, 5, 7, 8, 9, 11, 12, 13];
    return [order.map((i) => rename[header[i]] ?? header[i]), ...rows.map((row) => order.map((i) => row[i]))];
  }

  function arrange(): unknown[][] {
    const contacts = fake.spreadsheet.insertSheet('Contacts');
    const rows = userSheet();
    fillSheet(contacts, rows);
    contacts.getRange(1, 20).setValue('My own notes');
    contacts.getRange(3, 20).setValue('keep me');
    return contacts.getRange(1, 1, rows.length, 20).getValues();
  }

  test('recognises columns by header and alias, adds only the missing ones at the end, changes no user value', () => {
    const original = arrange();
    setUpWorkbook();
    const contacts = sheet('Contacts');
    expect(contacts.getRange(1, 1, original.length, 20).getValues()).toEqual(original);
    const headers = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0];
    expect(headers.slice(20)).toEqual(['Letter for', 'Letter due', 'Letter status', 'Days since contact', 'Next follow-up', 'Status', 'Ask by', 'Snoozed until', 'Draft created', 'Draft ID', 'Letter status date', 'Event', 'Topic', 'LinkedIn', 'Contact ID']);
    expect(headers.filter((h) => h === 'Email' || h === 'Institution' || h === 'Last contact')).toEqual([]);
  });

  test('existing columns without a dropdown or date check get one; values that do not fit are kept', () => {
    arrange();
    const report = setUpWorkbook();
    expect(report.validatedColumns).toEqual(['Email', 'Role', 'Relationship', 'How we met', 'Met on', 'Last contact', 'Follow-up every (days)']);
    const contacts = sheet('Contacts');
    const relationship = contacts.getRange(1, 1, 1, 14).getValues()[0].indexOf('Relationship') + 1;
    expect(contacts.getRange(3, relationship).getDataValidation()!.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(rowsByHeader(contacts).find((r) => r['First name'] === 'Daniel')!['How we met']).toBe('Orientation');
  });

  test('gives every existing contact an id, and computes Status from the aliased columns', () => {
    arrange();
    const report = setUpWorkbook();
    expect(report.idsAdded).toBe(8);
    const rows = rowsByHeader(sheet('Contacts'));
    expect(new Set(rows.map((r) => r['Contact ID'])).size).toBe(8);
    const status = Object.fromEntries(rows.map((r) => [r['First name'], [r.Status, r['Days since contact'], nyDay(r['Next follow-up'])]]));
    expect(status).toEqual({
      Maya: ['Overdue', 81, '2026-10-17'],
      Daniel: ['On track', 99, '2027-02-11'],
      Priya: ['On track', 41, '2026-12-11'],
      Tom: ['Overdue', 145, '2026-09-28'],
      Aisha: ['Overdue', 205, '2026-07-30'],
      Luis: ['Overdue', '', '2026-08-08'],
      Grace: ['Overdue', '', '2026-11-19'],
      Samuel: ['On track', 311, '2027-01-15'],
    });
  });

  test('a second run changes nothing', () => {
    arrange();
    setUpWorkbook();
    const before = snapshot(fake);
    const report = setUpWorkbook();
    expect(snapshot(fake)).toBe(before);
    expect(report.idsAdded).toBe(0);
  });

  test('a Status column holding the user\'s own values is left alone and reported', () => {
    const contacts = fake.spreadsheet.insertSheet('Contacts');
    fillSheet(contacts, [['First name', 'Status'], ['Ana', 'met twice']]);
    const report = setUpWorkbook();
    expect(contacts.getRange('B2').getValue()).toBe('met twice');
    expect(report.computedWithoutFormula).toEqual(['Status']);
  });
});

test('while another execution holds the document lock, setup says busy and writes nothing', () => {
  fake.locks.document.holdElsewhere();
  const before = snapshot(fake);
  setUpContactSheet();
  expect(fake.ui.alerts[0].prompt).toMatch(/busy/);
  expect(snapshot(fake)).toBe(before);
});

test('setup costs the same number of sheet round-trips for 10 and for 2,000 existing contacts', () => {
  const costFor = (contacts: number): number => {
    fake = installFake({ timeZone: 'America/New_York' });
    const [header, ...rows] = sampleContacts();
    const many = Array.from({ length: contacts }, (_, i) => rows[i % rows.length]);
    const sheetOf = fake.spreadsheet.insertSheet('Contacts');
    sheetOf.insertRowsAfter(1000, Math.max(0, contacts + 1 - 1000));
    fillSheet(sheetOf, [header, ...many]);
    fake.counter.reset();
    setUpWorkbook();
    return fake.counter.sheetRoundTrips();
  };
  expect(costFor(10)).toBe(costFor(2000));
});

describe('a Templates sheet from an earlier release', () => {
  function oldWorkbook(): void {
    const templates = fake.spreadsheet.insertSheet('Templates');
    const rows = shipped.first.map((t) => [t.name, t.whenToUse, t.subject, t.body]);
    rows[4][3] = `${rows[4][3]}\nP.S. I added this line myself.`; // Letter request, edited by the user
    fillSheet(templates, [['Name', 'When to use', 'Subject', 'Body', 'My notes'], ...rows.map((r, i) => [...r, i === 0 ? 'used twice' : ''])]);
    templates.getRange(3, 5).setFormula('=LEN(D3)');
  }

  test('untouched defaults get the current wording, an edited one and the user\'s own columns stay, the new template is added', () => {
    oldWorkbook();
    setUpContactSheet();
    const templates = sheet('Templates');
    const rows = rowsByHeader(templates);
    const current = (name: string) => DEFAULT_TEMPLATES.find((t) => t.name === name)!;
    for (const name of ['Thank-you after a rotation', 'Post-conference follow-up', 'Mentor meeting request', 'Pre-conference outreach', 'Progress update']) {
      const row = rows.find((r) => r.Name === name)!;
      expect([row.Subject, row.Body, row['When to use']]).toEqual([current(name).subject, current(name).body, current(name).whenToUse]);
    }
    expect(rows.find((r) => r.Name === 'Letter request')!.Body).toContain('P.S. I added this line myself.');
    expect(rows.find((r) => r.Name === 'Letter request')!.Body).toBe(`${shipped.first[4].body}\nP.S. I added this line myself.`);
    expect(rows.map((r) => r.Name)).toEqual([...shipped.first.map((t) => t.name), 'Thank-you to a letter writer', 'Catch-up', 'Letter reminder']);
    expect(rows[0]['My notes']).toBe('used twice');
    expect(templates.getRange(3, 5).getFormula()).toBe('=LEN(D3)');
    const prompt = fake.ui.alerts.at(-1)!.prompt;
    expect(prompt).toContain('Updated the wording of "Thank-you after a rotation", "Post-conference follow-up", "Mentor meeting request", "Pre-conference outreach" and "Progress update", which you had not edited.');
    expect(prompt).toContain('Added the templates "Thank-you to a letter writer", "Catch-up" and "Letter reminder" to Templates.');
  });

  test('run again, nothing changes; a default the user then deletes is not put back', () => {
    oldWorkbook();
    setUpWorkbook();
    const templates = sheet('Templates');
    const before = snapshot(fake);
    setUpContactSheet();
    expect(snapshot(fake)).toBe(before);
    expect(fake.ui.alerts).toEqual([]);
    templates.deleteRow(templates.getLastRow());
    const afterDelete = snapshot(fake);
    setUpWorkbook();
    expect(snapshot(fake)).toBe(afterDelete);
  });
});

describe('in a comma-decimal locale', () => {
  test('de_DE: the header formulas use ";" and "\\", compute, and a second run changes nothing', () => {
    fake = installFake({ timeZone: 'Europe/Berlin', locale: 'de_DE' });
    setNow(fake, NOW);
    fillSheet(fake.spreadsheet.insertSheet('Contacts'), sampleContacts());
    setUpContactSheet();
    const contacts = sheet('Contacts');
    const formulas = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getFormulas()[0].filter(Boolean);
    expect(formulas).toHaveLength(4);
    for (const formula of formulas) expect(formula).not.toMatch(/,/);
    expect(formulas.find((f) => f.includes('FOLLOW_UP_STATUS'))).toContain('{N2:N\\ G2:G}');
    const statuses = rowsByHeader(contacts).map((r) => r.Status);
    expect(statuses).toContain('Overdue');
    expect(statuses.every((s) => typeof s === 'string' && !String(s).startsWith('#'))).toBe(true);
    expect(fake.ui.alerts[0].title).toBe('Touchpoint is set up');
    const before = snapshot(fake);
    setUpContactSheet();
    expect(snapshot(fake)).toBe(before);
  });

  test('a header formula in another locale\'s separators is written again in this one, in place', () => {
    fake = installFake({ timeZone: 'Europe/Berlin', locale: 'de_DE' });
    setNow(fake, NOW);
    fillSheet(fake.spreadsheet.insertSheet('Contacts'), sampleContacts());
    setUpWorkbook();
    const contacts = sheet('Contacts');
    const statusColumn = rowsByHeader(contacts).length ? contacts.getRange(1, 1, 1, contacts.getLastColumn()).getFormulas()[0].findIndex((f) => f.includes('FOLLOW_UP_STATUS')) + 1 : 0;
    // Someone pasted the en-US formula from the README into this de_DE sheet.
    contacts.getRange(1, statusColumn).setFormula('={"Status"; FOLLOW_UP_STATUS(K2:K, {N2:N, G2:G}, TouchpointDueSoonDays, TouchpointAsOf, I2:I, TouchpointCadences, V2:V)}');
    setUpContactSheet();
    expect(fake.ui.alerts[0].title).toBe('Touchpoint is set up');
    expect(fake.ui.alerts[0].prompt).toContain("Wrote the Status formula again in this spreadsheet's locale: Sheets could not read it as it was.");
    expect(contacts.getRange(1, statusColumn).getFormula()).toContain('{N2:N\\ G2:G}');
    expect(rowsByHeader(contacts).map((r) => r.Status)).toContain('Overdue');
    expect(contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0].filter((h) => h === 'Status')).toHaveLength(1);
  });
});

