/**
 * Building elements without HTML strings: every value from the sheet becomes a text node, so a contact named
 * <img src=x onerror=alert(1)> shows exactly that. Nothing in the client sets innerHTML.
 */
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('aria-') && typeof value === 'boolean') {
      element.setAttribute(key, String(value)); // aria-expanded="false" is meaningful; a missing attribute is not
      continue;
    }
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') element.className = String(value);
    else if (key in element && typeof value !== 'string') (element as unknown as Record<string, unknown>)[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces all of an element's children with these (text placed as text, never parsed as HTML). */
export function setChildren(element: Element, ...children: (Child | Child[])[]): void {
  element.replaceChildren();
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function options(values: readonly string[], selected = '', blankLabel?: string): HTMLOptionElement[] {
  const list = values.map((value) => h('option', { value, selected: value === selected }, value));
  return blankLabel === undefined ? list : [h('option', { value: '', selected: selected === '' }, blankLabel), ...list];
}

export function field(label: string, control: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

/** "Nov 22, 2026" from "2026-11-22". */
export function longDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${month} ${d}, ${y}`;
}

/** Text for matching a search: accents and case folded, so "nunez" finds Núñez and "NÚÑEZ" finds Nunez. */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
