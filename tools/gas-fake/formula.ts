/**
 * A small formula engine: enough of Sheets' language to evaluate what Touchpoint writes and what users type
 * in tests — numbers, "text", TRUE/FALSE, A1 references (with sheet names, open-ended ranges), named ranges,
 * {array; literals}, operators, a handful of built-ins, and custom functions supplied by the script.
 */
import { parseA1, A1Reference } from './a1';
import { midnight, startOfToday } from './time';

export type Scalar = string | number | boolean | Date;
export type Value = Scalar | FormulaError | Value[][];

export class FormulaError {
  constructor(
    readonly code: '#NAME?' | '#REF!' | '#VALUE!' | '#ERROR!' | '#N/A' | '#DIV/0!',
    readonly message: string,
  ) {}
}

type Node =
  | { type: 'literal'; value: Scalar }
  | { type: 'ref'; ref: A1Reference; text: string }
  | { type: 'name'; name: string }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'array'; rows: Node[][] }
  | { type: 'unary'; op: string; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

export interface FormulaHost {
  /** Values of a reference (open ends reaching the sheet's edge), from the sheet named or the formula's own. */
  valuesOf(ref: A1Reference): Value[][] | FormulaError;
  /** A named range's values. */
  namedValues(name: string): Value[][] | FormulaError | undefined;
  customFunction(name: string): ((...args: unknown[]) => unknown) | undefined;
  runCustomFunction(name: string, fn: (...args: unknown[]) => unknown, args: unknown[]): unknown;
  now(): Date;
  timeZone(): string;
  /** The spreadsheet's locale writes decimals with a comma: arguments are separated by ";", array columns by "\\". */
  decimalComma(): boolean;
}

class Parser {
  private pos = 0;
  private readonly argument: string;
  private readonly arrayColumn: string;

  constructor(private readonly text: string, decimalComma = false) {
    this.argument = decimalComma ? ';' : ',';
    this.arrayColumn = decimalComma ? '\\' : ',';
  }

  parse(): Node {
    const node = this.comparison();
    this.space();
    if (this.pos < this.text.length) throw new SyntaxError(`Unexpected "${this.text.slice(this.pos, this.pos + 10)}"`);
    return node;
  }

  private space(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private peek(token: string): boolean {
    this.space();
    return this.text.startsWith(token, this.pos);
  }

  private take(token: string): boolean {
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.take(token)) throw new SyntaxError(`Expected "${token}" at ${this.pos}`);
  }

  private comparison(): Node {
    let left = this.concat();
    for (;;) {
      const op = ['<=', '>=', '<>', '=', '<', '>'].find((o) => this.peek(o));
      if (!op) return left;
      this.pos += op.length;
      left = { type: 'binary', op, left, right: this.concat() };
    }
  }

  private concat(): Node {
    let left = this.additive();
    while (this.take('&')) left = { type: 'binary', op: '&', left, right: this.additive() };
    return left;
  }

  private additive(): Node {
    let left = this.multiplicative();
    for (;;) {
      const op = ['+', '-'].find((o) => this.peek(o));
      if (!op) return left;
      this.pos++;
      left = { type: 'binary', op, left, right: this.multiplicative() };
    }
  }

  private multiplicative(): Node {
    let left = this.unary();
    for (;;) {
      const op = ['*', '/'].find((o) => this.peek(o));
      if (!op) return left;
      this.pos++;
      left = { type: 'binary', op, left, right: this.unary() };
    }
  }

  private unary(): Node {
    if (this.take('-')) return { type: 'unary', op: '-', operand: this.unary() };
    if (this.take('+')) return this.unary();
    return this.primary();
  }

  private primary(): Node {
    this.space();
    const ch = this.text[this.pos];
    if (ch === '(') {
      this.pos++;
      const inner = this.comparison();
      this.expect(')');
      return inner;
    }
    if (ch === '{') return this.array();
    if (ch === '"') return this.string();
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (number && !/^[\d.]+[A-Za-z:]/.test(this.text.slice(this.pos))) {
      this.pos += number[0].length;
      return { type: 'literal', value: Number(number[0]) };
    }
    return this.word();
  }

  private string(): Node {
    const match = /^"((?:[^"]|"")*)"/.exec(this.text.slice(this.pos));
    if (!match) throw new SyntaxError('Unterminated text');
    this.pos += match[0].length;
    return { type: 'literal', value: match[1].replace(/""/g, '"') };
  }

  private array(): Node {
    this.expect('{');
    const rows: Node[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.comparison());
      if (this.take(this.arrayColumn)) continue;
      if (this.take(';')) {
        rows.push([]);
        continue;
      }
      this.expect('}');
      return { type: 'array', rows };
    }
  }

  private word(): Node {
    const rest = this.text.slice(this.pos);
    const match = /^('(?:[^']|'')+'!|[A-Za-z0-9_.]+!)?[$A-Za-z0-9_.]+(:[$A-Za-z0-9]+)?/.exec(rest);
    if (!match) throw new SyntaxError(`Unexpected "${rest.slice(0, 10)}"`);
    this.pos += match[0].length;
    const text = match[0];
    if (!match[1] && !match[2] && this.peek('(')) {
      this.expect('(');
      const args: Node[] = [];
      if (!this.take(')')) {
        do args.push(this.comparison());
        while (this.take(this.argument));
        this.expect(')');
      }
      return { type: 'call', name: text.toUpperCase(), args };
    }
    if (/^(TRUE|FALSE)$/i.test(text)) return { type: 'literal', value: text.toUpperCase() === 'TRUE' };
    const ref = parseA1(text);
    if (ref) return { type: 'ref', ref, text };
    return { type: 'name', name: text };
  }
}

