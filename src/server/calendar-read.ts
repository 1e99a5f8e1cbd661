import { Day, dayFromYmd, dayOfInstant, startOfDay } from '../core/dates';
import { Sighting } from '../core/sync';

/**
 * Calendar's read side, for sync (the Calendar advanced service, scope calendar.events.readonly): the events of
 * the user's primary calendar, a full list over the window once, then only what changed (nextSyncToken).
 * Recurring events come as their single occurrences.
 */

interface CalendarChanges {
  /** Events that are over, with their people. */
  past: Sighting[];
  syncToken: string;
}

type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

function calendar(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined' || !Calendar) throw new SyncNotInstalledError();
  return Calendar;
}

/** The Calendar service is only in an install made with --with-sync. */
class SyncNotInstalledError extends Error {
  constructor() {
    super('This copy of Touchpoint was installed without sync. Install it again with npm run deploy -- --with-sync (README, Sync and reminders), then turn Sync last contact on in Settings.');
    this.name = 'SyncNotInstalledError';
  }
}

/** A sync token Google no longer accepts (HTTP 410): the list must be read whole again. */
export class SyncTokenExpiredError extends Error {
  constructor() {
    super('Calendar asks for a full sync.');
    this.name = 'SyncTokenExpiredError';
  }
}

function momentOf(time: GoogleAppsScript.Calendar.Schema.EventDateTime | undefined, timeZone: string): { day: Day; at: number } | null {
  if (time?.dateTime) {
    const at = Date.parse(time.dateTime);
    return Number.isFinite(at) ? { day: dayOfInstant(new Date(at), timeZone), at } : null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(time?.date ?? '');
  if (!match) return null;
  const day = dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
  return { day, at: startOfDay(day, timeZone).getTime() };
}

/** The event's people but the user: attendees who did not decline, and the organizer. */
function peopleOf(event: CalendarEvent, own: ReadonlySet<string>): string[] {
  const emails = [
    ...(event.attendees ?? []).filter((a) => a.responseStatus !== 'declined' && !a.resource).map((a) => a.email),
    event.organizer?.email,
  ];
  return [...new Set(emails.filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))].filter((e) => !own.has(e));
}

function declinedByUser(event: CalendarEvent, own: ReadonlySet<string>): boolean {
  return (event.attendees ?? []).some((a) => (a.self || own.has(String(a.email).toLowerCase())) && a.responseStatus === 'declined');
}

/** Every page of one Events.list query. Throws SyncTokenExpiredError when a token is no longer valid. */
function listAll(query: Record<string, unknown>): { events: CalendarEvent[]; nextSyncToken: string } {
  const events: CalendarEvent[] = [];
  let pageToken: string | undefined;
  let nextSyncToken = '';
  do {
    let page: GoogleAppsScript.Calendar.Schema.Events;
    try {
      page = calendar().Events!.list('primary', { ...query, ...(pageToken ? { pageToken } : {}) });
    } catch (error) {
      if (/410|no longer valid|full sync/i.test(String(error))) throw new SyncTokenExpiredError();
      throw error;
    }
    events.push(...(page.items ?? []));
    pageToken = page.nextPageToken ?? undefined;
    if (!pageToken) nextSyncToken = String(page.nextSyncToken ?? '');
  } while (pageToken);
  return { events, nextSyncToken };
}

/**
 * The meetings over by `now`: of the whole window (a first sync, no token), or of what changed since the token
 * (a meeting added or changed after the fact). Throws SyncTokenExpiredError when the token is no longer valid.
 */
export function calendarChanges(options: { since: Day; syncToken?: string; own: ReadonlySet<string>; timeZone: string; now: number }): CalendarChanges {
  const { own, timeZone, now } = options;
  const query = options.syncToken
    ? { syncToken: options.syncToken, singleEvents: true, maxResults: 2500 }
    : { timeMin: startOfDay(options.since, timeZone).toISOString(), singleEvents: true, showDeleted: false, maxResults: 2500 };
  const { events, nextSyncToken } = listAll(query);
  const past = events.map((event) => meetingOf(event, own, timeZone)).filter((m): m is Meeting => m !== null && m.endsAt <= now);
  return { past: past.map((m) => m.sighting), syncToken: nextSyncToken };
}

/** The meetings that ended after `from` and by `to`: those still to come at the last sync, now over. */
export function meetingsEndedBetween(from: number, to: number, own: ReadonlySet<string>, timeZone: string): Sighting[] {
  if (to <= from) return [];
  const { events } = listAll({ timeMin: new Date(from).toISOString(), timeMax: new Date(to).toISOString(), singleEvents: true, showDeleted: false, maxResults: 2500 });
  return events
    .map((event) => meetingOf(event, own, timeZone))
    .filter((m): m is Meeting => m !== null && m.endsAt > from && m.endsAt <= to)
    .map((m) => m.sighting);
}

interface Meeting {
  endsAt: number;
  sighting: Sighting;
}

/** An event as a meeting with people, or null: cancelled, declined by the user, or no one else on it. */
function meetingOf(event: CalendarEvent, own: ReadonlySet<string>, timeZone: string): Meeting | null {
  const id = String(event.id ?? '');
  if (!id || event.status === 'cancelled' || declinedByUser(event, own)) return null;
  const start = momentOf(event.start, timeZone);
  const end = momentOf(event.end, timeZone) ?? start;
  const addresses = peopleOf(event, own);
  if (!start || !end || !addresses.length) return null;
  return { endsAt: end.at, sighting: { addresses, day: start.day, at: start.at, channel: 'Meeting', title: event.summary ?? '', sourceId: `calendar:${id}` } };
}
