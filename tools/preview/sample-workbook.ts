/**
 * The preview's starting workbook: about 40 made-up contacts (no real person) across every relationship type and
 * situation the product handles, dated relative to "today" so it always looks current: overdue mentors, follow-ups
 * due this week, fresh conference contacts, people never contacted, a letter to ask for, a missing email and a date
 * the sheet cannot read.
 */
const HEADER = [
  'First name', 'Last name', 'Email', 'Role', 'Institution', 'Specialty', 'Relationship', 'How we met', 'Met on',
  'Interests', 'Last contact', 'Last contact notes', 'Next step', 'Follow-up every (days)', 'Letter for', 'Letter due',
  'Letter status',
];

interface Person {
  first: string;
  last: string;
  role: string;
  institution: string;
  specialty: string;
  relationship: string;
  howWeMet: string;
  /** Days before today; null for blank. */
  met: number | null;
  interests: string;
  lastContactDaysAgo: number | null;
  notes: string;
  next: string;
  every?: number;
  email?: string | null;
  letter?: { for: string; dueIn: number; status: string };
  lastText?: string;
}

const P = (first: string, last: string, role: string, institution: string, specialty: string, relationship: string, howWeMet: string, met: number | null, interests: string, lastDaysAgo: number | null, notes: string, next: string, extra: Partial<Person> = {}): Person => ({
  first, last, role, institution, specialty, relationship, howWeMet, met, interests, lastContactDaysAgo: lastDaysAgo, notes, next, ...extra,
});

