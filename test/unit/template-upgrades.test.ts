import { shipped } from '../support/shipped-templates';
import { DEFAULT_TEMPLATES, EmailTemplate } from '../../src/core/default-templates';
import { FIRST_DEFAULT_NAMES, planTemplateUpgrade, RETIRED_DEFAULTS, templateFingerprint } from '../../src/core/template-upgrades';

const fingerprints = (list: readonly EmailTemplate[]) => list.map((t) => templateFingerprint(t.subject, t.body));

test('the current defaults are the wordings this test knows: a changed default needs its old fingerprint retired', () => {
  // When this fails because you reworded a default, add the old fingerprint printed here to RETIRED_DEFAULTS
  // (so workbooks with the untouched old wording get the new one), then update this list.
  expect(Object.fromEntries(DEFAULT_TEMPLATES.map((t) => [t.name, templateFingerprint(t.subject, t.body)]))).toEqual({
    'Thank-you after a rotation': '56cf5748176',
    'Post-conference follow-up': '226c7a76196',
    'Mentor meeting request': '381cd59f146',
    'Pre-conference outreach': 'ed22e743181',
    'Letter request': '67f3ac8b234',
    'Progress update': 'ca0fc186da',
    'Thank-you to a letter writer': '46ca55db13f',
    'Catch-up': '6c209423102',
    'Letter reminder': 'f65a2f7c158',
  });
  for (const current of fingerprints(DEFAULT_TEMPLATES)) expect(RETIRED_DEFAULTS[current]).toBeUndefined();
});

test('every wording Touchpoint shipped is known, and names a current default', () => {
  const names = new Set(DEFAULT_TEMPLATES.map((t) => t.name));
  for (const template of [...shipped.first, ...shipped.reviewed]) {
    const fingerprint = templateFingerprint(template.subject, template.body);
    if (fingerprints(DEFAULT_TEMPLATES).includes(fingerprint)) continue;
    expect([template.name, RETIRED_DEFAULTS[fingerprint]]).toEqual([template.name, template.name]);
  }
  for (const successor of Object.values(RETIRED_DEFAULTS)) expect(names.has(successor)).toBe(true);
});

test('fingerprints ignore line endings and trailing spaces, not words', () => {
  const body = 'Dear {{Salutation}},\n\nThank you.';
  expect(templateFingerprint('Hi', body)).toBe(templateFingerprint('Hi', body.replace(/\n/g, '\r\n').replace(',', ',  ')));
  expect(templateFingerprint('Hi', body)).not.toBe(templateFingerprint('Hi', body.replace('Thank you.', 'Thanks.')));
});

test('a workbook from the first release: untouched defaults get the new wording, an edited one stays, the new template is added', () => {
  const rows: EmailTemplate[] = shipped.first.map((t) => ({ ...t }));
  rows[1] = { ...rows[1], body: `${rows[1].body}\nP.S. My own line.` }; // the user edited Post-conference follow-up
  rows.push({ name: 'My own template', whenToUse: '', subject: 'Hello', body: 'Hi {{First name}}' });
  const plan = planTemplateUpgrade(rows, null);
  const replacedNames = plan.replaced.map((r) => rows[r.index].name);
  expect(replacedNames).toEqual(['Thank-you after a rotation', 'Mentor meeting request', 'Pre-conference outreach', 'Letter request', 'Progress update']);
  // A workbook from the reviewed release gets the later rewordings too.
  expect(planTemplateUpgrade(shipped.reviewed, null).replaced.map((r) => r.template.name)).toEqual(['Thank-you after a rotation', 'Mentor meeting request', 'Progress update', 'Thank-you to a letter writer']);
  for (const { index, template } of plan.replaced) expect(template).toEqual(DEFAULT_TEMPLATES.find((t) => t.name === rows[index].name));
  expect(plan.added.map((t) => t.name)).toEqual(['Thank-you to a letter writer', 'Catch-up', 'Letter reminder']);
  expect(plan.offered).toEqual(expect.arrayContaining(DEFAULT_TEMPLATES.map((t) => t.name)));
});

test('a second run changes nothing, and a default the user deleted is not put back', () => {
  const first = planTemplateUpgrade(shipped.reviewed, null);
  const upgraded = shipped.reviewed.map((t, i) => first.replaced.find((r) => r.index === i)?.template ?? t);
  const again = planTemplateUpgrade(upgraded, first.offered);
  expect(again.replaced).toEqual([]);
  expect(again.added).toEqual([]);
  const withoutLetterThanks = upgraded.filter((t) => t.name !== 'Thank-you to a letter writer');
  expect(planTemplateUpgrade(withoutLetterThanks, first.offered).added).toEqual([]);
  expect(FIRST_DEFAULT_NAMES).not.toContain('Thank-you to a letter writer');
});

test('an old wording under a name the user changed is the user\'s now, and stays', () => {
  const renamed = { ...shipped.first[0], name: 'Rotation thanks (mine)' };
  expect(planTemplateUpgrade([renamed], DEFAULT_TEMPLATES.map((t) => t.name)).replaced).toEqual([]);
});
