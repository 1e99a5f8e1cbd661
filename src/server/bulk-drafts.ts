import { followUpStatus } from '../core/cadence';
import { Contact, isValidEmail } from '../core/contacts';
import { cellDay, Day, formatLongDay } from '../core/dates';
import { isInvalidValueError } from '../core/errors';
import { followUpOf, KnownDrafts, openDraft, suggestTemplate } from '../core/follow-ups';
import { InputError } from '../core/inputs';
import { Settings } from '../core/settings';
import { checkTemplate, EmailTemplate, findTemplate, knownPlaceholderNames, profileRequest, Rendered, renderTemplate } from '../core/templates';
import type { BulkDraftChoice, BulkDraftPlan, BulkDraftSummary } from '../shared/rpc';
import { ContactsSnapshot, contiguousRuns, readContactsSheet } from './contacts-sheet';
import { listOpenDrafts, saveDraft } from './gmail-drafts';
import { readSettingsSheet, readTemplatesSheet } from './settings-reader';
import { actionContext, ActionContext } from './action-context';
import { withDocumentLock } from './workbook';

/** Drafts are written back to the sheet every BATCH_SIZE, so a failure or time-out loses nothing. */
export const BATCH_SIZE = 10;
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

/** The contacts a choice covers: overdue ones (snoozed ones too, to say why they are skipped) or the selected rows. */
function targets(context: ActionContext, snapshot: ContactsSnapshot, settings: Settings, scope: BulkDraftChoice['scope']): Contact[] {
  if (scope === 'selected') {
    const range = context.spreadsheet.getActiveRange();
    if (!range || range.getSheet().getName() !== snapshot.sheet.getName()) {
      throw new InputError(`Select one or more contact rows on the ${snapshot.sheet.getName()} sheet, then choose this again.`);
    }
    const [first, last] = [range.getRow(), range.getLastRow()];
    const chosen = snapshot.contacts.filter((c) => c.row >= first && c.row <= last);
    if (!chosen.length) throw new InputError('The selection holds no contacts. Select rows with people in them, then try again.');
    return chosen;
  }
  return snapshot.contacts.filter((contact) => {
    try {
      const { cadence } = followUpOf(contact, settings, context.today);
      const unsnoozed = { lastContact: contact.lastContact, metOn: contact.metOn, cadence };
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
  const snapshot = readContactsSheet(context.spreadsheet, context.timeZone);
  const plan = makePlan(context, snapshot, choice, listOpenDrafts());
  return {
    scope: choice.scope,
    templates: plan.templates,
    toDraft: plan.items.map((item) => ({ id: item.contact.id, name: item.contact.name, template: item.template })),
    skipped: plan.skipped,
  };
}

/**
 * Writes Draft created / Draft ID for the drafted contacts: re-reads the id column first (rows may have been
 * sorted meanwhile), then writes the two columns whole, in one call when they are side by side.
 */
function markDrafted(snapshot: ContactsSnapshot, marks: ReadonlyMap<string, string>, today: Day): void {
  if (!marks.size) return;
  const { sheet, columns } = snapshot;
  const rows = sheet.getLastRow() - 1;
  const ids = sheet.getRange(2, columns.get('id')! + 1, rows, 1).getValues();
  const targets = [columns.get('draftCreated'), columns.get('draftId')].filter((c): c is number => c !== undefined);
  for (const { start, values: run } of contiguousRuns(new Map(targets.map((c) => [c, null])))) {
    const width = run.length;
    const range = sheet.getRange(2, start + 1, rows, width);
    const values = range.getValues();
    ids.forEach(([id], row) => {
      const draftId = marks.get(String(id));
      if (draftId === undefined) return;
      for (let offset = 0; offset < width; offset++) {
        values[row][offset] = start + offset === columns.get('draftId') ? draftId : cellDay(today);
      }
    });
    range.setValues(values);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function runBulkDrafts(choice: BulkDraftChoice): BulkDraftSummary {
  const started = Date.now();
  const context = actionContext();
  return withDocumentLock(() => {
    const snapshot = readContactsSheet(context.spreadsheet, context.timeZone);
    const plan = makePlan(context, snapshot, choice, listOpenDrafts());
    const summary: BulkDraftSummary = { drafted: [], skipped: plan.skipped, failed: [], remaining: 0, message: '' };
    const pending = new Map<string, string>();
    let stoppedAt = plan.items.length;
    let timedOut = false;
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
          pending.set(contact.id, saved.id);
          summary.drafted.push({ name: contact.name, template });
        } catch (error) {
          summary.failed.push({ name: contact.name, error: error instanceof Error ? error.message : String(error) });
          stoppedAt = i + 1;
          break;
        }
        if (pending.size >= BATCH_SIZE) {
          markDrafted(snapshot, pending, context.today);
          pending.clear();
        }
      }
    } finally {
      markDrafted(snapshot, pending, context.today);
    }
    summary.remaining = plan.items.length - stoppedAt + summary.failed.length;
    const parts = [`Created ${plural(summary.drafted.length, 'draft')} in Gmail.`];
    if (summary.skipped.length) parts.push(`Skipped ${summary.skipped.length}.`);
    if (summary.failed.length) parts.push(`Gmail stopped at ${summary.failed[0].name}: ${summary.failed[0].error}`);
    if (timedOut) parts.push('Stopped before Apps Script\'s 6-minute limit.');
    if (summary.remaining) parts.push(`${plural(summary.remaining, 'contact')} still to draft: run this again to continue.`);
    summary.message = parts.join(' ');
    return summary;
  });
}
