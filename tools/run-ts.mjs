#!/usr/bin/env node
// Runs a TypeScript dev script (try, preview, bench) by bundling it with esbuild first: node cannot run .ts itself.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node tools/run-ts.mjs SCRIPT.ts [args...]');
  process.exit(2);
}
const outdir = path.join(root, 'node_modules', '.cache', 'touchpoint-scripts');
fs.mkdirSync(outdir, { recursive: true });
const outfile = path.join(outdir, `${path.basename(script, '.ts')}.cjs`);
await build({
  entryPoints: [path.resolve(script)],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['esbuild', 'playwright-core'],
  define: { __ROOT__: JSON.stringify(root) },
});
// The script runs as a child; a signal sent to this process (kill PID, not only Ctrl+C) stops it too.
const child = spawn(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
