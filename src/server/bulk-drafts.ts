import { carryRecords, Mark, overdueContacts, Plan, planDrafts, summaryMessage } from '../app/bulk-drafts';
import { requireScopes } from './scopes';
import { Contact, ContactPatch } from '../core/contacts';
import { KnownDrafts, sameAddress } from '../core/follow-ups';
import { InputError } from '../core/inputs';
import type { BulkDraftChoice, BulkDraftPlan, BulkDraftSummary } from '../shared/rpc';
import { commitAll, requireColumns, updateContacts, writeRefusal } from './contact-writer';
import { ContactsSnapshot, readContactsForAction, readContactsSheet, readContactsWithIds } from './contacts-sheet';
import { forgetDrafts, knownDrafts, readDraftRecords, recordDraft, recordedDrafts } from './draft-records';
import { listOpenDrafts, saveDraft } from './gmail-drafts';
import { settingsOf, templatesOf } from './settings-reader';
import { actionContext, ActionContext } from './action-context';
import { withDocumentLock } from './workbook';

const DRAFT_COLUMNS = ['draftId', 'draftCreated'];
/** Apps Script stops a run at 6 minutes; stop well before, with time left to write back and report. */
export const TIME_BUDGET_MS = 270_000;

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

function makePlan(context: ActionContext, snapshot: ContactsSnapshot, choice: BulkDraftChoice, drafts: KnownDrafts | null, deferChecks = false): Plan {
  const settings = settingsOf(context.config);
  const targets = choice.scope === 'selected' ? selectedContacts(context, snapshot) : overdueContacts(snapshot.contacts, settings, context.today);
  return planDrafts({
    targets, template: choice.template, templates: templatesOf(context.config), headers: snapshot.headers, settings, drafts,
    markRefusal: (contact) => writeRefusal(snapshot, contact, DRAFT_COLUMNS),
    today: context.today, timeZone: context.timeZone, dateOrder: snapshot.dateOrder, deferChecks,
  });
}

export function planBulkDrafts(choice: BulkDraftChoice): BulkDraftPlan {
  requireScopes(['drafts'], 'draft follow-ups');
  const context = actionContext();
  const snapshot = readContactsWithIds(context);
  const known = knownDrafts();
  carryRecords(snapshot.contacts, known);
  const plan = makePlan(context, snapshot, choice, known);
  return {
    scope: choice.scope,
    templates: plan.templates,
    toDraft: plan.items.map((item) => ({ id: item.contact.id, name: item.contact.name, template: item.template })),
    skipped: plan.skipped,
  };
}

/**
 * Touchpoint's records of its drafts, and Gmail's list of drafts (one call per 500) when there is a draft to ask
 * about: one on record, or one a row names. With none, the list could change nothing, and is not asked for.
 */
function draftsForRun(snapshot: ContactsSnapshot): KnownDrafts {
  const records = readDraftRecords();
  const ask = records.length > 0 || snapshot.contacts.some((c) => c.draftId);
  return ask ? { ...listOpenDrafts(), records } : recordedDrafts(records);
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
function writeMarks(context: ActionContext, marks: readonly Mark[], start: ContactsSnapshot): { written: Mark[]; lost: { mark: Mark; reason: string }[] } {
  if (!marks.length) return { written: [], lost: [] };
  const snapshot = readContactsSheet(context, new Set(marks.map((m) => m.contactId)), start);
  requireColumns(snapshot, DRAFT_COLUMNS);
  const written: Mark[] = [];
  const lost: { mark: Mark; reason: string }[] = [];
  const changes: { contact: Contact; patch: ContactPatch }[] = [];
  // By id (a copied row may share one until the next action repairs it), then by the address the draft went to.
  const byId = new Map<string, Contact[]>();
  for (const c of snapshot.contacts) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  for (const mark of marks) {
    const withId = byId.get(mark.contactId) ?? [];
    const contact = withId.find((c) => sameAddress(c.email, mark.email));
    if (!contact) {
      const moved = withId.length > 0;
      lost.push({ mark, reason: moved ? `the row's email is no longer ${mark.email}` : 'the row was deleted' });
      continue;
    }
    const refusal = writeRefusal(snapshot, contact, DRAFT_COLUMNS);
    if (refusal) {
      lost.push({ mark, reason: refusal.replace(/\.$/, '') });
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
    const snapshot = readContactsForAction(context);
    requireColumns(snapshot, DRAFT_COLUMNS); // before any Gmail call: without them every run would draft everyone again
    const known = draftsForRun(snapshot);
    forgetGoneDrafts(known, snapshot);
    const marks = carryRecords(snapshot.contacts, known);
    const plan = makePlan(context, snapshot, choice, known, true);
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
        const item = plan.items[i];
        const { contact, template } = item;
        const rendered = item.rendered ?? plan.finish(item);
        if ('skip' in rendered) {
          summary.skipped.push({ name: contact.name, reason: rendered.skip });
          continue;
        }
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
        const { lost } = writeMarks(context, marks, snapshot);
        for (const { mark, reason } of lost) summary.unmarked.push({ name: mark.name, reason });
      } catch (error) {
        // The drafts stay recorded: the next run marks them instead of drafting again.
        const why = (error instanceof Error ? error.message : String(error)).replace(/\s*Nothing was changed\.$/, '');
        unmarked = `The drafts could not be marked on the sheet: ${why} Touchpoint remembers them: run this again once that is fixed, and they will be marked, not drafted again.`;
      }
    }
    summary.remaining = plan.items.length - stoppedAt + summary.failed.length;
    summary.message = summaryMessage(summary, { unrecorded, unmarked, timedOut });
    return summary;
  });
}
