/**
 * CSV as spreadsheets and LinkedIn write it (RFC 4180): quoted fields with doubled quotes, commas and newlines
 * inside quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark. Reading never throws on odd text; an
 * unterminated quote is reported with its line.
 */
export interface CsvResult {
  rows: string[][];
  /** "Line 12: a quoted field is never closed" and the like. */
  problems: string[];
}

export function parseCsv(text: string): CsvResult {
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
    } else if (ch === ',') {
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
