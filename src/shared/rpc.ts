import type { Status } from '../core/status';

/**
 * The contract between the sidebar (and dialogs) and the server: every function the client may call through
 * google.script.run, with its argument and result types, defined once for both sides. Everything here must be
 * plain JSON (google.script.run drops Dates and class instances), so dates travel as ISO "2026-03-01" text.
 */
export type IsoDay = string;

export type { Status };

export interface DraftState {
  id: string;
  url: string;
  created: IsoDay;
  /** Its subject, when Touchpoint recorded it. */
  subject?: string;
}

/** A draft Touchpoint made that is no longer in Gmail (sent, or deleted): the card asks "Sent? Log it". */
export interface GoneDraft {
  draftId: string;
  subject: string;
  created: IsoDay;
  /** The day Touchpoint first saw it was gone from Gmail: when it was most likely sent. */
  noticed: IsoDay;
}

export interface SentDraftInput {
  contactId: string;
  draftId: string;
  /** true: log an Email contact on `date` with the subject as summary; false: it was not sent, just forget it. */
  sent: boolean;
  date: IsoDay;
}

export interface ContactCard {
  id: string;
  name: string;
  /** "Attending · Riverside Medical Center" */
  subtitle: string;
  relationship: string;
  email: string;
  hasEmail: boolean;
  status: Status;
  daysSince: number | null;
  lastContact: IsoDay | null;
  nextFollowUp: IsoDay | null;
  /** Why it is due, in words: "12 days overdue · every 45 days (Career mentor) · due Oct 17, 2026" */
  reason: string;
  /** How urgent, for ordering: days overdue (positive) or days until due (negative). */
  urgency: number;
  lastNote: string;
  nextStep: string;
  suggestedTemplate: string | null;
  draft: DraftState | null;
  /** Touchpoint's draft to this person is gone from Gmail: was it sent? */
  goneDraft: GoneDraft | null;
  snoozedUntil: IsoDay | null;
  /** Lower-case name, institution and specialty, for the search box. */
  searchText: string;
}

export interface LetterCard {
  id: string;
  name: string;
  letterFor: string;
  due: IsoDay | null;
  askBy: IsoDay | null;
  status: string;
  /** "Ask by Dec 4, 2026 (in 12 days)", "Asked 14 days ago, no answer yet" */
  reason: string;
  urgency: number;
  hasEmail: boolean;
  /** The email to draft now: the request, or once asked, a reminder ("Draft a reminder"). */
  draft: { template: string; label: string };
  /** The statuses this letter can be marked with next (not its own, never back to To ask). */
  nextStatuses: string[];
}

export interface GoalFigure {
  label: string;
  target: number;
  names: string[];
}

export interface SidebarModel {
  today: IsoDay;
  overdue: ContactCard[];
  dueThisWeek: ContactCard[];
  noContactYet: ContactCard[];
  letters: LetterCard[];
  /** The snooze choices the server accepts, in days. */
  snoozeDays: number[];
  goals: GoalFigure[];
  templates: string[];
  channels: string[];
  relationships: string[];
  roles: string[];
  howWeMet: string[];
  /** Rows Touchpoint could not read, by row and column. */
  problems: string[];
  contactCount: number;
  profileMissing: boolean;
}

export interface LogContactInput {
  contactId: string;
  date: IsoDay;
  channel: string;
  summary: string;
  nextStep: string;
}

export interface DraftPreview {
  contactId: string;
  to: string;
  template: string;
  subject: string;
  body: string;
  /** Things to fix before sending, e.g. "Letter for is empty for Maya Okafor". */
  warnings: string[];
  templates: string[];
  /** Fields the text still marks as holes, e.g. ["Letter for"] for "[Letter for]": Create draft waits for them. */
  missing: string[];
  /** The template wants {{My news}}: the editor asks for it. */
  needsNews: boolean;
  /** The user's own notes, shown beside the editor as context: never put into the email. */
  notes: { lastContact: string; nextStep: string };
  /** A Touchpoint draft to this person still open in Gmail: drafting again must say whether to replace it. */
  openDraft: DraftState | null;
}

