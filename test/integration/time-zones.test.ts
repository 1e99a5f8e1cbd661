/** The nightly As of refresh lands on the new local day wherever the spreadsheet is, whatever the script's zone. */
import { setUpContactSheet, setUpWorkbook } from '../../src/server/setup';
import { refreshAsOfDate } from '../../src/server/menu';
import { NAMED_RANGES } from '../../src/core/settings';
import { installFake, setNow } from '../support/in-process';
import { fillSheet, sampleContacts } from '../support/workbook';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;
const SCRIPT_ZONE = 'America/New_York'; // appsscript.json: where triggers run unless told otherwise

beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

function workbookIn(timeZone: string, now: Date): void {
  fake = installFake({ timeZone, scriptTimeZone: SCRIPT_ZONE });
  setNow(fake, now);
  fillSheet(fake.spreadsheet.insertSheet('Contacts'), sampleContacts());
  setUpWorkbook();
}

const asOfShown = () => fake.spreadsheet.getRangeByName(NAMED_RANGES.asOf)!.getDisplayValue();

/** Moves the clocks to `to`, running each clock trigger when Google would, as the trigger's owner. */
function runClockUntil(to: Date): Date[] {
  const from = fake.clock.now();
  const fired: Date[] = [];
  const due = fake.scriptApp.triggers.flatMap((t) => t._firesBetween(from, to, SCRIPT_ZONE).map((at) => ({ at, t })));
  for (const { at, t } of due.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    setNow(fake, at);
    expect(t.getHandlerFunction()).toBe('refreshAsOfDate');
    refreshAsOfDate();
    fired.push(at);
  }
  setNow(fake, to);
  return fired;
}

const localTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(instant);

describe.each([
  ['Asia/Kolkata', '2026-11-22T12:00:00Z', '2026-11-22T19:00:00Z'], // 00:30 on Nov 23 in Kolkata, 14:00 in New York
  ['Pacific/Auckland', '2026-11-22T05:00:00Z', '2026-11-22T11:30:00Z'], // 00:30 on Nov 23 in Auckland
  ['America/Los_Angeles', '2026-11-22T20:00:00Z', '2026-11-23T08:30:00Z'], // 00:30 on Nov 23 in Los Angeles
])('a spreadsheet in %s', (timeZone, start, justAfterMidnight) => {
  test('the nightly refresh runs at 00:30 ± 15 min local time (the fake fires at the earliest), and As of shows the new local day', () => {
    workbookIn(timeZone, new Date(start));
    expect(asOfShown()).toBe('Nov 22, 2026');
    expect(fake.scriptApp.triggers.map((t) => t.schedule)).toEqual([{ everyDays: 1, atHour: 0, nearMinute: 30, timeZone }]);
    const fired = runClockUntil(new Date(justAfterMidnight));
    expect(fired.map((at) => localTime(at, timeZone))).toEqual(['2026-11-23, 00:15']);
    expect(asOfShown()).toBe('Nov 23, 2026');
  });
});

test('when the spreadsheet moves to another time zone, setup (or the next nightly run) re-makes the trigger there, once', () => {
  workbookIn('America/New_York', new Date('2026-11-22T12:00:00Z'));
  fake.spreadsheet.setSpreadsheetTimeZone('Asia/Kolkata');
  setUpContactSheet();
  expect(fake.scriptApp.triggers.map((t) => t.schedule.timeZone)).toEqual(['Asia/Kolkata']);
  expect(fake.ui.alerts.at(-1)!.prompt).toContain("now runs just after midnight in the spreadsheet's time zone");
  fake.spreadsheet.setSpreadsheetTimeZone('Pacific/Auckland');
  refreshAsOfDate(); // the trigger's own run notices the move
  expect(fake.scriptApp.triggers.map((t) => t.schedule.timeZone)).toEqual(['Pacific/Auckland']);
  refreshAsOfDate();
  expect(fake.scriptApp.triggers).toHaveLength(1);
});

test('a trigger made by an earlier version (script zone, not recorded) is re-made in the spreadsheet\'s zone by setup', () => {
  workbookIn('Asia/Kolkata', new Date('2026-11-22T12:00:00Z'));
  for (const t of [...fake.scriptApp.triggers]) fake.scriptApp.deleteTrigger(t);
  fake.properties.user.deleteAllProperties();
  fake.scriptApp.newTrigger('refreshAsOfDate').timeBased().everyDays(1).atHour(0).nearMinute(5).create(); // as 0.1 made it
  setUpWorkbook();
  expect(fake.scriptApp.triggers.map((t) => t.schedule.timeZone)).toEqual(['Asia/Kolkata']);
});
