import { Day, today as todayIn } from '../core/dates';
import { activeSpreadsheet } from './workbook';

/** What every sidebar or dialog action starts from: the spreadsheet, its time zone, and today there. */
export interface ActionContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  timeZone: string;
  today: Day;
}

export function actionContext(): ActionContext {
  const spreadsheet = activeSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return { spreadsheet, timeZone, today: todayIn(timeZone, new Date()) };
}
