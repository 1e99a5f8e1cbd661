import { salutationField } from '../core/greetings';
import { plural } from '../core/text';
import { requireScopes } from './scopes';
import { draftCautions } from '../core/draft-cautions';
import { followUpStatus } from '../core/cadence';
import { Contact, isValidEmail } from '../core/contacts';
import { formatLongDay } from '../core/dates';
import { isInvalidValueError } from '../core/errors';
import { DraftRecord, followUpOf, KnownDrafts, openDraft, sameAddress, suggestTemplate } from '../core/follow-ups';
import { InputError, inputDay } from '../core/inputs';
import { Settings } from '../core/settings';
import { checkTemplate, EmailTemplate, findTemplate, holesIn, knownPlaceholderNames, profileRequest, Rendered, renderTemplate } from '../core/templates';
import type { BulkDraftChoice, BulkDraftPlan, BulkDraftSummary } from '../shared/rpc';
import { commitAll, Fields, requireColumns, updateContacts } from './contact-writer';
import { ContactsSnapshot, readContactsForAction, readContactsSheet, readContactsWithIds } from './contacts-sheet';
import { forgetDrafts, knownDrafts, recordDraft } from './draft-records';
import { saveDraft } from './gmail-drafts';
import { readSettingsSheet, readTemplatesSheet } from './settings-reader';
import { actionContext, ActionContext } from './action-context';
import { withDocumentLock } from './workbook';

const DRAFT_COLUMNS = ['draftId', 'draftCreated'];
/** Apps Script stops a run at 6 minutes; stop well before, with time left to write back and report. */
export const TIME_BUDGET_MS = 270_000;

interface PlannedDraft {
  contact: Contact;
  template: string;
  rendered: Rendered;
}

interface Plan {
  items: PlannedDraft[];
  skipped: { name: string; reason: string }[];
  templates: string[];
}

/**
 * The contacts in the selection: every range of it (ctrl-click selects several), without the rows a filter or
 * the user hid between the first and last selected row (a selection drawn over them does not mean them).
 * Hidden rows can only be asked about one row at a time: that costs two calls per selected contact, and only
 * for a selection of more than one row.
 */
function selectedContacts(context: ActionContext, snapshot: ContactsSnapshot): Contact[] {
  const sheetName = snapshot.sheet.getName();
  const ranges = (context.spreadsheet.getActiveRangeList()?.getRanges() ?? []).filter((range) => range.getSheet().getName() === sheetName);
  if (!ranges.length) throw new InputError(`Select one or more contact rows on the ${sheetName} sheet, then choose this again.`);
  const spans = ranges.map((range) => [range.getRow(), range.getLastRow()] as const);
  const inSelection = snapshot.contacts.filter((c) => spans.some(([first, last]) => c.row >= first && c.row <= last));
  const several = spans.some(([first, last]) => last > first) || spans.length > 1;
  const chosen = several ? inSelection.filter((c) => !snapshot.sheet.isRowHiddenByUser(c.row) && !snapshot.sheet.isRowHiddenByFilter(c.row)) : inSelection;
  if (!chosen.length) throw new InputError('The selection holds no visible contacts. Select rows with people in them, then try again.');
  return chosen;
}

/** The contacts a choice covers: overdue ones (snoozed ones too, to say why they are skipped) or the selected rows. */
function targets(context: ActionContext, snapshot: ContactsSnapshot, settings: Settings, scope: BulkDraftChoice['scope']): Contact[] {
  if (scope === 'selected') return selectedContacts(context, snapshot);
  return snapshot.contacts.filter((contact) => {
    try {
      const followUp = followUpOf(contact, settings, context.today);
      if (followUp === null) return false;
      const unsnoozed = { lastContact: contact.lastContact, metOn: contact.metOn, cadence: followUp.cadence };
      return followUpStatus(unsnoozed, context.today, settings.dueSoonDays) === 'Overdue';
    } catch (error) {
      if (isInvalidValueError(error)) return false;
      throw error;
    }
  });
}

