/** Property-based tests (fast-check) for the core: dates across time zones, templates over any text, CSV round trips. */
import fc from 'fast-check';
import { dayFromYmd, dayOfInstant, formatIsoDay, parseDay, startOfDay, ymdOfDay } from '../../src/core/dates';
import { daysSinceContact } from '../../src/core/formulas';
import { readContacts } from '../../src/core/contacts';
import { CONTACTS, mapHeaders } from '../../src/core/schema';
import { checkTemplate, knownPlaceholderNames, placeholdersIn, renderTemplate, TemplateError } from '../../src/core/templates';
import { formatCsv, parseCsv } from '../../src/core/csv';

// Zones with DST both ways, half- and quarter-hour offsets, and a DST switch at midnight (Santiago).
const ZONES = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Europe/London'];
const zone = fc.constantFrom(...ZONES);
const day = fc.integer({ min: dayFromYmd(1950, 1, 1), max: dayFromYmd(2100, 12, 31) });

function wallDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

describe('dates', () => {
  test('ISO text and Sheets serial numbers read back as the same calendar day', () => {
    fc.assert(fc.property(day, zone, (d, tz) => parseDay(formatIsoDay(d), tz) === d && parseDay(d + 25_569, tz) === d));
  });

  test('a day starts at an instant that falls on that day, and the instant before belongs to the day before', () => {
    fc.assert(
      fc.property(day, zone, (d, tz) => {
        const start = startOfDay(d, tz);
        return wallDate(start, tz) === formatIsoDay(d) && wallDate(new Date(start.getTime() - 1), tz) === formatIsoDay(d - 1);
      }),
      { numRuns: 300 },
    );
  });

  test('days between two dates are exact in every zone, whatever DST does in between', () => {
    fc.assert(
      fc.property(day, day, zone, (a, b, tz) => {
        const context = { timeZone: tz, now: new Date() };
        return daysSinceContact(context, startOfDay(a, tz), startOfDay(b, tz)) === b - a;
      }),
      { numRuns: 300 },
    );
  });

  test('any instant falls on the day Intl says it does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), zone, (ms, tz) => formatIsoDay(dayOfInstant(new Date(ms), tz)) === wallDate(new Date(ms), tz)),
      { numRuns: 500 },
    );
  });

  test('text that is not a date is rejected with a message, never misread or thrown at otherwise', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          const result = parseDay(text, 'UTC');
          return result === null ? text.trim() === '' : Number.isInteger(result) && ymdOfDay(result).year >= 1900;
        } catch (error) {
          return (error as Error).name === 'InvalidValueError' && (error as Error).message.includes('not a date');
        }
      }),
    );
  });
});

describe('templates', () => {
  const headers = CONTACTS.columns.map((c) => c.header);
  const columns = new Map(mapHeaders(headers, CONTACTS).index);
  const known = knownPlaceholderNames(headers);
  const names = ['First name', 'Last name', 'Institution', 'Interests', 'My name', 'My position', 'Today', 'Letter for'];
  const braceFree = fc.string().map((s) => s.replace(/[{}|]/g, ''));

  function contactWith(values: Record<string, string>) {
    const row = headers.map((h) => (h === 'Contact ID' ? 'c-test' : h === 'Email' ? 'someone@example.org' : values[h] ?? ''));
    return readContacts([row], headers, columns, 'UTC').contacts[0];
  }

  test('rendering any text never throws; checking it throws only a TemplateError', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (subject, body, value) => {
        const contact = contactWith({ 'First name': value || 'x', Interests: value });
        renderTemplate({ name: 'T', whenToUse: '', subject, body }, { contact, profile: { myName: value, myPosition: '', myInstitution: '', mySpecialty: '' }, today: 20_000, timeZone: 'UTC' });
        try {
          checkTemplate({ name: 'T', whenToUse: '', subject, body }, known);
        } catch (error) {
          return error instanceof TemplateError;
        }
        return true;
      }),
    );
  });

  test('every placeholder is filled, falls back, or is reported; none is left in the text', () => {
    const piece = fc.oneof(
      braceFree,
      fc.record({ name: fc.constantFrom(...names), fallback: fc.option(braceFree, { nil: undefined }) }).map((p) => p),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.dictionary(fc.constantFrom('First name', 'Last name', 'Institution', 'Interests', 'Letter for'), braceFree), braceFree, (pieces, values, myName) => {
        const body = pieces.map((p) => (typeof p === 'string' ? p : `{{${p.name}${p.fallback === undefined ? '' : `|${p.fallback}`}}}`)).join('');
        const contact = contactWith(values);
        const profile = { myName, myPosition: '', myInstitution: '', mySpecialty: '' };
        const rendered = renderTemplate({ name: 'T', whenToUse: '', subject: '', body }, { contact, profile, today: 20_000, timeZone: 'UTC' });
        const reported = new Set([...rendered.missing, ...rendered.missingProfile]);
        const expected = new Set(
          pieces
            .filter((p): p is { name: string; fallback: string | undefined } => typeof p !== 'string' && p.fallback === undefined)
            .filter((p) => {
              const value = p.name === 'My name' ? myName : p.name === 'My position' ? '' : p.name === 'Today' ? 'x' : (values[p.name] ?? '');
              return value.trim() === '';
            })
            .map((p) => (p.name.startsWith('My ') ? `{{${p.name}}}` : p.name)),
        );
        return placeholdersIn(rendered.body).length === 0 && [...reported].sort().join() === [...expected].sort().join();
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV', () => {
  const tricky = fc.constantFrom(',', '"', '\n', '\r', '\r\n', ' ', '""', 'é', '😀', '\ufeff');
  const field = fc.array(fc.oneof(fc.string(), tricky), { maxLength: 5 }).map((parts) => parts.join(''));
  const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

  test('parse(format(rows)) gives the rows back', () => {
    fc.assert(fc.property(rows, (r) => JSON.stringify(parseCsv(formatCsv(r)).rows) === JSON.stringify(r)), { numRuns: 500 });
  });

  test('with a byte-order mark in front, the same rows; parsing never throws', () => {
    fc.assert(fc.property(rows, (r) => JSON.stringify(parseCsv(`\ufeff${formatCsv(r)}`).rows) === JSON.stringify(r)));
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(parseCsv(text).rows)));
  });
});
