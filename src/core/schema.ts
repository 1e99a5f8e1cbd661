import { RELATIONSHIPS } from './cadence';
import { normaliseName } from './text';

/**
 * The sheets Touchpoint keeps, described as data. Code finds a column by its key through the header text
 * (or an alias people commonly use), never by position: users reorder, rename and add columns.
 */
type ColumnKind = 'text' | 'email' | 'date' | 'days' | 'list' | 'id' | 'computed';

export interface ColumnSpec {
  key: string;
  header: string;
  aliases?: readonly string[];
  kind: ColumnKind;
  /**
   * Headers recognised only in an imported file. Touchpoint overwrites these columns when you log a contact, so
   * on the sheet it adds its own rather than adopting a column of yours (your "Notes" stays yours).
   */
  fileAliases?: readonly string[];
  /** Dropdown values for a 'list' column. */
  options?: readonly string[];
  /** Shown as the header's note. */
  help?: string;
  /** How a computed column's values are shown. */
  shows?: 'date' | 'number';
}

export interface TableSpec {
  sheetName: string;
  sheetAliases?: readonly string[];
  columns: readonly ColumnSpec[];
}

export const ROLES = [
  'Attending', 'Fellow', 'Chief resident', 'Senior resident', 'Resident', 'Co-resident', 'Program director',
  'Associate program director', 'Program coordinator', 'Researcher', 'Nurse / pharmacist / case manager',
  'Alumni', 'Other',
] as const;

export const HOW_WE_MET = [
  'Rotation', 'Conference', 'Clinic', 'Committee', 'Online / LinkedIn', 'Alumni event', 'Introduction',
  'Orientation', 'Other',
] as const;

export const CHANNELS = ['Email', 'In person', 'Meeting', 'Call', 'Conference', 'Social media'] as const;

export const LETTER_STATUSES = ['To ask', 'Asked', 'Agreed', 'Submitted', 'Declined'] as const;

