import {
  addContact, answerGoneDraft, createDraft, goToContact, loadSidebar, logContact, previewDraft, snoozeContact,
} from '../../src/server/sidebar-api';
import { openSidebar } from '../../src/server/dialogs';
import { installFake, setNow } from '../support/in-process';
import { contactRow, contactRows, idOf, readDraft, workbookWith } from '../support/sidebar-workbook';
import { nyDay, rowsByHeader, sampleContacts } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = workbookWith();
});
afterEach(() => jest.useRealTimers());

describe('loading the sidebar', () => {
  test('lists who is overdue, due this week and not yet contacted, most urgent first, exactly as the Status column says', () => {
    const model = loadSidebar();
    expect(model.overdue.map((c) => c.name)).toEqual(['Aisha Rahman', 'Luis Ortega', 'Tom Becker', 'Maya Okafor', 'Grace Kim']);
    const status = (wanted: string) => contactRows(fake).filter((r) => r.Status === wanted).map((r) => `${r['First name']} ${r['Last name']}`).sort();
    expect(model.overdue.map((c) => c.name).sort()).toEqual(status('Overdue'));
    expect(model.noContactYet.map((c) => c.name).sort()).toEqual(status('No contact yet'));
    expect(model.dueThisWeek.map((c) => c.name).sort()).toEqual(status('Due soon'));
    expect(model.overdue[3]).toMatchObject({
      subtitle: 'Attending · Riverside Medical Center',
      relationship: 'Career mentor',
      daysSince: 81,
      reason: '36 days overdue · every 45 days · due October 17, 2026',
      lastNote: 'Discussed categorical positions',
      nextStep: 'Send CV',
      suggestedTemplate: 'Progress update',
    });
    expect(model.overdue[4].suggestedTemplate).toBe('Post-conference follow-up');
    expect(model.problems).toEqual(['Row 9, Email: "not-an-email" is not an email address']);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model); // crosses google.script.run intact
  });

  test('gives ids to rows a user typed in by hand, so every card can be acted on', () => {
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    sheet.getRange(10, 1, 1, 3).setValues([['Nia', 'Hart', 'nia@example.org']]);
    loadSidebar();
    expect(String(contactRow(fake, 'Nia')['Contact ID'])).toMatch(/^c-/);
  });

  test('Open sidebar shows the built sidebar page, titled', () => {
    fake = installFake({ htmlFiles: { Sidebar: '<main id="app"></main>' } });
    openSidebar();
    expect(fake.ui.sidebars[0].getTitle()).toBe('Touchpoint');
    expect(fake.ui.sidebars[0].getContent()).toContain('id="app"');
  });

  test('without a Contacts sheet, a clear message', () => {
    fake = installFake();
    expect(() => loadSidebar()).toThrow('There is no Contacts sheet yet. Choose Touchpoint ▸ Set up contact sheet first.');
  });

  test('a renamed required column is named in the message', () => {
    fake.spreadsheet.getSheetByName('Contacts')!.getRange('K1').setValue('Spoke last');
    expect(() => loadSidebar()).toThrow('The Contacts sheet has no Last contact column (renamed or deleted?)');
  });
});

