/** Small pieces of text handling shared across the core: counts and lists in messages, names compared loosely. */

/** "1 day", "3 days". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "A", "A and B", "A, B and C". */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A name as compared: "Career mentor", "career-mentor" and "CAREER MENTOR" are one ("Résumé" is "resume"). */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
