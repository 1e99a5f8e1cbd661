import { decideSync } from '../app/sync';
import { Day, dayFromYmd, ymdOfDay } from '../core/dates';
import { contactAddresses, searchQueries, Sighting } from '../core/sync';
import { plural } from '../core/text';
import { ActionContext, actionContext } from './action-context';
import { calendarChanges, SyncNotInstalledError, SyncTokenExpiredError, UpcomingEvent } from './calendar-read';
import { commitAll, prepareInteractions, updateContacts, writeRefusal } from './contact-writer';
import { readContactsForAction, readContactsWithIds } from './contacts-sheet';
import { HistoryExpiredError, isRateLimit, mailboxProfile, messagesAddedSince, searchPage, sightingOf } from './gmail-read';
import { isInstalled } from './install';
import { readLoggedAlready } from './interactions-sheet';
import { requireScopes, ScopeNotGrantedError } from './scopes';
import { readSettingsSheet } from './settings-reader';
import { withDocumentLock } from './workbook';

/**
 * Last contact from Gmail and Calendar. A first sync searches the window (Settings ▸ Sync looks back) for the
 * newest email with each contact, in batches of addresses, resumable across Apps Script's 6-minute limit; later
 * syncs read only what Gmail and Calendar say changed. What was seen is written at the end of each run, in one
 * read and a few writes whatever the number of contacts, and where the run got to is kept in document
 * properties: a run cut short goes on from there.
 */
export const SYNC_TIME_BUDGET_MS = 240_000;
const STATE_KEY = 'touchpoint.sync.state';
const UPCOMING_LIMIT = 40;

export interface SyncState {
  /** Gmail's history id from which the next run reads what is new. */
  historyId?: string;
  /** A first (or repeated) search in progress: the window's first day, and the last address done. */
  backfill?: { since: Day; after: string; done: number };
  calendarToken?: string;
  upcoming?: UpcomingEvent[];
}

export interface SyncReport {
  emails: number;
  meetings: number;
  updated: number;
  logged: number;
  /** Contacts' addresses still to search (a first sync cut short), or 0. */
  remaining: number;
  /** Addresses the first sync has searched so far, of how many. */
  searched: { done: number; of: number } | null;
  notes: string[];
}

/** Each mailbox has its own position (two people may sync one shared spreadsheet, each from their own Gmail). */
function stateKey(mailbox: string): string {
  return `${STATE_KEY}.${mailbox}`;
}

function loadState(mailbox: string): SyncState {
  const text = PropertiesService.getDocumentProperties().getProperty(stateKey(mailbox));
  try {
    return text ? (JSON.parse(text) as SyncState) : {};
  } catch {
    return {};
  }
}

function saveState(mailbox: string, state: SyncState): void {
  PropertiesService.getDocumentProperties().setProperty(stateKey(mailbox), JSON.stringify(state));
}

/** The first day of the window: today, so many months back. */
function windowStart(today: Day, months: number): Day {
  const { year, month, day } = ymdOfDay(today);
  const total = year * 12 + (month - 1) - months;
  return dayFromYmd(Math.floor(total / 12), (total % 12) + 1, Math.min(day, 28));
}

class Clock {
  constructor(private readonly started: number) {}
  get overBudget(): boolean {
    return Date.now() - this.started > SYNC_TIME_BUDGET_MS;
  }
}

/** The newest email per address, searching from where the last run stopped; the state says where this one stopped. */
function backfill(addresses: readonly string[], own: ReadonlySet<string>, state: SyncState, context: ActionContext, clock: Clock, report: SyncReport): Sighting[] {
  const job = state.backfill!;
  const todo = addresses.filter((address) => address > job.after);
  const newest = new Map<string, Sighting>();
  const examined = new Set<string>();
  for (const { addresses: chunk } of searchQueries(todo, job.since)) {
    if (clock.overBudget) break;
    const pending = new Set(chunk);
    let query: string | undefined = searchQueries([...pending], job.since)[0]?.query;
    let pageToken: string | undefined;
    while (!clock.overBudget) {
      if (!query) {
        pending.clear(); // nothing left that fits a search
        break;
      }
      const page = searchPage(query, pageToken);
      const before = pending.size;
      for (const { id } of page.messages) {
        if (examined.has(id)) continue;
        examined.add(id);
        const sighting = sightingOf(id, own, context.timeZone);
        for (const address of sighting?.addresses ?? []) {
          if (!chunk.includes(address)) continue;
          const known = newest.get(address);
          if (!known || sighting!.at > known.at) newest.set(address, { ...sighting!, addresses: [address] });
          pending.delete(address);
        }
      }
      if (!pending.size || !page.nextPageToken) {
        pending.clear();
        break;
      }
      // Found ones leave the search, so the rest is not paged through their mail.
      if (pending.size < before) [query, pageToken] = [searchQueries([...pending], job.since)[0]?.query, undefined];
      else pageToken = page.nextPageToken;
    }
    if (pending.size) break; // cut short: this batch is searched again next run
    job.after = chunk[chunk.length - 1];
    job.done += chunk.length;
  }
  report.remaining = addresses.filter((address) => address > job.after).length;
  report.searched = { done: addresses.length - report.remaining, of: addresses.length };
  if (!report.remaining) delete state.backfill;
  return [...newest.values()];
}

