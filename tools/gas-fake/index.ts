/**
 * An offline stand-in for the Apps Script services Touchpoint uses. `createFakeAppsScript()` returns the globals
 * a script sees (SpreadsheetApp, HtmlService, Gmail, Calendar, MailApp, ...) as counting proxies, plus handles for
 * tests and the preview: the spreadsheet, the Ui's menus/alerts/sidebars, Gmail's drafts and mailbox, the
 * calendar, the mail sent, the clock and the call counter.
 */
import { CallCounter } from './counter';
import { FakeDataValidationBuilder, FakeConditionalFormatRuleBuilder } from './builders';
import { FakeCalendar, FakeCalendarEvents } from './calendar';
import { FakeGmailDrafts } from './gmail';
import { FakeGmailHistory, FakeGmailMessages, FakeGmailThreads, FakeGmailUsers, FakeMailbox } from './mailbox';
import { AccountType, FakeMail, FakeMailApp } from './mail';
import {
  FakeAuthorization, FakeCacheService, FakeClock, FakeHtmlService, FakeLockService, FakePropertiesService, FakeScriptApp, FakeSession,
  FakeUi, FakeUtilities,
} from './services';
import { FakeSpreadsheet } from './spreadsheet';

export interface FakeOptions {
  /** The spreadsheet's time zone (File ▸ Settings). */
  timeZone?: string;
  /** Scopes the user unticked on Google's consent screen (granular consent). */
  declinedScopes?: string[];
  /** The spreadsheet's locale (File ▸ Settings), e.g. "de_DE"; en_US by default. */
  locale?: string;
  /** The script project's time zone (appsscript.json); Sheets may differ. */
  scriptTimeZone?: string;
  now?: Date;
  userEmail?: string;
  /** HTML files of the project by name without .html, for HtmlService. */
  htmlFiles?: Record<string, string>;
  /**
   * The script project's name. In a bound script, Ui.createAddonMenu() is captioned with it (a project made from
   * Extensions ▸ Apps Script starts as "Untitled project"); the README's install names it Touchpoint.
   */
  projectName?: string;
  /**
   * The script project's manifest (appsscript.json): the OAuth scopes Apps Script asks consent for (no other scope
   * is ever granted) and the advanced services enabled (one not enabled is no global at all). Defaults to the
   * project's own: MANIFEST_SCOPES and ['gmail'].
   */
  manifest?: { oauthScopes: readonly string[]; advancedServices: readonly AdvancedService[] };
  /** Consumer (gmail.com) or Google Workspace account: MailApp's quotas differ. Consumer by default. */
  account?: AccountType;
}

export type AdvancedService = 'gmail' | 'calendar';

export type CustomFunctionResolver = (name: string) => ((...args: unknown[]) => unknown) | undefined;

/** The scopes appsscript.json asks for: the fake's consent screen offers these (a test keeps the two equal). */
export const MANIFEST_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/gmail.compose',
];

