/**
 * Builds DOM with textContent only: a customer called <img src=x onerror=…> is a name, not markup.
 */
type Attrs = Record<string, string | boolean | undefined | ((ev: Event) => void)>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, value);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Shows a busy line with a message while `work` runs; never a bare spinner. */
export async function withBusy<T>(host: Element, message: string, work: () => Promise<T>): Promise<T> {
  const busy = h('div', { class: 'busy', role: 'status' }, message);
  host.append(busy);
  try {
    return await work();
  } finally {
    busy.remove();
  }
}
