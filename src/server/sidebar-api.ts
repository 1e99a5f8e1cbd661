import { Contact, contactHandle, isValidEmail, locateContact } from '../core/contacts';
import { Day, formatLongDay } from '../core/dates';
import { buildSidebarModel, KnownDrafts, openDraft, SNOOZE_DAYS, suggestTemplate } from '../core/follow-ups';
import { newContactId } from '../core/ids';
import { InputError, inputDay, notInFuture, optionalText, requiredText } from '../core/inputs';
import { draftCautions } from '../core/draft-cautions';
import { salutationField } from '../core/greetings';
import { LETTER_STATUSES, normaliseHeader } from '../core/schema';
import { checkTemplate, findTemplate, holesIn, knownPlaceholderNames, profileRequest, renderTemplate, TemplateError } from '../core/templates';
import type { ActionResult, CreateDraftInput, DraftPreview, LogContactInput, NewContactInput, SentDraftInput, SidebarModel } from '../shared/rpc';
import { actionContext, ActionContext } from './action-context';
import { commitAll, appendContact, updateContact, prepareInteraction } from './contact-writer';
import { ContactsSnapshot, readContactsForAction, readContactsSheet, readContactsWithIds } from './contacts-sheet';
import { forgetDrafts, noteGoneDrafts, readDraftRecords, recordDraft, recordedDrafts } from './draft-records';
import { draftExists, listOpenDrafts, mailboxAddress, saveDraft } from './gmail-drafts';
import { readSettingsSheet, readTemplatesSheet } from './settings-reader';
import { missingScopes, requireScopes, ScopeNotGrantedError } from './scopes';
import { BusyError, withDocumentLock } from './workbook';

/**
 * What the sidebar calls. Every action names a contact by id and finds its row when it runs (the user may have
 * sorted since the sidebar loaded); writes happen under the document lock; each sheet is read once.
 */
export function sidebarModel(context: ActionContext, snapshot: ContactsSnapshot, drafts: KnownDrafts | null): SidebarModel {
  const settings = readSettingsSheet(context.spreadsheet);
  let templates: string[] = [];
  const problems: string[] = [];
  try {
    templates = readTemplatesSheet(context.spreadsheet).map((t) => t.name);
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
    snapshot = readContactsWithIds(context.spreadsheet, context.timeZone);
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    busy = true; // show the list anyway; rows without their own id get one on the next load
    snapshot = readContactsSheet(context.spreadsheet, context.timeZone);
  }
  const gmailAllowed = missingScopes(['drafts']).length === 0;
  const drafts = gmailAllowed ? draftsFor(snapshot, context.today) : null;
  const model = sidebarModel(context, snapshot, drafts);
  if (!gmailAllowed) model.problems.push(new ScopeNotGrantedError('drafts', 'draft emails').message);
  if (busy) model.problems.push('Touchpoint is busy with another change, so rows added or copied by hand have no Contact ID of their own yet. Reload the sidebar in a minute to act on them.');
  return model;
}

/** Reads the sheet under the lock (every contact with its own id), finds the contact by id, and hands both to the change. */
function changeContact(contactId: string, change: (snapshot: ContactsSnapshot, contact: Contact, context: ActionContext) => string): ActionResult {
  const context = actionContext();
  return withDocumentLock(() => {
    const snapshot = readContactsForAction(context.spreadsheet, context.timeZone);
    const contact = locateContact(snapshot.contacts, String(contactId ?? ''));
    const message = change(snapshot, contact, context);
    // Touchpoint's own records (no Gmail call): a card keeps its draft's subject and link after the change.
    return { message, model: sidebarModel(context, snapshot, recordedDrafts()) };
  });
}

