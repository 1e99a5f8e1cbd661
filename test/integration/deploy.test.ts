/** npm run deploy -- --new, against a stand-in for clasp (no Google account here): the steps, and the address it prints. */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const CLASP_JSON = path.join(ROOT, '.clasp.json');

function deploy(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(ROOT, 'tools/deploy.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

test('--new --dry-run lists the steps: build, create a spreadsheet with a bound script named Touchpoint, build again, push', () => {
  const result = deploy(['--new', '--dry-run']);
  expect(result.status).toBe(0);
  expect(result.stdout.split('\n').filter((l) => l.startsWith('$ '))).toEqual([
    '$ node tools/build.mjs',
    '$ clasp create-script --type sheets --title Touchpoint --rootDir dist',
    '$ node tools/build.mjs',
    '$ clasp push --force',
  ]);
});

test('--new creates the spreadsheet, pushes, and prints its address; .clasp.json then holds the new ids', () => {
  const shipped = fs.readFileSync(CLASP_JSON, 'utf8');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clasp-'));
  const log = path.join(dir, 'calls.log');
  const stub = path.join(dir, 'clasp');
  fs.writeFileSync(stub, `#!/usr/bin/env node
const fs = require('fs');
fs.appendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' ') + '\\n');
if (process.argv[2] === 'create-script') {
  if (fs.existsSync('.clasp.json')) { console.error('Project file already exists.'); process.exit(1); }
  fs.writeFileSync('.clasp.json', JSON.stringify({ scriptId: '1ScriptIdFromGoogle_abcdefghijklmnop', rootDir: 'dist', parentId: ['1SpreadsheetIdFromGoogle_abcdefgh'] }));
  console.log('Created new document: https://drive.google.com/open?id=1SpreadsheetIdFromGoogle_abcdefgh');
}
if (process.argv[2] === 'push') console.log('Pushed 2 files.');
`);
  fs.chmodSync(stub, 0o755);
  try {
    const result = deploy(['--new'], { CLASP: stub });
    expect(result.status).toBe(0);
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toEqual(['create-script --type sheets --title Touchpoint --rootDir dist', 'push --force']);
    expect(result.stdout).toContain('Your Touchpoint spreadsheet: https://docs.google.com/spreadsheets/d/1SpreadsheetIdFromGoogle_abcdefgh/edit');
    const again = deploy(['--new'], { CLASP: stub });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('.clasp.json already deploys to script 1ScriptIdFromGoogle_abcdefghijklmnop');
  } finally {
    fs.writeFileSync(CLASP_JSON, shipped);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('plain deploy with the placeholder still in .clasp.json says what to do instead of calling clasp', () => {
  const result = deploy([]);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('Run npm run deploy -- --new to create a spreadsheet with Touchpoint in it');
});

test('--with-sync and --with-digest reach the build, which adds only those features\' scopes and services to the manifest', () => {
  const dry = deploy(['--with-sync', '--with-digest', '--dry-run']);
  expect(dry.stdout.split('\n').filter((l) => l.startsWith('$ '))[0]).toBe('$ node tools/build.mjs --with-sync --with-digest');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'touchpoint-build-'));
  const built = spawnSync(process.execPath, [path.join(ROOT, 'tools/build.mjs'), '--with-sync', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status).toBe(0);
  expect(built.stdout).toMatch(/^build \(with sync\): /);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'appsscript.json'), 'utf8'));
  const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8'));
  expect(manifest.oauthScopes).toEqual([...shipped.oauthScopes, 'https://www.googleapis.com/auth/gmail.readonly', 'https://www.googleapis.com/auth/calendar.events.readonly']);
  expect(manifest.dependencies.enabledAdvancedServices.map((s: { userSymbol: string }) => s.userSymbol)).toEqual(['Gmail', 'Calendar']);
  const code = fs.readFileSync(path.join(out, 'Code.js'), 'utf8');
  expect(code).toContain('History.list');
  expect(code).not.toContain('MailApp'); // the reminder email was not asked for: its code is not in the bundle
  fs.rmSync(out, { recursive: true, force: true });
});
