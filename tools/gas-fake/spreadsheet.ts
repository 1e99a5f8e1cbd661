/**
 * In-memory Spreadsheet, Sheet and Range behaving as Google documents them: getValues gives Dates for date
 * cells and '' for blanks; setValues reads strings as a person typing (=formula, numbers, dates, 'text), and
 * fails with Sheets' own message on a dimension mismatch; formulas are evaluated (custom functions included)
 * and spill into the cells below and to the right.
 */
import { a1Of, A1Reference, columnLettersOf, parseA1 } from './a1';
import { CallCounter } from './counter';
import { FormulaEngine, FormulaError, Value } from './formula';
import { formatJavaDate, midnight, wallTime } from './time';
import { FakeConditionalFormatRule, FakeConditionalFormatRuleBuilder, FakeDataValidation, FakeDataValidationBuilder, SavedValidation } from './builders';

interface SavedCell {
  r: number;
  c: number;
  v?: string | number | boolean | { date: string };
  f?: string;
  fmt?: string;
  note?: string;
  bold?: boolean;
  bg?: string;
  /** Index into the sheet's validations: a rule is usually shared by a whole column. */
  dv?: number;
}

export interface SavedSheet {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  hidden: number[];
  cells: SavedCell[];
  validations: SavedValidation[];
  rules: { criteria: string; values: string[]; background: string | null; ranges: string[] }[];
}

export interface SavedWorkbook {
  timeZone: string;
  sheets: SavedSheet[];
  named: { name: string; sheet: string; row: number; column: number; numRows: number; numColumns: number }[];
  active: string;
}

export type CellValue = string | number | boolean | Date;

/** A sheet row's cells, with the row's own flags (they travel with the row when it is sorted or moved). */
type RowCells = (Cell | undefined)[] & { hiddenByUser?: boolean; hiddenByFilter?: boolean };

interface Cell {
  value?: CellValue;
  formula?: string;
  format?: string;
  validation?: FakeDataValidation;
  note?: string;
  bold?: boolean;
  background?: string;
}

export interface SpreadsheetHost {
  counter: CallCounter;
  now(): Date;
  customFunction(name: string): ((...args: unknown[]) => unknown) | undefined;
  /** A range's cells were changed; the host runs the onEdit trigger when that was a person's edit, not the script's. */
  edited?(range: FakeRange): void;
}

const MAX_CELL_CHARACTERS = 50_000;
const MAX_COLUMNS = 18_278;
const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
const DEFAULT_FORMAT = '0.###############';
const KEY = (row: number, column: number) => row * 32_768 + column;

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function copyValue<T>(value: T): T {
  return (isDate(value) ? new Date(value.getTime()) : value) as T;
}

function rangeError(message: string): Error {
  return new Error(message);
}

interface Computed {
  version: number;
  values: Map<FakeSheet, Map<number, Value>>;
  errors: Map<FakeSheet, Map<number, string>>;
}

export class FakeSpreadsheet {
  readonly _className = 'Spreadsheet';
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  private readonly named = new Map<string, { sheet: FakeSheet; row: number; column: number; numRows: number; numColumns: number }>();
  private version = 0;
  private computed: Computed | null = null;
  private computing: { inProgress: Set<string>; done: Set<string> } | null = null;
  private nextSheetId = 0;
  private activeSheet: FakeSheet | null = null;
  private activeRange: FakeRange | null = null;
  private activeRanges: FakeRange[] = [];
  /** File ▸ Settings ▸ Locale. */
  locale = 'en_US';
  private readonly engine: FormulaEngine;
  private engineSheet: FakeSheet | null = null;
  /** Off for the benchmark: reads then skip formula evaluation (Google does that on its servers, not in the script). */
  _recalculation = true;

  constructor(
    readonly _host: SpreadsheetHost,
    private timeZone = 'America/New_York',
    private readonly name = 'Touchpoint test workbook',
    private readonly id = 'fake-spreadsheet-id',
  ) {
    this.engine = new FormulaEngine({
      valuesOf: (ref) => this._valuesOf(ref),
      namedValues: (name) => this._namedValues(name),
      customFunction: (name) => this._host.customFunction(name),
      runCustomFunction: (_name, fn, args) => this._runCustomFunction(fn, args),
      now: () => this._host.now(),
      timeZone: () => this.timeZone,
      decimalComma: () => decimalCommaLocale(this.locale),
    });
    this.insertSheet('Sheet1');
  }

  // --- Apps Script API --------------------------------------------------------------------------------

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  /**
   * As File ▸ Settings ▸ Time zone. Sheets stores a date as a serial number (a wall-clock day and time, no zone),
   * so after the change a date cell still shows the same day and time, and a script reads it as that wall time in
   * the new zone: a date typed as 2026-11-20 is midnight in the new zone, a different instant.
   */
  setSpreadsheetTimeZone(timeZone: string): void {
    new Intl.DateTimeFormat('en-US', { timeZone });
    const before = this.timeZone;
    for (const sheet of this.sheets) sheet._reanchorDates(before, timeZone);
    this.timeZone = timeZone;
    this._touch();
  }

  getSpreadsheetLocale(): string {
    return this.locale;
  }