describe('logging a contact', () => {
  test('appends to Interactions, updates Last contact, notes and next step, and the card leaves the overdue list', () => {
    const id = idOf(fake, 'Maya');
    const result = logContact({ contactId: id, date: '2026-11-21', channel: 'Meeting', summary: 'Talked about the sepsis QI poster', nextStep: 'Send abstract draft' });
    expect(result.message).toBe('Logged meeting with Maya Okafor on November 21, 2026.');
    expect(result.model.overdue.map((c) => c.name)).not.toContain('Maya Okafor');
    const maya = contactRow(fake, 'Maya');
    expect([nyDay(maya['Last contact']), maya['Last contact notes'], maya['Next step'], maya.Status]).toEqual([
      '2026-11-21', 'Talked about the sepsis QI poster', 'Send abstract draft', 'On track',
    ]);
    expect(rowsByHeader(fake.spreadsheet.getSheetByName('Interactions')!).map((r) => [nyDay(r.Date), r['Contact ID'], r.Name, r.Channel, r.Summary, r['Next step']])).toEqual([
      ['2026-11-21', id, 'Maya Okafor', 'Meeting', 'Talked about the sepsis QI poster', 'Send abstract draft'],
    ]);
  });

  test('the sheet sorted between loading and logging: the right row changes', () => {
    const model = loadSidebar();
    const tom = model.overdue.find((c) => c.name === 'Tom Becker')!;
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    sheet.sort(2, false); // by last name, Z→A: every row moves
    logContact({ contactId: tom.id, date: '2026-11-22', channel: 'Call', summary: 'Night float debrief', nextStep: '' });
    expect(nyDay(contactRow(fake, 'Tom')['Last contact'])).toBe('2026-11-22');
    expect(contactRows(fake).filter((r) => nyDay(r['Last contact']) === '2026-11-22').map((r) => r['First name'])).toEqual(['Tom']);
    expect(contactRow(fake, 'Tom')['Next step']).toBe('Coffee'); // a blank next step keeps the one promised before
  });

  test('an older date is logged but does not replace a newer Last contact', () => {
    logContact({ contactId: idOf(fake, 'Priya'), date: '2026-10-01', channel: 'Email', summary: 'Old email found', nextStep: '' });
    expect(nyDay(contactRow(fake, 'Priya')['Last contact'])).toBe('2026-10-12');
    expect(rowsByHeader(fake.spreadsheet.getSheetByName('Interactions')!)).toHaveLength(1);
  });

  test('bad input is refused with a message naming the field, and nothing is written', () => {
    const id = idOf(fake, 'Maya');
    const before = JSON.stringify(contactRows(fake));
    expect(() => logContact({ contactId: id, date: '2026-11-30', channel: 'Call', summary: 'x', nextStep: '' })).toThrow('Date (November 30, 2026) is in the future');
    expect(() => logContact({ contactId: id, date: '22/11/2026', channel: 'Call', summary: 'x', nextStep: '' })).toThrow('Date must be a date like 2026-03-01.');
    expect(() => logContact({ contactId: id, date: '2026-11-22', channel: 'Call', summary: ' ', nextStep: '' })).toThrow('Summary is required.');
    expect(() => logContact({ contactId: 'c-gone', date: '2026-11-22', channel: 'Call', summary: 'x', nextStep: '' })).toThrow('That contact is no longer on the Contacts sheet');
    expect(JSON.stringify(contactRows(fake))).toBe(before);
    expect(rowsByHeader(fake.spreadsheet.getSheetByName('Interactions')!)).toEqual([]);
  });

  test('two at once: while one holds the lock the other says busy and writes nothing; then both land', () => {
    const [maya, tom] = [idOf(fake, 'Maya'), idOf(fake, 'Tom')];
    fake.locks.document.holdElsewhere();
    expect(() => logContact({ contactId: maya, date: '2026-11-22', channel: 'Email', summary: 'A', nextStep: '' })).toThrow(/busy with another change/);
    expect(rowsByHeader(fake.spreadsheet.getSheetByName('Interactions')!)).toEqual([]);
    fake.locks.document.releaseElsewhere();
    logContact({ contactId: maya, date: '2026-11-22', channel: 'Email', summary: 'A', nextStep: '' });
    logContact({ contactId: tom, date: '2026-11-22', channel: 'Email', summary: 'B', nextStep: '' });
    expect(rowsByHeader(fake.spreadsheet.getSheetByName('Interactions')!).map((r) => r.Summary)).toEqual(['A', 'B']);
    expect(fake.locks.document.hasLock()).toBe(false);
  });

  test('text that looks like a formula is stored as text', () => {
    logContact({ contactId: idOf(fake, 'Maya'), date: '2026-11-22', channel: 'Email', summary: '=HYPERLINK("http://x","y")', nextStep: '+1 call' });
    const maya = contactRow(fake, 'Maya');
    expect([maya['Last contact notes'], maya['Next step']]).toEqual(['=HYPERLINK("http://x","y")', '+1 call']);
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    expect(sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getFormulas().flat().filter(Boolean)).toHaveLength(4);
  });
});

