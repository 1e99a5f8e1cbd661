/**
 * The Gmail advanced service's drafts (Gmail.Users.Drafts), as the Gmail API v1 documents them: create takes
 * {message: {raw: base64url RFC 2822}}, get/remove of an unknown id fail with "Requested entity was not found",
 * list pages with maxResults/pageToken. A draft's message is a message of the mailbox with the DRAFT label (so
 * users.messages.list finds it, as Gmail's does); updating a draft replaces its message, which gets a new id.
 * Faults can be injected at the nth call of a method.
 */
import { googleJsonError } from './errors';
import { FakeMailbox, GMAIL_SCOPES } from './mailbox';

/** Drafts' reference pages: get and list also accept gmail.readonly; create, update and delete do not. */
const DRAFT_SCOPES: Record<Method, readonly string[]> = {
  get: [GMAIL_SCOPES.all, GMAIL_SCOPES.modify, GMAIL_SCOPES.compose, GMAIL_SCOPES.readonly],
  list: [GMAIL_SCOPES.all, GMAIL_SCOPES.modify, GMAIL_SCOPES.compose, GMAIL_SCOPES.readonly],
  create: [GMAIL_SCOPES.all, GMAIL_SCOPES.modify, GMAIL_SCOPES.compose],
  update: [GMAIL_SCOPES.all, GMAIL_SCOPES.modify, GMAIL_SCOPES.compose],
  remove: [GMAIL_SCOPES.all, GMAIL_SCOPES.modify, GMAIL_SCOPES.compose],
};
export interface StoredDraft {
  id: string;
  messageId: string;
  threadId: string;
  raw: string;
  /** The decoded RFC 2822 text, for tests to read. */
  mime: string;
}

type Method = 'create' | 'get' | 'list' | 'remove' | 'update';

function notFound(method: string): Error {
  return googleJsonError(`gmail.users.drafts.${method}`, 404, 'Requested entity was not found.', 'notFound');
}

function decodeRaw(raw: unknown, method: string): string {
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(raw)) {
    throw googleJsonError(`gmail.users.drafts.${method}`, 400, "Invalid value at 'draft.message.raw' (TYPE_BYTES), Base64 decoding failed", 'invalid');
  }
  return Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

export class FakeGmailDrafts {
  readonly _className = 'Gmail.Users.Drafts';
  readonly drafts: StoredDraft[] = [];
  private readonly calls: Record<Method, number> = { create: 0, get: 0, list: 0, remove: 0, update: 0 };
  private readonly faults: { method: Method; onCall: number; error: Error }[] = [];
  private nextId = 1;
  /** Called at the start of every call, e.g. to move a test's clock as Gmail takes its time. */
  beforeCall: ((method: Method) => void) | null = null;

  constructor(
    private readonly userEmail: string,
    /** Whether any of the scopes is granted. */
    private readonly hasScope: (scopes: readonly string[]) => boolean = () => true,
    readonly mailbox: FakeMailbox = new FakeMailbox(userEmail, () => new Date()),
  ) {}

  /** Makes the nth call (1-based, counted from now) of a method throw the error. */
  failOnCall(method: Method, onCall: number, error: Error): void {
    this.faults.push({ method, onCall: this.calls[method] + onCall, error });
  }

  create(resource: { message?: { raw?: string } }, userId: string): object {
    this.enter('create', userId);
    const raw = resource?.message?.raw;
    const mime = decodeRaw(raw, 'create');
    const id = `r${String(this.nextId).padStart(19, '0')}`;
    const message = this.mailbox._addDraft(mime);
    const draft: StoredDraft = { id, messageId: message.id, threadId: message.threadId, raw: raw!, mime };
    this.nextId++;
    this.drafts.push(draft);
    return this.view(draft, 'full');
  }

  get(userId: string, id: string, optionalArgs: { format?: string } = {}): object {
    this.enter('get', userId);
    const draft = this.drafts.find((d) => d.id === id);
    if (!draft) throw notFound('get');
    return this.view(draft, optionalArgs.format ?? 'full');
  }

