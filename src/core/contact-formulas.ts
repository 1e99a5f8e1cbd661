import { columnLetter, ColumnSpec } from './schema';
import { NAMED_RANGES } from './settings';

/**
 * Each computed column is ONE formula in its header cell, ={"Header"; FUNCTION(whole columns)}, which spills
 * down the column. Living in the (frozen) header row, it is never moved by a sort of the data rows, and new
 * rows are covered as soon as they are typed.
 */
export function computedColumnFormula(spec: ColumnSpec, columns: ReadonlyMap<string, number>, firstDataRow = 2): string {
  const whole = (key: string): string => {
    const index = columns.get(key);
    if (index === undefined) throw new Error(`The ${spec.header} formula needs the ${key} column`);
    const letter = columnLetter(index);
    return `${letter}${firstDataRow}:${letter}`;
  };
  const cadence = `{${whole('cadenceDays')}, ${whole('relationship')}}`;
  const bodies: Record<string, () => string> = {
    daysSinceContact: () => `DAYS_SINCE_CONTACT(${whole('lastContact')}, ${NAMED_RANGES.asOf})`,
    nextFollowUp: () =>
      `NEXT_FOLLOW_UP(${whole('lastContact')}, ${cadence}, ${whole('metOn')}, ${NAMED_RANGES.cadences}, ${whole('snoozedUntil')})`,
    status: () =>
      `FOLLOW_UP_STATUS(${whole('lastContact')}, ${cadence}, ${NAMED_RANGES.dueSoonDays}, ${NAMED_RANGES.asOf}, ` +
      `${whole('metOn')}, ${NAMED_RANGES.cadences}, ${whole('snoozedUntil')})`,
    letterAskBy: () => `LETTER_ASK_BY(${whole('letterDue')}, ${NAMED_RANGES.letterWeeks})`,
  };
  const body = bodies[spec.key];
  if (!body) throw new Error(`No formula is defined for computed column ${spec.header}`);
  return `={"${spec.header.replace(/"/g, '""')}"; ${body()}}`;
}

/** Conditional-format formulas colouring a whole row by its Status cell (relative to the first data row). */
export function statusRowRule(statusColumn: number, status: 'Overdue' | 'Due soon', firstDataRow = 2): string {
  return `=$${columnLetter(statusColumn)}${firstDataRow}="${status}"`;
}

export const STATUS_COLOURS = { Overdue: '#f4c7c3', 'Due soon': '#fce8b2' } as const;
