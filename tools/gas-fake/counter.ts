/**
 * Counts every call a script makes into the fake services, by "Class.method", as Apps Script would bill them:
 * each is a round-trip to Google's servers. Objects handed to the script are counting proxies around the fake's
 * own objects; the fake calls its own objects directly, so internal work is never counted. Beside the calls, it
 * counts the cells each call moves between the script and the sheets (read and written), so that one call reading
 * or rewriting a whole column is not taken for one reading a single cell.
 */
export const SHEET_CLASSES = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'NamedRange'] as const;

type Bucket = 'script' | 'customFunction';

/**
 * Range methods that move cell data to the script: each reads every cell of its range (a singular getter, its
 * top-left cell). Formats, notes, backgrounds and validation rules count as well as values: each is per-cell data
 * Sheets sends back.
 */
const RANGE_READS = new Set(['getValues', 'getDisplayValues', 'getFormulas', 'getNumberFormats', 'getNotes', 'getBackgrounds', 'getFontWeights', 'getDataValidations']);
const RANGE_READ_ONE = new Set(['getValue', 'getDisplayValue', 'getFormula', 'getNumberFormat', 'getNote', 'getBackground', 'getFontWeight', 'getDataValidation']);
/**
 * Range methods that write every cell of their range: the 2-D setters (one value per cell) and the ones that
 * apply one value, format or rule to the whole range (setValue on A2:A10000 writes 9,999 cells), clearing, and the
 * server-side moves (sort, copyTo's destination).
 */
const RANGE_WRITES = new Set([
  'setValues', 'setValue', 'setFormulas', 'setFormula', 'setNumberFormats', 'setNumberFormat', 'setNotes', 'setNote',
  'setBackground', 'setFontWeight', 'setDataValidations', 'setDataValidation', 'clearDataValidations', 'clearContent',
  'insertCheckboxes', 'sort', 'copyTo',
]);

interface RangeShape {
  _numRows: number;
  _numColumns: number;
}

interface SheetShape {
  getFrozenRows(): number;
  getLastRow(): number;
  getMaxColumns(): number;
}

/** Cells a successful call moved: [read, written]; null for a call that moves no cell data. */
function cellTraffic(className: string, method: string, raw: object, args: unknown[]): [number, number] | null {
  if (className === 'Range') {
    const { _numRows, _numColumns } = raw as RangeShape;
    const cells = _numRows * _numColumns;
    if (RANGE_READS.has(method)) return [cells, 0];
    if (RANGE_READ_ONE.has(method)) return [1, 0];
    if (RANGE_WRITES.has(method)) return [0, cells];
    return null;
  }
  if (className === 'Sheet') {
    if (method === 'appendRow') return [0, Array.isArray(args[0]) ? args[0].length : 0];
    if (method === 'sort') {
      // Sheet.sort moves every row below the frozen ones, across the sheet's width (as the fake does).
      const sheet = raw as SheetShape;
      return [0, Math.max(sheet.getLastRow() - sheet.getFrozenRows(), 0) * sheet.getMaxColumns()];
    }
  }
  return null;
}

/** Names of methods that change a document; custom functions may not call them. */
/** Calls that need the user's authorisation: a custom function runs without it, so Sheets refuses them. */
const NEEDS_AUTHORISATION = /^(Gmail\.|Calendar\.|MailApp\.|ScriptApp\.|Ui\.|Session\.get(Active|Effective)User|SpreadsheetApp\.(getUi|openById|openByUrl)|HtmlService\.)/;
const MUTATING = /^(set|insert|delete|append|clear|hide|show|sort|add|remove|activate|toast|create|copy|move|merge|protect|flush)/;

export class CallCounter {
  private readonly buckets: Record<Bucket, Map<string, number>> = { script: new Map(), customFunction: new Map() };
  /** Cells moved, by "Class.method": [read, written]. */
  private readonly cells: Record<Bucket, Map<string, [number, number]>> = { script: new Map(), customFunction: new Map() };
  private bucket: Bucket = 'script';
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();
  /** While true, calls are made from a custom function: document changes are refused, as in Sheets. */
  inCustomFunction = false;
  /** Milliseconds spent inside the fake's services (standing in for Google's servers), outermost calls only. */
  private serviceTime = 0;
  private depth = 0;
  /** During an execution with a time limit (FakeAppsScript.asExecution): true once the limit has passed. */
  overLimit: (() => boolean) | null = null;

  record(name: string): void {
    const counts = this.buckets[this.bucket];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }

  /** Counts the cells a call moved, in the current bucket. */
  recordCells(name: string, read: number, written: number): void {
    const cells = this.cells[this.bucket];
    const [r, w] = cells.get(name) ?? [0, 0];
    cells.set(name, [r + read, w + written]);
  }

  /** Cells the script's calls read from the sheets (getValues, getDisplayValues, getFormulas, getNotes, ...). */
  cellsRead(bucket: Bucket = 'script'): number {
    let total = 0;
    for (const [read] of this.cells[bucket].values()) total += read;
    return total;
  }

