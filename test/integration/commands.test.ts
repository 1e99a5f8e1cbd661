/**
 * The README's commands, run as a newcomer runs them (through tools/run-ts.mjs, which bundles the script): a
 * module that only works inside Jest (a path from __dirname, say) fails here, not on a new user's machine.
 */
import { spawn, spawnSync } from 'child_process';
import path from 'path';

jest.setTimeout(60_000);
const ROOT = path.resolve(__dirname, '../..');
const RUN_TS = path.join(ROOT, 'tools/run-ts.mjs');

test('npm run try prints the sample workbook with its computed Status', () => {
  const result = spawnSync(process.execPath, [RUN_TS, 'tools/try.ts', '--as-of', '2026-11-22'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/Overdue/);
});

test('npm start serves the preview, whose workbook answers', async () => {
  const child = spawn(process.execPath, [RUN_TS, 'tools/preview/main.ts', '--as-of', '2026-11-22'], { cwd: ROOT, env: { ...process.env, PORT: '0' } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const found = /Touchpoint preview: (http:\/\/\S+)/.exec(out);
        if (found) resolve(found[1]);
      });
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${err.slice(0, 500)}`)));
    });
    const state = await (await fetch(new URL('/api/state', url))).json();
    expect(state.sheets.map((s: { name: string }) => s.name)).toContain('Contacts');
  } finally {
    child.kill();
  }
});