const PEOPLE: Person[] = [
  // Overdue mentors and sponsors
  P('Maya', 'Okafor', 'Attending', 'Riverside Medical Center', 'Hospital medicine', 'Career mentor', 'Rotation', 140, 'Sepsis QI', 81, 'Discussed categorical positions', 'Send CV'),
  P('Aisha', 'Rahman', 'Attending', "St. Anne's Hospital", 'Anesthesiology', 'Sponsor', 'Introduction', 250, 'Airway research', 205, 'Asked about PGY-2 openings', 'Thank her for the intro'),
  P('Hiroshi', 'Tanaka', 'Attending', 'Lakeview University Hospital', 'Cardiology', 'Research mentor', 'Committee', 300, 'Heart failure registry', 72, 'Agreed on the abstract outline', 'Share first draft'),
  P('Olivia', 'Brennan', 'Associate program director', 'Riverside Medical Center', 'Internal medicine', 'Program leadership', 'Orientation', 400, 'Wellness curriculum', 200, 'Mid-year review', 'Update after Step 3'),
  P('Kwame', 'Mensah', 'Fellow', 'Lakeview University Hospital', 'Cardiology', 'Clinical mentor', 'Rotation', 120, 'Echo reading', 66, 'Reviewed echo cases', 'Ask to shadow clinic'),
  P('Tom', 'Becker', 'Co-resident', 'Riverside Medical Center', 'Neurology', 'Peer', 'Rotation', 200, 'Night float survival', 145, '', 'Coffee', { email: null }),
  P('Sofia', 'Moreno', 'Chief resident', 'Riverside Medical Center', 'Internal medicine', 'Career mentor', 'Orientation', 180, 'Chief year', 52, 'Talked about fellowship timing', 'Send personal statement'),
  P('Daniel', 'Reyes', 'Program director', 'Riverside Medical Center', 'Internal medicine', 'Program leadership', 'Orientation', 400, 'Categorical spots', 190, 'Asked about prelim-to-categorical', 'Meet before spring'),
  P('Grace', 'Liu', 'Researcher', 'Northgate Clinic', 'Endocrinology', 'Research mentor', 'Introduction', 100, 'Diabetes outcomes data', 95, 'Data access request filed', 'Check IRB status'),
  P('Marcus', 'Hale', 'Attending', 'Caribbean School of Medicine', 'Emergency medicine', 'Letter writer', 'Alumni event', 500, 'EM match advice', 130, 'He offered to write a letter', 'Send CV and statement', { letter: { for: 'categorical emergency medicine residency positions', dueIn: 30, status: 'To ask' } }),
  // Due this week
  P('Priya', 'Nair', 'Fellow', 'Lakeview University Hospital', 'Cardiology', 'Research mentor', 'Conference', 60, 'Heart failure readmissions', 42, 'Poster session on readmissions', 'Ask about data set'),
  P('Elena', 'Martinez-Lopez', 'Attending', 'Hospital Universitario', 'Radiology', 'Clinical mentor', 'Rotation', 90, 'Chest imaging', 41, 'Thanked her after the rotation', 'Send case report draft'),
  P('Jonas', 'Weber', 'Fellow', 'Northgate Clinic', 'Gastroenterology', 'Peer', 'Conference', 110, 'Endoscopy training', 87, 'Shared notes from the session', 'Plan joint abstract'),
  P('Amara', 'Diallo', 'Attending', 'Riverside Medical Center', 'Infectious disease', 'Sponsor', 'Committee', 260, 'Antibiotic stewardship', 86, 'She mentioned the stewardship committee', 'Ask to join committee'),
  P('Ben', 'Foster', 'Program coordinator', 'Riverside Medical Center', 'Internal medicine', 'Acquaintance', 'Orientation', 300, 'Schedules', 176, 'Helped with the rotation swap', 'Thank-you card'),
  // Fresh conference contacts (first follow-up due within 5 days of meeting)
  P('Grace', 'Kim', 'Researcher', 'Lakeview University Hospital', 'Oncology', 'Conference contact', 'Conference', 2, 'Cardio-oncology', null, 'Met after her talk', 'Follow-up email'),
  P('Ravi', 'Patel', 'Fellow', 'Lakeview University Hospital', 'Cardiology', 'Conference contact', 'Conference', 1, 'Echo AI tools', null, 'Chatted at the poster', 'Send my poster PDF'),
  P('Nadia', 'Haddad', 'Attending', "St. Anne's Hospital", 'Pulmonology', 'Conference contact', 'Conference', 8, 'ILD clinic', null, 'Her workshop on ILD', 'Ask about clinic visit'),
  P('Chen', 'Wei', 'Researcher', 'Northgate Clinic', 'Nephrology', 'Conference contact', 'Conference', 4, 'AKI biomarkers', null, 'Q&A after the plenary', 'Read his paper'),
  // No contact yet, nothing due
  P('Lucia', 'Romano', 'Co-resident', 'Riverside Medical Center', 'Psychiatry', 'Peer', 'Orientation', null, 'Board prep', null, '', 'Study group'),
  P('Omar', 'Farouk', 'Alumni', 'Caribbean School of Medicine', 'Family medicine', 'Acquaintance', 'Alumni event', null, 'IMG visas', null, '', ''),
  P('Luis', 'Ortega', 'Chief resident', 'Riverside Medical Center', 'Internal medicine', 'Clinical mentor', 'Rotation', 30, 'Teaching rounds', null, '', 'Ask for feedback'),
  // On track
  P('Hannah', 'Schmidt', 'Attending', 'Lakeview University Hospital', 'Nephrology', 'Career mentor', 'Clinic', 200, 'Transplant', 10, 'Monthly check-in', 'Next check-in'),
  P('Isaac', 'Cohen', 'Senior resident', 'Riverside Medical Center', 'Internal medicine', 'Peer', 'Rotation', 150, 'ICU tips', 20, 'Swapped ICU notes', ''),
  P('Fatima', 'Zahra', 'Nurse / pharmacist / case manager', 'Riverside Medical Center', 'Internal medicine', 'Acquaintance', 'Clinic', 150, 'Discharge planning', 30, 'Thanked her for the discharge help', ''),
  P('George', 'Adams', 'Attending', 'Northgate Clinic', 'Geriatrics', 'Letter writer', 'Rotation', 160, 'Falls prevention', 12, 'Agreed to write my letter', 'Send reminder 2 weeks before', { letter: { for: 'categorical internal medicine residency positions', dueIn: 75, status: 'Agreed' } }),
  P('Yuki', 'Sato', 'Fellow', 'Lakeview University Hospital', 'Hematology', 'Peer', 'Conference', 90, 'Anemia research', 35, 'Coffee at the conference', ''),
  P('Rosa', 'Alvarez', 'Attending', 'Hospital Universitario', 'Pediatrics', 'Sponsor', 'Introduction', 300, 'Global health', 25, 'Recommended me for the elective', 'Report back after elective'),
  P('Peter', 'Novak', 'Researcher', 'Northgate Clinic', 'Epidemiology', 'Research mentor', 'Committee', 220, 'Statistics', 15, 'Reviewed my regression model', 'Send revised tables'),
  P('Ana', 'Lima', 'Co-resident', 'Riverside Medical Center', 'Dermatology', 'Peer', 'Orientation', 200, 'Derm electives', 40, 'Planned a study session', ''),
  P('Samuel', 'Adeyemi', 'Alumni', 'Caribbean School of Medicine', 'Radiology', 'Acquaintance', 'Alumni event', 356, 'Radiology match', 311, '', '', { every: 365, email: 'not-an-email' }),
  P('Leah', 'Goldberg', 'Attending', "St. Anne's Hospital", 'Oncology', 'Career mentor', 'Clinic', 100, 'Palliative care', 5, 'Talked about a palliative elective', 'Email the elective director'),
  P('Victor', 'Petrov', 'Fellow', 'Lakeview University Hospital', 'Pulmonology', 'Clinical mentor', 'Rotation', 80, 'Bronchoscopy', 28, 'Debrief after the rotation', ''),
  P('Mei', 'Chen', 'Attending', 'Northgate Clinic', 'Rheumatology', 'Program leadership', 'Committee', 120, 'Curriculum committee', 60, 'Committee meeting', 'Prepare survey results'),
  P('David', 'Okoro', 'Senior resident', 'Riverside Medical Center', 'Internal medicine', 'Peer', 'Rotation', 100, 'Research elective', 50, 'Shared research ideas', ''),
  P('Irene', 'Costa', 'Researcher', 'Hospital Universitario', 'Public health', 'Conference contact', 'Online / LinkedIn', 150, 'Health equity', 45, 'Commented on her article', ''),
  P('Noah', 'Williams', 'Attending', 'Riverside Medical Center', 'Cardiology', 'Letter writer', 'Rotation', 90, 'Heart failure', 14, 'Asked for a letter', 'Send statement draft', { letter: { for: 'the cardiology fellowship at Lakeview', dueIn: 50, status: 'Asked' } }),
  P('Zara', 'Ahmed', 'Co-resident', 'Riverside Medical Center', 'Internal medicine', 'Peer', 'Orientation', 200, 'Step 3', 10, 'Studied together', ''),
  // A date the sheet cannot read
  P('Felix', 'Brandt', 'Attending', 'Northgate Clinic', 'Neurology', 'Clinical mentor', 'Rotation', 70, 'Stroke', null, 'Stroke service debrief', 'Ask about research', { lastText: 'last Tuesday' }),
  P('Julia', 'Santos', 'Fellow', 'Lakeview University Hospital', 'Infectious disease', 'Research mentor', 'Introduction', 60, 'HIV outcomes', 33, 'Discussed a retrospective study', 'Draft the protocol'),
];

