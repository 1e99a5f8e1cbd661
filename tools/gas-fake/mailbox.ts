/**
 * The user's Gmail mailbox, and the Gmail advanced service's read side over it (API v1): users.messages.list/get,
 * users.threads.list/get, users.history.list and users.getProfile. Tests fill the mailbox with `add`; drafts made
 * through Gmail.Users.Drafts are messages here too (label DRAFT), as in Gmail. Each change gets a history record
 * with an increasing historyId; `expireHistory()` discards the history, as Gmail does after a week or so.
 */
import { FaultInjectable, googleJsonError } from './errors';
import { matchesQuery, parseGmailQuery } from './gmail-search';
import type { FakeAuthorization } from './services';

export const GMAIL_SCOPES = {
  all: 'https://mail.google.com/',
  modify: 'https://www.googleapis.com/auth/gmail.modify',
  compose: 'https://www.googleapis.com/auth/gmail.compose',
  readonly: 'https://www.googleapis.com/auth/gmail.readonly',
  metadata: 'https://www.googleapis.com/auth/gmail.metadata',
} as const;

/** The scopes each method's reference page accepts ("Requires one of the following OAuth scopes"). */
const READ_SCOPES = [GMAIL_SCOPES.all, GMAIL_SCOPES.modify, GMAIL_SCOPES.readonly, GMAIL_SCOPES.metadata];
const PROFILE_SCOPES = [...READ_SCOPES, GMAIL_SCOPES.compose];

export interface MailboxMessageInput {
  from: string;
  to?: string | readonly string[];
  cc?: string | readonly string[];
  bcc?: string | readonly string[];
  date: Date;
  subject?: string;
  listId?: string;
  precedence?: string;
  /** Gmail's labels; by default INBOX and UNREAD for mail received, SENT for mail from the user. */
  labelIds?: readonly string[];
  /** A message id already in the mailbox: the new message joins its thread. */
  threadOf?: string;
  /** The plain-text body (Gmail's snippet is its start). */
  body?: string;
}

export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  historyId: number;
  internalDate: number;
  headers: { name: string; value: string }[];
  body: string;
}

interface HistoryRecord {
  id: number;
  messagesAdded?: { message: { id: string; threadId: string; labelIds: string[] } }[];
  messagesDeleted?: { message: { id: string; threadId: string; labelIds: string[] } }[];
}

