/** The one google.script.run stand-in: the same rules in process (jsdom tests) and on the preview's server. */
import { runOnServer, scriptRunFor, sendArguments } from '../script-run';

class Thing {
  x = 1;
}

const script = {
  call(name: string, ...args: unknown[]): unknown {
    if (name === 'echo') return args;
    if (name === 'today') return new Date('2026-11-22T12:00:00Z');
    if (name === 'thing') return { thing: new Thing() };
    if (name === 'nothing') return undefined;
    if (name === 'fails') throw new Error('Maya Okafor has no email address.');
    throw new Error(`Script function not found: ${name}`);
  },
};

type Run = Record<string, (...args: unknown[]) => Run>;

function callThrough(name: string, ...args: unknown[]): Promise<{ value?: unknown; error?: Error }> {
  const run = scriptRunFor(script).run as Run;
  return new Promise((resolve) => {
    run.withSuccessHandler((value: unknown) => resolve({ value })).withFailureHandler((error: unknown) => resolve({ error: error as Error })).withUserObject({})[name](...args);
  });
}

test('arguments are checked when the call is made (it throws, as Google\'s request fails), then sent as JSON', () => {
  expect(() => (scriptRunFor(script).run as Run).echo({ when: new Date() })).toThrow('google.script.run cannot pass a Date (argument 1 of echo.when)');
  expect(() => sendArguments('echo', [1, [undefined]])).toThrow('cannot pass undefined inside an array (argument 2 of echo[0])');
  expect(sendArguments('echo', [{ a: 1, b: undefined }, null])).toEqual([{ a: 1 }, null]);
});

test('in process: the call is asynchronous, its value arrives through JSON, the log keeps what was sent', async () => {
  const { run, log } = scriptRunFor(script);
  let value: unknown = 'not yet';
  (run as Run).withSuccessHandler((v: unknown) => {
    value = v;
  }).echo({ a: [1, 'x', null], b: undefined });
  expect(value).toBe('not yet');
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(value).toEqual([{ a: [1, 'x', null] }]);
  expect(log.calls).toEqual([{ name: 'echo', args: [{ a: [1, 'x', null] }] }]);
});

test('a value Google cannot carry, or an exception, reaches the failure handler as an Error with its message', async () => {
  expect((await callThrough('today')).error?.message).toBe('google.script.run cannot pass a Date (the value today returned): send ISO text instead.');
  expect((await callThrough('thing')).error?.message).toBe('google.script.run cannot pass an instance of Thing (the value thing returned.thing).');
  expect((await callThrough('fails')).error?.message).toBe('Maya Okafor has no email address.');
  expect(await callThrough('nothing')).toEqual({ value: undefined });
});

test('runOnServer, what the preview\'s server runs for a page\'s call, answers with the same outcome', () => {
  expect(runOnServer(script, 'echo', [{ a: 1 }])).toEqual({ ok: true, value: [{ a: 1 }] });
  expect(runOnServer(script, 'today', [])).toEqual({ ok: false, message: 'google.script.run cannot pass a Date (the value today returned): send ISO text instead.' });
  expect(runOnServer(script, 'fails', [])).toEqual({ ok: false, message: 'Maya Okafor has no email address.' });
  expect(runOnServer(script, 'missing', [])).toEqual({ ok: false, message: 'Script function not found: missing' });
});
