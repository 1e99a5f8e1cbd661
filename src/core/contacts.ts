import type { DateOrderSource } from './dates';
import { Day, dayOfInstant, formatIsoDay, parseDay } from './dates';
import { isInvalidValueError } from './errors';
import { COMPUTED_COLUMNS, CONTACTS } from './schema';
import { normaliseName } from './text';
import { isBlank, isDate } from './values';

/** One person on the Contacts sheet, read from a row at one moment. `row` is only valid for that moment. */
export interface Contact {
  id: string;
  row: number;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  role: string;
  institution: string;
  specialty: string;
  relationship: string;
  howWeMet: string;
  interests: string;
  lastContactNotes: string;
  nextStep: string;
  /** The Follow-up every (days) cell as typed (a number, or blank). */
  cadenceDays: unknown;
  letterFor: string;
  letterStatus: string;
  draftId: string;
  metOn: Day | null;
  lastContact: Day | null;
  letterDue: Day | null;
  snoozedUntil: Day | null;
  draftCreated: Day | null;
  letterStatusDate: Day | null;
  /** Every cell of the row by normalised header, for {{placeholders}}. */
  cells: RowCells;
  /** Keys of the date fields whose cell Touchpoint could not read (reported as problems; read as blank). */
  unreadable: string[];
}

/** A row's cells by normalised header, the user's own columns included: a view of the row, not a copy. */
export interface RowCells {
  has(key: string): boolean;
  get(key: string): unknown;
  keys(): Iterable<string>;
}

/** A row seen through the column of each normalised header (the first, when two read alike), found once per read. */
class RowCellsView implements RowCells {
  constructor(
    private readonly columnOf: ReadonlyMap<string, number>,
    private readonly row: readonly unknown[],
  ) {}
  has(key: string): boolean {
    return this.columnOf.has(key);
  }
  get(key: string): unknown {
    const column = this.columnOf.get(key);
    return column === undefined ? undefined : this.row[column];
  }
  keys(): Iterable<string> {
    return this.columnOf.keys();
  }
}

function columnsByName(headers: readonly string[]): Map<string, number> {
  const columnOf = new Map<string, number>();
  headers.forEach((header, column) => {
    const key = normaliseName(header);
    if (key && !columnOf.has(key)) columnOf.set(key, column);
  });
  return columnOf;
}

/** Shared by every contact whose dates all read: most of them. */
const NONE_UNREADABLE = Object.freeze([]) as unknown as string[];

/** The fields of a contact Touchpoint writes: a change to a row, by field (mapped to its column by header when written). */
export type ContactPatch = Partial<Omit<Contact, 'row' | 'name' | 'cells' | 'unreadable'>>;

