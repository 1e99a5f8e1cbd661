import { DEFAULT_GREETINGS, GREETING_COLUMN, GREETING_HEADER, GreetingTable, parseGreetingTable } from './greetings';
import { CadenceTable, DEFAULT_CADENCES, parseCadenceTable } from './cadence';
import { normaliseName } from './text';
import { isBlank } from './values';

/**
 * The Settings sheet: a Setting | Value | About table in columns A:C and the cadence table in E:G.
 * Formulas read settings through named ranges, so a moved row keeps working.
 */
export const SETTINGS_SHEET = 'Settings';

/** The defaults of the two numeric settings, also used by the custom functions when no value is given. */
export const DEFAULT_DUE_SOON_DAYS = 7;
export const DEFAULT_LETTER_WEEKS = 8;

export const NAMED_RANGES = {
  asOf: 'TouchpointAsOf',
  dueSoonDays: 'TouchpointDueSoonDays',
  letterWeeks: 'TouchpointLetterWeeks',
  cadences: 'TouchpointCadences',
} as const;

export interface SettingSpec {
  key: string;
  label: string;
  about: string;
  initial: string | number;
  kind: 'date' | 'number' | 'text' | 'choice';
  namedRange?: string;
  /** For a number: the whole numbers allowed. */
  range?: readonly [number, number];
  /** For a choice: the values offered (a dropdown). */
  options?: readonly string[];
  /** Only in an install with this optional feature (the others never see a setting that does nothing). */
  feature?: 'sync' | 'digest';
}

export const WEEKDAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'] as const;
const DIGEST_CHOICES = ['Off', 'Daily', ...WEEKDAYS] as const;
/** The defaults of sync: off; when on, a year back, subjects kept. */
const DEFAULT_SYNC_MONTHS = 12;

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'asOf',
    label: 'As of',
    about: 'Today\'s date for the formulas. Touchpoint refreshes it when the file opens and once a day.',
    initial: '',
    kind: 'date',
    namedRange: NAMED_RANGES.asOf,
  },
  {
    key: 'dueSoonDays',
    label: 'Due soon window (days)',
    about: 'A follow-up due within this many days shows as Due soon.',
    initial: DEFAULT_DUE_SOON_DAYS,
    kind: 'number',
    range: [0, 365],
    namedRange: NAMED_RANGES.dueSoonDays,
  },
  {
    key: 'letterWeeks',
    label: 'Ask for letters (weeks before due)',
    about: 'Ask for a letter of recommendation this many weeks before it is due (the guides say 6 to 8).',
    initial: DEFAULT_LETTER_WEEKS,
    kind: 'number',
    range: [1, 52],
    namedRange: NAMED_RANGES.letterWeeks,
  },
  { key: 'myName', label: 'My name', about: 'Signs your emails: {{My name}}.', initial: '', kind: 'text' },
  {
    key: 'myPosition',
    label: 'My position',
    about: 'Your training position, e.g. "a PGY-1 preliminary medicine intern": {{My position}}.',
    initial: '',
    kind: 'text',
  },
  { key: 'myInstitution', label: 'My institution', about: 'Where you train: {{My institution}}.', initial: '', kind: 'text' },
  { key: 'mySpecialty', label: 'My specialty', about: 'The specialty you are aiming for: {{My specialty}}.', initial: '', kind: 'text' },
  {
    key: 'sync',
    feature: 'sync',
    label: 'Sync last contact',
    about: 'On: each night Touchpoint reads the dates of your emails and meetings with your contacts (never their text) and moves Last contact forward. Needs the sync install: Touchpoint ▸ Help ▸ Check installation says whether this copy has it.',
    initial: 'Off',
    kind: 'choice',
    options: ['Off', 'On'],
  },
  {
    key: 'syncMonths',
    feature: 'sync',
    label: 'Sync looks back (months)',
    about: 'How far back the first sync looks for your last email or meeting with each contact.',
    initial: DEFAULT_SYNC_MONTHS,
    kind: 'number',
    range: [1, 36],
  },
  {
    key: 'syncSubjects',
    feature: 'sync',
    label: 'Sync keeps subjects',
    about: 'On: a synced email or meeting is logged with its subject or title. Off: just "Email" or "Meeting".',
    initial: 'On',
    kind: 'choice',
    options: ['On', 'Off'],
  },
  {
    key: 'digest',
    feature: 'digest',
    label: 'Reminder email',
    about: 'An email to you alone listing who is overdue, due this week and letters to ask for (none when nothing is due). Needs the reminder install: Touchpoint ▸ Help ▸ Check installation says whether this copy has it.',
    initial: 'Off',
    kind: 'choice',
    options: DIGEST_CHOICES,
  },
];

