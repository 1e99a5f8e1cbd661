/** A workbook in a copy of Touchpoint installed with sync and the reminder email, as `--with-sync --with-digest` builds it. */
import { MANIFEST_SCOPES, type FakeAppsScript } from '../../tools/gas-fake';
import { OPTIONAL_FEATURES } from '../../src/server/scopes';
import { sampleContacts, writeProfile } from './workbook';
import { workbookWith } from './sidebar-workbook';

const FEATURES = globalThis as { __WITH_SYNC__?: boolean; __WITH_DIGEST__?: boolean };

/** The build's feature constants, as globals the source reads when no build defined them. */
export function withFeatures(on: boolean): void {
  FEATURES.__WITH_SYNC__ = on;
  FEATURES.__WITH_DIGEST__ = on;
}

/** The user the fake runs as: the mailbox's owner, whose own address never counts. */
export const ME = 'resident@example.org';

/** Each test on fake timers (the sheet's clock and Date agree), and no install's features leaking into the next file. */
export function useSyncInstall(): void {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => {
    jest.useRealTimers();
    withFeatures(false);
  });
}

export function syncWorkbook(rows: unknown[][] = sampleContacts(), settings: Record<string, string> = { 'Sync last contact': 'On' }): FakeAppsScript {
  withFeatures(true);
  const oauthScopes = [...MANIFEST_SCOPES, ...OPTIONAL_FEATURES.sync.oauthScopes, ...OPTIONAL_FEATURES.digest.oauthScopes];
  const fake = workbookWith(rows, 'America/New_York', { manifest: { oauthScopes, advancedServices: ['gmail', 'calendar'] } });
  writeProfile(fake.spreadsheet, settings);
  fake.counter.reset();
  return fake;
}
