import { asOfOption, parseOptions } from '../../tools/cli';

const SPEC = {
  csv: { type: 'string', help: 'FILE' },
  'as-of': { type: 'string', help: 'YYYY-MM-DD' },
  readme: { type: 'boolean', help: '' },
} as const;

describe('dev scripts\' options', () => {
  test('a value after a space or after = is read the same way', () => {
    expect(parseOptions('npm start --', SPEC, ['--as-of', '2026-11-22'])['as-of']).toBe('2026-11-22');
    expect(parseOptions('npm start --', SPEC, ['--as-of=2026-11-22', '--csv=a.csv'])).toEqual({ 'as-of': '2026-11-22', csv: 'a.csv' });
    expect(parseOptions('npm start --', SPEC, ['--readme']).readme).toBe(true);
  });

  test('a misspelt option stops with the usage instead of being ignored', () => {
    expect(() => parseOptions('npm start --', SPEC, ['--csvv', 'a.csv'])).toThrow(/--csvv[\s\S]*usage: npm start -- \[options\][\s\S]*--csv FILE/);
  });

  test('an option missing its value, or a stray word, is refused', () => {
    expect(() => parseOptions('npm start --', SPEC, ['--csv'])).toThrow(/--csv/);
    expect(() => parseOptions('npm start --', SPEC, ['2026-11-22'])).toThrow(/2026-11-22/);
  });
});

test('--as-of is that calendar day in the spreadsheet\'s time zone, however far from UTC', () => {
  const dayIn = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant);
  for (const zone of ['Pacific/Kiritimati', 'Pacific/Auckland', 'Asia/Kolkata', 'America/New_York', 'Pacific/Pago_Pago', 'UTC']) {
    expect(dayIn(asOfOption('2026-11-22', zone)!, zone)).toBe('2026-11-22');
  }
  expect(() => asOfOption('2026-02-30', 'UTC')).toThrow('is not a date like 2026-11-22');
});