  /** As File ▸ Settings ▸ Locale: formulas are then parsed by that locale's rules (see decimalCommaLocale). */
  setSpreadsheetLocale(locale: string): void {
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(String(locale))) throw new Error(`Invalid argument: locale (${locale})`);
    // Sheets keeps working formulas working: it rewrites their separators for the new locale.
    const from = decimalCommaLocale(this.locale);
    const to = decimalCommaLocale(locale);
    if (from !== to) {
      for (const sheet of this.sheets) {
        sheet['rows'].forEach((cells) => cells?.forEach((cell) => {
          if (cell?.formula) cell.formula = respellSeparators(cell.formula, to);
        }));
      }
    }
    this.locale = locale;
    this._touch();
  }

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }

  getSheetById(id: number): FakeSheet | null {
    return this.sheets.find((s) => s.getSheetId() === id) ?? null;
  }

  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this._freeSheetName();
    if (this.getSheetByName(name)) {
      throw rangeError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index ?? this.sheets.length;
    const sheet = new FakeSheet(this, name, this.nextSheetId++);
    this.sheets.splice(Math.min(at, this.sheets.length), 0, sheet);
    this.activeSheet = sheet;
    this._touch();
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw rangeError("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const [name, target] of this.named) if (target.sheet === sheet) this.named.delete(name);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    this._touch();
  }

  getActiveSheet(): FakeSheet {
    return this.activeSheet ?? this.sheets[0];
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.activeSheet = sheet;
    return sheet;
  }

  getActiveRange(): FakeRange | null {
    return this.activeRange;
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.activeSheet = range._sheet;
    this.activeRange = range;
    this.activeRanges = [range];
    return range;
  }

  /** Every range of the selection (ctrl-click selects several); the active range is the last one. */
  getActiveRangeList(): FakeRangeList | null {
    return this.activeRanges.length ? new FakeRangeList(this.activeRanges) : null;
  }

  setActiveRangeList(rangeList: FakeRangeList): FakeRangeList {
    const ranges = rangeList.getRanges();
    this.activeSheet = ranges[0]._sheet;
    this.activeRanges = ranges;
    this.activeRange = ranges[ranges.length - 1];
    return rangeList;
  }

  getRange(a1Notation: string): FakeRange {
    const ref = parseA1(a1Notation);
    const sheet = ref?.sheetName ? this.getSheetByName(ref.sheetName) : this.getActiveSheet();
    if (!ref || !sheet) throw rangeError('Range not found');
    return sheet._rangeOf(ref);
  }

  toast(message: string, title = '', timeoutSeconds = 5): void {
    this.toasts.push({ message: String(message), title: String(title), timeoutSeconds });
  }

  setNamedRange(name: string, range: FakeRange): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || parseA1(name) || /^(true|false)$/i.test(name)) {
      throw rangeError(`Named range name "${name}" is not valid. Use letters, numbers and underscores, not a cell reference.`);
    }
    this.named.set(name, { sheet: range._sheet, row: range._row, column: range._column, numRows: range._numRows, numColumns: range._numColumns });
    this._touch();
  }

  getRangeByName(name: string): FakeRange | null {
    const target = this.named.get(name);
    return target ? new FakeRange(target.sheet, target.row, target.column, target.numRows, target.numColumns) : null;
  }

  getNamedRanges(): FakeNamedRange[] {
    return [...this.named.keys()].map((name) => new FakeNamedRange(this, name));
  }

  removeNamedRange(name: string): void {
    if (!this.named.delete(name)) throw rangeError(`Named range ${name} does not exist.`);
    this._touch();
  }

  // --- fake internals (not part of Apps Script; never counted) ---------------------------------------

  _touch(): void {
    this.version++;
  }

  /** Everything in the workbook as JSON-safe data (dates tagged), for the preview's --data file. */
  _export(): SavedWorkbook {
    return {
      timeZone: this.timeZone,
      sheets: this.sheets.map((sheet) => sheet._export()),
      named: [...this.named.entries()].map(([name, t]) => ({ name, sheet: t.sheet.getName(), row: t.row, column: t.column, numRows: t.numRows, numColumns: t.numColumns })),
      active: this.getActiveSheet().getName(),
    };
  }

  _import(saved: SavedWorkbook): void {
    this.timeZone = saved.timeZone;
    this.sheets.splice(0, this.sheets.length);
    this.named.clear();
    for (const data of saved.sheets) {
      const sheet = new FakeSheet(this, data.name, this.nextSheetId++);
      sheet._import(data);
      this.sheets.push(sheet);
    }
    for (const n of saved.named) {
      const sheet = this.getSheetByName(n.sheet);
      if (sheet) this.named.set(n.name, { sheet, row: n.row, column: n.column, numRows: n.numRows, numColumns: n.numColumns });
    }
    this.activeSheet = this.getSheetByName(saved.active) ?? this.sheets[0];
    this._touch();
  }

  _shiftNamedRanges(sheet: FakeSheet, fromRow: number, delta: number): void {
    for (const target of this.named.values()) {
      if (target.sheet === sheet && target.row >= fromRow) target.row = Math.max(fromRow, target.row + delta);
    }
  }

  /** Named ranges follow their cells when columns are inserted or deleted to their left, as in Sheets. */
  _shiftNamedColumns(sheet: FakeSheet, fromColumn: number, delta: number): void {
    for (const target of this.named.values()) {
      if (target.sheet === sheet && target.column >= fromColumn) target.column = Math.max(fromColumn, target.column + delta);
    }
  }

  _freeSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.getSheetByName(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  _timeZone(): string {
    return this.timeZone;
  }

  /** The value a cell shows: its literal, or what its formula (or a neighbour's spill) computes. */
  _computedValue(sheet: FakeSheet, row: number, column: number): Value | undefined {
    if (!this._recalculation) return undefined;
    const computed = this._recalculate();
    const formula = sheet._cell(row, column)?.formula;
    if (formula && this.computing) this._evaluateCell(sheet, row, column, formula);
    return computed.values.get(sheet)?.get(KEY(row, column));
  }

  _errorMessage(sheet: FakeSheet, row: number, column: number): string | undefined {
    return this._recalculate().errors.get(sheet)?.get(KEY(row, column));
  }

  private _recalculate(): Computed {
    if (this.computed && this.computed.version === this.version) return this.computed;
    if (this.computing) return this.computed!;
    this.computed = { version: this.version, values: new Map(), errors: new Map() };
    this.computing = { inProgress: new Set(), done: new Set() };
    try {
      for (const sheet of this.sheets) {
        this.computed.values.set(sheet, new Map());
        this.computed.errors.set(sheet, new Map());
      }
      for (const sheet of this.sheets) {
        sheet._forEachFormula((row, column, formula) => this._evaluateCell(sheet, row, column, formula));
      }
    } finally {
      this.computing = null;
    }
    return this.computed;
  }

  private _evaluateCell(sheet: FakeSheet, row: number, column: number, formula: string): void {
    const state = this.computing!;
    const id = `${sheet.getSheetId()}:${row}:${column}`;
    if (state.done.has(id)) return;
    if (state.inProgress.has(id)) {
      this._place(sheet, row, column, new FormulaError('#REF!', 'Circular dependency detected.'));
      return;
    }
    state.inProgress.add(id);
    const previous = this.engineSheet;
    this.engineSheet = sheet;
    try {
      this._place(sheet, row, column, this.engine.evaluate(formula));
    } finally {
      this.engineSheet = previous;
      state.inProgress.delete(id);
      state.done.add(id);
    }
  }

  private _place(sheet: FakeSheet, row: number, column: number, result: Value): void {
    const values = this.computed!.values.get(sheet)!;
    const errors = this.computed!.errors.get(sheet)!;
    const fail = (error: FormulaError) => {
      values.set(KEY(row, column), error.code);
      errors.set(KEY(row, column), error.message);
    };
    if (result instanceof FormulaError) return fail(result);
    if (!Array.isArray(result)) {
      values.set(KEY(row, column), result);
      return;
    }
    const height = result.length;
    const width = height ? result[0].length : 0;
    if (height === 0 || width === 0) {
      values.set(KEY(row, column), '');
      return;
    }
    if (row + height - 1 > sheet.getMaxRows() || column + width - 1 > sheet.getMaxColumns()) {
      return fail(new FormulaError('#REF!', `Result was not automatically expanded, please insert more rows (${row + height - 1 - sheet.getMaxRows()}).`));
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        if (r === 0 && c === 0) continue;
        const cell = sheet._cell(row + r, column + c);
        if (cell?.formula || (cell?.value !== undefined && cell.value !== '') || values.has(KEY(row + r, column + c))) {
          return fail(new FormulaError('#REF!', `Array result was not expanded because it would overwrite data in ${columnLettersOf(column + c)}${row + r}.`));
        }
      }
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const cell = result[r][c];
        if (cell instanceof FormulaError) {
          values.set(KEY(row + r, column + c), cell.code);
          errors.set(KEY(row + r, column + c), cell.message);
        } else {
          values.set(KEY(row + r, column + c), Array.isArray(cell) ? '' : cell);
        }
      }
    }
  }

  private _valuesOf(ref: A1Reference): Value[][] | FormulaError {
    const sheet = ref.sheetName ? this.getSheetByName(ref.sheetName) : this.engineSheet;
    if (!sheet) return new FormulaError('#REF!', `Unresolved sheet name '${ref.sheetName}'.`);
    const endRow = ref.endRow ?? sheet.getMaxRows();
    const endColumn = ref.endColumn ?? sheet.getMaxColumns();
    if (endRow > sheet.getMaxRows() || endColumn > sheet.getMaxColumns()) return new FormulaError('#REF!', 'Reference is out of the sheet.');
    return sheet._readComputed(ref.startRow, ref.startColumn, endRow - ref.startRow + 1, endColumn - ref.startColumn + 1);
  }

  private _namedValues(name: string): Value[][] | FormulaError | undefined {
    const target = this.named.get(name);
    if (!target) return undefined;
    return target.sheet._readComputed(target.row, target.column, target.numRows, target.numColumns);
  }

  private _runCustomFunction(fn: (...args: unknown[]) => unknown, args: unknown[]): unknown {
    const started = Date.now();
    const result = this._host.counter.asCustomFunction(() => fn(...args));
    if (Date.now() - started > CUSTOM_FUNCTION_LIMIT_MS) throw new Error('Exceeded maximum execution time');
    return result;
  }
}

