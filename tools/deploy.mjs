#!/usr/bin/env node
// `npm run deploy`: build dist/ and push it to the Apps Script project in .clasp.json.
// `npm run deploy -- --new`: create a new spreadsheet with a bound script named Touchpoint (clasp create --type
// sheets), push, and print the spreadsheet's address: no script id to copy. `--dry-run` prints the steps only.
// `--with-sync` and `--with-digest` install the optional features (and ask for their permissions): README.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const claspFile = path.join(root, '.clasp.json');
const clasp = process.env.CLASP ?? path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'clasp.cmd' : 'clasp');

let options;
try {
  ({ values: options } = parseArgs({ options: { new: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'with-sync': { type: 'boolean' }, 'with-digest': { type: 'boolean' } }, strict: true }));
} catch (error) {
  console.error(`${error.message}\nUsage: npm run deploy [-- --new] [-- --with-sync] [-- --with-digest] [-- --dry-run]`);
  process.exit(2);
}

/** The script id in .clasp.json, or null while it is the placeholder the repository ships. */
function scriptId() {
  if (!fs.existsSync(claspFile)) return null;
  const id = String(JSON.parse(fs.readFileSync(claspFile, 'utf8')).scriptId ?? '');
  return /^[\w-]{20,}$/.test(id) ? id : null;
}

function run(command, args, what) {
  const shown = command === process.execPath ? ['node', ...args.map((a) => path.relative(root, a))] : ['clasp', ...args];
  console.log(`$ ${shown.join(' ')}`);
  if (options['dry-run']) return '';
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['inherit', 'pipe', 'inherit'] });
  process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) {
    console.error(`\n${what} failed. Signed in? Run npx clasp login. Apps Script API on? https://script.google.com/home/usersettings`);
    process.exit(1);
  }
  return result.stdout ?? '';
}

const featureFlags = ['--with-sync', '--with-digest'].filter((flag) => options[flag.slice(2)]);
const build = () => run(process.execPath, [path.join(root, 'tools', 'build.mjs'), ...featureFlags], 'The build');

if (options.new) {
  const existing = scriptId();
  if (existing) {
    console.error(`.clasp.json already deploys to script ${existing}. Run npm run deploy to update it, or remove its scriptId to create a new spreadsheet.`);
    process.exit(2);
  }
  build();
  if (!options['dry-run'] && fs.existsSync(claspFile)) fs.rmSync(claspFile); // the placeholder: clasp create writes the real one
  const created = run(clasp, ['create-script', '--type', 'sheets', '--title', 'Touchpoint', '--rootDir', 'dist'], 'Creating the spreadsheet');
  build(); // clasp create pulled the new project's default files into dist/: put Touchpoint's back
  run(clasp, ['push', '--force'], 'Pushing Touchpoint');
  const config = options['dry-run'] ? {} : JSON.parse(fs.readFileSync(claspFile, 'utf8'));
  const parentId = config.parentId?.[0] ?? config.parentId ?? /open\?id=([\w-]+)/.exec(created)?.[1];
  const url = parentId ? `https://docs.google.com/spreadsheets/d/${parentId}/edit` : '(see the "Created new document" line above)';
  console.log(`\nYour Touchpoint spreadsheet: ${url}\nOpen it, reload once, then Extensions ▸ Touchpoint ▸ Set up contact sheet.`);
} else {
  if (!scriptId() && !options['dry-run']) {
    console.error('.clasp.json has no script id yet. Run npm run deploy -- --new to create a spreadsheet with Touchpoint in it, or paste your script id there (README, Put it in your spreadsheet).');
    process.exit(2);
  }
  build();
  run(clasp, ['push', '--force'], 'Pushing Touchpoint');
}
