import { Contact } from './contacts';
import type { EmailTemplate } from './default-templates';
import type { DateOrderSource } from './dates';
import { Day, dayOfInstant, formatLongDay, parseDay } from './dates';
import { CONTACTS, TEMPLATES } from './schema';
import { normaliseName } from './text';
import { Profile } from './settings';
import { GreetingTable, parseGreetingTable, salutationOf } from './greetings';
import { isBlank, isDate } from './values';

/**
 * Email templates: {{Column header}} from the contact's row (any Contacts column, by header, ignoring case and
 * spaces), {{First name}}, {{Name}}, the user's profile ({{My name}}, {{My position}}, {{My institution}},
 * {{My specialty}}) and {{Today}}. {{Name|fallback}} uses the fallback when the value is blank.
 */
export type { EmailTemplate };

interface Placeholder {
  text: string;
  name: string;
  fallback: string | null;
}

const PLACEHOLDER = /\{\{([^{}|]*)(?:\|([^{}]*))?\}\}/g;

export function placeholdersIn(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  const pattern = new RegExp(PLACEHOLDER.source, 'g');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push({ text: m[0], name: m[1].trim(), fallback: m[2] === undefined ? null : m[2] });
  return found;
}

const PROFILE_FIELDS: Record<string, keyof Profile> = {
  myname: 'myName',
  myposition: 'myPosition',
  myinstitution: 'myInstitution',
  myspecialty: 'mySpecialty',
};
const SPECIAL = new Set(['today', 'name', 'firstname', 'lastname', 'salutation', 'mynews']);

/** Normalised names a placeholder may use: the sheet's headers, the schema's headers and aliases, profile, today. */
export function knownPlaceholderNames(sheetHeaders: readonly string[]): Set<string> {
  const names = new Set<string>([...SPECIAL, ...Object.keys(PROFILE_FIELDS)]);
  for (const header of sheetHeaders) if (header.trim()) names.add(normaliseName(header));
  for (const column of CONTACTS.columns) [column.header, ...(column.aliases ?? [])].forEach((h) => names.add(normaliseName(h)));
  return names;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Throws, naming the template and placeholder, if any placeholder is not a known column or field. */
export function checkTemplate(template: EmailTemplate, known: Set<string>): void {
  for (const placeholder of placeholdersIn(`${template.subject}\n${template.body}`)) {
    if (!known.has(normaliseName(placeholder.name))) {
      throw new TemplateError(
        `Template "${template.name}" uses ${placeholder.text}, which is not a Contacts column. ` +
          'Use a Contacts header (e.g. {{First name}}, {{Institution}}), {{My name}}, {{My position}}, {{My institution}}, {{My specialty}} or {{Today}}.',
      );
    }
  }
}

export interface RenderInput {
  contact: Contact;
  profile: Profile;
  today: Day;
  timeZone: string;
  /** How each role is greeted ({{Salutation}}); the guides' defaults when not given. */
  greetings?: GreetingTable;
  /** {{My news}}: what the user typed in the editor for a progress update. */
  news?: string;
  /** How dates typed as text in the row read (the spreadsheet locale's order). */
  dateOrder?: DateOrderSource;
}

export interface Rendered {
  subject: string;
  body: string;
  /** Contact placeholders with no value and no fallback, e.g. "Letter for". Their place shows the marker [Letter for]. */
  missing: string[];
  /** Profile placeholders (Settings) with no value and no fallback, e.g. "{{My position}}". */
  missingProfile: string[];
}

const DATE_HEADERS = new Set(CONTACTS.columns.filter((c) => c.kind === 'date' || c.shows === 'date').flatMap((c) => [c.header, ...(c.aliases ?? [])]).map(normaliseName));

/** A cell as an email shows it: dates as people write them ("January 10, 2027"), typed as text or not. */
function display(value: unknown, timeZone: string, header = '', order: DateOrderSource = 'MDY'): string {
  if (isBlank(value)) return '';
  if (isDate(value)) return formatLongDay(dayOfInstant(value, timeZone));
  if (DATE_HEADERS.has(header)) {
    try {
      const day = parseDay(value, timeZone, order);
      if (day !== null) return formatLongDay(day);
    } catch {
      // not a date after all: shown as typed
    }
  }
  return String(value).trim();
}

function valueOf(name: string, input: RenderInput): string {
  const key = normaliseName(name);
  const { contact, profile } = input;
  if (key === 'today') return formatLongDay(input.today);
  if (key === 'name') return contact.name;
  if (key === 'salutation') return salutationOf(contact, input.greetings ?? parseGreetingTable([]));
  if (key === 'mynews') return (input.news ?? '').trim();
  if (PROFILE_FIELDS[key]) return profile[PROFILE_FIELDS[key]];
  if (contact.cells.has(key)) return display(contact.cells.get(key), input.timeZone, key, input.dateOrder);
  const column = CONTACTS.columns.find((c) => [c.header, ...(c.aliases ?? [])].some((h) => normaliseName(h) === key));
  const header = column && [...contact.cells.keys()].find((h) => [column.header, ...(column.aliases ?? [])].some((a) => normaliseName(a) === h));
  return header ? display(contact.cells.get(header), input.timeZone, normaliseName(column!.header), input.dateOrder) : '';
}

export function renderTemplate(template: EmailTemplate, input: RenderInput): Rendered {
  const missing: string[] = [];
  const missingProfile: string[] = [];
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_whole, rawName: string, fallback: string | undefined) => {
      const value = valueOf(rawName, input);
      if (value) return value;
      if (fallback !== undefined) return fallback;
      const name = rawName.trim();
      const profileField = Boolean(PROFILE_FIELDS[normaliseName(rawName)]);
      const list = profileField ? missingProfile : missing;
      if (!list.includes(profileField ? `{{${name}}}` : name)) list.push(profileField ? `{{${name}}}` : name);
      return markerFor(name); // a visible hole, never a silent one: the draft cannot be created while it is there
    });
  return { subject: fill(template.subject).replace(/\s+/g, ' ').trim(), body: fill(template.body), missing, missingProfile };
}

