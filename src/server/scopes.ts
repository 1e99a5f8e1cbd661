import { NAMED_RANGES } from '../core/settings';
import { ensureDailyRefreshTrigger } from './as-of';
/**
 * Google lets a user untick some of the permissions Touchpoint asks for. Each feature checks the ones it needs
 * before it starts, and says what a missing one is for and how to grant it, instead of failing halfway with
 * Google's raw message.
 */
export const SCOPES = {
  triggers: { url: 'https://www.googleapis.com/auth/script.scriptapp', consent: 'Allow this application to run when you are not present', purpose: 'the nightly update of Settings ▸ As of, which keeps Status current' },
  drafts: { url: 'https://www.googleapis.com/auth/gmail.compose', consent: 'Manage drafts and send emails', purpose: 'saving your emails as Gmail drafts (Touchpoint only makes drafts; it never sends)' },
} as const;

export type ScopeName = keyof typeof SCOPES;

interface AuthorizationInfoWithScopes extends GoogleAppsScript.Script.AuthorizationInfo {
  getAuthorizedScopes(): string[] | null;
}

/** The scopes among `names` the user has not granted (one call). */
export function missingScopes(names: readonly ScopeName[]): ScopeName[] {
  const asked = names.map((name) => SCOPES[name].url);
  const getInfo = ScriptApp.getAuthorizationInfo as unknown as (mode: GoogleAppsScript.Script.AuthMode, scopes: string[]) => AuthorizationInfoWithScopes;
  const granted = new Set(getInfo.call(ScriptApp, ScriptApp.AuthMode.FULL, asked).getAuthorizedScopes() ?? []);
  return names.filter((name) => !granted.has(SCOPES[name].url));
}

export class ScopeNotGrantedError extends Error {
  constructor(readonly scope: ScopeName, action: string) {
    super(
      `To ${action}, Touchpoint needs permission for ${SCOPES[scope].purpose}, and it was not granted. ` +
        `Choose Extensions ▸ Touchpoint ▸ Help ▸ Grant permissions and tick "${SCOPES[scope].consent}" on Google's screen. Nothing was changed.`,
    );
    this.name = 'ScopeNotGrantedError';
  }
}

/** Throws before anything is done if a scope the action needs was declined. */
export function requireScopes(names: readonly ScopeName[], action: string): void {
  const [missing] = missingScopes(names);
  if (missing) throw new ScopeNotGrantedError(missing, action);
}

/** Menu: Grant permissions. Asks Google to show its consent screen again for what was declined. */
export function grantPermissions(): void {
  const missing = missingScopes(Object.keys(SCOPES) as ScopeName[]);
  const ui = SpreadsheetApp.getUi();
  if (!missing.length) {
    // The nightly update that setup could not install without the permission is installed now.
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const added = spreadsheet.getRangeByName(NAMED_RANGES.asOf) ? ensureDailyRefreshTrigger(spreadsheet.getSpreadsheetTimeZone()) : 'present';
    ui.alert('Touchpoint', `Touchpoint has every permission it asks for.${added === 'present' ? '' : ' The nightly update of Settings ▸ As of is now on.'}`, ui.ButtonSet.OK);
    return;
  }
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, missing.map((name) => SCOPES[name].url));
}