describe('snooze', () => {
  test('stores the date on the row, takes the card off the lists, and the next logged contact clears it', () => {
    const id = idOf(fake, 'Tom');
    const result = snoozeContact(id, 14);
    expect(result.message).toBe('Tom Becker is snoozed until December 6, 2026.');
    expect(result.model.overdue.map((c) => c.name)).not.toContain('Tom Becker');
    expect([nyDay(contactRow(fake, 'Tom')['Snoozed until']), contactRow(fake, 'Tom').Status]).toEqual(['2026-12-06', 'Snoozed']);
    logContact({ contactId: id, date: '2026-11-22', channel: 'Call', summary: 'Caught up', nextStep: '' });
    expect(contactRow(fake, 'Tom')['Snoozed until']).toBe('');
    expect(() => snoozeContact(id, 3)).toThrow('Snooze for 7, 14, 30 days.');
  });
});

describe('drafting one email', () => {
  test('the preview fills the suggested template: greeting by role, event and topic, profile; holes are marked and named', () => {
    const sheet = fake.spreadsheet.getSheetByName('Contacts')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const graceRow = contactRows(fake).findIndex((r) => r['First name'] === 'Grace') + 2;
    sheet.getRange(graceRow, headers.indexOf('Event') + 1).setValue('the ACP Internal Medicine Meeting 2026');
    sheet.getRange(graceRow, headers.indexOf('Topic') + 1).setValue('survivorship clinics for cardio-oncology patients');
    const preview = previewDraft(idOf(fake, 'Grace'), null);
    expect(preview).toMatchObject({ to: 'gkim@example.org', template: 'Post-conference follow-up', missing: [], needsNews: false });
    expect(preview.subject).toBe('Following up from the ACP Internal Medicine Meeting 2026');
    expect(preview.body).toContain('Dear Dr. Kim,'); // a researcher, greeted by title
    expect(preview.body).toContain('It was a pleasure to meet you at the ACP Internal Medicine Meeting 2026. I have been thinking about our conversation on survivorship clinics for cardio-oncology patients since then.');
    expect(preview.body).toContain('I am a PGY-1 preliminary medicine intern at Mercy General Hospital');
    expect(preview.body).not.toContain('Met after her talk'); // the user's notes are context, never spliced in
    expect(preview.notes.lastContact).toBe('Met after her talk');
    expect(preview.body.trim().endsWith('Sam Lee')).toBe(true);
    expect(preview.warnings).toEqual([]);
    const luis = previewDraft(idOf(fake, 'Luis'), 'Post-conference follow-up');
    expect(luis.missing).toEqual(['Event', 'Topic']);
    expect(luis.subject).toBe('Following up from [Event]');
    expect(luis.body).toContain('Dear Luis,'); // a chief resident, by first name
    const tom = previewDraft(idOf(fake, 'Tom'), 'Letter request');
    expect(tom.warnings).toEqual([
      'Tom Becker has no email address: add one in the Email column before creating the draft.',
      'Letter for is empty for Tom Becker: fill it in on the sheet, or edit the text where it says [Letter for].',
      'Letter due is empty for Tom Becker: fill it in on the sheet, or edit the text where it says [Letter due].',
    ]);
    expect(tom.body).toContain('I am applying for [Letter for], and letters are due on [Letter due].');
  });

  test('a progress update asks for the news; the server refuses a draft that still has a hole', () => {
    const maya = previewDraft(idOf(fake, 'Maya'), 'Progress update');
    expect(maya).toMatchObject({ needsNews: true, missing: ['My news'] });
    expect(maya.body).toContain('Dear Dr. Okafor,');
    expect(previewDraft(idOf(fake, 'Maya'), 'Progress update', 'I passed Step 3 last week.').body).toContain('\n\nI passed Step 3 last week.\n\n');
    expect(() => createDraft({ contactId: idOf(fake, 'Maya'), subject: maya.subject, body: maya.body })).toThrow('The email still has [My news]: fill it in');
    expect(() => createDraft({ contactId: idOf(fake, 'Maya'), subject: 'Hi {{First name}}', body: 'x' })).toThrow('The email still has {{First name}}');
    const newsDeleted = { contactId: idOf(fake, 'Maya'), subject: maya.subject, body: maya.body.replace('[My news]\n', ''), template: 'progress update' };
    expect(() => createDraft({ ...newsDeleted, news: '  ' })).toThrow('"Progress update" is an update: type your news in My news before creating the draft.');
    expect(fake.drafts.drafts).toEqual([]);
    createDraft({ ...newsDeleted, body: maya.body.replace('[My news]', 'I passed Step 3.'), news: 'I passed Step 3.' });
    expect(fake.drafts.drafts).toHaveLength(1);
  });

  test('a template with an unknown placeholder is an error naming both, and no draft is made', () => {
    const templates = fake.spreadsheet.getSheetByName('Templates')!;
    templates.getRange('D2').setValue('Dear {{Nickname}},');
    expect(() => previewDraft(idOf(fake, 'Maya'), 'Thank-you after a rotation')).toThrow('Template "Thank-you after a rotation" uses {{Nickname}}');
    expect(fake.drafts.drafts).toEqual([]);
  });

  test('creates a Gmail draft to the contact with the edited text, marks the row, and shows Draft ready', () => {
    const id = idOf(fake, 'Maya');
    const result = createDraft({ contactId: id, subject: 'Quick update 🎉 — Step 3 passed', body: 'Dear Dr. Okafor,\n\nI passed Step 3 — thank you! 🙏\n\nSam' });
    expect(result.message).toBe('Draft to Maya Okafor is ready in Gmail.');
    expect(fake.drafts.drafts).toHaveLength(1);
    const draft = readDraft(fake.drafts.drafts[0].mime);
    expect(draft).toMatchObject({ to: 'Maya Okafor <maya.okafor@example.org>', subject: 'Quick update 🎉 — Step 3 passed', text: 'Dear Dr. Okafor,\r\n\r\nI passed Step 3 — thank you! 🙏\r\n\r\nSam' });
    expect(draft.html).toContain('<p>I passed Step 3 — thank you! 🙏</p>');
    const maya = contactRow(fake, 'Maya');
    expect([nyDay(maya['Draft created']), maya['Draft ID']]).toEqual(['2026-11-22', fake.drafts.drafts[0].id]);
    expect(result.model.overdue.find((c) => c.id.split('~')[0] === id)!.draft).toMatchObject({ id: fake.drafts.drafts[0].id, created: '2026-11-22' });
  });

  test('after Create draft, the card links to that very draft in Gmail, in the account it was made in', () => {
    const id = idOf(fake, 'Maya');
    const result = createDraft({ contactId: id, subject: 'Update', body: 'Dear Dr. Okafor,\n\nNews.\n\nSam' });
    const [made] = fake.drafts.drafts;
    const card = result.model.overdue.find((c) => c.id.split('~')[0] === id)!;
    expect(card.draft!.url).toMatch(new RegExp(`#drafts\\?compose=${made.messageId}$`));
    expect(card.draft!.url).toContain('authuser=');
  });

  test('drafting again never silently replaces an open draft: replace or another, by choice; once deleted in Gmail, a new one is made', () => {
    const id = idOf(fake, 'Maya');
    createDraft({ contactId: id, subject: 'One', body: 'First' });
    const first = fake.drafts.drafts[0].id;
    expect(previewDraft(id, null).openDraft).toMatchObject({ id: first, created: '2026-11-22' });
    expect(() => createDraft({ contactId: id, subject: 'Two', body: 'Second' })).toThrow('Maya Okafor already has a draft from November 22, 2026 in Gmail. Choose Replace it');
    expect(createDraft({ contactId: id, subject: 'Two', body: 'Second', whenOpen: 'replace' }).message).toBe('Replaced the draft to Maya Okafor in Gmail.');
    expect(fake.drafts.drafts.map((d) => [d.id, readDraft(d.mime).subject])).toEqual([[first, 'Two']]);
    createDraft({ contactId: id, subject: 'Three', body: 'Third', whenOpen: 'another' });
    expect(fake.drafts.drafts.map((d) => readDraft(d.mime).subject)).toEqual(['Two', 'Three']);
    for (const draft of [...fake.drafts.drafts]) fake.drafts._deleteInGmail(draft.id);
    expect(loadSidebar().overdue.find((c) => c.id.split('~')[0] === id)!.draft).toBeNull();
    createDraft({ contactId: id, subject: 'Four', body: 'Fourth' });
    expect(fake.drafts.drafts).toHaveLength(1);
    expect(fake.drafts.drafts[0].id).not.toBe(first);
  });

  test('no email or a bad email: a clear refusal, no draft', () => {
    expect(() => createDraft({ contactId: idOf(fake, 'Tom'), subject: 'Hi', body: 'Hi' })).toThrow('Tom Becker has no email address');
    expect(() => createDraft({ contactId: idOf(fake, 'Samuel'), subject: 'Hi', body: 'Hi' })).toThrow('"not-an-email" is not a valid email address');
    expect(fake.drafts.drafts).toEqual([]);
  });
});

