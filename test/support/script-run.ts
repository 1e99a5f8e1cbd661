/**
 * A stand-in for the browser's google.script.run that calls a top-level function of the loaded bundle, as Google
 * does: asynchronously, with arguments and results passed through JSON (Dates and class instances do not survive),
 * and a server exception delivered to the failure handler as an Error carrying its message.
 */
import type { LoadedBundle } from '../../tools/gas-fake/bundle';

type Handler = ((value: unknown) => void) | null;

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

export interface ScriptRunLog {
  calls: { name: string; args: unknown[] }[];
}

export function scriptRunFor(app: LoadedBundle, makeError: (message: string) => Error = (m) => new Error(m), log: ScriptRunLog = { calls: [] }) {
  const runner = (success: Handler, failure: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_target, name: string) {
          if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure);
          if (name === 'withFailureHandler') return (fn: Handler) => runner(success, fn);
          if (name === 'withUserObject') return () => runner(success, failure);
          return (...args: unknown[]) => {
            args.forEach((arg, index) => checkTransferable(arg, `argument ${index + 1} of ${name}`));
            const sent = JSON.parse(JSON.stringify(args)) as unknown[];
            log.calls.push({ name, args: sent });
            setTimeout(() => {
              let result: unknown;
              try {
                result = app.call(name, ...sent);
                checkTransferable(result, `the value ${name} returned`);
              } catch (error) {
                // The bundle's errors come from another realm: read the message, not `instanceof Error`.
                const message = (error as { message?: unknown })?.message;
                failure?.(makeError(typeof message === 'string' ? message : String(error)));
                return;
              }
              success?.(result === undefined ? undefined : JSON.parse(JSON.stringify(result)));
            }, 0);
          };
        },
      },
    );
  return { run: runner(null, null), log };
}