function makePlan(context: ActionContext, snapshot: ContactsSnapshot, choice: BulkDraftChoice, drafts: KnownDrafts | null): Plan {
  const settings = readSettingsSheet(context.spreadsheet);
  const templates = readTemplatesSheet(context.spreadsheet);
  const names = templates.map((t) => t.name);
  const known = knownPlaceholderNames(snapshot.headers);
  const checked = new Map<string, EmailTemplate>();
  const templateFor = (name: string): EmailTemplate => {
    let template = checked.get(name);
    if (!template) {
      template = findTemplate(templates, name);
      checkTemplate(template, known); // an unknown placeholder stops the whole run before any draft
      checked.set(name, template);
    }
    return template;
  };
  if (choice.template !== null) templateFor(choice.template);
  const plan: Plan = { items: [], skipped: [], templates: names };
  const planned = new Map<string, Contact>(); // address → the contact drafted for it in this run
  for (const contact of targets(context, snapshot, settings, choice.scope)) {
    const skip = (reason: string) => plan.skipped.push({ name: contact.name, reason });
    if (contact.snoozedUntil !== null && contact.snoozedUntil > context.today) {
      skip(`snoozed until ${formatLongDay(contact.snoozedUntil)}`);
      continue;
    }
    if (!contact.email) {
      skip('no email address');
      continue;
    }
    if (!isValidEmail(contact.email)) {
      skip(`"${contact.email}" is not a valid email address`);
      continue;
    }
    const unreadableMark = contact.unreadable.find((key) => key === 'draftCreated');
    if (unreadableMark) {
      skip('its Draft created cell holds something Touchpoint cannot read: clear it or put a date there');
      continue;
    }
    const open = openDraft(contact, drafts);
    if (open) {
      skip(`a draft to ${contact.email} from ${formatLongDay(inputDay(open.created, 'created'))} is still open in Gmail`);
      continue;
    }
    const twin = planned.get(contact.email.trim().toLowerCase());
    if (twin) {
      skip(`the same email as ${twin.name} (row ${twin.row}), who gets the draft`);
      continue;
    }
    const name = choice.template ?? suggestTemplate(contact, context.today, names);
    if (!name) throw new InputError('The Templates sheet has no templates. Add one, or run Touchpoint ▸ Set up contact sheet.');
    const rendered = renderTemplate(templateFor(name), { contact, profile: settings.profile, today: context.today, timeZone: context.timeZone, greetings: settings.greetings, dateOrder: snapshot.dateOrder });
    if (rendered.missingProfile.length) throw new InputError(profileRequest(rendered.missingProfile)); // the same for everyone: stop before any draft
    if (rendered.missing.includes('My news')) {
      skip(`"${name}" needs your news: write it from the sidebar's Draft email, where you type it`);
      continue;
    }
    if (rendered.missing.length) {
      // {{Salutation}} is not a column: name the one the greeting needs.
      const salutation = salutationField(contact, settings.greetings);
      const missing = [...new Set(rendered.missing.map((field) => (field === 'Salutation' ? salutation : field)))];
      skip(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} empty: fill ${missing.length > 1 ? 'them' : 'it'} in on the sheet`);
      continue;
    }
    // The same guard as a single draft: text from the sheet can itself hold a {{placeholder}} or a [marker].
    const holes = holesIn(`${rendered.subject}\n${rendered.body}`, known);
    if (holes.length) {
      skip(`the email would still have ${holes.join(', ')} (from the sheet or the template): fix it there`);
      continue;
    }
    const cautions = draftCautions(templateFor(name), contact, context.today, settings.greetings, settings.profile.myInstitution);
    if (cautions.length) {
      skip(`${cautions[0].replace(/\.$/, '')}. Draft this one from the sidebar, where you can adjust it`);
      continue;
    }
    plan.items.push({ contact, template: name, rendered });
    planned.set(contact.email.trim().toLowerCase(), contact);
  }
  return plan;
}

export function planBulkDrafts(choice: BulkDraftChoice): BulkDraftPlan {
  requireScopes(['drafts'], 'draft follow-ups');
  const context = actionContext();
  const snapshot = readContactsWithIds(context.spreadsheet, context.timeZone);
  const known = knownDrafts();
  carryRecords(snapshot, known);
  const plan = makePlan(context, snapshot, choice, known);
  return {
    scope: choice.scope,
    templates: plan.templates,
    toDraft: plan.items.map((item) => ({ id: item.contact.id, name: item.contact.name, template: item.template })),
    skipped: plan.skipped,
  };
}

interface Mark extends DraftRecord {
  name: string;
}

/**
 * Drafts recorded but not shown on their row (a run that died before its write-back, or marks lost to an edit):
 * the newest per contact, still in Gmail and still addressed to that row's email, is given to the contact in
 * memory, so the plan skips it, and is marked with this run's marks.
 */
function carryRecords(snapshot: ContactsSnapshot, known: KnownDrafts): Mark[] {
  const newest = new Map<string, DraftRecord>();
  for (const record of known.records ?? []) {
    if (known.complete && !known.messages.has(record.draftId)) continue;
    const current = newest.get(record.contactId);
    if (!current || record.at > current.at) newest.set(record.contactId, record);
  }
  const carried: Mark[] = [];
  for (const record of newest.values()) {
    // By id and address; if the id has moved to someone else (a copy sorted above), by the address alone when one row has it.
    const byAddress = snapshot.contacts.filter((c) => sameAddress(c.email, record.email));
    const contact = byAddress.find((c) => c.id === record.contactId) ?? (byAddress.length === 1 ? byAddress[0] : undefined);
    if (!contact || contact.draftId === record.draftId) continue;
    if (contact.draftCreated !== null && contact.draftCreated > record.day) continue; // the row shows a newer draft
    Object.assign(contact, { draftId: record.draftId, draftCreated: record.day });
    carried.push({ ...record, contactId: contact.id, name: contact.name });
  }
  return carried;
}

/** Records of drafts Gmail no longer has (sent or deleted) are dropped, unless a row still asks "Sent? Log it" about one. */
function forgetGoneDrafts(known: KnownDrafts, snapshot: ContactsSnapshot): void {
  if (!known.complete) return;
  const asked = new Set(snapshot.contacts.map((c) => c.draftId).filter(Boolean));
  const gone = (known.records ?? []).filter((r) => !known.messages.has(r.draftId) && !asked.has(r.draftId)).map((r) => r.draftId);
  if (gone.length) forgetDrafts(gone);
}

/**
 * Writes Draft created / Draft ID once per run, on the sheet as it is now: the header and rows are read again
 * (columns may have moved, rows been sorted), and a mark goes only to the row with its contact id AND the email
 * the draft went to. One write for all the marks.
 */
function writeMarks(context: ActionContext, marks: readonly Mark[]): { written: Mark[]; lost: { mark: Mark; reason: string }[] } {
  if (!marks.length) return { written: [], lost: [] };
  const snapshot = readContactsSheet(context.spreadsheet, context.timeZone);
  requireColumns(snapshot, DRAFT_COLUMNS);
  const written: Mark[] = [];
  const lost: { mark: Mark; reason: string }[] = [];
  const changes: { contact: Contact; patch: Fields }[] = [];
  for (const mark of marks) {
    const contact = snapshot.contacts.find((c) => c.id === mark.contactId && sameAddress(c.email, mark.email));
    if (!contact) {
      const moved = snapshot.contacts.some((c) => c.id === mark.contactId);
      lost.push({ mark, reason: moved ? `the row's email is no longer ${mark.email}` : 'the row was deleted' });
      continue;
    }
    changes.push({ contact, patch: { draftId: mark.draftId, draftCreated: mark.day } });
    written.push(mark);
  }
  commitAll(updateContacts(snapshot, changes));
  return { written, lost };
}

