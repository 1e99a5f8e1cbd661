import type { KnownDrafts } from '../core/follow-ups';
import { base64Url, buildMimeMessage, newBoundary } from '../core/mime';

/**
 * Gmail drafts through the Gmail API advanced service, which needs only the gmail.compose scope
 * (GmailApp.createDraft would need full mail access). Never sends.
 */
function drafts(): GoogleAppsScript.Gmail.Collection.Users.DraftsCollection {
  if (typeof Gmail === 'undefined' || !Gmail) {
    throw new Error('The Gmail advanced service is not enabled for this script (appsscript.json, enabledAdvancedServices).');
  }
  return Gmail.Users!.Drafts!;
}

const MAILBOX_KEY = 'touchpoint.mailbox';

/** The user's Gmail address, remembered per user once Gmail has said it (gmail.compose may ask for the profile). */
export function mailboxAddress(ask = true): string | undefined {
  const properties = PropertiesService.getUserProperties();
  const known = properties.getProperty(MAILBOX_KEY);
  if (known || !ask) return known ?? undefined;
  const address = Gmail!.Users!.getProfile('me').emailAddress ?? '';
  if (address) properties.setProperty(MAILBOX_KEY, address);
  return address || undefined;
}

/** The drafts in the mailbox now: draft id → message id (for the link that opens it). */
export function listOpenDrafts(): KnownDrafts {
  const open = new Map<string, string>();
  let pageToken: string | undefined;
  do {
    const page = drafts().list('me', pageToken ? { maxResults: 500, pageToken } : { maxResults: 500 });
    for (const draft of page.drafts ?? []) open.set(draft.id!, draft.message?.id ?? draft.id!);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return { messages: open, complete: true, mailbox: mailboxAddress() };
}

interface NewDraft {
  to: { name: string; email: string };
  subject: string;
  body: string;
}

/** Creates a draft, or replaces the content of an existing one (same id) when `replace` is given and still there. */
export function saveDraft(draft: NewDraft, replace?: string): { id: string; messageId: string } {
  const raw = base64Url(buildMimeMessage({ to: draft.to, subject: draft.subject, text: draft.body, boundary: newBoundary() }));
  const resource = { message: { raw } };
  const saved = replace ? drafts().update(resource, 'me', replace) : drafts().create(resource, 'me');
  return { id: saved.id!, messageId: saved.message?.id ?? saved.id! };
}

export function draftExists(id: string): boolean {
  try {
    drafts().get('me', id, { format: 'minimal' });
    return true;
  } catch (error) {
    if (/not found/i.test(String(error))) return false;
    throw error;
  }
}
