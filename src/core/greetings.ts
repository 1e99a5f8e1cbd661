import { normaliseName } from './cadence';
import { Contact } from './contacts';
import { isBlank } from './values';

/**
 * How an email greets a person, by role, from an editable table on the Settings sheet: attendings, fellows,
 * program directors and researchers as "Dr. Okafor", peers and co-residents by first name. A role not in the
 * table falls back on the relationship (mentors, sponsors and program leadership are "Dr."), else the full name.
 */
export type GreetingStyle = 'Dr. Last name' | 'First name' | 'Full name';

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
  ['Co-resident', 'First name'],
  ['Program coordinator', 'First name'],
  ['Nurse / pharmacist / case manager', 'First name'],
  ['Alumni', 'First name'],
  ['Other', 'Full name'],
];

const DOCTOR_RELATIONSHIPS = new Set(['careermentor', 'researchmentor', 'clinicalmentor', 'sponsor', 'programleadership', 'letterwriter']);
const FIRST_NAME_RELATIONSHIPS = new Set(['peer']);

export class GreetingTable {
  private readonly byRole = new Map<string, GreetingStyle>();

  set(role: string, style: GreetingStyle): void {
    this.byRole.set(normaliseName(role), style);
  }

  styleFor(contact: Pick<Contact, 'role' | 'relationship'>): GreetingStyle {
    const byRole = this.byRole.get(normaliseName(contact.role));
    if (byRole) return byRole;
    const relationship = normaliseName(contact.relationship);
    if (DOCTOR_RELATIONSHIPS.has(relationship)) return 'Dr. Last name';
    if (FIRST_NAME_RELATIONSHIPS.has(relationship)) return 'First name';
    return 'Full name';
  }
}

/** A Greeting cell as a style: anything mentioning "Dr" or "last" greets by title, "first" by first name. */
export function greetingStyleOf(text: string): GreetingStyle | null {
  const words = text.toLowerCase();
  if (/\bdr\b|last/.test(words)) return 'Dr. Last name';
  if (/first/.test(words)) return 'First name';
  if (/full|name/.test(words)) return 'Full name';
  return null;
}

export function parseGreetingTable(rows: readonly (readonly unknown[])[]): GreetingTable {
  const table = new GreetingTable();
  for (const [role, greeting] of DEFAULT_GREETINGS) table.set(role, greeting);
  for (const [role, greeting] of rows) {
    if (isBlank(role) || isBlank(greeting)) continue;
    const style = greetingStyleOf(String(greeting));
    if (style) table.set(String(role), style);
  }
  return table;
}

/** "Dr. Okafor", "Maya" or "Maya Okafor"; '' when the name the style needs is blank (the template then marks it). */
export function salutationOf(contact: Pick<Contact, 'role' | 'relationship' | 'firstName' | 'lastName'>, table: GreetingTable): string {
  switch (table.styleFor(contact)) {
    case 'Dr. Last name':
      return contact.lastName ? `Dr. ${contact.lastName}` : '';
    case 'First name':
      return contact.firstName;
    default:
      return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  }
}
