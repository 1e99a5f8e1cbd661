/**
 * Runs the server code in this process against the fake: its globals are installed on globalThis and the
 * fake's formula engine calls the custom functions from src/server/custom-functions.ts.
 */
import { createFakeAppsScript, FakeAppsScript, FakeOptions } from '../../tools/gas-fake';
import { CUSTOM_FUNCTIONS } from '../../src/server/custom-functions';
import { readDistHtmlFiles } from '../../tools/gas-fake/bundle';
import { onEdit } from '../../src/server/edit-trigger';

export function installFake(options: FakeOptions = {}): FakeAppsScript {
  // The built pages (dist/, made by the suite's global setup), so dialogs the server opens can be found.
  const fake = createFakeAppsScript({ htmlFiles: readDistHtmlFiles(), ...options });
  // An advanced service the manifest does not enable is no global: drop one an earlier fake installed.
  for (const name of ['Gmail', 'Calendar']) if (!(name in fake.globals)) delete (globalThis as Record<string, unknown>)[name];
  Object.assign(globalThis, fake.globals);
  fake.setCustomFunctions((name) => CUSTOM_FUNCTIONS.find((fn) => fn.name === name)?.run);
  // A person's edit runs the simple trigger, as in Sheets (it drops the cached Settings and Templates).
  fake.setTriggerFunctions((name) => (name === 'onEdit' ? (onEdit as (...args: unknown[]) => unknown) : undefined));
  return fake;
}

/** Puts both clocks (the fake's and this process's Date) at the same instant. */
export function setNow(fake: FakeAppsScript, instant: Date): void {
  fake.clock.set(instant);
  jest.setSystemTime(instant);
}
