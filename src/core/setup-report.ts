import { list, plural, wordFor } from './text';

/** What "Set up contact sheet" did, as plain data, and the sentence the user reads about it. */
export interface SetupReport {
  createdSheets: string[];
  addedColumns: { sheet: string; headers: string[] }[];
  /** Existing columns that got a dropdown or date check. */
  validatedColumns: string[];
  addedSettings: string[];
  addedCadences: string[];
  idsAdded: number;
  duplicateIdRows: number[];
  coloursAdded: boolean;
  triggerAdded: boolean;
  /** The nightly refresh was made again in the spreadsheet's (changed) time zone. */
  triggerMoved: boolean;
  /** The user declined the permission to run when not present: no nightly update. */
  triggerNotAllowed: boolean;
  computedWithoutFormula: string[];
  /** Default templates still in an old wording the user never edited, now in the current one. */
  templatesReworded: string[];
  /** Default templates added since the workbook was set up, appended to Templates. */
  templatesAdded: string[];
  /** Computed columns whose header formula shows an error in Sheets, each as a sentence with the fix. */
  formulaProblems: string[];
  /** Computed columns whose formula Sheets could not read, written again in the locale's separators. */
  formulasRewritten: string[];
}

/** What a computed column's header cell showing an error means, and what to do about it. */
export function formulaProblem(header: string, shown: string, locale: string, otherLocale = false): string | null {
  const code = /^#(ERROR!|NAME\?|REF!|VALUE!|N\/A|DIV\/0!)$/.exec(shown.trim())?.[0];
  if (!code) return null;
  const fixes: Record<string, string> = {
    '#ERROR!': otherLocale
      ? `Its formula is written with another locale's separators, which this spreadsheet's (${locale}) cannot read. Run Touchpoint ▸ Set up contact sheet: it writes the formula again in this locale's separators.`
      : 'Sheets could not compute it: check that Settings still has As of and the cadence table (Touchpoint ▸ Set up contact sheet restores them), then reload.',
    '#NAME?': 'Sheets does not know Touchpoint\'s functions here: the script is not installed in this spreadsheet, or was not saved. Reinstall it (README, Install), then reload.',
    '#REF!': 'Cells below the header hold values in the column\'s way, so its results cannot spill: clear them (the column is computed) and the results appear.',
  };
  return `${header} shows ${code} instead of its results. ${fixes[code] ?? 'Check the inputs it reads (Settings ▸ As of, the cadences table).'}`;
}

export function changedAnything(report: SetupReport): boolean {
  return (
    report.createdSheets.length > 0 ||
    report.addedColumns.some((c) => c.headers.length > 0) ||
    report.validatedColumns.length > 0 ||
    report.addedSettings.length > 0 ||
    report.addedCadences.length > 0 ||
    report.idsAdded > 0 ||
    report.duplicateIdRows.length > 0 ||
    report.coloursAdded ||
    report.triggerAdded ||
    report.triggerMoved ||
    report.templatesReworded.length > 0 ||
    report.templatesAdded.length > 0 ||
    report.formulasRewritten.length > 0
  );
}


export function describeSetup(report: SetupReport): string {
  const lines: string[] = [...report.formulaProblems];
  if (report.formulasRewritten.length) lines.push(`Wrote the ${list(report.formulasRewritten)} ${wordFor(report.formulasRewritten.length, 'formula')} again in this spreadsheet's locale: Sheets could not read ${report.formulasRewritten.length > 1 ? 'them' : 'it'} as ${report.formulasRewritten.length > 1 ? 'they were' : 'it was'}.`);
  if (report.createdSheets.length) lines.push(`Created the ${list(report.createdSheets)} ${wordFor(report.createdSheets.length, 'sheet')}.`);
  for (const { sheet, headers } of report.addedColumns) {
    if (headers.length && !report.createdSheets.includes(sheet)) {
      lines.push(`Added ${plural(headers.length, 'column')} at the end of ${sheet}: ${list(headers)}.`);
    }
  }
  if (report.validatedColumns.length) lines.push(`Added dropdowns or date checks to ${list(report.validatedColumns)}.`);
  if (report.addedSettings.length && !report.createdSheets.includes('Settings')) lines.push(`Added settings: ${list(report.addedSettings)}.`);
  if (report.addedCadences.length && !report.createdSheets.includes('Settings')) {
    lines.push(`Added follow-up cadences for: ${list(report.addedCadences)}.`);
  }
  if (report.templatesReworded.length) {
    lines.push(`Updated the wording of ${list(report.templatesReworded.map((n) => `"${n}"`))}, which you had not edited. Templates you edited are as you left them.`);
  }
  if (report.templatesAdded.length) lines.push(`Added the ${wordFor(report.templatesAdded.length, 'template')} ${list(report.templatesAdded.map((n) => `"${n}"`))} to Templates.`);
  if (report.idsAdded) lines.push(`Gave ${plural(report.idsAdded, 'contact')} a Contact ID.`);
  if (report.coloursAdded) lines.push('Overdue rows now show red and due-soon rows amber.');
  if (report.triggerAdded) lines.push('Touchpoint will update Settings ▸ As of every night, so Status stays current.');
  if (report.triggerNotAllowed) {
    lines.push('The nightly update of Settings ▸ As of is off: the permission to run when you are not present was not granted. Choose Touchpoint ▸ Help ▸ Grant permissions: once granted, choosing it again turns the update on (until then, As of updates when the spreadsheet opens).');
  }
  if (report.triggerMoved) lines.push('The nightly update of Settings ▸ As of now runs just after midnight in the spreadsheet\'s time zone.');
  if (report.computedWithoutFormula.length) {
    lines.push(
      `${list(report.computedWithoutFormula)} hold${report.computedWithoutFormula.length > 1 ? '' : 's'} your own values, so ` +
        'Touchpoint left them as they are. Rename the column to let Touchpoint add its computed one.',
    );
  }
  if (report.duplicateIdRows.length) {
    const rows = report.duplicateIdRows;
    lines.push(
      rows.length === 1
        ? `Row ${rows[0]} of Contacts was a copy of a row above (the same Contact ID): it now has its own id, and the copied draft marks were cleared.`
        : `Rows ${list(rows.map(String))} of Contacts were copies of rows above (the same Contact ID): each now has its own id, and the copied draft marks were cleared.`,
    );
  }
  if (!changedAnything(report) && !report.formulaProblems.length) lines.unshift('Everything was already set up: nothing changed.');
  return lines.join('\n');
}
