/**
 * Before the suite: say which browser the browser tests use (the suite's first line; unpacking the packaged
 * Chromium happens here, once), then build dist/ so the bundle tests run the code as it is now.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { describeBrowser, findBrowser } from '../scripts/browser';

export default async function globalSetup(): Promise<void> {
  console.log(`\n${describeBrowser(await findBrowser())}`);
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
