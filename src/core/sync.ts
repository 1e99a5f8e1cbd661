import { Contact } from './contacts';
import { Day, ymdOfDay } from './dates';

/**
 * Last contact from Gmail and Calendar: the pure half. Only headers are read (who, when, the subject), never a
 * message's text; a message or event counts for a contact when the contact's address is among its people.
 */

/** What sync keeps of one email or meeting. */
export interface Sighting {
  /** Lower-case addresses of everyone on it but the user. */
  addresses: string[];
  day: Day;
  /** Newer first among sightings of one day (ms). */
  at: number;
  channel: 'Email' | 'Meeting';
  /** The subject or event title ('' when there is none). */
  title: string;
  /** "gmail:<message id>" or "calendar:<event id>": the same one is never logged twice. */
  sourceId: string;
}

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"'[\]]+\.[A-Za-z]{2,}$/;

function validAddress(text: string): string | null {
  const address = text.trim().toLowerCase();
  return ADDRESS.test(address) ? address : null;
}

/** A header's mailboxes, split at commas outside quotes and angle brackets. */
function mailboxesOf(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const char of header) {
    if (char === '"' && !angled) quoted = !quoted;
    else if (char === '<' && !quoted) angled = true;
    else if (char === '>' && !quoted) angled = false;
    if (char === ',' && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  return [...parts, current];
}

/**
 * The addresses in a From/To/Cc header, lower-cased: of `"Dr. Okafor" <Maya@Example.org>` only the address in
 * angle brackets counts, so an address written into a display name ("maya@x.org" <someone@else.org>) does not.
 */
function headerAddresses(header: string): string[] {
  const found = mailboxesOf(header).map((mailbox) => {
    const angled = /<([^<>]*)>\s*$/.exec(mailbox);
    return validAddress(angled ? angled[1] : mailbox.replace(/\([^)]*\)/g, ''));
  });
  return [...new Set(found.filter((a): a is string => a !== null))];
}

/** The addresses in a contact's Email cell: one, or several separated by commas, semicolons or spaces. */
export function contactAddresses(contact: Pick<Contact, 'email'>): string[] {
  const found = contact.email.split(/[,;\s]+/).map(validAddress);
  return [...new Set(found.filter((a): a is string => a !== null))];
}

/** A short, stable fingerprint of an address (FNV-1a, base 36): which addresses were searched, without keeping them. */
export function addressFingerprint(address: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < address.length; i++) {
    hash ^= address.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** Mail from a list or sent in bulk (a newsletter, a department list) says nothing about a relationship. */
export function isListMail(headers: ReadonlyMap<string, string>): boolean {
  if (headers.get('list-id')) return true;
  return /^\s*(bulk|list|junk)\s*$/i.test(headers.get('precedence') ?? '');
}

/** Gmail's after: takes a date, YYYY/MM/DD. */
function gmailDate(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${year}/${String(month).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
}

/** Gmail search terms for mail with one address in From, To or Cc. */
function termsFor(address: string): string {
  return `from:${address} to:${address} cc:${address}`;
}

/**
 * Gmail searches for mail exchanged with these addresses since a day: as many addresses per query as fit in
 * maxLength characters, one `{…}` (any of) group each. An address that alone would not fit is left out.
 */
export function searchQueries(addresses: readonly string[], since: Day, maxLength = 1500): { query: string; addresses: string[] }[] {
  const suffix = `} after:${gmailDate(since)}`;
  const queries: { query: string; addresses: string[] }[] = [];
  let terms: string[] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length) queries.push({ query: `{${terms.join(' ')}${suffix}`, addresses: chunk });
    terms = [];
    chunk = [];
  };
  for (const address of addresses) {
    const term = termsFor(address);
    if (1 + term.length + suffix.length > maxLength) continue;
    if (1 + [...terms, term].join(' ').length + suffix.length > maxLength) flush();
    terms.push(term);
    chunk.push(address);
  }
  flush();
  return queries;
}

/** Contacts by each of their addresses (a shared address belongs to each contact that has it). */
export function contactsByAddress(contacts: readonly Contact[]): Map<string, Contact[]> {
  const byAddress = new Map<string, Contact[]>();
  for (const contact of contacts) {
    for (const address of contactAddresses(contact)) byAddress.set(address, [...(byAddress.get(address) ?? []), contact]);
  }
  return byAddress;
}

/** The people on a message, as sync counts them: From, To and Cc, without the user's own addresses. */
export function participants(headers: ReadonlyMap<string, string>, ownAddresses: ReadonlySet<string>): string[] {
  const all = ['from', 'to', 'cc'].flatMap((name) => headerAddresses(headers.get(name) ?? ''));
  return [...new Set(all)].filter((address) => !ownAddresses.has(address));
}