export class FakeNamedRange {
  readonly _className = 'NamedRange';
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly name: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getRange(): FakeRange {
    return this.spreadsheet.getRangeByName(this.name)!;
  }

  remove(): void {
    this.spreadsheet.removeNamedRange(this.name);
  }
}

export class FakeSheet {
  readonly _className = 'Sheet';
  private rows: RowCells[] = [];
  private maxRows = 1000;
  private maxColumns = 26;
  private frozenRows = 0;
  private frozenColumns = 0;
  private readonly hidden = new Set<number>();
  private readonly widths = new Map<number, number>();
  private rules: FakeConditionalFormatRule[] = [];

  constructor(
    readonly _spreadsheet: FakeSpreadsheet,
    private name: string,
    private readonly id: number,
  ) {}

  // --- Apps Script API --------------------------------------------------------------------------------

  getName(): string {
    return this.name;
  }

  setName(name: string): FakeSheet {
    const other = this._spreadsheet.getSheetByName(name);
    if (other && other !== this) throw rangeError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    this._spreadsheet._touch();
    return this;
  }

  getSheetId(): number {
    return this.id;
  }

  getIndex(): number {
    return this._spreadsheet.sheets.indexOf(this) + 1;
  }

  getParent(): FakeSpreadsheet {
    return this._spreadsheet;
  }