export interface CreateDraftInput {
  contactId: string;
  subject: string;
  body: string;
  /**
   * With an open draft to this person: 'replace' overwrites it (edits made in Gmail are lost), 'another' makes a
   * second one. Without either, the server refuses rather than choose.
   */
  whenOpen?: 'replace' | 'another';
  /** The template the draft came from: one that asks for {{My news}} is refused without `news`. */
  template?: string;
  /** What the user typed as their news, for such a template. */
  news?: string;
}

export interface NewContactInput {
  firstName: string;
  lastName: string;
  email: string;
  role: string;
  institution: string;
  specialty: string;
  relationship: string;
  howWeMet: string;
  metOn: IsoDay | '';
  interests: string;
}

export interface ActionResult {
  message: string;
  model: SidebarModel;
}

export interface BulkDraftChoice {
  scope: 'overdue' | 'selected';
  /** A template name, or null for the one suggested per contact. */
  template: string | null;
}

export interface BulkDraftPlan {
  scope: 'overdue' | 'selected';
  templates: string[];
  toDraft: { id: string; name: string; template: string }[];
  skipped: { name: string; reason: string }[];
}

export interface BulkDraftSummary {
  drafted: { name: string; template: string }[];
  skipped: { name: string; reason: string }[];
  failed: { name: string; error: string }[];
  /** Drafted, but the mark could not go on the sheet (the row was deleted or its email changed meanwhile). */
  unmarked: { name: string; reason: string }[];
  /** Contacts left for a second run (time limit reached or Gmail stopped us). */
  remaining: number;
  message: string;
}

/** The server functions the client calls. Names here are generated as top-level functions in Code.js. */
export interface ServerApi {
  loadSidebar(): SidebarModel;
  logContact(input: LogContactInput): ActionResult;
  snoozeContact(contactId: string, days: number): ActionResult;
  previewDraft(contactId: string, template: string | null, news?: string): DraftPreview;
  createDraft(input: CreateDraftInput): ActionResult;
  answerGoneDraft(input: SentDraftInput): ActionResult;
  goToContact(contactId: string): void;
  addContact(input: NewContactInput): ActionResult;
  planBulkDrafts(choice: BulkDraftChoice): BulkDraftPlan;
  runBulkDrafts(choice: BulkDraftChoice): BulkDraftSummary;
  setLetterStatus(contactId: string, status: string): ActionResult;
  loadProfile(): ProfileInput;
  saveProfile(input: ProfileInput): { message: string };
  previewImport(input: ImportInput): ImportPreview;
  runImport(input: ImportInput): ImportResult;
}

export interface ImportInput {
  /** The CSV file's text, read in the browser (no Drive access needed). */
  text: string;
  /** For each file column, the Contacts column it fills (a key from `columns`) or null; null for the default. */
  mapping: (string | null)[] | null;
  /** Fill empty cells of contacts already on the sheet from the file. */
  fillEmpty: boolean;
  /** Import a person whose date cell cannot be read, with that date blank (and a warning), instead of rejecting the row. */
  blankBadDates?: boolean;
  /** How the file's slashed dates read (03/11/2026): day first or month first; unset for what the file or locale says. */
  dateOrder?: 'DMY' | 'MDY';
}

export interface ImportPreview {
  format: 'linkedin' | 'csv';
  /** How the file's columns are separated, as a sentence: "Columns separated by semicolons." */
  separatedBy: string;
  headers: string[];
  mapping: (string | null)[];
  /** The Contacts columns a file column may be mapped to. */
  columns: { key: string; header: string }[];
  newCount: number;
  newNames: string[];
  present: { name: string; row: number; fills: string[] }[];
  rejected: { fileRow: number; name: string; reason: string }[];
  /** People imported with something left blank, by file row. */
  warnings: { fileRow: number; name: string; warning: string }[];
  problems: string[];
  /** The file's slashed dates: an example, the order used, and whether the file leaves it open (then the user confirms). */
  slashDates: { example: string; order: 'DMY' | 'MDY'; open: boolean } | null;
}

export interface ImportResult {
  added: number;
  filled: number;
  rejected: number;
  message: string;
}

/** The user's profile on Settings, which introduces and signs their emails. */
export interface ProfileInput {
  myName: string;
  myPosition: string;
  myInstitution: string;
  mySpecialty: string;
}

