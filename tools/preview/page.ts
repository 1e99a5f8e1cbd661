/** The preview page: the workbook as Sheets would show it, the Touchpoint menu, the real sidebar, and the drafts. */
import { h, setChildren } from '../../src/client/dom';
import type { MenuEvents, PreviewState as State, SheetView } from './types';

let state: State;
let activeSheet = '';
let selection: { first: number; last: number } | null = null;

const root = document.getElementById('preview')!;
const menuButton = h('button', { id: 'menu-button', type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, 'Extensions ▸ Touchpoint ▾');
const menuList = h('ul', { id: 'menu', role: 'menu', hidden: true });
const toast = h('div', { id: 'toast', role: 'status', hidden: true });
const tabs = h('nav', { id: 'tabs', 'aria-label': 'Sheets' });
const grid = h('div', { id: 'grid' });
const drafts = h('section', { id: 'drafts', 'aria-label': 'Gmail drafts' });
const sidebar = h('aside', { id: 'sidebar', hidden: true, 'aria-label': 'Sidebar' });
const overlay = h('div', { id: 'overlay', hidden: true });

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(json.message ?? response.statusText);
  return json as T;
}

function showAlert(title: string, message: string): void {
  const ok = h('button', { type: 'button', class: 'primary' }, 'OK');
  const box = h('div', { class: 'modal alert', role: 'alertdialog', 'aria-label': title || 'Message' }, title ? h('h2', {}, title) : null, h('pre', {}, message), ok);
  setChildren(overlay, box);
  overlay.hidden = false;
  ok.addEventListener('click', () => (overlay.hidden = true));
  ok.focus();
}

function openFrame(kind: 'sidebar' | 'dialog', index: number, title: string): void {
  const frame = h('iframe', { id: `${kind}-frame`, src: `/frame/${index}`, title });
  if (kind === 'sidebar') {
    const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close sidebar' }, '×');
    close.addEventListener('click', () => (sidebar.hidden = true));
    setChildren(sidebar, h('div', { class: 'bar' }, h('span', {}, title), close), frame);
    sidebar.hidden = false;
  } else {
    const close = h('button', { type: 'button', class: 'close', 'aria-label': `Close ${title}` }, '×');
    close.addEventListener('click', closeOverlay);
    setChildren(overlay, h('div', { class: 'modal dialog', role: 'dialog', 'aria-label': title }, h('div', { class: 'bar' }, h('span', {}, title), close), frame));
    overlay.hidden = false;
  }
}

/** Closes a dialog or alert, as Sheets does on ×, Escape or a click outside it; the page shows what changed. */
function closeOverlay(): void {
  if (overlay.hidden) return;
  overlay.hidden = true;
  void refresh();
}

function closeMenu(): void {
  menuList.hidden = true;
  menuButton.setAttribute('aria-expanded', 'false');
}

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  closeMenu();
  closeOverlay();
});

document.addEventListener('click', (event) => {
  const target = event.target as Node;
  if (!menuList.hidden && !menuList.contains(target) && !menuButton.contains(target)) closeMenu();
  if (target === overlay) closeOverlay(); // the dimmed backdrop, not the dialog
});

async function runMenu(run: string, caption: string): Promise<void> {
  menuList.hidden = true;
  menuButton.setAttribute('aria-expanded', 'false');
  try {
    const { events, state: next } = await api<{ events: MenuEvents; state: State }>('POST', '/api/menu', { run });
    state = next;
    render();
    if (events.sidebar !== undefined) openFrame('sidebar', events.sidebar, 'Touchpoint');
    if (events.dialog !== undefined) openFrame('dialog', events.dialog, caption);
    for (const alert of events.alerts) showAlert(alert.title, alert.prompt);
  } catch (error) {
    showAlert('Error', error instanceof Error ? error.message : String(error));
  }
}

function renderMenu(): void {
  const menu = state.menus[0];
  setChildren(
    menuList,
    menu?.items.map((item) =>
      item
        ? h('li', { role: 'none' }, h('button', { type: 'button', role: 'menuitem', class: 'menu-item', onclick: () => void runMenu(item.run, item.caption) }, item.caption))
        : h('li', { role: 'separator', class: 'separator' }),
    ),
  );
}

