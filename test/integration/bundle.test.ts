/**
 * The built dist/Code.js, loaded into a fresh V8 context holding only the fake's globals, as Apps Script runs it.
 * If a generated top-level function goes missing or the bundle touches a service at load time, these fail.
 */
import fs from 'fs';
import path from 'path';
import { DIST, loadBundle, LoadedBundle } from '../../tools/gas-fake/bundle';
import { MENU } from '../../src/server/menu';

/** Every menu item as the user reads its path: "Set up contact sheet", "Help ▸ Check installation". */
function menuPaths(): string[] {
  return MENU.flatMap((e) => (e === 'separator' ? [] : 'submenu' in e ? e.items.map((i) => `${e.submenu} ▸ ${i.caption}`) : [e.caption]));
}
import { entryPoints, customFunctions } from '../../src/entry';
import { fillSheet, rowsByHeader, sampleContacts } from '../support/workbook';
import { BUNDLE_BUDGET_KB } from '../../tools/budgets';

const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));
const NOW = new Date('2026-11-22T15:00:00Z');

describe('dist/', () => {
  test('holds exactly what Apps Script needs', () => {
    expect(fs.readdirSync(DIST).sort()).toEqual(['Code.js', 'DraftsDialog.html', 'ImportDialog.html', 'Sidebar.html', 'WelcomeDialog.html', 'appsscript.json']);
  });

  test(`Code.js stays under its ${BUNDLE_BUDGET_KB} KB budget (a heavy new dependency fails here)`, () => {
    expect(Buffer.byteLength(code, 'utf8') / 1024).toBeLessThan(BUNDLE_BUDGET_KB);
  });

  test('each page inlines its script and styles, with nothing HtmlService would read as a scriptlet', () => {
    for (const page of ['Sidebar.html', 'DraftsDialog.html', 'ImportDialog.html']) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      expect(html).not.toContain('/* inline:');
      expect(html).not.toContain('<?');
      expect(html).not.toMatch(/<script[^>]+src=/);
      expect(html.match(/<\/script>/g)).toHaveLength(1);
    }
  });

  test('every function the sidebar calls is a top-level function', () => {
    for (const name of ['loadSidebar', 'logContact', 'snoozeContact', 'previewDraft', 'createDraft', 'goToContact', 'addContact', 'planBulkDrafts', 'runBulkDrafts', 'setLetterStatus', 'previewImport', 'runImport']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  test('every entry point and custom function is a top-level function declaration', () => {
    for (const name of [...Object.keys(entryPoints), ...customFunctions.map((f) => f.name)]) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect(Object.keys(entryPoints)).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'setUpContactSheet', 'refreshAsOfDate']));
  });

  test('custom functions carry JSDoc with a description, @param, @return and @customfunction', () => {
    for (const fn of customFunctions) {
      const block = new RegExp(`/\\*\\*\\n \\* (.+)\\n \\*\\n((?: \\* @param .+\\n)+) \\* @return \\{.+\\} .+\\n \\* @customfunction\\n \\*/\\nfunction ${fn.name}\\(`);
      const match = block.exec(code);
      expect(match).not.toBeNull();
      expect(match![1]).toBe(fn.doc.summary);
      expect(match![2].trim().split('\n')).toHaveLength(fn.doc.params.length);
    }
  });

  test('one IIFE bundle for V8 with no ES module syntax and no sending or outside network', () => {
    expect(code).toMatch(/^"use strict";var Touchpoint=\(\(\)=>\{/m);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    for (const forbidden of ['GmailApp', 'MailApp', 'UrlFetchApp', 'DriveApp', 'Drafts.send', 'eval(']) expect(code).not.toContain(forbidden);
  });

  test('the manifest: V8, the fewest scopes, the Gmail advanced service', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/gmail.compose',
    ]);
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'Gmail', serviceId: 'gmail', version: 'v1' }]);
  });
});

