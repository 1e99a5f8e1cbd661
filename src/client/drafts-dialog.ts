import type { BulkDraftChoice, BulkDraftPlan, BulkDraftSummary } from '../shared/rpc';
import { setChildren, field, h, options } from './dom';
import { closeDialog, server } from './rpc';
import { busyRunner, errorBox, loading, notice } from './ui/feedback';

/** The "Draft follow-ups" dialog: choose a template, see who gets a draft and who is skipped, create, then a summary. */
const root = document.getElementById('app')!;
const scope = (document.body.dataset.scope === 'selected' ? 'selected' : 'overdue') as BulkDraftChoice['scope'];
let template: string | null = null;
const runner = busyRunner(root, showError);

function listOf(items: { name: string; detail: string }[]): HTMLElement {
  return h('ul', { class: 'plain' }, items.map((i) => h('li', {}, h('strong', {}, i.name), ' — ', i.detail)));
}

function showError(error: unknown): void {
  setChildren(
    root,
    errorBox(error),
    h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => void load() }, 'Try again'), h('button', { type: 'button', onclick: closeDialog }, 'Close')),
  );
}

function renderPlan(plan: BulkDraftPlan): void {
  const choose = h(
    'select',
    { onchange: () => { template = choose.value || null; void load(); } },
    ...options(plan.templates, template ?? '', 'Suggested for each contact'),
  );
  const count = plan.toDraft.length;
  const create = h('button', { class: 'primary', type: 'button', disabled: count === 0 }, count === 1 ? 'Create 1 draft' : `Create ${count} drafts`);
  create.addEventListener('click', () => void runner.act(create, 'Creating drafts…', async () => renderSummary(await server.runBulkDrafts({ scope, template }))));
  setChildren(
    root,
    field('Template', choose),
    h('h2', {}, count ? `${count} draft${count > 1 ? 's' : ''} will be created` : 'No drafts to create'),
    count ? listOf(plan.toDraft.map((d) => ({ name: d.name, detail: d.template }))) : null,
    plan.skipped.length ? h('h2', {}, `Skipped (${plan.skipped.length})`) : null,
    plan.skipped.length ? listOf(plan.skipped.map((s) => ({ name: s.name, detail: s.reason }))) : null,
    h('p', { class: 'muted' }, 'Drafts go to your Gmail Drafts folder. Nothing is sent.'),
    h('div', { class: 'buttons' }, create, h('button', { type: 'button', onclick: closeDialog }, 'Cancel')),
  );
}

function renderSummary(summary: BulkDraftSummary): void {
  setChildren(
    root,
    notice(summary.message),
    summary.drafted.length ? h('h2', {}, `Drafted (${summary.drafted.length})`) : null,
    summary.drafted.length ? listOf(summary.drafted.map((d) => ({ name: d.name, detail: d.template }))) : null,
    summary.skipped.length ? h('h2', {}, `Skipped (${summary.skipped.length})`) : null,
    summary.skipped.length ? listOf(summary.skipped.map((s) => ({ name: s.name, detail: s.reason }))) : null,
    summary.failed.length ? h('h2', {}, `Failed (${summary.failed.length})`) : null,
    summary.failed.length ? listOf(summary.failed.map((f) => ({ name: f.name, detail: f.error }))) : null,
    summary.unmarked.length ? h('h2', {}, `Drafted but not marked (${summary.unmarked.length})`) : null,
    summary.unmarked.length ? listOf(summary.unmarked.map((u) => ({ name: u.name, detail: u.reason }))) : null,
    h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'button', onclick: closeDialog }, 'Close')),
  );
}

async function load(): Promise<void> {
  setChildren(root, loading('Checking who is due…'));
  try {
    renderPlan(await server.planBulkDrafts({ scope, template }));
  } catch (error) {
    showError(error);
  }
}

void load();