export function createFakeAppsScript(options: FakeOptions = {}) {
  const counter = new CallCounter();
  const clock = new FakeClock(options.now);
  const userEmail = options.userEmail ?? 'resident@example.org';
  let resolveCustomFunction: CustomFunctionResolver = () => undefined;
  let resolveTrigger: CustomFunctionResolver = () => undefined;
  let inTrigger = false;
  const context = { uiAvailable: true };

  const spreadsheet = new FakeSpreadsheet(
    {
      counter,
      now: () => clock.now(),
      customFunction: (name) => resolveCustomFunction(name),
      // A person's edit (the test's own, not through the script's services) runs the simple onEdit trigger, in
      // LIMITED mode, as Sheets does; a change the script makes fires none.
      edited: (range) => {
        const onEdit = resolveTrigger('onEdit');
        if (!onEdit || inTrigger || counter.inScriptCall()) return;
        inTrigger = true;
        try {
          // e.value: what was typed into a single cell (read raw: asking the range would recalculate the sheet now).
          const value = range._numRows === 1 && range._numColumns === 1 ? range._sheet._cell(range._row, range._column)?.value : undefined;
          onEdit({ authMode: 'LIMITED', range: counter.wrap(range, 'Range'), source: counter.wrap(spreadsheet, 'Spreadsheet'), value, user: userEmail });
        } catch (error) {
          console.warn(`onEdit threw: ${error}`); // Sheets logs a failed simple trigger; the edit stands
        } finally {
          inTrigger = false;
        }
      },
    },
    options.timeZone ?? 'America/New_York',
  );
  if (options.locale) spreadsheet.setSpreadsheetLocale(options.locale);
  const ui = new FakeUi(options.projectName ?? 'Touchpoint');
  const html = new FakeHtmlService(new Map(Object.entries(options.htmlFiles ?? {})));
  const properties = new FakePropertiesService(() => scriptApp.currentUser);
  const locks = new FakeLockService();
  const caches = new FakeCacheService(clock);
  const manifest = options.manifest ?? { oauthScopes: MANIFEST_SCOPES, advancedServices: ['gmail'] };
  const authorization = new FakeAuthorization([...manifest.oauthScopes]);
  for (const scope of options.declinedScopes ?? []) authorization.declined.add(scope);
  const scriptTimeZone = options.scriptTimeZone ?? options.timeZone ?? 'America/New_York';
  const session = new FakeSession(userEmail, scriptTimeZone, authorization);
  const utilities = new FakeUtilities(clock);
  const scriptApp = new FakeScriptApp(userEmail, authorization);
  const now = () => clock.now();
  const mailbox = new FakeMailbox(userEmail, now);
  const drafts = new FakeGmailDrafts(userEmail, (scopes) => authorization.grantedAny(scopes), mailbox);
  const calendar = new FakeCalendar(userEmail, scriptTimeZone, now);
  const mail = new FakeMail(options.account ?? 'consumer', now);

  const spreadsheetApp = {
    _className: 'SpreadsheetApp',
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getActiveSheet: () => spreadsheet.getActiveSheet(),
    getActiveRange: () => spreadsheet.getActiveRange(),
    getUi: () => {
      if (!context.uiAvailable) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      return ui;
    },
    flush: () => undefined,
    newDataValidation: () => new FakeDataValidationBuilder(),
    newConditionalFormatRule: () => new FakeConditionalFormatRuleBuilder(),
    DataValidationCriteria: {
      VALUE_IN_LIST: 'VALUE_IN_LIST', DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE', TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
      NUMBER_BETWEEN: 'NUMBER_BETWEEN', CHECKBOX: 'CHECKBOX',
    },
  };

  const gmailUsers = Object.assign(new FakeGmailUsers(mailbox, authorization), {
    Drafts: counter.wrap(drafts, 'Gmail.Users.Drafts'),
    Messages: counter.wrap(new FakeGmailMessages(mailbox, authorization), 'Gmail.Users.Messages'),
    Threads: counter.wrap(new FakeGmailThreads(mailbox, authorization), 'Gmail.Users.Threads'),
    History: counter.wrap(new FakeGmailHistory(mailbox, authorization), 'Gmail.Users.History'),
  });
  const advanced = {
    Gmail: { Users: counter.wrap(gmailUsers, 'Gmail.Users') },
    Calendar: { Events: counter.wrap(new FakeCalendarEvents(calendar, authorization), 'Calendar.Events') },
  };
  // An advanced service not enabled in the manifest is no global at all, as in Apps Script.
  const enabled: Partial<typeof advanced> = {};
  if (manifest.advancedServices.includes('gmail')) enabled.Gmail = advanced.Gmail;
  if (manifest.advancedServices.includes('calendar')) enabled.Calendar = advanced.Calendar;

  const globals = {
    SpreadsheetApp: counter.wrap(spreadsheetApp, 'SpreadsheetApp'),
    HtmlService: counter.wrap(html, 'HtmlService'),
    PropertiesService: counter.wrap(properties, 'PropertiesService'),
    LockService: counter.wrap(locks, 'LockService'),
    CacheService: counter.wrap(caches, 'CacheService'),
    Session: counter.wrap(session, 'Session'),
    Utilities: counter.wrap(utilities, 'Utilities'),
    ScriptApp: counter.wrap(scriptApp, 'ScriptApp'),
    MailApp: counter.wrap(new FakeMailApp(mail, authorization, now), 'MailApp'),
    ...(enabled as { Gmail: typeof advanced.Gmail; Calendar?: typeof advanced.Calendar }),
    Logger: { log: (...args: unknown[]) => console.log(...args) },
  };

  return {
    globals,
    counter,
    clock,
    spreadsheet,
    ui,
    html,
    properties,
    locks,
    caches,
    scriptApp,
    authorization,
    drafts,
    /** The user's Gmail: add messages, expire history, inject faults into Messages, Threads, History, getProfile. */
    mailbox,
    /** The user's primary calendar: add, update, cancel events, expire sync tokens, inject faults into Events.list. */
    calendar,
    /** MailApp's outbox and quota: `sent`, faults. */
    mail,
    /** The script's functions by name, for the simple triggers a person's edit runs (onEdit). */
    setTriggerFunctions(resolver: CustomFunctionResolver): void {
      resolveTrigger = resolver;
    },
    setCustomFunctions(resolver: CustomFunctionResolver): void {
      resolveCustomFunction = resolver;
      spreadsheet._touch();
    },
    /**
     * Runs work as one Apps Script execution with its time limit (6 minutes for a consumer account): once the
     * fake's clock has moved past it, the script's next service call throws "Exceeded maximum execution time",
     * as Apps Script ends the run there, with nothing after it done.
     */
    asExecution<T>(work: () => T, limitMs = 6 * 60_000): T {
      const started = clock.now().getTime();
      counter.overLimit = () => clock.now().getTime() - started > limitMs;
      try {
        return work();
      } finally {
        counter.overLimit = null;
      }
    },
    /** Runs work as a time-driven trigger would: no Ui is available. */
    asTrigger<T>(work: () => T): T {
      context.uiAvailable = false;
      try {
        return work();
      } finally {
        context.uiAvailable = true;
      }
    },
  };
}

export type FakeAppsScript = ReturnType<typeof createFakeAppsScript>;
export { CallCounter } from './counter';
