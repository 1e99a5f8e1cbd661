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

/**
 * Google's documented limit: with several Google accounts signed in, a sidebar or dialog of a script may fail to
 * reach it for any account but the first one signed in. Google's words for it mean nothing to a user; these do.
 */
export function explainServerError(message: string): string {
  if (/PERMISSION_DENIED|Authorization is required|You do not have permission to call google\.script\.run/i.test(message)) {
    return 'Google could not run Touchpoint for this account. With several Google accounts signed in, sidebars and dialogs only work for the account you signed in with first: open the spreadsheet in a private window signed in to this account only (or sign out of the others), then try again.';
  }
  return message;
}

function asError(error: unknown): Error {
  const message = error instanceof Error ? error.message : (error as { message?: unknown })?.message;
  const text = typeof message === 'string' ? message : String(error);
  const explained = explainServerError(text);
  return error instanceof Error && explained === text ? error : new Error(explained);
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