/** A line of the Interactions log. */
export interface InteractionLine {
  date: Day;
  contactId: string;
  name: string;
  channel?: string;
  summary: string;
  nextStep?: string;
  /** Where a synced line came from ("gmail:<id>", "calendar:<id>"), so it is never logged twice. */
  sourceId?: string;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export function describeProblem(problem: RowProblem): string {
  return `Row ${problem.row}, ${problem.column}: ${problem.message}`;
}

const TEXT_KEYS = [
  'firstName', 'lastName', 'email', 'role', 'institution', 'specialty', 'relationship', 'howWeMet', 'interests',
  'lastContactNotes', 'nextStep', 'letterFor', 'letterStatus', 'draftId', 'id',
] as const;
const DATE_KEYS = ['metOn', 'lastContact', 'letterDue', 'snoozedUntil', 'draftCreated', 'letterStatusDate'] as const;
const COMPUTED = new Set(COMPUTED_COLUMNS.map((c) => c.key));

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[A-Za-z]{2,}$/;

export function isValidEmail(email: string): boolean {
  return EMAIL.test(email.trim());
}

/** A cell as text; a date typed into a text column (Sheets made it a date) reads as 2026-12-15, not Date's toString. */
function text(value: unknown, timeZone: string): string {
  if (typeof value === 'string') return value.trim(); // most cells: no further checks
  if (isBlank(value)) return '';
  if (isDate(value)) return isNaN(value.getTime()) ? '' : formatIsoDay(dayOfInstant(value, timeZone));
  return String(value).trim();
}

/** An unchecked checkbox is FALSE in getValues: it is the empty state of that cell, not something typed. */
function isEmptyCell(value: unknown): boolean {
  return isBlank(value) || value === false;
}

/**
 * True when a row holds anything the user typed (computed columns and unchecked boxes do not count): appends go
 * below the last such row.
 */
const computedColumnsOf = new WeakMap<ReadonlyMap<string, number>, Set<number | undefined>>();

export function rowHasData(row: readonly unknown[], columns: ReadonlyMap<string, number>): boolean {
  let computed = computedColumnsOf.get(columns);
  if (!computed) computedColumnsOf.set(columns, (computed = new Set([...COMPUTED].map((key) => columns.get(key)))));
  return row.some((value, index) => !computed!.has(index) && !isEmptyCell(value));
}

const IDENTITY_KEYS = ['firstName', 'lastName', 'email'] as const;

/**
 * What a contact is: a row with a name or an email. Checkboxes, spilled blanks, formulas returning "" and a stray
 * note in some other column do not make one.
 */
export function isContactRow(row: readonly unknown[], columns: ReadonlyMap<string, number>): boolean {
  return IDENTITY_KEYS.some((key) => columns.has(key) && !isEmptyCell(row[columns.get(key)!]));
}

/**
 * Reads data rows (sheet row `firstRow` onward) into contacts. A bad date is reported by row and column and read
 * as blank; the contact is still listed. Rows that are not contacts (no name, no email) are skipped.
 */
export function readContacts(
  rows: readonly (readonly unknown[])[],
  headers: readonly string[],
  columns: ReadonlyMap<string, number>,
  timeZone: string,
  firstRow = 2,
  dateOrder: DateOrderSource = 'MDY',
  /** Parse only the rows this accepts (the rest are skipped, their problems unreported). */
  include?: (row: readonly unknown[]) => boolean,
): { contacts: Contact[]; problems: RowProblem[] } {
  const contacts: Contact[] = [];
  const problems: RowProblem[] = [];
  const headerOf = (key: string) => headers[columns.get(key)!] ?? CONTACTS.columns.find((c) => c.key === key)!.header;
  const firstRowOfId = new Map<string, number>();
  const columnOf = columnsByName(headers);
  const textAt = (row: readonly unknown[], at: number | undefined) => (at === undefined ? '' : text(row[at], timeZone));
  const at = Object.fromEntries([...TEXT_KEYS, ...DATE_KEYS, 'cadenceDays'].map((key) => [key, columns.get(key)])) as Record<string, number | undefined>;
  let unreadable = NONE_UNREADABLE;
  const dayAt = (row: readonly unknown[], sheetRow: number, key: (typeof DATE_KEYS)[number]): Day | null => {
    const where = at[key];
    if (where === undefined) return null;
    try {
      return parseDay(row[where], timeZone, dateOrder);
    } catch (error) {
      if (!isInvalidValueError(error)) throw error;
      problems.push({ row: sheetRow, column: headerOf(key), message: error.message });
      if (unreadable === NONE_UNREADABLE) unreadable = [];
      unreadable.push(key);
      return null;
    }
  };
  rows.forEach((row, index) => {
    if (!isContactRow(row, columns) || (include && !include(row))) return;
    const sheetRow = firstRow + index;
    unreadable = NONE_UNREADABLE;
    // One object literal with every field: contacts share one shape, which keeps reading 10,000 rows fast.
    const contact: Contact = {
      id: textAt(row, at.id), row: sheetRow, firstName: textAt(row, at.firstName), lastName: textAt(row, at.lastName), name: '',
      email: textAt(row, at.email), role: textAt(row, at.role), institution: textAt(row, at.institution),
      specialty: textAt(row, at.specialty), relationship: textAt(row, at.relationship), howWeMet: textAt(row, at.howWeMet),
      interests: textAt(row, at.interests), lastContactNotes: textAt(row, at.lastContactNotes), nextStep: textAt(row, at.nextStep),
      cadenceDays: at.cadenceDays === undefined ? '' : row[at.cadenceDays], letterFor: textAt(row, at.letterFor),
      letterStatus: textAt(row, at.letterStatus), draftId: textAt(row, at.draftId),
      metOn: dayAt(row, sheetRow, 'metOn'), lastContact: dayAt(row, sheetRow, 'lastContact'), letterDue: dayAt(row, sheetRow, 'letterDue'),
      snoozedUntil: dayAt(row, sheetRow, 'snoozedUntil'), draftCreated: dayAt(row, sheetRow, 'draftCreated'),
      letterStatusDate: dayAt(row, sheetRow, 'letterStatusDate'), cells: new RowCellsView(columnOf, row), unreadable: NONE_UNREADABLE,
    };
    contact.unreadable = unreadable;
    const { firstName, lastName } = contact;
    contact.name = (firstName && lastName ? `${firstName} ${lastName}` : firstName || lastName) || contact.email || `Row ${sheetRow}`;
    if (contact.email && !isValidEmail(contact.email)) {
      problems.push({ row: sheetRow, column: headerOf('email'), message: `"${contact.email}" is not an email address` });
    }
    if (contact.id && firstRowOfId.has(contact.id)) {
      problems.push({ row: sheetRow, column: headerOf('id'), message: `the same Contact ID as row ${firstRowOfId.get(contact.id)}: clear it and reopen the sidebar to get a new one` });
    } else if (contact.id) {
      firstRowOfId.set(contact.id, sheetRow);
    }
    contacts.push(contact);
  });
  return { contacts, problems };
}

/** A short fingerprint of who a row is: its name and email (FNV-1a, base 36). */
function fingerprintOf(contact: Pick<Contact, 'email' | 'name'>): string {
  const text = `${contact.name}|${contact.email}`.trim().toLowerCase();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/**
 * How the sidebar names a contact in an action: its Contact ID and a fingerprint of who it was when the sidebar
 * loaded. If the sheet changed meanwhile so that the id now sits on another person (a row copied above its
 * original, say), the action is refused instead of landing on them.
 */
export function contactHandle(contact: Pick<Contact, 'id' | 'email' | 'name'>): string {
  return `${contact.id}~${fingerprintOf(contact)}`;
}

/** The row of a contact now (by id, or by a handle from the sidebar), or a message saying why it cannot be acted on. A blank id never matches. */
export function locateContact(contacts: readonly Contact[], handle: string): Contact {
  const [wanted, fingerprint] = handle.trim().split('~');
  if (!wanted) throw new ContactNotFoundError('That row has no Contact ID yet. Reload the sidebar (it gives new rows their ids), then try again.');
  const matches = contacts.filter((c) => c.id === wanted);
  if (matches.length === 0) {
    throw new ContactNotFoundError(`That contact is no longer on the Contacts sheet (id ${wanted}). It may have been deleted; reload the sidebar.`);
  }
  if (matches.length > 1) {
    throw new ContactNotFoundError(
      `Rows ${matches.map((c) => c.row).join(' and ')} share the Contact ID ${wanted}. Reload the sidebar: it gives the later copy its own id.`,
    );
  }
  const contact = matches[0];
  if (fingerprint && fingerprint !== fingerprintOf(contact)) {
    throw new ContactNotFoundError(
      `Row ${contact.row} now holds ${contact.name}${contact.email ? ` (${contact.email})` : ''}, not the person on this card: the sheet changed since the sidebar loaded. Reload the sidebar, then try again. Nothing was changed.`,
    );
  }
  return contact;
}

class ContactNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContactNotFoundError';
  }
}

/**
 * The one escaping rule for text Touchpoint writes: anything Sheets might read as something else goes in with an
 * apostrophe, which keeps it text and does not show. That is a leading =, +, - or @ (a formula), and any digit
 * ("007", "1,000", "50%", "Mar 15", "10:30" would become numbers, dates or times), and TRUE/FALSE (booleans).
 */
export function asStoredText(value: string): string {
  return /^[=+\-@']|\d|^\s*(true|false)\s*$/i.test(value) ? `'${value}` : value;
}
