import { addedMessage, checkLetterStatus, checkNewContact, checkSnoozeDays, Decision, decideGoneDraft, decideLetterStatus, decideLog, decideSnooze, readLogInput, readNewContact } from '../app/actions';
import { checkDraftRequest, decideDraftMarks, previewOf, readDraftInput } from '../app/drafting';
import { openDraft } from '../app/drafts';
import { buildSidebarModel } from '../app/sidebar-model';
import { Contact, locateContact } from '../core/contacts';
import { Day } from '../core/dates';
import { findOpenDraft, KnownDrafts } from '../core/follow-ups';
import { newContactId } from '../core/ids';
import { TemplateError } from '../core/templates';
import type { ActionResult, CreateDraftInput, DraftPreview, LogContactInput, NewContactInput, SentDraftInput, SidebarModel } from '../shared/rpc';
import { actionContext, ActionContext } from './action-context';
import { appendContact, commitAll, PendingWrite, prepareInteraction, requireColumns, updateContact, writeRefusal } from './contact-writer';
import { InputError } from '../core/inputs';
import { ContactsSnapshot, readContactsForAction, readContactsSheet, readContactsWithIds } from './contacts-sheet';
import { forgetDrafts, noteGoneDrafts, readDraftRecords, recordDraft, recordedDrafts } from './draft-records';
import { draftExists, listOpenDrafts, mailboxAddress, saveDraft } from './gmail-drafts';
import { settingsOf, templatesOf } from './settings-reader';
import { missingScopes, requireScopes, ScopeNotGrantedError } from './scopes';
import { BusyError, withDocumentLock } from './workbook';

/**
 * What the sidebar calls. Every action names a contact by id and finds its row when it runs (the user may have
 * sorted since the sidebar loaded); writes happen under the document lock; each sheet is read once.
 */
export function sidebarModel(context: ActionContext, snapshot: ContactsSnapshot, drafts: KnownDrafts | null): SidebarModel {
  const settings = settingsOf(context.config);
  let templates: string[] = [];
  const problems: string[] = [];
  try {
    templates = templatesOf(context.config).map((t) => t.name);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    problems.push(error.message);
  }
  const model = buildSidebarModel({ contacts: snapshot.contacts, problems: snapshot.problems, settings, today: context.today, templates, drafts });
  model.problems.push(...problems);
  return model;
}

/** Touchpoint's draft records, and Gmail's list when any draft is on record or marked (else no Gmail call). */
function draftsFor(snapshot: ContactsSnapshot, today: Day): KnownDrafts | null {
  const records = readDraftRecords();
  if (!records.length && !snapshot.contacts.some((c) => c.draftId)) return null;
  try {
    const known = { ...listOpenDrafts(), records };
    noteGoneDrafts(known, today);
    return known;
  } catch (error) {
    console.warn(`Touchpoint could not list Gmail drafts: ${error}`);
    return recordedDrafts(records);
  }
}

export function loadSidebar(): SidebarModel {
  const context = actionContext();
  let snapshot: ContactsSnapshot;
  let busy = false;
  try {
    snapshot = readContactsWithIds(context);
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    busy = true; // show the list anyway; rows without their own id get one on the next load
    snapshot = readContactsSheet(context);
  }
  const gmailAllowed = missingScopes(['drafts']).length === 0;
  const drafts = gmailAllowed ? draftsFor(snapshot, context.today) : null;
  const model = sidebarModel(context, snapshot, drafts);
  if (!gmailAllowed) model.problems.push(new ScopeNotGrantedError('drafts', 'draft emails').message);
  if (busy) model.problems.push('Touchpoint is busy with another change, so rows added or copied by hand have no Contact ID of their own yet. Reload the sidebar in a minute to act on them.');
  return model;
}

/** What a change did: its message, and a draft it just made (so the card links to that very draft). */
type Outcome = string | { message: string; drafted: { id: string; messageId: string } };

/** Reads the sheet under the lock (every contact with its own id), finds the contact by id, and hands both to the change. */
function changeContact(contactId: string, change: (snapshot: ContactsSnapshot, contact: Contact, context: ActionContext) => Outcome): ActionResult {
  const context = actionContext();
  return withDocumentLock(() => {
    const snapshot = readContactsForAction(context);
    const contact = locateContact(snapshot.contacts, String(contactId ?? ''));
    const outcome = change(snapshot, contact, context);
    // Touchpoint's own records (no Gmail call): a card keeps its draft's subject and link after the change.
    const drafts = recordedDrafts();
    if (typeof outcome === 'string') return { message: outcome, model: sidebarModel(context, snapshot, drafts) };
    const messages = new Map([[outcome.drafted.id, outcome.drafted.messageId]]);
    return { message: outcome.message, model: sidebarModel(context, snapshot, { ...drafts, messages }) };
  });
}

/** A decision's writes, each checked before any is made: the row's change, then its Interactions line. */
function writesOf(spreadsheet: ActionContext['spreadsheet'], snapshot: ContactsSnapshot, contact: Contact, decision: Decision): PendingWrite[] {
  const writes = [updateContact(snapshot, contact, decision.patch)];
  if (decision.interaction) writes.unshift(prepareInteraction(spreadsheet, decision.interaction));
  return writes;
}

