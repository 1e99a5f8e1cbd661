/**
 * CSV as spreadsheets and LinkedIn write it (RFC 4180): quoted fields with doubled quotes, commas and newlines
 * inside quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark. Reading never throws on odd text; an
 * unterminated quote is reported with its line.
 */
interface CsvResult {
  rows: string[][];
  /** "Line 12: a quoted field is never closed" and the like. */
  problems: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

export const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

export function describeDelimiter(delimiter: CsvDelimiter | null): string {
  return delimiter ? `Columns separated by ${DELIMITER_NAMES[delimiter]}.` : 'One column (the header has no comma, semicolon or tab).';
}

/** Counts each delimiter outside quotes in one line. */
function delimiterCounts(line: string): Record<CsvDelimiter, number> {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  return counts;
}

/** LinkedIn's Connections.csv has notes above its header; its header line starts with these, always with commas. */
const LINKEDIN_HEADER_LINE = /^\s*"?First Name"?\s*,\s*"?Last Name"?\s*,/i;

/**
 * The delimiter of a CSV, read from its header line: the first non-blank line, or LinkedIn's header below its
 * notes. Excel writes semicolons in comma-decimal locales (de_DE, fr_FR…) and tabs as "Unicode Text". The most
 * frequent outside quotes wins (ties: comma, then semicolon). A header with none has one column: null, and each
 * line is then read whole, commas and all.
 */
export function detectDelimiter(text: string): CsvDelimiter | null {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split(/\r\n|\n|\r/, 50);
  const header = lines.find((line) => LINKEDIN_HEADER_LINE.test(line)) ?? lines.find((line) => line.trim() !== '');
  if (header === undefined) return ',';
  const counts = delimiterCounts(header);
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : null;
}

export function parseCsv(text: string, delimiter: CsvDelimiter | null = ','): CsvResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const problems: string[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  let fieldStarted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      line++;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) problems.push(`Line ${quoteLine}: a quoted field is never closed; the rest of the file was read into it.`);
  if (fieldStarted || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { rows, problems };
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes rows as CSV with CRLF line ends; parseCsv(formatCsv(rows)).rows gives the rows back. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => (row.length === 1 && row[0] === '' ? '""' : row.map(quoteField).join(','))).join('\r\n') + (rows.length ? '\r\n' : '');
}
