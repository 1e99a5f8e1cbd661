/** The fake must behave as Google documents Apps Script; these pin the behaviours the product relies on. */
import { createFakeAppsScript } from '../index';
import { readTypedText } from '../spreadsheet';
import { checkTransferable } from '../script-run';

function setup(timeZone = 'America/New_York') {
  const fake = createFakeAppsScript({ timeZone, now: new Date('2026-11-22T15:00:00Z'), htmlFiles: { Page: '<p><?= name ?></p><?!= raw ?>' } });
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { fake, ss, sheet: ss.getActiveSheet() };
}

describe('Range values', () => {
  test('getValues: dates as Date at local midnight, blanks as \'\', numbers and booleans as such', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['2026-03-01', '45', 'TRUE', 'plain']]);
    const [[date, number, bool, text, blank]] = sheet.getRange('A1:E1').getValues();
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect((date as Date).toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect([number, bool, text, blank]).toEqual([45, true, 'plain', '']);
  });

  test('strings are read as typed: =formula, \'text stays text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=1+1', "'=1+1", '=HYPERLINK("http://x","y")']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[2, '=1+1', 'y']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=1+1', '', '=HYPERLINK("http://x","y")']]);
  });

  test('setValues with the wrong shape fails with Sheets\' message and writes nothing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([['a', 'b'], ['c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('getDisplayValues follows the number format', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['2026-03-01', 3.14159, 7]]);
    sheet.getRange('A1').setNumberFormat('mmm d, yyyy');
    sheet.getRange('B1').setNumberFormat('0.00');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['Mar 1, 2026', '3.14', '7']]);
  });

  test('a cell over 50,000 characters is refused', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow('more than the maximum of 50000 characters');
  });
});

describe('getRange', () => {
  test('all overloads and A1 forms', () => {
    const { sheet } = setup();
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    expect(sheet.getRange('B2:C3').getNumRows()).toBe(2);
    expect(sheet.getRange('A:A').getA1Notation()).toBe('A1:A1000');
    expect(sheet.getRange('E2:G').getA1Notation()).toBe('E2:G1000');
    expect(sheet.getRange('2:3').getA1Notation()).toBe('A2:Z3');
    expect(sheet.getRange(5, 1).getRow()).toBe(5);
  });

  test('bad coordinates fail as in Apps Script', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
  });
});

describe('Sheet', () => {
  test('getLastRow/Column, getDataRange and appendRow', () => {
    const { sheet } = setup();
    sheet.appendRow(['a', 'b']);
    sheet.appendRow(['c', '', 'e']);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    expect(sheet.getDataRange().getValues()).toEqual([['a', 'b', ''], ['c', '', 'e']]);
  });

  test('insertColumnsAfter grows the grid and shifts cells right', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
  });

  test('sort moves whole rows (formats too), blanks last', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([['Name', 'n'], ['b', 2], ['', 9], ['a', 1]]);
    sheet.getRange('B2').setNumberFormat('0.00');
    sheet.setFrozenRows(1);
    sheet.sort(1);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([['Name', 'n'], ['a', 1], ['b', 2], ['', 9]]);
    expect(sheet.getRange('B3').getNumberFormat()).toBe('0.00');
  });

  test('named ranges follow inserted rows', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Target', sheet.getRange('B5'));
    sheet.insertRowsAfter(2, 3);
    expect(ss.getRangeByName('Target')!.getA1Notation()).toBe('B8');
    expect(() => ss.setNamedRange('A1', sheet.getRange('B5'))).toThrow('not valid');
  });

  test('insertSheet refuses a duplicate name', () => {
    const { ss } = setup();
    ss.insertSheet('Contacts');
    expect(() => ss.insertSheet('Contacts')).toThrow('A sheet with the name "Contacts" already exists.');
  });
});

