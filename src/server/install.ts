/**
 * The optional features this copy of Touchpoint was built with (`npm run deploy -- --with-sync --with-digest`):
 * the build defines these two constants, and adds the features' scopes to appsscript.json. A build without a
 * feature folds its code away (no MailApp in a bundle without the reminder email), and never asks for its
 * permissions. Where they are not defined (tests running the source), a test may set them as globals.
 */

export type Feature = 'sync' | 'digest';

export function installedFeatures(): Feature[] {
  const features: Feature[] = [];
  if (typeof __WITH_SYNC__ !== 'undefined' && __WITH_SYNC__) features.push('sync');
  if (typeof __WITH_DIGEST__ !== 'undefined' && __WITH_DIGEST__) features.push('digest');
  return features;
}

/** Where the last sync run's outcome is kept (a line for Check installation; written by sync, read without it). */
export const SYNC_LAST_RUN_KEY = 'touchpoint.sync.lastRun';