export function logContact(input: LogContactInput): ActionResult {
  const channel = requiredText(input?.channel, 'Channel', 60);
  const summary = requiredText(input?.summary, 'Summary', 2000);
  const nextStep = optionalText(input?.nextStep, 'Next step', 1000);
  return changeContact(input?.contactId, (snapshot, contact, { spreadsheet, today }) => {
    const day = notInFuture(inputDay(input.date, 'Date'), today, 'Date');
    const logged = prepareInteraction(spreadsheet, { date: day, contactId: contact.id, name: contact.name, channel, summary, nextStep });
    const newest = contact.lastContact === null || day >= contact.lastContact;
    const fields = newest ? { lastContact: day, lastContactNotes: summary, snoozedUntil: null, ...(nextStep ? { nextStep } : {}) } : {};
    commitAll(logged, updateContact(snapshot, contact, fields));
    if (!newest) return `Logged ${channel.toLowerCase()} with ${contact.name} on ${formatLongDay(day)}. Last contact stays ${formatLongDay(contact.lastContact!)}, which is more recent.`;
    return `Logged ${channel.toLowerCase()} with ${contact.name} on ${formatLongDay(day)}.`;
  });
}

export function snoozeContact(contactId: string, days: number): ActionResult {
  if (!SNOOZE_DAYS.includes(days)) throw new InputError(`Snooze for ${SNOOZE_DAYS.join(', ')} days.`);
  return changeContact(contactId, (snapshot, contact, { today }) => {
    const until = today + days;
    commitAll(updateContact(snapshot, contact, { snoozedUntil: until }));
    return `${contact.name} is snoozed until ${formatLongDay(until)}.`;
  });
}

export function previewDraft(contactId: string, template: string | null, news?: string): DraftPreview {
  requireScopes(['drafts'], 'draft an email');
  const { spreadsheet, timeZone, today } = actionContext();
  const snapshot = readContactsWithIds(spreadsheet, timeZone);
  const contact = locateContact(snapshot.contacts, String(contactId ?? ''));
  const templates = readTemplatesSheet(spreadsheet);
  const names = templates.map((t) => t.name);
  const name = template ?? suggestTemplate(contact, today, names);
  if (!name) throw new TemplateError('The Templates sheet has no templates. Add one, or run Touchpoint ▸ Set up contact sheet.');
  const chosen = findTemplate(templates, name);
  checkTemplate(chosen, knownPlaceholderNames(snapshot.headers));
  const { profile, greetings } = readSettingsSheet(spreadsheet);
  const typedNews = optionalText(news, 'My news', 2000);
  const rendered = renderTemplate(chosen, { contact, profile, today, timeZone, greetings, news: typedNews, dateOrder: snapshot.dateOrder });
  const warnings = rendered.missing.map((field) => {
    if (field === 'My news') return 'Type your news below: one or two concrete sentences.';
    if (field === 'Salutation') {
      const empty = salutationField(contact, greetings);
      return `${empty} is empty for ${contact.name}, who is greeted by ${empty === 'Last name' ? 'title and last name' : 'first name'} (Settings ▸ Greeting). Fill it in, or edit the text where it says [Salutation].`;
    }
    return `${field} is empty for ${contact.name}: fill it in on the sheet, or edit the text where it says [${field}].`;
  });
  warnings.push(...draftCautions(chosen, contact, today, greetings, profile.myInstitution));
  if (!contact.email) warnings.unshift(`${contact.name} has no email address: add one in the Email column before creating the draft.`);
  else if (!isValidEmail(contact.email)) warnings.unshift(`"${contact.email}" is not a valid email address: fix it on the sheet first.`);
  if (rendered.missingProfile.length) warnings.push(profileRequest(rendered.missingProfile));
  return {
    contactId: contactHandle(contact),
    to: contact.email,
    template: chosen.name,
    subject: rendered.subject,
    body: rendered.body,
    warnings,
    templates: names,
    missing: [...rendered.missing, ...rendered.missingProfile.map((p) => p.slice(2, -2))],
    needsNews: needsNews(chosen),
    notes: { lastContact: contact.lastContactNotes, nextStep: contact.nextStep },
    openDraft: stillOpen(openDraft(contact, recordedDrafts())),
  };
}

/** A recorded draft, if Gmail still has it: one that was sent or deleted is "Sent? Log it" on the card, not open. */
function stillOpen<T extends { id: string }>(known: T | null): T | null {
  return known && draftExists(known.id) ? known : null;
}