describe('formulas', () => {
  test('array results spill; blocked spills show #REF!', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('={"Header"; 1; 2}');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['Header'], [1], [2]]);
    sheet.getRange('A3').setValue('mine');
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
    expect(sheet.getRange('A3').getValue()).toBe('mine');
  });

  test('custom functions get ranges as 2-D arrays and single cells as values, and may not write', () => {
    const { fake, sheet } = setup();
    const seen: unknown[] = [];
    fake.setCustomFunctions((name) => {
      if (name === 'SEE') return (...args: unknown[]) => (seen.push(...args), 'ok');
      if (name === 'WRITE') return () => fake.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('Z1').setValue(1);
      return undefined;
    });
    sheet.getRange('A1:A2').setValues([['x'], [5]]);
    sheet.getRange('B1').setFormula('=SEE(A1:A2, A2)');
    sheet.getRange('C1').setFormula('=WRITE()');
    expect(sheet.getRange('B1:C1').getValues()).toEqual([['ok', '#ERROR!']]);
    expect(seen).toEqual([[['x'], [5]], 5]);
    expect(sheet.getRange('Z1').getValue()).toBe('');
    expect(fake.spreadsheet._errorMessage(fake.spreadsheet.getActiveSheet(), 1, 3)).toMatch(/do not have permission to call Range.setValue/);
  });

  test('in a comma-decimal locale (de_DE) formulas use ";" and "\\"; an en-US formula is a parse error, as in Sheets', () => {
    const { fake, ss, sheet } = setup();
    ss.setSpreadsheetLocale('de_DE');
    expect(ss.getSpreadsheetLocale()).toBe('de_DE');
    sheet.getRange('A1').setFormula('={"Header"; IF(TRUE; 1; 2)}');
    sheet.getRange('B1').setFormula('={"Header"; IF(TRUE, 1, 2)}');
    sheet.getRange('C1').setFormula('={1\\ 2}');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['Header'], [1]]);
    expect(sheet.getRange('B1').getValue()).toBe('#ERROR!');
    expect(fake.spreadsheet._errorMessage(fake.spreadsheet.getActiveSheet(), 1, 2)).toMatch(/Formula parse error/);
    expect(sheet.getRange('C1:D1').getValues()).toEqual([[1, 2]]);
    expect(() => ss.setSpreadsheetLocale('German')).toThrow('Invalid argument');
  });

  test('changing the locale respells existing formulas, so they keep working', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setFormula('=IF(TRUE, {"a, b", 2}, 0)');
    ss.setSpreadsheetLocale('fr_FR');
    expect(sheet.getRange('A1').getFormula()).toBe('=IF(TRUE; {"a, b"\\ 2}; 0)');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['a, b', 2]]);
    ss.setSpreadsheetLocale('en_GB');
    expect(sheet.getRange('A1').getFormula()).toBe('=IF(TRUE, {"a, b", 2}, 0)');
  });

  test('an unknown function is #NAME?', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=NOPE(1)');
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
  });
});