/** New mail since the last run; an expired history starts the search over the window. */
function incremental(own: ReadonlySet<string>, state: SyncState, context: ActionContext, clock: Clock): Sighting[] {
  const { ids, historyId } = messagesAddedSince(state.historyId!);
  const sightings: Sighting[] = [];
  for (const id of ids) {
    if (clock.overBudget) return sightings; // the history id stays: the next run reads these again
    const sighting = sightingOf(id, own, context.timeZone);
    if (sighting) sightings.push(sighting);
  }
  state.historyId = historyId;
  return sightings;
}

function gmailSightings(addresses: readonly string[], own: ReadonlySet<string>, historyId: string, state: SyncState, context: ActionContext, clock: Clock, months: number, report: SyncReport): Sighting[] {
  if (!state.historyId && !state.backfill) {
    state.historyId = historyId; // what arrives during the search is read from here next time
    state.backfill = { since: windowStart(context.today, months), after: '', done: 0 };
  }
  if (state.backfill) return backfill(addresses, own, state, context, clock, report);
  try {
    return incremental(own, state, context, clock);
  } catch (error) {
    if (!(error instanceof HistoryExpiredError)) throw error;
    report.notes.push('Gmail no longer had the changes since the last sync, so Touchpoint searched again.');
    state.historyId = historyId;
    state.backfill = { since: windowStart(context.today, months), after: '', done: 0 };
    return backfill(addresses, own, state, context, clock, report);
  }
}

function calendarSightings(own: ReadonlySet<string>, state: SyncState, context: ActionContext, months: number, addresses: ReadonlySet<string>): Sighting[] {
  const now = Date.now();
  const read = (syncToken?: string) => calendarChanges({ since: windowStart(context.today, months), syncToken, own, timeZone: context.timeZone, now });
  let changes;
  try {
    changes = read(state.calendarToken);
  } catch (error) {
    if (!(error instanceof SyncTokenExpiredError)) throw error;
    state.upcoming = [];
    changes = read();
  }
  const gone = new Set([...changes.removed, ...changes.past.map((s) => s.sourceId.slice('calendar:'.length)), ...changes.upcoming.map((u) => u.id)]);
  const kept = (state.upcoming ?? []).filter((event) => !gone.has(event.id));
  const upcoming = [...kept, ...changes.upcoming.filter((event) => event.sighting.addresses.some((a) => addresses.has(a)))];
  const due = upcoming.filter((event) => event.endsAt <= now);
  state.upcoming = upcoming.filter((event) => event.endsAt > now).sort((a, b) => a.endsAt - b.endsAt).slice(0, UPCOMING_LIMIT);
  state.calendarToken = changes.syncToken || state.calendarToken;
  return [...changes.past, ...due.map((event) => event.sighting)];
}

/** Writes what was seen, under the lock, on the sheet as it is now (rows found by address, not by position). */
function apply(context: ActionContext, sightings: readonly Sighting[], subjects: boolean, report: SyncReport): void {
  if (!sightings.length) return;
  withDocumentLock(() => {
    const snapshot = readContactsForAction(context.spreadsheet, context.timeZone);
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

/** One sync run: Gmail, then Calendar, then one write of what was seen. Stops early on Gmail's rate limit. */
export function runSync(context: ActionContext = actionContext()): SyncReport {
  if (!isInstalled('sync')) throw new SyncNotInstalledError();
  requireScopes(['gmailRead', 'calendarRead'], 'sync last contact from Gmail and Calendar');
  const clock = new Clock(Date.now());
  const { sync } = readSettingsSheet(context.spreadsheet);
  const report: SyncReport = { emails: 0, meetings: 0, updated: 0, logged: 0, remaining: 0, searched: null, notes: [] };
  const contacts = readContactsWithIds(context.spreadsheet, context.timeZone).contacts;
  const addresses = [...new Set(contacts.flatMap(contactAddresses))].sort();
  const profile = mailboxProfile();
  const state = loadState(profile.address);
  const own = new Set([profile.address]);
  const sightings: Sighting[] = [];
  try {
    const emails = gmailSightings(addresses, own, profile.historyId, state, context, clock, sync.months, report);
    report.emails = emails.length;
    sightings.push(...emails);
    if (!clock.overBudget) {
      const meetings = calendarSightings(own, state, context, sync.months, new Set(addresses));
      report.meetings = meetings.length;
      sightings.push(...meetings);
    }
  } catch (error) {
    if (!isRateLimit(error)) throw error;
    report.notes.push('Gmail or Calendar asked Touchpoint to slow down: it stopped there and goes on next time.');
  }
  apply(context, sightings, sync.subjects, report);
  saveState(profile.address, state);
  return report;
}

/** The report in words, for the menu's alert and the log. */
export function describeSync(report: SyncReport): string {
  const parts = [
    report.updated ? `Last contact moved forward for ${plural(report.updated, 'contact')}.` : 'No Last contact needed moving.',
    report.logged ? `Logged ${report.logged === 1 ? 'one email or meeting' : `${report.logged} emails and meetings`} in Interactions.` : '',
    report.remaining && report.searched
      ? `The first search has covered ${report.searched.done.toLocaleString('en-US')} of ${report.searched.of.toLocaleString('en-US')} addresses; ${report.remaining === 1 ? 'one is' : `${report.remaining.toLocaleString('en-US')} are`} still to search: choose Touchpoint ▸ Sync last contact now again, or it goes on tonight.`
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
  if (!readSettingsSheet(context.spreadsheet).sync.on) {
    return say('Sync is off. Set Settings ▸ Sync last contact to On (it reads the dates and subjects of your emails and meetings with your contacts, never their text), then choose this again.');
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
  say(`${read} ${describeSync(report)}`);
}