const VOLATILE = new Set(['NOW', 'TODAY', 'RAND', 'RANDBETWEEN']);

function mentionsVolatile(node: Node): boolean {
  switch (node.type) {
    case 'call':
      return VOLATILE.has(node.name) || node.args.some(mentionsVolatile);
    case 'array':
      return node.rows.some((row) => row.some(mentionsVolatile));
    case 'unary':
      return mentionsVolatile(node.operand);
    case 'binary':
      return mentionsVolatile(node.left) || mentionsVolatile(node.right);
    default:
      return false;
  }
}

function isGrid(value: Value): value is Value[][] {
  return Array.isArray(value);
}

function scalarOf(value: Value): Scalar | FormulaError {
  if (!isGrid(value)) return value;
  if (value.length === 1 && value[0].length === 1) return scalarOf(value[0][0]);
  return new FormulaError('#VALUE!', 'An array value could not be found.');
}

function numberOf(value: Scalar): number | FormulaError {
  if (value === '') return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  const n = Number(value);
  return Number.isFinite(n) ? n : new FormulaError('#VALUE!', `"${value}" is text and cannot be read as a number.`);
}

function textOf(value: Scalar): string {
  return value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}

function flatten(values: Value[]): Value[] {
  return values.flatMap((v) => (isGrid(v) ? v.flat() : [v]));
}

/** Copies a custom function argument out of the engine: a single cell is a value, a range a fresh 2-D array. */
function toScriptArgument(value: Value): unknown {
  if (isGrid(value)) {
    if (value.length === 1 && value[0].length === 1) return toScriptArgument(value[0][0]);
    return value.map((row) => row.map((cell) => toScriptArgument(cell)));
  }
  if (value instanceof FormulaError) return value.code;
  if (value instanceof Date) return new Date(value.getTime());
  return value;
}

function fromScriptResult(result: unknown): Value {
  if (result === undefined || result === null) return '';
  if (Array.isArray(result)) {
    const rows = result.every(Array.isArray) ? (result as unknown[][]) : [result];
    return rows.map((row) => row.map((cell) => fromScriptResult(cell) as Scalar));
  }
  if (Object.prototype.toString.call(result) === '[object Date]') return new Date((result as Date).getTime());
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  return String(result);
}

export class FormulaEngine {
  private readonly cache = new Map<string, Node | SyntaxError>();

  constructor(private readonly host: FormulaHost) {}

  evaluate(formula: string): Value {
    const decimalComma = this.host.decimalComma();
    const key = `${decimalComma ? ';' : ','}${formula}`;
    let node = this.cache.get(key);
    if (!node) {
      try {
        node = new Parser(formula.replace(/^=/, ''), decimalComma).parse();
      } catch (error) {
        node = error as SyntaxError;
      }
      this.cache.set(key, node);
    }
    if (node instanceof SyntaxError) return new FormulaError('#ERROR!', `Formula parse error. ${node.message}`);
    return this.eval(node);
  }

  private eval(node: Node): Value {
    switch (node.type) {
      case 'literal':
        return node.value;
      case 'ref': {
        const values = this.host.valuesOf(node.ref);
        if (values instanceof FormulaError) return values;
        return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
      }
      case 'name': {
        const values = this.host.namedValues(node.name);
        if (values === undefined) return new FormulaError('#NAME?', `Unknown range name: '${node.name}'.`);
        if (values instanceof FormulaError) return values;
        return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
      }
      case 'array':
        return this.arrayLiteral(node.rows);
      case 'unary': {
        const operand = scalarOf(this.eval(node.operand));
        if (operand instanceof FormulaError) return operand;
        const n = numberOf(operand);
        return n instanceof FormulaError ? n : -n;
      }
      case 'binary':
        return this.binary(node.op, this.eval(node.left), this.eval(node.right));
      case 'call':
        return this.call(node);
    }
  }

