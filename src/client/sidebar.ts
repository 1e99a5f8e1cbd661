import type { ActionResult, ContactCard, DraftPreview, LetterCard, SidebarModel } from '../shared/rpc';
import { clear, field, folded, h, longDate, options } from './dom';
import { server } from './rpc';
import { busyRunner, errorBox as errorBox_, fadingNotice, flash, noticeArea, showError as showError_, tieErrorToField } from './ui/feedback';

type Panel = { contactId: string; kind: 'log' | 'draft' | 'snooze' | 'letter-draft' } | { contactId: null; kind: 'add' } | null;

const state: { model: SidebarModel | null; search: string; panel: Panel } = {
  model: null,
  search: '',
  panel: null,
};

const root = document.getElementById('app')!;
const notice = noticeArea();
const errorBox = errorBox_(undefined, 'sidebar-error');
const lists = h('div', { class: 'lists' });
const goals = h('div', { class: 'goals' });
const problems = h('div', { class: 'problems' });
const addButton = h('button', { class: 'primary small', type: 'button', onclick: (event: Event) => togglePanel({ contactId: null, kind: 'add' }, event.currentTarget) }, '+ Add contact');
const addArea = h('div');
const search = h('input', {
  type: 'search',
  class: 'search',
  placeholder: 'Search name, email, institution, notes',
  'aria-label': 'Search contacts',
  oninput: (event: Event) => {
    state.search = folded((event.target as HTMLInputElement).value.trim());
    renderLists();
  },
});

const runner = busyRunner(root, showError);

function showError(error: unknown): void {
  tieErrorToField(root, '.panel label.field', errorBox, showError_(errorBox, error));
}

function showNotice(message: string): void {
  errorBox.hidden = true;
  flash(notice, message);
}

/** Runs a server action with the loading state on; a failure shows its message and leaves the panel open. */
function act<T>(button: HTMLButtonElement | null, busyLabel: string, work: () => Promise<T>): Promise<T | undefined> {
  if (runner.busy) return Promise.resolve(undefined);
  if (button) actionSlot = slotOf(button);
  return runner.act(button, busyLabel, work);
}

function applyResult(result: ActionResult | undefined): void {
  if (!result) return;
  const slot = actionSlot;
  state.model = result.model;
  state.panel = null;
  render();
  // The notice goes next to what caused it (the card, when it is still listed), is announced, and fades.
  const card = slot ? cardAt(slot) : null;
  if (card) {
    errorBox.hidden = true;
    clear(notice);
    card.append(fadingNotice(result.message));
  } else {
    showNotice(result.message);
  }
}

/** Which card an element sits in. A contact can have two (under Overdue and under Letters): their order tells them apart. */
type CardSlot = { id: string; index: number };
/** The card whose button ran the last action, for its notice. */
let actionSlot: CardSlot | null = null;

function cardsOf(id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.card')).filter((card) => card.dataset.id === id);
}

function slotOf(element: Element | null): CardSlot | null {
  const card = element?.closest<HTMLElement>('.card');
  if (!card?.dataset.id) return null;
  return { id: card.dataset.id, index: cardsOf(card.dataset.id).indexOf(card) };
}

/** The card in that slot after a new render; none when that card left its list (the notice then goes to the top). */
function cardAt(slot: CardSlot): HTMLElement | null {
  return cardsOf(slot.id)[slot.index] ?? null;
}

/** The label of the button that opened the panel, to give it focus back when the panel closes. */
let openerLabel: string | null = null;
let openerSlot: CardSlot | null = null;

function togglePanel(panel: Panel, from?: EventTarget | null): void {
  const same = state.panel && panel && state.panel.kind === panel.kind && state.panel.contactId === panel.contactId;
  const closing = same || !panel;
  const previous = state.panel;
  if (!closing) {
    const opener = (from ?? document.activeElement) as HTMLElement | null;
    openerLabel = opener?.textContent ?? null;
    openerSlot = slotOf(opener);
  }
  state.panel = same ? null : panel;
  errorBox.hidden = true;
  render();
  if (closing && previous) {
    // Focus goes back to the button that opened the panel (found again: the list was drawn anew).
    const scope = previous.contactId && openerSlot ? cardAt(openerSlot) : root;
    const back = Array.from(scope?.querySelectorAll<HTMLButtonElement>('button') ?? []).find((b) => b.textContent === openerLabel);
    (back ?? addButton).focus();
    return;
  }
  root.querySelector<HTMLElement>('.panel input, .panel select, .panel textarea, .panel button')?.focus();
}

