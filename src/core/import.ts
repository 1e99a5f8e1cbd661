import type { DateOrderSource } from './dates';
import { parseCadenceDays } from './cadence';
import { Contact, isValidEmail } from './contacts';
import { CsvDelimiter, DELIMITER_NAMES, detectDelimiter, parseCsv } from './csv';
import { Day, formatIsoDay, formatLongDay, parseDay } from './dates';
import { isInvalidValueError } from './errors';
import { findLinkedInHeader, LINKEDIN_FILE_LABELS, LINKEDIN_MAPPED_HEADERS, mapLinkedInRow } from './linkedin';
import { ColumnSpec, CONTACTS, isComputed } from './schema';
import { normaliseName } from './text';
import { isBlank } from './values';

/**
 * Importing contacts from a CSV: LinkedIn's Connections.csv or any CSV whose headers name Contacts columns.
 * Everything here decides on plain data; the server reads the sheet once and writes the result once.
 */
const FULL_NAME = 'fullName';
const TOUCHPOINT_MANAGED = new Set(['snoozedUntil', 'draftCreated', 'draftId', 'letterStatusDate']);

/** The Contacts columns a file may fill, plus "Full name" (split into first and last). */
export const IMPORT_COLUMNS: readonly ColumnSpec[] = [
  ...CONTACTS.columns
    .filter((c) => !isComputed(c) && c.kind !== 'id' && !TOUCHPOINT_MANAGED.has(c.key))
    .map((c) => (c.fileAliases ? { ...c, aliases: [...(c.aliases ?? []), ...c.fileAliases] } : c)),
  { key: FULL_NAME, header: 'Full name (split into first and last)', aliases: ['Name', 'Full name', 'Contact name'], kind: 'text' },
];

/** Degrees and suffixes written after a name: "Jane Doe, MD", "Ravi Patel, MBBS, MPH". */
const CREDENTIAL = /^(md|do|phd|mbbs|mbchb|mbbch|mph|ms|msc|ma|mba|mhs|rn|np|pa|pa-c|dnp|pharmd|facp|frcp|frcpc|facs|faap|facc|jr|sr|ii|iii|iv)\.?$/i;

const DATE_KEYS = new Set(IMPORT_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.key));
/** Dates of things that have happened: a future one is a typo (2099) and would hide the person from reminders. */
const PAST_KEYS = new Set(['metOn', 'lastContact']);
/** Google Sheets refuses a cell of more than 50,000 characters. */
export const MAX_CELL_CHARACTERS = 50_000;

export interface ImportSource {
  format: 'linkedin' | 'csv';
  /** What separates the file's columns, detected from its header line (null: one column). */
  delimiter: CsvDelimiter | null;
  headers: string[];
  /** How the dialog names each column: the file's own names (LinkedIn's "Company", "Position"…). */
  labels: string[];
  /** Data rows with the row number they had in the file (1-based), blank rows left out. */
  rows: { fileRow: number; cells: string[] }[];
  problems: string[];
}

export function readImportSource(text: string): ImportSource {
  const delimiter = detectDelimiter(text);
  const { rows, problems } = parseCsv(text, delimiter);
  const damaged = rows.map((cells, index) => (cells.some((cell) => cell.includes('\uFFFD')) ? index + 1 : 0)).filter(Boolean);
  if (damaged.length) {
    const shown = damaged.slice(0, 5).join(', ') + (damaged.length > 5 ? ', …' : '');
    problems.push(`Row${damaged.length > 1 ? 's' : ''} ${shown} contain${damaged.length > 1 ? '' : 's'} "\uFFFD", a character lost before the file reached Touchpoint (it was saved in another encoding). Check those names, or save the file as "CSV UTF-8" and import it again.`);
  }
  const linkedIn = findLinkedInHeader(rows);
  const headerIndex = linkedIn >= 0 ? linkedIn : rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) return { format: 'csv', delimiter, headers: [], labels: [], rows: [], problems: [...problems, 'The file is empty.'] };
  const width = rows[headerIndex].length;
  const data = rows
    .map((cells, index) => ({ fileRow: index + 1, cells }))
    .slice(headerIndex + 1)
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
    .filter((row) => {
      // More fields than the header: a separator inside a field without quotes. Cutting it short would lose text.
      const extra = row.cells.slice(width).some((cell) => cell.trim() !== '');
      if (extra) {
        problems.push(
          `Row ${row.fileRow} has ${row.cells.length} fields but the header has ${width}, so it was not imported ` +
            `(a ${delimiter ? DELIMITER_NAMES[delimiter].slice(0, -1) : 'separator'} inside a field without quotes?). Quote that field, then import again.`,
        );
      }
      return !extra;
    });
  if (linkedIn >= 0) {
    return {
      format: 'linkedin',
      delimiter,
      headers: [...LINKEDIN_MAPPED_HEADERS],
      labels: [...LINKEDIN_FILE_LABELS],
      rows: data.map((row) => ({ fileRow: row.fileRow, cells: mapLinkedInRow(row.cells, rows[linkedIn]) })),
      problems,
    };
  }
  const headers = rows[headerIndex].map((h) => h.trim());
  return { format: 'csv', delimiter, headers, labels: headers, rows: data, problems };
}

