import type { DateOrderSource } from './dates';
import { CadenceTable, followUpInputOf, followUpStatus, nextFollowUp, parseCadenceTable, resolveCadence } from './cadence';
import { Day, parseDay, startOfDay, today as todayIn } from './dates';
import { InvalidValueError } from './errors';
import { CellResult, Grid, isGrid, mapCells } from './grid';
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_LETTER_WEEKS } from './settings';
import { describeValue, isBlank } from './values';

/** What a formula needs from outside the sheet: the spreadsheet's time zone and the current instant. */
export interface FormulaContext {
  timeZone: string;
  now: Date;
  /** Day and month order of dates typed as text (3/11/2026), from the spreadsheet's locale. */
  dateOrder?: DateOrderSource;
}

export type FormulaResult = CellResult | CellResult[][];


function todayFrom(value: unknown, context: FormulaContext): Day {
  const day = value === undefined ? null : parseDay(value, context.timeZone, context.dateOrder);
  return day ?? todayIn(context.timeZone, context.now);
}

function wholeNumber(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || isBlank(value)) return fallback;
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    throw new InvalidValueError(`${name} ${describeValue(value)} is not a whole number from ${min} to ${max}`);
  }
  return number;
}

function cadenceTableFrom(value: unknown): CadenceTable {
  if (value === undefined || isBlank(value)) return new CadenceTable();
  if (!isGrid(value)) throw new Error('cadence_table must be a range of relationship, first follow-up days, then-every days');
  return parseCadenceTable(value as Grid);
}

/** =DAYS_SINCE_CONTACT(last_contact, [today]) */
export function daysSinceContact(context: FormulaContext, lastContact: unknown, today?: unknown): FormulaResult {
  return mapCells('DAYS_SINCE_CONTACT', { name: 'last_contact', value: lastContact }, [{ name: 'today', value: today }], (last, asOf) => {
    const day = parseDay(last, context.timeZone, context.dateOrder);
    return day === null ? '' : todayFrom(asOf, context) - day;
  });
}

/** =NEXT_FOLLOW_UP(last_contact, cadence, [met_on], [cadence_table], [snoozed_until]) */
export function nextFollowUpDate(
  context: FormulaContext,
  lastContact: unknown,
  cadence: unknown,
  metOn?: unknown,
  cadenceTable?: unknown,
  snoozedUntil?: unknown,
): FormulaResult {
  const table = cadenceTableFrom(cadenceTable);
  return mapCells(
    'NEXT_FOLLOW_UP',
    { name: 'last_contact', value: lastContact },
    [{ name: 'cadence', value: cadence }, { name: 'met_on', value: metOn }, { name: 'snoozed_until', value: snoozedUntil }],
    (last, every, met, snoozed) => {
      const lastDay = parseDay(last, context.timeZone, context.dateOrder);
      const metDay = parseDay(met, context.timeZone, context.dateOrder);
      if (lastDay === null && metDay === null) return '';
      const next = nextFollowUp({
        lastContact: lastDay,
        metOn: metDay,
        cadence: resolveCadence(every, table),
        snoozedUntil: parseDay(snoozed, context.timeZone, context.dateOrder),
      });
      return next === null ? '' : startOfDay(next, context.timeZone);
    },
  );
}

/** =FOLLOW_UP_STATUS(last_contact, cadence, [due_soon_days], [today], [met_on], [cadence_table], [snoozed_until]) */
export function followUpStatusOf(
  context: FormulaContext,
  lastContact: unknown,
  cadence: unknown,
  dueSoonDays?: unknown,
  today?: unknown,
  metOn?: unknown,
  cadenceTable?: unknown,
  snoozedUntil?: unknown,
): FormulaResult {
  const table = cadenceTableFrom(cadenceTable);
  return mapCells(
    'FOLLOW_UP_STATUS',
    { name: 'last_contact', value: lastContact },
    [
      { name: 'cadence', value: cadence },
      { name: 'due_soon_days', value: dueSoonDays },
      { name: 'today', value: today },
      { name: 'met_on', value: metOn },
      { name: 'snoozed_until', value: snoozedUntil },
    ],
    (last, every, soon, asOf, met, snoozed) => {
      const cells = { lastContact: parseDay(last, context.timeZone, context.dateOrder), metOn: parseDay(met, context.timeZone, context.dateOrder), snoozedUntil: parseDay(snoozed, context.timeZone, context.dateOrder), cadence: every };
      const input = followUpInputOf(cells, table);
      if (input === null) return '';
      const window = wholeNumber(soon, 'due_soon_days', DEFAULT_DUE_SOON_DAYS, 0, 365);
      return followUpStatus(input, todayFrom(asOf, context), window);
    },
  );
}

/** =LETTER_ASK_BY(due_date, [weeks_before]) */
export function letterAskBy(context: FormulaContext, dueDate: unknown, weeksBefore?: unknown): FormulaResult {
  return mapCells('LETTER_ASK_BY', { name: 'due_date', value: dueDate }, [{ name: 'weeks_before', value: weeksBefore }], (due, weeks) => {
    const day = parseDay(due, context.timeZone, context.dateOrder);
    if (day === null) return '';
    return startOfDay(day - 7 * wholeNumber(weeks, 'weeks_before', DEFAULT_LETTER_WEEKS, 1, 52), context.timeZone);
  });
}
