import fs from 'fs';
import path from 'path';
import type { EmailTemplate } from '../../src/core/default-templates';

/** Default templates as earlier releases shipped them: the first six, and the seven after #10's first review. */
export const shipped = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/shipped-templates.json'), 'utf8')) as {
  first: EmailTemplate[];
  reviewed: EmailTemplate[];
};
