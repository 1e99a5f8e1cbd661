/**
 * Command-line options for the dev scripts (preview, try, bench), parsed strictly with Node's util.parseArgs:
 * `--as-of 2026-11-22` and `--as-of=2026-11-22` both work, and an unknown option such as `--csvv` stops the script
 * with the usage text instead of being ignored.
 */
import { parseArgs } from 'util';

export interface OptionSpec {
  /** "string" takes a value; "boolean" is a flag. */
  type: 'string' | 'boolean';
  /** One line for the usage text, e.g. "FILE  start from your CSV". */
  help: string;
}

export type Options<S extends Record<string, OptionSpec>> = { [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string };

export function usage(command: string, spec: Record<string, OptionSpec>): string {
  const lines = Object.entries(spec).map(([name, option]) => `  --${name} ${option.help}`);
  return [`usage: ${command} [options]`, ...lines].join('\n');
}

/** The options given, or throws an Error whose message says what was wrong and lists the usage. */
export function parseOptions<S extends Record<string, OptionSpec>>(command: string, spec: S, args: readonly string[]): Options<S> {
  const options = Object.fromEntries(Object.entries(spec).map(([name, option]) => [name, { type: option.type }]));
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values as Options<S>;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${usage(command, spec)}`);
  }
}

/** For a script's main: parse process.argv, or print the problem and exit 2. */
export function optionsOrExit<S extends Record<string, OptionSpec>>(command: string, spec: S): Options<S> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage(command, spec));
    process.exit(0);
  }
  try {
    return parseOptions(command, spec, args);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