function logForm(card: ContactCard, model: SidebarModel): HTMLElement {
  const date = h('input', { type: 'date', value: model.today, max: model.today, required: true });
  const channel = h('select', {}, ...options(model.channels, 'Email'));
  const summary = h('input', { type: 'text', placeholder: 'What you talked about', required: true, maxlength: 2000 });
  const nextStep = h('input', { type: 'text', placeholder: card.nextStep || 'What you promised or planned', maxlength: 1000 });
  const save = h('button', { class: 'primary', type: 'submit' }, 'Save');
  return h(
    'form',
    {
      class: 'panel',
      'aria-label': `Log contact with ${card.name}`,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        applyResult(
          await act(save, 'Saving…', () =>
            server.logContact({ contactId: card.id, date: date.value, channel: channel.value, summary: summary.value, nextStep: nextStep.value }),
          ),
        );
      },
    },
    field('Date', date),
    field('Channel', channel),
    field('Summary', summary),
    field('Next step', nextStep),
    h('div', { class: 'buttons' }, save, h('button', { type: 'button', onclick: () => togglePanel(null) }, 'Cancel')),
  );
}

function draftForm(card: { id: string; name: string }, template: string | null): HTMLElement {
  const panel = h('div', { class: 'panel', 'aria-label': `Draft email to ${card.name}` }, h('p', { class: 'muted' }, 'Filling in the template…'));
  // What the user typed as news survives a switch of template (the server fills it in the new one).
  const typed = { news: '' };
  const load = async (chosen: string | null) => {
    const preview = await act(null, '', () => server.previewDraft(card.id, chosen, typed.news || undefined));
    if (preview) clear(panel, draftEditor(card, preview, load, typed));
  };
  void load(template);
  return panel;
}

/** The markers ([Letter for], [My news]) still in the text: Create draft waits until none is left. */
function holesLeft(preview: DraftPreview, text: string): string[] {
  return preview.missing.filter((field) => text.includes(`[${field}]`));
}

function draftEditor(card: { id: string; name: string }, preview: DraftPreview, reload: (template: string) => void, memory: { news: string }): (HTMLElement | null)[] {
  const template = h('select', { onchange: () => reload(template.value) }, ...options(preview.templates, preview.template));
  const subject = h('input', { type: 'text', value: preview.subject, required: true, maxlength: 250 });
  const body = h('textarea', { rows: 12, required: true }, preview.body);
  const holes = h('p', { class: 'holes warning', role: 'status', 'aria-live': 'polite' });
  const news = preview.needsNews ? h('textarea', { rows: 3, class: 'news', placeholder: 'e.g. I matched into cardiology at Lakeview, starting in July.' }, memory.news) : null;
  const buttons: HTMLButtonElement[] = [];
  let lastNews = news ? memory.news.trim() : '';
  const refresh = () => {
    const left = holesLeft(preview, `${subject.value}\n${body.value}`);
    // An update needs news even if its [My news] line was deleted by hand.
    if (news && !news.value.trim() && !left.includes('My news')) left.push('My news');
    const fields = left.filter((f) => f !== 'My news');
    const todo = [fields.length ? `fill in ${fields.map((f) => `[${f}]`).join(', ')}` : '', left.includes('My news') ? 'type your news in My news' : ''].filter(Boolean).join(' and ');
    holes.textContent = todo ? `${todo[0].toUpperCase()}${todo.slice(1)} before creating the draft.` : '';
    for (const button of buttons) button.disabled = left.length > 0;
  };
  news?.addEventListener('input', () => {
    const typed = news.value.trim();
    const marker = '[My news]';
    // The news goes where [My news] was; typing on replaces what was put there (or puts the marker back).
    if (body.value.includes(marker)) body.value = body.value.replace(marker, typed || marker);
    else if (lastNews && body.value.includes(lastNews)) body.value = body.value.replace(lastNews, typed || marker);
    lastNews = typed;
    memory.news = news.value;
    refresh();
  });
  subject.addEventListener('input', refresh);
  body.addEventListener('input', refresh);
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
      applyResult(await act(button, 'Creating…', () => server.createDraft({ contactId: card.id, subject: subject.value, body: body.value, whenOpen, template: preview.template, news: news?.value ?? '' })));
    });
    buttons.push(button);
    return button;
  };
  const open = preview.openDraft;
  const actions = open
    ? [create('Create another', 'another'), create('Replace it', 'replace', 'Yes, replace it (edits made in Gmail are lost)')]
    : [create('Create draft', undefined)];
  refresh();
  const notes = [preview.notes.lastContact && `Last contact: ${preview.notes.lastContact}`, preview.notes.nextStep && `Next step: ${preview.notes.nextStep}`].filter(Boolean) as string[];
  return [
    field('Template', template),
    h('p', { class: 'to' }, 'To: ', preview.to || 'no email address'),
    notes.length ? h('div', { class: 'context muted' }, h('p', {}, 'Your notes (not in the email):'), notes.map((n) => h('p', {}, n))) : null,
    open ? h('p', { class: 'open-draft warning' }, `A draft from ${longDate(open.created)} is still open in Gmail. `, h('a', { href: open.url, target: '_blank', rel: 'noopener' }, 'Open in Gmail')) : null,
    preview.warnings.length ? h('ul', { class: 'warnings' }, preview.warnings.map((w) => h('li', {}, w))) : null,
    news ? field('My news', news) : null,
    field('Subject', subject),
    field('Body', body),
    holes,
    h('p', { class: 'muted' }, 'Touchpoint saves this as a Gmail draft. It never sends.'),
    h('div', { class: 'buttons' }, ...actions, h('button', { type: 'button', onclick: () => togglePanel(null) }, 'Cancel')),
  ];
}

