import type { ServerApi } from '../shared/rpc';

/**
 * The one way the client talks to the server: google.script.run, wrapped so each ServerApi function returns a
 * Promise of its declared result. A server error arrives as a rejected Error with the server's message.
 */
type Promisified<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const message = (error as { message?: unknown })?.message;
  return new Error(typeof message === 'string' ? message : String(error));
}

function call(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler((error) => reject(asError(error)));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${name}.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

export const server = new Proxy({} as Promisified<ServerApi>, {
  get: (_target, name) => (...args: unknown[]) => call(String(name), args),
});

export function closeDialog(): void {
  google.script.host.close();
}