export const SETTINGS_HEADER = ['Setting', 'Value', 'About'] as const;
export const CADENCE_HEADER = ['Relationship', 'First follow-up (days after meeting)', 'Then every (days)'] as const;
/** Column (0-based) where the cadence table starts: E. */
export const CADENCE_COLUMN = 4;

export function defaultCadenceRows(): (string | number)[][] {
  return DEFAULT_CADENCES.map((c) => [c.relationship, c.firstFollowUpDays ?? '', c.everyDays]);
}

interface SettingsUpgrade {
  /** Setting rows to append below the last used row of A:C. */
  missingSettings: SettingSpec[];
  /** Cadence rows to append below the last used row of E:G. */
  missingCadences: (string | number)[][];
  /** Greeting rows (role, greeting) to append to the greeting table, or the whole table with its header. */
  missingGreetings: string[][];
  hasGreetingTable: boolean;
}

/** Where the two tables of the Settings sheet are: found by their headers, so a column inserted before them is no trouble. */
export interface SettingsLayout {
  /** 0-based column of the setting labels; the values are in the next column. */
  settingColumn: number;
  /** 0-based column of the cadence table's Relationship. */
  cadenceColumn: number;
  /** 0-based column of the greeting table's Role. */
  greetingColumn: number;
}

export function settingsLayout(values: readonly (readonly unknown[])[]): SettingsLayout {
  const header = (values[0] ?? []).map((cell) => normaliseName(String(cell ?? '')));
  const settingColumn = header.indexOf(normaliseName(SETTINGS_HEADER[0]));
  const cadenceColumn = header.indexOf(normaliseName(CADENCE_HEADER[0]));
  const greetingColumn = header.indexOf(normaliseName(GREETING_HEADER[0]));
  return {
    settingColumn: settingColumn < 0 ? 0 : settingColumn,
    cadenceColumn: cadenceColumn < 0 ? CADENCE_COLUMN : cadenceColumn,
    greetingColumn: greetingColumn < 0 ? GREETING_COLUMN : greetingColumn,
  };
}

/** What an existing Settings sheet lacks, read from its values; never a change to what is there. */
/** The settings of an install with these optional features. */
export function settingsFor(features: readonly string[]): SettingSpec[] {
  return SETTINGS.filter((spec) => !spec.feature || features.includes(spec.feature));
}

export function planSettingsUpgrade(values: readonly (readonly unknown[])[], specs: readonly SettingSpec[] = SETTINGS): SettingsUpgrade {
  const { settingColumn, cadenceColumn, greetingColumn } = settingsLayout(values);
  const labels = new Set(values.slice(1).map((row) => normaliseName(String(row[settingColumn] ?? ''))));
  const relationships = new Set(values.slice(1).map((row) => normaliseName(String(row[cadenceColumn] ?? ''))));
  const hasGreetingTable = normaliseName(String(values[0]?.[greetingColumn] ?? '')) === normaliseName(GREETING_HEADER[0]);
  const roles = new Set(hasGreetingTable ? values.slice(1).map((row) => normaliseName(String(row[greetingColumn] ?? ''))) : []);
  return {
    missingSettings: specs.filter((s) => !labels.has(normaliseName(s.label))),
    missingCadences: defaultCadenceRows().filter((row) => !relationships.has(normaliseName(String(row[0])))),
    missingGreetings: DEFAULT_GREETINGS.filter(([role]) => !roles.has(normaliseName(role))).map(([role, style]) => [role, style]),
    hasGreetingTable,
  };
}

/** 1-based row of each setting label (in the Setting column), for named ranges. */
export function settingRows(values: readonly (readonly unknown[])[]): Map<string, number> {
  const rows = new Map<string, number>();
  const { settingColumn } = settingsLayout(values);
  values.forEach((row, index) => {
    const label = row[settingColumn];
    const spec = SETTINGS.find((s) => !isBlank(label) && normaliseName(String(label)) === normaliseName(s.label));
    if (spec && !rows.has(spec.key)) rows.set(spec.key, index + 1);
  });
  return rows;
}