/** A template with {{My news}} is only worth sending with news in it. */
function needsNews(template: { subject: string; body: string }): boolean {
  return /\{\{\s*my\s*news\s*(\|[^}]*)?\}\}/i.test(`${template.subject}\n${template.body}`);
}

export function createDraft(input: CreateDraftInput): ActionResult {
  requireScopes(['drafts'], 'create a Gmail draft');
  if (input?.whenOpen !== undefined && input.whenOpen !== 'replace' && input.whenOpen !== 'another') {
    throw new InputError('whenOpen must be "replace" or "another".');
  }
  const subject = requiredText(input?.subject, 'Subject', 250);
  const body = requiredText(input?.body, 'Body', 20_000);
  const templateName = optionalText(input?.template, 'Template', 200);
  const news = optionalText(input?.news, 'My news', 2000);
  return changeContact(input?.contactId, (snapshot, contact, { spreadsheet, today }) => {
    if (templateName && !news) {
      const template = readTemplatesSheet(spreadsheet).find((t) => normaliseHeader(t.name) === normaliseHeader(templateName));
      if (template && needsNews(template)) throw new InputError(`"${template.name}" is an update: type your news in My news before creating the draft.`);
    }
    if (!contact.email) throw new InputError(`${contact.name} has no email address: add one in the Email column first.`);
    if (!isValidEmail(contact.email)) throw new InputError(`"${contact.email}" is not a valid email address: fix it on the sheet first.`);
    const holes = holesIn(`${subject}\n${body}`, knownPlaceholderNames(snapshot.headers));
    if (holes.length) throw new InputError(`The email still has ${holes.join(', ')}: fill ${holes.length > 1 ? 'them' : 'it'} in (on the sheet or in the text) before creating the draft.`);
    const open = stillOpen(openDraft(contact, recordedDrafts()));
    if (open && !input.whenOpen) {
      throw new InputError(`${contact.name} already has a draft from ${formatLongDay(inputDay(open.created, 'created'))} in Gmail. Choose Replace it (edits made in Gmail are lost) or Create another.`);
    }
    const replace = open && input.whenOpen === 'replace' ? open.id : undefined;
    const mark = { draftCreated: today, draftId: '' };
    updateContact(snapshot, contact, mark); // checks the columns before Gmail is called
    const saved = saveDraft({ to: { name: contact.name, email: contact.email }, subject, body }, replace);
    mailboxAddress(); // learnt once, so "Open in Gmail" opens this account even with several signed in
    // The draft exists now: mark the row even if recording it fails, so it is never made twice.
    let recordError: unknown = null;
    try {
      recordDraft({ draftId: saved.id, contactId: contact.id, email: contact.email, day: today, at: Date.now(), subject });
    } catch (error) {
      recordError = error;
    }
    commitAll(updateContact(snapshot, contact, { ...mark, draftId: saved.id }));
    if (recordError) console.warn(`Touchpoint made the draft to ${contact.name} and marked the row, but could not record it: ${recordError}`);
    return replace ? `Replaced the draft to ${contact.name} in Gmail.` : `Draft to ${contact.name} is ready in Gmail.`;
  });
}

export function goToContact(contactId: string): void {
  const { spreadsheet, timeZone } = actionContext();
  const snapshot = readContactsWithIds(spreadsheet, timeZone);
  const contact = locateContact(snapshot.contacts, String(contactId ?? ''));
  snapshot.sheet.activate();
  snapshot.sheet.getRange(contact.row, 1, 1, snapshot.headers.length).activate();
}