test('Go to row selects the contact\'s row where it is now', () => {
  const id = idOf(fake, 'Grace');
  fake.spreadsheet.getSheetByName('Contacts')!.sort(1);
  goToContact(id);
  const range = fake.spreadsheet.getActiveRange()!;
  expect([range.getSheet().getName(), range.getRow()]).toEqual(['Contacts', contactRows(fake).findIndex((r) => r['First name'] === 'Grace') + 2]);
  expect(range.getNumColumns()).toBe(29); // the whole row: every Contacts column
});

describe('adding a contact', () => {
  const base = { firstName: 'Ravi', lastName: 'Patel', email: 'ravi@example.org', role: 'Fellow', institution: 'Lakeview', specialty: 'Cardiology', relationship: 'Conference contact', howWeMet: 'Conference', metOn: '2026-11-20', interests: 'Echo' };

  test('appends a row after the last contact (not after the formulas\' spill) with a new id, and lists it', () => {
    const result = addContact(base);
    expect(result.message).toBe('Added Ravi Patel on row 10.');
    const ravi = contactRow(fake, 'Ravi');
    expect(ravi).toMatchObject({ Email: 'ravi@example.org', Relationship: 'Conference contact', Status: 'Due soon' });
    expect(nyDay(ravi['Met on'])).toBe('2026-11-20');
    expect(String(ravi['Contact ID'])).toMatch(/^c-/);
    expect(result.model.dueThisWeek.map((c) => c.name)).toContain('Ravi Patel'); // as its Status says
    expect(fake.spreadsheet.getSheetByName('Contacts')!.getMaxRows()).toBe(1000);
  });

  test('validates: a name, an email shape, a real date, no duplicate email', () => {
    expect(() => addContact({ ...base, firstName: '', lastName: '' })).toThrow('Give at least a first or a last name.');
    expect(() => addContact({ ...base, email: 'ravi@' })).toThrow('Email: "ravi@" is not an email address');
    expect(() => addContact({ ...base, metOn: '2026-02-30' })).toThrow('Met on must be a date like 2026-03-01.');
    expect(() => addContact({ ...base, email: 'MAYA.OKAFOR@example.org' })).toThrow('Maya Okafor (row 2) already has the email');
    expect(contactRows(fake)).toHaveLength(8);
  });

  test('a name that is HTML or a formula is stored as typed, as text', () => {
    addContact({ ...base, email: '', firstName: '<img src=x onerror=alert(1)>', lastName: '=1+1' });
    const row = contactRows(fake).find((r) => r['Last name'] === '=1+1')!;
    expect(row['First name']).toBe('<img src=x onerror=alert(1)>');
    expect(loadSidebar().dueThisWeek.map((c) => c.name)).toContain('<img src=x onerror=alert(1)> =1+1');
  });
});

