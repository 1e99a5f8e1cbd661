/**
 * RFC 2822 messages for Gmail drafts, built byte for byte in plain JavaScript (Apps Script has no TextEncoder
 * or Buffer): UTF-8, RFC 2047 encoded-words for non-ASCII headers, multipart/alternative plain + HTML bodies in
 * base64, and base64url for the Gmail API's `raw` field.
 */
/** A text's UTF-8 bytes; a lone surrogate is encoded as its own three bytes. */
export function utf8Bytes(text: string): number[] {
  const { bytes, length } = utf8Array(text);
  return Array.from(bytes.subarray(0, length));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64(bytes: readonly number[]): string {
  return encodeBytes(bytes, bytes.length, BASE64, '=');
}

/** A text's UTF-8 bytes in a typed array: no per-byte allocation for a long email. */
function utf8Array(text: string): { bytes: Uint8Array; length: number } {
  const bytes = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes[n++] = code;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x800) {
      bytes[n++] = 0xc0 | (code >> 6);
      bytes[n++] = 0x80 | (code & 63);
    } else if (code < 0x10000) {
      bytes[n++] = 0xe0 | (code >> 12);
      bytes[n++] = 0x80 | ((code >> 6) & 63);
      bytes[n++] = 0x80 | (code & 63);
    } else {
      bytes[n++] = 0xf0 | (code >> 18);
      bytes[n++] = 0x80 | ((code >> 12) & 63);
      bytes[n++] = 0x80 | ((code >> 6) & 63);
      bytes[n++] = 0x80 | (code & 63);
    }
  }
  return { bytes, length: n };
}

/**
 * Base64 of the first `length` bytes, with a line break ("\r\n") after every `groupsPerLine` groups of four
 * characters when asked (19 groups: MIME's 76-character lines). Built for speed: a bulk run encodes thousands of emails.
 */
function encodeBytes(bytes: ArrayLike<number>, length: number, alphabet: string, pad: string, groupsPerLine = Infinity): string {
  let out = '';
  let groups = 0;
  let i = 0;
  for (; i + 2 < length; i += 3) {
    if (groups === groupsPerLine) {
      out += '\r\n';
      groups = 0;
    }
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
    groups++;
  }
  if (i < length) {
    if (groups === groupsPerLine) out += '\r\n';
    const two = i + 1 < length;
    const n = (bytes[i] << 16) | (two ? bytes[i + 1] << 8 : 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] + (two ? alphabet[(n >> 6) & 63] : pad) + pad;
  }
  return out;
}

function base64OfText(text: string, alphabet: string, pad: string, groupsPerLine = Infinity): string {
  const { bytes, length } = utf8Array(text);
  return encodeBytes(bytes, length, alphabet, pad, groupsPerLine);
}

/** The Gmail API's `raw`: base64url without padding. */
export function base64Url(text: string): string {
  return base64OfText(text, BASE64_URL, '');
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** RFC 2047 B-encoded words of at most 75 characters each, never splitting a character's UTF-8 bytes. */
export function encodeHeaderWords(text: string): string {
  if (isAscii(text)) return text;
  const words: string[] = [];
  let chunk: number[] = [];
  const maxBytes = 45; // 45 bytes → 60 base64 characters; with "=?UTF-8?B?" and "?=" a word is 72 characters
  for (const char of text) {
    const bytes = utf8Bytes(char);
    if (chunk.length + bytes.length > maxBytes) {
      words.push(`=?UTF-8?B?${base64(chunk)}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length) words.push(`=?UTF-8?B?${base64(chunk)}?=`);
  return words.join('\r\n ');
}

export interface Address {
  name: string;
  email: string;
}

export function formatAddress({ name, email }: Address): string {
  const cleanName = name.replace(/[\r\n]+/g, ' ').trim();
  if (!cleanName) return `<${email}>`;
  if (!isAscii(cleanName)) return `${encodeHeaderWords(cleanName)} <${email}>`;
  const quoted = /[()<>@,;:\\".[\]]/.test(cleanName) ? `"${cleanName.replace(/(["\\])/g, '\\$1')}"` : cleanName;
  return `${quoted} <${email}>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** The plain body as HTML: every character escaped, blank lines as paragraphs, line breaks kept. */
export function htmlOfPlainText(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');
}

function base64Lines(text: string): string {
  return base64OfText(text, BASE64, '=', 19);
}

interface DraftMessage {
  to: Address;
  subject: string;
  text: string;
  /** Separates the parts; must not occur in them. Pass one for reproducible output. */
  boundary: string;
}

export function buildMimeMessage({ to, subject, text, boundary }: DraftMessage): string {
  if (/[\r\n]/.test(to.email) || !/^[^\s<>]+@[^\s<>]+$/.test(to.email)) throw new Error(`"${to.email}" is not an email address`);
  const plain = text.replace(/\r?\n/g, '\r\n');
  const html = `<!DOCTYPE html><html><body>${htmlOfPlainText(text)}</body></html>`;
  return [
    'MIME-Version: 1.0',
    `To: ${formatAddress(to)}`,
    `Subject: ${encodeHeaderWords(subject.replace(/[\r\n]+/g, ' '))}`,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(plain),
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** A boundary that cannot occur in base64 parts ("=_" never appears in base64 text). */
export function newBoundary(random: () => number = Math.random): string {
  return `=_touchpoint_${Math.floor(random() * 1e12).toString(36)}${Math.floor(random() * 1e12).toString(36)}`;
}