export function addContact(input: NewContactInput): ActionResult {
  const text = (value: unknown, field: string) => optionalText(value, field, 500);
  const firstName = text(input?.firstName, 'First name');
  const lastName = text(input?.lastName, 'Last name');
  if (!firstName && !lastName) throw new InputError('Give at least a first or a last name.');
  const email = text(input?.email, 'Email');
  if (email && !isValidEmail(email)) throw new InputError(`Email: "${email}" is not an email address (like name@hospital.org).`);
  const context = actionContext();
  const metOn = input?.metOn ? notInFuture(inputDay(input.metOn, 'Met on'), context.today, 'Met on') : null;
  return withDocumentLock(() => {
    const snapshot = readContactsForAction(context.spreadsheet, context.timeZone);
    const twin = email ? snapshot.contacts.find((c) => c.email.toLowerCase() === email.toLowerCase()) : undefined;
    if (twin) throw new InputError(`${twin.name} (row ${twin.row}) already has the email ${email}.`);
    const id = newContactId(new Set(snapshot.contacts.map((c) => c.id)));
    const append = appendContact(snapshot, {
      firstName, lastName, email,
      role: text(input.role, 'Role'),
      institution: text(input.institution, 'Institution'),
      specialty: text(input.specialty, 'Specialty'),
      relationship: text(input.relationship, 'Relationship'),
      howWeMet: text(input.howWeMet, 'How we met'),
      interests: text(input.interests, 'Interests'),
      metOn,
      id,
    });
    commitAll(append);
    const name = [firstName, lastName].filter(Boolean).join(' ');
    return { message: `Added ${name} on row ${append.row}.`, model: sidebarModel(context, snapshot, null) };
  });
}

/** One click in the Letters section: the new status and its date on the row, and a line in Interactions. */
export function setLetterStatus(contactId: string, status: string): ActionResult {
  const chosen = LETTER_STATUSES.find((s) => s === status);
  if (!chosen) throw new InputError(`Letter status must be one of ${LETTER_STATUSES.join(', ')}.`);
  return changeContact(contactId, (snapshot, contact, { spreadsheet, today }) => {
    const letter = contact.letterFor || 'a letter of recommendation';
    const logged = prepareInteraction(spreadsheet, { date: today, contactId: contact.id, name: contact.name, summary: `Letter for ${letter}: ${chosen}` });
    commitAll(updateContact(snapshot, contact, { letterStatus: chosen, letterStatusDate: today }), logged);
    return `${contact.name}: letter for ${letter} is now "${chosen}".`;
  });
}

/**
 * "Sent? Log it": a draft Touchpoint made has left Gmail. Sent: an Email contact on the given day, the subject as
 * its summary, as when logging by hand. Not sent: nothing is logged. Either way the row's draft marks are cleared
 * and the record forgotten.
 */
export function answerGoneDraft(input: SentDraftInput): ActionResult {
  return changeContact(input?.contactId, (snapshot, contact, { spreadsheet, today }) => {
    const draftId = String(input?.draftId ?? '');
    if (!draftId || contact.draftId !== draftId) throw new InputError(`That draft is no longer on ${contact.name}'s row: reload the sidebar.`);
    const record = readDraftRecords().find((r) => r.draftId === draftId);
    const clearDraft = { draftId: '', draftCreated: null };
    if (!input.sent) {
      commitAll(updateContact(snapshot, contact, clearDraft));
      forgetDrafts([draftId]);
      return `Noted: the draft to ${contact.name} was not sent.`;
    }
    const day = notInFuture(inputDay(input.date, 'Date'), today, 'Date');
    const created = record?.day ?? contact.draftCreated;
    if (created !== null && created !== undefined && day < created) {
      throw new InputError(`Date: the draft was made on ${formatLongDay(created)}, so it cannot have been sent before then.`);
    }
    const summary = record?.subject || `Email (Touchpoint draft of ${formatLongDay(contact.draftCreated ?? today)})`;
    const logged = prepareInteraction(spreadsheet, { date: day, contactId: contact.id, name: contact.name, channel: 'Email', summary });
    const newest = contact.lastContact === null || day >= contact.lastContact;
    const fields = newest ? { ...clearDraft, lastContact: day, lastContactNotes: summary, snoozedUntil: null } : clearDraft;
    commitAll(logged, updateContact(snapshot, contact, fields));
    forgetDrafts([draftId]);
    return `Logged the email to ${contact.name} on ${formatLongDay(day)}.`;
  });
}
