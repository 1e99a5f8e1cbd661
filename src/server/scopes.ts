import { NAMED_RANGES } from '../core/settings';
import { ensureDailyRefreshTrigger } from './as-of';
import { Feature, installedFeatures } from './install';
/**
 * Google lets a user untick some of the permissions Touchpoint asks for. Each feature checks the ones it needs
 * before it starts, and says what a missing one is for and how to grant it, instead of failing halfway with
 * Google's raw message.
 */
export const SCOPES = {
  triggers: { url: 'https://www.googleapis.com/auth/script.scriptapp', consent: 'Allow this application to run when you are not present', purpose: 'the nightly update of Settings ▸ As of, which keeps Status current' },
  drafts: { url: 'https://www.googleapis.com/auth/gmail.compose', consent: 'Manage drafts and send emails', purpose: 'saving your emails as Gmail drafts (Touchpoint only makes drafts; it never sends)' },
  // Only in an install with sync (npm run deploy -- --with-sync): the dates of emails and meetings, never their text.
  gmailRead: { url: 'https://www.googleapis.com/auth/gmail.readonly', consent: 'View your email messages and settings', purpose: 'reading when you last emailed each contact (dates and subjects, never the text)', feature: 'sync' },
  calendarRead: { url: 'https://www.googleapis.com/auth/calendar.events.readonly', consent: 'View events on all your calendars', purpose: 'reading when you last met each contact', feature: 'sync' },
  // Only in an install with the reminder email (npm run deploy -- --with-digest): one email, to you alone.
  sendMail: { url: 'https://www.googleapis.com/auth/script.send_mail', consent: 'Send email as you', purpose: 'the reminder email, which goes to you alone', feature: 'digest' },
  userEmail: { url: 'https://www.googleapis.com/auth/userinfo.email', consent: 'See your primary Google Account email address', purpose: 'knowing your own address, the only one the reminder goes to', feature: 'digest' },
} as const;


/**
 * What an install with a feature adds to appsscript.json: the build reads this (from the bundle) for
 * `--with-sync` and `--with-digest`, so the scopes are declared once, here.
 */
export const OPTIONAL_FEATURES: Record<Feature, { oauthScopes: string[]; advancedServices: { userSymbol: string; serviceId: string; version: string }[] }> = {
  sync: { oauthScopes: scopesOf('sync'), advancedServices: [{ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' }] },
  digest: { oauthScopes: scopesOf('digest'), advancedServices: [] },
};

function scopesOf(feature: Feature): string[] {
  return (Object.keys(SCOPES) as ScopeName[]).filter((name) => featureOf(name) === feature).map((name) => SCOPES[name].url);
}

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

const INSTALL_FLAG: Record<Feature, string> = { sync: '--with-sync', digest: '--with-digest' };

export class ScopeNotGrantedError extends Error {
  constructor(readonly scope: ScopeName, action: string) {
    const spec = SCOPES[scope];
    const feature = featureOf(scope);
    const install = feature
      ? ` If Google's screen does not offer it, this copy of Touchpoint was installed without it: install it again with npm run deploy -- ${INSTALL_FLAG[feature]} (README, Sync and reminders).`
      : '';
    super(
      `To ${action}, Touchpoint needs permission for ${spec.purpose}, and it was not granted. ` +
        `Choose Extensions ▸ Touchpoint ▸ Help ▸ Grant permissions and tick "${spec.consent}" on Google's screen.${install} Nothing was changed.`,
    );
    this.name = 'ScopeNotGrantedError';
  }
}

/** Throws before anything is done if a scope the action needs was declined. */
export function requireScopes(names: readonly ScopeName[], action: string): void {
  const [missing] = missingScopes(names);
  if (missing) throw new ScopeNotGrantedError(missing, action);
}

function featureOf(name: ScopeName): Feature | undefined {
  const spec = SCOPES[name];
  return 'feature' in spec ? spec.feature : undefined;
}

/** The scopes this install asks for: the base ones, and those of the features it was installed with. */
export function installedScopes(): ScopeName[] {
  const features = installedFeatures();
  return (Object.keys(SCOPES) as ScopeName[]).filter((name) => {
    const feature = featureOf(name);
    return !feature || features.includes(feature);
  });
}

/** Menu: Grant permissions. Asks Google to show its consent screen again for what was declined. */
export function grantPermissions(): void {
  const missing = missingScopes(installedScopes());
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

