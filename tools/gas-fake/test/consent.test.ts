/** The fake's consent screen: the scopes it offers are the manifest's, and a declined one fails as Google fails it. */
import fs from 'fs';
import path from 'path';
import { createFakeAppsScript, MANIFEST_SCOPES } from '../index';

const TRIGGERS = 'https://www.googleapis.com/auth/script.scriptapp';
const GMAIL = 'https://www.googleapis.com/auth/gmail.compose';

test('the fake: a declined scope fails the calls that need it with Google\'s message, and getAuthorizationInfo says so', () => {
  const app = createFakeAppsScript({ declinedScopes: [TRIGGERS, GMAIL] });
  const { ScriptApp, Gmail } = app.globals as unknown as { ScriptApp: GoogleAppsScript.Script.ScriptApp; Gmail: { Users: { Drafts: { list: (u: string) => unknown } } } };
  expect(() => ScriptApp.newTrigger('x')).toThrow('Specified permissions are not sufficient to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp');
  expect(() => Gmail.Users.Drafts.list('me')).toThrow('Request had insufficient authentication scopes.');
  const info = (ScriptApp.getAuthorizationInfo as unknown as (m: unknown, s: string[]) => { getAuthorizationStatus(): string; getAuthorizedScopes(): string[] })(ScriptApp.AuthMode.FULL, [TRIGGERS, GMAIL, 'https://www.googleapis.com/auth/spreadsheets.currentonly']);
  expect(info.getAuthorizationStatus()).toBe('REQUIRED');
  expect(info.getAuthorizedScopes()).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
});

test('the fake offers exactly the scopes appsscript.json asks for', () => {
  expect(MANIFEST_SCOPES).toEqual(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../appsscript.json'), 'utf8')).oauthScopes);
});