/** 1-based last row with anything in the given 0-based columns. */
export function lastUsedRow(values: readonly (readonly unknown[])[], columns: readonly number[]): number {
  for (let row = values.length - 1; row >= 0; row--) {
    if (columns.some((c) => !isBlank(values[row][c]))) return row + 1;
  }
  return 0;
}

export interface Profile {
  myName: string;
  myPosition: string;
  myInstitution: string;
  mySpecialty: string;
}

/** Sync of last contact from Gmail and Calendar, as the Settings sheet sets it. */
interface SyncSettings {
  on: boolean;
  months: number;
  subjects: boolean;
}

/** When the reminder email goes: never, every day, or on one weekday (0 = Sunday). */
export type DigestSchedule = 'off' | 'daily' | number;

export interface Settings {
  dueSoonDays: number;
  letterWeeks: number;
  sync: SyncSettings;
  digest: DigestSchedule;
  profile: Profile;
  cadences: CadenceTable;
  greetings: GreetingTable;
  problems: string[];
}

function choiceSetting(value: unknown, key: string, problems: string[]): string {
  const spec = SETTINGS.find((s) => s.key === key)!;
  if (isBlank(value)) return String(spec.initial);
  const chosen = spec.options!.find((option) => normaliseName(option) === normaliseName(String(value)));
  if (chosen) return chosen;
  problems.push(`Settings, ${spec.label}: "${String(value)}" is not one of ${spec.options!.join(', ')}; using ${spec.initial}.`);
  return String(spec.initial);
}

function digestOf(choice: string): DigestSchedule {
  if (choice === 'Off') return 'off';
  if (choice === 'Daily') return 'daily';
  return WEEKDAYS.indexOf(choice as (typeof WEEKDAYS)[number]);
}

function wholeNumberSetting(value: unknown, label: string, fallback: number, min: number, max: number, problems: string[]): number {
  if (isBlank(value)) return fallback;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  if (Number.isInteger(number) && number >= min && number <= max) return number;
  problems.push(`Settings, ${label}: "${String(value)}" is not a whole number from ${min} to ${max}; using ${fallback}.`);
  return fallback;
}

/** Reads the Settings sheet's values (columns A:G) by label; missing or bad values fall back to defaults, with a note. */
export function readSettings(values: readonly (readonly unknown[])[]): Settings {
  const problems: string[] = [];
  const byKey = new Map<string, unknown>();
  const { settingColumn, cadenceColumn, greetingColumn } = settingsLayout(values);
  for (const [key, row] of settingRows(values)) byKey.set(key, values[row - 1][settingColumn + 1]);
  const textOf = (key: string) => (isBlank(byKey.get(key)) ? '' : String(byKey.get(key)).trim());
  const cadenceRows = values.slice(1).map((row) => row.slice(cadenceColumn, cadenceColumn + CADENCE_HEADER.length));
  const greetings = parseGreetingTable(values.slice(1).map((row) => row.slice(greetingColumn, greetingColumn + GREETING_HEADER.length)));
  return {
    dueSoonDays: wholeNumberSetting(byKey.get('dueSoonDays'), 'Due soon window (days)', DEFAULT_DUE_SOON_DAYS, 0, 365, problems),
    letterWeeks: wholeNumberSetting(byKey.get('letterWeeks'), 'Ask for letters (weeks before due)', DEFAULT_LETTER_WEEKS, 1, 52, problems),
    sync: {
      on: choiceSetting(byKey.get('sync'), 'sync', problems) === 'On',
      months: wholeNumberSetting(byKey.get('syncMonths'), 'Sync looks back (months)', DEFAULT_SYNC_MONTHS, 1, 36, problems),
      subjects: choiceSetting(byKey.get('syncSubjects'), 'syncSubjects', problems) === 'On',
    },
    digest: digestOf(choiceSetting(byKey.get('digest'), 'digest', problems)),
    profile: { myName: textOf('myName'), myPosition: textOf('myPosition'), myInstitution: textOf('myInstitution'), mySpecialty: textOf('mySpecialty') },
    cadences: parseCadenceTable(cadenceRows),
    greetings,
    problems: [...problems, ...greetings.problems],
  };
}