/** The draft left Gmail: sent (log it, dated the day noticed, editable) or not. */
function goneDraftPrompt(card: ContactCard, gone: NonNullable<ContactCard['goneDraft']>, model: SidebarModel): HTMLElement {
  const date = h('input', { type: 'date', value: gone.noticed, min: gone.created, max: model.today, 'aria-label': 'Sent on' });
  const answer = (sent: boolean) => {
    const button = h('button', { type: 'button', class: sent ? 'primary small' : 'small' }, sent ? 'Sent? Log it' : 'Not sent');
    button.addEventListener('click', async () =>
      applyResult(await act(button, '…', () => server.answerGoneDraft({ contactId: card.id, draftId: gone.draftId, sent, date: date.value }))),
    );
    return button;
  };
  return h(
    'div',
    { class: 'gone-draft' },
    h('p', {}, `Your draft “${gone.subject}” from ${longDate(gone.created)} is no longer in Gmail.`),
    h('div', { class: 'buttons' }, answer(true), date, answer(false)),
  );
}

function snoozePanel(card: ContactCard, model: SidebarModel): HTMLElement {
  const choice = (days: number) => {
    const button = h('button', { type: 'button' }, `${days} days`);
    button.addEventListener('click', async () => applyResult(await act(button, '…', () => server.snoozeContact(card.id, days))));
    return button;
  };
  return h('div', { class: 'panel buttons', 'aria-label': `Snooze ${card.name}` }, h('span', {}, 'Snooze for'), model.snoozeDays.map(choice));
}

function statusClass(status: string): string {
  return `chip ${status.toLowerCase().replace(/\s+/g, '-')}`;
}

function cardView(card: ContactCard, model: SidebarModel): HTMLElement {
  const open = state.panel && state.panel.contactId === card.id ? state.panel.kind : null;
  const goTo = h('button', { type: 'button', class: 'link' }, 'Go to row');
  goTo.addEventListener('click', () => void act(goTo, '…', () => server.goToContact(card.id)));
  const meta = [card.relationship, card.daysSince === null ? 'no contact yet' : `${card.daysSince} days since contact`].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'card', 'data-id': card.id },
    h('div', { class: 'card-head' }, h('strong', { class: 'name' }, card.name), h('span', { class: statusClass(card.status) }, card.status)),
    card.subtitle ? h('div', { class: 'muted' }, card.subtitle) : null,
    h('div', { class: 'muted' }, meta),
    h('div', { class: 'reason' }, card.reason),
    card.lastNote ? h('div', { class: 'note' }, h('span', { class: 'label' }, 'Last: '), card.lastNote) : null,
    card.nextStep ? h('div', { class: 'note' }, h('span', { class: 'label' }, 'Next: '), card.nextStep) : null,
    card.draft
      ? h('div', { class: 'draft-ready' }, `Draft ready${card.draft.subject ? `: “${card.draft.subject}”` : ''} (${longDate(card.draft.created)}) · `, h('a', { href: card.draft.url, target: '_blank', rel: 'noopener' }, 'Open in Gmail'))
      : null,
    card.goneDraft ? goneDraftPrompt(card, card.goneDraft, model) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', 'aria-expanded': open === 'log', onclick: (event: Event) => togglePanel({ contactId: card.id, kind: 'log' }, event.currentTarget) }, 'Log contact'),
      h('button', { type: 'button', 'aria-expanded': open === 'draft', onclick: (event: Event) => togglePanel({ contactId: card.id, kind: 'draft' }, event.currentTarget) }, 'Draft email'),
      h('button', { type: 'button', 'aria-expanded': open === 'snooze', onclick: (event: Event) => togglePanel({ contactId: card.id, kind: 'snooze' }, event.currentTarget) }, 'Snooze'),
      goTo,
    ),
    open === 'log' ? logForm(card, model) : null,
    open === 'draft' ? draftForm(card, card.suggestedTemplate) : null,
    open === 'snooze' ? snoozePanel(card, model) : null,
  );
}

