/**
 * A documented subset of Gmail's search syntax (the `q` of users.messages.list and users.threads.list), parsed and
 * evaluated against the fake mailbox. Gmail itself never rejects a query: whatever it does not read as an operator
 * it searches for as text. The fake cannot search text, so it refuses any query outside its subset instead of
 * answering it wrongly: such a query is a test that must not pass by accident.
 *
 * Supported: from: to: cc: bcc: (a whole address, "@domain" or "me"), after: before: (YYYY/MM/DD, MM/DD/YYYY, or
 * seconds since the epoch), newer_than: older_than: (Nd, Nm, Ny), in: (anywhere inbox sent drafts spam trash
 * chats), is: (unread read starred important chat draft), label: (a label id), AND, OR, {a b} (any of), (a b)
 * (all of), -x (not), and op:(a b) / op:{a b} grouping.
 */
import { midnight } from './time';

export interface SearchableMessage {
  internalDate: number;
  labelIds: readonly string[];
  header(name: string): string;
}

type Node =
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node }
  | { kind: 'term'; op: string; value: string };

type Token = { type: 'open' | 'close' | 'openAny' | 'closeAny' | 'not' | 'or' | 'and' } | { type: 'word'; text: string } | { type: 'opGroup'; op: string };

/** Gmail reads a date in a query as midnight of that day in Pacific time (the filtering guide says "PST"). */
export const GMAIL_QUERY_TIME_ZONE = 'America/Los_Angeles';

const ADDRESS_OPS = new Set(['from', 'to', 'cc', 'bcc']);
const DATE_OPS = new Set(['after', 'before', 'older', 'newer']);
const SUPPORTED_OPS = new Set([...ADDRESS_OPS, ...DATE_OPS, 'newer_than', 'older_than', 'in', 'is', 'label']);
const IN_VALUES: Record<string, string | null> = { anywhere: null, inbox: 'INBOX', sent: 'SENT', drafts: 'DRAFT', draft: 'DRAFT', spam: 'SPAM', trash: 'TRASH', chats: 'CHAT', chat: 'CHAT' };
const IS_VALUES: Record<string, string> = { unread: 'UNREAD', starred: 'STARRED', important: 'IMPORTANT', chat: 'CHAT', draft: 'DRAFT' };

function unsupported(query: string, why: string): Error {
  return new Error(`gas-fake: the Gmail query "${query}" is outside the subset the fake models (${why}). Gmail would not refuse it: it would search for what it does not understand as text, which the fake cannot do. See tools/gas-fake/README.md.`);
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const special = '(){}"';
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(') tokens.push({ type: 'open' });
    else if (ch === ')') tokens.push({ type: 'close' });
    else if (ch === '{') tokens.push({ type: 'openAny' });
    else if (ch === '}') tokens.push({ type: 'closeAny' });
    else if (ch === '-' && i + 1 < query.length && !/\s/.test(query[i + 1])) tokens.push({ type: 'not' });
    else if (ch === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw unsupported(query, 'an unclosed quote');
      tokens.push({ type: 'word', text: query.slice(i, end + 1) });
      i = end + 1;
      continue;
    } else {
      let j = i;
      while (j < query.length && !/\s/.test(query[j]) && !special.includes(query[j])) j++;
      let text = query.slice(i, j);
      if (text.endsWith(':') && (query[j] === '(' || query[j] === '{')) {
        tokens.push({ type: 'opGroup', op: text.slice(0, -1).toLowerCase() });
      } else if (text.endsWith(':') && query[j] === '"') {
        const end = query.indexOf('"', j + 1);
        if (end < 0) throw unsupported(query, 'an unclosed quote');
        text += query.slice(j + 1, end);
        j = end + 1;
        tokens.push({ type: 'word', text });
      } else if (text === 'OR') tokens.push({ type: 'or' });
      else if (text === 'AND') tokens.push({ type: 'and' });
      else tokens.push({ type: 'word', text });
      i = j;
      continue;
    }
    i++;
  }
  return tokens;
}

