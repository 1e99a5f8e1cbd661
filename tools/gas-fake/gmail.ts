/**
 * The Gmail advanced service's drafts (Gmail.Users.Drafts), as the Gmail API v1 documents them: create takes
 * {message: {raw: base64url RFC 2822}}, get/remove of an unknown id fail with "Requested entity was not found",
 * list pages with maxResults/pageToken. Faults can be injected at the nth call of a method.
 */
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
  return new Error(`API call to gmail.users.drafts.${method} failed with error: Requested entity was not found.`);
}

function decodeRaw(raw: unknown, method: string): string {
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(raw)) {
    throw new Error(`API call to gmail.users.drafts.${method} failed with error: Invalid value at 'draft.message.raw' (TYPE_BYTES), Base64 decoding failed`);
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
    private readonly hasScope: () => boolean = () => true,
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
    const draft: StoredDraft = { id, messageId: `m${this.nextId}`, threadId: `t${this.nextId}`, raw: raw!, mime };
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
    this.drafts.splice(index, 1);
  }

  update(resource: { message?: { raw?: string } }, userId: string, id: string): object {
    this.enter('update', userId);
    const draft = this.drafts.find((d) => d.id === id);
    if (!draft) throw notFound('update');
    draft.raw = resource?.message?.raw ?? '';
    draft.mime = decodeRaw(draft.raw, 'update');
    return this.view(draft, 'full');
  }

  /** What the user does in Gmail: deletes a draft. */
  _deleteInGmail(id: string): void {
    const index = this.drafts.findIndex((d) => d.id === id);
    if (index >= 0) this.drafts.splice(index, 1);
  }

  private enter(method: Method, userId: string): void {
    if (!this.hasScope()) throw new Error(`API call to gmail.users.drafts.${method} failed with error: Request had insufficient authentication scopes.`);
    this.calls[method]++;
    this.beforeCall?.(method);
    if (userId !== 'me' && userId !== this.userEmail) {
      throw new Error(`API call to gmail.users.drafts.${method} failed with error: Delegation denied for ${this.userEmail}`);
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