/** For each file column, the Contacts column it fills (by header or alias), or null; each column used once. */
export function defaultMapping(headers: readonly string[]): (string | null)[] {
  const used = new Set<string>();
  return headers.map((header) => {
    const name = normaliseName(header);
    const spec = IMPORT_COLUMNS.find((c) => !used.has(c.key) && [c.header, ...(c.aliases ?? [])].some((h) => normaliseName(h) === name));
    if (!spec) return null;
    used.add(spec.key);
    return spec.key;
  });
}

interface ExistingSheet {
  contacts: readonly Contact[];
  /** The sheet's data rows (from firstRow, default 2) and column indexes, to tell which cells are empty. */
  rows: readonly (readonly unknown[])[];
  firstRow?: number;
  columns: ReadonlyMap<string, number>;
  /** The same rows' formulas, when known: a formula cell is never empty, even when its result is "". */
  formulas?: readonly (readonly string[])[];
  /**
   * Columns holding a formula anywhere (an ARRAYFORMULA spills into cells that read as empty but are not):
   * the user's computed columns, never filled.
   */
  formulaColumns?: readonly number[];
}

export type ImportRecord = Record<string, string>;

export interface ImportPlan {
  added: ImportRecord[];
  present: { name: string; row: number; fills: ImportRecord }[];
  rejected: { fileRow: number; name: string; reason: string }[];
  /** Rows imported with something left out (an unreadable date, when the user chose to import those). */
  warnings: { fileRow: number; name: string; warning: string }[];
}

/**
 * A name as a matching key, for every script: compatibility-normalised, accents and case folded, only letters
 * and digits kept. "Núñez" and "NUNEZ" meet; "Иван Петров" and "李明" keep their letters and stay apart.
 */
export function personKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** First + last name + institution; null when the name has no letters at all (such a key would match anyone). */
function nameKey(first: string, last: string, institution: string): string | null {
  const name = `${personKey(first)}|${personKey(last)}`;
  return /\p{L}/u.test(name) ? `${name}|${personKey(institution)}` : null;
}

/** First and last name equal once folded (institution aside). */
function sameNameKey(contact: Contact, record: ImportRecord): boolean {
  return nameKey(contact.firstName, contact.lastName, '') === nameKey(record.firstName ?? '', record.lastName ?? '', '');
}

