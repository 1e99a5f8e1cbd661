/**
 * What a spreadsheet's locale changes for Touchpoint: formula separators (comma-decimal locales separate
 * arguments with ";" and array columns with "\") and the order of day and month in dates typed as text.
 * Locales are Sheets' ids, e.g. "en_US", "de_DE", "pt_BR".
 */

/**
 * Languages whose Sheets locales write decimals with a comma. A guess for a locale not listed is caught by setup,
 * which reads each formula back and writes it in the other syntax if Sheets cannot read it.
 */
const DECIMAL_COMMA_LANGUAGES = new Set([
  'de', 'fr', 'es', 'pt', 'it', 'nl', 'ru', 'pl', 'cs', 'sk', 'da', 'fi', 'nb', 'nn', 'no', 'sv', 'tr', 'uk', 'el',
  'hu', 'ro', 'bg', 'hr', 'sl', 'sr', 'lt', 'lv', 'et', 'id', 'vi', 'ca', 'eu', 'gl', 'az', 'kk', 'be', 'is', 'ky',
  'hy', 'ka', 'sq', 'mk', 'bs', 'af',
]);
/** Countries that write decimals with a point although their language elsewhere uses a comma. */
const DECIMAL_POINT_COUNTRIES = new Set(['MX', 'US', 'PR', 'DO', 'GT', 'HN', 'NI', 'PA', 'SV', 'PE', 'CH']);

function parts(locale: string): { language: string; country: string } {
  const [language = '', country = ''] = String(locale || 'en_US').split(/[_-]/);
  return { language: language.toLowerCase(), country: country.toUpperCase() };
}

export function usesDecimalComma(locale: string): boolean {
  const { language, country } = parts(locale);
  if (DECIMAL_POINT_COUNTRIES.has(country) && ['es', 'de', 'it', 'fr'].includes(language)) return false;
  return DECIMAL_COMMA_LANGUAGES.has(language) || (language === 'en' && country === 'ZA');
}

interface FormulaSyntax {
  /** Between a function's arguments. */
  argument: ',' | ';';
  /** Between the columns of an {array literal}; rows are always separated by ";". */
  arrayColumn: ',' | '\\';
}

export const CANONICAL_SYNTAX: FormulaSyntax = { argument: ',', arrayColumn: ',' };

export function formulaSyntaxOf(locale: string): FormulaSyntax {
  return usesDecimalComma(locale) ? { argument: ';', arrayColumn: '\\' } : CANONICAL_SYNTAX;
}

/**
 * Rewrites the separators of a formula from one syntax to another, outside "text" and 'sheet names': each
 * separator is read by what encloses it (a function's parentheses or an array's braces).
 */
export function convertFormula(formula: string, from: FormulaSyntax, to: FormulaSyntax): string {
  if (from.argument === to.argument && from.arrayColumn === to.arrayColumn) return formula;
  const enclosing: ('(' | '{')[] = [];
  let out = '';
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = formula.indexOf(ch, i + 1) < 0 ? formula.length : closingQuote(formula, i);
      out += formula.slice(i, end + 1);
      i = end;
      continue;
    }
    const inside = enclosing[enclosing.length - 1];
    if (ch === '(' || ch === '{') enclosing.push(ch);
    else if (ch === ')' || ch === '}') enclosing.pop();
    else if (inside === '{' && ch === from.arrayColumn) {
      out += to.arrayColumn;
      continue;
    } else if (inside !== '{' && ch === from.argument) {
      out += to.argument;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Index of the quote closing the one at `start` ("" or '' inside is an escaped quote). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) i++;
    else return i;
  }
  return text.length - 1;
}

/** The other syntax than the locale's: the retry when Sheets cannot read a formula, and what a mismatch looks like. */
export function otherSyntaxOf(locale: string): FormulaSyntax {
  return usesDecimalComma(locale) ? CANONICAL_SYNTAX : { argument: ';', arrayColumn: '\\' };
}

/** Whether a formula's separators are another locale's (e.g. "," between arguments in a de_DE sheet). */
export function writtenForOtherLocale(formula: string, locale: string): boolean {
  return convertFormula(formula, otherSyntaxOf(locale), formulaSyntaxOf(locale)) !== formula;
}

/** A formula as the spreadsheet's locale writes it, from Touchpoint's canonical (en_US) form. */
export function localiseFormula(formula: string, locale: string): string {
  return convertFormula(formula, CANONICAL_SYNTAX, formulaSyntaxOf(locale));
}

/** The order of day and month in a date typed as text, e.g. 03/11/2026. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

const MONTH_FIRST_COUNTRIES = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'BZ']);
const YEAR_FIRST_LANGUAGES = new Set(['zh', 'ja', 'ko', 'hu', 'lt', 'mn']);
const YEAR_FIRST_LOCALES = new Set(['en_CA', 'fr_CA', 'sv_SE', 'en_ZA']);

export function dateOrderOf(locale: string): DateOrder {
  const { language, country } = parts(locale);
  if (YEAR_FIRST_LANGUAGES.has(language) || YEAR_FIRST_LOCALES.has(`${language}_${country}`)) return 'YMD';
  if (MONTH_FIRST_COUNTRIES.has(country) && language !== 'es') return 'MDY';
  return 'DMY';
}
