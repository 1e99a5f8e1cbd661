import { isBlank } from './values';

/** Contact ids: short, stable, never reused, unaffected by sorting. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const ID_LENGTH = 8;

export function newContactId(taken: Set<string>, random: () => number = Math.random): string {
  for (;;) {
    let id = 'c-';
    for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export interface IdFill {
  /** The id column, top to bottom, with new ids where a row with data had none. */
  column: string[][];
  added: number;
  /** 1-based offsets (within the rows given) of rows that share an id with an earlier row. */
  duplicates: number[];
}

/** Gives every row that holds data in one of dataColumns an id, keeping the ids already there. */
export function fillMissingIds(rows: readonly (readonly unknown[])[], idColumn: number, dataColumns: readonly number[]): IdFill {
  const taken = new Set<string>();
  const duplicates: number[] = [];
  rows.forEach((row, index) => {
    const id = String(row[idColumn] ?? '').trim();
    if (!id) return;
    if (taken.has(id)) duplicates.push(index + 1);
    taken.add(id);
  });
  let added = 0;
  const column = rows.map((row) => {
    const id = String(row[idColumn] ?? '').trim();
    if (id) return [id];
    if (!dataColumns.some((c) => !isBlank(row[c]))) return [''];
    added++;
    return [newContactId(taken)];
  });
  return { column, added, duplicates };
}
