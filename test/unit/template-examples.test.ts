/** The README's example drafts are what the default templates really write (rendered here, compared there). */
import fs from 'fs';
import path from 'path';
import { DEFAULT_TEMPLATES } from '../../src/core/default-templates';
import { renderTemplate } from '../../src/core/templates';
import { exampleInput } from '../support/template-examples';

const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

test.each(DEFAULT_TEMPLATES.map((t) => [t.name]))('the README shows the %s draft exactly as Touchpoint writes it', (name) => {
  const template = DEFAULT_TEMPLATES.find((t) => t.name === name)!;
  const input = exampleInput(name);
  const rendered = renderTemplate(template, input);
  expect(rendered.missing).toEqual([]);
  expect(rendered.body).not.toMatch(/\[|\{\{/);
  expect(readme).toContain(`**${name}** (to ${input.to})\n\n\`\`\`text\nSubject: ${rendered.subject}\n\n${rendered.body}\n\`\`\``);
});
