import { plural } from '../core/text';
import { formulaProblem } from '../core/setup-report';
import { escapeHtml } from '../core/mime';
import { COMPUTED_COLUMNS, CONTACTS } from '../core/schema';
import { NAMED_RANGES } from '../core/settings';
import { writtenForOtherLocale } from '../core/locale';
import { DAILY_REFRESH_HANDLER, refreshTriggerZone } from './as-of';
import { Feature, installedFeatures, SYNC_LAST_RUN_KEY } from './install';
import { installedScopes, missingScopes, SCOPES } from './scopes';
import { findSheet, readHeaderRow } from './workbook';

export interface Check {
  ok: boolean;
  line: string;
  /** What to do about a failed check. */
  fix?: string;
}

/**
 * Touchpoint ▸ Help ▸ Check installation: what is installed and working in this spreadsheet, one line per check,
 * each failure with its fix. Reads only; changes nothing.
 */
/** The last sync run, as it ended (nightly runs have no one to tell otherwise). */
function lastSync(timeZone: string): Check {
  let last: { at: number; text: string; failed?: boolean } | null = null;
  try {
    last = JSON.parse(PropertiesService.getDocumentProperties().getProperty(SYNC_LAST_RUN_KEY) ?? 'null');
  } catch {
    last = null;
  }
  if (!last) return { ok: true, line: 'Last sync: none yet (Settings ▸ Sync last contact: On, then Touchpoint ▸ Sync last contact now)' };
  const when = Utilities.formatDate(new Date(last.at), timeZone, 'MMM d, yyyy HH:mm');
  return last.failed
    ? { ok: false, line: `Last sync (${when}): ${last.text}`, fix: 'Fix what it says, then choose Touchpoint ▸ Sync last contact now.' }
    : { ok: true, line: `Last sync (${when}): ${last.text}` };
}

export function checkInstallation(spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): Check[] {
  const checks: Check[] = [];
  const locale = spreadsheet.getSpreadsheetLocale();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const version = typeof __TOUCHPOINT_VERSION__ === 'undefined' ? 'development build' : __TOUCHPOINT_VERSION__;
  checks.push({ ok: true, line: `Touchpoint ${version}; spreadsheet locale ${locale}, time zone ${timeZone}` });

  const features = installedFeatures();
  const installed = (feature: Feature, what: string, flag: string) =>
    // Not an error: both are optional. The line says how to add one.
    ({ ok: true, line: features.includes(feature) ? `${what}: installed` : `${what}: not installed (optional: npm run deploy -- ${flag}, README, Sync and reminders)` });
  checks.push(installed('sync', 'Sync of last contact from Gmail and Calendar', '--with-sync'));
  if (features.includes('sync')) checks.push(lastSync(timeZone));
  checks.push(installed('digest', 'Reminder email', '--with-digest'));

  const missing = missingScopes(installedScopes());
  for (const name of installedScopes()) {
    const granted = !missing.includes(name);
    checks.push({ ok: granted, line: `Permission for ${SCOPES[name].purpose}: ${granted ? 'granted' : 'not granted'}`, fix: granted ? undefined : 'Choose Touchpoint ▸ Help ▸ Grant permissions.' });
  }

  const contacts = findSheet(spreadsheet, CONTACTS);
  if (!contacts) {
    checks.push({ ok: false, line: 'Contacts sheet: not found', fix: 'Choose Touchpoint ▸ Set up contact sheet.' });
  } else {
    const header = readHeaderRow(contacts, CONTACTS);
    const computed = COMPUTED_COLUMNS;
    const width = Math.max(header.headers.length, 1);
    const cells = contacts.getRange(header.row, 1, 1, width);
    const shown = cells.getDisplayValues()[0];
    const formulas = cells.getFormulas()[0];
    for (const spec of computed) {
      const column = header.index.get(spec.key);
      if (column === undefined || !header.hasFormula[column]) {
        checks.push({ ok: false, line: `${spec.header}: no formula in its header cell`, fix: 'Choose Touchpoint ▸ Set up contact sheet to add it.' });
        continue;
      }
      const problem = formulaProblem(spec.header, shown[column], locale, writtenForOtherLocale(formulas[column] ?? '', locale));
      checks.push(problem ? { ok: false, line: `${spec.header}: shows ${shown[column]}`, fix: problem } : { ok: true, line: `${spec.header}: formula works` });
    }
  }

  const named = new Map(spreadsheet.getNamedRanges().map((range) => [range.getName(), range.getRange().getSheet().getName()]));
  for (const name of Object.values(NAMED_RANGES)) {
    const sheet = named.get(name);
    checks.push(sheet === 'Settings' ? { ok: true, line: `Named range ${name}: on Settings` } : { ok: false, line: `Named range ${name}: ${sheet ? `on ${sheet}, not Settings` : 'missing'}`, fix: 'Choose Touchpoint ▸ Set up contact sheet to restore it.' });
  }

  if (!missing.includes('triggers')) {
    const triggers = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_REFRESH_HANDLER);
    const zone = refreshTriggerZone();
    if (triggers.length === 1 && zone === timeZone) checks.push({ ok: true, line: `Nightly update of As of: installed once, at about 00:30 ${timeZone}` });
    else if (!triggers.length) checks.push({ ok: false, line: 'Nightly update of As of: not installed (for you)', fix: 'Choose Touchpoint ▸ Set up contact sheet: it installs it for the user who runs it.' });
    else checks.push({ ok: false, line: `Nightly update of As of: ${triggers.length > 1 ? `installed ${triggers.length} times` : `runs in ${zone ?? 'the script\'s time zone'}, not ${timeZone}`}`, fix: 'Choose Touchpoint ▸ Set up contact sheet: it makes one, in the spreadsheet\'s time zone.' });
  }

  if (!missing.includes('drafts')) {
    try {
      Gmail!.Users!.Drafts!.list('me', { maxResults: 1 });
      checks.push({ ok: true, line: 'Gmail drafts: reachable' });
    } catch (error) {
      checks.push({ ok: false, line: `Gmail drafts: not reachable (${error instanceof Error ? error.message : String(error)})`, fix: 'Check that the Gmail advanced service is enabled (README, Install), then try again.' });
    }
  }
  return checks;
}

/** The report as text: one line per check, ✓ or ✗, each failure followed by its fix. */
export function installationReport(checks: readonly Check[]): string {
  return checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.line}${c.ok || !c.fix ? '' : `\n    → ${c.fix}`}`).join('\n');
}

/** Menu: Help ▸ Check installation. A dialog with the report in a box the user can copy from. */
export function showInstallationCheck(): void {
  const checks = checkInstallation();
  const failed = checks.filter((c) => !c.ok).length;
  const text = installationReport(checks);
  const html =
    `<p style="font:14px Arial">${failed ? `${plural(failed, 'check')} failed: each says what to do.` : 'Everything checks out.'} Copy the report below if you ask for help.</p>` +
    `<textarea readonly style="width:100%;height:360px;font:12px monospace">${escapeHtml(text)}</textarea>`;
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(560).setHeight(460), 'Touchpoint: installation check');
}
