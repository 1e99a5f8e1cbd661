import type { DateOrder } from './locale';

/** A date order, or how to find it out (the spreadsheet's locale is only asked when a slashed text date needs it). */
export type DateOrderSource = DateOrder | (() => DateOrder);
import { InvalidValueError } from './errors';
import { describeValue, isBlank, isDate } from './values';

/**
 * A calendar day, counted in whole days since 1970-01-01. Touchpoint reasons about days, never instants:
 * "last contact on March 1" is the same day wherever the clock's offset or daylight saving stands.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Sheets counts dates from 1899-12-30; 1970-01-01 is its serial number 25569. */
const SHEETS_SERIAL_OF_EPOCH = 25_569;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

export const ACCEPTED_DATE_FORMS = 'a date cell, 2026-03-01, 1 Mar 2026, Mar 1, 2026, 1.3.2026, or 3/1/2026 with day and month in the spreadsheet locale\'s order';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

interface YearMonthDay {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function dayFromYmd(year: number, month: number, day: number): Day {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function ymdOfDay(day: Day): YearMonthDay {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isValidYmd(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const { month: m, day: d } = ymdOfDay(dayFromYmd(year, month, day));
  return m === month && d === day;
}

// Intl formatters are costly to build and a sheet has one time zone: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new InvalidValueError(`"${timeZone}" is not a time zone (expected a name like America/New_York)`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock extends YearMonthDay {
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/**
 * A bounded memo per zone. A contact sheet repeats the same few hundred dates (each stored as local midnight),
 * and formatToParts is the costly step in reading a column of 10,000 of them.
 */
const MEMO_LIMIT = 20_000;
const memos = new Map<string, { days: Map<number, Day>; starts: Map<Day, number> }>();

function memoOf(timeZone: string): { days: Map<number, Day>; starts: Map<Day, number> } {
  let memo = memos.get(timeZone);
  if (!memo) memos.set(timeZone, (memo = { days: new Map(), starts: new Map() }));
  return memo;
}

function remember<K>(map: Map<K, number>, key: K, value: number): number {
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/** The calendar day an instant falls on in a time zone. */
export function dayOfInstant(instant: Date, timeZone: string): Day {
  const ms = instant.getTime();
  const { days } = memoOf(timeZone);
  const known = days.get(ms);
  if (known !== undefined) return known;
  const { year, month, day } = wallClock(ms, timeZone);
  return remember(days, ms, dayFromYmd(year, month, day));
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (seconds dropped, as zones have none now). */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const wallAsUtc = dayFromYmd(w.year, w.month, w.day) * MS_PER_DAY + (w.hour * 60 + w.minute) * 60_000 + w.second * 1000;
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a calendar day begins in a time zone: local midnight, or where midnight does not exist
 * (a daylight-saving jump at 00:00), the first instant of that day. This is the Date Sheets stores for a date cell.
 */
export function startOfDay(day: Day, timeZone: string): Date {
  const { starts } = memoOf(timeZone);
  const known = starts.get(day);
  return new Date(known !== undefined ? known : remember(starts, day, firstInstantOfDay(day, timeZone)));
}

function firstInstantOfDay(day: Day, timeZone: string): number {
  const midnightUtc = day * MS_PER_DAY;
  const first = midnightUtc - offsetMs(midnightUtc, timeZone);
  const second = midnightUtc - offsetMs(first, timeZone);
  const candidates = [Math.min(first, second), Math.max(first, second)];
  for (const candidate of candidates) {
    if (dayOfInstant(new Date(candidate), timeZone) === day) return candidate;
  }
  return candidates[1];
}

export function today(timeZone: string, now: Date = new Date()): Day {
  return dayOfInstant(now, timeZone);
}

function monthFromName(name: string): number {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  const full = MONTH_NAMES[index];
  const matches = index >= 0 && (name.length <= 3 || full.toLowerCase().startsWith(name.toLowerCase()) || name.toLowerCase() === 'sept');
  return matches ? index + 1 : 0;
}

function dayFromText(text: string, source: DateOrderSource): Day | null {
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (match) return checked(+match[1], +match[2], +match[3]);
  // 03/11/2026 is 3 November where the spreadsheet's locale writes the day first (en_GB, de_DE, pt_BR…).
  match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text); // 03/11/2026, and 3-11-2026 as nl_NL and en_IN write it
  const order = () => (typeof source === 'function' ? source() : source);
  if (match) return order() === 'DMY' ? checked(+match[3], +match[2], +match[1]) : checked(+match[3], +match[1], +match[2]);
  // 15.09.2026: dots are written day first (German, Russian, Turkish… Excel), so this one is never ambiguous.
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (match) return checked(+match[3], +match[2], +match[1]);
  match = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(text);
  if (match) return checked(+match[3], monthFromName(match[2]), +match[1]);
  match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (match) return checked(+match[3], monthFromName(match[1]), +match[2]);
  return null;
}

function checked(year: number, month: number, day: number): Day | null {
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : null;
}

/**
 * Reads a cell value as a calendar day: a Date (read in the sheet's time zone), a Sheets serial number,
 * or text in one of ACCEPTED_DATE_FORMS, with day and month of 3/11/2026 in the spreadsheet locale's order. Blank gives null; anything else throws InvalidValueError.
 */
export function parseDay(value: unknown, timeZone: string, order: DateOrderSource = 'MDY'): Day | null {
  if (isBlank(value)) return null;
  if (isDate(value)) {
    if (isNaN(value.getTime())) throw new InvalidValueError(`not a date: an invalid date (expected ${ACCEPTED_DATE_FORMS})`);
    return dayOfInstant(value, timeZone);
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    const day = Math.floor(value) - SHEETS_SERIAL_OF_EPOCH;
    const { year } = ymdOfDay(day);
    if (value >= 1 && year <= MAX_YEAR) return day;
  }
  if (typeof value === 'string') {
    const day = dayFromText(value.trim(), order);
    if (day !== null) return day;
  }
  throw new InvalidValueError(`not a date: ${describeValue(value)} (expected ${ACCEPTED_DATE_FORMS})`);
}

export function serialOfDay(day: Day): number {
  return day + SHEETS_SERIAL_OF_EPOCH;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 0 for Sunday to 6 for Saturday (Day 0, January 1, 1970, was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** 2026-03-01 */
export function formatIsoDay(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

/**
 * How Touchpoint writes a day into a cell, as opposed to showing it (formatIsoDay): ISO text, which Sheets reads
 * as if typed, storing a real date in the sheet's time zone and showing no time. (A script-written Date would
 * show as "11/22/2026 0:00:00".) The same text today; kept apart because the two answer different questions.
 */
export function dayAsCellInput(day: Day): string {
  return formatIsoDay(day);
}

/** March 1, 2026: how people write a date in an email. */
export function formatLongDay(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${MONTH_NAMES[month - 1]} ${d}, ${year}`;
}
