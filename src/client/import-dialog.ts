import type { ImportInput, ImportPreview } from '../shared/rpc';
import { setChildren, field, h } from './dom';
import { decodeCsvBytes } from './decode';
import { closeDialog, server } from './rpc';
import { busyRunner, errorBox, loading, notice } from './ui/feedback';

/** Import contacts: choose a CSV (read here, in the browser), check the column mapping and the preview, import. */
const root = document.getElementById('app')!;
let text = '';
let encodingNotice: string | null = null;
let mapping: (string | null)[] | null = null;
let fillEmpty = false;
let blankBadDates = false;
let dateOrder: 'DMY' | 'MDY' | undefined;

/** A failed import: its message, and the way back to the preview. */
const runner = busyRunner(root, (error) =>
  setChildren(root, errorBox(error), h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => void preview() }, 'Back'), h('button', { type: 'button', onclick: closeDialog }, 'Close'))),
);

function start(message?: unknown): void {
  const file = h('input', { type: 'file', accept: '.csv,text/csv', 'aria-label': 'CSV file' });
  const fill = h('input', { type: 'checkbox', checked: fillEmpty });
  fill.addEventListener('change', () => (fillEmpty = fill.checked));
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const reader = new FileReader();
    reader.onload = () => {
      ({ text, notice: encodingNotice } = decodeCsvBytes(reader.result as ArrayBuffer));
      mapping = null;
      dateOrder = undefined;
      void preview();
    };
    reader.onerror = () => start(new Error(`Could not read ${chosen.name}.`));
    reader.readAsArrayBuffer(chosen);
  });
  setChildren(
    root,
    message ? errorBox(message) : null,
    h('p', {}, 'Choose a CSV file: LinkedIn\'s Connections.csv (Settings ▸ Data privacy ▸ Get a copy of your data), or any list whose first row names the columns.'),
    field('File', file),
    h('label', { class: 'check' }, fill, ' Fill empty cells of contacts already on the sheet'),
    h('p', { class: 'muted' }, 'Nothing is written until you confirm. Existing values are never overwritten.'),
    h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: closeDialog }, 'Cancel')),
  );
}

function input(): ImportInput {
  return { text, mapping, fillEmpty, blankBadDates, dateOrder };
}

async function preview(): Promise<void> {
  setChildren(root, loading('Reading the file…'));
  try {
    render(await server.previewImport(input()));
  } catch (error) {
    start(error);
  }
}

/** When some rows are rejected only for a date, the user may import those people with the date left blank. */
function badDatesChoice(result: ImportPreview): HTMLElement | null {
  if (!blankBadDates && !result.rejected.some((r) => /not a date/.test(r.reason))) return null;
  const box = h('input', { type: 'checkbox', checked: blankBadDates });
  box.addEventListener('change', () => {
    blankBadDates = box.checked;
    void preview();
  });
  return h('label', { class: 'check' }, box, ' Import people whose date cannot be read, with that date left blank');
}

/** Dates like 03/11/2026: said how they read; where the file leaves it open, the user confirms day or month first. */
function dateOrderChoice(result: ImportPreview): HTMLElement | null {
  const dates = result.slashDates;
  if (!dates) return null;
  const [a, b, year] = dates.example.split('/').map(Number);
  const long = (month: number, day: number) => `${new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${day}, ${year}`;
  const readings = { DMY: long(b, a), MDY: long(a, b) };
  if (!dates.open) return h('p', { class: 'muted date-order' }, `Dates like ${dates.example} read ${dates.order === 'DMY' ? 'day first' : 'month first'}: ${readings[dates.order]}.`);
  const option = (order: 'DMY' | 'MDY', label: string) => {
    const radio = h('input', { type: 'radio', name: 'date-order', value: order, checked: dates.order === order });
    radio.addEventListener('change', () => {
      dateOrder = order;
      void preview();
    });
    return h('label', { class: 'check' }, radio, ` ${label}: ${readings[order]}`);
  };
  return h(
    'fieldset',
    { class: 'date-order' },
    h('legend', {}, `Which is ${dates.example}?`),
    option('DMY', 'Day first'),
    option('MDY', 'Month first'),
  );
}

/** What was not imported stays in view, with its file row and reason, to fix in the file. */
function imported(message: string, result: ImportPreview): void {
  setChildren(
    root,
    notice(message),
    result.rejected.length ? h('h2', {}, `${result.rejected.length} not imported`) : null,
    result.rejected.length ? h('ul', { class: 'plain rejected' }, result.rejected.map((r) => h('li', {}, `Row ${r.fileRow} (${r.name}): ${r.reason}`))) : null,
    h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'button', onclick: closeDialog }, 'Close')),
  );
}

function render(result: ImportPreview): void {
  mapping = result.mapping;
  const selects = result.headers.map((header, index) => {
    const select = h(
      'select',
      { 'aria-label': `Column for ${header}` },
      h('option', { value: '', selected: result.mapping[index] === null }, 'Don\'t import'),
      result.columns.map((c) => h('option', { value: c.key, selected: result.mapping[index] === c.key }, c.header)),
    );
    select.addEventListener('change', () => {
      mapping = mapping!.map((key, i) => (i === index ? select.value || null : key));
      void preview();
    });
    return h('tr', {}, h('td', {}, header || `(column ${index + 1})`), h('td', {}, select));
  });
  const importButton = h('button', { class: 'primary', type: 'button', disabled: result.newCount === 0 && !result.present.some((p) => p.fills.length) }, result.newCount === 1 ? 'Import 1 contact' : `Import ${result.newCount} contacts`);
  importButton.addEventListener('click', () => void runner.act(importButton, 'Importing…', async () => imported((await server.runImport(input())).message, result)));
  setChildren(
    root,
    h('p', {}, result.format === 'linkedin' ? 'A LinkedIn export: companies become Institution, positions become Role, Connected On becomes Met on.' : 'A CSV file. Check which Contacts column each file column fills.'),
    h('p', { class: 'muted delimiter' }, result.separatedBy),
    encodingNotice ? h('p', { class: 'warning encoding', role: 'status' }, encodingNotice) : null,
    h('table', { class: 'mapping' }, h('thead', {}, h('tr', {}, h('th', {}, 'In the file'), h('th', {}, 'Goes to'))), h('tbody', {}, selects)),
    result.problems.length ? h('ul', { class: 'warnings' }, result.problems.map((p) => h('li', {}, p))) : null,
    dateOrderChoice(result),
    h('h2', {}, `${result.newCount} new`),
    result.newCount ? h('p', { class: 'muted' }, result.newNames.join(', ') + (result.newCount > result.newNames.length ? ', …' : '')) : null,
    h('h2', {}, `${result.present.length} already on the sheet`),
    result.present.length
      ? h('ul', { class: 'plain' }, result.present.map((p) => h('li', {}, `${p.name} (row ${p.row})`, p.fills.length ? ` — will fill ${p.fills.join(', ')}` : '')))
      : null,
    h('h2', {}, `${result.rejected.length} rejected`),
    result.rejected.length ? h('ul', { class: 'plain' }, result.rejected.map((r) => h('li', {}, `Row ${r.fileRow} (${r.name}): ${r.reason}`))) : null,
    badDatesChoice(result),
    result.warnings.length ? h('ul', { class: 'warnings blanked' }, result.warnings.map((w) => h('li', {}, `Row ${w.fileRow} (${w.name}): ${w.warning}`))) : null,
    h('div', { class: 'buttons' }, importButton, h('button', { type: 'button', onclick: () => start() }, 'Choose another file'), h('button', { type: 'button', onclick: closeDialog }, 'Cancel')),
  );
}

start();