const EMPTY: Record<string, string> = {
  overdue: 'Nobody is overdue. Well kept!',
  dueThisWeek: 'Nothing due in the next days.',
  noContactYet: 'No first follow-ups waiting. Met someone new? Add them.',
};

function section(key: 'overdue' | 'dueThisWeek' | 'noContactYet', title: string, model: SidebarModel): HTMLElement {
  const cards = model[key].filter((c) => !state.search || folded(c.searchText).includes(state.search));
  const heading = h('h2', {}, title, ' ', h('span', { class: 'count' }, String(cards.length)));
  const body = cards.length
    ? h('ul', { class: 'cards' }, cards.map((card) => cardView(card, model)))
    : h('p', { class: 'empty' }, state.search ? 'No match for your search.' : EMPTY[key]);
  return h('section', { class: `section ${key}`, 'aria-label': title }, heading, body);
}

function letterView(letter: LetterCard): HTMLElement {
  const open = state.panel && state.panel.contactId === letter.id && state.panel.kind === 'letter-draft';
  const statusButton = (status: string) => {
    const button = h('button', { type: 'button', class: 'small' }, status);
    button.addEventListener('click', async () => applyResult(await act(button, '…', () => server.setLetterStatus(letter.id, status))));
    return button;
  };
  const dates = [letter.due ? `Due ${longDate(letter.due)}` : null, letter.askBy ? `ask by ${longDate(letter.askBy)}` : null].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'card letter', 'data-id': letter.id },
    h('div', { class: 'card-head' }, h('strong', { class: 'name' }, letter.name), h('span', { class: 'chip letter-status' }, letter.status)),
    h('div', {}, 'Letter for ', letter.letterFor || '(not filled in)'),
    dates ? h('div', { class: 'muted' }, dates) : null,
    h('div', { class: 'reason' }, letter.reason),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', 'aria-expanded': Boolean(open), onclick: (event: Event) => togglePanel({ contactId: letter.id, kind: 'letter-draft' }, event.currentTarget) }, letter.draft.label),
    ),
    h('div', { class: 'actions', 'aria-label': 'Set the letter status' }, h('span', { class: 'muted' }, 'Mark:'), letter.nextStatuses.map(statusButton)),
    open ? draftForm(letter, letter.draft.template) : null,
  );
}

function lettersSection(model: SidebarModel): HTMLElement {
  const letters = model.letters.filter((l) => !state.search || folded(`${l.name} ${l.letterFor}`).includes(state.search));
  return h(
    'section',
    { class: 'section letters', 'aria-label': 'Letters' },
    h('h2', {}, 'Letters', ' ', h('span', { class: 'count' }, String(letters.length))),
    letters.length
      ? h('ul', { class: 'cards' }, letters.map((letter) => letterView(letter)))
      : h('p', { class: 'empty' }, state.search ? 'No match for your search.' : 'No letters to ask for or chase now. Track one with Letter for, Letter due and Letter status on the sheet.'),
  );
}

function renderLists(): void {
  const model = state.model;
  if (!model) return;
  clear(
    lists,
    section('overdue', 'Overdue', model),
    section('dueThisWeek', 'Due this week', model),
    section('noContactYet', 'No contact yet', model),
    lettersSection(model),
  );
}