export type MailboxMethod = 'getProfile' | 'Messages.list' | 'Messages.get' | 'Threads.list' | 'Threads.get' | 'History.list';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 2822 date, in UTC: "Sun, 22 Nov 2026 15:00:00 +0000". */
function rfc2822(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAY_NAMES[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

function list(value: string | readonly string[] | undefined): string {
  return value === undefined ? '' : typeof value === 'string' ? value : value.join(', ');
}

function encodeToken(offset: number): string {
  return Buffer.from(`gas-fake:${offset}`).toString('base64url');
}

function decodeToken(token: string | undefined, api: string): number {
  if (!token) return 0;
  const match = /^gas-fake:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw googleJsonError(api, 400, 'Invalid pageToken', 'invalid');
  return Number(match[1]);
}

export class FakeMailbox extends FaultInjectable<MailboxMethod> {
  readonly messages: StoredMessage[] = [];
  readonly history: HistoryRecord[] = [];
  private nextMessage = 1;
  /** Gmail's history ids increase but are not contiguous; the fake steps by 7 so no test can rely on +1. */
  private currentHistoryId = 1000;
  private historyFloor = 1000;

  constructor(
    readonly userEmail: string,
    private readonly now: () => Date,
  ) {
    super();
  }

  _now(): Date {
    return this.now();
  }

  /** Puts a message in the mailbox (as delivered or sent); returns its id. */
  add(input: MailboxMessageInput): string {
    const fromMe = input.from.toLowerCase().includes(this.userEmail.toLowerCase());
    const headers: { name: string; value: string }[] = [
      { name: 'Date', value: rfc2822(input.date) },
      { name: 'From', value: input.from },
    ];
    const push = (name: string, value: string | undefined) => value && headers.push({ name, value });
    push('To', list(input.to));
    push('Cc', list(input.cc));
    if (fromMe) push('Bcc', list(input.bcc));
    push('Subject', input.subject);
    push('List-Id', input.listId);
    push('Precedence', input.precedence);
    return this.store(headers, input.date.getTime(), [...(input.labelIds ?? (fromMe ? ['SENT'] : ['INBOX', 'UNREAD']))], input.threadOf, input.body ?? '');
  }

  /** A draft's message (label DRAFT), from its RFC 2822 text; used by Gmail.Users.Drafts. */
  _addDraft(mime: string, threadOf?: string): StoredMessage {
    const head = mime.split('\r\n\r\n')[0].replace(/\r\n[ \t]/g, ' ');
    const headers = [{ name: 'Date', value: rfc2822(this.now()) }, { name: 'From', value: this.userEmail }];
    for (const name of ['To', 'Cc', 'Bcc', 'Subject']) {
      const value = new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1];
      if (value) headers.push({ name, value });
    }
    const id = this.store(headers, this.now().getTime(), ['DRAFT'], threadOf, '');
    return this.messages.find((m) => m.id === id)!;
  }

  /** Deletes a message for good (a draft sent or discarded, a message deleted from Trash). */
  _remove(id: string): void {
    const index = this.messages.findIndex((m) => m.id === id);
    if (index < 0) return;
    const [message] = this.messages.splice(index, 1);
    this.record({ messagesDeleted: [{ message: { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] } }] });
  }

  /** Gmail discards history: every startHistoryId before the current one is refused from now on. */
  expireHistory(): void {
    this.historyFloor = this.currentHistoryId;
  }

  get historyId(): number {
    return this.currentHistoryId;
  }

  private store(headers: StoredMessage['headers'], internalDate: number, labelIds: string[], threadOf: string | undefined, body: string): string {
    const id = (0x18c0_0000_0000 + this.nextMessage++).toString(16).padStart(16, '0');
    let threadId = id;
    if (threadOf !== undefined) {
      const parent = this.messages.find((m) => m.id === threadOf);
      if (!parent) throw new Error(`gas-fake: threadOf ${threadOf} is not a message in the mailbox`);
      threadId = parent.threadId;
    }
    const message: StoredMessage = { id, threadId, labelIds, historyId: 0, internalDate, headers, body };
    this.messages.push(message);
    message.historyId = this.record({ messagesAdded: [{ message: { id, threadId, labelIds: [...labelIds] } }] });
    return id;
  }

  private record(change: Omit<HistoryRecord, 'id'>): number {
    this.currentHistoryId += 7;
    this.history.push({ id: this.currentHistoryId, ...change });
    return this.currentHistoryId;
  }

  // ------------------------------------------------------------------------------------------ for the services

  _historyAfter(start: number): HistoryRecord[] | 'expired' {
    if (start < this.historyFloor || start > this.currentHistoryId) return 'expired';
    return this.history.filter((h) => h.id > start);
  }
}

/** The services' shared entry: scope first, then the call is counted, the hook runs, a planted fault fires. */
class MailboxService {
  constructor(
    protected readonly mailbox: FakeMailbox,
    protected readonly authorization: FakeAuthorization,
  ) {}

  protected enter(method: MailboxMethod, api: string, userId: string, scopes: readonly string[]): void {
    if (!this.authorization.grantedAny(scopes)) throw googleJsonError(api, 403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
    this.mailbox.faults.enter(method);
    if (userId !== 'me' && userId.toLowerCase() !== this.mailbox.userEmail.toLowerCase()) {
      throw googleJsonError(api, 403, `Delegation denied for ${this.mailbox.userEmail}`, 'forbidden');
    }
  }

  /** Only gmail.metadata granted: Gmail refuses `q` and the full and raw formats. */
  protected metadataOnly(): boolean {
    return !this.authorization.grantedAny([GMAIL_SCOPES.all, GMAIL_SCOPES.modify, GMAIL_SCOPES.readonly]);
  }

  protected matching(api: string, options: { q?: string; labelIds?: string | string[]; includeSpamTrash?: boolean }): StoredMessage[] {
    if (options.q && this.metadataOnly()) throw googleJsonError(api, 403, "Metadata scope does not support 'q' parameter", 'forbidden');
    const query = parseGmailQuery(options.q ?? '');
    const labels = options.labelIds === undefined ? [] : typeof options.labelIds === 'string' ? [options.labelIds] : options.labelIds;
    const context = { userEmail: this.mailbox.userEmail, now: this.mailbox._now().getTime() };
    return this.mailbox.messages.filter((m) => {
      if (!options.includeSpamTrash && (m.labelIds.includes('SPAM') || m.labelIds.includes('TRASH'))) return false;
      if (!labels.every((l) => m.labelIds.includes(l))) return false;
      return matchesQuery(query, { internalDate: m.internalDate, labelIds: m.labelIds, header: (name) => header(m, name) }, context);
    });
  }

  protected view(m: StoredMessage, format = 'full', metadataHeaders?: string | string[], api = 'gmail.users.messages.get'): object {
    if ((format === 'full' || format === 'raw') && this.metadataOnly()) throw googleJsonError(api, 403, `Metadata scope doesn't allow format ${format.toUpperCase()}`, 'forbidden');
    const base: Record<string, unknown> = {
      id: m.id,
      threadId: m.threadId,
      labelIds: [...m.labelIds],
      snippet: m.body.replace(/\s+/g, ' ').trim().slice(0, 200),
      sizeEstimate: m.headers.reduce((n, h) => n + h.name.length + h.value.length + 4, 2) + m.body.length,
      historyId: String(m.historyId),
      internalDate: String(m.internalDate),
    };
    if (format === 'minimal') return base;
    if (format === 'raw') {
      const text = `${m.headers.map((h) => `${h.name}: ${h.value}`).join('\r\n')}\r\n\r\n${m.body}`;
      return { ...base, raw: Buffer.from(text).toString('base64url') };
    }
    const names = metadataHeaders === undefined ? null : (typeof metadataHeaders === 'string' ? [metadataHeaders] : metadataHeaders).map((n) => n.toLowerCase());
    const headers = format === 'metadata' && names ? m.headers.filter((h) => names.includes(h.name.toLowerCase())) : m.headers;
    const payload: Record<string, unknown> = { partId: '', mimeType: 'text/plain', filename: '', headers: headers.map((h) => ({ ...h })) };
    if (format === 'full') payload.body = m.body ? { size: m.body.length, data: Buffer.from(m.body).toString('base64url') } : { size: 0 };
    return { ...base, payload };
  }
}

function header(m: StoredMessage, name: string): string {
  return m.headers.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value).join(', ');
}

