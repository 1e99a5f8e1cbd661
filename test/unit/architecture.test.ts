import { readdirSync, readFileSync } from 'fs';
import { join, relative, resolve, dirname } from 'path';

/**
 * The layers, as the README's Development section draws them: core ← app ← server, shared is the RPC contract
 * (imported by app, server and client, never by core), and the client talks to the server only through shared.
 */
const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0].replace(/\.ts$/, '');
}

const imports = sourceFiles(SRC).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/^import\b[^'"]*['"](\.[^'"]+)['"]/gm)].map((match) => ({
    from: relative(SRC, file),
    layer: layerOf(file),
    to: layerOf(resolve(dirname(file), match[1])),
  })),
);

const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  app: ['core', 'app', 'shared'],
  server: ['core', 'app', 'shared', 'server', 'entry-names'],
  client: ['client', 'shared'],
  shared: ['shared', 'core'],
  entry: ['server', 'entry-names'],
  'entry-names': [],
};

test('each layer imports only the layers below it', () => {
  const wrong = imports.filter(({ layer, to }) => !(ALLOWED[layer] ?? []).includes(to)).map(({ from, to }) => `${from} → ${to}`);
  expect(wrong).toEqual([]);
});

test('the RPC contract takes from core only the status type, declared in a file that imports nothing', () => {
  expect(imports.filter((i) => i.layer === 'shared' && i.to === 'core').map((i) => i.from)).toEqual(['shared/rpc.ts']);
  expect(readFileSync(join(SRC, 'core/status.ts'), 'utf8')).not.toMatch(/^import/m);
});

test('only the contact writer writes cells of the Contacts sheet', () => {
  const writers = sourceFiles(join(SRC, 'server')).filter((file) => /snapshot\.sheet[\s\S]{0,80}\.setValues?\(/.test(readFileSync(file, 'utf8')));
  expect(writers.map((file) => relative(SRC, file))).toEqual(['server/contact-writer.ts']);
});
