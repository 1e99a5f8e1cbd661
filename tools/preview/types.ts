/** What the preview server sends its page: plain JSON, shared by server.ts/views.ts (Node) and page.ts (browser). */
export interface SheetView {
  name: string;
  frozenRows: number;
  columns: { letter: string; hidden: boolean; options: string[] | null; computed: boolean }[];
  rows: { row: number; cells: string[]; background: string | null; notes: string[] }[];
}

export interface DraftView {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface MenuView {
  caption: string;
  items: ({ caption: string; run: string } | null)[];
}

export interface PreviewState {
  sheets: SheetView[];
  active: string;
  /** The rows of the active selection (what Go to row selects), on the active sheet. */
  selected: { first: number; last: number } | null;
  menus: MenuView[];
  drafts: DraftView[];
  toast: { message: string; title: string; timeoutSeconds?: number } | null;
  /** How many toasts the workbook has shown: a new one is shown (and fades) even when its text repeats. */
  toastCount: number;
}

export interface MenuEvents {
  sidebar?: number;
  dialog?: number;
  alerts: { title: string; prompt: string }[];
}
