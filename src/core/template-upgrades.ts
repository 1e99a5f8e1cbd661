import { DEFAULT_TEMPLATES, EmailTemplate } from './default-templates';
import { normaliseName } from './text';

/**
 * Bringing a workbook's Templates sheet up to date without touching anything the user wrote: a template whose
 * subject and body are exactly a wording Touchpoint once shipped gets the current wording; an edited one stays.
 * Templates added to the defaults since the workbook was set up are appended once.
 */

/** A short, stable fingerprint of a template's subject and body, blind to line endings and trailing spaces. */
export function templateFingerprint(subject: string, body: string): string {
  const text = `${subject}\n${body}`.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n').trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0') + text.length.toString(16);
}

/**
 * Every wording of a default template that Touchpoint shipped before the current one, by fingerprint, with the
 * name of the template that replaces it. When a default changes, its old fingerprint goes here
 * (test/unit/template-upgrades.test.ts fails until it does).
 */
export const RETIRED_DEFAULTS: Readonly<Record<string, string>> = {
  // The first six, then the seven of the "emails a resident would send" rewrite (#10), then its first review's fixes.
  '50a1b5711e9': 'Thank-you after a rotation',
  'e18dbfdc1bc': 'Post-conference follow-up',
  '09216bc61c7': 'Mentor meeting request',
  '55d40b1619e': 'Pre-conference outreach',
  '124aa701228': 'Letter request',
  'ce509007125': 'Progress update',
  'eb276c391a5': 'Post-conference follow-up',
  '84597d321b5': 'Thank-you after a rotation',
  '9abdacb3163': 'Mentor meeting request',
  '9bca03a510a': 'Progress update',
  '73ff8fae142': 'Thank-you to a letter writer',
  '7fd57a7815f': 'Mentor meeting request',
  // #10's second review: no institution in the rotation thank-you, specific subjects, one "I wanted" in the update.
  'c930161f193': 'Thank-you after a rotation',
  'b24137fe13d': 'Mentor meeting request',
  '2e3771e5112': 'Progress update',
  'a97267d812e': 'Thank-you to a letter writer',
  '8acf4348f4': 'Progress update',
};

/** The default templates a workbook set up before Touchpoint recorded what it offered was given. */
export const FIRST_DEFAULT_NAMES: readonly string[] = [
  'Thank-you after a rotation',
  'Post-conference follow-up',
  'Mentor meeting request',
  'Pre-conference outreach',
  'Letter request',
  'Progress update',
];

interface TemplateUpgrade {
  /** Index into the rows given, and the template that row becomes. */
  replaced: { index: number; template: EmailTemplate }[];
  /** Defaults new since the workbook was set up, to append. */
  added: EmailTemplate[];
  /** Every default name offered so far, to remember for next time. */
  offered: string[];
}

export function planTemplateUpgrade(rows: readonly EmailTemplate[], offeredBefore: readonly string[] | null, defaults: readonly EmailTemplate[] = DEFAULT_TEMPLATES): TemplateUpgrade {
  const byName = new Map(defaults.map((t) => [normaliseName(t.name), t]));
  const replaced: TemplateUpgrade['replaced'] = [];
  rows.forEach((row, index) => {
    const successor = RETIRED_DEFAULTS[templateFingerprint(row.subject, row.body)];
    const template = successor === undefined ? undefined : byName.get(normaliseName(successor));
    const current = template && templateFingerprint(template.subject, template.body) === templateFingerprint(row.subject, row.body);
    if (template && !current && normaliseName(row.name) === normaliseName(template.name)) replaced.push({ index, template });
  });
  const offered = new Set((offeredBefore ?? FIRST_DEFAULT_NAMES).map(normaliseName));
  const present = new Set(rows.map((row) => normaliseName(row.name)));
  const added = defaults.filter((t) => !offered.has(normaliseName(t.name)) && !present.has(normaliseName(t.name)));
  const allOffered = [...new Set([...(offeredBefore ?? FIRST_DEFAULT_NAMES), ...defaults.map((t) => t.name)])];
  return { replaced, added, offered: allOffered };
}