export const CONTACTS: TableSpec = {
  sheetName: 'Contacts',
  sheetAliases: ['Contact list', 'Network', 'My network'],
  columns: [
    { key: 'firstName', header: 'First name', aliases: ['First', 'Given name', 'Firstname'], kind: 'text' },
    { key: 'lastName', header: 'Last name', aliases: ['Last', 'Surname', 'Family name', 'Lastname'], kind: 'text' },
    { key: 'email', header: 'Email', aliases: ['E-mail', 'Email address', 'E-mail address', 'Mail'], kind: 'email' },
    { key: 'role', header: 'Role', aliases: ['Title', 'Position'], kind: 'list', options: ROLES },
    {
      key: 'institution',
      header: 'Institution',
      aliases: ['Organization', 'Organisation', 'Company', 'Hospital', 'Affiliation', 'Employer'],
      kind: 'text',
    },
    {
      key: 'specialty',
      header: 'Specialty',
      aliases: ['Speciality', 'Specialty / interest area', 'Interest area', 'Field', 'Department'],
      kind: 'text',
    },
    {
      key: 'relationship',
      header: 'Relationship',
      aliases: ['Relationship type', 'Relation', 'Type'],
      kind: 'list',
      options: RELATIONSHIPS,
      help: 'What this person is to you. Sets the follow-up cadence (see Settings) unless "Follow-up every (days)" is filled.',
    },
    { key: 'howWeMet', header: 'How we met', aliases: ['Met via', 'Met at', 'Source'], kind: 'list', options: HOW_WE_MET },
    { key: 'metOn', header: 'Met on', aliases: ['Met', 'Date met', 'Met date', 'First met', 'Connected on'], kind: 'date' },
    { key: 'interests', header: 'Interests', aliases: ['Topics', 'Interests / topics'], kind: 'text' },
    {
      key: 'lastContact',
      header: 'Last contact',
      aliases: ['Last contacted', 'Last contact date', 'Date of last contact', 'Last touch', 'Last contacted on'],
      kind: 'date',
    },
    {
      key: 'lastContactNotes',
      header: 'Last contact notes',
      fileAliases: ['Notes', 'Last notes', 'Content of last contact', 'What we discussed'],
      kind: 'text',
    },
    { key: 'nextStep', header: 'Next step', fileAliases: ['Next steps', 'Next action', 'To do'], kind: 'text' },
    {
      key: 'cadenceDays',
      header: 'Follow-up every (days)',
      aliases: ['Follow-up every', 'Follow up every (days)', 'Cadence', 'Cadence (days)', 'Frequency (days)'],
      kind: 'days',
      help: 'Leave blank to use the cadence of the Relationship (Settings). A number here overrides it for this person.',
    },
    {
      key: 'letterFor',
      header: 'Letter for',
      aliases: ['Letter needed for', 'Letter purpose'],
      kind: 'text',
      help: 'What the letter is for, as it fits "I am applying for …": "the Lakeview cardiology fellowship". Used by {{Letter for}}.',
    },
    { key: 'letterDue', header: 'Letter due', aliases: ['Letter due date', 'LOR due'], kind: 'date' },
    { key: 'letterStatus', header: 'Letter status', aliases: ['LOR status'], kind: 'list', options: LETTER_STATUSES },
    {
      key: 'daysSinceContact',
      header: 'Days since contact',
      kind: 'computed',
      shows: 'number',
      help: 'Computed by Touchpoint from Last contact and Settings ▸ As of. Do not type in this column.',
    },
    {
      key: 'nextFollowUp',
      header: 'Next follow-up',
      aliases: ['Next follow-up date', 'Next follow up'],
      kind: 'computed',
      shows: 'date',
      help: 'Computed: Last contact + cadence, or Met on + first follow-up when there is no contact yet.',
    },
    {
      key: 'status',
      header: 'Status',
      aliases: ['Follow-up status'],
      kind: 'computed',
      help: 'Computed: Overdue, Due soon, On track or No contact yet, as of Settings ▸ As of.',
    },
    {
      key: 'letterAskBy',
      header: 'Ask by',
      aliases: ['Letter ask by', 'Ask for letter by'],
      kind: 'computed',
      shows: 'date',
      help: 'Computed: the day to ask for the letter (Letter due minus the weeks set in Settings).',
    },
    {
      key: 'snoozedUntil',
      header: 'Snoozed until',
      aliases: ['Snooze until', 'Snoozed'],
      kind: 'date',
      help: 'Set by Snooze in the sidebar: no reminder before this date. The next logged contact clears it.',
    },
    {
      key: 'draftCreated',
      header: 'Draft created',
      kind: 'date',
      help: 'When Touchpoint last made a Gmail draft for this person.',
    },
    {
      key: 'draftId',
      header: 'Draft ID',
      kind: 'text',
      help: 'The Gmail draft Touchpoint made, so it never makes a second one for the same follow-up.',
    },
    {
      key: 'letterStatusDate',
      header: 'Letter status date',
      aliases: ['Letter status changed', 'Letter asked on'],
      kind: 'date',
      help: 'When the Letter status last changed (set by the sidebar). Used to remind you of letters asked but not answered.',
    },
    {
      key: 'event',
      header: 'Event',
      aliases: ['Event name', 'Met at event'],
      kind: 'text',
      help: 'The conference or meeting where you met, or the one you will both attend, as you would name it in an email: "the ACP Internal Medicine Meeting 2026". Used by {{Event}}.',
    },
    {
      key: 'topic',
      header: 'Topic',
      aliases: ['Topic discussed', 'Topics discussed', 'What we talked about'],
      kind: 'text',
      help: 'What you talked about, or their work you follow, as a few words that fit "our conversation on …": "heart failure readmissions". Used by {{Topic}}.',
    },
    {
      key: 'linkedIn',
      header: 'LinkedIn',
      aliases: ['LinkedIn URL', 'LinkedIn profile', 'URL', 'Profile URL'],
      kind: 'text',
    },
    {
      key: 'id',
      header: 'Contact ID',
      // Not "ID": Touchpoint writes this column, so a column of yours called ID (student numbers…) is never taken.
      aliases: ['Touchpoint ID'],
      kind: 'id',
      help: 'Touchpoint\'s stable id for this person. Do not edit: it keeps actions on the right row after sorting.',
    },
  ],
};

