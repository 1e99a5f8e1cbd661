/**
 * Before the suite: say which browser the browser tests will use (the suite's first line; unpacking the packaged
 * Chromium happens here, once), then build dist/ so the bundle tests run the code as it is now. A run that cannot
 * include the browser tests (`npx jest test/unit`) looks for no browser; one without a browser still runs, and
 * the browser suite then fails with the same message: it never skips.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import type { Config } from '@jest/types';
import { describeBrowser, findBrowser } from '../tools/browser';

const BROWSER_SUITE = path.join(__dirname, 'e2e', 'preview.test.ts');

function includesBrowserTests(config: Config.GlobalConfig): boolean {
  const patterns = config.nonFlagArgs?.length ? config.nonFlagArgs : config.testPathPattern ? [config.testPathPattern] : [];
  return patterns.length === 0 || patterns.some((pattern) => new RegExp(pattern, 'i').test(BROWSER_SUITE));
}

export default async function globalSetup(config: Config.GlobalConfig): Promise<void> {
  if (includesBrowserTests(config)) {
    try {
      console.log(`\n${describeBrowser(await findBrowser())}`);
    } catch (error) {
      console.log(`\nBrowser: none. ${(error as Error).message}`);
    }
  }
  execFileSync(process.execPath, [path.join(__dirname, '..', 'tools', 'build.mjs')], { stdio: 'inherit' });
}
