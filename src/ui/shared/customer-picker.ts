/**
 * The customer search the log sidebars share (markup: `#customerSearch`, `#hits`, `#chosen`):
 * a debounced server search, answers that arrive out of order dropped, hits as buttons built
 * with textContent only. The page decides what a hit shows and what picking one does.
 */
import { clear, h } from './dom';
import { $ } from './form';

export interface CustomerPickerOptions<T extends { id: string; name: string }> {
  /** Asks the server for the customers matching a query, e.g. `(q) => call('searchFollowupCustomers', q)`. */
  search: (query: string) => Promise<readonly T[]>;
  /** The line shown when nothing matches. */
  none: () => string;
  /** The grey line under a hit's name. */
  sub: (c: T) => string;
  /** Called with the hit picked (the search box is emptied first). */
  pick: (c: T) => void;
}

/** Wires the search box; returns nothing, the page keeps the chosen customer. */
export function customerPicker<T extends { id: string; name: string }>(opts: CustomerPickerOptions<T>): void {
  let timer: number | undefined;
  let seq = 0;
  const input = $<HTMLInputElement>('customerSearch');
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const q = input.value;
    timer = window.setTimeout(async () => {
      const mine = ++seq;
      const list = $<HTMLUListElement>('hits');
      if (!q.trim()) {
        list.hidden = true;
        return;
      }
      const hits = await opts.search(q).catch((): readonly T[] => []);
      if (mine !== seq) return;
      clear(list);
      list.hidden = false;
      if (!hits.length) list.append(h('li', { class: 'none' }, opts.none()));
      for (const c of hits) {
        const pick = () => {
          input.value = '';
          opts.pick(c);
        };
        list.append(h('li', {}, h('button', { type: 'button', onclick: pick }, c.name || c.id, h('span', { class: 'sub' }, opts.sub(c)))));
      }
    }, 250);
  });
}
