/** A1 notation, as Sheets reads it: A1, A1:C3, A:A, A2:C (open-ended), 2:5, Sheet!A1, 'My sheet'!A:A. */
export interface A1Reference {
  sheetName?: string;
  startRow: number; // 1-based
  startColumn: number;
  /** Last row, or null for "to the bottom of the sheet". */
  endRow: number | null;
  endColumn: number | null;
}

export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLettersOf(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function part(text: string): { row: number | null; column: number | null } | null {
  const match = CELL.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  return { column: match[1] ? columnIndexOf(match[1]) : null, row: match[2] ? Number(match[2]) : null };
}

export function parseA1(notation: string): A1Reference | null {
  let text = notation.trim();
  let sheetName: string | undefined;
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  const plain = /^([^!']+)!(.*)$/.exec(text);
  if (quoted) [sheetName, text] = [quoted[1].replace(/''/g, "'"), quoted[2]];
  else if (plain) [sheetName, text] = [plain[1], plain[2]];
  const [from, to, extra] = text.split(':');
  if (extra !== undefined) return null;
  const start = part(from);
  const end = to === undefined ? start : part(to);
  if (!start || !end) return null;
  if (to === undefined && (start.row === null || start.column === null)) return null;
  return {
    sheetName,
    startRow: start.row ?? 1,
    startColumn: start.column ?? 1,
    endRow: end.row,
    endColumn: end.column,
  };
}

export function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  const first = `${columnLettersOf(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return first;
  return `${first}:${columnLettersOf(column + numColumns - 1)}${row + numRows - 1}`;
}
