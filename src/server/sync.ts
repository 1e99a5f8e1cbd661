import { decideSync } from '../app/sync';
import { Day, dayFromYmd, ymdOfDay } from '../core/dates';
import { addressFingerprint, contactAddresses, contactsByAddress, searchQueries, Sighting } from '../core/sync';
import { plural } from '../core/text';
import { ActionContext, actionContext } from './action-context';
import { calendarChanges, meetingsEndedBetween, SyncTokenExpiredError } from './calendar-read';
import { commitAll, prepareInteractions, updateContacts, writeRefusal } from './contact-writer';
import { readContactsForAction, readContactsWithIds } from './contacts-sheet';
import { HistoryExpiredError, isRateLimit, mailboxProfile, messagesAddedSince, searchPage, sightingOf } from './gmail-read';
import { SYNC_LAST_RUN_KEY } from './install';
import { readLoggedAlready } from './interactions-sheet';
import { requireScopes, ScopeNotGrantedError } from './scopes';
import { settingsOf } from './settings-reader';
import { withDocumentLock } from './workbook';

/**
 * Last contact from Gmail and Calendar. Each contact's addresses are searched once over the window (Settings ▸
 * Sync looks back) for the newest email, many addresses per search; a contact added later is searched on the next
 * run. After that only what Gmail's history and Calendar's sync token say is new is read. A run stops before Apps
 * Script's 6-minute limit, and on any error from Gmail or Calendar, and writes what it found: one read of the
 * sheet and a few writes whatever the number of contacts. What was searched is kept in document properties as
 * fingerprints of the addresses (not the addresses), per mailbox.
 */
export const SYNC_TIME_BUDGET_MS = 240_000;
const STATE_KEY = 'touchpoint.sync.state';
const SEARCHED_KEY = 'touchpoint.sync.searched';
/** Pages of newest-first results searched for one batch before the addresses still unfound are given up. */
const MAX_PAGES_PER_BATCH = 5;
/** Properties hold at most 9 KB a value: fingerprints are kept in chunks. */
const CHUNK_CHARACTERS = 8000;

interface SyncState {
  /** Gmail's history id from which the next run reads what is new. */
  historyId?: string;
  calendarToken?: string;
  /** Meetings that ended up to here (ms) have been read. */
  calendarUntil?: number;
}

export interface SyncReport {
  /** Emails and meetings with a contact on them. */
  emails: number;
  meetings: number;
  updated: number;
  logged: number;
  /** Contacts' addresses still to search, or 0. */
  remaining: number;
  /** Addresses searched so far, of how many. */
  searched: { done: number; of: number };
  notes: string[];
}

class Clock {
  private readonly started = Date.now();
  get overBudget(): boolean {
    return Date.now() - this.started > SYNC_TIME_BUDGET_MS;
  }
}

/** The document properties sync keeps for one mailbox: its position, and which addresses were searched. */
class SyncMemory {
  readonly state: SyncState;
  readonly searched: Set<string>;
  private readonly chunks: number;

  constructor(private readonly mailbox: string) {
    const all = PropertiesService.getDocumentProperties().getProperties();
    this.state = parse(all[`${STATE_KEY}.${mailbox}`]);
    const chunks = Object.keys(all).filter((key) => key.startsWith(`${SEARCHED_KEY}.${mailbox}.`));
    this.chunks = chunks.length;
    this.searched = new Set(chunks.flatMap((key) => all[key].split(',').filter(Boolean)));
  }

  save(): void {
    const fingerprints = [...this.searched].join(',');
    const values: Record<string, string> = { [`${STATE_KEY}.${this.mailbox}`]: JSON.stringify(this.state) };
    let count = 0;
    for (let start = 0; start < fingerprints.length; start += CHUNK_CHARACTERS, count++) {
      values[`${SEARCHED_KEY}.${this.mailbox}.${count}`] = fingerprints.slice(start, start + CHUNK_CHARACTERS).replace(/^,|,$/g, '');
    }
    const properties = PropertiesService.getDocumentProperties();
    properties.setProperties(values);
    for (let extra = count; extra < this.chunks; extra++) properties.deleteProperty(`${SEARCHED_KEY}.${this.mailbox}.${extra}`);
  }
}

function parse(text: string | undefined): SyncState {
  try {
    return text ? (JSON.parse(text) as SyncState) : {};
  } catch {
    return {};
  }
}

/** The first day of the window: today, so many months back. */
function windowStart(today: Day, months: number): Day {
  const { year, month, day } = ymdOfDay(today);
  const total = year * 12 + (month - 1) - months;
  return dayFromYmd(Math.floor(total / 12), (total % 12) + 1, Math.min(day, 28));
}