  list(userId: string, optionalArgs: { maxResults?: number; pageToken?: string } = {}): object {
    this.enter('list', userId);
    const size = Math.min(optionalArgs.maxResults ?? 100, 500);
    const start = optionalArgs.pageToken ? Number(optionalArgs.pageToken) : 0;
    const page = this.drafts.slice(start, start + size);
    const result: Record<string, unknown> = { resultSizeEstimate: this.drafts.length };
    if (page.length) result.drafts = page.map((d) => ({ id: d.id, message: { id: d.messageId, threadId: d.threadId } }));
    if (start + size < this.drafts.length) result.nextPageToken = String(start + size);
    return result;
  }

  remove(userId: string, id: string): void {
    this.enter('remove', userId);
    const index = this.drafts.findIndex((d) => d.id === id);
    if (index < 0) throw notFound('delete');
    this.mailbox._remove(this.drafts.splice(index, 1)[0].messageId);
  }

  update(resource: { message?: { raw?: string } }, userId: string, id: string): object {
    this.enter('update', userId);
    const draft = this.drafts.find((d) => d.id === id);
    if (!draft) throw notFound('update');
    const raw = resource?.message?.raw ?? '';
    const mime = decodeRaw(raw, 'update');
    const message = this.mailbox._addDraft(mime, draft.messageId);
    this.mailbox._remove(draft.messageId);
    Object.assign(draft, { raw, mime, messageId: message.id, threadId: message.threadId });
    return this.view(draft, 'full');
  }

  /** What the user does in Gmail: deletes a draft. */
  _deleteInGmail(id: string): void {
    const index = this.drafts.findIndex((d) => d.id === id);
    if (index >= 0) this.mailbox._remove(this.drafts.splice(index, 1)[0].messageId);
  }

  private enter(method: Method, userId: string): void {
    const api = `gmail.users.drafts.${method === 'remove' ? 'delete' : method}`;
    if (!this.hasScope(DRAFT_SCOPES[method])) throw googleJsonError(api, 403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
    this.calls[method]++;
    this.beforeCall?.(method);
    if (userId !== 'me' && userId !== this.userEmail) {
      throw googleJsonError(api, 403, `Delegation denied for ${this.userEmail}`, 'forbidden');
    }
    const fault = this.faults.findIndex((f) => f.method === method && f.onCall === this.calls[method]);
    if (fault >= 0) throw this.faults.splice(fault, 1)[0].error;
  }

  private view(draft: StoredDraft, format: string): object {
    const message: Record<string, unknown> = { id: draft.messageId, threadId: draft.threadId, labelIds: ['DRAFT'] };
    if (format === 'raw') message.raw = draft.raw;
    return { id: draft.id, message };
  }
}

export interface DecodedDraft {
  to: string;
  subject: string;
  /** The plain-text part as sent (CRLF line ends). */
  text: string;
  html: string;
}

/** Reads a draft's RFC 2822 text back as Gmail shows it: To and Subject decoded (RFC 2047), each part's body decoded. */
export function decodeDraft(mime: string): DecodedDraft {
  const [head] = mime.split('\r\n\r\n');
  const unfolded = head.replace(/\r\n /g, '');
  const words = (value: string) => value.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
  const header = (name: string) => words(new RegExp(`^${name}: (.*)$`, 'm').exec(unfolded)?.[1] ?? '');
  const boundary = /boundary="([^"]+)"/.exec(unfolded)?.[1] ?? '';
  const parts = mime.split(`--${boundary}`);
  const body = (type: string) => {
    const part = parts.find((p) => p.includes(`Content-Type: ${type}`)) ?? '';
    return Buffer.from(part.split('\r\n\r\n')[1]?.replace(/\r\n/g, '') ?? '', 'base64').toString('utf8');
  };
  return { to: header('To'), subject: header('Subject'), text: body('text/plain'), html: body('text/html') };
}