  private arrayLiteral(rows: Node[][]): Value {
    const blocks: Value[][][] = [];
    for (const row of rows) {
      const parts = row.map((n) => this.eval(n)).map((v) => (isGrid(v) ? v : [[v]]));
      const error = parts.flat(2).find((v) => v instanceof FormulaError);
      if (error) return error;
      const height = parts[0].length;
      if (parts.some((p) => p.length !== height)) {
        return new FormulaError('#VALUE!', 'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.');
      }
      blocks.push(Array.from({ length: height }, (_, r) => parts.flatMap((p) => p[r])));
    }
    const width = blocks[0][0]?.length ?? 0;
    if (blocks.some((b) => b.some((r) => r.length !== width))) {
      return new FormulaError('#VALUE!', 'In ARRAY_LITERAL, an Array Literal was missing values for one or more columns.');
    }
    return blocks.flat();
  }

  private binary(op: string, leftValue: Value, rightValue: Value): Value {
    const left = scalarOf(leftValue);
    const right = scalarOf(rightValue);
    if (left instanceof FormulaError) return left;
    if (right instanceof FormulaError) return right;
    if (op === '&') return textOf(left) + textOf(right);
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const a = typeof left === 'string' ? left.toLowerCase() : numberOf(left);
      const b = typeof right === 'string' ? right.toLowerCase() : numberOf(right);
      const cmp = a < b ? -1 : a > b ? 1 : 0;
      return { '=': cmp === 0, '<>': cmp !== 0, '<': cmp < 0, '>': cmp > 0, '<=': cmp <= 0, '>=': cmp >= 0 }[op]!;
    }
    const a = numberOf(left);
    const b = numberOf(right);
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    if (op === '/' && b === 0) return new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
    return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
  }

  private call(node: Extract<Node, { type: 'call' }>): Value {
    const builtin = BUILTINS[node.name];
    if (builtin) return builtin(node.args.map((a) => this.eval(a)), this.host);
    const fn = this.host.customFunction(node.name);
    if (!fn) return new FormulaError('#NAME?', `Unknown function: '${node.name}'.`);
    if (node.args.some(mentionsVolatile)) {
      return new FormulaError('#ERROR!', 'This function is not allowed to reference a cell with NOW(), RAND(), or RANDBETWEEN().');
    }
    const args = node.args.map((a) => this.eval(a));
    try {
      return fromScriptResult(this.host.runCustomFunction(node.name, fn, args.map(toScriptArgument)));
    } catch (error) {
      return new FormulaError('#ERROR!', error instanceof Error ? error.message : String(error));
    }
  }
}

type Builtin = (args: Value[], host: FormulaHost) => Value;

const BUILTINS: Record<string, Builtin> = {
  ARRAYFORMULA: (args) => args[0] ?? '',
  TODAY: (_args, host) => startOfToday(host.now(), host.timeZone()),
  DATE: (args, host) => {
    const parts = args.map((a) => scalarOf(a));
    const error = parts.find((p) => p instanceof FormulaError);
    if (error) return error;
    const [year, month, day] = parts.map((p) => numberOf(p as Scalar)) as number[];
    if ([year, month, day].some((n) => typeof n !== 'number' || !Number.isFinite(n))) return new FormulaError('#VALUE!', 'DATE needs a year, a month and a day.');
    return midnight(year, month, day, host.timeZone());
  },
  NOW: (_args, host) => host.now(),
  IF: (args) => {
    const condition = scalarOf(args[0] ?? false);
    if (condition instanceof FormulaError) return condition;
    return condition && condition !== 0 && condition !== '' ? (args[1] ?? true) : (args[2] ?? false);
  },
  HYPERLINK: (args) => scalarOf(args[1] ?? args[0] ?? ''),
  CONCATENATE: (args) => flatten(args).map((v) => (v instanceof FormulaError ? v.code : textOf(v as Scalar))).join(''),
  SUM: (args) => {
    let total = 0;
    for (const v of flatten(args)) {
      if (v instanceof FormulaError) return v;
      if (typeof v === 'number') total += v;
    }
    return total;
  },
  COUNTA: (args) => flatten(args).filter((v) => v !== '').length,
  LEN: (args) => {
    const v = scalarOf(args[0] ?? '');
    return v instanceof FormulaError ? v : textOf(v).length;
  },
};