  activate(): FakeSheet {
    this._spreadsheet.setActiveSheet(this);
    return this;
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  getLastRow(): number {
    for (let row = this.maxRows; row >= 1; row--) if (this._rowHasContent(row)) return row;
    return 0;
  }

  getLastColumn(): number {
    let last = 0;
    for (let row = 1; row <= this.maxRows; row++) {
      for (let column = this.maxColumns; column > last; column--) {
        if (this._hasContent(row, column)) {
          last = column;
          break;
        }
      }
    }
    return last;
  }

  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(this.getLastRow(), 1), Math.max(this.getLastColumn(), 1));
  }

  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof a === 'string') {
      const ref = parseA1(a);
      if (!ref || (ref.sheetName && ref.sheetName !== this.name)) throw rangeError('Range not found');
      return this._rangeOf(ref);
    }
    const rows = numRows ?? 1;
    const columns = numColumns ?? 1;
    if (![a, column, rows, columns].every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const types = [a, column, numRows, numColumns].filter((v) => v !== undefined).map((v) => typeof v);
      throw rangeError(`The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    if (a < 1) throw rangeError('The starting row of the range is too small.');
    if (column! < 1) throw rangeError('The starting column of the range is too small.');
    if (rows < 1) throw rangeError('The number of rows in the range must be at least 1.');
    if (columns < 1) throw rangeError('The number of columns in the range must be at least 1.');
    if (a + rows - 1 > this.maxRows || column! + columns - 1 > this.maxColumns) {
      throw rangeError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, Math.floor(a), Math.floor(column!), Math.floor(rows), Math.floor(columns));
  }

  appendRow(rowContents: unknown[]): FakeSheet {
    const row = this.getLastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    rowContents.forEach((value, index) => this._write(row, index + 1, value));
    this._spreadsheet._touch();
    return this;
  }

  insertColumnAfter(afterPosition: number): FakeSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (afterPosition < 1 || afterPosition > this.maxColumns) throw rangeError('Those columns are out of bounds.');
    return this._insertColumnsAt(afterPosition + 1, howMany);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    if (beforePosition < 1 || beforePosition > this.maxColumns) throw rangeError('Those columns are out of bounds.');
    return this._insertColumnsAt(beforePosition, howMany);
  }

  /** New blank columns from `position` on: cells, hidden columns and named ranges to their right move over. */
  private _insertColumnsAt(position: number, howMany: number): FakeSheet {
    if (this.maxColumns + howMany > MAX_COLUMNS) throw rangeError(`This action would increase the number of columns in the workbook above the limit of ${MAX_COLUMNS}.`);
    for (const row of this.rows) if (row && row.length >= position) row.splice(position - 1, 0, ...new Array(howMany).fill(undefined));
    const shifted = [...this.hidden].map((c) => (c >= position ? c + howMany : c));
    this.hidden.clear();
    shifted.forEach((c) => this.hidden.add(c));
    this.maxColumns += howMany;
    this._spreadsheet._shiftNamedColumns(this, position, howMany);
    this._spreadsheet._touch();
    return this;
  }

  insertColumnBefore(beforePosition: number): FakeSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  deleteColumn(columnPosition: number): FakeSheet {
    return this.deleteColumns(columnPosition, 1);
  }

  deleteColumns(columnPosition: number, howMany: number): FakeSheet {
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.maxColumns) throw rangeError('Those columns are out of bounds.');
    if (howMany >= this.maxColumns) throw rangeError("You can't delete all the columns on the sheet.");
    for (const row of this.rows) row?.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
    this._spreadsheet._shiftNamedColumns(this, columnPosition + howMany, -howMany);
    this._spreadsheet._touch();
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (afterPosition < 1 || afterPosition > this.maxRows) throw rangeError('Those rows are out of bounds.');
    return this._insertRowsAt(afterPosition + 1, howMany);
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    if (beforePosition < 1 || beforePosition > this.maxRows) throw rangeError('Those rows are out of bounds.');
    return this._insertRowsAt(beforePosition, howMany);
  }

  /** New blank rows from `position` on: rows (with their hidden flags) and named ranges below move down. */
  private _insertRowsAt(position: number, howMany: number): FakeSheet {
    this.rows.splice(position - 1, 0, ...new Array(howMany).fill(undefined));
    this.maxRows += howMany;
    this._spreadsheet._shiftNamedRanges(this, position, howMany);
    this._spreadsheet._touch();
    return this;
  }

  insertRowBefore(beforePosition: number): FakeSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRowAfter(afterPosition: number): FakeSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  deleteRow(rowPosition: number): FakeSheet {
    return this.deleteRows(rowPosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): FakeSheet {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.maxRows) throw rangeError('Those rows are out of bounds.');
    if (howMany >= this.maxRows) throw rangeError("You can't delete all the rows on the sheet.");
    this.rows.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this._spreadsheet._shiftNamedRanges(this, rowPosition + howMany, -howMany);
    this._spreadsheet._touch();
    return this;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(a1Notations.map((a1) => this.getRange(a1)));
  }

  /** Hidden rows are flags on the row position: inserting or deleting rows moves them, sorting does not. */
  hideRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._rowFlags(r).hiddenByUser = true;
  }

  showRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._rowFlags(r).hiddenByUser = false;
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return Boolean(this.rows[rowPosition - 1]?.hiddenByUser);
  }

  isRowHiddenByFilter(rowPosition: number): boolean {
    return Boolean(this.rows[rowPosition - 1]?.hiddenByFilter);
  }

  /** Test hook: a filter view hides these rows (the criteria themselves are not modelled). */
  _filterOut(rowPositions: number[]): void {
    for (const r of rowPositions) this._rowFlags(r).hiddenByFilter = true;
  }

  private _rowFlags(row: number): RowCells {
    return (this.rows[row - 1] ??= []);
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hidden.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hidden.delete(c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hidden.has(columnPosition);
  }

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.widths.set(columnPosition, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.widths.get(columnPosition) ?? 100;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this.rules.map((rule) => rule.copy().build());
  }

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.rules = rules.map((rule) => rule.copy().build());
  }

  clearConditionalFormatRules(): void {
    this.rules = [];
  }

  /** Sorts the rows below the frozen rows by one column, as Data ▸ Sort sheet does. */
  sort(columnPosition: number, ascending = true): FakeSheet {
    const first = this.frozenRows + 1;
    const last = this.getLastRow();
    if (last >= first) new FakeRange(this, first, 1, last - first + 1, this.maxColumns).sort({ column: columnPosition, ascending });
    return this;
  }

  // --- fake internals ---------------------------------------------------------------------------------

  _export(): SavedSheet {
    const cells: SavedCell[] = [];
    const validations = new Map<FakeDataValidation, number>();
    this.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (!cell) return;
        const saved: SavedCell = { r: r + 1, c: c + 1 };
        if (cell.value !== undefined) saved.v = isDate(cell.value) ? { date: cell.value.toISOString() } : cell.value;
        if (cell.formula) saved.f = cell.formula;
        if (cell.format) saved.fmt = cell.format;
        if (cell.note) saved.note = cell.note;
        if (cell.bold) saved.bold = true;
        if (cell.background) saved.bg = cell.background;
        if (cell.validation) {
          if (!validations.has(cell.validation)) validations.set(cell.validation, validations.size);
          saved.dv = validations.get(cell.validation);
        }
        if (Object.keys(saved).length > 2) cells.push(saved);
      }),
    );
    return {
      name: this.name,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      frozenRows: this.frozenRows,
      hidden: [...this.hidden],
      cells,
      validations: [...validations.keys()].map((v) => v._export()),
      rules: this.rules.map((rule) => ({
        criteria: rule._condition.getCriteriaType(),
        values: rule._condition.getCriteriaValues() as string[],
        background: rule._condition.getBackground(),
        ranges: rule._ranges.map((r) => r.getA1Notation()),
      })),
    };
  }

  _import(saved: SavedSheet): void {
    this.maxRows = saved.maxRows;
    this.maxColumns = saved.maxColumns;
    this.frozenRows = saved.frozenRows;
    saved.hidden.forEach((c) => this.hidden.add(c));
    const validations = saved.validations.map((v) => FakeDataValidation._import(v));
    for (const cell of saved.cells) {
      const target = this._cellForWrite(cell.r, cell.c);
      if (cell.v !== undefined) target.value = typeof cell.v === 'object' ? new Date(cell.v.date) : cell.v;
      if (cell.f) target.formula = cell.f;
      if (cell.fmt) target.format = cell.fmt;
      if (cell.note) target.note = cell.note;
      if (cell.bold) target.bold = true;
      if (cell.bg) target.background = cell.bg;
      if (cell.dv !== undefined) target.validation = validations[cell.dv];
    }
    this.rules = saved.rules.map((rule) => {
      const builder = new FakeConditionalFormatRuleBuilder().setBackground(rule.background).setRanges(rule.ranges.map((a1) => this.getRange(a1)));
      return (rule.criteria === 'CUSTOM_FORMULA' ? builder.whenFormulaSatisfied(rule.values[0]) : builder.whenTextEqualTo(rule.values[0])).build();
    });
  }

  /** Every date cell keeps its wall-clock day and time when the spreadsheet moves from one zone to another. */
  _reanchorDates(from: string, to: string): void {
    for (const line of this.rows) {
      for (const cell of line ?? []) {
        if (!cell || !(cell.value instanceof Date)) continue;
        const w = wallTime(cell.value, from);
        cell.value = new Date(midnight(w.year, w.month, w.day, to).getTime() + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000 + (cell.value.getTime() % 1000));
      }
    }
  }

  _cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  _cellForWrite(row: number, column: number): Cell {
    const cells = (this.rows[row - 1] ??= []);
    return (cells[column - 1] ??= {});
  }

  _rowCells(row: number): (Cell | undefined)[] | undefined {
    return this.rows[row - 1];
  }

  _setRowCells(row: number, cells: (Cell | undefined)[] | undefined): void {
    // A sort moves cell contents; hiding belongs to the row position (as in Sheets), so the flags stay here.
    const before = this.rows[row - 1];
    const next = (cells ?? []) as RowCells;
    if (before?.hiddenByUser) next.hiddenByUser = true;
    if (before?.hiddenByFilter) next.hiddenByFilter = true;
    this.rows[row - 1] = next;
  }

  _forEachFormula(visit: (row: number, column: number, formula: string) => void): void {
    this.rows.forEach((cells, r) => cells?.forEach((cell, c) => cell?.formula && visit(r + 1, c + 1, cell.formula)));
  }

  _hasContent(row: number, column: number): boolean {
    const cell = this._cell(row, column);
    if (cell?.formula || (cell?.value !== undefined && cell.value !== '')) return true;
    // A spilled "" is content, as in Sheets: an array formula over whole columns makes getLastRow the last row it reaches.
    return this._spreadsheet._computedValue(this, row, column) !== undefined;
  }

  private _rowHasContent(row: number): boolean {
    const cells = this.rows[row - 1];
    if (cells?.some((cell) => cell?.formula || (cell?.value !== undefined && cell.value !== ''))) return true;
    for (let column = 1; column <= this.maxColumns; column++) {
      if (this._spreadsheet._computedValue(this, row, column) !== undefined) return true;
    }
    return false;
  }

  _rangeOf(ref: A1Reference): FakeRange {
    const endRow = ref.endRow ?? this.maxRows;
    const endColumn = ref.endColumn ?? this.maxColumns;
    return this.getRange(ref.startRow, ref.startColumn, endRow - ref.startRow + 1, endColumn - ref.startColumn + 1);
  }

  _readComputed(row: number, column: number, numRows: number, numColumns: number): Value[][] {
    const out: Value[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const line: Value[] = [];
      for (let c = column; c < column + numColumns; c++) {
        const cell = this._cell(r, c);
        const computed = cell?.formula || cell?.value === undefined ? this._spreadsheet._computedValue(this, r, c) : undefined;
        line.push(copyValue(computed ?? cell?.value ?? ''));
      }
      out.push(line);
    }
    return out;
  }

  /** Writes a value as Sheets does when a script sets it: strings are read like typed input. */
  _write(row: number, column: number, input: unknown): void {
    const cell = this._cellForWrite(row, column);
    delete cell.formula;
    delete cell.value;
    if (input === null || input === undefined || input === '') return;
    if (typeof input === 'string') {
      if (input.length > MAX_CELL_CHARACTERS) {
        throw rangeError(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
      }
      // A cell formatted as plain text (@) keeps what is written as text, as Sheets does; else Sheets parses it.
      const typed = cell.format === '@' && !input.startsWith('=') ? { value: input.startsWith("'") ? input.slice(1) : input } : readTypedText(input, this._spreadsheet._timeZone(), this._spreadsheet._host.now(), this._spreadsheet.locale);
      if (typed.formula) cell.formula = typed.formula;
      else cell.value = typed.value;
      if (typed.format && !cell.format) cell.format = typed.format; // a typed date keeps the look it was typed in
      return;
    }
    if (isDate(input)) {
      cell.value = new Date(input.getTime());
      if (!cell.format) cell.format = monthFirstLocale(this._spreadsheet.locale) ? 'M/d/yyyy H:mm:ss' : 'dd/mm/yyyy HH:mm:ss';
      return;
    }
    if (typeof input === 'number' || typeof input === 'boolean') {
      cell.value = input;
      return;
    }
    cell.value = String(input);
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * How Sheets reads a string a script writes (en_US), as it reads what a person types: =formula, 'text, numbers
 * (with thousands separators, %, $), TRUE/FALSE, dates (2026-03-01, 3/1/2026, "Mar 15" in the current year,
 * "Dec 2026" as its 1st) and times of day (10:30, as a fraction of a day). Anything else stays text.
 */
export function readTypedText(text: string, timeZone: string, now: Date = new Date(), locale = 'en_US'): { formula?: string; value?: CellValue; format?: string } {
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')), format: '#,##0' };
  if (/^[+-]?\d+(\.\d+)?%$/.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100, format: '0%' };
  if (/^\$\d+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed.slice(1)), format: '$#,##0.00' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const time = /^(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (time && +time[1] < 24 && +time[2] < 60) return { value: (+time[1] * 60 + +time[2]) / 1440, format: 'h:mm' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const monthDay = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(,?\s+(\d{4}))?$/.exec(trimmed);
  const monthYear = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(trimmed);
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  let ymd: number[] | null = null;
  if (iso) ymd = [+iso[1], +iso[2], +iso[3]];
  else if (us && monthFirstLocale(locale)) ymd = [+us[3], +us[1], +us[2]];
  else if (us) ymd = [+us[3], +us[2], +us[1]]; // en_GB, de_DE, pt_BR…: 03/11/2026 is 3 November
  else if (monthYear && month(monthYear[1])) ymd = [+monthYear[2], month(monthYear[1]), 1];
  else if (monthDay && month(monthDay[1])) ymd = [monthDay[4] ? +monthDay[4] : now.getUTCFullYear(), month(monthDay[1]), +monthDay[2]];
  if (ymd && ymd[1] >= 1 && ymd[1] <= 12 && ymd[2] >= 1 && ymd[2] <= new Date(Date.UTC(ymd[0], ymd[1], 0)).getUTCDate()) {
    return { value: midnight(ymd[0], ymd[1], ymd[2], timeZone), format: iso ? 'yyyy-mm-dd' : monthFirstLocale(locale) ? 'M/d/yyyy' : 'dd/mm/yyyy' };
  }
  return { value: text };
}

type SortSpec = number | { column: number; ascending?: boolean };

function sortRank(value: unknown): number {
  if (value === '' || value === undefined) return 4;
  if (typeof value === 'number' || isDate(value)) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

function compareCells(a: unknown, b: unknown): number {
  const ra = sortRank(a);
  const rb = sortRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}

export class FakeRangeList {
  readonly _className = 'RangeList';
  constructor(private readonly ranges: FakeRange[]) {}

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }

  activate(): FakeRangeList {
    return this.ranges[0]._sheet._spreadsheet.setActiveRangeList(this);
  }
}

export class FakeRange {
  readonly _className = 'Range';

  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _column: number,
    readonly _numRows: number,
    readonly _numColumns: number,
  ) {}

  private _each<T>(read: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this._numColumns; c++) line.push(read(this._row + r, this._column + c));
      out.push(line);
    }
    return out;
  }

  private _checkShape(data: unknown, what: string): unknown[][] {
    if (!Array.isArray(data) || !data.every(Array.isArray)) {
      throw rangeError(`The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`);
    }
    if (data.length !== this._numRows) {
      throw rangeError(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`);
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this._numColumns) {
        throw rangeError(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numColumns}.`);
      }
    }
    return data as unknown[][];
  }

  private _changed(): FakeRange {
    this._sheet._spreadsheet._touch();
    this._sheet._spreadsheet._host.edited?.(this);
    return this;
  }

  getSheet(): FakeSheet {
    return this._sheet;
  }

  getRow(): number {
    return this._row;
  }

  getColumn(): number {
    return this._column;
  }

  getLastRow(): number {
    return this._row + this._numRows - 1;
  }

  getLastColumn(): number {
    return this._column + this._numColumns - 1;
  }

  getNumRows(): number {
    return this._numRows;
  }

  getNumColumns(): number {
    return this._numColumns;
  }

  getA1Notation(): string {
    return a1Of(this._row, this._column, this._numRows, this._numColumns);
  }

  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numColumns) throw rangeError('Cell reference out of range');
    return new FakeRange(this._sheet, this._row + row - 1, this._column + column - 1, 1, 1);
  }

  activate(): FakeRange {
    return this._sheet._spreadsheet.setActiveRange(this);
  }

  getValues(): CellValue[][] {
    return this._sheet._readComputed(this._row, this._column, this._numRows, this._numColumns) as CellValue[][];
  }

  getValue(): CellValue {
    return this._sheet._readComputed(this._row, this._column, 1, 1)[0][0] as CellValue;
  }

  getDisplayValues(): string[][] {
    const values = this.getValues();
    const formats = this.getNumberFormats();
    const timeZone = this._sheet._spreadsheet._timeZone();
    const locale = this._sheet._spreadsheet.locale;
    return values.map((row, r) => row.map((value, c) => displayOf(value, formats[r][c], timeZone, locale)));
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }

  getFormulas(): string[][] {
    return this._each((r, c) => this._sheet._cell(r, c)?.formula ?? '');
  }

  getFormula(): string {
    return this._sheet._cell(this._row, this._column)?.formula ?? '';
  }

  setValues(values: unknown[][]): FakeRange {
    const data = this._checkShape(values, 'setValues');
    data.forEach((row, r) => row.forEach((value, c) => this._sheet._write(this._row + r, this._column + c, value)));
    return this._changed();
  }

  setValue(value: unknown): FakeRange {
    this._each((r, c) => this._sheet._write(r, c, value));
    return this._changed();
  }

  setFormula(formula: string): FakeRange {
    this._each((r, c) => this._sheet._write(r, c, formula.startsWith('=') ? formula : `=${formula}`));
    return this._changed();
  }

  setFormulas(formulas: string[][]): FakeRange {
    const data = this._checkShape(formulas, 'setFormulas');
    data.forEach((row, r) => row.forEach((f, c) => this._sheet._write(this._row + r, this._column + c, f)));
    return this._changed();
  }

  /**
   * Range.insertCheckboxes(): every cell gets a checkbox rule and the value FALSE, as Google documents ("Sets the
   * value of all cells in the range to false"). An unchecked box then reads as false in getValues.
   */
  insertCheckboxes(): FakeRange {
    const rule = new FakeDataValidationBuilder().requireCheckbox().build();
    this._each((r, c) => {
      const cell = this._sheet._cellForWrite(r, c);
      delete cell.formula;
      cell.value = false;
      cell.validation = rule;
    });
    return this._changed();
  }

  /** Range.copyTo(destination): values, formulas and formats, as a person's copy and paste of a row does. */
  copyTo(destination: FakeRange): void {
    const copies = this._each((r, c) => ({ ...(this._sheet._cell(r, c) ?? {}) }));
    copies.forEach((row, r) =>
      row.forEach((cell, c) => {
        const target = destination._sheet._cellForWrite(destination._row + r, destination._column + c);
        for (const key of Object.keys(target) as (keyof typeof target)[]) delete target[key];
        Object.assign(target, cell);
      }),
    );
    destination._sheet._spreadsheet._touch();
    destination._sheet._spreadsheet._host.edited?.(destination);
  }

  clearContent(): FakeRange {
    this._each((r, c) => this._sheet._write(r, c, ''));
    return this._changed();
  }

  getNumberFormats(): string[][] {
    return this._each((r, c) => this._sheet._cell(r, c)?.format ?? DEFAULT_FORMAT);
  }

  getNumberFormat(): string {
    return this._sheet._cell(this._row, this._column)?.format ?? DEFAULT_FORMAT;
  }

  setNumberFormat(format: string): FakeRange {
    this._each((r, c) => (this._sheet._cellForWrite(r, c).format = format));
    return this._changed();
  }

  setNumberFormats(formats: string[][]): FakeRange {
    const data = this._checkShape(formats, 'setNumberFormats');
    data.forEach((row, r) => row.forEach((f, c) => (this._sheet._cellForWrite(this._row + r, this._column + c).format = String(f))));
    return this._changed();
  }

  getDataValidation(): FakeDataValidation | null {
    return this._sheet._cell(this._row, this._column)?.validation ?? null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    return this._each((r, c) => this._sheet._cell(r, c)?.validation ?? null);
  }

  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    this._each((r, c) => {
      const cell = this._sheet._cellForWrite(r, c);
      if (rule) cell.validation = rule;
      else delete cell.validation;
    });
    return this;
  }

  setDataValidations(rules: (FakeDataValidation | null)[][]): FakeRange {
    const data = this._checkShape(rules, 'setDataValidations') as (FakeDataValidation | null)[][];
    data.forEach((row, r) =>
      row.forEach((rule, c) => {
        const cell = this._sheet._cellForWrite(this._row + r, this._column + c);
        if (rule) cell.validation = rule;
        else delete cell.validation;
      }),
    );
    return this;
  }

  clearDataValidations(): FakeRange {
    return this.setDataValidation(null);
  }

  getNote(): string {
    return this._sheet._cell(this._row, this._column)?.note ?? '';
  }

  getNotes(): string[][] {
    return this._each((r, c) => this._sheet._cell(r, c)?.note ?? '');
  }

  setNote(note: string | null): FakeRange {
    this._each((r, c) => (this._sheet._cellForWrite(r, c).note = note ?? ''));
    return this;
  }

  setNotes(notes: (string | null)[][]): FakeRange {
    const data = this._checkShape(notes, 'setNotes');
    data.forEach((row, r) => row.forEach((n, c) => (this._sheet._cellForWrite(this._row + r, this._column + c).note = (n as string) ?? '')));
    return this;
  }

  getFontWeight(): string {
    return this._sheet._cell(this._row, this._column)?.bold ? 'bold' : 'normal';
  }

  getFontWeights(): string[][] {
    return this._each((r, c) => (this._sheet._cell(r, c)?.bold ? 'bold' : 'normal'));
  }

  setFontWeight(fontWeight: 'bold' | 'normal' | null): FakeRange {
    this._each((r, c) => (this._sheet._cellForWrite(r, c).bold = fontWeight === 'bold'));
    return this;
  }

  getBackground(): string {
    return this._sheet._cell(this._row, this._column)?.background ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    return this._each((r, c) => this._sheet._cell(r, c)?.background ?? '#ffffff');
  }

  setBackground(color: string | null): FakeRange {
    this._each((r, c) => (this._sheet._cellForWrite(r, c).background = color ?? '#ffffff'));
    return this;
  }

  /** Sorts the range's rows by one or more columns (absolute positions), moving whole cells. */
  sort(spec: SortSpec | SortSpec[]): FakeRange {
    const keys = (Array.isArray(spec) ? spec : [spec]).map((s) => (typeof s === 'number' ? { column: s, ascending: true } : { ascending: true, ...s }));
    for (const key of keys) {
      if (key.column < this._column || key.column > this.getLastColumn()) throw rangeError(`Column ${key.column} is out of range.`);
    }
    const values = this.getValues();
    const order = values.map((_, i) => i);
    order.sort((a, b) => {
      for (const key of keys) {
        const va = values[a][key.column - this._column];
        const vb = values[b][key.column - this._column];
        const blankA = va === '';
        const blankB = vb === '';
        if (blankA !== blankB) return blankA ? 1 : -1; // blanks last either way, as Sheets does
        const cmp = compareCells(va, vb);
        if (cmp) return key.ascending ? cmp : -cmp;
      }
      return a - b;
    });
    const slices = order.map((i) => (this._sheet._rowCells(this._row + i) ?? []).slice(this._column - 1, this.getLastColumn()));
    slices.forEach((slice, i) => {
      const cells = [...(this._sheet._rowCells(this._row + i) ?? [])];
      for (let c = 0; c < this._numColumns; c++) cells[this._column - 1 + c] = slice[c];
      this._sheet._setRowCells(this._row + i, cells);
    });
    return this._changed();
  }
}

/** Sheets number-format letters (yyyy mmm d h:mm am/pm) turned into Java's, to show dates with a format. */
function javaPatternOf(format: string): string {
  return format
    .replace(/am\/pm/gi, 'a')
    .replace(/(h+:)(m+)/gi, (_m, hours: string, minutes: string) => hours.toUpperCase() + '\u0000'.repeat(minutes.length))
    .replace(/m/g, 'M')
    .replace(/\u0000/g, 'm')
    .replace(/dddd/g, 'EEEE')
    .replace(/ddd/g, 'EEE');
}

const isDateFormat = (format: string) => /[yd]/i.test(format);

export function displayOf(value: CellValue, format: string, timeZone: string, locale = 'en_US'): string {
  if (value === '') return '';
  const automatic = monthFirstLocale(locale) ? 'M/d/yyyy' : 'dd/MM/yyyy';
  if (isDate(value)) return formatJavaDate(value, timeZone, isDateFormat(format) ? javaPatternOf(format) : automatic);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isDateFormat(format)) return formatJavaDate(new Date((value - 25_569) * 86_400_000), 'UTC', javaPatternOf(format));
    if (format === '0') return String(Math.round(value));
    const decimals = /^0\.(0+)$/.exec(format);
    if (decimals) return value.toFixed(decimals[1].length);
    return String(Number(value.toPrecision(15)));
  }
  return String(value);
}

/**
 * Locales in which Sheets writes decimals with a comma, and so separates function arguments with ";" and array
 * columns with "\\" (e.g. ={"A"; F(B2:B; {C2:C\\D2:D})}). An en-US-style formula there is a parse error.
 * The fake's own list, independent of the product's.
 */
export function decimalCommaLocale(locale: string): boolean {
  const [language, country = ''] = locale.split('_');
  if (language === 'es') return !['MX', 'US'].includes(country);
  return ['de', 'fr', 'pt', 'it', 'nl', 'ru', 'pl', 'cs', 'da', 'fi', 'sv', 'nb', 'tr', 'uk', 'id', 'vi'].includes(language);
}

/** A formula's separators spelled for a comma-decimal locale (toDecimalComma) or the other way, outside quotes. */
function respellSeparators(formula: string, toDecimalComma: boolean): string {
  const stack: string[] = [];
  let out = '';
  let quote = '';
  for (const ch of formula) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '{') stack.push(ch);
    else if (ch === ')' || ch === '}') stack.pop();
    else if (stack[stack.length - 1] === '{' && ch === (toDecimalComma ? ',' : '\\')) {
      out += toDecimalComma ? '\\' : ',';
      continue;
    } else if (stack[stack.length - 1] !== '{' && ch === (toDecimalComma ? ',' : ';')) {
      out += toDecimalComma ? ';' : ',';
      continue;
    }
    out += ch;
  }
  return out;
}

/** Locales whose Sheets reads 03/11/2026 as March 11 (month first); elsewhere it is 3 November. */
export function monthFirstLocale(locale: string): boolean {
  return /_(US|PH)$/.test(locale);
}

