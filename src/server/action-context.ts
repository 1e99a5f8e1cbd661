import { Day, today as todayIn } from '../core/dates';
import { activeSpreadsheet } from './workbook';
import { cachedWorkbookConfig, confirmTimeZone, readWorkbookConfig, rereadWorkbookConfig, WorkbookConfig } from './workbook-config';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * What every sidebar or dialog action starts from: the spreadsheet, its time zone and today there, and (when the
 * action asks for them) its Settings and Templates. The zone and the sheets come from the document cache when they
 * are there (see workbook-config.ts); an action that needs no settings (an import) reads no Settings sheet.
 */
export class ActionContext {
  timeZone: string;
  today: Day;
  private loaded: WorkbookConfig | null;

  constructor(readonly spreadsheet: Spreadsheet, cached: WorkbookConfig | null) {
    this.loaded = cached;
    this.timeZone = cached?.timeZone ?? spreadsheet.getSpreadsheetTimeZone();
    this.today = todayIn(this.timeZone, new Date());
  }

  /** Settings and Templates as cached, or read from the sheets the first time an action asks. */
  get config(): WorkbookConfig {
    return (this.loaded ??= readWorkbookConfig(this.spreadsheet, this.timeZone));
  }

  /**
   * Checks the (cached) time zone against dates just read from the sheet, and moves to the spreadsheet's real zone
   * if they were written in another one (see confirmTimeZone).
   */
  confirmTimeZone(dates: Iterable<unknown>): void {
    const actual = confirmTimeZone(this.spreadsheet, this.timeZone, dates, this.loaded);
    if (actual === this.timeZone) return;
    this.timeZone = actual;
    this.today = todayIn(actual, new Date());
  }
}

export function actionContext(): ActionContext {
  return new ActionContext(activeSpreadsheet(), cachedWorkbookConfig());
}

/** A context read from the sheets themselves, not the cache: for setup, which writes them. */
export function freshContext(spreadsheet = activeSpreadsheet()): ActionContext {
  return new ActionContext(spreadsheet, rereadWorkbookConfig(spreadsheet));
}
