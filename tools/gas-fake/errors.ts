/**
 * How Apps Script reports a failed advanced-service call, and the fault injection every fake service shares.
 *
 * An advanced service (Gmail, Calendar) throws a GoogleJsonResponseException: a plain Error whose `name` is
 * "GoogleJsonResponseException", whose message is "API call to <api.method> failed with error: <the API's
 * message>", and whose `details` holds the API's JSON error: {code, message, errors: [{reason, domain, message}]}.
 * (Observed: Google documents the APIs' JSON errors, not what Apps Script wraps them in; see the README.)
 */

export interface GoogleErrorDetails {
  code: number;
  message: string;
  errors: { reason: string; domain: string; message: string }[];
}

export type GoogleJsonResponseException = Error & { details: GoogleErrorDetails };

/** The error an advanced service throws for an API error response. `api` is e.g. "gmail.users.messages.list". */
export function googleJsonError(api: string, code: number, message: string, reason: string, domain = 'global'): GoogleJsonResponseException {
  const error = new Error(`API call to ${api} failed with error: ${message}`) as GoogleJsonResponseException;
  error.name = 'GoogleJsonResponseException';
  error.details = { code, message, errors: [{ reason, domain, message }] };
  return error;
}

/** Errors a test can inject with failOnCall, worded as Google's APIs and Apps Script word them. */
export const GoogleErrors = {
  /** 404 from any Gmail or Calendar get of an unknown id; also users.history.list with an expired startHistoryId. */
  notFound: (api: string) => googleJsonError(api, 404, 'Requested entity was not found.', 'notFound'),
  /** Gmail's per-user rate limit (429; Gmail also answers it as 403): the message names when to retry. */
  gmailRateLimit: (api: string, retryAfter: Date) =>
    googleJsonError(api, 429, `User-rate limit exceeded.  Retry after ${retryAfter.toISOString()}`, 'rateLimitExceeded', 'usageLimits'),
  /** Calendar's rate limit (the "429: Too many requests" of Calendar's error guide). */
  calendarRateLimit: (api = 'calendar.events.list') => googleJsonError(api, 429, 'Rate Limit Exceeded', 'rateLimitExceeded', 'usageLimits'),
  /** Calendar's usage limits (403 quotaExceeded). */
  calendarUsageLimits: (api = 'calendar.events.list') => googleJsonError(api, 403, 'Calendar usage limits exceeded.', 'quotaExceeded', 'usageLimits'),
  /** A transient server error, to be retried with backoff. */
  backendError: (api: string) => googleJsonError(api, 500, 'Backend Error', 'backendError'),
  /** users.history.list with a startHistoryId Gmail no longer keeps (or one ahead of the mailbox). */
  historyExpired: () => googleJsonError('gmail.users.history.list', 404, 'Requested entity was not found.', 'notFound'),
  /** events.list with a syncToken Calendar no longer honours. */
  syncTokenExpired: () => googleJsonError('calendar.events.list', 410, 'Sync token is no longer valid, a full sync is required.', 'fullSyncRequired', 'calendar'),
  /** MailApp over its daily recipients quota (Apps Script's own exception, not an API's). */
  mailQuota: () => new Error('Service invoked too many times for one day: email.'),
  /** An Apps Script service over its daily quota, e.g. "gmail" for GmailApp. */
  serviceQuota: (service: string) => new Error(`Service invoked too many times for one day: ${service}.`),
};

/**
 * Counts the calls of each method of one fake service, runs a test's beforeCall hook (to move the clock as the
 * service takes its time) and throws the error a test planted for the nth call of a method.
 */
export class Faults<M extends string> {
  private readonly calls = new Map<M, number>();
  private readonly planted: { method: M; onCall: number; error: Error }[] = [];
  /** Called at the start of every call, e.g. to move a test's clock. */
  beforeCall: ((method: M) => void) | null = null;

  /** Makes the nth call (1-based, counted from now) of a method throw the error. */
  failOnCall(method: M, onCall: number, error: Error): void {
    this.planted.push({ method, onCall: this.count(method) + onCall, error });
  }

  count(method: M): number {
    return this.calls.get(method) ?? 0;
  }

  /** A call begins: it is counted, the hook runs, and a planted fault is thrown. */
  enter(method: M): void {
    this.calls.set(method, this.count(method) + 1);
    this.beforeCall?.(method);
    const index = this.planted.findIndex((f) => f.method === method && f.onCall === this.count(method));
    if (index >= 0) throw this.planted.splice(index, 1)[0].error;
  }
}

/** A fake service's test handles for faults: fail the nth call of a method, or run a hook before each call. */
export class FaultInjectable<M extends string> {
  readonly faults = new Faults<M>();

  /** Makes the nth call (1-based, from now) of a method throw the error, e.g. ('Messages.list', 2, GoogleErrors.gmailRateLimit(...)). */
  failOnCall(method: M, onCall: number, error: Error): void {
    this.faults.failOnCall(method, onCall, error);
  }
  get beforeCall(): ((method: M) => void) | null {
    return this.faults.beforeCall;
  }
  set beforeCall(hook: ((method: M) => void) | null) {
    this.faults.beforeCall = hook;
  }
}
