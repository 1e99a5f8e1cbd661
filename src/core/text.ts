/** Small pieces of text handling shared across the core: counts and lists in messages, names compared loosely. */

/** "day" for one, "days" for any other count. */
export function wordFor(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** "1 day", "3 days". */
export function plural(n: number, word: string): string {
  return `${n} ${wordFor(n, word)}`;
}

/** "A", "A and B", "A, B and C". */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A name as compared: "Career mentor", "career-mentor" and "CAREER MENTOR" are one, accents aside ("Résumé" is
 * "resume"). Letters and digits of every script count, so "Спасибо" and "Привет" stay two names.
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Bytes a text takes in UTF-8: what Apps Script's size limits (cache values, properties) count. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one character outside the BMP
      i++;
    } else bytes += 3;
  }
  return bytes;
}
