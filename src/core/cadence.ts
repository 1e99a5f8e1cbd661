import type { Status } from './status';
import { normaliseName } from './text';
import { Day } from './dates';
import { InvalidValueError } from './errors';
import { describeValue, isBlank } from './values';

/** How often to be in touch with someone, from the career guides' numbers (a first follow-up within days of meeting, mentors every one to three months, sponsors at least yearly). */
export interface Cadence {
  /** Days after meeting by which the first follow-up is due, or null where the guides set none. */
  firstFollowUpDays: number | null;
  /** Days between contacts once the relationship is under way. */
  everyDays: number;
}

interface RelationshipCadence extends Cadence {
  relationship: string;
}

export const DEFAULT_RELATIONSHIP = 'Other';
export const MAX_CADENCE_DAYS = 3650;

export const DEFAULT_CADENCES: readonly RelationshipCadence[] = [
  { relationship: 'Career mentor', firstFollowUpDays: 7, everyDays: 45 },
  { relationship: 'Research mentor', firstFollowUpDays: 7, everyDays: 45 },
  { relationship: 'Clinical mentor', firstFollowUpDays: 7, everyDays: 45 },
  { relationship: 'Sponsor', firstFollowUpDays: 7, everyDays: 90 },
  { relationship: 'Peer', firstFollowUpDays: null, everyDays: 90 },
  { relationship: 'Letter writer', firstFollowUpDays: 7, everyDays: 60 },
  { relationship: 'Program leadership', firstFollowUpDays: 60, everyDays: 180 },
  { relationship: 'Conference contact', firstFollowUpDays: 5, everyDays: 75 },
  { relationship: 'Acquaintance', firstFollowUpDays: null, everyDays: 180 },
  { relationship: DEFAULT_RELATIONSHIP, firstFollowUpDays: null, everyDays: 90 },
];

export const RELATIONSHIPS: readonly string[] = DEFAULT_CADENCES.map((c) => c.relationship);

/** Other words people use for the same relationship, keyed by the normalised word. */
const RELATIONSHIP_ALIASES: Record<string, string> = {
  mentor: 'Career mentor',
  researchprojectmentor: 'Research mentor',
  projectmentor: 'Research mentor',
  researchmentor: 'Research mentor',
  programdirector: 'Program leadership',
  pd: 'Program leadership',
  apd: 'Program leadership',
  leadership: 'Program leadership',
  coresident: 'Peer',
  colleague: 'Peer',
  conference: 'Conference contact',
  recommender: 'Letter writer',
  reference: 'Letter writer',
  lor: 'Letter writer',
  none: DEFAULT_RELATIONSHIP,
};


/** The relationship types' cadences, as defaults or as the user edited them in Settings. */
export class CadenceTable {
  private readonly byName = new Map<string, RelationshipCadence | InvalidValueError>();
  /** Lookups by the text as typed: a column repeats a few relationships thousands of times. */
  private readonly byText = new Map<string, RelationshipCadence | InvalidValueError | undefined>();

  constructor(rules: readonly RelationshipCadence[] = DEFAULT_CADENCES) {
    for (const rule of DEFAULT_CADENCES) this.set(rule);
    for (const rule of rules) this.set(rule);
  }

  set(rule: RelationshipCadence): void {
    this.byName.set(normaliseName(rule.relationship), rule);
    this.byText.clear();
  }

  /** Marks a relationship whose Settings row is unusable: contacts of that type report the problem. */
  markBroken(relationship: string, problem: InvalidValueError): void {
    this.byName.set(normaliseName(relationship), problem);
    this.byText.clear();
  }

  lookUp(relationship: string): RelationshipCadence | undefined {
    let found = this.byText.get(relationship);
    if (found === undefined && !this.byText.has(relationship)) {
      const key = normaliseName(relationship);
      found = this.byName.get(key) ?? this.byName.get(normaliseName(RELATIONSHIP_ALIASES[key] ?? ''));
      this.byText.set(relationship, found);
    }
    if (found instanceof InvalidValueError) throw found;
    return found;
  }

  names(): string[] {
    const names: string[] = [];
    for (const entry of this.byName.values()) if (!(entry instanceof InvalidValueError)) names.push(entry.relationship);
    return names;
  }
}

function parseDays(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) return null;
  return number;
}

