/**
 * The optional features this copy of Touchpoint was installed with. The build declares them as a global in
 * Code.js (`npm run deploy -- --with-sync --with-digest`), the same build that adds their scopes to
 * appsscript.json; a copy installed without them never asks for those permissions.
 */
declare const TOUCHPOINT_FEATURES: readonly string[] | undefined;

export type Feature = 'sync' | 'digest';

export function installedFeatures(): Feature[] {
  const declared = typeof TOUCHPOINT_FEATURES === 'undefined' ? [] : TOUCHPOINT_FEATURES;
  return (['sync', 'digest'] as const).filter((feature) => declared.includes(feature));
}

export function isInstalled(feature: Feature): boolean {
  return installedFeatures().includes(feature);
}
