import { Contact, contactHandle, isValidEmail } from '../core/contacts';
import { Day, formatLongDay } from '../core/dates';
import { draftCautions } from '../core/draft-cautions';
import { OpenDraft, suggestTemplate } from '../core/follow-ups';
import { salutationField } from '../core/greetings';
import { InputError, optionalText, requiredText } from '../core/inputs';
import { normaliseName } from '../core/text';
import { Settings } from '../core/settings';
import { checkTemplate, EmailTemplate, findTemplate, holesIn, knownPlaceholderNames, profileRequest, renderTemplate, TemplateError } from '../core/templates';
import type { CreateDraftInput, DraftPreview } from '../shared/rpc';
import { Decision } from './actions';
import type { DateOrderSource } from '../core/dates';

/** A template with {{My news}} is only worth sending with news in it. */
function needsNews(template: { subject: string; body: string }): boolean {
  return /\{\{\s*my\s*news\s*(\|[^}]*)?\}\}/i.test(`${template.subject}\n${template.body}`);
}

interface PreviewInput {
  contact: Contact;
  /** The template asked for, or null for the one suggested. */
  template: string | null;
  templates: readonly EmailTemplate[];
  headers: readonly string[];
  settings: Pick<Settings, 'profile' | 'greetings'>;
  news?: string;
  today: Day;
  timeZone: string;
  dateOrder: DateOrderSource;
}

function warningFor(field: string, contact: Contact, greetings: Settings['greetings']): string {
  if (field === 'My news') return 'Type your news below: one or two concrete sentences.';
  if (field === 'Salutation') {
    const empty = salutationField(contact, greetings);
    return `${empty} is empty for ${contact.name}, who is greeted by ${empty === 'Last name' ? 'title and last name' : 'first name'} (Settings ▸ Greeting). Fill it in, or edit the text where it says [Salutation].`;
  }
  return `${field} is empty for ${contact.name}: fill it in on the sheet, or edit the text where it says [${field}].`;
}

/** The email the editor opens with: the template filled in, and what to fix before sending, in words. */
export function previewOf(input: PreviewInput): Omit<DraftPreview, 'openDraft'> {
  const { contact, templates, today, timeZone, settings } = input;
  const { profile, greetings } = settings;
  const names = templates.map((t) => t.name);
  const name = input.template ?? suggestTemplate(contact, today, names);
  if (!name) throw new TemplateError('The Templates sheet has no templates. Add one, or run Touchpoint ▸ Set up contact sheet.');
  const chosen = findTemplate(templates, name);
  checkTemplate(chosen, knownPlaceholderNames(input.headers));
  const news = optionalText(input.news, 'My news', 2000);
  const rendered = renderTemplate(chosen, { contact, profile, today, timeZone, greetings, news, dateOrder: input.dateOrder });
  const warnings = rendered.missing.map((field) => warningFor(field, contact, greetings));
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
  };
}

interface DraftRequest {
  subject: string;
  body: string;
  /** The open draft to overwrite, when the user chose Replace. */
  replace?: string;
}

/** The checks Create draft makes before anything is read. */
export function readDraftInput(input: CreateDraftInput): { subject: string; body: string; template: string; news: string } {
  if (input?.whenOpen !== undefined && input.whenOpen !== 'replace' && input.whenOpen !== 'another') {
    throw new InputError('whenOpen must be "replace" or "another".');
  }
  return {
    subject: requiredText(input?.subject, 'Subject', 250),
    body: requiredText(input?.body, 'Body', 20_000),
    template: optionalText(input?.template, 'Template', 200),
    news: optionalText(input?.news, 'My news', 2000),
  };
}

/**
 * Whether the email may become a draft now: an address, no [holes] left, news where the template wants it, and
 * a choice when this person already has a draft open in Gmail.
 */
export function checkDraftRequest(input: CreateDraftInput, contact: Contact, templates: () => readonly EmailTemplate[], headers: readonly string[], open: OpenDraft | null): DraftRequest {
  const { subject, body, template: templateName, news } = readDraftInput(input);
  if (templateName && !news) {
    const template = templates().find((t) => normaliseName(t.name) === normaliseName(templateName));
    if (template && needsNews(template)) throw new InputError(`"${template.name}" is an update: type your news in My news before creating the draft.`);
  }
  if (!contact.email) throw new InputError(`${contact.name} has no email address: add one in the Email column first.`);
  if (!isValidEmail(contact.email)) throw new InputError(`"${contact.email}" is not a valid email address: fix it on the sheet first.`);
  const holes = holesIn(`${subject}\n${body}`, knownPlaceholderNames(headers));
  if (holes.length) throw new InputError(`The email still has ${holes.join(', ')}: fill ${holes.length > 1 ? 'them' : 'it'} in (on the sheet or in the text) before creating the draft.`);
  if (open && !input.whenOpen) {
    throw new InputError(`${contact.name} already has a draft from ${formatLongDay(open.created)} in Gmail. Choose Replace it (edits made in Gmail are lost) or Create another.`);
  }
  return { subject, body, replace: open && input.whenOpen === 'replace' ? open.id : undefined };
}

/** The row's marks for a draft: made today, and its id once Gmail has it ('' while it is being made). */
export function decideDraftMarks(contact: Contact, draftId: string, today: Day, replaced: boolean): Decision {
  return {
    patch: { draftCreated: today, draftId },
    message: replaced ? `Replaced the draft to ${contact.name} in Gmail.` : `Draft to ${contact.name} is ready in Gmail.`,
  };
}
