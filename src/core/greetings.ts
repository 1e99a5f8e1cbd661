import { normaliseName } from './text';
import { Contact } from './contacts';
import { isBlank } from './values';

/**
 * How an email greets a person, by role, from an editable table on the Settings sheet: attendings, fellows,
 * program directors and researchers as "Dr. Okafor", peers and co-residents by first name. A role not in the
 * table falls back on the relationship (mentors, sponsors and program leadership are "Dr."), else the full name.
 */
type GreetingStyle = 'Dr. Last name' | 'First name' | 'Full name';

/** A greeting as the table says it: by first name, full name, or a title before the last name ("Dr.", "Ms.", "Dean"). */
export type Greeting = { kind: 'first' } | { kind: 'full' } | { kind: 'titled'; title: string };

export const GREETING_HEADER = ['Role', 'Greeting'] as const;
/** Column (0-based) where the greeting table starts on a new Settings sheet: I. */
export const GREETING_COLUMN = 8;

export const DEFAULT_GREETINGS: readonly [string, GreetingStyle][] = [
  ['Attending', 'Dr. Last name'],
  ['Fellow', 'Dr. Last name'],
  ['Program director', 'Dr. Last name'],
  ['Associate program director', 'Dr. Last name'],
  ['Researcher', 'Dr. Last name'],
  ['Chief resident', 'First name'],
  ['Senior resident', 'First name'],
  ['Resident', 'First name'],
  ['Co-resident', 'First name'],
  ['Program coordinator', 'First name'],
  ['Nurse / pharmacist / case manager', 'First name'],
  ['Alumni', 'First name'],
  ['Other', 'Full name'],
];

const DOCTOR_RELATIONSHIPS = new Set(['careermentor', 'researchmentor', 'clinicalmentor', 'sponsor', 'programleadership', 'letterwriter']);
const FIRST_NAME_RELATIONSHIPS = new Set(['peer']);

export class GreetingTable {
  private readonly byRole = new Map<string, Greeting>();
  /** Entries the table could not read, as sentences for the sidebar's problem list. */
  readonly problems: string[] = [];

  set(role: string, greeting: Greeting): void {
    this.byRole.set(normaliseName(role), greeting);
  }

  greetingFor(contact: Pick<Contact, 'role' | 'relationship'>): Greeting {
    const relationship = normaliseName(contact.relationship);
    // A peer is a peer whatever their title: a fellow you trained with is "Jonas", not "Dr. Weber".
    if (FIRST_NAME_RELATIONSHIPS.has(relationship)) return { kind: 'first' };
    const byRole = this.byRole.get(normaliseName(contact.role));
    if (byRole) return byRole;
    if (DOCTOR_RELATIONSHIPS.has(relationship)) return { kind: 'titled', title: 'Dr.' };
    return { kind: 'full' };
  }
}

/**
 * A Greeting cell: "First name", "Full name", or a title and "Last name" ("Dr. Last name", "Ms. Last name",
 * "Dean Last name"); null for anything else.
 */
function greetingOf(text: string): Greeting | null {
  const trimmed = text.trim();
  if (/^first\s*name$/i.test(trimmed)) return { kind: 'first' };
  if (/^full\s*name$/i.test(trimmed)) return { kind: 'full' };
  const titled = /^(.+?)\s+last\s*name$/i.exec(trimmed);
  return titled ? { kind: 'titled', title: titled[1].trim() } : null;
}

export function parseGreetingTable(rows: readonly (readonly unknown[])[]): GreetingTable {
  const table = new GreetingTable();
  for (const [role, greeting] of DEFAULT_GREETINGS) table.set(role, greetingOf(greeting)!);
  for (const [role, greeting] of rows) {
    if (isBlank(role) || isBlank(greeting)) continue;
    const parsed = greetingOf(String(greeting));
    if (parsed) table.set(String(role), parsed);
    else table.problems.push(`Settings, Greeting for ${String(role).trim()}: "${String(greeting).trim()}" is not "First name", "Full name" or a title with "Last name" (e.g. "Dr. Last name", "Ms. Last name"); the default is used.`);
  }
  return table;
}

/** "Dr. Okafor", "Ms. Kim", "Maya" or "Maya Okafor"; '' when the name the greeting needs is blank (the template then marks it). */
export function salutationOf(contact: Pick<Contact, 'role' | 'relationship' | 'firstName' | 'lastName'>, table: GreetingTable): string {
  const greeting = table.greetingFor(contact);
  if (greeting.kind === 'titled') return contact.lastName ? `${greeting.title} ${contact.lastName}` : '';
  if (greeting.kind === 'first') return contact.firstName;
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

/**
 * A full-name greeting ("Dear Maya Okafor") reads like a mail merge: the editor says why it was chosen and what
 * would read better. Null for any other greeting.
 */
export function fullNameGreetingNote(contact: Pick<Contact, 'role' | 'relationship' | 'firstName' | 'lastName'>, table: GreetingTable): string | null {
  if (table.greetingFor(contact).kind !== 'full' || !contact.firstName || !contact.lastName) return null;
  const why = contact.role.trim() ? `Role "${contact.role.trim()}" is greeted by full name (Settings ▸ Greeting)` : 'Role is empty';
  return `"Dear ${contact.firstName} ${contact.lastName}" reads like a mail merge: ${why}. If they are a doctor, "Dear Dr. ${contact.lastName}" is safer; a peer, "Dear ${contact.firstName}". Set Role on the sheet, or edit the greeting in the editor.`;
}

/** The column an empty {{Salutation}} needs filled: Last name for "Dr. Okafor", First name otherwise. */
export function salutationField(contact: Pick<Contact, 'role' | 'relationship'>, table: GreetingTable): 'Last name' | 'First name' {
  return table.greetingFor(contact).kind === 'titled' ? 'Last name' : 'First name';
}

