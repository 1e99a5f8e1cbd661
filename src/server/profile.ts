import { asStoredText } from '../core/contacts';
import { InputError, requiredText } from '../core/inputs';
import { settingRows, settingsLayout } from '../core/settings';
import type { ProfileInput } from '../shared/rpc';
import { findSettingsSheet, settingsOf } from './settings-reader';
import { rereadWorkbookConfig, workbookConfig } from './workbook-config';
import { activeSpreadsheet, withDocumentLock } from './workbook';

const WELCOME_DIALOG_FILE = 'WelcomeDialog';

/** The profile as Settings holds it, for the welcome dialog to start from. */
export function loadProfile(): ProfileInput {
  const { profile } = settingsOf(workbookConfig(activeSpreadsheet()));
  return { myName: profile.myName, myPosition: profile.myPosition, myInstitution: profile.myInstitution, mySpecialty: profile.mySpecialty };
}

/**
 * Checks the profile and writes it to Settings in one write. "My position" must read well after "I am" and "As":
 * "a PGY-1 preliminary medicine intern", so a position without an article is refused with that example.
 */
export function saveProfile(input: ProfileInput): { message: string } {
  const myName = requiredText(input?.myName, 'Your name', 120);
  const myPosition = requiredText(input?.myPosition, 'Training position', 120);
  const myInstitution = requiredText(input?.myInstitution, 'Institution', 120);
  const mySpecialty = requiredText(input?.mySpecialty, 'Intended specialty', 120);
  if (!/^(a|an|the)\s/i.test(myPosition)) {
    const article = /^[aeiou]/i.test(myPosition) ? 'an' : 'a';
    throw new InputError(`Training position: write it as it follows "I am" in an email, starting with "a" or "an": "${article} ${myPosition}".`);
  }
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const sheet = findSettingsSheet(spreadsheet);
    if (!sheet) throw new InputError('There is no Settings sheet yet. Choose Touchpoint ▸ Set up contact sheet first.');
    const values = sheet.getDataRange().getValues();
    const rows = settingRows(values);
    const { settingColumn } = settingsLayout(values);
    const wanted: [string, string][] = [['myName', myName], ['myPosition', myPosition], ['myInstitution', myInstitution], ['mySpecialty', mySpecialty]];
    const missing = wanted.filter(([key]) => !rows.has(key));
    if (missing.length) throw new InputError('Settings is missing its profile rows. Choose Touchpoint ▸ Set up contact sheet to restore them, then try again.');
    const first = Math.min(...wanted.map(([key]) => rows.get(key)!));
    const last = Math.max(...wanted.map(([key]) => rows.get(key)!));
    const block = values.slice(first - 1, last).map((row) => [row[settingColumn + 1]]);
    // Stored as typed text: a name like "=cmd" is not a formula, a specialty like "03/11" not a date.
    for (const [key, value] of wanted) block[rows.get(key)! - first][0] = asStoredText(value);
    sheet.getRange(first, settingColumn + 2, last - first + 1, 1).setValues(block);
    rereadWorkbookConfig(spreadsheet);
    return { message: `Saved. Your emails now sign as ${myName}, ${myPosition} at ${myInstitution}.` };
  });
}

/** After setup, while the profile is incomplete: a short welcome that asks for it. */
export function showWelcome(): void {
  const output = HtmlService.createHtmlOutputFromFile(WELCOME_DIALOG_FILE).setWidth(480).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(output, 'Welcome to Touchpoint');
}
