#!/usr/bin/env node
// `npm run screenshots`: runs the browser tests with SCREENSHOTS_DIR=docs/screenshots, refreshing the README's images.
// (A plain `npm test` writes them to the ignored test-output/ instead, so tests never change tracked files.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, 'test/e2e'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SCREENSHOTS_DIR: path.join(root, 'docs', 'screenshots') },
});
process.exit(result.status ?? 1);
