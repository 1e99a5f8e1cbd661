#!/usr/bin/env node
/**
 * Builds dist/ for `clasp push`: Code.js (esbuild bundle + generated top-level functions), appsscript.json and
 * the HTML files. The top-level functions come from the one list in src/entry.ts, read back out of the bundle,
 * so a new entry point or custom function needs no second edit anywhere.
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: node tools/build.mjs [--with-sync] [--with-digest] [--out DIR]';
let flags;
try {
  ({ values: flags } = parseArgs({ options: { 'with-sync': { type: 'boolean' }, 'with-digest': { type: 'boolean' }, out: { type: 'string' } }, strict: true }));
} catch (error) {
  console.error(`build: ${error.message}\n${USAGE}`);
  process.exit(2);
}
const dist = path.resolve(root, flags.out ?? 'dist');
/** The optional features asked for: each adds its scopes (and advanced services) to the manifest. */
const features = [flags['with-sync'] && 'sync', flags['with-digest'] && 'digest'].filter(Boolean);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

/** package.json's version and, where git can say, the commit: "0.1.0 (3f2a1bc)", so a stale push shows. */
function versionLabel() {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return commit.status === 0 && commit.stdout.trim() ? `${version} (${commit.stdout.trim()})` : version;
}

async function bundleServer() {
  const result = await build({
    entryPoints: [path.join(root, 'src/entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Touchpoint',
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    // Custom functions load the whole bundle on every recalculation: keep it small. Names are not kept (keepNames
    // cost 5 KB); error classes set their own `name`, which is all the code relies on.
    minify: !process.env.TOUCHPOINT_NO_MINIFY, // TOUCHPOINT_NO_MINIFY=1: readable names, for a CPU profile
    write: false,
    logLevel: 'warning',
    tsconfig: path.join(root, 'tsconfig.json'),
    // The version Check installation reports, from package.json; and the optional features, as constants, so
    // a build without one leaves its code (and any MailApp) out of the bundle altogether.
    define: {
      __TOUCHPOINT_VERSION__: JSON.stringify(versionLabel()),
      __WITH_SYNC__: String(features.includes('sync')),
      __WITH_DIGEST__: String(features.includes('digest')),
    },
  });
  return result.outputFiles[0].text;
}

/** Bundles a client entry (a page's `inline:` marker, e.g. sidebar/main.ts under src/client) for the browser; `</script` is escaped so it can be inlined. */
async function bundleClient(entry) {
  const result = await build({
    entryPoints: [path.join(root, 'src/client', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    logLevel: 'warning',
    tsconfig: path.join(root, 'src/client/tsconfig.json'),
  });
  return result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
}

/** Each page in src/client/pages gets its stylesheet and script inlined: HtmlService serves one file per page. */
async function buildPages() {
  const pagesDir = path.join(root, 'src/client/pages');
  const pages = fs.readdirSync(pagesDir).filter((f) => f.endsWith('.html'));
  for (const page of pages) {
    let html = fs.readFileSync(path.join(pagesDir, page), 'utf8');
    const markers = [...html.matchAll(/\/\* inline: ([\w./-]+) \*\//g)];
    for (const [marker, file] of markers) {
      const content = file.endsWith('.ts') ? await bundleClient(file) : fs.readFileSync(path.join(root, 'src/client', file), 'utf8');
      if (content.includes('<?')) fail(`${file} contains "<?", which HtmlService would read as a scriptlet`);
      html = html.replace(marker, () => content);
    }
    writeAtomically(page, html);
  }
  return pages;
}

/** Loads the bundle in an empty context (as Apps Script would, with no services touched at load time). */
function readEntryList(bundle) {
  const sandbox = {};
  vm.runInNewContext(bundle, sandbox, { filename: 'Code.js' });
  const exported = sandbox.Touchpoint;
  if (!exported?.entryPoints || !exported?.customFunctions || !exported?.optionalFeatures) fail('src/entry.ts must export entryPoints, customFunctions and optionalFeatures');
  return exported;
}

function jsdocLine(text) {
  if (text.includes('*/')) fail(`JSDoc text may not contain "*/": ${text}`);
  return text;
}

function entryStub(name) {
  return `function ${name}() {\n  return Touchpoint.entryPoints.${name}.apply(this, arguments);\n}`;
}

function customFunctionStub(fn, index) {
  const params = fn.doc.params.map((p) => p.name);
  for (const name of [fn.name, ...params]) if (!IDENTIFIER.test(name)) fail(`"${name}" is not a valid function or parameter name`);
  const doc = [
    '/**',
    ` * ${jsdocLine(fn.doc.summary)}`,
    ' *',
    ...fn.doc.params.map((p) => ` * @param {${p.type}} ${p.name} ${jsdocLine(p.description)}`),
    ` * @return {${fn.doc.returns.type}} ${jsdocLine(fn.doc.returns.description)}`,
    ' * @customfunction',
    ' */',
  ];
  return `${doc.join('\n')}\nfunction ${fn.name}(${params.join(', ')}) {\n  return Touchpoint.customFunctions[${index}].run(${params.join(', ')});\n}`;
}

function generateCode(bundle, { entryPoints, customFunctions }) {
  const names = [...Object.keys(entryPoints), ...customFunctions.map((f) => f.name)];
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) fail(`"${duplicate}" is declared twice`);
  for (const [name, value] of Object.entries(entryPoints)) {
    if (!IDENTIFIER.test(name)) fail(`"${name}" is not a valid function name`);
    if (typeof value !== 'function') fail(`entry point ${name} is not a function`);
  }
  return [
    '// Touchpoint for Google Sheets. Built by tools/build.mjs from src/: edit the source, then `npm run build`.',
    '/** @OnlyCurrentDoc */',
    bundle.trim(),
    '',
    '// ---- Functions Apps Script calls by name (generated from src/entry.ts) ----',
    ...Object.keys(entryPoints).map(entryStub),
    '',
    '// ---- Custom functions (generated from src/server/custom-functions.ts) ----',
    ...customFunctions.map(customFunctionStub),
    '',
  ].join('\n');
}

/** appsscript.json as the repository has it, plus the scopes and advanced services of each feature asked for. */
function manifestWith(optionalFeatures) {
  const base = fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8');
  if (!features.length) return base;
  const manifest = JSON.parse(base);
  for (const feature of features) {
    const { oauthScopes, advancedServices } = optionalFeatures[feature];
    manifest.oauthScopes = [...new Set([...manifest.oauthScopes, ...oauthScopes])];
    const services = manifest.dependencies.enabledAdvancedServices;
    for (const service of advancedServices) if (!services.some((s) => s.userSymbol === service.userSymbol)) services.push(service);
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Each file appears whole (written aside, then renamed): a test or preview reading dist/ never sees half a file. */
function writeAtomically(name, content) {
  const temporary = path.join(dist, `.${name}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, path.join(dist, name));
}

async function main() {
  fs.mkdirSync(dist, { recursive: true });
  const bundle = await bundleServer();
  const exported = readEntryList(bundle);
  writeAtomically('Code.js', generateCode(bundle, exported));
  writeAtomically('appsscript.json', manifestWith(exported.optionalFeatures));
  const htmlFiles = await buildPages();
  // Anything else in dist/ (a page since removed, files clasp pulled) would be pushed too: it goes.
  const built = new Set(['Code.js', 'appsscript.json', ...htmlFiles]);
  for (const file of fs.readdirSync(dist)) if (!built.has(file) && !file.endsWith('.tmp')) fs.rmSync(path.join(dist, file), { recursive: true, force: true });
  const size = (file) => `${(fs.statSync(path.join(dist, file)).size / 1024).toFixed(1)} KB`;
  const label = path.relative(root, dist) || '.';
  const withFeatures = features.length ? ` (with ${features.join(' and ')})` : '';
  console.log(`build${withFeatures}: ${label}/Code.js ${size('Code.js')}, appsscript.json${htmlFiles.map((f) => `, ${f} ${size(f)}`).join('')}`);
}

main().catch((error) => fail(error.stack ?? String(error)));
