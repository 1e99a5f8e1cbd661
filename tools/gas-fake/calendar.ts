/**
 * The user's primary Google Calendar, and the Calendar advanced service's Events.list over it (API v3), with the
 * rules of incremental sync: nextSyncToken on the last page only; a syncToken cannot be combined with timeMin,
 * timeMax, orderBy, q, iCalUID, updatedMin or the extended-property filters; changes since the token include
 * cancelled events; an expired token is 410 "Sync token is no longer valid, a full sync is required."
 */
import { FaultInjectable, googleJsonError } from './errors';
import type { FakeAuthorization } from './services';
import { midnight, wallTime } from './time';

/** The scopes events.list's reference page accepts. */
export const CALENDAR_READ_SCOPES = [
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.events.readonly',
] as const;

export type EventTime = Date | { date: string };
export type ResponseStatus = 'needsAction' | 'declined' | 'tentative' | 'accepted';

export interface CalendarEventInput {
  summary?: string;
  start: EventTime;
  end: EventTime;
  attendees?: { email: string; responseStatus?: ResponseStatus; self?: boolean; organizer?: boolean; displayName?: string }[];
  organizer?: string | { email: string; displayName?: string; self?: boolean };
  status?: 'confirmed' | 'tentative' | 'cancelled';
  /** RRULE lines. The event is listed as one recurring event; the fake does not expand instances. */
  recurrence?: string[];
}

interface StoredEvent {
  id: string;
  input: CalendarEventInput;
  created: number;
  updated: number;
  sequence: number;
  /** The calendar's change counter when the event last changed: what a sync token compares against. */
  changed: number;
}

export type CalendarMethod = 'Events.list';

const SYNC_RESTRICTIONS = ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

