import { base64, base64Url, buildMimeMessage, encodeHeaderWords, formatAddress, htmlOfPlainText, utf8Bytes } from '../../src/core/mime';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const wrap = (text: string) => b64(text).match(/.{1,76}/g)!.join('\r\n');

test('UTF-8 and base64 match Node for every kind of character', () => {
  const text = 'ASCII é ñ ü — 中文 😀 🙏🏽 \u0000 end';
  expect(Buffer.from(utf8Bytes(text)).toString('utf8')).toBe(text);
  expect(base64(utf8Bytes(text))).toBe(b64(text));
  for (const n of [0, 1, 2, 3, 4, 5]) expect(base64(utf8Bytes('x'.repeat(n)))).toBe(b64('x'.repeat(n)));
  expect(base64Url('ü?>')).toBe(Buffer.from('ü?>').toString('base64url'));
});

test('headers: ASCII stays, non-ASCII becomes RFC 2047 encoded-words of at most 75 characters, split on whole characters', () => {
  expect(encodeHeaderWords('Thank you')).toBe('Thank you');
  const subject = 'Merci pour tout 🙏 — à bientôt, ' + 'é'.repeat(40);
  const encoded = encodeHeaderWords(subject);
  const words = encoded.split('\r\n ');
  expect(words.length).toBeGreaterThan(1);
  for (const word of words) {
    expect(word.length).toBeLessThanOrEqual(75);
    expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
  }
  const decoded = words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('');
  expect(decoded).toBe(subject);
  for (const w of words) expect(Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).not.toContain('\ufffd');
});

test('addresses: plain, quoted for specials, encoded for non-ASCII', () => {
  expect(formatAddress({ name: 'Maya Okafor', email: 'm@example.org' })).toBe('Maya Okafor <m@example.org>');
  expect(formatAddress({ name: 'Okafor, Maya "MD"', email: 'm@example.org' })).toBe('"Okafor, Maya \\"MD\\"" <m@example.org>');
  expect(formatAddress({ name: 'Élodie Núñez', email: 'e@example.org' })).toBe(`=?UTF-8?B?${b64('Élodie Núñez')}?= <e@example.org>`);
  expect(formatAddress({ name: '', email: 'e@example.org' })).toBe('<e@example.org>');
});

test('the HTML part escapes everything and keeps paragraphs and line breaks', () => {
  expect(htmlOfPlainText('Hi <b>you</b> & "me"\nline two\n\nNew para')).toBe('<p>Hi &lt;b&gt;you&lt;/b&gt; &amp; &quot;me&quot;<br>line two</p>\n<p>New para</p>');
});

test('the whole message, byte for byte', () => {
  const text = 'Dear Élodie,\n\nThank you 🙏\nSam';
  const message = buildMimeMessage({ to: { name: 'Élodie Núñez', email: 'e@example.org' }, subject: 'Merci 🙏', text, boundary: '=_b' });
  const html = '<!DOCTYPE html><html><body><p>Dear Élodie,</p>\n<p>Thank you 🙏<br>Sam</p></body></html>';
  expect(message).toBe(
    [
      'MIME-Version: 1.0',
      `To: =?UTF-8?B?${b64('Élodie Núñez')}?= <e@example.org>`,
      `Subject: =?UTF-8?B?${b64('Merci 🙏')}?=`,
      'Content-Type: multipart/alternative; boundary="=_b"',
      '',
      '--=_b',
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Transfer-Encoding: base64',
      '',
      wrap('Dear Élodie,\r\n\r\nThank you 🙏\r\nSam'),
      '--=_b',
      'Content-Type: text/html; charset="UTF-8"',
      'Content-Transfer-Encoding: base64',
      '',
      wrap(html),
      '--=_b--',
      '',
    ].join('\r\n'),
  );
});

test('header injection through a subject or a name is impossible', () => {
  const message = buildMimeMessage({ to: { name: 'A\r\nBcc: x@evil.example', email: 'a@example.org' }, subject: 'Hi\r\nBcc: y@evil.example', text: 'x', boundary: '=_b' });
  expect(message.split('\r\n').filter((line) => line.startsWith('Bcc'))).toEqual([]);
  expect(() => buildMimeMessage({ to: { name: 'A', email: 'a@example.org\r\nBcc: z@evil.example' }, subject: 's', text: 'x', boundary: '=_b' })).toThrow('is not an email address');
});
