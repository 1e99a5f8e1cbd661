/**
 * Counts every call a script makes into the fake services, by "Class.method", as Apps Script would bill them:
 * each is a round-trip to Google's servers. Objects handed to the script are counting proxies around the fake's
 * own objects; the fake calls its own objects directly, so internal work is never counted.
 */
export const SHEET_CLASSES = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'NamedRange'] as const;

type Bucket = 'script' | 'customFunction';

/** Names of methods that change a document; custom functions may not call them. */
/** Calls that need the user's authorisation: a custom function runs without it, so Sheets refuses them. */
const NEEDS_AUTHORISATION = /^(Gmail\.|Calendar\.|MailApp\.|ScriptApp\.|Ui\.|Session\.get(Active|Effective)User|SpreadsheetApp\.(getUi|openById|openByUrl)|HtmlService\.)/;
const MUTATING = /^(set|insert|delete|append|clear|hide|show|sort|add|remove|activate|toast|create|copy|move|merge|protect|flush)/;

export class CallCounter {
  private readonly buckets: Record<Bucket, Map<string, number>> = { script: new Map(), customFunction: new Map() };
  private bucket: Bucket = 'script';
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();
  /** While true, calls are made from a custom function: document changes are refused, as in Sheets. */
  inCustomFunction = false;

  record(name: string): void {
    const counts = this.buckets[this.bucket];
    counts.set(name, (counts.get(name) ?? 0) + 1);
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
    this.buckets.script.clear();
    this.buckets.customFunction.clear();
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
          counter.record(name);
          if (counter.inCustomFunction && MUTATING.test(property) && !className.endsWith('Builder')) {
            throw new Error(`Exception: You do not have permission to call ${name}. Custom functions can only read.`);
          }
          if (counter.inCustomFunction && NEEDS_AUTHORISATION.test(name)) {
            throw new Error(`Exception: You do not have permission to call ${name}.`);
          }
          const result = value.apply(raw, args.map((a) => counter.unwrapDeep(a)));
          return counter.wrapResult(result);
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
