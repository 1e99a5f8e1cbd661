/**
 * The one place that finds a Chromium for the browser tests and `npm run screenshots`, in this order:
 *   1. CHROMIUM_PATH, when set;
 *   2. a system Chromium or Chrome (Debian's /usr/bin/chromium, Chrome on macOS, …);
 *   3. the Chromium inside the npm package @sparticuz/chromium (x86-64 Linux only), so `npm ci && npm test` needs
 *      no root and no apt. It is unpacked once into node_modules/.cache/, in a folder named by the package version,
 *      and its `--version` is checked before use (the package's own unpacker reuses any /tmp/chromium unchecked).
 * If none works, the error names all three ways.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { pipeline } from 'stream/promises';
import zlib from 'zlib';
import { chromium, Browser } from 'playwright-core';

export interface FoundBrowser {
  executablePath: string;
  /** Where it came from, for the suite's first line: "CHROMIUM_PATH", "system", "@sparticuz/chromium 143.0.4". */
  source: string;
  /** What `--version` printed, e.g. "Chromium 143.0.7499.0". */
  version: string;
  /** Extra environment for the browser process (fonts for the packaged Chromium). */
  env: Record<string, string>;
}

/** The project folder: the nearest package.json above this file, outside node_modules (scripts run bundled there). */
function projectRoot(): string {
  let dir = __dirname;
  while (dir.split(path.sep).includes('node_modules') || !fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const ROOT = projectRoot();
const SPARTICUZ = '@sparticuz/chromium';

const SYSTEM_BROWSERS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
};

export const LAUNCH_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The browser's `--version` line, or null when it does not run. */
function versionOf(executable: string, env: Record<string, string> = {}): string | null {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  const line = (result.stdout ?? '').trim().split('\n').pop() ?? '';
  return result.status === 0 && /\d+\.\d+/.test(line) ? line : null;
}

function fromEnvironment(): FoundBrowser | null {
  const executable = process.env.CHROMIUM_PATH;
  if (!executable) return null;
  const version = versionOf(executable);
  if (!version) throw new Error(`CHROMIUM_PATH is ${executable}, which does not run (\`${executable} --version\` failed). Fix it or unset it.`);
  return { executablePath: executable, source: 'CHROMIUM_PATH', version, env: {} };
}

function fromSystem(): FoundBrowser | null {
  for (const executable of SYSTEM_BROWSERS[process.platform] ?? []) {
    const version = fs.existsSync(executable) ? versionOf(executable) : null;
    if (version) return { executablePath: executable, source: 'system', version, env: {} };
  }
  return null;
}

function packageDirectory(): string | null {
  try {
    return path.dirname(path.dirname(path.dirname(require.resolve(SPARTICUZ, { paths: [ROOT] }))));
  } catch {
    return null;
  }
}

async function inflate(file: string, target: string): Promise<void> {
  const source = fs.createReadStream(file);
  const brotli = zlib.createBrotliDecompress();
  if (file.endsWith('.tar.br')) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const tar = require('tar-fs') as { extract(directory: string): NodeJS.WritableStream };
    await pipeline(source, brotli, tar.extract(target));
  } else {
    await pipeline(source, brotli, fs.createWriteStream(target, { mode: 0o755 }));
  }
}

/** A fontconfig file that sees the package's fonts beside the system's, so text renders on a machine with none. */
function writeFontConfig(folder: string): string {
  const file = path.join(folder, 'fonts.conf');
  const dirs = [path.join(folder, 'fonts', 'fonts'), '/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.fonts')];
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}\n  <cachedir>${path.join(folder, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/** Unpacks the package's Chromium into a versioned folder of our own (once; concurrent callers are safe). */
async function unpack(packageDir: string, folder: string): Promise<void> {
  if (fs.existsSync(path.join(folder, 'chromium'))) return;
  const staging = `${folder}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.join(staging, 'fonts'), { recursive: true });
  const bin = path.join(packageDir, 'bin');
  await Promise.all([
    inflate(path.join(bin, 'chromium.br'), path.join(staging, 'chromium')),
    inflate(path.join(bin, 'fonts.tar.br'), path.join(staging, 'fonts')),
    inflate(path.join(bin, 'swiftshader.tar.br'), staging),
  ]);
  try {
    fs.renameSync(staging, folder);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(path.join(folder, 'chromium'))) throw error;
  }
}

async function fromPackage(): Promise<FoundBrowser | string> {
  const packageDir = packageDirectory();
  if (!packageDir) return `${SPARTICUZ} is not installed (run npm ci).`;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return `${SPARTICUZ} is an x86-64 Linux build and cannot run on ${process.platform}/${process.arch}.`;
  }
  const packageVersion = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version as string;
  const folder = path.join(ROOT, 'node_modules', '.cache', `sparticuz-chromium-${packageVersion}`);
  const executablePath = path.join(folder, 'chromium');
  const env = { FONTCONFIG_FILE: '' };
  const major = packageVersion.split('.')[0];
  let version: string | null = null;
  for (let attempt = 0; attempt < 2 && !version?.includes(` ${major}.`); attempt++) {
    // A second attempt starts from a clean folder: a partial or foreign unpack is replaced, not trusted.
    if (attempt) fs.rmSync(folder, { recursive: true, force: true });
    await unpack(packageDir, folder);
    env.FONTCONFIG_FILE = writeFontConfig(folder);
    version = versionOf(executablePath, env);
  }
  if (!version || !version.includes(` ${major}.`)) {
    return `the Chromium unpacked in ${folder} reports "${version ?? 'nothing'}", not version ${major}, even after unpacking it again.`;
  }
  return { executablePath, source: `${SPARTICUZ} ${packageVersion}`, version, env };
}

let found: Promise<FoundBrowser> | undefined;

/** The browser to use, found once per process. */
export function findBrowser(): Promise<FoundBrowser> {
  found ??= (async () => {
    const chosen = fromEnvironment() ?? fromSystem() ?? (await fromPackage());
    if (typeof chosen !== 'string') return chosen;
    throw new Error(
      [
        'No Chromium to run the browser tests. Any one of these works:',
        '  1. set CHROMIUM_PATH to a Chromium or Chrome executable;',
        '  2. install one system-wide (Debian: apt-get install chromium; macOS: Google Chrome);',
        `  3. on x86-64 Linux, npm ci installs ${SPARTICUZ}, which is used automatically. Here: ${chosen}`,
      ].join('\n'),
    );
  })();
  return found;
}

export function describeBrowser(browser: FoundBrowser): string {
  return `Browser: ${browser.version} (${browser.source}, ${browser.executablePath})`;
}

/** Launches the chosen browser headless with playwright-core (which downloads no browser of its own). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await findBrowser();
  return chromium.launch({ executablePath: browser.executablePath, args: LAUNCH_FLAGS, env: { ...process.env, ...browser.env } as Record<string, string> });
}