describe('each action costs the same sheet round-trips at 10 and at 2,000 contacts', () => {
  function workbookOf(size: number): FakeAppsScript {
    const [header, ...rows] = sampleContacts();
    const workbook = workbookWith([header, ...Array.from({ length: size }, (_, i) => rows[i % rows.length].map((v, c) => (c === 2 && v ? `${i}.${v}` : v)))]);
    workbook.spreadsheet._recalculation = false; // call counts do not depend on formula results; Google computes those
    return workbook;
  }

  const actions: [string, (f: FakeAppsScript) => void][] = [
    ['load', () => loadSidebar()],
    ['log', (f) => logContact({ contactId: idOf(f, 'Maya'), date: '2026-11-22', channel: 'Email', summary: 'x', nextStep: '' })],
    ['snooze', (f) => snoozeContact(idOf(f, 'Maya'), 7)],
    ['preview', (f) => previewDraft(idOf(f, 'Maya'), null)],
    ['draft', (f) => createDraft({ contactId: idOf(f, 'Maya'), subject: 's', body: 'b', whenOpen: 'replace' })],
    ['go to row', (f) => goToContact(idOf(f, 'Maya'))],
    ['add', () => addContact({ firstName: 'New', lastName: 'Person', email: '', role: '', institution: '', specialty: '', relationship: '', howWeMet: '', metOn: '', interests: '' })],
  ];

  test.each(actions)('%s', (_name, action) => {
    const cost = (size: number) => {
      const f = workbookOf(size);
      fake = f;
      action(f); // warm: any one-off id filling happens here
      f.counter.reset();
      action(f);
      return f.counter.sheetRoundTrips();
    };
    const small = cost(10);
    expect(small).toBeLessThan(30);
    expect(cost(2000)).toBe(small);
  });
});

