import type { ProfileInput } from '../shared/rpc';
import { setChildren, field, h } from './dom';
import { closeDialog, server } from './rpc';
import { busyRunner, errorBox, notice, showError, tieErrorToField } from './ui/feedback';

/** First run: the profile every email introduces and signs with, checked, saved to Settings, and what to do next. */
const root = document.getElementById('app')!;

const FIELDS: { key: keyof ProfileInput; label: string; hint: string; example: string }[] = [
  { key: 'myName', label: 'Your name', hint: 'Signs your emails.', example: 'Sam Lee' },
  { key: 'myPosition', label: 'Training position', hint: 'As it follows "I am" in an email.', example: 'a PGY-1 preliminary medicine intern' },
  { key: 'myInstitution', label: 'Institution', hint: 'Where you train.', example: 'Riverside Medical Center' },
  { key: 'mySpecialty', label: 'Intended specialty', hint: 'What you are aiming for.', example: 'cardiology' },
];

function form(profile: ProfileInput): void {
  const inputs = FIELDS.map((f) => h('input', { type: 'text', value: profile[f.key], placeholder: f.example, required: true, maxlength: 120, 'aria-describedby': `hint-${f.key}` }));
  const error = errorBox(undefined, 'welcome-error');
  const save = h('button', { class: 'primary', type: 'submit' }, 'Save');
  // A refusal is shown, and the field it names (or else the first) is marked and gets the focus.
  const runner = busyRunner(root, (failure) => (tieErrorToField(root, 'label.field', error, showError(error, failure)) ?? inputs[0]).focus());
  setChildren(
    root,
    h(
      'form',
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          const input = Object.fromEntries(FIELDS.map((f, i) => [f.key, inputs[i].value])) as unknown as ProfileInput;
          void runner.act(save, 'Saving…', async () => done((await server.saveProfile(input)).message));
        },
      },
      h('p', {}, 'Touchpoint keeps track of who you should follow up with, and writes the emails as Gmail drafts. First, a few words about you: every email introduces you and signs with them.'),
      FIELDS.map((f, i) => h('div', {}, field(f.label, inputs[i]), h('p', { class: 'muted', id: `hint-${f.key}` }, `${f.hint} e.g. ${f.example}`))),
      error,
      h('div', { class: 'buttons' }, save, h('button', { type: 'button', onclick: closeDialog }, 'Later')),
    ),
  );
  inputs.find((input) => !input.value)?.focus();
}

function done(message: string): void {
  setChildren(
    root,
    notice(message),
    h('h2', {}, 'What to do first'),
    h(
      'ol',
      {},
      h('li', {}, 'Add your contacts: type them into the Contacts sheet, or use Touchpoint ▸ Import contacts… (LinkedIn\'s Connections.csv works).'),
      h('li', {}, 'Open Touchpoint ▸ Open sidebar: it lists who is overdue and drafts the follow-up emails.'),
      h('li', {}, 'Fill in Met on or Last contact for each person: that is what the follow-up dates are counted from.'),
    ),
    h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'button', onclick: closeDialog }, 'Done')),
  );
}

server
  .loadProfile()
  .then(form)
  .catch((failure) => setChildren(root, errorBox(failure)));
