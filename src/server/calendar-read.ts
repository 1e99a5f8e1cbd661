import { Day, dayFromYmd, dayOfInstant, startOfDay } from '../core/dates';
import { Sighting } from '../core/sync';

/**
 * Calendar's read side, for sync (the Calendar advanced service, scope calendar.events.readonly): the events of
 * the user's primary calendar, a full list over the window once, then only what changed (nextSyncToken).
 * Recurring events come as their single occurrences.
 */

/** An event with a contact on it that has not happened yet: it counts once it is over. */
export interface UpcomingEvent {
  id: string;
  /** When it ends (ms): it counts from then. */
  endsAt: number;
  sighting: Sighting;
}

export interface CalendarChanges {
  /** Events that are over, with their people. */
  past: Sighting[];
  /** Events not over yet, by id (a later sync may cancel or move them). */
  upcoming: UpcomingEvent[];
  /** Ids the changes removed: cancelled, or declined by the user. */
  removed: string[];
  syncToken: string;
}

type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

function calendar(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined' || !Calendar) throw new SyncNotInstalledError();
  return Calendar;
}

/** The Calendar service is only in an install made with --with-sync. */
export class SyncNotInstalledError extends Error {
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

/**
 * The events since `since` (a full sync, no token) or changed since the token, sorted into past and upcoming.
 * Throws SyncTokenExpiredError when the token is no longer valid.
 */
export function calendarChanges(options: { since: Day; syncToken?: string; own: ReadonlySet<string>; timeZone: string; now: number }): CalendarChanges {
  const { own, timeZone, now } = options;
  const changes: CalendarChanges = { past: [], upcoming: [], removed: [], syncToken: '' };
  let pageToken: string | undefined;
  do {
    const query = options.syncToken
      ? { syncToken: options.syncToken, singleEvents: true, maxResults: 2500 }
      : { timeMin: startOfDay(options.since, timeZone).toISOString(), singleEvents: true, showDeleted: false, maxResults: 2500 };
    let page: GoogleAppsScript.Calendar.Schema.Events;
    try {
      page = calendar().Events!.list('primary', { ...query, ...(pageToken ? { pageToken } : {}) });
    } catch (error) {
      if (/410|no longer valid|full sync/i.test(String(error))) throw new SyncTokenExpiredError();
      throw error;
    }
    for (const event of page.items ?? []) sortEvent(event, changes, own, timeZone, now);
    pageToken = page.nextPageToken ?? undefined;
    if (!pageToken) changes.syncToken = String(page.nextSyncToken ?? '');
  } while (pageToken);
  return changes;
}

function sortEvent(event: CalendarEvent, changes: CalendarChanges, own: ReadonlySet<string>, timeZone: string, now: number): void {
  const id = String(event.id ?? '');
  if (!id) return;
  if (event.status === 'cancelled' || declinedByUser(event, own)) {
    changes.removed.push(id);
    return;
  }
  const start = momentOf(event.start, timeZone);
  const end = momentOf(event.end, timeZone) ?? start;
  const addresses = peopleOf(event, own);
  if (!start || !end || !addresses.length) {
    changes.removed.push(id); // no one to count (any more)
    return;
  }
  const sighting: Sighting = { addresses, day: start.day, at: start.at, channel: 'Meeting', title: event.summary ?? '', sourceId: `calendar:${id}` };
  if (end.at <= now) changes.past.push(sighting);
  else changes.upcoming.push({ id, endsAt: end.at, sighting });
}
