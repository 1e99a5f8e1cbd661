import { normaliseName } from './text';

/**
 * LinkedIn's "Connections.csv": a few lines of notes, then a header row (First Name, Last Name, URL, Email Address,
 * Company, Position, Connected On). The header is found by scanning, never by skipping a fixed count.
 */
const LINKEDIN_HEADERS = ['firstname', 'lastname', 'url', 'emailaddress', 'company', 'position', 'connectedon'];
const LINKEDIN_HOW_WE_MET = 'Online / LinkedIn';

/** The 0-based index of LinkedIn's header row, or -1 when the file is not a LinkedIn export. */
export function findLinkedInHeader(rows: readonly (readonly string[])[]): number {
  return rows.findIndex((row) => {
    const names = row.map(normaliseName);
    return ['firstname', 'lastname', 'connectedon'].every((h) => names.includes(h)) && names.filter((n) => LINKEDIN_HEADERS.includes(n)).length >= 5;
  });
}

/** Position words → the Role dropdown; anything else is "Other" and the title is kept in the notes. */
const ROLE_WORDS: [RegExp, string][] = [
  [/\bassociate program director\b|\bassociate pd\b|\bapd\b/i, 'Associate program director'],
  [/\bprogram director\b|\bresidency director\b/i, 'Program director'],
  [/\bprogram coordinator\b|\bresidency coordinator\b/i, 'Program coordinator'],
  [/\bchief resident\b/i, 'Chief resident'],
  [/\bfellow\b/i, 'Fellow'],
  // A resident elsewhere is a Resident; Co-resident means the user's own program, which a title cannot tell.
  [/\bresident\b|\bpgy-?\d\b|\bintern\b/i, 'Resident'],
  [/\battending\b|\bhospitalist\b|\bconsultant\b|\bassistant professor\b|\bassociate professor\b|\bprofessor\b|\bphysician\b/i, 'Attending'],
  [/\bresearch(er)?\b|\bscientist\b|\bpostdoc/i, 'Researcher'],
  [/\bnurse\b|\bpharmacist\b|\bcase manager\b|\bnp\b|\bpa-c\b/i, 'Nurse / pharmacist / case manager'],
];

export function roleOfPosition(position: string): string {
  return ROLE_WORDS.find(([pattern]) => pattern.test(position))?.[1] ?? 'Other';
}

export const LINKEDIN_MAPPED_HEADERS = ['First name', 'Last name', 'Email', 'Role', 'Institution', 'How we met', 'Met on', 'Last contact notes', 'LinkedIn'];

/** The same columns as the import dialog shows them: by the names they have in LinkedIn's file. */
export const LINKEDIN_FILE_LABELS = [
  'First Name', 'Last Name', 'Email Address', 'Position', 'Company', '(every row) Online / LinkedIn', 'Connected On',
  'Position, kept as a note when it is not a role', 'URL',
];

/** One LinkedIn row in the Contacts columns (LINKEDIN_MAPPED_HEADERS). "Connected On" is kept as written. */
export function mapLinkedInRow(row: readonly string[], header: readonly string[]): string[] {
  const names = header.map(normaliseName);
  const at = (name: string) => (row[names.indexOf(name)] ?? '').trim();
  const position = at('position');
  const role = position ? roleOfPosition(position) : '';
  return [
    at('firstname'), at('lastname'), at('emailaddress'), role, at('company'), LINKEDIN_HOW_WE_MET, at('connectedon'),
    role === 'Other' ? `LinkedIn title: ${position}` : '', at('url'),
  ];
}
