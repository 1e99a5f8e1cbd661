import { plural } from '../core/text';
import { Day, parseDay } from '../core/dates';
import { describeDelimiter } from '../core/csv';
import { newContactId } from '../core/ids';
import { defaultMapping, IMPORT_COLUMNS, importDateOrder, ImportPlan, ImportRecord, ImportSource, planImport, readImportSource, slashDates } from '../core/import';
import { InputError } from '../core/inputs';
import type { ImportInput, ImportPreview, ImportResult } from '../shared/rpc';
import { actionContext } from './action-context';
import { appendContacts, commitAll, PendingWrite, updateContacts } from './contact-writer';
import type { ContactPatch } from '../core/contacts';
import { ContactsSnapshot, readContactsForAction, readContactsWithIds } from './contacts-sheet';
import { withDocumentLock } from './workbook';

/** Import contacts from a CSV the dialog read in the browser: a preview first, then one batched write. */
const MAX_FILE_CHARACTERS = 20_000_000;

function sourceAndMapping(input: ImportInput): { source: ImportSource; mapping: (string | null)[] } {
  const text = typeof input?.text === 'string' ? input.text : '';
  if (!text.trim()) throw new InputError('The file is empty. Choose a CSV file with a header row.');
  if (text.length > MAX_FILE_CHARACTERS) throw new InputError('The file is too large to import in one go (over 20 MB). Split it, then import each part.');
  const source = readImportSource(text);
  const keys = new Set(IMPORT_COLUMNS.map((c) => c.key));
  const mapping = input.mapping ?? defaultMapping(source.headers);
  if (mapping.length !== source.headers.length || mapping.some((key) => key !== null && !keys.has(key))) {
    throw new InputError('The column choices do not match the file. Choose the file again.');
  }
  if (!mapping.some((key) => key === 'firstName' || key === 'lastName' || key === 'fullName')) {
    throw new InputError('Choose which column holds the names (First name, Last name or Full name), then preview again.');
  }
  return { source, mapping };
}

/** The file's rows sorted into new, present and rejected; the sheet's formulas are read only when filling. */
function plan(snapshot: ContactsSnapshot, input: ImportInput, today: Day) {
  const { source, mapping } = sourceAndMapping(input);
  // Formula cells and formula columns (the snapshot read them with the values) are never filled.
  const withHeader = [snapshot.headerFormulas, ...snapshot.formulas];
  const formulaColumns = snapshot.headers.map((_, c) => c).filter((c) => withHeader.some((row) => row?.[c]));
  const formulas = snapshot.formulas;
  const evidence = slashDates(source, mapping);
  const chosen = input.dateOrder === 'DMY' || input.dateOrder === 'MDY' ? input.dateOrder : undefined;
  const dateOrder = importDateOrder(evidence, chosen, snapshot.dateOrder);
  // Open only when some date reads two ways: 05/05/2026 is the same day either way.
  const [first, second] = evidence ? evidence.example.split('/') : [];
  const slashed = evidence && { example: evidence.example, order: dateOrder, open: evidence.dayFirst === evidence.monthFirst && Number(first) !== Number(second) };
  return { source, mapping, formulas, slashed, plan: planImport(source, mapping, { ...snapshot, formulas, formulaColumns }, snapshot.timeZone, today, input.blankBadDates === true, dateOrder) };
}

export function previewImport(input: ImportInput): ImportPreview {
  const context = actionContext();
  const snapshot = readContactsWithIds(context);
  const { source, mapping, slashed, plan: result } = plan(snapshot, input, context.today);
  const headerOf = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
  return {
    format: source.format,
    separatedBy: describeDelimiter(source.delimiter),
    headers: source.labels,
    mapping,
    columns: IMPORT_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    newCount: result.added.length,
    newNames: result.added.slice(0, 50).map((r) => [r.firstName, r.lastName].filter(Boolean).join(' ') || r.email),
    present: result.present.map((p) => ({ name: p.name, row: p.row, fills: input.fillEmpty ? Object.keys(p.fills).map(headerOf) : [] })),
    rejected: result.rejected,
    warnings: result.warnings,
    problems: source.problems,
    slashDates: slashed,
  };
}

/** An imported record as the writer's fields: dates (ISO in the plan) as days, the rest as they are. */
function fieldsOf(record: ImportRecord, timeZone: string): ContactPatch {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) fields[key] = DATE_KEYS.has(key) ? parseDay(value, timeZone) : value;
  return fields as ContactPatch;
}

const DATE_KEYS = new Set(IMPORT_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.key));

/** New contacts below the last row with data, each with its Contact ID in the same write. */
function appendNew(snapshot: ContactsSnapshot, added: readonly ImportRecord[]): PendingWrite {
  const taken = new Set(snapshot.contacts.map((c) => c.id));
  return appendContacts(snapshot, added.map((record) => ({ ...fieldsOf(record, snapshot.timeZone), id: newContactId(taken) })), 'leave out');
}

/** Empty cells of matched contacts filled from the file. */
function fillEmpty(snapshot: ContactsSnapshot, present: ImportPlan['present']): { write: PendingWrite; filled: number } {
  const changes = present
    .filter((p) => Object.keys(p.fills).length)
    .map((p) => ({ contact: snapshot.contacts.find((c) => c.row === p.row)!, patch: fieldsOf(p.fills, snapshot.timeZone) }));
  const filled = changes.reduce((sum, { patch }) => sum + Object.keys(patch).length, 0);
  return { write: updateContacts(snapshot, changes), filled };
}

export function runImport(input: ImportInput): ImportResult {
  const context = actionContext();
  return withDocumentLock(() => {
    const snapshot = readContactsForAction(context);
    const { plan: result } = plan(snapshot, input, context.today);
    // Both are checked before either is written.
    const fill = input.fillEmpty ? fillEmpty(snapshot, result.present) : null;
    commitAll(appendNew(snapshot, result.added), ...(fill ? [fill.write] : []));
    const filled = fill?.filled ?? 0;
    const parts = [`Imported ${plural(result.added.length, 'new contact')}.`];
    if (result.present.length) parts.push(`${result.present.length} already on the sheet${filled ? `: filled ${plural(filled, 'empty cell')}` : ''}.`);
    if (result.rejected.length) parts.push(`${result.rejected.length} rejected (see the list).`);
    return { added: result.added.length, filled, rejected: result.rejected.length, message: parts.join(' ') };
  });
}
