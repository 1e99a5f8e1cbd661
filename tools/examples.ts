/**
 * `npm run examples`: renders each default template for its made-up recipient (test/support/template-examples.ts)
 * and writes the README's "What the drafts say" examples between their markers. The test
 * test/unit/template-examples.test.ts fails when the README and the templates disagree.
 */
import fs from 'fs';
import path from 'path';
import { DEFAULT_TEMPLATES } from '../src/core/default-templates';
import { renderTemplate } from '../src/core/templates';
import { exampleInput } from '../test/support/template-examples';

declare const __ROOT__: string;

const START = '<!-- example-drafts:start -->';
const END = '<!-- example-drafts:end -->';

const blocks = DEFAULT_TEMPLATES.map((template) => {
  const input = exampleInput(template.name);
  const rendered = renderTemplate(template, input);
  return `**${template.name}** (to ${input.to})\n\n\`\`\`text\nSubject: ${rendered.subject}\n\n${rendered.body}\n\`\`\`\n`;
});
const readmePath = path.join(__ROOT__, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
fs.writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n${blocks.join('\n').trim()}\n${readme.slice(end)}`);
console.log(`Wrote ${blocks.length} example drafts into README.md.`);