/** A number of days between 1 and MAX_CADENCE_DAYS, or throws saying what was wrong. */
export function parseCadenceDays(value: unknown, what = 'cadence'): number {
  const days = parseDays(value);
  if (days === null || !Number.isInteger(days) || days < 1 || days > MAX_CADENCE_DAYS) {
    const shown = what ? `${what} ${describeValue(value)}` : describeValue(value);
    throw new InvalidValueError(`${shown} is not a whole number of days from 1 to ${MAX_CADENCE_DAYS}`);
  }
  return days;
}

/**
 * A cadence from a cell: a number of days, or a relationship type (looked up in the table).
 * Blank means the default relationship's cadence.
 */
export function resolveCadence(value: unknown, table: CadenceTable): Cadence {
  if (isBlank(value)) return table.lookUp(DEFAULT_RELATIONSHIP)!;
  if (parseDays(value) !== null) return { firstFollowUpDays: null, everyDays: parseCadenceDays(value) };
  const rule = typeof value === 'string' ? table.lookUp(value) : undefined;
  if (!rule) {
    throw new InvalidValueError(
      `cadence ${describeValue(value)} is neither a number of days nor a relationship (${table.names().join(', ')})`,
    );
  }
  return rule;
}

/**
 * Reads the Settings cadence table (rows of relationship, first follow-up days, then-every days).
 * A bad row does not stop the others: that relationship carries the problem, so its contacts say what to fix.
 */
export function parseCadenceTable(rows: readonly (readonly unknown[])[]): CadenceTable {
  const table = new CadenceTable();
  rows.forEach((row, index) => {
    const [name, first, every] = row;
    if (isBlank(name)) return;
    const relationship = String(name).trim();
    const where = `Settings cadence for ${relationship} (table row ${index + 1})`;
    try {
      const rule: RelationshipCadence = {
        relationship,
        firstFollowUpDays: isBlank(first) ? null : parseCadenceDays(first, 'first follow-up'),
        everyDays: parseCadenceDays(every, 'then every'),
      };
      table.set(rule);
    } catch (error) {
      if (!(error instanceof InvalidValueError)) throw error;
      table.markBroken(relationship, new InvalidValueError(`${where}: ${error.message}`));
    }
  });
  return table;
}

interface FollowUpInput {
  lastContact: Day | null;
  metOn: Day | null;
  cadence: Cadence;
  /** No reminder before this day (set by Snooze; cleared by the next logged contact). */
  snoozedUntil?: Day | null;
}

/**
 * The day the next follow-up is due: last contact + cadence; with no contact yet, the first follow-up after
 * meeting where the relationship has one; otherwise null (nothing is due yet).
 */
export function nextFollowUp({ lastContact, metOn, cadence, snoozedUntil }: FollowUpInput): Day | null {
  let next: Day | null = null;
  if (lastContact !== null) next = lastContact + cadence.everyDays;
  else if (metOn !== null && cadence.firstFollowUpDays !== null) next = metOn + cadence.firstFollowUpDays;
  if (next !== null && snoozedUntil != null && snoozedUntil > next) return snoozedUntil;
  return next;
}

/** A row's status inputs as read from its cells (dates already read as days). */
interface StatusCells {
  lastContact: Day | null;
  metOn: Day | null;
  snoozedUntil: Day | null;
  /** Follow-up every (days) if filled, else the Relationship: the first non-blank of the two, as the Status formula reads them. */
  cadence: unknown;
}

/**
 * THE rule for a row's follow-up, shared by the Status column's formula and the sidebar, so they cannot
 * disagree: null for a row with nothing to go on (no last contact, no cadence, no meeting date), which the
 * Status column leaves blank; otherwise the input to followUpStatus and nextFollowUp. Throws InvalidValueError
 * for a cadence it cannot read.
 */
export function followUpInputOf(cells: StatusCells, table: CadenceTable): FollowUpInput | null {
  if (cells.lastContact === null && cells.metOn === null && isBlank(cells.cadence)) return null;
  return { lastContact: cells.lastContact, metOn: cells.metOn, cadence: resolveCadence(cells.cadence, table), snoozedUntil: cells.snoozedUntil };
}

export function followUpStatus(input: FollowUpInput, today: Day, dueSoonDays: number): Status {
  const next = nextFollowUp(input);
  if (next === null) return 'No contact yet';
  if (input.snoozedUntil != null && input.snoozedUntil > today) return 'Snoozed';
  if (next < today) return 'Overdue';
  if (next - today <= dueSoonDays) return 'Due soon';
  return input.lastContact === null ? 'No contact yet' : 'On track';
}
