import { setChildren, h } from '../dom';

/**
 * What every page tells the user the same way: notices (announced politely), errors (an alert, tied to the field
 * they name), loading text, and the busy runner that puts a button in its working state while the server works.
 */

/** How long a notice stays before it fades (Sheets' own toasts last about as long). */
const NOTICE_MS = 6000;

/** The message of whatever a server call or the page threw. */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A notice that stays: what an action did, announced when it appears. */
export function notice(message: string): HTMLDivElement {
  return h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' }, message);
}

/** A notice placed next to what it is about (a card): announced, then it fades and goes. */
export function fadingNotice(message: string): HTMLDivElement {
  const element = h('div', { class: 'notice fading', role: 'status', 'aria-live': 'polite' }, message);
  setTimeout(() => element.remove(), NOTICE_MS);
  return element;
}

/** The empty notice area at the top of a page, for flash(). */
export function noticeArea(): HTMLDivElement {
  return h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
}

/** Shows a message in a notice area; it goes after NOTICE_MS unless another took its place. */
export function flash(area: HTMLElement, message: string): void {
  setChildren(area, message);
  setTimeout(() => {
    if (area.textContent === message) setChildren(area);
  }, NOTICE_MS);
}

/** Text shown while the server works on what the page asked for. */
export function loading(message: string): HTMLParagraphElement {
  return h('p', { class: 'muted loading', role: 'status' }, message);
}

/** An alert box: showing an error now, or hidden until showError() fills it (an `id` lets fields point at it). */
export function errorBox(error?: unknown, id?: string): HTMLDivElement {
  return h('div', { class: 'error', role: 'alert', id, hidden: error === undefined }, error === undefined ? null : errorText(error));
}

/** Fills an error box and shows it; returns the message. */
export function showError(box: HTMLElement, error: unknown): string {
  const message = errorText(error);
  box.hidden = false;
  setChildren(box, message);
  return message;
}

/**
 * An error that names a field of a form ("Date (…) is in the future", "Email: … is not an email address", "Your
 * name is required.") is tied to that field: marked invalid, described by the error box, and focused. The field
 * an earlier error marked is cleared first. Returns the control, or null when the message names none of `fields`.
 */
export function tieErrorToField(scope: ParentNode, fields: string, box: HTMLElement, message: string): HTMLElement | null {
  for (const control of Array.from(scope.querySelectorAll<HTMLElement>('[aria-invalid]'))) {
    control.removeAttribute('aria-invalid');
    describedBy(control, box.id, false);
  }
  const named = Array.from(scope.querySelectorAll<HTMLLabelElement>(fields)).find((label) => {
    const name = label.querySelector('span')?.textContent ?? '';
    return name !== '' && (message.startsWith(`${name} `) || message.startsWith(`${name}:`) || message.startsWith(`${name} (`));
  });
  const control = named?.querySelector<HTMLElement>('input, select, textarea');
  if (!control) return null;
  control.setAttribute('aria-invalid', 'true');
  describedBy(control, box.id, true);
  control.focus();
  return control;
}

/** Adds or removes one id in aria-describedby, keeping what else describes the control (a hint). */
function describedBy(control: HTMLElement, id: string, on: boolean): void {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
}

interface BusyRunner {
  /** An action is running: another is refused until it ends. */
  readonly busy: boolean;
  /**
   * Runs a server action with the page marked busy and the button (if any) disabled under `busyLabel`; the button
   * gets its label back if it is still on the page. A failure goes to the page's onError and gives undefined.
   */
  act<T>(button: HTMLButtonElement | null, busyLabel: string, work: () => Promise<T>): Promise<T | undefined>;
}

/** One runner per page: `root` carries aria-busy while an action runs. */
export function busyRunner(root: HTMLElement, onError: (error: unknown) => void): BusyRunner {
  let busy = false;
  return {
    get busy() {
      return busy;
    },
    async act(button, busyLabel, work) {
      if (busy) return undefined;
      busy = true;
      const label = button?.textContent ?? '';
      if (button) {
        button.disabled = true;
        button.textContent = busyLabel;
      }
      root.setAttribute('aria-busy', 'true');
      try {
        return await work();
      } catch (error) {
        onError(error);
        return undefined;
      } finally {
        busy = false;
        root.removeAttribute('aria-busy');
        if (button && button.isConnected) {
          button.disabled = false;
          button.textContent = label;
        }
      }
    },
  };
}
