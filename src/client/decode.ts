/**
 * A CSV file's bytes as text. UTF-8 (with or without a byte-order mark) is the norm; a file that is not valid
 * UTF-8 is almost always Excel's "CSV (Comma delimited)", written in Windows-1252, where "José" is 4A 6F 73 E9.
 * Decoding that as UTF-8 would turn it into "Jos�" without a word, so it is read as Windows-1252 and said so.
 */
interface DecodedFile {
  text: string;
  /** Shown above the preview when the file was not UTF-8. */
  notice: string | null;
}

export function decodeCsvBytes(bytes: ArrayBuffer): DecodedFile {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notice: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      notice: 'This file is not UTF-8, so it was read as Windows-1252 (what Excel\'s "CSV (Comma delimited)" writes). Check that the names below look right; if not, save the file as "CSV UTF-8" and choose it again.',
    };
  }
}
