import { followUpStatus } from '../core/cadence';
import { Contact, isValidEmail } from '../core/contacts';
import { cellDay, dayOfInstant, formatLongDay } from '../core/dates';
import { isDate } from '../core/values';
import { isInvalidValueError } from '../core/errors';
import { followUpOf, KnownDrafts, openDraft, suggestTemplate } from '../core/follow-ups';
import { InputError } from '../core/inputs';
import { Settings } from '../core/settings';
import { checkTemplate, EmailTemplate, findTemplate, knownPlaceholderNames, profileRequest, Rendered, renderTemplate } from '../core/templates';
import type { BulkDraftChoice, BulkDraftPlan, BulkDraftSummary } from '../shared/rpc';
import { asStoredText } from '../core/contacts';
import { requireColumns } from './contact-writer';
import { ContactsSnapshot, contiguousRuns, readContactsForAction, readContactsSheet, readContactsWithIds } from './contacts-sheet';
import { forgetDrafts, JournalEntry, readJournal, recordDraft } from './draft-journal';
import { listOpenDrafts, saveDraft } from './gmail-drafts';
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
    if (openDraft(contact, drafts)) {
      skip(`a draft from ${formatLongDay(contact.draftCreated!)} is still open in Gmail`);
      continue;
    }
    const name = choice.template ?? suggestTemplate(contact, context.today, names);
    if (!name) throw new InputError('The Templates sheet has no templates. Add one, or run Touchpoint ▸ Set up contact sheet.');
    const rendered = renderTemplate(templateFor(name), { contact, profile: settings.profile, today: context.today, timeZone: context.timeZone });
    if (rendered.missingProfile.length) throw new InputError(profileRequest(rendered.missingProfile)); // the same for everyone: stop before any draft
    if (rendered.missing.length) {
      skip(`${rendered.missing.join(', ')} ${rendered.missing.length > 1 ? 'are' : 'is'} empty for this contact`);
      continue;
    }
    plan.items.push({ contact, template: name, rendered });
  }
  return plan;
}

export function planBulkDrafts(choice: BulkDraftChoice): BulkDraftPlan {
  const context = actionContext();
  const snapshot = readContactsWithIds(context.spreadsheet, context.timeZone);
  carryJournal(snapshot);
  const plan = makePlan(context, snapshot, choice, listOpenDrafts());
  return {
    scope: choice.scope,
    templates: plan.templates,
    toDraft: plan.items.map((item) => ({ id: item.contact.id, name: item.contact.name, template: item.template })),
    skipped: plan.skipped,
  };
}

interface Mark extends JournalEntry {
  name: string;
}

/**
 * Drafts the journal holds but the sheet does not show (a run that died before its write-back): the contact gets
 * them in memory, so the plan skips it as "draft still open", and they are marked with this run's marks. Entries
 * whose person is gone or has another email now are dropped.
 */
