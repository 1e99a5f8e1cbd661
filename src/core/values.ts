/** Helpers for the plain values that come out of a sheet: string, number, boolean, Date or ''. */

/** True for a Date from any realm (Apps Script hands us Dates; tests may hand them across vm contexts). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** How a value reads in a message: quoted text, plain numbers, ISO for dates. */
export function describeValue(value: unknown): string {
  if (isDate(value)) return isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  return String(value);
}