describe('call counting', () => {
  test('counts each call a script makes, by Class.method, and nothing the fake does internally', () => {
    const { fake, sheet } = setup();
    fake.counter.reset();
    sheet.getRange(1, 1, 100, 3).getValues();
    sheet.getRange('A1').setValue('x');
    expect(fake.counter.counts()).toEqual({ 'Range.getValues': 1, 'Range.setValue': 1, 'Sheet.getRange': 2 });
    expect(fake.counter.sheetRoundTrips()).toBe(4);
  });

  test('counts the cells each call reads and writes: a 3×4 getValues reads 12, appendRow of 7 writes 7, setValue writes 1', () => {
    const { fake, sheet } = setup();
    fake.counter.reset();
    sheet.getRange(1, 1, 3, 4).getValues();
    expect(fake.counter.cellsRead()).toBe(12);
    expect(fake.counter.cellsWritten()).toBe(0);
    sheet.appendRow([1, 2, 3, 4, 5, 6, 7]);
    expect(fake.counter.cellsWritten()).toBe(7);
    sheet.getRange('A1').setValue('x');
    expect(fake.counter.cellsWritten()).toBe(8);
    expect(fake.counter.cellsRead()).toBe(12);
    expect(fake.counter.cellCounts()).toEqual({
      'Range.getValues': { read: 12, written: 0 },
      'Range.setValue': { read: 0, written: 1 },
      'Sheet.appendRow': { read: 0, written: 7 },
    });
    fake.counter.reset();
    expect([fake.counter.cellsRead(), fake.counter.cellsWritten()]).toEqual([0, 0]);
  });

  test('a whole range counts whole: setValue, clearContent and formats over a column write every cell; getDataRange reads the data', () => {
    const { fake, sheet } = setup();
    sheet.getRange(1, 1, 5, 3).setValues(Array.from({ length: 5 }, (_, r) => [r, 'a', 'b']));
    fake.counter.reset();
    expect(sheet.getDataRange().getValues()).toHaveLength(5);
    expect(fake.counter.cellsRead()).toBe(15);
    sheet.getRange('B1:B100').setValue('same');
    sheet.getRange('C1:C100').clearContent();
    sheet.getRange('D1:D100').setNumberFormat('0.00');
    expect(fake.counter.cellsWritten()).toBe(300);
    sheet.getRange('A1:B2').setFormulas([['=1', '=2'], ['=3', '=4']]);
    sheet.getRange('A3').setFormula('=5');
    expect(fake.counter.cellsWritten()).toBe(305);
    // Singular getters read one cell; display values, formulas, notes, formats and backgrounds read their range.
    fake.counter.reset();
    sheet.getRange('A1:B2').getDisplayValue();
    sheet.getRange('A1:B2').getDisplayValues();
    sheet.getRange('A1:B2').getFormulas();
    sheet.getRange('A1:B2').getNotes();
    sheet.getRange('A1:B2').getNumberFormats();
    sheet.getRange('A1:B2').getBackgrounds();
    expect(fake.counter.cellsRead()).toBe(1 + 5 * 4);
    expect(fake.counter.cellsWritten()).toBe(0);
  });

  test('cells are not counted for a call that fails, for calls that move no cells, or for the fake\'s own work', () => {
    const { fake, sheet } = setup();
    sheet.getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4], [5, 6]]);
    fake.counter.reset();
    expect(() => sheet.getRange('A1:B2').setValues([[1]])).toThrow(/number of rows/);
    sheet.getLastRow();
    sheet.getRange('A1:B3').getA1Notation();
    sheet.insertRowsAfter(1, 5);
    fake.spreadsheet.getActiveSheet().getRange('A1:B3').getValues(); // the fake's own object: not the script's call
    expect([fake.counter.cellsRead(), fake.counter.cellsWritten()]).toEqual([0, 0]);
    expect(fake.counter.sheetRoundTrips()).toBeGreaterThan(0);
  });

  test('cells read by custom functions go to their own bucket', () => {
    const { fake, sheet } = setup();
    fake.counter.reset();
    fake.counter.asCustomFunction(() => sheet.getRange('A1:A10').getValues());
    expect(fake.counter.cellsRead()).toBe(0);
    expect(fake.counter.cellsRead('customFunction')).toBe(10);
  });
});

