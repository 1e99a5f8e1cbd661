import { computedColumnFormula, statusRowRule, STATUS_COLOURS } from '../core/contact-formulas';
import { CANONICAL_SYNTAX, convertFormula, localiseFormula, otherSyntaxOf } from '../core/locale';
import { DEFAULT_TEMPLATES } from '../core/default-templates';
import { COMPUTED_COLUMNS, CONTACTS, INTERACTIONS, TEMPLATES } from '../core/schema';
import { changedAnything, describeSetup, formulaProblem, SetupReport } from '../core/setup-report';
import { ensureDailyRefreshTrigger, refreshAsOf } from './as-of';
import { giveEveryContactAnId } from './contact-writer';
import { readContactsSheet } from './contacts-sheet';
import { ensureSettings } from './settings-sheet';
import { ensureTable, TableSetup } from './tables';
import { upgradeTemplatesSheet } from './template-upgrade';
import { missingScopes } from './scopes';
import { showWelcome } from './profile';
import { settingsOf } from './settings-reader';
import { freshContext } from './action-context';
import { workbookConfig } from './workbook-config';
import { activeSpreadsheet, BusyError, SetupNeededError, withDocumentLock } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Red for overdue rows, amber for due-soon rows, keyed on the Status column; added once. */
function ensureStatusColours(sheet: Sheet, statusColumn: number, headerRow: number): boolean {
  const rules = sheet.getConditionalFormatRules();
  const present = new Set(rules.map((rule) => String(rule.getBooleanCondition()?.getCriteriaValues()[0] ?? '')));
  const missing = (['Overdue', 'Due soon'] as const).filter((status) => !present.has(statusRowRule(statusColumn, status, headerRow + 1)));
  if (!missing.length) return false;
  const body = sheet.getRange(headerRow + 1, 1, sheet.getMaxRows() - headerRow, sheet.getMaxColumns());
  const added = missing.map((status) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(statusRowRule(statusColumn, status, headerRow + 1))
      .setBackground(STATUS_COLOURS[status])
      .setRanges([body])
      .build(),
  );
  sheet.setConditionalFormatRules([...rules, ...added]);
  return true;
}

/**
 * Reads the computed columns' header cells back (one read of values and formulas). A Touchpoint formula Sheets
 * cannot read (#ERROR!) is written again in the locale's syntax, and if that fails too in the other one (a locale
 * guessed wrong); what still shows an error is reported with its fix, never called success.
 */
function checkHeaderFormulas(contacts: TableSetup, locale: string): { rewritten: string[]; problems: string[] } {
  const computed = COMPUTED_COLUMNS.filter((spec) => contacts.columns.has(spec.key));
  if (!computed.length) return { rewritten: [], problems: [] };
  const width = Math.max(...computed.map((spec) => contacts.columns.get(spec.key)!)) + 1;
  const header = contacts.sheet.getRange(contacts.headerRow, 1, 1, width);
  const shown = header.getDisplayValues()[0];
  const formulas = header.getFormulas()[0];
  const rewritten: string[] = [];
  const problems: string[] = [];
  for (const spec of computed) {
    const column = contacts.columns.get(spec.key)!;
    if (shown[column] === '#ERROR!' && formulas[column]) {
      const canonical = computedColumnFormula(spec, contacts.columns, contacts.headerRow + 1);
      const cell = contacts.sheet.getRange(contacts.headerRow, column + 1);
      const tries = [...new Set([localiseFormula(canonical, locale), convertFormula(canonical, CANONICAL_SYNTAX, otherSyntaxOf(locale))])].filter((f) => f !== formulas[column]);
      for (const formula of tries) {
        cell.setFormula(formula);
        shown[column] = cell.getDisplayValue();
        if (shown[column] !== '#ERROR!') {
          rewritten.push(spec.header);
          break;
        }
      }
    }
    const problem = formulaProblem(spec.header, shown[column], locale);
    if (problem) problems.push(problem);
  }
  return { rewritten, problems };
}

