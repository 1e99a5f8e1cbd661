import type { ContactCard, GoneDraft, NewContactInput, SidebarModel } from '../../shared/rpc';
import { field, h, longDate, options } from '../dom';
import { server } from '../rpc';
import type { Actions } from './store';

/** The small forms of the sidebar: log a contact, snooze, add a contact, and the question about a draft gone from Gmail. */

/** Closes the open panel. */
export function cancelButton(actions: Actions): HTMLButtonElement {
  return h('button', { type: 'button', onclick: () => actions.toggle(null) }, 'Cancel');
}

export function logForm(card: ContactCard, model: SidebarModel, actions: Actions): HTMLElement {
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
        actions.apply(
          await actions.act(save, 'Saving…', () =>
            server.logContact({ contactId: card.id, date: date.value, channel: channel.value, summary: summary.value, nextStep: nextStep.value }),
          ),
        );
      },
    },
    field('Date', date),
    field('Channel', channel),
    field('Summary', summary),
    field('Next step', nextStep),
    h('div', { class: 'buttons' }, save, cancelButton(actions)),
  );
}

export function snoozePanel(card: ContactCard, model: SidebarModel, actions: Actions): HTMLElement {
  const choice = (days: number) => {
    const button = h('button', { type: 'button' }, `${days} days`);
    button.addEventListener('click', async () => actions.apply(await actions.act(button, '…', () => server.snoozeContact(card.id, days))));
    return button;
  };
  return h('div', { class: 'panel buttons', 'aria-label': `Snooze ${card.name}` }, h('span', {}, 'Snooze for'), model.snoozeDays.map(choice));
}

/** The draft left Gmail: sent (log it, dated the day noticed, editable) or not. */
export function goneDraftPrompt(card: ContactCard, gone: GoneDraft, model: SidebarModel, actions: Actions): HTMLElement {
  const date = h('input', { type: 'date', value: gone.noticed, min: gone.created, max: model.today, 'aria-label': 'Sent on' });
  const answer = (sent: boolean) => {
    const button = h('button', { type: 'button', class: sent ? 'primary small' : 'small' }, sent ? 'Sent? Log it' : 'Not sent');
    button.addEventListener('click', async () =>
      actions.apply(await actions.act(button, '…', () => server.answerGoneDraft({ contactId: card.id, draftId: gone.draftId, sent, date: date.value }))),
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

/** The add form's controls, in the order shown, and what they hold as the server's input. */
function newContactControls(model: SidebarModel) {
  const input = (placeholder = '', type = 'text') => h('input', { type, placeholder });
  const choice = (values: string[]) => h('select', {}, ...options(values, '', '—'));
  const controls = {
    firstName: input(),
    lastName: input(),
    email: input('name@hospital.org', 'email'),
    role: choice(model.roles),
    institution: input(),
    specialty: input(),
    relationship: choice(model.relationships),
    howWeMet: choice(model.howWeMet),
    metOn: h('input', { type: 'date', max: model.today }),
    interests: input('Topics you discussed'),
  };
  const labels: Record<keyof NewContactInput, string> = {
    firstName: 'First name', lastName: 'Last name', email: 'Email', role: 'Role', institution: 'Institution',
    specialty: 'Specialty', relationship: 'Relationship', howWeMet: 'How we met', metOn: 'Met on', interests: 'Interests',
  };
  const keys = Object.keys(controls) as (keyof NewContactInput)[];
  const fields = keys.map((key) => field(labels[key], controls[key]));
  const read = () => {
    const values = {} as NewContactInput;
    for (const key of keys) values[key] = controls[key].value;
    return values;
  };
  return { fields, read };
}

export function addForm(model: SidebarModel, actions: Actions): HTMLElement {
  const { fields, read } = newContactControls(model);
  const add = h('button', { class: 'primary', type: 'submit' }, 'Add');
  return h(
    'form',
    {
      class: 'panel add',
      'aria-label': 'Add contact',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        actions.apply(await actions.act(add, 'Adding…', () => server.addContact(read())));
      },
    },
    fields,
    h('div', { class: 'buttons' }, add, cancelButton(actions)),
  );
}
