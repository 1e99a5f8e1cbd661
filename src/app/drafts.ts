import { Contact } from '../core/contacts';
import { Day, formatIsoDay, formatLongDay } from '../core/dates';
import { findGoneDraft, findOpenDraft, KnownDrafts } from '../core/follow-ups';
import type { DraftState, GoneDraft } from '../shared/rpc';

/**
 * A link to Gmail's drafts (or one draft) in the mailbox Touchpoint used: with several Google accounts signed in,
 * /u/0/ would be whichever signed in first; ?authuser=address opens the right one.
 */
function gmailDraftUrl(messageId: string | undefined, mailbox?: string): string {
  const base = mailbox ? `https://mail.google.com/mail/?authuser=${encodeURIComponent(mailbox)}#drafts` : 'https://mail.google.com/mail/#drafts';
  return messageId ? `${base}?compose=${encodeURIComponent(messageId)}` : base;
}

/** The subject a draft is logged under when it is sent: its own, or what it was when Touchpoint did not record it. */
export function draftSubject(subject: string | undefined, created: Day): string {
  return subject || `Email (Touchpoint draft of ${formatLongDay(created)})`;
}

/** This person's open draft as the sidebar shows it, with a link that opens it in the right Gmail account. */
export function openDraft(contact: Contact, known: KnownDrafts | null): DraftState | null {
  const open = findOpenDraft(contact, known);
  if (!open) return null;
  return { id: open.id, url: gmailDraftUrl(known?.messages.get(open.id), known?.mailbox), created: formatIsoDay(open.created), subject: open.subject };
}

/** The row's draft that left Gmail, as the card's "Sent? Log it" question. */
export function goneDraft(contact: Contact, known: KnownDrafts | null, today: Day): GoneDraft | null {
  const gone = findGoneDraft(contact, known, today);
  if (!gone) return null;
  return { draftId: gone.draftId, subject: draftSubject(gone.subject, gone.created), created: formatIsoDay(gone.created), noticed: formatIsoDay(gone.noticed) };
}