/** Parses a query; throws on anything outside the subset. An empty query matches everything. */
export function parseGmailQuery(query: string): Node {
  const tokens = tokenize(query);
  let at = 0;
  const peek = () => tokens[at];

  function sequence(defaultOp: string | null, closing: Token['type'] | null): Node {
    const items: Node[] = [];
    while (at < tokens.length && peek().type !== closing) {
      if (peek().type === 'and') {
        at++;
        continue;
      }
      if (['close', 'closeAny'].includes(peek().type)) throw unsupported(query, 'an unbalanced bracket');
      items.push(disjunction(defaultOp));
    }
    if (closing) {
      if (at >= tokens.length) throw unsupported(query, 'an unbalanced bracket');
      at++;
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  function disjunction(defaultOp: string | null): Node {
    const items = [unary(defaultOp)];
    while (peek()?.type === 'or') {
      at++;
      if (at >= tokens.length) throw unsupported(query, 'OR with nothing after it');
      items.push(unary(defaultOp));
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  function unary(defaultOp: string | null): Node {
    const token = tokens[at++];
    switch (token.type) {
      case 'not':
        return { kind: 'not', item: unary(defaultOp) };
      case 'open':
        return sequence(defaultOp, 'close');
      case 'openAny': {
        const inner = sequence(defaultOp, 'closeAny');
        return inner.kind === 'and' ? { kind: 'or', items: inner.items } : inner;
      }
      case 'opGroup': {
        if (!SUPPORTED_OPS.has(token.op)) throw unsupported(query, `the operator "${token.op}:"`);
        const open = tokens[at++];
        const inner = sequence(token.op, open.type === 'openAny' ? 'closeAny' : 'close');
        return open.type === 'openAny' && inner.kind === 'and' ? { kind: 'or', items: inner.items } : inner;
      }
      case 'word':
        return term(token.text, defaultOp);
      default:
        throw unsupported(query, `"${token.type === 'or' ? 'OR' : token.type}" where a term belongs`);
    }
  }

  function term(text: string, defaultOp: string | null): Node {
    const colon = text.indexOf(':');
    let op: string;
    let value: string;
    if (colon > 0 && !text.startsWith('"')) {
      op = text.slice(0, colon).toLowerCase();
      value = text.slice(colon + 1);
    } else if (defaultOp) {
      op = defaultOp;
      value = text;
    } else {
      throw unsupported(query, `the free-text term ${text}`);
    }
    if (!SUPPORTED_OPS.has(op)) throw unsupported(query, `the operator "${op}:"`);
    value = value.replace(/^"|"$/g, '');
    validate(op, value);
    return { kind: 'term', op, value };
  }

  function validate(op: string, value: string): void {
    const lower = value.toLowerCase();
    if (ADDRESS_OPS.has(op) && !(lower === 'me' || /^[^@\s]*@[^@\s]+$/.test(lower))) {
      throw unsupported(query, `${op}:${value} — the fake matches a whole address, "@domain" or "me", not names or words`);
    }
    if (DATE_OPS.has(op) && parseQueryDate(value) === null) throw unsupported(query, `${op}:${value} is not a date Gmail documents (YYYY/MM/DD, MM/DD/YYYY or seconds)`);
    if ((op === 'newer_than' || op === 'older_than') && !/^\d+[dmy]$/i.test(value)) throw unsupported(query, `${op}:${value} — Gmail documents Nd, Nm and Ny`);
    if (op === 'in' && !(lower in IN_VALUES)) throw unsupported(query, `in:${value}`);
    if (op === 'is' && !(lower in IS_VALUES) && lower !== 'read') throw unsupported(query, `is:${value}`);
  }

  return sequence(null, null);
}

/** Seconds since the epoch, or midnight Pacific time of a YYYY/MM/DD or MM/DD/YYYY date, as epoch ms. */
export function parseQueryDate(value: string): number | null {
  if (/^\d{9,}$/.test(value)) return Number(value) * 1000;
  let m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (m) return midnight(Number(m[1]), Number(m[2]), Number(m[3]), GMAIL_QUERY_TIME_ZONE).getTime();
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return midnight(Number(m[3]), Number(m[1]), Number(m[2]), GMAIL_QUERY_TIME_ZONE).getTime();
  return null;
}

/** The addresses in a header such as `"Okafor, Maya" <maya@example.org>, sam@example.org`, lower-cased. */
export function addressesIn(header: string): string[] {
  return (header.match(/[^\s<>",;:()]+@[^\s<>",;:()]+/g) ?? []).map((a) => a.toLowerCase());
}

function subtractPeriod(now: number, value: string): number {
  const n = Number(value.slice(0, -1));
  const unit = value.slice(-1).toLowerCase();
  if (unit === 'd') return now - n * 86_400_000;
  const date = new Date(now);
  if (unit === 'm') date.setUTCMonth(date.getUTCMonth() - n);
  else date.setUTCFullYear(date.getUTCFullYear() - n);
  return date.getTime();
}

export function matchesQuery(node: Node, message: SearchableMessage, context: { userEmail: string; now: number }): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((item) => matchesQuery(item, message, context));
    case 'or':
      return node.items.some((item) => matchesQuery(item, message, context));
    case 'not':
      return !matchesQuery(node.item, message, context);
    case 'term':
      return matchesTerm(node.op, node.value, message, context);
  }
}

function matchesTerm(op: string, value: string, message: SearchableMessage, context: { userEmail: string; now: number }): boolean {
  const lower = value.toLowerCase();
  if (ADDRESS_OPS.has(op)) {
    // to: also finds the addresses in Cc and Bcc, as the Gmail search box does (observed).
    const fields = op === 'to' ? ['To', 'Cc', 'Bcc'] : [op === 'from' ? 'From' : op === 'cc' ? 'Cc' : 'Bcc'];
    const wanted = lower === 'me' ? context.userEmail.toLowerCase() : lower;
    return fields.some((field) => addressesIn(message.header(field)).some((address) => (wanted.startsWith('@') ? address.endsWith(wanted) : address === wanted)));
  }
  const date = message.internalDate;
  switch (op) {
    case 'after':
    case 'newer':
      return date >= parseQueryDate(value)!;
    case 'before':
    case 'older':
      return date < parseQueryDate(value)!;
    case 'newer_than':
      return date >= subtractPeriod(context.now, value);
    case 'older_than':
      return date < subtractPeriod(context.now, value);
    case 'in': {
      const label = IN_VALUES[lower];
      return label === null || message.labelIds.includes(label);
    }
    case 'is':
      return lower === 'read' ? !message.labelIds.includes('UNREAD') : message.labelIds.includes(IS_VALUES[lower]);
    case 'label':
      return message.labelIds.some((id) => id.toLowerCase() === lower);
    default:
      return false;
  }
}