interface Run {
  context: ActionContext;
  own: ReadonlySet<string>;
  since: Day;
  clock: Clock;
  memory: SyncMemory;
  report: SyncReport;
  /** What was seen so far: written at the end of the run, whatever stopped it. */
  seen: Sighting[];
}

/** Searches one batch of addresses, newest first, until each has its newest countable email or is given up. */
function searchBatch(run: Run, chunk: readonly string[]): boolean {
  const pending = new Set(chunk);
  const newest = new Map<string, Sighting>();
  let query: string | undefined = searchQueries(chunk, run.since)[0]?.query;
  let pageToken: string | undefined;
  let pages = 0;
  try {
    while (query && pending.size && pages < MAX_PAGES_PER_BATCH) {
      if (run.clock.overBudget) return false;
      const page = searchPage(query, pageToken);
      pages++;
      const before = pending.size;
      for (const { id } of page.messages) {
        const sighting = sightingOf(id, run.own, run.context.timeZone);
        for (const address of sighting?.addresses ?? []) {
          if (!chunk.includes(address)) continue;
          const known = newest.get(address);
          if (!known || sighting!.at > known.at) newest.set(address, { ...sighting!, addresses: [address] });
          pending.delete(address);
        }
      }
      if (!page.nextPageToken) break;
      // Found ones leave the search, so the rest is not paged through their mail.
      if (pending.size < before) [query, pageToken, pages] = [searchQueries([...pending], run.since)[0]?.query, undefined, 0];
      else pageToken = page.nextPageToken;
    }
  } finally {
    run.seen.push(...newest.values());
  }
  // Done: found, no mail in the window, or (after MAX_PAGES_PER_BATCH pages of mail that does not count) given up.
  for (const address of chunk) run.memory.searched.add(addressFingerprint(address));
  return true;
}

/** The addresses not searched yet (a first sync, contacts added since, a search cut short), batch by batch. */
function searchNew(run: Run, addresses: readonly string[]): void {
  const todo = addresses.filter((address) => !run.memory.searched.has(addressFingerprint(address)));
  for (const { addresses: chunk } of searchQueries(todo, run.since)) {
    if (!searchBatch(run, chunk)) break;
  }
}

/** New mail since the last run (Gmail's history); a message deleted since is skipped. */
function readHistory(run: Run): void {
  const { ids, historyId } = messagesAddedSince(run.memory.state.historyId!);
  for (const id of ids) {
    if (run.clock.overBudget) return; // the history id stays: the next run reads these again
    const sighting = sightingOf(id, run.own, run.context.timeZone);
    if (sighting) run.seen.push(sighting);
  }
  run.memory.state.historyId = historyId;
}

function syncGmail(run: Run, addresses: readonly string[], currentHistoryId: string): void {
  const { state } = run.memory;
  if (state.historyId) {
    try {
      readHistory(run);
    } catch (error) {
      if (!(error instanceof HistoryExpiredError)) throw error;
      run.report.notes.push('Gmail no longer had the changes since the last sync, so Touchpoint searches your mail again.');
      run.memory.searched.clear();
      state.historyId = currentHistoryId;
    }
  } else {
    state.historyId = currentHistoryId; // what arrives while the addresses are searched is read from here next time
  }
  searchNew(run, addresses);
  run.report.remaining = addresses.filter((address) => !run.memory.searched.has(addressFingerprint(address))).length;
  run.report.searched = { done: addresses.length - run.report.remaining, of: addresses.length };
}

function syncCalendar(run: Run): void {
  const { state } = run.memory;
  const now = Date.now();
  const read = (syncToken?: string) => calendarChanges({ since: run.since, syncToken, own: run.own, timeZone: run.context.timeZone, now });
  let changes;
  try {
    changes = read(state.calendarToken);
  } catch (error) {
    if (!(error instanceof SyncTokenExpiredError)) throw error;
    changes = read();
  }
  run.seen.push(...changes.past);
  // Meetings that were still to come last time and have ended since.
  if (state.calendarUntil) run.seen.push(...meetingsEndedBetween(state.calendarUntil, now, run.own, run.context.timeZone));
  state.calendarToken = changes.syncToken || state.calendarToken;
  state.calendarUntil = now;
}

/** An error from Gmail or Calendar in words: the run stops there, keeps what it found, and goes on next time. */
function stoppedBy(service: string, error: unknown): string {
  if (isRateLimit(error)) return `${service} asked Touchpoint to slow down: it stopped there and goes on next time.`;
  const text = String(error instanceof Error ? error.message : error).replace(/^.*failed with error:\s*/i, '');
  return `${service} answered "${text}", so Touchpoint stopped there; what it had found is written, and it goes on next time.`;
}

