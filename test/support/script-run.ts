/**
 * A stand-in for the browser's google.script.run that calls a top-level function of the loaded bundle, as Google
 * does: asynchronously, with arguments and results passed through JSON (Dates and class instances do not survive),
 * and a server exception delivered to the failure handler as an Error carrying its message.
 */
import type { LoadedBundle } from '../fake/bundle';

type Handler = ((value: unknown) => void) | null;

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
            const sent = JSON.parse(JSON.stringify(args)) as unknown[];
            log.calls.push({ name, args: sent });
            setTimeout(() => {
              let result: unknown;
              try {
                result = app.call(name, ...sent);
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