function renderGoals(model: SidebarModel): void {
  clear(
    goals,
    h('h2', {}, 'Mentor team and letters'),
    h(
      'div',
      { class: 'goal-row' },
      model.goals.map((goal) =>
        h(
          'details',
          { class: goal.names.length >= goal.target ? 'goal met' : 'goal' },
          h('summary', { title: `${goal.label}: ${goal.names.length} of ${goal.target}` }, h('span', { class: 'figure' }, `${goal.names.length}/${goal.target}`), ' ', goal.label),
          goal.names.length ? h('ul', {}, goal.names.map((n) => h('li', {}, n))) : h('p', { class: 'muted' }, 'Nobody yet.'),
        ),
      ),
    ),
  );
}

function addForm(model: SidebarModel): HTMLElement {
  const input = (placeholder = '', type = 'text') => h('input', { type, placeholder });
  const fields = {
    firstName: input(),
    lastName: input(),
    email: input('name@hospital.org', 'email'),
    institution: input(),
    specialty: input(),
    metOn: h('input', { type: 'date', max: model.today }),
    interests: input('Topics you discussed'),
  };
  const role = h('select', {}, ...options(model.roles, '', '—'));
  const relationship = h('select', {}, ...options(model.relationships, '', '—'));
  const howWeMet = h('select', {}, ...options(model.howWeMet, '', '—'));
  const add = h('button', { class: 'primary', type: 'submit' }, 'Add');
  return h(
    'form',
    {
      class: 'panel add',
      'aria-label': 'Add contact',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const values = Object.fromEntries(Object.entries(fields).map(([k, el]) => [k, el.value]));
        applyResult(
          await act(add, 'Adding…', () =>
            server.addContact({
              firstName: values.firstName, lastName: values.lastName, email: values.email, institution: values.institution,
              specialty: values.specialty, metOn: values.metOn, interests: values.interests,
              role: role.value, relationship: relationship.value, howWeMet: howWeMet.value,
            }),
          ),
        );
      },
    },
    field('First name', fields.firstName),
    field('Last name', fields.lastName),
    field('Email', fields.email),
    field('Role', role),
    field('Institution', fields.institution),
    field('Specialty', fields.specialty),
    field('Relationship', relationship),
    field('How we met', howWeMet),
    field('Met on', fields.metOn),
    field('Interests', fields.interests),
    h('div', { class: 'buttons' }, add, h('button', { type: 'button', onclick: () => togglePanel(null) }, 'Cancel')),
  );
}

function render(): void {
  const model = state.model;
  if (!model) return;
  clear(addArea, state.panel?.kind === 'add' ? addForm(model) : null);
  addButton.setAttribute('aria-expanded', String(state.panel?.kind === 'add'));
  clear(
    problems,
    model.profileMissing ? h('p', { class: 'hint' }, 'Add your name and position on the Settings sheet so drafts sign off properly.') : null,
    model.problems.length
      ? h('details', { class: 'problem-list' }, h('summary', {}, `${model.problems.length} cell${model.problems.length > 1 ? 's' : ''} need attention`), h('ul', {}, model.problems.map((p) => h('li', {}, p))))
      : null,
  );
  renderGoals(model);
  renderLists();
}

const refreshButton = h('button', { class: 'small', type: 'button', title: 'Read the sheet again', onclick: () => void refresh(refreshButton) }, 'Refresh');
let lastLoad = 0;

/** Reads the sheet again (the Refresh button, and coming back to the sidebar after a dialog or an edit). */
async function refresh(button: HTMLButtonElement | null): Promise<void> {
  lastLoad = Date.now();
  const model = await act(button, 'Refreshing…', () => server.loadSidebar());
  if (!model) return;
  state.model = model;
  render();
}

window.addEventListener('focus', () => {
  if (state.model && !runner.busy && !state.panel && Date.now() - lastLoad > 2000) void refresh(null);
});

async function start(): Promise<void> {
  clear(
    root,
    h('header', {}, h('h1', {}, 'Follow-ups'), refreshButton, addButton),
    search,
    notice,
    errorBox,
    addArea,
    problems,
    lists,
    goals,
  );
  clear(lists, h('p', { class: 'muted loading' }, 'Loading your contacts…'));
  lastLoad = Date.now();
  const model = await act(null, '', () => server.loadSidebar());
  if (model) {
    state.model = model;
    if (!model.contactCount) showNotice('No contacts yet. Add your first one, or fill in the Contacts sheet.');
    render();
  } else {
    clear(lists, h('p', { class: 'empty' }, 'Touchpoint could not load your contacts. Fix the problem above, then reopen the sidebar.'));
  }
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.panel) togglePanel(null);
});

void start();
