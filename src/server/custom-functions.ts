import { ACCEPTED_DATE_FORMS } from '../core/dates';
import { DateOrder, dateOrderOf } from '../core/locale';
import { daysSinceContact, FormulaContext, FormulaResult, followUpStatusOf, letterAskBy, nextFollowUpDate } from '../core/formulas';

/**
 * The spreadsheet functions Touchpoint adds. Each is a thin wrapper: one read of the time zone, then pure
 * core code over the whole argument. The build turns `doc` into the JSDoc Sheets reads for autocomplete.
 */
interface CustomFunctionDoc {
  summary: string;
  params: { name: string; type: string; description: string }[];
  returns: { type: string; description: string };
}

interface CustomFunction {
  name: string;
  doc: CustomFunctionDoc;
  run: (...args: unknown[]) => FormulaResult;
}

function context(): FormulaContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let order: DateOrder | null = null;
  return { timeZone: spreadsheet.getSpreadsheetTimeZone(), now: new Date(), dateOrder: () => (order ??= dateOrderOf(spreadsheet.getSpreadsheetLocale())) };
}

const DATE_TYPE = 'Date|string|number|Array<Array<Date|string|number>>';
const SNOOZE_PARAM = { name: 'snoozed_until', type: DATE_TYPE, description: 'Optional. No reminder before this date (the Snoozed until column).' };
const TODAY_PARAM = {
  name: 'today',
  type: 'Date',
  description: 'Optional. The date to count to, usually Settings "As of" (TouchpointAsOf). Without it the current date is used and the cell can go stale.',
};

export const CUSTOM_FUNCTIONS: readonly CustomFunction[] = [
  {
    name: 'DAYS_SINCE_CONTACT',
    doc: {
      summary: 'Whole calendar days since the last contact, in the spreadsheet\'s time zone. Takes one cell or a whole column.',
      params: [
        { name: 'last_contact', type: DATE_TYPE, description: `The last contact date: ${ACCEPTED_DATE_FORMS}; or a range of them.` },
        TODAY_PARAM,
      ],
      returns: { type: 'number', description: 'Days since last contact; blank where last_contact is blank.' },
    },
    run: (lastContact, today) => daysSinceContact(context(), lastContact, today),
  },
  {
    name: 'NEXT_FOLLOW_UP',
    doc: {
      summary: 'The date the next follow-up is due: last contact plus the cadence, or met-on plus the first follow-up when there is no contact yet.',
      params: [
        { name: 'last_contact', type: DATE_TYPE, description: 'The last contact date, or a range of them.' },
        {
          name: 'cadence',
          type: 'number|string|Array<Array<number|string>>',
          description: 'Days between contacts (e.g. 45) or a relationship type (e.g. "Career mentor"). {days_column, relationship_column} uses the days where given.',
        },
        { name: 'met_on', type: DATE_TYPE, description: 'Optional. When you met, for the first follow-up of someone not yet contacted.' },
        {
          name: 'cadence_table',
          type: 'Array<Array<string|number>>',
          description: 'Optional. Your own cadences: rows of relationship, first follow-up days, then-every days (Settings, TouchpointCadences).',
        },
        SNOOZE_PARAM,
      ],
      returns: { type: 'Date', description: 'The next follow-up date; blank when nothing is due yet.' },
    },
    run: (lastContact, cadence, metOn, cadenceTable, snoozedUntil) =>
      nextFollowUpDate(context(), lastContact, cadence, metOn, cadenceTable, snoozedUntil),
  },
  {
    name: 'FOLLOW_UP_STATUS',
    doc: {
      summary: 'Overdue, Due soon, On track, No contact yet or Snoozed, for one contact or a whole column.',
      params: [
        { name: 'last_contact', type: DATE_TYPE, description: 'The last contact date, or a range of them.' },
        { name: 'cadence', type: 'number|string|Array<Array<number|string>>', description: 'Days between contacts or a relationship type, as in NEXT_FOLLOW_UP.' },
        { name: 'due_soon_days', type: 'number', description: 'Optional. How many days ahead counts as Due soon (default 7).' },
        TODAY_PARAM,
        { name: 'met_on', type: DATE_TYPE, description: 'Optional. When you met: a first follow-up that was due makes it Overdue.' },
        { name: 'cadence_table', type: 'Array<Array<string|number>>', description: 'Optional. Your own cadences, as in NEXT_FOLLOW_UP.' },
        SNOOZE_PARAM,
      ],
      returns: { type: 'string', description: 'The follow-up status; blank for a blank row.' },
    },
    run: (lastContact, cadence, dueSoonDays, today, metOn, cadenceTable, snoozedUntil) =>
      followUpStatusOf(context(), lastContact, cadence, dueSoonDays, today, metOn, cadenceTable, snoozedUntil),
  },
  {
    name: 'LETTER_ASK_BY',
    doc: {
      summary: 'The date to ask for a letter of recommendation: the due date minus some weeks (8 by default).',
      params: [
        { name: 'due_date', type: DATE_TYPE, description: 'When the letter is due, or a range of due dates.' },
        { name: 'weeks_before', type: 'number', description: 'Optional. Weeks before the due date to ask (1 to 52; default 8).' },
      ],
      returns: { type: 'Date', description: 'The ask-by date; blank where due_date is blank.' },
    },
    run: (dueDate, weeksBefore) => letterAskBy(context(), dueDate, weeksBefore),
  },
];