describe('"Did you send it?"', () => {
  test('a draft that left Gmail: the card asks; "Sent" logs an Email with its subject on the day given and clears the marks', () => {
    const id = idOf(fake, 'Maya');
    createDraft({ contactId: id, subject: 'Quick update before the spring meeting', body: 'Dear Dr. Okafor, …' });
    const draftId = String(contactRow(fake, 'Maya')['Draft ID']);
    fake.drafts._deleteInGmail(draftId); // sent from Gmail (a sent draft leaves the drafts list)
    const card = [...loadSidebar().overdue, ...loadSidebar().dueThisWeek].find((c) => c.name === 'Maya Okafor')!;
    expect(card.draft).toBeNull();
    expect(card.goneDraft).toEqual({ draftId, subject: 'Quick update before the spring meeting', created: '2026-11-22', noticed: '2026-11-22' });
    expect(() => answerGoneDraft({ contactId: card.id, draftId, sent: true, date: '2026-11-21' })).toThrow('Date: the draft was made on November 22, 2026, so it cannot have been sent before then.');
    const result = answerGoneDraft({ contactId: card.id, draftId, sent: true, date: '2026-11-22' });
    expect(result.message).toBe('Logged the email to Maya Okafor on November 22, 2026.');
    const maya = contactRow(fake, 'Maya');
    expect([maya['Draft ID'], maya['Draft created'], maya['Last contact notes']]).toEqual(['', '', 'Quick update before the spring meeting']);
    expect(nyDay(maya['Last contact'])).toBe('2026-11-22');
    const log = rowsByHeader(fake.spreadsheet.getSheetByName('Interactions')!);
    expect(log.map((r) => [r.Channel, r.Summary])).toEqual([['Email', 'Quick update before the spring meeting']]);
    expect(result.model.overdue.concat(result.model.dueThisWeek).find((c) => c.name === 'Maya Okafor')?.goneDraft ?? null).toBeNull();
  });

  test('a missing name in the greeting names the right field: last name for "Dr.", first name for a co-resident', () => {
    const contacts = fake.spreadsheet.getSheetByName('Contacts')!;
    const headers = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0];
    const maya = contactRows(fake).findIndex((r) => r['First name'] === 'Maya') + 2;
    const id = idOf(fake, 'Maya');
    contacts.getRange(maya, headers.indexOf('Role') + 1).setValue('Co-resident');
    contacts.getRange(maya, headers.indexOf('First name') + 1).setValue('');
    const preview = previewDraft(id, 'Mentor meeting request');
    expect(preview.body).toContain('Dear [Salutation],');
    expect(preview.warnings).toContain('First name is empty for Okafor, who is greeted by first name (Settings ▸ Greeting). Fill it in, or edit the text where it says [Salutation].');
  });

  test('"Sent on" defaults to the day Touchpoint first saw the draft gone, not the day the sidebar is opened again', () => {
    const id = idOf(fake, 'Maya');
    setNow(fake, new Date('2026-11-20T15:00:00Z'));
    createDraft({ contactId: id, subject: 'Quick update', body: 'Dear Dr. Okafor, …' });
    setNow(fake, new Date('2026-11-21T15:00:00Z'));
    fake.drafts._deleteInGmail(String(contactRow(fake, 'Maya')['Draft ID']));
    const mayaIn = (model: ReturnType<typeof loadSidebar>) => [...model.overdue, ...model.dueThisWeek, ...model.noContactYet].find((c) => c.name === 'Maya Okafor')!;
    expect(mayaIn(loadSidebar()).goneDraft).toMatchObject({ created: '2026-11-20', noticed: '2026-11-21' });
    setNow(fake, new Date('2026-11-25T15:00:00Z'));
    expect(mayaIn(loadSidebar()).goneDraft).toMatchObject({ created: '2026-11-20', noticed: '2026-11-21' });
  });

  test('the editor agrees with the card: a draft that left Gmail is not "still open"', () => {
    const id = idOf(fake, 'Maya');
    createDraft({ contactId: id, subject: 'Quick update', body: 'Dear Dr. Okafor, …' });
    expect(previewDraft(id, 'Mentor meeting request').openDraft).not.toBeNull();
    fake.drafts._deleteInGmail(String(contactRow(fake, 'Maya')['Draft ID']));
    expect(previewDraft(id, 'Mentor meeting request').openDraft).toBeNull();
    createDraft({ contactId: id, subject: 'Again', body: 'Dear Dr. Okafor, again' }); // no Replace/Create another needed
    expect(fake.drafts.drafts.map((d) => readDraft(d.mime).subject)).toEqual(['Again']);
  });

  test('"Not sent" clears the marks and logs nothing; an answer about a draft no longer on the row is refused', () => {
    const id = idOf(fake, 'Maya');
    createDraft({ contactId: id, subject: 'Hello', body: 'Hello' });
    const draftId = String(contactRow(fake, 'Maya')['Draft ID']);
    fake.drafts._deleteInGmail(draftId);
    answerGoneDraft({ contactId: id, draftId, sent: false, date: '2026-11-22' });
    expect(contactRow(fake, 'Maya')['Draft ID']).toBe('');
    expect(fake.spreadsheet.getSheetByName('Interactions')!.getLastRow()).toBe(1);
    expect(() => answerGoneDraft({ contactId: id, draftId, sent: true, date: '2026-11-22' })).toThrow('That draft is no longer on Maya Okafor\'s row');
  });
});
