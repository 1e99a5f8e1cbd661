import { followUpStatus } from '../core/cadence';
import { Contact, isValidEmail } from '../core/contacts';
import { Day, DateOrderSource, formatLongDay } from '../core/dates';
import { draftCautions } from '../core/draft-cautions';
import { isInvalidValueError } from '../core/errors';
import { DraftRecord, findOpenDraft, followUpOf, KnownDrafts, suggestTemplate } from '../core/follow-ups';
import { salutationField } from '../core/greetings';
import { InputError } from '../core/inputs';
import { Settings } from '../core/settings';
import { plural } from '../core/text';
import type { BulkDraftSummary } from '../shared/rpc';
import { checkTemplate, EmailTemplate, findTemplate, holesIn, knownPlaceholderNames, profileRequest, Rendered, renderTemplate } from '../core/templates';

/** Drafting follow-ups for many contacts at once: who gets which email, who is skipped and why. */

interface PlannedDraft {
  contact: Contact;
  template: string;
  /** The email, once its checks have run (at planning, or just before drafting: see `deferChecks`). */
  rendered?: Rendered;
}

export interface Plan {
  items: PlannedDraft[];
  skipped: { name: string; reason: string }[];
  templates: string[];
  /** The email of an item, or why it is skipped: the checks that need the email written out. */
  finish(item: PlannedDraft): Rendered | { skip: string };
}

/** The overdue contacts (snoozed ones too, to say why they are skipped). */
export function overdueContacts(contacts: readonly Contact[], settings: Settings, today: Day): Contact[] {
  return contacts.filter((contact) => {
    try {
      const followUp = followUpOf(contact, settings, today);
      if (followUp === null) return false;
      const unsnoozed = { lastContact: contact.lastContact, metOn: contact.metOn, cadence: followUp.cadence };
      return followUpStatus(unsnoozed, today, settings.dueSoonDays) === 'Overdue';
    } catch (error) {
      if (isInvalidValueError(error)) return false;
      throw error;
    }
  });
}

interface PlanInput {
  /** The contacts the choice covers, in order. */
  targets: readonly Contact[];
  /** A template name, or null for the one suggested per contact. */
  template: string | null;
  templates: readonly EmailTemplate[];
  headers: readonly string[];
  settings: Settings;
  drafts: KnownDrafts | null;
  /** Why a contact's Draft ID / Draft created cannot be written (the user's formula there), or null. */
  markRefusal: (contact: Contact) => string | null;
  today: Day;
  timeZone: string;
  dateOrder: DateOrderSource;
  /**
   * Leave the checks that need each email written out (empty fields, holes, cautions) until just before that
   * contact is drafted (plan.finish): a run that stops at its time limit has not written out the thousands of emails
   * it never reached. What would stop everyone (a missing profile, a template needing news) is still found first,
   * on the first contact of each template; and a contact sharing an address with another is checked at once, so
   * the twin that gets the draft is the one that can.
   */
  deferChecks?: boolean;
}

/**
 * Who gets a draft and who is skipped, with why in words. Whatever would be wrong for everyone (an unknown
 * placeholder, a missing profile) stops the whole run before any draft.
 */