describe('other services', () => {
  test('Utilities.formatDate uses real time zones and Java patterns', () => {
    const { fake } = setup();
    const at = new Date('2026-03-08T07:30:00Z');
    expect(fake.globals.Utilities.formatDate(at, 'America/New_York', "yyyy-MM-dd'T'HH:mm XXX EEE")).toBe('2026-03-08T03:30 -04:00 Sun');
    expect(fake.globals.Utilities.formatDate(at, 'Asia/Kolkata', 'MMM d, yyyy h:mm a')).toBe('Mar 8, 2026 1:00 PM');
  });

  test('Lock: tryLock fails while another execution holds it; waitLock throws Apps Script\'s message', () => {
    const { fake } = setup();
    const lock = fake.globals.LockService.getDocumentLock();
    fake.locks.document.holdElsewhere();
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    fake.locks.document.releaseElsewhere();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  test('Properties store strings; Cache entries expire', () => {
    const { fake } = setup();
    const props = fake.globals.PropertiesService.getDocumentProperties();
    props.setProperty('n', 5 as unknown as string);
    expect(props.getProperty('n')).toBe('5');
    const cache = fake.globals.CacheService.getDocumentCache()!;
    cache.put('k', 'v', 60);
    fake.clock.advance(59_000);
    expect(cache.get('k')).toBe('v');
    fake.clock.advance(2_000);
    expect(cache.get('k')).toBeNull();
  });

  test('a cached value is limited to 100 KB in bytes, so a non-Latin value holds fewer characters', () => {
    const cache = setup().fake.globals.CacheService.getDocumentCache()!;
    cache.put('latin', 'a'.repeat(100 * 1024));
    expect(() => cache.put('cyrillic', 'ж'.repeat(60 * 1024))).toThrow('Argument too large: value'); // 2 bytes each
    expect(cache.get('cyrillic')).toBeNull();
  });

  test('HtmlService templates escape <?= ?> and not <?!= ?>', () => {
    const { fake } = setup();
    const template = fake.globals.HtmlService.createTemplateFromFile('Page');
    Object.assign(template, { name: '<img src=x onerror=alert(1)>', raw: '<b>ok</b>' });
    expect(template.evaluate().getContent()).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p><b>ok</b>');
    expect(() => fake.globals.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  test('getUi is unavailable to a time-driven trigger', () => {
    const { fake } = setup();
    expect(() => fake.asTrigger(() => fake.globals.SpreadsheetApp.getUi())).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('Gmail drafts: create, list, get, remove; a deleted draft is not found; faults at the nth call', () => {
    const { fake } = setup();
    const drafts = fake.globals.Gmail.Users.Drafts;
    const raw = Buffer.from('To: a@example.org\r\nSubject: Hi\r\n\r\nBody').toString('base64url');
    const created = drafts.create({ message: { raw } }, 'me') as { id: string };
    expect(fake.drafts.drafts[0].mime).toContain('Subject: Hi');
    expect(drafts.list('me')).toMatchObject({ drafts: [{ id: created.id }], resultSizeEstimate: 1 });
    fake.drafts._deleteInGmail(created.id);
    expect(() => drafts.get('me', created.id)).toThrow('Requested entity was not found.');
    fake.drafts.failOnCall('create', 2, new Error('Service invoked too many times for one day: gmail.'));
    drafts.create({ message: { raw } }, 'me');
    expect(() => drafts.create({ message: { raw } }, 'me')).toThrow('too many times');
    expect(() => drafts.create({ message: { raw: 'not base64!' } }, 'me')).toThrow('Base64 decoding failed');
  });

  test('time-driven triggers: created, listed, deleted', () => {
    const { fake } = setup();
    const app = fake.globals.ScriptApp;
    const trigger = app.newTrigger('refresh').timeBased().everyDays(1).atHour(0).create();
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['refresh']);
    app.deleteTrigger(trigger);
    expect(app.getProjectTriggers()).toEqual([]);
  });
});

test('a workbook saved and loaded again is the same, formulas and rules included', () => {
  const { fake, ss, sheet } = setup();
  sheet.getRange('A1:B2').setValues([['2026-03-01', 'text'], [5, '=A2*2']]);
  sheet.getRange('A1').setNumberFormat('mmm d, yyyy');
  sheet.getRange('C1:C3').setDataValidation(fake.globals.SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build());
  ss.setNamedRange('Five', sheet.getRange('A2'));
  const saved = JSON.parse(JSON.stringify(fake.spreadsheet._export()));
  const other = setup();
  other.fake.spreadsheet._import(saved);
  const copy = other.ss.getSheetByName('Sheet1')!;
  expect(copy.getRange('A1:B2').getDisplayValues()).toEqual([['Mar 1, 2026', 'text'], ['5', '10']]);
  expect(copy.getRange('C3').getDataValidation()!.getCriteriaValues()).toEqual([['a', 'b'], true]);
  expect(other.ss.getRangeByName('Five')!.getValue()).toBe(5);
  expect(saved.sheets[0].validations).toHaveLength(1);
});

describe('the fake is as strict as Google', () => {
  test('google.script.run refuses a Date, a function, a class instance and undefined inside an array', () => {
    class Thing {
      x = 1;
    }
    expect(() => checkTransferable({ when: new Date() }, 'result')).toThrow('google.script.run cannot pass a Date (result.when)');
    expect(() => checkTransferable([() => 1], 'arg')).toThrow('cannot pass a function (arg[0])');
    expect(() => checkTransferable({ thing: new Thing() }, 'arg')).toThrow('cannot pass an instance of Thing (arg.thing)');
    expect(() => checkTransferable({ list: [1, undefined] }, 'arg')).toThrow('cannot pass undefined inside an array (arg.list[1])');
    expect(() => checkTransferable({ a: [1, 'x', null, { b: true }], c: undefined }, 'arg')).not.toThrow();
  });

  test('a string written by a script is read as Sheets reads typing (en_US), unless the cell is plain text', () => {
    const now = new Date('2026-11-22T15:00:00Z');
    const typed = (text: string) => readTypedText(text, 'UTC', now).value;
    expect(typed('1,000')).toBe(1000);
    expect(typed('50%')).toBe(0.5);
    expect(typed('$5')).toBe(5);
    expect(typed('007')).toBe(7);
    expect(typed('TRUE')).toBe(true);
    expect((typed('Mar 15') as Date).toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect((typed('Dec 2026') as Date).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(typed('10:30')).toBeCloseTo(10.5 / 24);
    expect(typed("'007")).toBe('007');
    expect(typed('Send CV')).toBe('Send CV');
    const cell = setup().sheet.getRange('A1');
    cell.setNumberFormat('@').setValue('007');
    expect(cell.getValue()).toBe('007');
  });

  test('insertCheckboxes sets every cell to FALSE; copyTo copies values', () => {
    const { sheet } = setup();
    sheet.getRange('B1:B3').insertCheckboxes();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[false], [false], [false]]);
    expect(sheet.getRange('B2').getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
    sheet.getRange('A1').setValue('Ana');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A5'));
    expect(sheet.getRange('A5:B5').getValues()).toEqual([['Ana', false]]);
  });
});

test('hidden rows belong to the row position: a sort leaves them, inserting rows above moves them; a range list is the selection', () => {
  const { sheet, ss } = setup();
  sheet.getRange('A1:A3').setValues([['c'], ['b'], ['a']]);
  sheet.hideRows(2);
  sheet.getRange('A1:A3').sort(1);
  expect([1, 2, 3].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true, false]);
  sheet.insertRowsAfter(1, 1);
  expect([2, 3].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true]);
  sheet.getRangeList(['A1', 'A3:A4']).activate();
  expect(ss.getActiveRangeList()!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1', 'A3:A4']);
});

describe('simple triggers and settings, as Sheets runs them', () => {
  test('onEdit runs (LIMITED) for a person\'s edit, with the edited range, and never for the script\'s own changes', () => {
    const { fake, ss, sheet } = setup();
    const edits: { authMode: string; a1: string; sheet: string; value: unknown }[] = [];
    const onEdit = (e: { authMode: string; range: { getA1Notation(): string; getSheet(): { getName(): string } }; value: unknown }) =>
      void edits.push({ authMode: e.authMode, a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(), value: e.value });
    fake.setTriggerFunctions((name) => (name === 'onEdit' ? (onEdit as (...args: unknown[]) => unknown) : undefined));
    ss.getRange('B2').setValue('by the script'); // through the script's services: no trigger, as Google documents
    expect(edits).toEqual([]);
    fake.spreadsheet.getActiveSheet().getRange('B2').setValue('typed');
    fake.spreadsheet.getActiveSheet().getRange('A1:B3').clearContent();
    expect(edits).toEqual([
      { authMode: 'LIMITED', a1: 'B2', sheet: sheet.getName(), value: 'typed' },
      { authMode: 'LIMITED', a1: 'A1:B3', sheet: sheet.getName(), value: undefined },
    ]);
  });

  test('an execution ends at its 6-minute limit: the next service call throws, and nothing after it runs', () => {
    const { fake, sheet } = setup();
    let calls = 0;
    expect(() =>
      fake.asExecution(() => {
        for (;;) {
          sheet.getRange('A1').setValue(++calls);
          fake.clock.advance(60_000); // each call takes a minute
        }
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(calls).toBe(7); // calls at 0, 1, ..., 6 minutes; the 8th, past 6, is refused
    expect(fake.spreadsheet.getActiveSheet().getRange('A1').getValue()).toBe(7);
    sheet.getRange('A1').setValue('after'); // outside an execution: no limit
  });

  test('a new spreadsheet time zone keeps each date cell\'s day and time on the clock, so it is another instant', () => {
    const { fake, ss, sheet } = setup('America/New_York');
    sheet.getRange('A1:A2').setValues([['2026-11-20'], [new Date('2026-11-20T19:30:00Z')]]); // 14:30 in New York
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    const [[day], [time]] = sheet.getRange('A1:A2').getValues() as Date[][];
    expect(day.toISOString()).toBe('2026-11-19T15:00:00.000Z'); // midnight, November 20, in Tokyo
    expect(time.toISOString()).toBe('2026-11-20T05:30:00.000Z'); // 14:30 in Tokyo
    expect(fake.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
  });
});

describe('per-user and unauthorised contexts, as Google documents them', () => {
  test('getProjectTriggers lists only the current user\'s triggers: a collaborator\'s daily trigger is not this user\'s', () => {
    const { fake } = setup();
    const scriptApp = fake.globals.ScriptApp;
    scriptApp.newTrigger('refreshAsOfDate').timeBased().everyDays(1).atHour(0).create();
    fake.scriptApp.currentUser = 'collaborator@example.org';
    expect(scriptApp.getProjectTriggers()).toEqual([]);
    scriptApp.newTrigger('refreshAsOfDate').timeBased().everyDays(1).atHour(0).create();
    expect(scriptApp.getProjectTriggers()).toHaveLength(1);
    expect(fake.scriptApp.triggers.map((t) => t.owner)).toEqual(['resident@example.org', 'collaborator@example.org']);
  });

  test('createAddonMenu is captioned with the script project\'s name', () => {
    const fake = createFakeAppsScript({ projectName: 'Untitled project' });
    fake.globals.SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'openSidebar').addToUi();
    expect(fake.ui.menus[0].caption).toBe('Untitled project');
  });

  test('a custom function is refused every service that needs authorisation, not only writes', () => {
    const { fake } = setup();
    const refused = (work: () => unknown) => expect(() => fake.counter.asCustomFunction(work)).toThrow(/You do not have permission to call/);
    refused(() => fake.globals.Gmail.Users.Drafts.list('me'));
    refused(() => fake.globals.Session.getActiveUser());
    refused(() => fake.globals.ScriptApp.getProjectTriggers());
    refused(() => fake.globals.SpreadsheetApp.getUi());
    expect(() => fake.counter.asCustomFunction(() => fake.globals.Utilities.formatDate(new Date(), 'UTC', 'yyyy'))).not.toThrow();
  });
});
