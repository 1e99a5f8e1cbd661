import type { ContactCard, LetterCard, SidebarModel } from '../../shared/rpc';
import { h, longDate } from '../dom';
import { server } from '../rpc';
import { draftForm } from './draft-editor';
import { goneDraftPrompt, logForm, snoozePanel } from './forms';
import { type Actions, type Panel, matchesSearch, openPanel, state } from './store';

/** The lists the sidebar shows: follow-up cards and letter cards in their sections, filtered by the search, and the goals. */

function statusClass(status: string): string {
  return `chip ${status.toLowerCase().replace(/\s+/g, '-')}`;
}

/** A button that opens (or closes) one of a card's panels, saying which it does. */
function panelButton(label: string, panel: Exclude<Panel, null>, open: boolean, actions: Actions): HTMLButtonElement {
  return h('button', { type: 'button', 'aria-expanded': open, onclick: (event: Event) => actions.toggle(panel, event.currentTarget) }, label);
}

function cardView(card: ContactCard, model: SidebarModel, actions: Actions): HTMLElement {
  const open = openPanel(card.id);
  const goTo = h('button', { type: 'button', class: 'link' }, 'Go to row');
  goTo.addEventListener('click', () => void actions.act(goTo, '…', () => server.goToContact(card.id)));
  const meta = [card.relationship, card.daysSince === null ? 'no contact yet' : `${card.daysSince} days since contact`].filter(Boolean).join(' · ');
  const toggle = (label: string, kind: 'log' | 'draft' | 'snooze') => panelButton(label, { contactId: card.id, kind }, open === kind, actions);
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
    card.goneDraft ? goneDraftPrompt(card, card.goneDraft, model, actions) : null,
    h('div', { class: 'actions' }, toggle('Log contact', 'log'), toggle('Draft email', 'draft'), toggle('Snooze', 'snooze'), goTo),
    open === 'log' ? logForm(card, model, actions) : null,
    open === 'draft' ? draftForm(card, card.suggestedTemplate, actions) : null,
    open === 'snooze' ? snoozePanel(card, model, actions) : null,
  );
}

const EMPTY: Record<string, string> = {
  overdue: 'Nobody is overdue. Well kept!',
  dueThisWeek: 'Nothing due in the next days.',
  noContactYet: 'No first follow-ups waiting. Met someone new? Add them.',
};

function section(key: 'overdue' | 'dueThisWeek' | 'noContactYet', title: string, model: SidebarModel, actions: Actions): HTMLElement {
  const cards = model[key].filter((c) => matchesSearch(c.searchText));
  const heading = h('h2', {}, title, ' ', h('span', { class: 'count' }, String(cards.length)));
  const body = cards.length
    ? h('ul', { class: 'cards' }, cards.map((card) => cardView(card, model, actions)))
    : h('p', { class: 'empty' }, state.search ? 'No match for your search.' : EMPTY[key]);
  return h('section', { class: `section ${key}`, 'aria-label': title }, heading, body);
}

function letterView(letter: LetterCard, actions: Actions): HTMLElement {
  const open = openPanel(letter.id) === 'letter-draft';
  const statusButton = (status: string) => {
    const button = h('button', { type: 'button', class: 'small' }, status);
    button.addEventListener('click', async () => actions.apply(await actions.act(button, '…', () => server.setLetterStatus(letter.id, status))));
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
    h('div', { class: 'actions' }, panelButton(letter.draft.label, { contactId: letter.id, kind: 'letter-draft' }, open, actions)),
    h('div', { class: 'actions', 'aria-label': 'Set the letter status' }, h('span', { class: 'muted' }, 'Mark:'), letter.nextStatuses.map(statusButton)),
    open ? draftForm(letter, letter.draft.template, actions) : null,
  );
}

function lettersSection(model: SidebarModel, actions: Actions): HTMLElement {
  const letters = model.letters.filter((l) => matchesSearch(`${l.name} ${l.letterFor}`));
  return h(
    'section',
    { class: 'section letters', 'aria-label': 'Letters' },
    h('h2', {}, 'Letters', ' ', h('span', { class: 'count' }, String(letters.length))),
    letters.length
      ? h('ul', { class: 'cards' }, letters.map((letter) => letterView(letter, actions)))
      : h('p', { class: 'empty' }, state.search ? 'No match for your search.' : 'No letters to ask for or chase now. Track one with Letter for, Letter due and Letter status on the sheet.'),
  );
}

/** The four sections, filtered by the search. */
export function listsView(model: SidebarModel, actions: Actions): HTMLElement[] {
  return [
    section('overdue', 'Overdue', model, actions),
    section('dueThisWeek', 'Due this week', model, actions),
    section('noContactYet', 'No contact yet', model, actions),
    lettersSection(model, actions),
  ];
}

/** The mentor-team and letter goals: how many of each, and who. */
export function goalsView(model: SidebarModel): HTMLElement[] {
  return [
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
  ];
}

/** Which card an element sits in. A contact can have two (under Overdue and under Letters): their order tells them apart. */
export type CardSlot = { id: string; index: number };

function cardsOf(root: ParentNode, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.card')).filter((card) => card.dataset.id === id);
}

export function slotOf(root: ParentNode, element: Element | null): CardSlot | null {
  const card = element?.closest<HTMLElement>('.card');
  if (!card?.dataset.id) return null;
  return { id: card.dataset.id, index: cardsOf(root, card.dataset.id).indexOf(card) };
}

/** The card in that slot after a new render; none when that card left its list. */
export function cardAt(root: ParentNode, slot: CardSlot): HTMLElement | null {
  return cardsOf(root, slot.id)[slot.index] ?? null;
}