function isoInZone(date: Date, timeZone: string): string {
  const w = wallTime(date, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = w.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(w.offsetMinutes);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}


export class FakeCalendar extends FaultInjectable<CalendarMethod> {
  readonly events: StoredEvent[] = [];
  private nextId = 1;
  private changes = 0;
  /** Bumped by expireSyncTokens: a token from an earlier epoch is refused. */
  private syncEpoch = 1;

  constructor(
    readonly userEmail: string,
    readonly timeZone: string,
    private readonly now: () => Date,
  ) {
    super();
  }

  /** Puts an event on the primary calendar; returns its id. */
  add(input: CalendarEventInput): string {
    const id = `evt${String(this.nextId++).padStart(6, '0')}`;
    const at = this.now().getTime();
    this.events.push({ id, input: { status: 'confirmed', ...input }, created: at, updated: at, sequence: 0, changed: ++this.changes });
    return id;
  }

  /** Changes an event as its organizer or the user would in Calendar. */
  update(id: string, patch: Partial<CalendarEventInput>): void {
    const event = this.find(id);
    event.input = { ...event.input, ...patch };
    this.touch(event);
  }

  /** Deletes (cancels) an event: it is gone from lists, and a sync reports it with status "cancelled". */
  cancel(id: string): void {
    this.update(id, { status: 'cancelled' });
  }

  /** Calendar invalidates every sync token issued so far. */
  expireSyncTokens(): void {
    this.syncEpoch++;
  }

  /** An event time as epoch ms: a timed event's instant; an all-day event's first instant in the calendar's zone. */
  _instant(time: EventTime): number {
    if (time instanceof Date) return time.getTime();
    const [y, m, d] = time.date.split('-').map(Number);
    return midnight(y, m, d, this.timeZone).getTime();
  }

  private find(id: string): StoredEvent {
    const event = this.events.find((e) => e.id === id);
    if (!event) throw new Error(`gas-fake: no calendar event ${id}`);
    return event;
  }

  private touch(event: StoredEvent): void {
    event.updated = Math.max(this.now().getTime(), event.updated + 1);
    event.sequence++;
    event.changed = ++this.changes;
  }

  _syncToken(): string {
    return Buffer.from(`gas-fake-sync:${this.syncEpoch}:${this.changes}`).toString('base64url');
  }

  /** The changes after a token, or 'expired' for one Calendar no longer honours (or never issued). */
  _changesSince(token: string): StoredEvent[] | 'expired' {
    const match = /^gas-fake-sync:(\d+):(\d+)$/.exec(Buffer.from(String(token), 'base64url').toString('utf8'));
    if (!match || Number(match[1]) !== this.syncEpoch || Number(match[2]) > this.changes) return 'expired';
    return this.events.filter((e) => e.changed > Number(match[2]));
  }

  _view(event: StoredEvent): object {
    const e = event.input;
    if (e.status === 'cancelled') return { kind: 'calendar#event', id: event.id, status: 'cancelled' };
    const time = (t: EventTime) => (t instanceof Date ? { dateTime: isoInZone(t, this.timeZone) } : { date: t.date });
    const organizer = typeof e.organizer === 'string' ? { email: e.organizer } : e.organizer ?? { email: this.userEmail, self: true };
    const out: Record<string, unknown> = {
      kind: 'calendar#event',
      id: event.id,
      status: e.status,
      created: new Date(event.created).toISOString(),
      updated: new Date(event.updated).toISOString(),
      summary: e.summary,
      organizer: { ...organizer, ...(organizer.email.toLowerCase() === this.userEmail.toLowerCase() ? { self: true } : {}) },
      start: time(e.start),
      end: time(e.end),
      iCalUID: `${event.id}@google.com`,
      sequence: event.sequence,
    };
    if (e.summary === undefined) delete out.summary;
    if (e.recurrence) out.recurrence = [...e.recurrence];
    if (e.attendees) {
      out.attendees = e.attendees.map((a) => ({
        ...a,
        responseStatus: a.responseStatus ?? 'needsAction',
        ...(a.email.toLowerCase() === this.userEmail.toLowerCase() ? { self: true } : {}),
      }));
    }
    return out;
  }
}

export interface EventsListOptions {
  timeMin?: string;
  timeMax?: string;
  singleEvents?: boolean;
  orderBy?: 'startTime' | 'updated';
  showDeleted?: boolean;
  maxResults?: number;
  pageToken?: string;
  syncToken?: string;
  updatedMin?: string;
  q?: string;
  iCalUID?: string;
  privateExtendedProperty?: string;
  sharedExtendedProperty?: string;
}

export class FakeCalendarEvents {
  readonly _className = 'Calendar.Events';

  constructor(
    private readonly calendar: FakeCalendar,
    private readonly authorization: FakeAuthorization,
  ) {}

  list(calendarId: string, options: EventsListOptions = {}): object {
    const api = 'calendar.events.list';
    if (!this.authorization.grantedAny(CALENDAR_READ_SCOPES)) throw googleJsonError(api, 403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
    this.calendar.faults.enter('Events.list');
    if (calendarId !== 'primary' && calendarId.toLowerCase() !== this.calendar.userEmail.toLowerCase()) throw googleJsonError(api, 404, 'Not Found', 'notFound');
    const bad = (message: string, reason = 'invalid') => googleJsonError(api, 400, message, reason);
    const defined = (key: string) => (options as Record<string, unknown>)[key] !== undefined;
    if (options.syncToken !== undefined && (SYNC_RESTRICTIONS.some(defined) || options.showDeleted === false)) {
      throw bad('Sync token cannot be used with other request restrictions.', 'syncTokenWithRequestRestrictions');
    }
    if (options.orderBy === 'startTime' && options.singleEvents !== true) throw bad('The requested ordering is not available for the particular query.');
    if (options.orderBy !== undefined && !['startTime', 'updated'].includes(options.orderBy)) throw bad(`Invalid value for orderBy: ${options.orderBy}`);
    for (const key of ['timeMin', 'timeMax', 'updatedMin'] as const) {
      const value = options[key];
      if (value !== undefined && (typeof value !== 'string' || !RFC3339.test(value))) throw bad('Bad Request', 'badRequest');
    }
    if (options.q !== undefined || options.iCalUID !== undefined || options.privateExtendedProperty !== undefined || options.sharedExtendedProperty !== undefined) {
      throw new Error('gas-fake: Calendar.Events.list with q, iCalUID or extended-property filters is not modelled. See tools/gas-fake/README.md.');
    }
    const timeMin = options.timeMin === undefined ? null : Date.parse(options.timeMin);
    const timeMax = options.timeMax === undefined ? null : Date.parse(options.timeMax);
    if (timeMin !== null && timeMax !== null && timeMax <= timeMin) throw bad('The specified time range is empty.', 'timeRangeEmpty');

    let found;
    if (options.syncToken !== undefined) {
      const changes = this.calendar._changesSince(options.syncToken);
      if (changes === 'expired') throw googleJsonError(api, 410, 'Sync token is no longer valid, a full sync is required.', 'fullSyncRequired', 'calendar');
      found = changes;
    } else {
      const updatedMin = options.updatedMin === undefined ? null : Date.parse(options.updatedMin);
      found = this.calendar.events.filter((e) => {
        const cancelled = e.input.status === 'cancelled';
        if (cancelled && !options.showDeleted && updatedMin === null) return false;
        if (updatedMin !== null && e.updated < updatedMin) return false;
        if (timeMin !== null && this.calendar._instant(e.input.end) <= timeMin) return false;
        if (timeMax !== null && this.calendar._instant(e.input.start) >= timeMax) return false;
        return true;
      });
    }
    if (options.singleEvents && found.some((e) => e.input.recurrence && e.input.status !== 'cancelled')) {
      throw new Error('gas-fake: singleEvents with a recurring event needs recurrence expansion, which the fake does not model. See tools/gas-fake/README.md.');
    }
    if (options.orderBy === 'startTime') found = [...found].sort((a, b) => this.calendar._instant(a.input.start) - this.calendar._instant(b.input.start));
    if (options.orderBy === 'updated') found = [...found].sort((a, b) => a.updated - b.updated);

    const size = Math.max(1, Math.min(options.maxResults ?? 250, 2500));
    let start = 0;
    if (options.pageToken !== undefined) {
      const match = /^gas-fake-page:(\d+)$/.exec(Buffer.from(options.pageToken, 'base64url').toString('utf8'));
      if (!match) throw bad('Invalid pageToken');
      start = Number(match[1]);
    }
    const page = found.slice(start, start + size);
    const result: Record<string, unknown> = {
      kind: 'calendar#events',
      summary: this.calendar.userEmail,
      timeZone: this.calendar.timeZone,
      items: page.map((e) => this.calendar._view(e)),
    };
    if (start + size < found.length) result.nextPageToken = Buffer.from(`gas-fake-page:${start + size}`).toString('base64url');
    else result.nextSyncToken = this.calendar._syncToken();
    return result;
  }
}
