import { explainServerError } from '../../src/client/rpc';

test('Google\'s several-accounts failure of google.script.run is explained in words a user can act on', () => {
  for (const raw of ['PERMISSION_DENIED', 'ScriptError: Authorization is required to perform that action.']) {
    expect(explainServerError(raw)).toMatch(/^Google could not run Touchpoint for this account\. With several Google accounts signed in/);
  }
  expect(explainServerError('Maya Okafor has no email address: add one in the Email column first.')).toBe('Maya Okafor has no email address: add one in the Email column first.');
});
