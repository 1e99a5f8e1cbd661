/**
 * Command-line options for the dev scripts (preview, try, bench), parsed strictly with Node's util.parseArgs:
 * `--as-of 2026-11-22` and `--as-of=2026-11-22` both work, and an unknown option such as `--csvv` stops the script
 * with the usage text instead of being ignored.
 */
import { parseArgs } from 'util';

export interface OptionSpec {
  /** "string" takes a value; "boolean" is a flag. */
  type: 'string' | 'boolean';
  /** For the usage text: "FILE  start from your CSV" (the value's name, two spaces, what it does), or for a flag what it does. */
  help: string;
}

export type Options<S extends Record<string, OptionSpec>> = { [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string };

export function usage(command: string, spec: Record<string, OptionSpec>): string {
  const heads = Object.entries(spec).map(([name, option]) => `  --${name}${option.type === 'string' ? ` ${option.help.split(/\s{2,}/)[0]}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  const lines = Object.values(spec).map((option, i) => heads[i].padEnd(width) + (option.type === 'string' ? option.help.split(/\s{2,}/).slice(1).join(' ') : option.help.trim()));
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

/** --as-of YYYY-MM-DD as noon UTC that day; an impossible date (2026-02-30) is refused, not rolled over. */
/** --as-of as noon of that calendar day in the spreadsheet's time zone (so it is that day there, from Kiritimati to Pago Pago). */
export function asOfOption(value: string | undefined, timeZone = 'UTC'): Date | undefined {
  if (value === undefined) return undefined;
  const noonUtc = new Date(`${value}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || isNaN(noonUtc.getTime()) || noonUtc.toISOString().slice(0, 10) !== value) {
    throw new Error(`--as-of ${value} is not a date like 2026-11-22.`);
  }
  return new Date(noonUtc.getTime() - offsetMinutes(noonUtc, timeZone) * 60_000);
}

/** The zone's offset from UTC at an instant, in minutes (+780 for Pacific/Kiritimati). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  return (Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - instant.getTime()) / 60_000;
}

/** --time-zone as an IANA name Node knows (Europe/London, Asia/Kolkata), or a clear error. */
export function timeZoneOption(value: string | undefined, fallback: string): string {
  const zone = value ?? fallback;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`--time-zone ${zone} is not a time zone. Use an IANA name such as Europe/London or Asia/Kolkata.`);
  }
  return zone;
}