/** An edit in the grid changes what the sidebar should show: reload it, as reopening it in Sheets would. */
function reloadSidebar(): void {
  const frame = document.getElementById('sidebar-frame') as HTMLIFrameElement | null;
  if (frame && !sidebar.hidden) frame.contentWindow?.location.reload();
}

async function saveCell(sheet: string, row: number, column: number, value: string): Promise<void> {
  try {
    state = await api<State>('POST', '/api/cell', { sheet, row, column, value });
    render();
    reloadSidebar();
  } catch (error) {
    showAlert('Could not save', error instanceof Error ? error.message : String(error));
  }
}

/**
 * The cell editor, as in Sheets: Enter or Tab saves, Escape cancels, and Alt+Enter or Ctrl+Enter inserts a line break,
 * so a template's body is edited with its lines intact.
 */
function editCell(td: HTMLTableCellElement, view: SheetView, row: number, column: number): void {
  const current = view.rows[row - 1]?.cells[column - 1] ?? '';
  const options = row > 1 ? view.columns[column - 1].options : null;
  const input = options
    ? h('select', {}, h('option', { value: current }, current || '—'), options.filter((o) => o !== current).map((o) => h('option', { value: o }, o)))
    : h('textarea', { rows: Math.min(current.split('\n').length, 12), spellcheck: false }, current);
  let done = false;
  const finish = (commit: boolean) => {
    if (done) return;
    done = true;
    if (commit && input.value !== current) void saveCell(view.name, row, column, input.value);
    else render();
  };
  input.addEventListener('keydown', (event) => {
    const { key, altKey, ctrlKey, metaKey } = event as KeyboardEvent;
    if (key === 'Enter' && (altKey || ctrlKey || metaKey) && input instanceof HTMLTextAreaElement) {
      event.preventDefault();
      input.setRangeText('\n', input.selectionStart, input.selectionEnd, 'end');
      input.rows = Math.min(input.value.split('\n').length, 12);
    } else if (key === 'Enter' || key === 'Tab') {
      event.preventDefault();
      finish(true);
    } else if (key === 'Escape') {
      event.stopPropagation();
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
  if (options) input.addEventListener('change', () => finish(true));
  setChildren(td, input);
  td.classList.add('editing');
  input.focus();
}

async function selectRow(view: SheetView, row: number, extend: boolean): Promise<void> {
  selection = extend && selection ? { first: Math.min(selection.first, row), last: Math.max(selection.last, row) } : { first: row, last: row };
  await api('POST', '/api/select', { sheet: view.name, row: selection.first, lastRow: selection.last });
  renderGrid();
}

function renderGrid(): void {
  const view = state.sheets.find((s) => s.name === activeSheet) ?? state.sheets[0];
  const visible = view.columns.map((c, i) => ({ ...c, index: i + 1 })).filter((c) => !c.hidden);
  const header = h('tr', {}, h('th', { class: 'corner' }), visible.map((c) => h('th', { class: c.computed ? 'computed' : undefined }, c.letter)));
  const body = view.rows.map((line) =>
    h(
      'tr',
      { class: line.row <= view.frozenRows ? (line.row === view.frozenRows ? 'frozen last' : 'frozen') : undefined, style: line.background ? `background:${line.background}` : undefined },
      h('th', { class: selection && line.row >= selection.first && line.row <= selection.last ? 'row selected' : 'row', onclick: (e: Event) => void selectRow(view, line.row, (e as MouseEvent).shiftKey) }, String(line.row)),
      visible.map((c) => {
        const td = h('td', { 'data-cell': `${view.name}!${c.letter}${line.row}`, title: line.notes[c.index - 1] || undefined, class: c.computed ? 'computed' : undefined }, line.cells[c.index - 1] ?? '');
        if (!c.computed || line.row > 1) td.addEventListener('dblclick', () => !c.computed && editCell(td, view, line.row, c.index));
        return td;
      }),
    ),
  );
  setChildren(grid, h('table', { 'aria-label': view.name }, h('thead', {}, header), h('tbody', {}, body)));
  stackFrozenRows();
}

/** Frozen rows stick below the column letters, each below the one before, at their rendered heights. */
function stackFrozenRows(): void {
  let top = grid.querySelector('thead tr')?.getBoundingClientRect().height ?? 0;
  for (const row of Array.from(grid.querySelectorAll<HTMLTableRowElement>('tr.frozen'))) {
    for (const cell of Array.from(row.children)) (cell as HTMLElement).style.top = `${top}px`;
    top += row.getBoundingClientRect().height;
  }
}

/** Send or delete a draft as one would in Gmail, to try what the sidebar does next ("Sent? Log it"). */
function gmailActions(id: string): HTMLElement {
  const act = (label: string, done: string) =>
    h('button', {
      type: 'button',
      onclick: async () => {
        state = await api<State>('POST', '/api/gmail', { id });
        render();
        reloadSidebar();
        showAlert('Gmail', done);
      },
    }, label);
  return h('div', { class: 'gmail-actions' }, act('Send (in Gmail)', 'Sent from Gmail: the draft left the drafts list. The sidebar now asks "Sent? Log it".'), act('Delete', 'Deleted in Gmail.'));
}

function renderDrafts(): void {
  setChildren(
    drafts,
    h('h2', {}, `Gmail drafts (${state.drafts.length})`),
    state.drafts.length
      ? h('ol', {}, state.drafts.map((d) => h('li', { class: 'draft', 'data-id': d.id }, h('div', { class: 'to' }, 'To: ', d.to), h('div', { class: 'subject' }, d.subject), h('pre', {}, d.text), gmailActions(d.id))))
      : h('p', { class: 'muted' }, 'No drafts yet. Draft an email from the sidebar, or use the menu.'),
  );
}

function render(): void {
  setChildren(tabs, state.sheets.map((s) => h('button', { type: 'button', class: s.name === activeSheet ? 'tab active' : 'tab', 'aria-pressed': s.name === activeSheet, onclick: () => { activeSheet = s.name; selection = null; render(); grid.scrollTo(0, 0); } }, s.name)));
  renderMenu();
  renderGrid();
  renderDrafts();
  showToast();
}

let toastsShown = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** A new toast shows for its timeout (5 s by default, as in Sheets), then fades away. */
function showToast(): void {
  if (!state.toast || state.toastCount === toastsShown) return;
  toastsShown = state.toastCount;
  clearTimeout(toastTimer);
  toast.classList.remove('fading');
  toast.hidden = false;
  setChildren(toast, state.toast.message);
  const seconds = state.toast.timeoutSeconds && state.toast.timeoutSeconds > 0 ? state.toast.timeoutSeconds : 5;
  toastTimer = setTimeout(() => {
    toast.classList.add('fading');
    toastTimer = setTimeout(() => (toast.hidden = true), 400);
  }, seconds * 1000);
}

let lastSelected = '';

async function refresh(): Promise<void> {
  state = await api<State>('GET', '/api/state');
  if (!state.sheets.some((s) => s.name === activeSheet)) activeSheet = state.active;
  // A selection the add-on made (Go to row) shows in the grid, on its sheet, as Sheets would show it.
  const selected = state.selected ? `${state.active}!${state.selected.first}:${state.selected.last}` : '';
  if (selected && selected !== lastSelected) {
    activeSheet = state.active;
    selection = state.selected;
  }
  lastSelected = selected;
  render();
  if (selection) document.querySelector(`th.row.selected`)?.scrollIntoView({ block: 'nearest' });
}

window.addEventListener('message', (event) => {
  const kind = (event.data as { touchpoint?: string })?.touchpoint;
  if (kind === 'changed') void refresh();
  if (kind === 'close') overlay.hidden = true;
  const dialogFrame = document.getElementById('dialog-frame') as HTMLIFrameElement | null;
  if (kind === 'escape' && dialogFrame && event.source === dialogFrame.contentWindow) closeOverlay();
});

menuButton.addEventListener('click', () => {
  menuList.hidden = !menuList.hidden;
  menuButton.setAttribute('aria-expanded', String(!menuList.hidden));
});

setChildren(
  root,
  h('header', {}, h('h1', {}, 'Touchpoint preview'), h('div', { class: 'menu' }, menuButton, menuList), toast),
  h('div', { class: 'workspace' }, h('main', {}, tabs, grid, drafts), sidebar),
  overlay,
);
void refresh();