/** A LinkedIn profile URL as an identity: scheme, www., query, fragment, trailing slash and case ignored. */
export function profileKey(url: string): string | null {
  const match = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/in\/([^/?#\s]+)/i.exec(url.trim());
  return match ? decodeURIComponent(match[1]).toLowerCase() : null;
}

/** One file row as Contacts values (dates as ISO text), and the reason it cannot be imported, if any. */
function recordOf(
  cells: readonly string[],
  mapping: readonly (string | null)[],
  timeZone: string,
  today: Day,
  blankBadDates: boolean,
  dateOrder: DateOrderSource,
): { record: ImportRecord; reason?: string; warnings: string[] } {
  const warnings: string[] = [];
  const record: ImportRecord = {};
  mapping.forEach((key, index) => {
    const value = (cells[index] ?? '').trim();
    if (key && value && !record[key]) record[key] = value;
  });
  if (record[FULL_NAME]) {
    // "Last, First" (as many directories write names) or "First Middle Last"; "Jane Doe, MD" is not "MD Jane Doe".
    const [name, ...after] = record[FULL_NAME].split(',').map((part) => part.trim());
    const credentials = after.length > 0 && after.every((part) => part.split(/\s+/).every((word) => CREDENTIAL.test(word)));
    const comma = !credentials && after.length === 1 && after[0] ? [after[0], name] : null;
    const parts = comma ?? name.split(/\s+/).filter(Boolean);
    if (!record.firstName && !record.lastName) {
      record.firstName = parts.length > 1 ? parts.slice(0, -1).join(' ') : parts[0];
      if (parts.length > 1) record.lastName = parts[parts.length - 1];
    }
    delete record[FULL_NAME];
  }
  if (!record.firstName && !record.lastName && !record.email) return { record, reason: 'no name and no email', warnings };
  if (record.email && !isValidEmail(record.email)) return { record, reason: `Email: "${record.email}" is not an email address`, warnings };
  for (const key of Object.keys(record)) {
    const header = IMPORT_COLUMNS.find((c) => c.key === key)!.header;
    if (record[key].length > MAX_CELL_CHARACTERS) {
      return { record, reason: `${header}: ${record[key].length.toLocaleString('en-US')} characters, more than a Sheets cell holds (${MAX_CELL_CHARACTERS.toLocaleString('en-US')})`, warnings };
    }
    try {
      if (DATE_KEYS.has(key)) {
        const day = parseDay(record[key], timeZone, dateOrder)!;
        if (PAST_KEYS.has(key) && day > today) return { record, reason: `${header}: ${formatLongDay(day)} is in the future`, warnings };
        record[key] = formatIsoDay(day);
      }
      if (key === 'cadenceDays') record[key] = String(parseCadenceDays(record[key], 'Follow-up every'));
    } catch (error) {
      if (!isInvalidValueError(error)) throw error;
      if (blankBadDates && DATE_KEYS.has(key)) {
        // The person matters more than one unreadable date: imported with that cell blank, and said so.
        warnings.push(`${header} "${record[key]}" is not a date: left blank`);
        delete record[key];
        continue;
      }
      return { record, reason: `${header}: ${error.message}`, warnings };
    }
  }
  return { record, warnings };
}

/**
 * Sorts the file's rows into new contacts, contacts already present (matched by email, else by first and last
 * name and institution, ignoring case and accents) with the empty fields the file could fill, and rejects.
 */
export function planImport(
  source: ImportSource,
  mapping: readonly (string | null)[],
  existing: ExistingSheet,
  timeZone: string,
  today: Day,
  blankBadDates = false,
  dateOrder: DateOrderSource = 'MDY',
): ImportPlan {
  const byProfile = new Map<string, Contact>();
  const byEmail = new Map<string, Contact>();
  const byName = new Map<string, Contact>();
  const first = existing.firstRow ?? 2;
  const profileColumn = existing.columns.get('linkedIn');
  const profileOf = (contact: Contact) => (profileColumn === undefined ? null : profileKey(String(existing.rows[contact.row - first]?.[profileColumn] ?? '')));
  for (const contact of existing.contacts) {
    const profile = profileOf(contact);
    if (profile) byProfile.set(profile, contact);
    if (contact.email) byEmail.set(contact.email.toLowerCase(), contact);
    const key = nameKey(contact.firstName, contact.lastName, contact.institution);
    if (key) byName.set(key, contact);
  }
  const seenProfile = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  const seenName = new Map<string, { fileRow: number; profile: string | null }>();
  const plan: ImportPlan = { added: [], present: [], rejected: [], warnings: [] };
  for (const { fileRow, cells } of source.rows) {
    const { record, reason, warnings } = recordOf(cells, mapping, timeZone, today, blankBadDates, dateOrder);
    const label = [record.firstName, record.lastName].filter(Boolean).join(' ') || record.email || cells.filter(Boolean).slice(0, 2).join(' ').slice(0, 80) || `Row ${fileRow}`;
    if (reason) {
      plan.rejected.push({ fileRow, name: label, reason });
      continue;
    }
    for (const warning of warnings) plan.warnings.push({ fileRow, name: label, warning });
    const profile = profileKey(record.linkedIn ?? '');
    const email = record.email?.toLowerCase() ?? '';
    const key = nameKey(record.firstName ?? '', record.lastName ?? '', record.institution ?? '');
    // The same name is the same person only when their LinkedIn profiles do not say otherwise.
    const byNameMatch = key ? byName.get(key) : undefined;
    const nameMatch = byNameMatch && !(profile && profileOf(byNameMatch) && profileOf(byNameMatch) !== profile) ? byNameMatch : undefined;
    const byEmailMatch = email ? byEmail.get(email) : undefined;
    // The same address under another person's name is a mistake in one of the two, not a match to fill.
    if (byEmailMatch && key && nameKey(byEmailMatch.firstName, byEmailMatch.lastName, '') !== null && !sameNameKey(byEmailMatch, record)) {
      plan.rejected.push({ fileRow, name: label, reason: `has the email of ${byEmailMatch.name} (row ${byEmailMatch.row}), another name: check the email` });
      continue;
    }
    const match = (profile && byProfile.get(profile)) || byEmailMatch || nameMatch;
    if (match) {
      const fills: ImportRecord = {};
      for (const [field, value] of Object.entries(record)) {
        const column = existing.columns.get(field);
        if (column === undefined) continue;
        const isFormula = Boolean(existing.formulas?.[match.row - first]?.[column]) || Boolean(existing.formulaColumns?.includes(column));
        if (!isFormula && isBlank(existing.rows[match.row - first]?.[column])) fills[field] = value;
      }
      plan.present.push({ name: match.name, row: match.row, fills });
      continue;
    }
    const sameName = key ? seenName.get(key) : undefined;
    const earlier = (profile && seenProfile.get(profile)) || (email && seenEmail.get(email)) || (sameName && !(profile && sameName.profile && sameName.profile !== profile) ? sameName.fileRow : undefined);
    if (earlier) {
      plan.rejected.push({ fileRow, name: label, reason: `the same person as row ${earlier} of the file` });
      continue;
    }
    if (profile) seenProfile.set(profile, fileRow);
    if (email) seenEmail.set(email, fileRow);
    if (key) seenName.set(key, { fileRow, profile });
    plan.added.push(record);
  }
  return plan;
}

/**
 * What the file's slashed dates (03/11/2026) say about their order: a first part over 12 proves day first, a second
 * part over 12 month first. With neither proven (or both, in a mixed file) the order is the user's to confirm.
 */
export function slashDates(source: ImportSource, mapping: readonly (string | null)[]): { dayFirst: boolean; monthFirst: boolean; example: string } | null {
  const dateColumns = mapping.flatMap((key, index) => (key && DATE_KEYS.has(key) ? [index] : []));
  let dayFirst = false;
  let monthFirst = false;
  let example = '';
  let ambiguous = '';
  for (const { cells } of source.rows) {
    for (const index of dateColumns) {
      const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((cells[index] ?? '').trim());
      if (!match) continue;
      const [first, second] = [Number(match[1]), Number(match[2])];
      example ||= match[0];
      if (first > 12) dayFirst = true;
      if (second > 12) monthFirst = true;
      if (!ambiguous && first <= 12 && second <= 12 && first !== second) ambiguous = match[0];
    }
  }
  return example ? { dayFirst, monthFirst, example: ambiguous || example } : null;
}

/** The order to read the file's slashed dates in: the user's choice, else what the file proves, else the locale's. */
export function importDateOrder(evidence: ReturnType<typeof slashDates>, chosen: 'DMY' | 'MDY' | undefined, localeOrder: DateOrderSource): 'DMY' | 'MDY' {
  if (chosen) return chosen;
  if (evidence?.dayFirst && !evidence.monthFirst) return 'DMY';
  if (evidence?.monthFirst && !evidence.dayFirst) return 'MDY';
  if (!evidence) return 'MDY'; // no slashed dates to read
  return (typeof localeOrder === 'function' ? localeOrder() : localeOrder) === 'DMY' ? 'DMY' : 'MDY';
}