/** How a missing value shows in a draft: [Letter for]. */
function markerFor(name: string): string {
  return `[${name}]`;
}

/**
 * What in a subject or body is still a hole: unfilled {{placeholders}} and [markers] naming a known field.
 * The server refuses such a draft; the client is not the only guard.
 */
export function holesIn(text: string, known: Set<string>): string[] {
  const holes = placeholdersIn(text).map((p) => p.text);
  const marker = /\[([^[\]\n]{1,60})\]/g;
  for (let match = marker.exec(text); match; match = marker.exec(text)) if (known.has(normaliseName(match[1]))) holes.push(match[0]);
  return [...new Set(holes)];
}

/** The sentence asking the user to fill in their profile on the Settings sheet. */
export function profileRequest(missingProfile: readonly string[]): string {
  const fields = missingProfile.map((p) => p.slice(2, -2)).join(', ');
  return `Fill in ${fields} on the Settings sheet: the template signs and introduces you with ${missingProfile.length > 1 ? 'them' : 'it'}.`;
}

export function findTemplate(templates: readonly EmailTemplate[], name: string): EmailTemplate {
  const found = templates.find((t) => normaliseName(t.name) === normaliseName(name));
  if (!found) throw new TemplateError(`There is no template named "${name}" on the Templates sheet.`);
  return found;
}

/** Templates from the Templates sheet's rows (header row first), by header. Blank rows are skipped. */
export function readTemplates(values: readonly (readonly unknown[])[]): EmailTemplate[] {
  const [header = [], ...rows] = values;
  const index = (key: string) => {
    const spec = TEMPLATES.columns.find((c) => c.key === key)!;
    const names = [spec.header, ...(spec.aliases ?? [])].map(normaliseName);
    return header.findIndex((h) => names.includes(normaliseName(String(h))));
  };
  const [name, when, subject, body] = ['name', 'whenToUse', 'subject', 'body'].map(index);
  if (name < 0 || subject < 0 || body < 0) {
    throw new TemplateError('The Templates sheet needs Name, Subject and Body columns. Run Touchpoint ▸ Set up contact sheet to restore them.');
  }
  const text = (row: readonly unknown[], i: number) => (i < 0 || isBlank(row[i]) ? '' : String(row[i]));
  return rows
    .filter((row) => text(row, name).trim())
    .map((row) => ({ name: text(row, name).trim(), whenToUse: text(row, when), subject: text(row, subject), body: text(row, body) }));
}
