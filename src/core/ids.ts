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

interface IdRepair {
  /** The id column, top to bottom, with a new id for each contact that had none or had a copy of an earlier id. */
  column: string[][];
  /** How many contacts had no id. */
  added: number;
  /** 0-based offsets of rows whose id was a copy of an earlier row's (a copied row): they got a new one. */
  reissued: number[];
}

/**
 * Gives every contact row its own id: a row typed by hand gets one, and a copied row (the later of two rows with
 * the same id) gets a new one, so an action by id always means one person. Ids on other rows are kept as they are.
 */
export function repairIds(rows: readonly (readonly unknown[])[], idColumn: number, isContact: (row: readonly unknown[]) => boolean): IdRepair {
  const idOf = (row: readonly unknown[]) => (isBlank(row[idColumn]) ? '' : String(row[idColumn]).trim());
  const taken = new Set(rows.map(idOf).filter(Boolean));
  const seen = new Set<string>();
  let added = 0;
  const reissued: number[] = [];
  const column = rows.map((row, index) => {
    const id = idOf(row);
    if (!isContact(row)) {
      if (id) seen.add(id);
      return [id];
    }
    if (!id) {
      added++;
      return [newContactId(taken)];
    }
    if (seen.has(id)) {
      reissued.push(index);
      return [newContactId(taken)];
    }
    seen.add(id);
    return [id];
  });
  return { column, added, reissued };
}