/** Writes what was seen, under the lock, on the sheet as it is now (rows found by address, not by position). */
function apply(context: ActionContext, sightings: readonly Sighting[], subjects: boolean, report: SyncReport): void {
  if (!sightings.length) return;
  withDocumentLock(() => {
    const snapshot = readContactsForAction(context);
    const decision = decideSync(snapshot.contacts, sightings, readLoggedAlready(context.spreadsheet, context.timeZone), subjects);
    // A row whose cell Touchpoint must not write (the user's formula, a date it cannot read) keeps its values; its
    // email or meeting is still logged, and the report says which cell to fix.
    const writable = decision.changes.filter(({ contact, patch }) => {
      const refusal = writeRefusal(snapshot, contact, Object.keys(patch));
      if (refusal) report.notes.push(`${contact.name}'s row was not updated: ${refusal}`);
      return !refusal;
    });
    commitAll(prepareInteractions(context.spreadsheet, decision.interactions), updateContacts(snapshot, writable));
    report.updated += writable.length;
    report.logged += decision.interactions.length;
  });
}

/** One sync run: Gmail, then Calendar, then one write of what was seen, whatever stopped the run. */
export function runSync(context: ActionContext = actionContext()): SyncReport {
  requireScopes(['gmailRead', 'calendarRead'], 'sync last contact from Gmail and Calendar');
  const { sync } = settingsOf(context.config);
  const contacts = readContactsWithIds(context).contacts;
  const profile = mailboxProfile();
  const own = new Set([profile.address]);
  const addresses = [...new Set(contacts.flatMap(contactAddresses))].filter((address) => !own.has(address)).sort();
  const memory = new SyncMemory(profile.address);
  const report: SyncReport = { emails: 0, meetings: 0, updated: 0, logged: 0, remaining: 0, searched: { done: 0, of: addresses.length }, notes: [] };
  const run: Run = { context, own, since: windowStart(context.today, sync.months), clock: new Clock(), memory, report, seen: [] };
  try {
    syncGmail(run, addresses, profile.historyId);
  } catch (error) {
    report.notes.push(stoppedBy('Gmail', error));
  }
  if (!run.clock.overBudget) {
    try {
      syncCalendar(run);
    } catch (error) {
      report.notes.push(stoppedBy('Calendar', error));
    }
  }
  const withContacts = contactsByAddress(contacts);
  const counted = run.seen.filter((s) => s.addresses.some((address) => withContacts.has(address)));
  report.emails = counted.filter((s) => s.channel === 'Email').length;
  report.meetings = counted.filter((s) => s.channel === 'Meeting').length;
  apply(context, counted, sync.subjects, report);
  memory.save();
  PropertiesService.getDocumentProperties().setProperty(SYNC_LAST_RUN_KEY, JSON.stringify({ at: Date.now(), text: describeSync(report) }));
  return report;
}

/** The report in words, for the menu's alert, Check installation and the log. */
export function describeSync(report: SyncReport): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const parts = [
    report.updated ? `Last contact moved forward for ${plural(report.updated, 'contact')}.` : 'No Last contact needed moving.',
    report.logged ? `Logged ${report.logged === 1 ? 'one email or meeting' : `${count(report.logged)} emails and meetings`} in Interactions.` : '',
    report.remaining
      ? `The search has covered ${count(report.searched.done)} of ${count(report.searched.of)} addresses; ${report.remaining === 1 ? 'one is' : `${count(report.remaining)} are`} still to search: choose Touchpoint ▸ Sync last contact now again, or it goes on tonight.`
      : '',
    ...report.notes,
  ];
  return parts.filter(Boolean).join(' ');
}

/** Menu: Sync last contact now. Runs one sync and says what it did, or why it could not. */
export function syncFromMenu(): void {
  const context = actionContext();
  const ui = SpreadsheetApp.getUi();
  const say = (text: string): void => void ui.alert('Touchpoint', text, ui.ButtonSet.OK);
  const settings = settingsOf(context.config);
  const typos = settings.problems.filter((problem) => /^Settings, Sync/.test(problem));
  if (!settings.sync.on) {
    return say([...typos, 'Sync is off. Set Settings ▸ Sync last contact to On (it reads the dates and subjects of your emails and meetings with your contacts, never their text), then choose this again.'].join(' '));
  }
  let report: SyncReport;
  context.spreadsheet.toast('Reading the dates of your emails and meetings with your contacts. A first sync can take a few minutes.', 'Touchpoint', 10);
  try {
    report = runSync(context);
  } catch (error) {
    if (error instanceof ScopeNotGrantedError) return say(error.message);
    throw error;
  }
  const read = `Read ${report.emails === 1 ? 'one email' : `${report.emails} emails`} and ${report.meetings === 1 ? 'one meeting' : `${report.meetings} meetings`} with your contacts.`;
  say([...typos, read, describeSync(report)].join(' '));
}