/**
 * Creates or completes Touchpoint's sheets in the spreadsheet. Safe on a sheet full of data: it only adds
 * (sheets, columns at the end, ids where missing, settings, colours, the daily trigger); a second run changes nothing.
 */
export function setUpWorkbook(spreadsheet = activeSpreadsheet()): SetupReport {
  const contacts = ensureTable(spreadsheet, CONTACTS);
  const interactions = ensureTable(spreadsheet, INTERACTIONS);
  const templates = ensureTable(
    spreadsheet,
    TEMPLATES,
    DEFAULT_TEMPLATES.map((t) => [t.name, t.whenToUse, t.subject, t.body]),
  );
  const templatesUpdated = upgradeTemplatesSheet(templates);
  const settings = ensureSettings(spreadsheet);
  // The same id repair every action uses: one read of the sheet, one write of the id column only if needed.
  // Settings and Templates may have just changed: the context (and the cache after it) is read from the sheets.
  const ids = giveEveryContactAnId(readContactsSheet(freshContext(spreadsheet)));
  const coloursAdded = ensureStatusColours(contacts.sheet, contacts.columns.get('status')!, contacts.headerRow);
  // Without the trigger permission the sheets are still set up, and the report says the nightly update is off.
  const triggerAllowed = missingScopes(['triggers']).length === 0;
  const trigger = triggerAllowed ? ensureDailyRefreshTrigger(spreadsheet.getSpreadsheetTimeZone()) : 'not allowed';
  refreshAsOf(spreadsheet);
  const formulas = checkHeaderFormulas(contacts, spreadsheet.getSpreadsheetLocale());
  const tables = [contacts, interactions, templates];
  return {
    createdSheets: [...tables, settings].filter((t) => t.created).map((t) => t.sheet.getName()),
    addedColumns: tables.map((t) => ({ sheet: t.sheet.getName(), headers: t.added })),
    validatedColumns: tables.flatMap((t) => t.validated),
    addedSettings: settings.addedSettings,
    addedCadences: settings.addedCadences,
    idsAdded: ids.added,
    duplicateIdRows: ids.reissuedRows,
    coloursAdded,
    triggerAdded: trigger === 'added',
    triggerMoved: trigger === 'moved',
    triggerNotAllowed: trigger === 'not allowed',
    computedWithoutFormula: contacts.computedWithoutFormula,
    templatesReworded: templatesUpdated.reworded,
    templatesAdded: templatesUpdated.added,
    formulaProblems: formulas.problems,
    formulasRewritten: formulas.rewritten,
  };
}

/** Menu: Touchpoint ▸ Set up contact sheet. */
export function setUpContactSheet(): void {
  const spreadsheet = activeSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  let report: SetupReport;
  try {
    report = withDocumentLock(() => setUpWorkbook(spreadsheet));
  } catch (error) {
    if (error instanceof BusyError || error instanceof SetupNeededError) {
      ui.alert('Touchpoint', error.message, ui.ButtonSet.OK);
      return;
    }
    throw error;
  }
  if (report.createdSheets.includes('Contacts')) spreadsheet.getSheetByName('Contacts')?.activate();
  const profile = settingsOf(workbookConfig(spreadsheet)).profile;
  const profileMissing = !profile.myName || !profile.myPosition || !profile.myInstitution || !profile.mySpecialty;
  if (report.formulaProblems.length) ui.alert('Touchpoint: set up, but a column shows an error', describeSetup(report), ui.ButtonSet.OK);
  else if (changedAnything(report) || report.triggerNotAllowed) ui.alert('Touchpoint is set up', describeSetup(report), ui.ButtonSet.OK);
  else spreadsheet.toast(describeSetup(report), 'Touchpoint', 5);
  // First run: ask for the profile the emails introduce and sign with.
  if (profileMissing) showWelcome();
}
