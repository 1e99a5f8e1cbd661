/**
 * The one stand-in for the browser's google.script.run: the jsdom tests call the loaded bundle in process
 * (scriptRunFor), and the preview's pages call it over HTTP (tools/preview/script-run-shim.ts, with runOnServer on
 * the server). Either way it does what Google documents: the call is asynchronous; arguments and results pass
 * through JSON (Dates and class instances do not survive), and one Google would refuse fails here too; a server
 * exception reaches the failure handler as an Error carrying its message.
 * https://developers.google.com/apps-script/guides/html/reference/run
 *
 * Nothing here needs Node: the preview bundles this file into the pages it serves.
 */

/**
 * What google.script.run can carry: primitives, null, and plain objects and arrays of them. Google documents that
 * a request fails on a Date, a function, a DOM element or another prohibited type; a class instance loses its
 * prototype and undefined inside an array is not carried either. The fake fails on each, naming where it was,
 * so a server function that returns a Date fails here as it would for a user.
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
 */
export function checkTransferable(value: unknown, path: string): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (value === undefined) return; // a property left undefined is dropped, as JSON does
  const kind = Object.prototype.toString.call(value);
  if (typeof value === 'function') throw new Error(`google.script.run cannot pass a function (${path}).`);
  if (kind === '[object Date]') throw new Error(`google.script.run cannot pass a Date (${path}): send ISO text instead.`);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item === undefined) throw new Error(`google.script.run cannot pass undefined inside an array (${path}[${index}]).`);
      checkTransferable(item, `${path}[${index}]`);
    });
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    throw new Error(`google.script.run cannot pass an instance of ${proto.constructor?.name ?? 'a class'} (${path}).`);
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) checkTransferable(item, `${path}.${key}`);
}

/** The arguments of a call as they leave the page: each one checked (the call throws on one Google refuses), then through JSON. */
export function sendArguments(name: string, args: readonly unknown[]): unknown[] {
  args.forEach((arg, index) => checkTransferable(arg, `argument ${index + 1} of ${name}`));
  return JSON.parse(JSON.stringify(args)) as unknown[];
}

/** The server's answer to one call: the value it returned (through JSON), or the message of what it threw. */
export type Outcome = { ok: true; value: unknown } | { ok: false; message: string };

/** The script as google.script.run reaches it: a top-level function called by name (LoadedBundle is one). */
export interface ScriptFunctions {
  call(name: string, ...args: unknown[]): unknown;
}

/** Runs one call where the script runs: the function by name; its value checked, then through JSON; an exception as its message. */
export function runOnServer(app: ScriptFunctions, name: string, sent: unknown[]): Outcome {
  let result: unknown;
  try {
    result = app.call(name, ...sent);
    checkTransferable(result, `the value ${name} returned`);
  } catch (error) {
    // The bundle's errors come from another realm: read the message, not `instanceof Error`.
    const message = (error as { message?: unknown })?.message;
    return { ok: false, message: typeof message === 'string' ? message : String(error) };
  }
  return { ok: true, value: result === undefined ? undefined : JSON.parse(JSON.stringify(result)) };
}

/** How a page's calls reach the script: in process (scriptRunFor) or over HTTP (the preview). */
export type Transport = (name: string, sent: unknown[], reply: (outcome: Outcome) => void) => void;

type Handler = ((value: unknown) => void) | null;

/** google.script.run over a transport: withSuccessHandler, withFailureHandler and withUserObject chain; any other name is a call. */
export function scriptRun(transport: Transport, makeError: (message: string) => Error = (m) => new Error(m)): unknown {
  const runner = (success: Handler, failure: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_target, name: string) {
          if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure);
          if (name === 'withFailureHandler') return (fn: Handler) => runner(success, fn);
          if (name === 'withUserObject') return () => runner(success, failure);
          return (...args: unknown[]) => {
            const sent = sendArguments(name, args);
            transport(name, sent, (outcome) => {
              if (outcome.ok) success?.(outcome.value);
              else failure?.(makeError(outcome.message));
            });
          };
        },
      },
    );
  return runner(null, null);
}

export interface ScriptRunLog {
  calls: { name: string; args: unknown[] }[];
}

/** google.script.run for a page running in a test (jsdom): each call runs the loaded bundle's function on a later turn. */
export function scriptRunFor(app: ScriptFunctions, makeError: (message: string) => Error = (m) => new Error(m), log: ScriptRunLog = { calls: [] }) {
  const run = scriptRun((name, sent, reply) => {
    log.calls.push({ name, args: sent });
    setTimeout(() => reply(runOnServer(app, name, sent)), 0);
  }, makeError);
  return { run, log };
}