function newestFirst(a: StoredMessage, b: StoredMessage): number {
  return b.internalDate - a.internalDate || (b.id < a.id ? -1 : 1);
}

function pageSize(maxResults: number | undefined): number {
  return Math.max(1, Math.min(maxResults ?? 100, 500));
}

const FORMATS = ['minimal', 'full', 'raw', 'metadata'];

export class FakeGmailMessages extends MailboxService {
  readonly _className = 'Gmail.Users.Messages';

  list(userId: string, options: { q?: string; maxResults?: number; pageToken?: string; includeSpamTrash?: boolean; labelIds?: string | string[] } = {}): object {
    const api = 'gmail.users.messages.list';
    this.enter('Messages.list', api, userId, READ_SCOPES);
    const found = this.matching(api, options).sort(newestFirst);
    const start = decodeToken(options.pageToken, api);
    const size = pageSize(options.maxResults);
    const page = found.slice(start, start + size);
    const result: Record<string, unknown> = {};
    if (page.length) result.messages = page.map((m) => ({ id: m.id, threadId: m.threadId }));
    if (start + size < found.length) result.nextPageToken = encodeToken(start + size);
    result.resultSizeEstimate = found.length;
    return result;
  }

  get(userId: string, id: string, options: { format?: string; metadataHeaders?: string | string[]; fields?: string } = {}): object {
    const api = 'gmail.users.messages.get';
    this.enter('Messages.get', api, userId, READ_SCOPES);
    const format = (options.format ?? 'full').toLowerCase();
    if (!FORMATS.includes(format)) throw googleJsonError(api, 400, `Invalid value at 'format', "${options.format}"`, 'invalid');
    const message = this.mailbox.messages.find((m) => m.id === id);
    if (!message) throw googleJsonError(api, 404, 'Requested entity was not found.', 'notFound');
    const view = this.view(message, format, options.metadataHeaders, api);
    return options.fields ? partialResponse(view as Record<string, unknown>, options.fields) : view;
  }
}

export class FakeGmailThreads extends MailboxService {
  readonly _className = 'Gmail.Users.Threads';

  list(userId: string, options: { q?: string; maxResults?: number; pageToken?: string; includeSpamTrash?: boolean; labelIds?: string | string[] } = {}): object {
    const api = 'gmail.users.threads.list';
    this.enter('Threads.list', api, userId, READ_SCOPES);
    const threadIds = new Set(this.matching(api, options).map((m) => m.threadId));
    const latest = (threadId: string) => this.mailbox.messages.filter((m) => m.threadId === threadId).sort(newestFirst)[0];
    const threads = [...threadIds].map(latest).sort(newestFirst);
    const start = decodeToken(options.pageToken, api);
    const size = pageSize(options.maxResults);
    const page = threads.slice(start, start + size);
    const result: Record<string, unknown> = {};
    if (page.length) {
      result.threads = page.map((m) => ({ id: m.threadId, snippet: m.body.replace(/\s+/g, ' ').trim().slice(0, 200), historyId: String(m.historyId) }));
    }
    if (start + size < threads.length) result.nextPageToken = encodeToken(start + size);
    result.resultSizeEstimate = threads.length;
    return result;
  }