export const INTERACTIONS: TableSpec = {
  // Touchpoint appends to this sheet, so it never adopts a sheet of yours by a generic name ("Log") or a column
  // of yours by a generic header ("ID", "Notes").
  sheetName: 'Interactions',
  sheetAliases: ['Interaction log'],
  columns: [
    { key: 'date', header: 'Date', kind: 'date' },
    { key: 'contactId', header: 'Contact ID', aliases: ['Touchpoint ID'], kind: 'id' },
    { key: 'name', header: 'Name', aliases: ['Person', 'Contact'], kind: 'text' },
    { key: 'channel', header: 'Channel', kind: 'list', options: CHANNELS },
    { key: 'summary', header: 'Summary', aliases: ['What we discussed'], kind: 'text' },
    { key: 'nextStep', header: 'Next step', aliases: ['Next steps'], kind: 'text' },
    {
      key: 'sourceId',
      header: 'Synced from',
      kind: 'text',
      help: 'For a row sync added: the Gmail message or Calendar event it came from, so it is never logged twice.',
    },
  ],
};

export const TEMPLATES: TableSpec = {
  sheetName: 'Templates',
  sheetAliases: ['Email templates'],
  columns: [
    { key: 'name', header: 'Name', aliases: ['Template'], kind: 'text' },
    { key: 'whenToUse', header: 'When to use', aliases: ['When'], kind: 'text' },
    { key: 'subject', header: 'Subject', kind: 'text' },
    { key: 'body', header: 'Body', kind: 'text' },
  ],
};

/** A column Touchpoint computes with a formula in its header: never written, never counted as data. */
export function isComputed(spec: ColumnSpec): boolean {
  return spec.kind === 'computed';
}

export const COMPUTED_COLUMNS: readonly ColumnSpec[] = CONTACTS.columns.filter(isComputed);

/** The number format a column's cells get when setup creates it (Sheets' pattern letters), or null. */
export function numberFormatOf(spec: ColumnSpec): string | null {
  if (spec.kind === 'date' || spec.shows === 'date') return DATE_FORMAT;
  if (spec.kind === 'days' || spec.shows === 'number') return '0';
  if (isComputed(spec)) return null;
  return PLAIN_TEXT_FORMAT; // "007", "TRUE", "Mar 15" typed into a text column stay as typed
}

const PLAIN_TEXT_FORMAT = '@';

export const DATE_FORMAT = 'mmm d, yyyy';

export interface HeaderMap {
  /** Column key → 0-based column index. */
  readonly index: ReadonlyMap<string, number>;
  /** Specs with no matching header, in schema order. */
  readonly missing: readonly ColumnSpec[];
}

/** Matches a header row to a table's columns; the first column carrying a header or alias wins. */
export function mapHeaders(headers: readonly unknown[], table: TableSpec): HeaderMap {
  const positions = new Map<string, number>();
  headers.forEach((header, column) => {
    const key = normaliseName(String(header ?? ''));
    if (key && !positions.has(key)) positions.set(key, column);
  });
  const index = new Map<string, number>();
  const missing: ColumnSpec[] = [];
  for (const spec of table.columns) {
    const names = [spec.header, ...(spec.aliases ?? [])].map(normaliseName);
    const found = names.map((name) => positions.get(name)).find((column) => column !== undefined);
    if (found === undefined) missing.push(spec);
    else index.set(spec.key, found);
  }
  return { index, missing };
}

/** How many of the top rows may hold the header: a title row or two above it is common. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The 0-based index of the header row among a sheet's top rows: the first that names at least two of the
 * table's columns (by header or alias), with nothing but titles above it (one filled cell a row at most), or
 * null. A header found below rows of data has been sorted into the data, and is not taken as the header.
 */
export function findHeaderRow(topRows: readonly (readonly unknown[])[], table: TableSpec): number | null {
  const known = new Set(table.columns.flatMap((spec) => [spec.header, ...(spec.aliases ?? [])]).map(normaliseName));
  const top = topRows.slice(0, HEADER_SEARCH_ROWS);
  const index = top.findIndex((row) => new Set(row.map((cell) => normaliseName(String(cell ?? ''))).filter((key) => known.has(key))).size >= 2);
  const filled = (row: readonly unknown[]) => row.filter((cell) => cell !== '' && cell !== null && cell !== undefined && cell !== false).length;
  return index < 0 || top.slice(0, index).some((row) => filled(row) > 1) ? null : index;
}

/** A header cell written as ={"Status"; ...} carries its header in the formula too, even while it errors. */
export function headerOfFormula(formula: string): string | null {
  const match = /^=\s*\{\s*"((?:[^"]|"")*)"\s*;/.exec(formula);
  return match ? match[1].replace(/""/g, '"') : null;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