function carryJournal(snapshot: ContactsSnapshot): Mark[] {
  const carried: Mark[] = [];
  const stale: string[] = [];
  for (const entry of readJournal()) {
    const contact = snapshot.contacts.find((c) => c.id === entry.contactId);
    if (!contact || !sameEmail(contact.email, entry.email) || contact.draftId === entry.draftId) {
      stale.push(entry.contactId);
      continue;
    }
    Object.assign(contact, { draftId: entry.draftId, draftCreated: entry.day });
    carried.push({ ...entry, name: contact.name });
  }
  if (stale.length) forgetDrafts(stale);
  return carried;
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A cell read by getValues, as it must be written back to stay what it was (a Date would gain a time). */
function asWrittenBack(value: unknown, timeZone: string): unknown {
  if (isDate(value)) return isNaN(value.getTime()) ? '' : cellDay(dayOfInstant(value, timeZone));
  return typeof value === 'string' ? asStoredText(value) : value;
}

/**
 * Writes Draft created / Draft ID once per run, on the sheet as it is now: the header and rows are read again
 * (columns may have moved, rows been sorted), and a mark goes only to the row with its contact id AND the email
 * the draft went to. The two columns are rewritten whole: one setValues per run of adjacent columns.
 */
function writeMarks(context: ActionContext, marks: readonly Mark[]): { written: Mark[]; lost: { mark: Mark; reason: string }[] } {
  if (!marks.length) return { written: [], lost: [] };
  const snapshot = readContactsSheet(context.spreadsheet, context.timeZone);
  const columns = requireColumns(snapshot, DRAFT_COLUMNS);
  const written: Mark[] = [];
  const lost: { mark: Mark; reason: string }[] = [];
  const cells = new Map<number, Map<number, unknown>>();
  for (const mark of marks) {
    const contact = snapshot.contacts.find((c) => c.id === mark.contactId && sameEmail(c.email, mark.email));
    if (!contact) {
      const moved = snapshot.contacts.some((c) => c.id === mark.contactId);
      lost.push({ mark, reason: moved ? `the row's email is no longer ${mark.email}` : 'the row was deleted' });
      continue;
    }
    cells.set(contact.row, new Map([[columns.get('draftId')!, mark.draftId], [columns.get('draftCreated')!, cellDay(mark.day)]]));
    written.push(mark);
  }
  const rows = snapshot.lastDataRow - snapshot.headerRow;
  for (const { start, values: run } of contiguousRuns(new Map([...columns.values()].map((c) => [c, null])))) {
    const block = snapshot.rows.slice(0, rows).map((row, index) =>
      run.map((_, offset) => cells.get(index + snapshot.firstRow)?.get(start + offset) ?? asWrittenBack(row[start + offset], context.timeZone)),
    );
    if (written.length) snapshot.sheet.getRange(snapshot.firstRow, start + 1, rows, run.length).setValues(block);
  }
  return { written, lost };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function runBulkDrafts(choice: BulkDraftChoice): BulkDraftSummary {
  const started = Date.now();
  const context = actionContext();
  return withDocumentLock(() => {
    const snapshot = readContactsForAction(context.spreadsheet, context.timeZone);
    requireColumns(snapshot, DRAFT_COLUMNS); // before any Gmail call: without them every run would draft everyone again
    const marks = carryJournal(snapshot);
    const plan = makePlan(context, snapshot, choice, listOpenDrafts());
    const summary: BulkDraftSummary = { drafted: [], skipped: plan.skipped, failed: [], unmarked: [], remaining: 0, message: '' };
    let stoppedAt = plan.items.length;
    let timedOut = false;
    let unmarked = '';
    try {
      for (let i = 0; i < plan.items.length; i++) {
        if (Date.now() - started > TIME_BUDGET_MS) {
          stoppedAt = i;
          timedOut = true;
          break;
        }
        const { contact, template, rendered } = plan.items[i];
        try {
          const saved = saveDraft({ to: { name: contact.name, email: contact.email }, subject: rendered.subject, body: rendered.body });
          const mark = { contactId: contact.id, draftId: saved.id, email: contact.email, day: context.today, name: contact.name };
          recordDraft(mark);
          marks.push(mark);
          summary.drafted.push({ name: contact.name, template });
        } catch (error) {
          summary.failed.push({ name: contact.name, error: error instanceof Error ? error.message : String(error) });
          stoppedAt = i + 1;
          break;
        }
      }
    } finally {
      try {
        const { written, lost } = writeMarks(context, marks);
        forgetDrafts([...written, ...lost.map((l) => l.mark)].map((m) => m.contactId));
        for (const { mark, reason } of lost) summary.unmarked.push({ name: mark.name, reason });
      } catch (error) {
        // The drafts stay in the journal: the next run marks them instead of drafting again.
        unmarked = `The drafts could not be marked on the sheet (${error instanceof Error ? error.message : String(error)}). Touchpoint remembers them: run this again once that is fixed, and they will be marked, not drafted again.`;
      }
    }
    summary.remaining = plan.items.length - stoppedAt + summary.failed.length;
    const parts = [`Created ${plural(summary.drafted.length, 'draft')} in Gmail.`];
    if (summary.skipped.length) parts.push(`Skipped ${summary.skipped.length}.`);
    if (summary.failed.length) parts.push(`Gmail stopped at ${summary.failed[0].name}: ${summary.failed[0].error}`);
    for (const { name, reason } of summary.unmarked) parts.push(`The draft to ${name} was made, but not marked on the sheet: ${reason}.`);
    if (unmarked) parts.push(unmarked);
    if (timedOut) parts.push('Stopped before Apps Script\'s 6-minute limit.');
    if (summary.remaining) parts.push(`${plural(summary.remaining, 'contact')} still to draft: run this again to continue.`);
    summary.message = parts.join(' ');
    return summary;
  });
}
