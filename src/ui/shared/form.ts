/**
 * Small form helpers the sidebars share: elements by id, <option>s, errors next to the field
 * they concern (a `.field[data-field=key]` wrapper gets class `invalid` and an `.error` line).
 */
import { h } from './dom';

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function option(value: string, label: string): HTMLOptionElement {
  return h('option', { value }, label);
}

/**
 * Shows `errors` (field key → message) next to their fields and clears the others.
 * `alert` gives each message role=alert; `scroll` brings the first one into view.
 */
export function showFieldErrors(errors: Record<string, string>, opts: { alert?: boolean; scroll?: boolean } = {}): void {
  document.querySelectorAll('.field').forEach((f) => {
    f.classList.remove('invalid');
    f.querySelector(':scope > .error')?.remove();
  });
  let first: HTMLElement | null = null;
  for (const [k, msg] of Object.entries(errors)) {
    const f = document.querySelector<HTMLElement>(`.field[data-field="${k}"]`);
    if (!f) continue;
    f.classList.add('invalid');
    f.append(h('div', { class: 'error', role: opts.alert ? 'alert' : undefined }, msg));
    first = first ?? f;
  }
  if (opts.scroll) first?.scrollIntoView({ block: 'center' });
}

/** An error banner in the status area. */
export function errorBanner(status: HTMLElement, message: string): void {
  status.append(h('div', { class: 'banner error', role: 'alert' }, message));
}
