import { computedColumnFormula, statusRowRule } from '../../src/core/contact-formulas';
import { repairIds, newContactId } from '../../src/core/ids';
import { columnLetter, CONTACTS, headerOfFormula, mapHeaders } from '../../src/core/schema';
import { planSettingsUpgrade, SETTINGS, defaultCadenceRows } from '../../src/core/settings';

describe('mapHeaders', () => {
  test('recognises columns by header or alias, in any order, ignoring case and punctuation', () => {
    const map = mapHeaders(['Organization', 'E-MAIL', 'last contacted', 'First Name', 'Surname', 'Company'], CONTACTS);
    expect(map.index.get('institution')).toBe(0);
    expect(map.index.get('email')).toBe(1);
    expect(map.index.get('lastContact')).toBe(2);
    expect(map.index.get('firstName')).toBe(3);
    expect(map.index.get('lastName')).toBe(4);
    expect(map.missing.map((c) => c.key)).not.toContain('institution');
    expect(map.missing.map((c) => c.key)).toContain('relationship');
  });

  test('the first matching column wins', () => {
    expect(mapHeaders(['Email', 'E-mail'], CONTACTS).index.get('email')).toBe(0);
  });
});

test('headerOfFormula reads the header text from a computed column\'s formula', () => {
  expect(headerOfFormula('={"Status"; FOLLOW_UP_STATUS(K2:K, 45)}')).toBe('Status');
  expect(headerOfFormula('={"Say ""hi"""; X(A2:A)}')).toBe('Say "hi"');
  expect(headerOfFormula('=SUM(A1)')).toBeNull();
});

test('columnLetter', () => {
  expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
});

test('computed formulas refer to columns by where they are now, and settings by name', () => {
  const columns = new Map(CONTACTS.columns.map((c, i) => [c.key, i]));
  const status = CONTACTS.columns.find((c) => c.key === 'status')!;
  expect(computedColumnFormula(status, columns)).toBe(
    '={"Status"; FOLLOW_UP_STATUS(K2:K, {N2:N, G2:G}, TouchpointDueSoonDays, TouchpointAsOf, I2:I, TouchpointCadences, V2:V)}',
  );
  expect(statusRowRule(19, 'Overdue')).toBe('=$T2="Overdue"');
});

describe('ids', () => {
  test('new ids are distinct and avoid taken ones', () => {
    const taken = new Set<string>();
    const ids = Array.from({ length: 1000 }, () => newContactId(taken));
    expect(new Set(ids).size).toBe(1000);
    expect(ids[0]).toMatch(/^c-[a-z2-9]{8}$/);
  });

  test('gives each contact its own id: typed rows get one, a copied row gets a new one, other rows keep theirs', () => {
    const isContact = (row: readonly unknown[]) => row[0] !== '';
    const repair = repairIds(
      [
        ['Ana', 'c-existing'],
        ['', ''],
        ['Ben', ''],
        ['Ana copy', 'c-existing'],
        ['', 'c-orphan'],
      ],
      1,
      isContact,
    );
    expect(repair.column[0]).toEqual(['c-existing']);
    expect(repair.column[1]).toEqual(['']);
    expect(repair.column[2][0]).toMatch(/^c-/);
    expect(repair.column[3][0]).toMatch(/^c-/);
    expect(repair.column[3][0]).not.toBe('c-existing');
    expect(repair.column[4]).toEqual(['c-orphan']);
    expect(repair.added).toBe(1);
    expect(repair.reissued).toEqual([3]);
    expect(new Set(repair.column.flat().filter(Boolean)).size).toBe(4);
  });
});

test('planSettingsUpgrade finds only what is missing', () => {
  const values = [
    ['Setting', 'Value', 'About', '', 'Relationship', 'First', 'Every'],
    ['As of', '', '', '', 'Peer', '', 60],
    ['due soon WINDOW (days)', 3, '', '', '', '', ''],
  ];
  const plan = planSettingsUpgrade(values);
  expect(plan.missingSettings.map((s) => s.key)).toEqual(SETTINGS.map((s) => s.key).filter((k) => k !== 'asOf' && k !== 'dueSoonDays'));
  expect(plan.missingCadences.map((r) => r[0])).toEqual(defaultCadenceRows().map((r) => r[0]).filter((r) => r !== 'Peer'));
});
