/**
 * Loads the built dist/Code.js into a fresh V8 context that holds only the fake's globals — as Apps Script
 * loads a project — and lets the fake's formula engine call its custom functions.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { createFakeAppsScript, FakeAppsScript, FakeOptions } from './index';

export const DIST = path.resolve(__dirname, '../../dist');

/** The context's own Date reads the fake clock, so a test can move "now" for the script. */
const CLOCK_PATCH = `
(() => {
  const RealDate = Date;
  const now = __fakeNow;
  class FakeDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
    static now() { return now(); }
  }
  globalThis.Date = FakeDate;
})();`;

export interface LoadedBundle {
  fake: FakeAppsScript;
  context: vm.Context;
  /** Calls a top-level function of Code.js by name, as Apps Script does for triggers, menus and google.script.run. */
  call(name: string, ...args: unknown[]): unknown;
}

export function readDistHtmlFiles(dist = DIST): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dist)) {
    if (name.endsWith('.html')) files[name.slice(0, -5)] = fs.readFileSync(path.join(dist, name), 'utf8');
  }
  return files;
}

export function loadBundle(options: FakeOptions = {}, fake?: FakeAppsScript, dist = DIST): LoadedBundle {
  const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
  const app = fake ?? createFakeAppsScript({ htmlFiles: readDistHtmlFiles(dist), ...options });
  const context = vm.createContext({ ...app.globals, console, __fakeNow: () => app.clock.now().getTime() });
  vm.runInContext(CLOCK_PATCH, context);
  vm.runInContext(code, context, { filename: 'Code.js' });
  app.setTriggerFunctions((name) => (typeof context[name] === 'function' ? context[name] : undefined));
  app.setCustomFunctions((name) => {
    const key = Object.keys(context).find((k) => k.toUpperCase() === name && !k.endsWith('_'));
    const fn = key ? context[key] : undefined;
    return typeof fn === 'function' ? fn : undefined;
  });
  return {
    fake: app,
    context,
    call(name, ...args) {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return fn(...args);
    },
  };
}