  /** Cells the script's calls wrote (setValues, setValue over a range, clearContent, appendRow, formats, ...). */
  cellsWritten(bucket: Bucket = 'script'): number {
    let total = 0;
    for (const [, written] of this.cells[bucket].values()) total += written;
    return total;
  }

  /** Cells moved by method, to find which call moves them: {"Range.getValues": {read, written}, ...}. */
  cellCounts(bucket: Bucket = 'script'): Record<string, { read: number; written: number }> {
    return Object.fromEntries([...this.cells[bucket].entries()].sort().map(([name, [read, written]]) => [name, { read, written }]));
  }

  /**
   * Milliseconds the fake spent serving the script's calls (copying cells, encoding drafts): work Google's servers
   * do, charged by a latency model, not the script's own JavaScript. Since the last reset.
   */
  /** True while one of the script's calls is being served: a change made now is the script's, not a person's. */
  inScriptCall(): boolean {
    return this.depth > 0;
  }

  serviceMs(): number {
    return this.serviceTime;
  }

  /** Calls made by the script (not by custom functions the fake evaluated while recalculating). */
  counts(bucket: Bucket = 'script'): Record<string, number> {
    return Object.fromEntries([...this.buckets[bucket].entries()].sort());
  }

  count(name: string, bucket: Bucket = 'script'): number {
    return this.buckets[bucket].get(name) ?? 0;
  }

  /** Calls to SpreadsheetApp and the spreadsheet objects: what Google bills as sheet round-trips. */
  sheetRoundTrips(bucket: Bucket = 'script'): number {
    return this.sum(bucket, (name) => SHEET_CLASSES.some((c) => name.startsWith(`${c}.`)));
  }

  total(bucket: Bucket = 'script', prefix = ''): number {
    return this.sum(bucket, (name) => name.startsWith(prefix));
  }

  private sum(bucket: Bucket, include: (name: string) => boolean): number {
    let total = 0;
    for (const [name, n] of this.buckets[bucket]) if (include(name)) total += n;
    return total;
  }

  reset(): void {
    this.serviceTime = 0;
    this.buckets.script.clear();
    this.buckets.customFunction.clear();
    this.cells.script.clear();
    this.cells.customFunction.clear();
  }

  /** Runs work whose calls are billed to the custom-function bucket, with document changes refused. */
  asCustomFunction<T>(work: () => T): T {
    const previous = { bucket: this.bucket, inCustomFunction: this.inCustomFunction };
    this.bucket = 'customFunction';
    this.inCustomFunction = true;
    try {
      return work();
    } finally {
      this.bucket = previous.bucket;
      this.inCustomFunction = previous.inCustomFunction;
    }
  }

  /** The raw fake object behind a proxy handed to the script (or the value itself). */
  unwrap<T>(value: T): T {
    if (value && typeof value === 'object') return (this.raws.get(value as object) as T) ?? value;
    return value;
  }

  /** A counting proxy for a fake object; the same object always gets the same proxy. */
  wrap<T extends object>(target: T, className: string): T {
    const existing = this.proxies.get(target);
    if (existing) return existing as T;
    const counter = this;
    const proxy = new Proxy(target, {
      get(raw, property, receiver) {
        const value = Reflect.get(raw, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || property.startsWith('_') || property === 'constructor') {
          return value;
        }
        return function counted(...args: unknown[]) {
          const name = `${className}.${property}`;
          // Apps Script ends an execution at its time limit, and nothing after runs: every later call is refused,
          // uncounted (the fake's clock moves at calls, so a call is where the limit shows).
          if (counter.depth === 0 && counter.overLimit?.()) throw new Error('Exceeded maximum execution time');
          counter.record(name);
          if (counter.inCustomFunction && MUTATING.test(property) && !className.endsWith('Builder')) {
            throw new Error(`Exception: You do not have permission to call ${name}. Custom functions can only read.`);
          }
          if (counter.inCustomFunction && NEEDS_AUTHORISATION.test(name)) {
            throw new Error(`Exception: You do not have permission to call ${name}.`);
          }
          const started = counter.depth++ === 0 ? performance.now() : 0;
          try {
            const unwrapped = args.map((a) => counter.unwrapDeep(a));
            const result = value.apply(raw, unwrapped);
            // Counted once the call succeeds: a call that fails (a setValues of the wrong shape) moves nothing.
            const traffic = cellTraffic(className, property, raw, unwrapped);
            if (traffic) counter.recordCells(name, traffic[0], traffic[1]);
            return counter.wrapResult(result);
          } finally {
            if (--counter.depth === 0) counter.serviceTime += performance.now() - started;
          }
        };
      },
    });
    this.proxies.set(target, proxy);
    this.raws.set(proxy, target);
    return proxy;
  }

  private unwrapDeep(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.unwrap(v));
    return this.unwrap(value);
  }

  private wrapResult(result: unknown): unknown {
    if (Array.isArray(result)) return result.map((r) => this.wrapResult(r));
    if (result && typeof result === 'object' && typeof (result as { _className?: unknown })._className === 'string') {
      return this.wrap(result as object, (result as { _className: string })._className);
    }
    return result;
  }
}