export function planDrafts(input: PlanInput): Plan {
  const { settings, templates, drafts, today } = input;
  const choice = { template: input.template };
  const names = templates.map((t) => t.name);
  const known = knownPlaceholderNames(input.headers);
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
  const finish = (item: PlannedDraft): Rendered | { skip: string } => {
    const { contact, template: name } = item;
    const rendered = renderTemplate(templateFor(name), { contact, profile: settings.profile, today: today, timeZone: input.timeZone, greetings: settings.greetings, dateOrder: input.dateOrder });
    if (rendered.missingProfile.length) throw new InputError(profileRequest(rendered.missingProfile)); // the same for everyone: stop before any draft
    if (rendered.missing.includes('My news')) return { skip: `"${name}" needs your news: write it from the sidebar's Draft email, where you type it` };
    if (rendered.missing.length) {
      // {{Salutation}} is not a column: name the one the greeting needs.
      const salutation = salutationField(contact, settings.greetings);
      const missing = [...new Set(rendered.missing.map((field) => (field === 'Salutation' ? salutation : field)))];
      return { skip: `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} empty: fill ${missing.length > 1 ? 'them' : 'it'} in on the sheet` };
    }
    // The same guard as a single draft: text from the sheet can itself hold a {{placeholder}} or a [marker].
    const holes = holesIn(`${rendered.subject}\n${rendered.body}`, known);
    if (holes.length) return { skip: `the email would still have ${holes.join(', ')} (from the sheet or the template): fix it there` };
    const cautions = draftCautions(templateFor(name), contact, today, settings.greetings, settings.profile.myInstitution);
    if (cautions.length) return { skip: `${cautions[0].replace(/\.$/, '')}. Draft this one from the sidebar, where you can adjust it` };
    item.rendered = rendered;
    return rendered;
  };
  const plan: Plan = { items: [], skipped: [], templates: names, finish };
  const planned = new Map<string, Contact>(); // address → the contact drafted for it in this run
  const addressCount = new Map<string, number>();
  const addresses = input.targets.map(addressKeyOf);
  for (const address of addresses) addressCount.set(address, (addressCount.get(address) ?? 0) + 1);
  const templatesChecked = new Set<string>();
  input.targets.forEach((contact, index) => {
    const address = addresses[index];
    const skip = (reason: string) => plan.skipped.push({ name: contact.name, reason });
    if (contact.snoozedUntil !== null && contact.snoozedUntil > today) {
      skip(`snoozed until ${formatLongDay(contact.snoozedUntil)}`);
      return;
    }
    if (!contact.email) {
      skip('no email address');
      return;
    }
    if (!isValidEmail(contact.email)) {
      skip(`"${contact.email}" is not a valid email address`);
      return;
    }
    const unreadableMark = contact.unreadable.find((key) => key === 'draftCreated');
    if (unreadableMark) {
      skip('its Draft created cell holds something Touchpoint cannot read: clear it or put a date there');
      return;
    }
    // A draft that could not be marked would be made again by every later run: not made at all.
    const refusal = input.markRefusal(contact);
    if (refusal) {
      skip(refusal.replace(/\.$/, ''));
      return;
    }
    const open = findOpenDraft(contact, drafts);
    if (open) {
      skip(`a draft to ${contact.email} from ${formatLongDay(open.created)} is still open in Gmail`);
      return;
    }
    const twin = planned.get(address);
    if (twin) {
      skip(`the same email as ${twin.name} (row ${twin.row}), who gets the draft`);
      return;
    }
    const name = choice.template ?? suggestTemplate(contact, today, names);
    if (!name) throw new InputError('The Templates sheet has no templates. Add one, or run Touchpoint ▸ Set up contact sheet.');
    const item: PlannedDraft = { contact, template: name };
    const checkNow = !input.deferChecks || !templatesChecked.has(name) || (addressCount.get(address) ?? 0) > 1;
    templatesChecked.add(name);
    if (checkNow) {
      const checked = finish(item);
      if ('skip' in checked) {
        skip(checked.skip);
        return;
      }
    }
    plan.items.push(item);
    planned.set(address, contact);
  });
  return plan;
}

function addressKeyOf(contact: Contact): string {
  return contact.email.trim().toLowerCase();
}

export interface Mark extends DraftRecord {
  name: string;
}

/**
 * Drafts recorded but not shown on their row (a run that died before its write-back, or marks lost to an edit):
 * the newest per contact, still in Gmail and still addressed to that row's email, is given to the contact in
 * memory, so the plan skips it, and is marked with this run's marks.
 */
export function carryRecords(contacts: readonly Contact[], known: KnownDrafts): Mark[] {
  const contactsWith = new Map<string, Contact[]>();
  for (const contact of contacts) {
    const key = contact.email.trim().toLowerCase();
    const list = contactsWith.get(key);
    if (list) list.push(contact);
    else contactsWith.set(key, [contact]);
  }
  const newest = new Map<string, DraftRecord>();
  for (const record of known.records ?? []) {
    if (known.complete && !known.messages.has(record.draftId)) continue;
    const current = newest.get(record.contactId);
    if (!current || record.at > current.at) newest.set(record.contactId, record);
  }
  const carried: Mark[] = [];
  for (const record of newest.values()) {
    // By id and address; if the id has moved to someone else (a copy sorted above), by the address alone when one row has it.
    const byAddress = contactsWith.get(record.email.trim().toLowerCase()) ?? [];
    const contact = byAddress.find((c) => c.id === record.contactId) ?? (byAddress.length === 1 ? byAddress[0] : undefined);
    if (!contact || contact.draftId === record.draftId) continue;
    if (contact.draftCreated !== null && contact.draftCreated > record.day) continue; // the row shows a newer draft
    Object.assign(contact, { draftId: record.draftId, draftCreated: record.day });
    carried.push({ ...record, contactId: contact.id, name: contact.name });
  }
  return carried;
}

/** What a run did, in words: drafted, skipped, where Gmail stopped, what could not be marked or recorded, what is left. */
export function summaryMessage(summary: Omit<BulkDraftSummary, 'message'>, notes: { unrecorded: string; unmarked: string; timedOut: boolean }): string {
  const { unrecorded, unmarked, timedOut } = notes;
  const parts = [`Created ${plural(summary.drafted.length, 'draft')} in Gmail.`];
  if (summary.skipped.length) parts.push(`Skipped ${summary.skipped.length}.`);
  if (summary.failed.length) parts.push(`Gmail stopped at ${summary.failed[0].name}: ${summary.failed[0].error}`);
  for (const { name, reason } of summary.unmarked) parts.push(`The draft to ${name} was made, but not marked on the sheet: ${reason}.`);
  if (unrecorded) parts.push(unrecorded);
  if (unmarked) parts.push(unmarked);
  if (timedOut) parts.push('Stopped before Apps Script\'s 6-minute limit.');
  if (summary.remaining) parts.push(`${plural(summary.remaining, 'contact')} still to draft: run this again to continue.`);
  return parts.join(' ');
}
