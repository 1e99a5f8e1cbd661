import { Day, dayOfInstant } from '../core/dates';
import { isListMail, participants, Sighting } from '../core/sync';

/**
 * Gmail's read side, for sync (the Gmail advanced service, scope gmail.readonly): searches, one message's
 * headers (From, To, Cc, Date, Subject and the list markers; never its text), the mailbox's history since a
 * point, and the user's own address. Nothing here writes.
 */
const HEADERS = ['From', 'To', 'Cc', 'Date', 'Subject', 'List-Id', 'Precedence'];
/** Drafts, spam, trash and chats are not conversations with a contact. */
const NOT_CONVERSATION = new Set(['DRAFT', 'SPAM', 'TRASH', 'CHAT']);

interface MessageRef {
  id: string;
  threadId?: string;
}

function users(): GoogleAppsScript.Gmail.Collection.UsersCollection {
  if (typeof Gmail === 'undefined' || !Gmail) throw new Error('The Gmail advanced service is not enabled for this script (appsscript.json, enabledAdvancedServices).');
  return Gmail.Users!;
}

/** The user's own address and the mailbox's current history id (one call). */
export function mailboxProfile(): { address: string; historyId: string } {
  const profile = users().getProfile('me');
  return { address: String(profile.emailAddress ?? '').toLowerCase(), historyId: String(profile.historyId ?? '') };
}

/** One page of a search, newest first. */
export function searchPage(query: string, pageToken?: string): { messages: MessageRef[]; nextPageToken?: string } {
  const result = users().Messages!.list('me', { q: query, maxResults: 100, ...(pageToken ? { pageToken } : {}) });
  return { messages: (result.messages ?? []) as MessageRef[], nextPageToken: result.nextPageToken ?? undefined };
}

/** A message as sync sees it, or null when it is not a conversation (a draft, a list, spam) or has no contact on it. */
export function sightingOf(id: string, own: ReadonlySet<string>, timeZone: string): Sighting | null {
  let message: GoogleAppsScript.Gmail.Schema.Message;
  try {
    // Only the headers named, and of the rest only what is listed here: not even Gmail's snippet of the text.
    message = users().Messages!.get('me', id, { format: 'metadata', metadataHeaders: HEADERS, fields: 'id,labelIds,internalDate,payload/headers' });
  } catch (error) {
    if (/not found|404/i.test(String(error))) return null; // deleted since it arrived
    throw error;
  }
  if ((message.labelIds ?? []).some((label) => NOT_CONVERSATION.has(label))) return null;
  const headers = new Map<string, string>();
  for (const header of message.payload?.headers ?? []) headers.set(String(header.name).toLowerCase(), String(header.value ?? ''));
  if (isListMail(headers)) return null;
  const addresses = participants(headers, own);
  if (!addresses.length) return null;
  const at = Number(message.internalDate ?? Date.parse(headers.get('date') ?? ''));
  if (!Number.isFinite(at)) return null;
  const day: Day = dayOfInstant(new Date(at), timeZone);
  return { addresses, day, at, channel: 'Email', title: headers.get('subject') ?? '', sourceId: `gmail:${message.id}` };
}

/** Ids of the messages added since a history id, and the id to start from next time. Throws HistoryExpiredError. */
export function messagesAddedSince(historyId: string): { ids: string[]; historyId: string } {
  const ids: string[] = [];
  let pageToken: string | undefined;
  let latest = historyId;
  do {
    let page: GoogleAppsScript.Gmail.Schema.ListHistoryResponse;
    try {
      page = users().History!.list('me', { startHistoryId: historyId, historyTypes: ['messageAdded'], maxResults: 500, ...(pageToken ? { pageToken } : {}) });
    } catch (error) {
      if (/not found|404/i.test(String(error))) throw new HistoryExpiredError();
      throw error;
    }
    for (const entry of page.history ?? []) {
      for (const added of entry.messagesAdded ?? []) {
        const labels = added.message?.labelIds ?? [];
        if (added.message?.id && !labels.some((label) => NOT_CONVERSATION.has(label))) ids.push(added.message.id);
      }
    }
    latest = String(page.historyId ?? latest);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return { ids: [...new Set(ids)], historyId: latest };
}

/** Gmail keeps history for about a week: an older starting point must be caught up by searching again. */
export class HistoryExpiredError extends Error {
  constructor() {
    super('Gmail no longer has the history since the last sync.');
    this.name = 'HistoryExpiredError';
  }
}

/** Gmail's way of saying "slow down" (HTTP 429) or "no more today". */
export function isRateLimit(error: unknown): boolean {
  return /rate limit|429|too many|quota/i.test(String(error));
}