export function runBulkDrafts(choice: BulkDraftChoice): BulkDraftSummary {
  requireScopes(['drafts'], 'draft follow-ups');
  const started = Date.now();
  const context = actionContext();
  return withDocumentLock(() => {
    const snapshot = readContactsForAction(context.spreadsheet, context.timeZone);
    requireColumns(snapshot, DRAFT_COLUMNS); // before any Gmail call: without them every run would draft everyone again
    const known = knownDrafts();
    forgetGoneDrafts(known, snapshot);
    const marks = carryRecords(snapshot, known);
    const plan = makePlan(context, snapshot, choice, known);
    const summary: BulkDraftSummary = { drafted: [], skipped: plan.skipped, failed: [], unmarked: [], remaining: 0, message: '' };
    let stoppedAt = plan.items.length;
    let timedOut = false;
    let unmarked = '';
    let unrecorded = '';
    try {
      for (let i = 0; i < plan.items.length; i++) {
        if (Date.now() - started > TIME_BUDGET_MS) {
          stoppedAt = i;
          timedOut = true;
          break;
        }
        const { contact, template, rendered } = plan.items[i];
        let saved: { id: string };
        try {
          saved = saveDraft({ to: { name: contact.name, email: contact.email }, subject: rendered.subject, body: rendered.body });
        } catch (error) {
          summary.failed.push({ name: contact.name, error: error instanceof Error ? error.message : String(error) });
          stoppedAt = i + 1;
          break;
        }
        // The draft exists from here on: whatever fails next, it is marked on the sheet at the end of the run.
        const mark = { contactId: contact.id, draftId: saved.id, email: contact.email, day: context.today, at: Date.now(), subject: rendered.subject, name: contact.name };
        marks.push(mark);
        summary.drafted.push({ name: contact.name, template });
        try {
          recordDraft(mark);
        } catch (error) {
          unrecorded = `Touchpoint could not record the draft to ${contact.name} (${error instanceof Error ? error.message : String(error)}), so it stopped there; the drafts made are marked on the sheet.`;
          stoppedAt = i + 1;
          break;
        }
      }
    } finally {
      try {
        const { lost } = writeMarks(context, marks);
        for (const { mark, reason } of lost) summary.unmarked.push({ name: mark.name, reason });
      } catch (error) {
        // The drafts stay recorded: the next run marks them instead of drafting again.
        const why = (error instanceof Error ? error.message : String(error)).replace(/\s*Nothing was changed\.$/, '');
        unmarked = `The drafts could not be marked on the sheet: ${why} Touchpoint remembers them: run this again once that is fixed, and they will be marked, not drafted again.`;
      }
    }
    summary.remaining = plan.items.length - stoppedAt + summary.failed.length;
    const parts = [`Created ${plural(summary.drafted.length, 'draft')} in Gmail.`];
    if (summary.skipped.length) parts.push(`Skipped ${summary.skipped.length}.`);
    if (summary.failed.length) parts.push(`Gmail stopped at ${summary.failed[0].name}: ${summary.failed[0].error}`);
    for (const { name, reason } of summary.unmarked) parts.push(`The draft to ${name} was made, but not marked on the sheet: ${reason}.`);
    if (unrecorded) parts.push(unrecorded);
    if (unmarked) parts.push(unmarked);
    if (timedOut) parts.push('Stopped before Apps Script\'s 6-minute limit.');
    if (summary.remaining) parts.push(`${plural(summary.remaining, 'contact')} still to draft: run this again to continue.`);
    summary.message = parts.join(' ');
    return summary;
  });
}
