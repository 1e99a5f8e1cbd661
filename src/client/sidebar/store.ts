import type { ActionResult, SidebarModel } from '../../shared/rpc';
import { folded } from '../dom';

/** The sidebar's state: the last model the server sent, the search, and which panel is open. Nothing here draws. */

type PanelKind = 'log' | 'draft' | 'snooze' | 'letter-draft';
export type Panel = { contactId: string; kind: PanelKind } | { contactId: null; kind: 'add' } | null;

export const state: { model: SidebarModel | null; search: string; panel: Panel } = {
  model: null,
  search: '',
  panel: null,
};

/** A model read from the sheet (start-up, Refresh). */
export function setModel(model: SidebarModel): void {
  state.model = model;
}

/** An action done: the server's new model, and its panel closed. */
export function applyResult(result: ActionResult): void {
  state.model = result.model;
  state.panel = null;
}

/** What the search box holds, folded for matching. */
export function setSearch(text: string): void {
  state.search = folded(text.trim());
}

/** The text matches the search (every text does when the search is empty). */
export function matchesSearch(text: string): boolean {
  return !state.search || folded(text).includes(state.search);
}

/** The panel open on this contact's card, if any. */
export function openPanel(contactId: string): PanelKind | 'add' | null {
  return state.panel && state.panel.contactId === contactId ? state.panel.kind : null;
}

/**
 * Opens `panel`, or closes the open one when `panel` is the same or null. Says whether this closed a panel, and
 * which was open before.
 */
export function togglePanel(panel: Panel): { closing: boolean; previous: Panel } {
  const previous = state.panel;
  const same = Boolean(previous && panel && previous.kind === panel.kind && previous.contactId === panel.contactId);
  state.panel = same ? null : panel;
  return { closing: same || !panel, previous };
}

/**
 * What a card or form may ask of the sidebar; main.ts provides it, so the views need not know the shell.
 * `toggle` opens or closes a panel (focus follows); `act` runs a server action with its button busy;
 * `apply` takes an action's result (new model, panel closed, notice shown).
 */
export interface Actions {
  toggle(panel: Panel, from?: EventTarget | null): void;
  act<T>(button: HTMLButtonElement | null, busyLabel: string, work: () => Promise<T>): Promise<T | undefined>;
  apply(result: ActionResult | undefined): void;
}