/** Makes a decision about one contact and writes it: the message comes back with the sidebar's new model. */
function applyDecision(contactId: string, decide: (contact: Contact, context: ActionContext) => Decision): ActionResult {
  return changeContact(contactId, (snapshot, contact, context) => {
    const decision = decide(contact, context);
    commitAll(...writesOf(context.spreadsheet, snapshot, contact, decision));
    return decision.message;
  });
}

export function logContact(input: LogContactInput): ActionResult {
  readLogInput(input);
  return applyDecision(input?.contactId, (contact, { today }) => decideLog(input, contact, today));
}

export function snoozeContact(contactId: string, days: number): ActionResult {
  checkSnoozeDays(days);
  return applyDecision(contactId, (contact, { today }) => decideSnooze(days, contact, today));
}

/** One click in the Letters section: the new status and its date on the row, and a line in Interactions. */
export function setLetterStatus(contactId: string, status: string): ActionResult {
  checkLetterStatus(status);
  return applyDecision(contactId, (contact, { today }) => decideLetterStatus(status, contact, today));
}

export function previewDraft(contactId: string, template: string | null, news?: string): DraftPreview {
  requireScopes(['drafts'], 'draft an email');
  const context = actionContext();
  const snapshot = readContactsWithIds(context);
  const contact = locateContact(snapshot.contacts, String(contactId ?? ''));
  const templates = templatesOf(context.config);
  const settings = settingsOf(context.config);
  const { today, timeZone } = context;
  const preview = previewOf({ contact, template, templates, headers: snapshot.headers, settings, news, today, timeZone, dateOrder: snapshot.dateOrder });
  return { ...preview, openDraft: stillOpen(openDraft(contact, recordedDrafts())) };
}

/** A recorded draft, if Gmail still has it: one that was sent or deleted is "Sent? Log it" on the card, not open. */
function stillOpen<T extends { id: string }>(known: T | null): T | null {
  return known && draftExists(known.id) ? known : null;
}

export function createDraft(input: CreateDraftInput): ActionResult {
  requireScopes(['drafts'], 'create a Gmail draft');
  readDraftInput(input);
  return changeContact(input?.contactId, (snapshot, contact, { config, today }) => {
    const open = stillOpen(findOpenDraft(contact, recordedDrafts()));
    const request = checkDraftRequest(input, contact, () => templatesOf(config), snapshot.headers, open);
    // The row must take the marks before Gmail is asked, or the draft would be made and not marked.
    requireColumns(snapshot, ['draftId', 'draftCreated']);
    const refusal = writeRefusal(snapshot, contact, ['draftId', 'draftCreated']);
    if (refusal) throw new InputError(`${refusal} Nothing was changed.`);
    const saved = saveDraft({ to: { name: contact.name, email: contact.email }, subject: request.subject, body: request.body }, request.replace);
    mailboxAddress(); // learnt once, so "Open in Gmail" opens this account even with several signed in
    // The draft exists now: mark the row even if recording it fails, so it is never made twice.
    let recordError: unknown = null;
    try {
      recordDraft({ draftId: saved.id, contactId: contact.id, email: contact.email, day: today, at: Date.now(), subject: request.subject });
    } catch (error) {
      recordError = error;
    }
    const marks = decideDraftMarks(contact, saved.id, today, Boolean(request.replace));
    commitAll(updateContact(snapshot, contact, marks.patch));
    if (recordError) console.warn(`Touchpoint made the draft to ${contact.name} and marked the row, but could not record it: ${recordError}`);
    return { message: marks.message, drafted: saved };
  });
}

export function goToContact(contactId: string): void {
  const snapshot = readContactsWithIds(actionContext());
  const contact = locateContact(snapshot.contacts, String(contactId ?? ''));
  snapshot.sheet.activate();
  snapshot.sheet.getRange(contact.row, 1, 1, snapshot.headers.length).activate();
}

export function addContact(input: NewContactInput): ActionResult {
  const context = actionContext();
  const fields = readNewContact(input, context.today);
  return withDocumentLock(() => {
    const snapshot = readContactsForAction(context);
    checkNewContact(fields, snapshot.contacts);
    const append = appendContact(snapshot, { ...fields, id: newContactId(new Set(snapshot.contacts.map((c) => c.id))) });
    commitAll(append);
    return { message: addedMessage(fields, append.row), model: sidebarModel(context, snapshot, null) };
  });
}

/**
 * "Sent? Log it": a draft Touchpoint made has left Gmail. Sent: an Email contact on the given day, the subject as
 * its summary. Not sent: nothing is logged. Either way the row's draft marks are cleared and the record forgotten.
 */
export function answerGoneDraft(input: SentDraftInput): ActionResult {
  return changeContact(input?.contactId, (snapshot, contact, { spreadsheet, today }) => {
    const record = readDraftRecords().find((r) => r.draftId === String(input?.draftId ?? ''));
    const decision = decideGoneDraft(input, contact, record, today);
    commitAll(...writesOf(spreadsheet, snapshot, contact, decision));
    forgetDrafts([decision.draftId]);
    return decision.message;
  });
}
