import type { DraftPreview } from '../../shared/rpc';
import { setChildren, field, h, longDate, options } from '../dom';
import { server } from '../rpc';
import { cancelButton } from './forms';
import type { Actions } from './store';

/** The draft panel of a card: the template filled in by the server, edited here, saved as a Gmail draft. */

type Recipient = { id: string; name: string };
/** What the user typed as news, kept across a switch of template. */
type Memory = { news: string };
interface Editor {
  subject: HTMLInputElement;
  body: HTMLTextAreaElement;
  news: HTMLTextAreaElement | null;
  holes: HTMLElement;
}

export function draftForm(card: Recipient, template: string | null, actions: Actions): HTMLElement {
  const panel = h('div', { class: 'panel', 'aria-label': `Draft email to ${card.name}` }, h('p', { class: 'muted' }, 'Filling in the template…'));
  // What the user typed as news survives a switch of template (the server fills it in the new one).
  const typed: Memory = { news: '' };
  const load = async (chosen: string | null) => {
    const preview = await actions.act(null, '', () => server.previewDraft(card.id, chosen, typed.news || undefined));
    if (preview) setChildren(panel, draftEditor(card, preview, load, typed, actions));
  };
  void load(template);
  return panel;
}

/** The markers ([Letter for], [My news]) still in the text: Create draft waits until none is left. */
function holesLeft(preview: DraftPreview, text: string): string[] {
  return preview.missing.filter((field) => text.includes(`[${field}]`));
}

/** What is left to do before the draft can be created, as a sentence; '' when nothing is. */
function todoText(left: string[]): string {
  const fields = left.filter((f) => f !== 'My news');
  const todo = [fields.length ? `fill in ${fields.map((f) => `[${f}]`).join(', ')}` : '', left.includes('My news') ? 'type your news in My news' : ''].filter(Boolean).join(' and ');
  return todo ? `${todo[0].toUpperCase()}${todo.slice(1)} before creating the draft.` : '';
}

/** Says what is left to fill in, and keeps the create buttons disabled until nothing is. */
function checker(preview: DraftPreview, editor: Editor, buttons: HTMLButtonElement[]): () => void {
  return () => {
    const left = holesLeft(preview, `${editor.subject.value}\n${editor.body.value}`);
    // An update needs news even if its [My news] line was deleted by hand.
    if (editor.news && !editor.news.value.trim() && !left.includes('My news')) left.push('My news');
    editor.holes.textContent = todoText(left);
    for (const button of buttons) button.disabled = left.length > 0;
  };
}

/** The news goes where [My news] was; typing on replaces what was put there (or puts the marker back). */
function followNews(news: HTMLTextAreaElement, body: HTMLTextAreaElement, memory: Memory, changed: () => void): void {
  let lastNews = memory.news.trim();
  news.addEventListener('input', () => {
    const typed = news.value.trim();
    const marker = '[My news]';
    if (body.value.includes(marker)) body.value = body.value.replace(marker, typed || marker);
    else if (lastNews && body.value.includes(lastNews)) body.value = body.value.replace(lastNews, typed || marker);
    lastNews = typed;
    memory.news = news.value;
    changed();
  });
}

/** Create draft; or, with a draft still open in Gmail, Create another and Replace it (which asks to be sure). */
function createButtons(card: Recipient, preview: DraftPreview, editor: Editor, actions: Actions): HTMLButtonElement[] {
  const create = (label: string, whenOpen: 'replace' | 'another' | undefined, confirmText?: string) => {
    const button = h('button', { class: whenOpen === 'replace' ? '' : 'primary', type: 'button' }, label);
    let confirmed = !confirmText;
    button.addEventListener('click', async () => {
      if (!confirmed) {
        // An explicit second click, in place: no browser dialog, and the consequence is said on the button.
        confirmed = true;
        button.textContent = confirmText!;
        return;
      }
      const { subject, body, news } = editor;
      const input = { contactId: card.id, subject: subject.value, body: body.value, whenOpen, template: preview.template, news: news?.value ?? '' };
      actions.apply(await actions.act(button, 'Creating…', () => server.createDraft(input)));
    });
    return button;
  };
  return preview.openDraft
    ? [create('Create another', 'another'), create('Replace it', 'replace', 'Yes, replace it (edits made in Gmail are lost)')]
    : [create('Create draft', undefined)];
}

/** The user's own notes and the warnings, beside the editor: never put into the email. */
function context(preview: DraftPreview): (HTMLElement | null)[] {
  const notes = [preview.notes.lastContact && `Last contact: ${preview.notes.lastContact}`, preview.notes.nextStep && `Next step: ${preview.notes.nextStep}`].filter(Boolean) as string[];
  const open = preview.openDraft;
  return [
    h('p', { class: 'to' }, 'To: ', preview.to || 'no email address'),
    notes.length ? h('div', { class: 'context muted' }, h('p', {}, 'Your notes (not in the email):'), notes.map((n) => h('p', {}, n))) : null,
    open ? h('p', { class: 'open-draft warning' }, `A draft from ${longDate(open.created)} is still open in Gmail. `, h('a', { href: open.url, target: '_blank', rel: 'noopener' }, 'Open in Gmail')) : null,
    preview.warnings.length ? h('ul', { class: 'warnings' }, preview.warnings.map((w) => h('li', {}, w))) : null,
  ];
}

function draftEditor(card: Recipient, preview: DraftPreview, reload: (template: string) => void, memory: Memory, actions: Actions): (HTMLElement | null)[] {
  const template = h('select', { onchange: () => reload(template.value) }, ...options(preview.templates, preview.template));
  const editor: Editor = {
    subject: h('input', { type: 'text', value: preview.subject, required: true, maxlength: 250 }),
    body: h('textarea', { rows: 12, required: true }, preview.body),
    news: preview.needsNews ? h('textarea', { rows: 3, class: 'news', placeholder: 'e.g. I matched into cardiology at Lakeview, starting in July.' }, memory.news) : null,
    holes: h('p', { class: 'holes warning', role: 'status', 'aria-live': 'polite' }),
  };
  const buttons = createButtons(card, preview, editor, actions);
  const check = checker(preview, editor, buttons);
  if (editor.news) followNews(editor.news, editor.body, memory, check);
  editor.subject.addEventListener('input', check);
  editor.body.addEventListener('input', check);
  check();
  return [
    field('Template', template),
    ...context(preview),
    editor.news ? field('My news', editor.news) : null,
    field('Subject', editor.subject),
    field('Body', editor.body),
    editor.holes,
    h('p', { class: 'muted' }, 'Touchpoint saves this as a Gmail draft. It never sends.'),
    h('div', { class: 'buttons' }, ...buttons, cancelButton(actions)),
  ];
}
