import { Day, dayFromYmd, formatIsoDay, formatLongDay } from './dates';

/** Input from a form was unusable; the message names the field and says what to do. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function optionalText(value: unknown, field: string, maxLength: number): string {
  const text = typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value).trim();
  if (text.length > maxLength) throw new InputError(`${field} is too long (${text.length} characters; at most ${maxLength}).`);
  return text;
}

export function requiredText(value: unknown, field: string, maxLength: number): string {
  const text = optionalText(value, field, maxLength);
  if (!text) throw new InputError(`${field} is required.`);
  return text;
}

/** A YYYY-MM-DD day from a date input. */
export function inputDay(value: unknown, field: string): Day {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  const day = match ? dayFromYmd(+match[1], +match[2], +match[3]) : NaN;
  // formatIsoDay(day) differs from the input for impossible dates such as 2026-02-30.
  if (!match || formatIsoDay(day) !== String(value).trim()) throw new InputError(`${field} must be a date like 2026-03-01.`);
  return day;
}

export function notInFuture(day: Day, today: Day, field: string): Day {
  if (day > today) throw new InputError(`${field} (${formatLongDay(day)}) is in the future. Log a contact once it has happened.`);
  return day;
}
