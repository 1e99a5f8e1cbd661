/** First run: after setup, a welcome dialog asks for the profile, checks it, writes it to Settings, says what to do. */
import fs from 'fs';
import path from 'path';
import { JSDOM } from 'jsdom';
import { setUpContactSheet } from '../../src/server/setup';
import { loadProfile, saveProfile } from '../../src/server/profile';
import { previewDraft } from '../../src/server/sidebar-api';
import { installFake, setNow } from '../support/in-process';
import { idOf, NOW } from '../support/sidebar-workbook';
import { fillSheet, sampleContacts, snapshot } from '../support/workbook';
import { DIST, loadBundle } from '../../tools/gas-fake/bundle';
import { scriptRunFor } from '../../tools/gas-fake/script-run';
import type { FakeAppsScript } from '../../tools/gas-fake';

let fake: FakeAppsScript;
const PROFILE = { myName: 'Sam Lee', myPosition: 'a PGY-1 preliminary medicine intern', myInstitution: 'Mercy General Hospital', mySpecialty: 'cardiology' };

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  fake = installFake({ timeZone: 'America/New_York' });
  setNow(fake, NOW);
  fillSheet(fake.spreadsheet.insertSheet('Contacts'), sampleContacts());
});
afterEach(() => jest.useRealTimers());

test('setup on a new workbook opens the welcome dialog; once the profile is saved it does not again', () => {
  setUpContactSheet();
  expect(fake.ui.dialogs.map((d) => d.title)).toEqual(['Welcome to Touchpoint']);
  expect(loadProfile()).toEqual({ myName: '', myPosition: '', myInstitution: '', mySpecialty: '' });
  expect(saveProfile(PROFILE).message).toBe('Saved. Your emails now sign as Sam Lee, a PGY-1 preliminary medicine intern at Mercy General Hospital.');
  expect(loadProfile()).toEqual(PROFILE);
  expect(previewDraft(idOf(fake, 'Maya'), 'Mentor meeting request').body).toContain('As a PGY-1 preliminary medicine intern planning my next steps toward cardiology');
  setUpContactSheet();
  expect(fake.ui.dialogs).toHaveLength(1);
});

test('a bad profile is refused naming the field, and nothing is written', () => {
  setUpContactSheet();
  const before = snapshot(fake);
  expect(() => saveProfile({ ...PROFILE, myName: '  ' })).toThrow('Your name is required.');
  expect(() => saveProfile({ ...PROFILE, myPosition: 'PGY-1 intern' })).toThrow('Training position: write it as it follows "I am" in an email, starting with "a" or "an": "a PGY-1 intern".');
  expect(() => saveProfile({ ...PROFILE, myPosition: 'internal medicine resident' })).toThrow('starting with "a" or "an": "an internal medicine resident".');
  expect(() => saveProfile({ ...PROFILE, mySpecialty: 'x'.repeat(121) })).toThrow(/Intended specialty/);
  expect(snapshot(fake)).toBe(before);
});

test('the profile is stored as the text typed: no formula, no date', () => {
  setUpContactSheet();
  saveProfile({ ...PROFILE, myName: '=HYPERLINK("x")', mySpecialty: '03/11/2026' });
  expect(loadProfile()).toMatchObject({ myName: '=HYPERLINK("x")', mySpecialty: '03/11/2026' });
  const settings = fake.spreadsheet.getSheetByName('Settings')!;
  expect(settings.getRange(1, 1, settings.getLastRow(), 3).getFormulas().flat().filter(Boolean)).toEqual([]);
});

test('the dialog: fields, an error tied to its field, then what to do first', async () => {
  jest.useRealTimers(); // the page waits on real timers
  const app = loadBundle({ now: NOW, timeZone: 'America/New_York' });
  fillSheet(app.fake.spreadsheet.insertSheet('Contacts'), sampleContacts());
  app.call('setUpContactSheet');
  const html = fs.readFileSync(path.join(DIST, 'WelcomeDialog.html'), 'utf8');
  const dom = new JSDOM(html, {
    runScripts: 'dangerously',
    beforeParse(window) {
      const { run } = scriptRunFor(app, (message) => new window.Error(message));
      Object.assign(window, { google: { script: { run, host: { close: () => undefined } } } });
    },
  });
  const document = dom.window.document;
  const until = async <T>(check: () => T | null | undefined | false): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const value = check();
      if (value) return value;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('timed out');
  };
  const inputs = await until(() => (document.querySelectorAll('input').length === 4 ? ([...document.querySelectorAll('input')] as HTMLInputElement[]) : null));
  const values = ['Sam Lee', 'PGY-1 intern', 'Mercy General Hospital', 'cardiology'];
  inputs.forEach((input, i) => (input.value = values[i]));
  document.querySelector('form')!.dispatchEvent(new dom.window.Event('submit', { cancelable: true }));
  const error = await until(() => document.querySelector('.error:not([hidden])'));
  expect(error.textContent).toMatch(/^Training position: write it as it follows "I am"/);
  expect(document.activeElement).toBe(inputs[1]);
  inputs[1].value = 'a PGY-1 intern';
  document.querySelector('form')!.dispatchEvent(new dom.window.Event('submit', { cancelable: true }));
  await until(() => document.querySelector('.notice'));
  expect(document.querySelector('.notice')!.textContent).toBe('Saved. Your emails now sign as Sam Lee, a PGY-1 intern at Mercy General Hospital.');
  expect(document.body.textContent).toContain('What to do first');
});