  get(userId: string, id: string, options: { format?: string; metadataHeaders?: string | string[] } = {}): object {
    const api = 'gmail.users.threads.get';
    this.enter('Threads.get', api, userId, READ_SCOPES);
    const format = (options.format ?? 'full').toLowerCase();
    if (!['minimal', 'full', 'metadata'].includes(format)) throw googleJsonError(api, 400, `Invalid value at 'format', "${options.format}"`, 'invalid');
    const messages = this.mailbox.messages.filter((m) => m.threadId === id).sort((a, b) => a.internalDate - b.internalDate);
    if (!messages.length) throw googleJsonError(api, 404, 'Requested entity was not found.', 'notFound');
    return {
      id,
      historyId: String(Math.max(...messages.map((m) => m.historyId))),
      messages: messages.map((m) => this.view(m, format, options.metadataHeaders, api)),
    };
  }
}

const HISTORY_TYPES = ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved'];

export class FakeGmailHistory extends MailboxService {
  readonly _className = 'Gmail.Users.History';

  list(userId: string, options: { startHistoryId?: string | number; historyTypes?: string | string[]; labelId?: string; maxResults?: number; pageToken?: string } = {}): object {
    const api = 'gmail.users.history.list';
    this.enter('History.list', api, userId, READ_SCOPES);
    const raw = options.startHistoryId;
    if (raw === undefined || raw === '') throw googleJsonError(api, 400, 'Missing required parameter: startHistoryId', 'required');
    if (!/^\d+$/.test(String(raw))) throw googleJsonError(api, 400, `Invalid value at 'start_history_id' (TYPE_UINT64), "${raw}"`, 'invalid');
    const records = this.mailbox._historyAfter(Number(raw));
    if (records === 'expired') throw googleJsonError(api, 404, 'Requested entity was not found.', 'notFound');
    const types = options.historyTypes === undefined ? HISTORY_TYPES : typeof options.historyTypes === 'string' ? [options.historyTypes] : options.historyTypes;
    const wanted = records
      .map((record) => {
        const out: Record<string, unknown> = { id: String(record.id) };
        const keep = (items: HistoryRecord['messagesAdded']) => (items ?? []).filter((i) => !options.labelId || i.message.labelIds.includes(options.labelId));
        const added = types.includes('messageAdded') ? keep(record.messagesAdded) : [];
        const deleted = types.includes('messageDeleted') ? keep(record.messagesDeleted) : [];
        if (!added.length && !deleted.length) return null;
        out.messages = [...added, ...deleted].map((i) => ({ id: i.message.id, threadId: i.message.threadId }));
        if (added.length) out.messagesAdded = added.map((i) => ({ message: { ...i.message, labelIds: [...i.message.labelIds] } }));
        if (deleted.length) out.messagesDeleted = deleted.map((i) => ({ message: { ...i.message, labelIds: [...i.message.labelIds] } }));
        return out;
      })
      .filter((r): r is Record<string, unknown> => r !== null);
    const start = decodeToken(options.pageToken, api);
    const size = pageSize(options.maxResults);
    const page = wanted.slice(start, start + size);
    const result: Record<string, unknown> = {};
    if (page.length) result.history = page;
    if (start + size < wanted.length) result.nextPageToken = encodeToken(start + size);
    result.historyId = String(this.mailbox.historyId);
    return result;
  }
}

/** Gmail.Users: the services above, and getProfile (which, unlike them, also accepts gmail.compose). */
export class FakeGmailUsers extends MailboxService {
  readonly _className = 'Gmail.Users';

  getProfile(userId: string): object {
    this.enter('getProfile', 'gmail.users.getProfile', userId, PROFILE_SCOPES);
    const messages = this.mailbox.messages;
    return {
      emailAddress: this.mailbox.userEmail,
      messagesTotal: messages.length,
      threadsTotal: new Set(messages.map((m) => m.threadId)).size,
      historyId: String(this.mailbox.historyId),
    };
  }
}

/**
 * Google's standard `fields` parameter (a partial response): only the listed fields, `a/b` for a field inside
 * another. https://developers.google.com/gmail/api/guides/performance#partial-response
 */
export function partialResponse(resource: Record<string, unknown>, fields: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields.split(',').map((f) => f.trim()).filter(Boolean)) {
    const [head, ...rest] = field.split('/');
    if (!(head in resource)) continue;
    const value = resource[head];
    if (!rest.length || value === null || typeof value !== 'object') result[head] = value;
    else result[head] = { ...((result[head] as Record<string, unknown>) ?? {}), ...partialResponse(value as Record<string, unknown>, rest.join('/')) };
  }
  return result;
}
