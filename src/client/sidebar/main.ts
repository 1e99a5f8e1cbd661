import type { ActionResult } from '../../shared/rpc';
import { setChildren, h } from '../dom';
import { server } from '../rpc';
import { busyRunner, errorBox, fadingNotice, flash, noticeArea, showError, tieErrorToField } from '../ui/feedback';
import { type CardSlot, cardAt, goalsView, listsView, slotOf } from './cards';
import { addForm } from './forms';
import { type Actions, type Panel, applyResult, setModel, setSearch, state, togglePanel } from './store';

/** The sidebar: its shell, drawing the model, focus as panels open and close, and start-up. */

const root = document.getElementById('app')!;
const notice = noticeArea();
const error = errorBox(undefined, 'sidebar-error');
const lists = h('div', { class: 'lists' });
const goals = h('div', { class: 'goals' });
const problems = h('div', { class: 'problems' });
const addButton = h('button', { class: 'primary small', type: 'button', onclick: (event: Event) => toggle({ contactId: null, kind: 'add' }, event.currentTarget) }, '+ Add contact');
const addArea = h('div');
const search = h('input', {
  type: 'search',
  class: 'search',
  placeholder: 'Search name, email, institution, notes',
  'aria-label': 'Search contacts',
  oninput: (event: Event) => {
    setSearch((event.target as HTMLInputElement).value);
    renderLists();
  },
});
const refreshButton = h('button', { class: 'small', type: 'button', title: 'Read the sheet again', onclick: () => void refresh(refreshButton) }, 'Refresh');

const runner = busyRunner(root, (failure) => tieErrorToField(root, '.panel label.field', error, showError(error, failure)));
/** The card whose button ran the last action, for its notice. */
let actionSlot: CardSlot | null = null;

/** Runs a server action with the loading state on; a failure shows its message and leaves the panel open. */
function act<T>(button: HTMLButtonElement | null, busyLabel: string, work: () => Promise<T>): Promise<T | undefined> {
  if (runner.busy) return Promise.resolve(undefined);
  if (button) actionSlot = slotOf(root, button);
  return runner.act(button, busyLabel, work);
}

function showNotice(message: string): void {
  error.hidden = true;
  flash(notice, message);
}

function apply(result: ActionResult | undefined): void {
  if (!result) return;
  const slot = actionSlot;
  applyResult(result);
  render();
  // The notice goes next to what caused it (the card, when it is still listed), is announced, and fades.
  const card = slot ? cardAt(root, slot) : null;
  if (card) {
    error.hidden = true;
    setChildren(notice);
    card.append(fadingNotice(result.message));
  } else {
    showNotice(result.message);
  }
}

/** The label of the button that opened the panel, to give it focus back when the panel closes. */
let openerLabel: string | null = null;
let openerSlot: CardSlot | null = null;

function toggle(panel: Panel, from?: EventTarget | null): void {
  const { closing, previous } = togglePanel(panel);
  if (!closing) {
    const opener = (from ?? document.activeElement) as HTMLElement | null;
    openerLabel = opener?.textContent ?? null;
    openerSlot = slotOf(root, opener);
  }
  error.hidden = true;
  render();
  if (closing && previous) {
    // Focus goes back to the button that opened the panel (found again: the list was drawn anew).
    const scope = previous.contactId && openerSlot ? cardAt(root, openerSlot) : root;
    const back = Array.from(scope?.querySelectorAll<HTMLButtonElement>('button') ?? []).find((b) => b.textContent === openerLabel);
    (back ?? addButton).focus();
    return;
  }
  root.querySelector<HTMLElement>('.panel input, .panel select, .panel textarea, .panel button')?.focus();
}

const actions: Actions = { toggle, act, apply };

function renderLists(): void {
  if (state.model) setChildren(lists, listsView(state.model, actions));
}

function render(): void {
  const model = state.model;
  if (!model) return;
  setChildren(addArea, state.panel?.kind === 'add' ? addForm(model, actions) : null);
  addButton.setAttribute('aria-expanded', String(state.panel?.kind === 'add'));
  setChildren(
    problems,
    model.profileMissing ? h('p', { class: 'hint' }, 'Add your name and position on the Settings sheet so drafts sign off properly.') : null,
    model.problems.length
      ? h('details', { class: 'problem-list' }, h('summary', {}, `${model.problems.length} cell${model.problems.length > 1 ? 's' : ''} need attention`), h('ul', {}, model.problems.map((p) => h('li', {}, p))))
      : null,
  );
  setChildren(goals, goalsView(model));
  renderLists();
}

let lastLoad = 0;

/** Reads the sheet again (the Refresh button, and coming back to the sidebar after a dialog or an edit). */
async function refresh(button: HTMLButtonElement | null): Promise<void> {
  lastLoad = Date.now();
  const model = await act(button, 'Refreshing…', () => server.loadSidebar());
  if (!model) return;
  setModel(model);
  render();
}

async function start(): Promise<void> {
  setChildren(root, h('header', {}, h('h1', {}, 'Follow-ups'), refreshButton, addButton), search, notice, error, addArea, problems, lists, goals);
  setChildren(lists, h('p', { class: 'muted loading' }, 'Loading your contacts…'));
  lastLoad = Date.now();
  const model = await act(null, '', () => server.loadSidebar());
  if (model) {
    setModel(model);
    if (!model.contactCount) showNotice('No contacts yet. Add your first one, or fill in the Contacts sheet.');
    render();
  } else {
    setChildren(lists, h('p', { class: 'empty' }, 'Touchpoint could not load your contacts. Fix the problem above, then reopen the sidebar.'));
  }
}

window.addEventListener('focus', () => {
  if (state.model && !runner.busy && !state.panel && Date.now() - lastLoad > 2000) void refresh(null);
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.panel) toggle(null);
});

void start();
