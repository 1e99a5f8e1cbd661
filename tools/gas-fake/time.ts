/**
 * Time-zone arithmetic for the fake, written independently of src/core/dates.ts (a scan over offsets rather
 * than the product's fixed-point step), so a mistake in the product's date math cannot hide behind the fake.
 */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function wallTime(date: Date, timeZone: string): WallTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const p of formatter.formatToParts(date)) parts[p.type] = p.value;
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday),
    offsetMinutes: offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0,
  };
}

const midnights = new Map<string, number>();

/**
 * The first instant of a calendar day in a zone (midnight, or the end of a DST gap that swallows it): the zone's
 * own reported offset first, then a scan over offsets when that lands in a gap. Memoised per day and zone.
 */
export function midnight(year: number, month: number, day: number, timeZone: string): Date {
  const key = `${timeZone} ${year}-${month}-${day}`;
  const known = midnights.get(key);
  if (known !== undefined) return new Date(known);
  const utc = Date.UTC(year, month - 1, day);
  const isThatDay = (w: WallTime) => w.year === year && w.month === month && w.day === day;
  const guess = new Date(utc - wallTime(new Date(utc), timeZone).offsetMinutes * 60_000);
  const guessed = wallTime(guess, timeZone);
  let best: Date | null = isThatDay(guessed) && guessed.hour === 0 && guessed.minute === 0 ? guess : null;
  if (!best) {
    for (let minutes = -15 * 60; minutes <= 15 * 60; minutes += 15) {
      const candidate = new Date(utc - minutes * 60_000);
      if (isThatDay(wallTime(candidate, timeZone)) && (!best || candidate < best)) best = candidate;
    }
  }
  const result = best ?? new Date(utc);
  midnights.set(key, result.getTime());
  return result;
}

export function startOfToday(now: Date, timeZone: string): Date {
  const w = wallTime(now, timeZone);
  return midnight(w.year, w.month, w.day, timeZone);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Utilities.formatDate: Java SimpleDateFormat letters (y M d E H h m s S a z Z X) and 'quoted text'. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallTime(date, timeZone);
  const sign = w.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(w.offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  const fields: Record<string, (n: number) => string> = {
    y: (n) => (n === 2 ? String(w.year % 100).padStart(2, '0') : String(w.year).padStart(n, '0')),
    M: (n) => (n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : String(w.month).padStart(n, '0')),
    d: (n) => String(w.day).padStart(n, '0'),
    E: (n) => (n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3)),
    H: (n) => String(w.hour).padStart(n, '0'),
    h: (n) => String(w.hour % 12 || 12).padStart(n, '0'),
    m: (n) => String(w.minute).padStart(n, '0'),
    s: (n) => String(w.second).padStart(n, '0'),
    S: (n) => String(date.getUTCMilliseconds()).padStart(3, '0').slice(0, Math.max(n, 3)),
    a: () => (w.hour < 12 ? 'AM' : 'PM'),
    z: () => (w.offsetMinutes === 0 ? 'GMT' : `GMT${sign}${hh}:${mm}`),
    Z: () => `${sign}${hh}${mm}`,
    X: (n) => (w.offsetMinutes === 0 ? 'Z' : n >= 3 ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`),
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = pattern.slice(i + 1, end < 0 ? pattern.length : end);
      out += literal === '' ? "'" : literal;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    out += fields[ch] ? fields[ch](n) : ch.repeat(n);
    i += n;
  }
  return out;
}