function isoDaysBefore(today: Date, days: number): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days));
  return date.toISOString().slice(0, 10);
}

function emailOf(person: Person): string {
  if (person.email === null) return '';
  if (person.email) return person.email;
  const domain = person.institution.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 14);
  return `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${domain}.example.org`;
}

/** Rows (header first) in the Contacts sheet's own columns, dated relative to `today` (a calendar date, read in UTC). */
export function sampleWorkbookRows(today: Date): string[][] {
  return [
    HEADER,
    ...PEOPLE.map((p) => [
      p.first, p.last, emailOf(p), p.role, p.institution, p.specialty, p.relationship, p.howWeMet,
      p.met === null ? '' : isoDaysBefore(today, p.met), p.interests,
      p.lastText ?? (p.lastContactDaysAgo === null ? '' : isoDaysBefore(today, p.lastContactDaysAgo)), p.notes, p.next, p.every ? String(p.every) : '',
      p.letter?.for ?? '', p.letter ? isoDaysBefore(today, -p.letter.dueIn) : '', p.letter?.status ?? '',
    ]),
  ];
}

/**
 * Where the conference contacts were met and what was discussed, for {{Event}} and {{Topic}}: filled after setup
 * adds those columns, by name, so the sample's own columns stay where the screenshots show them.
 */
export const SAMPLE_EVENTS: Record<string, { event: string; topic: string }> = {
  'Grace Kim': { event: 'the ACP Internal Medicine Meeting 2026', topic: 'survivorship clinics for cardio-oncology patients' },
  'Ravi Patel': { event: 'the ACP Internal Medicine Meeting 2026', topic: 'AI tools for reading echocardiograms' },
  'Nadia Haddad': { event: 'the CHEST Annual Meeting', topic: 'multidisciplinary review in ILD clinics' },
  'Chen Wei': { event: 'ASN Kidney Week 2026', topic: 'urine biomarkers for early kidney injury' },
};

/** The sample profile as the welcome dialog saves it (saveProfile), which is how a new user fills it in. */
export function saveSampleProfile(app: { call(name: string, ...args: unknown[]): unknown }): void {
  app.call('saveProfile', {
    myName: SAMPLE_PROFILE['My name'], myPosition: SAMPLE_PROFILE['My position'],
    myInstitution: SAMPLE_PROFILE['My institution'], mySpecialty: SAMPLE_PROFILE['My specialty'],
  });
}

export const SAMPLE_PROFILE: Record<string, string> = {
  'My name': 'Sam Lee',
  'My position': 'a PGY-1 preliminary medicine intern',
  'My institution': 'Riverside Medical Center',
  'My specialty': 'cardiology',
};
