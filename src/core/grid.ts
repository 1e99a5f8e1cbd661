import { InvalidValueError, isInvalidValueError } from './errors';
import { isBlank } from './values';

/**
 * Custom functions receive one cell as a plain value and a range as a 2-D array, and must answer in the
 * same shape. This module maps a per-cell computation over that, broadcasting the other arguments.
 */
export type Grid = unknown[][];
export type CellResult = string | number | Date | boolean;

export function isGrid(value: unknown): value is Grid {
  return Array.isArray(value) && value.every(Array.isArray);
}

/** Text written in a cell whose input is bad, inside a range result. Short, readable, and visibly not data. */
function cellErrorText(error: InvalidValueError): string {
  return `⚠ ${error.message}`;
}

export interface Argument {
  name: string;
  value: unknown;
}

/**
 * How an argument is read for the cell at (row, column) of the primary argument: a single value applies to
 * every cell; a range must have the same number of rows; with the same number of columns it is read cell by
 * cell, otherwise (for a one-column primary) the row's first non-blank cell is used, so {days, relationship}
 * means "the days if given, else the relationship". Checked once per call, not once per cell.
 */
function reader(arg: Argument, rows: number, columns: number): (row: number, column: number) => unknown {
  const { value } = arg;
  if (!isGrid(value)) return () => value;
  if (value.length === 1 && value[0].length === 1) return () => value[0][0];
  if (value.length !== rows) {
    throw new Error(`${arg.name} has ${value.length} rows but the first argument has ${rows}: give ranges of the same height`);
  }
  const width = value[0].length;
  if (width === columns) return (row, column) => value[row][column];
  if (columns === 1) return (row) => value[row].find((cell) => !isBlank(cell)) ?? '';
  throw new Error(`${arg.name} has ${width} columns but the first argument has ${columns}`);
}

/**
 * Applies compute to every cell of the primary argument. Single value in: the result, or an Error naming the
 * value. Range in: a same-shaped range, where a bad cell shows its error text and the others still compute.
 */
export function mapCells(
  functionName: string,
  primary: Argument,
  others: readonly Argument[],
  compute: (primary: unknown, ...others: unknown[]) => CellResult,
): CellResult | CellResult[][] {
  if (!isGrid(primary.value)) {
    const values = others.map((arg) => {
      if (isGrid(arg.value) && arg.value.length !== 1) {
        throw new Error(`${functionName}: ${arg.name} is a range but ${primary.name} is a single cell; give ${primary.name} a range too`);
      }
      return reader(arg, 1, 1)(0, 0);
    });
    try {
      return compute(primary.value, ...values);
    } catch (error) {
      if (isInvalidValueError(error)) throw new Error(`${functionName}: ${error.message}`);
      throw error;
    }
  }
  const grid = primary.value;
  const rows = grid.length;
  const columns = rows ? grid[0].length : 0;
  const readers = others.map((arg) => reader(arg, rows, columns));
  return grid.map((cells, row) =>
    cells.map((cell, column) => {
      try {
        return compute(cell, ...readers.map((read) => read(row, column)));
      } catch (error) {
        if (isInvalidValueError(error)) return cellErrorText(error);
        throw error;
      }
    }),
  );
}
