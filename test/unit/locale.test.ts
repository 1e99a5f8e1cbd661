import { headerOfFormula } from '../../src/core/schema';
import { dateOrderOf, formulaSyntaxOf, localiseFormula, usesDecimalComma } from '../../src/core/locale';

const STATUS = '={"Status"; FOLLOW_UP_STATUS(K2:K, {N2:N, G2:G}, TouchpointDueSoonDays, TouchpointAsOf, I2:I)}';

test('comma-decimal locales separate arguments with ";" and array columns with "\\"; array rows stay ";"', () => {
  for (const locale of ['de_DE', 'fr_FR', 'es_ES', 'pt_BR', 'it_IT', 'nl_NL']) {
    expect(formulaSyntaxOf(locale)).toEqual({ argument: ';', arrayColumn: '\\' });
    expect(localiseFormula(STATUS, locale)).toBe('={"Status"; FOLLOW_UP_STATUS(K2:K; {N2:N\\ G2:G}; TouchpointDueSoonDays; TouchpointAsOf; I2:I)}');
  }
  for (const locale of ['en_US', 'en_GB', 'en_IN', 'es_MX', 'ja_JP']) expect(localiseFormula(STATUS, locale)).toBe(STATUS);
  expect(usesDecimalComma('pt_PT')).toBe(true);
  expect(usesDecimalComma('en_AU')).toBe(false);
  expect(['de_CH', 'it_CH', 'es_MX'].map(usesDecimalComma)).toEqual([false, false, false]);
  expect(['hy_AM', 'ka_GE', 'sq_AL', 'mk_MK', 'bs_BA', 'af_ZA', 'fr_CA'].map(usesDecimalComma)).toEqual(Array(7).fill(true));
});

test('text and quoted sheet names keep their commas and semicolons', () => {
  const formula = '=IF(A1="a, b; c", \'My, sheet\'!B2, {1, 2; 3, 4})';
  expect(localiseFormula(formula, 'de_DE')).toBe('=IF(A1="a, b; c"; \'My, sheet\'!B2; {1\\ 2; 3\\ 4})');
  expect(localiseFormula('="say ""hi, there"""', 'de_DE')).toBe('="say ""hi, there"""');
});

test('a header formula written for de_DE is still read back as its header (setup\'s second run adds nothing)', () => {
  expect(headerOfFormula(localiseFormula(STATUS, 'de_DE'))).toBe('Status');
  expect(headerOfFormula(STATUS)).toBe('Status');
});

test('day and month order of dates typed as text, by locale', () => {
  expect(['en_US', 'en_PH'].map(dateOrderOf)).toEqual(['MDY', 'MDY']);
  expect(['es_US', 'it_CH'].map(dateOrderOf)).toEqual(['DMY', 'DMY']);
  expect(['en_CA', 'fr_CA', 'sv_SE', 'en_ZA'].map(dateOrderOf)).toEqual(Array(4).fill('YMD'));
  expect(['en_GB', 'en_IN', 'en_AU', 'de_DE', 'fr_FR', 'es_ES', 'pt_BR'].map(dateOrderOf)).toEqual(Array(7).fill('DMY'));
  expect(['ja_JP', 'zh_CN', 'ko_KR'].map(dateOrderOf)).toEqual(['YMD', 'YMD', 'YMD']);
});