describe('running the bundle', () => {
  let app: LoadedBundle;

  beforeEach(() => {
    app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
  });

  test('loading the bundle calls no service', () => {
    expect(app.fake.counter.total()).toBe(0);
  });

  test('onOpen() builds the Touchpoint menu, and every item calls a function that exists', () => {
    app.call('onOpen', { authMode: 'FULL' });
    const menu = app.fake.ui.menus.find((m) => m.caption === 'Touchpoint')!;
    const items = menu.entries.filter((e) => !e.separator).flatMap((e) => (e.submenu ? e.submenu.entries.map((s) => ({ ...s, caption: `${e.caption} ▸ ${s.caption}` })) : [e]));
    expect(items.map((e) => e.caption)).toEqual(menuPaths());
    for (const item of items) expect(typeof app.context[item.functionName!]).toBe('function');
  });

  test('every message that sends the user to "Touchpoint ▸ …" names a menu item that exists', () => {
    const paths = new Set(menuPaths());
    const sources = [fs.readFileSync(path.join(__dirname, '../../dist/Code.js'), 'utf8'), fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8')].join('\n');
    // Each "Touchpoint ▸ " must go on with a whole menu path (its words may be followed by anything).
    const after = [...sources.matchAll(/Touchpoint ▸ (.{0,60})/g)].map((m) => m[1].replace(/\*\*/g, ''));
    expect(after.length).toBeGreaterThan(5);
    for (const text of after) expect([text, [...paths].some((p) => text.startsWith(p))]).toEqual([text, true]);
  });

  test('onOpen with authMode NONE only builds the menu: no sheet, no properties', () => {
    app.call('onOpen', { authMode: 'NONE' });
    expect(app.fake.ui.menus).toHaveLength(1);
    expect(Object.keys(app.fake.counter.counts()).every((name) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(name))).toBe(true);
  });

  test('a custom function called through the globals', () => {
    expect(app.call('DAYS_SINCE_CONTACT', new Date('2026-11-01T04:00:00Z'), new Date('2026-11-08T05:00:00Z'))).toBe(7);
    expect(app.call('FOLLOW_UP_STATUS', '2026-09-02', 'Career mentor')).toBe('Overdue');
    expect(() => app.call('LETTER_ASK_BY', 'whenever')).toThrow('LETTER_ASK_BY: not a date: "whenever"');
  });

  test('the menu\'s setup, then the formulas it wrote, computed by the bundle\'s custom functions', () => {
    const contacts = app.fake.spreadsheet.insertSheet('Contacts');
    fillSheet(contacts, sampleContacts());
    app.call('onOpen', { authMode: 'FULL' });
    app.call(app.fake.ui.functionFor('Touchpoint', 'Set up contact sheet'));
    const maya = rowsByHeader(contacts).find((r) => r['First name'] === 'Maya')!;
    expect(maya.Status).toBe('Overdue');
    expect(maya['Days since contact']).toBe(81);
  });

  test('one custom-function call over 10,000 rows: one execution, a constant number of service calls', () => {
    const sheet = app.fake.spreadsheet.getActiveSheet();
    sheet.insertRowsAfter(1000, 9_001);
    const dates = Array.from({ length: 10_000 }, (_, i) => [i % 7 === 0 ? '' : new Date(Date.UTC(2026, 0, 1 + (i % 300), 5))]);
    sheet.getRange(2, 1, 10_000, 1).setValues(dates);
    sheet.getRange('B1').setFormula('=DAYS_SINCE_CONTACT(A2:A10001, DATE_CELL)'.replace('DATE_CELL', 'C1'));
    sheet.getRange('C1').setValue(new Date('2026-11-22T05:00:00Z'));
    // B1 spills down: B1 holds A2's result, B2 holds A3's, ...
    const values = sheet.getRange(1, 2, 10_000, 1).getValues();
    expect(values[0][0]).toBe(''); // A2 is blank (i = 0)
    expect(values[1][0]).toBe(324); // A3 is 2026-01-02: 324 days before 2026-11-22
    expect(values[9_999][0]).toBe(324 - ((9_999 % 300) - 1)); // A10001: 2026-01-01 + 9999 % 300 days
    expect(app.fake.counter.counts('customFunction')).toEqual({
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });
});

describe('"today" is a cell, so the formulas never go stale', () => {
  test('a week later, the daily trigger moves As of and Days since contact and Status follow', () => {
    const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
    const contacts = app.fake.spreadsheet.insertSheet('Contacts');
    fillSheet(contacts, [
      ['First name', 'Relationship', 'Last contact'],
      ['Ana', 'Career mentor', '2026-10-10'], // next follow-up 2026-11-24: due soon today, overdue in a week
      ['Ben', 'Peer', '2026-11-01'],
    ]);
    app.call('setUpContactSheet');
    const read = () => rowsByHeader(contacts).map((r) => [r['First name'], r['Days since contact'], r.Status]);
    expect(read()).toEqual([
      ['Ana', 43, 'Due soon'],
      ['Ben', 21, 'On track'],
    ]);

    app.fake.clock.advanceDays(7);
    expect(read()).toEqual([
      ['Ana', 43, 'Due soon'],
      ['Ben', 21, 'On track'],
    ]); // nothing changed the As of cell yet: Sheets would show the same stale values

    const [trigger] = app.fake.scriptApp.triggers;
    app.fake.asTrigger(() => app.call(trigger.getHandlerFunction(), { authMode: 'FULL', triggerUid: trigger.getUniqueId() }));
    expect(read()).toEqual([
      ['Ana', 50, 'Overdue'],
      ['Ben', 28, 'On track'],
    ]);
  });

  test('opening the file refreshes As of too (LIMITED mode), and the menu item does it on demand', () => {
    const app = loadBundle({ now: NOW, timeZone: 'Asia/Kolkata' });
    app.call('setUpContactSheet');
    const asOf = () => app.fake.spreadsheet.getRangeByName('TouchpointAsOf')!.getDisplayValue();
    expect(asOf()).toBe('Nov 22, 2026');
    app.fake.clock.advanceDays(1);
    app.call('onOpen', { authMode: 'LIMITED' });
    expect(asOf()).toBe('Nov 23, 2026');
    app.fake.clock.advanceDays(1);
    app.call('updateAsOfDate');
    expect(asOf()).toBe('Nov 24, 2026');
    expect(app.fake.spreadsheet.toasts.at(-1)!.message).toMatch(/^As of is now today/);
  });

  test('a formula given TODAY() as an argument is refused, as in Sheets', () => {
    const app = loadBundle({ now: NOW });
    const sheet = app.fake.spreadsheet.getActiveSheet();
    sheet.getRange('A1').setValue('2026-11-01');
    sheet.getRange('B1').setFormula('=DAYS_SINCE_CONTACT(A1, TODAY())');
    expect(sheet.getRange('B1').getValue()).toBe('#ERROR!');
  });
});
