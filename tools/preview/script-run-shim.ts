/**
 * What the preview puts in front of each sidebar and dialog it serves: google.script.run, the same stand-in the
 * tests use (tools/gas-fake/script-run.ts, so the page refuses the arguments Google refuses), sending each call to
 * the preview's server, which runs it on the bundle with runOnServer; and google.script.host, whose close() and
 * Escape reach the preview page. Bundled for the browser by server.ts.
 */
import { Outcome, scriptRun } from '../gas-fake/script-run';

function notify(kind: string): void {
  try {
    window.parent.postMessage({ touchpoint: kind }, '*');
  } catch {
    // a page opened on its own has no preview around it
  }
}

const run = scriptRun((name, args, reply) => {
  fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, args }) })
    .then((response) => response.json() as Promise<Outcome>)
    .then((outcome) => {
      notify('changed');
      reply(outcome);
    })
    .catch((error: unknown) => reply({ ok: false, message: error instanceof Error ? error.message : String(error) }));
});

// Escape closes a dialog in Sheets even while focus is inside it, unless the page used the key itself.
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) notify('escape');
});

(window as unknown as { google: unknown }).google = { script: { run, host: { close: () => notify('close'), editor: { focus: () => undefined } } } };
