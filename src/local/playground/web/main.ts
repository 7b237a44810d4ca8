/**
 * The playground page: a spreadsheet-like window around the add-in. Everything the add-in
 * shows comes from the server's runtime; this page only draws it.
 */
import { clientShim } from '../../bridge/client-shim';
import type { AlertView, AskView, CellView, MenuEntry, RunResult, StateView, SurfaceView, ToastView } from '../protocol';
import { clear, el, getJson, postJson } from './dom';
import { Grid } from './grid';

type RpcResult = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

const LANGS: [string, string][] = [
  ['en', 'English'],
  ['zh_CN', '简体中文'],
];

class App {
  state!: StateView;
  sheet = '';
  private grid: Grid;
  private topbar = el('header', { class: 'topbar' });
  private menubar = el('nav', { class: 'menubar', 'data-testid': 'menubar' });
  private fbar = el('div', { class: 'formulabar' });
  private refBox = el('div', { class: 'ref', 'data-testid': 'cell-ref' });
  private fxBox = el('div', { class: 'fx', 'data-testid': 'formula-bar' });
  private side = el('aside', { class: 'sidebar', hidden: true, 'data-testid': 'sidebar' });
  private tabs = el('footer', { class: 'tabs', 'data-testid': 'tabs' });
  private layer = el('div', { class: 'layer' });
  private toasts = el('div', { class: 'toasts', 'data-testid': 'toasts' });
  private drawer = el('div', { class: 'drawer', hidden: true, 'data-testid': 'outbox' });
  private openMenu: HTMLElement | null = null;
  private surfaceId = '';
  private busy = el('div', { class: 'busy', hidden: true, text: 'Running…' });

  constructor(root: HTMLElement) {
    this.grid = new Grid({
      commit: (sheet, row, col, text) => this.commitCell(sheet, row, col, text),
      onSelect: (ref, cell) => this.showSelection(ref, cell),
    });
    this.fbar.append(this.refBox, el('div', { class: 'fx-label', text: 'fx' }), this.fxBox);
    const main = el('div', { class: 'main' }, this.grid.root, this.side);
    root.append(this.topbar, this.menubar, this.fbar, main, this.tabs, this.drawer, this.layer, this.toasts, this.busy);
    document.addEventListener('mousedown', (e) => {
      if (this.openMenu && !this.menubar.contains(e.target as Node)) this.closeMenus();
    });
    (window as unknown as Record<string, unknown>).__playgroundRpc = (fn: string, argsJson: string) => this.rpc(fn, argsJson);
    (window as unknown as Record<string, unknown>).__playgroundHost = (action: string, arg: unknown) => this.hostAction(action, arg);
  }

  async start(): Promise<void> {
    const state = await getJson<StateView>('/api/state');
    const active = await getJson<{ sheet: string | null }>('/api/active');
    this.sheet = active.sheet && state.tabs.some((t) => t.name === active.sheet) ? active.sheet : (state.tabs.find((t) => !t.hidden)?.name ?? '');
    await this.apply(state);
  }

  async refresh(): Promise<void> {
    await this.apply(await getJson<StateView>('/api/state'));
  }

  async apply(state: StateView): Promise<void> {
    const prev = this.state as StateView | undefined;
    this.state = state;
    if (prev && state.scriptActiveSheet && state.scriptActiveSheet !== prev.scriptActiveSheet) this.sheet = state.scriptActiveSheet;
    document.documentElement.lang = /^zh/.test(state.user.locale) ? 'zh-CN' : 'en';
    if (!state.tabs.some((t) => t.name === this.sheet)) this.sheet = state.tabs.find((t) => !t.hidden)?.name ?? '';
    this.renderTopbar();
    this.renderMenus();
    this.renderTabs();
    this.renderSurface(state.surface);
    this.showToasts(state.toasts);
    this.renderOutbox();
    if (this.sheet) await this.grid.show(this.sheet, state.version);
  }

  // ---------------------------------------------------------------- top bar

  private renderTopbar(): void {
    const s = this.state;
    clear(this.topbar);
    const userSel = el('select', { 'data-testid': 'user-switcher', title: 'Who is using the sheet' });
    const known = new Set<string>();
    for (const m of s.team) {
      known.add(m.email.toLowerCase());
      userSel.append(el('option', { value: m.email, text: `${m.name} · ${m.role || 'member'} · ${m.email}` }));
    }
    if (!known.has(s.user.email.toLowerCase())) userSel.append(el('option', { value: s.user.email, text: s.user.email || '(e-mail hidden)' }));
    userSel.append(el('option', { value: '__other', text: 'Other e-mail…' }));
    userSel.value = s.user.email;
    const other = el('input', { type: 'email', placeholder: 'name@example.com', hidden: true, 'data-testid': 'user-email', class: 'other-email' });
    userSel.addEventListener('change', () => {
      if (userSel.value === '__other') {
        other.hidden = false;
        other.value = '';
        other.focus();
      } else void this.switchUser(userSel.value, s.user.locale);
    });
    other.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') void this.switchUser(other.value.trim(), s.user.locale);
      if ((e as KeyboardEvent).key === 'Escape') void this.refresh();
    });
    const langSel = el('select', { 'data-testid': 'language-switcher', title: 'Language of the Google account' });
    for (const [v, label] of LANGS) langSel.append(el('option', { value: v, text: label }));
    langSel.value = /^zh/.test(s.user.locale) ? 'zh_CN' : 'en';
    langSel.addEventListener('change', () => void this.switchUser(s.user.email, langSel.value));
    const mails = s.outbox.length + s.forms.length;
    this.topbar.append(
      el('div', { class: 'logo', 'aria-hidden': 'true' }),
      el('div', { class: 'title' }, el('div', { class: 'doc', text: s.documentName }), el('div', { class: 'sub', text: 'Sales Desk playground · local runtime, no Google account' })),
      el('div', { class: 'spacer' }),
      el('label', { class: 'field' }, el('span', { text: 'User' }), userSel, other),
      el('label', { class: 'field' }, el('span', { text: 'Language' }), langSel),
      el('button', { class: 'btn', 'data-testid': 'outbox-button', onclick: () => this.toggleOutbox() }, `Outbox (${mails})`),
      el('a', { class: 'btn primary', href: '/api/export.xlsx', download: '', 'data-testid': 'export' }, 'Export .xlsx'),
    );
  }

  private async switchUser(email: string, locale: string): Promise<void> {
    const r = await postJson<RunResult>('/api/user', { email, locale });
    await this.apply(r.state);
    if (r.error) this.showError(r.error);
  }

  // ---------------------------------------------------------------- menus

  private renderMenus(): void {
    clear(this.menubar);
    const own = this.state.menus.filter((m) => !m.addon);
    const addons = this.state.menus.filter((m) => m.addon);
    for (const name of ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools']) {
      this.menubar.append(el('span', { class: 'menu-top dim', title: 'Not part of the add-in', text: name }));
    }
    if (addons.length) {
      const items: MenuEntry[] = addons.map((m) => ({ type: 'submenu', caption: m.caption, items: m.items }));
      this.menubar.append(this.menuTop('Extensions', items));
    } else {
      this.menubar.append(el('span', { class: 'menu-top dim', text: 'Extensions' }));
    }
    for (const m of own) this.menubar.append(this.menuTop(m.caption, m.items, true));
    this.menubar.append(el('span', { class: 'menu-top dim', text: 'Help' }));
  }

  private menuTop(caption: string, items: MenuEntry[], addin = false): HTMLElement {
    const wrap = el('div', { class: `menu-wrap${addin ? ' addin' : ''}` });
    const btn = el('button', { class: 'menu-top', 'data-testid': `menu-${caption}`, text: caption });
    const list = this.menuList(items);
    list.hidden = true;
    btn.addEventListener('click', () => {
      const open = !list.hidden;
      this.closeMenus();
      if (!open) {
        list.hidden = false;
        btn.classList.add('open');
        this.openMenu = list;
      }
    });
    btn.addEventListener('mouseenter', () => {
      if (this.openMenu && this.openMenu !== list) {
        this.closeMenus();
        list.hidden = false;
        btn.classList.add('open');
        this.openMenu = list;
      }
    });
    wrap.append(btn, list);
    return wrap;
  }

  private menuList(items: MenuEntry[]): HTMLElement {
    const ul = el('div', { class: 'menu-list', role: 'menu' });
    for (const it of items) {
      if (it.type === 'separator') ul.append(el('div', { class: 'menu-sep' }));
      else if (it.type === 'item') {
        ul.append(
          el('button', {
            class: 'menu-item',
            role: 'menuitem',
            'data-function': it.functionName,
            text: it.caption,
            onclick: () => {
              this.closeMenus();
              void this.runMenu(it.functionName);
            },
          }),
        );
      } else {
        const sub = this.menuList(it.items);
        sub.classList.add('sub');
        ul.append(el('div', { class: 'menu-item has-sub', role: 'menuitem', tabindex: 0 }, el('span', { text: it.caption }), el('span', { class: 'arrow', text: '▸' }), sub));
      }
    }
    return ul;
  }

  private closeMenus(): void {
    this.menubar.querySelectorAll('.menu-list').forEach((m) => {
      if (!m.classList.contains('sub')) (m as HTMLElement).hidden = true;
    });
    this.menubar.querySelectorAll('.menu-top.open').forEach((b) => b.classList.remove('open'));
    this.openMenu = null;
  }

  async runMenu(functionName: string, answers: AskView['answers'] = []): Promise<void> {
    this.busy.hidden = false;
    let r: RunResult;
    try {
      r = await postJson<RunResult>('/api/run', { functionName, answers });
    } finally {
      this.busy.hidden = true;
    }
    if (r.ask) {
      const answer = await this.showAlert(r.ask.alert);
      await this.runMenu(functionName, [...r.ask.answers, answer]);
      return;
    }
    await this.apply(r.state);
    for (const a of r.alerts) await this.showAlert(a);
    if (r.error) this.showError(r.error);
  }

  // ---------------------------------------------------------------- sidebars and dialogs

  private renderSurface(surface: SurfaceView | null): void {
    const id = surface ? surface.id : '';
    if (id === this.surfaceId) return;
    this.surfaceId = id;
    clear(this.side);
    this.side.hidden = true;
    this.layer.querySelectorAll('.dialog-wrap').forEach((d) => d.remove());
    if (!surface) return;
    const frame = el('iframe', { class: 'surface-frame', title: surface.title, 'data-testid': 'surface-frame' });
    frame.srcdoc = withShim(surface.html);
    const close = el('button', { class: 'x', title: 'Close', 'aria-label': 'Close', text: '✕', onclick: () => void this.hostAction('close') });
    if (surface.kind === 'sidebar') {
      this.side.append(el('div', { class: 'side-head' }, el('div', { class: 'side-title', text: surface.title }), close), frame);
      this.side.hidden = false;
    } else {
      const w = surface.width ?? 600;
      const h = surface.height ?? 400;
      frame.style.height = `${h}px`;
      const box = el('div', { class: 'dialog', role: 'dialog', style: `width:${w}px`, 'data-testid': 'dialog' }, el('div', { class: 'dialog-head' }, el('div', { class: 'dialog-title', text: surface.title }), close), frame);
      const wrap = el('div', { class: `dialog-wrap${surface.kind === 'modal' ? ' modal' : ''}` }, box);
      this.layer.append(wrap);
    }
  }

  /** google.script.run from the sidebar or dialog: the server runs the function; the sheet may change. */
  async rpc(fn: string, argsJson: string, answers: AskView['answers'] = []): Promise<RpcResult> {
    const r = await postJson<{ result?: RpcResult; ask?: AskView; alerts: AlertView[] }>('/rpc', { fn, args: argsJson, answers });
    if (r.ask) {
      const answer = await this.showAlert(r.ask.alert);
      return this.rpc(fn, argsJson, [...r.ask.answers, answer]);
    }
    void this.refresh().then(async () => {
      for (const a of r.alerts) await this.showAlert(a);
    });
    return r.result!;
  }

  async hostAction(action: string, arg?: unknown): Promise<void> {
    if (action === 'close') {
      await postJson('/api/host', { action: 'close' });
      await this.refresh();
    } else if (action === 'setHeight' || action === 'setWidth') {
      const frame = this.layer.querySelector<HTMLElement>('.dialog .surface-frame');
      const box = this.layer.querySelector<HTMLElement>('.dialog');
      const n = Number(arg);
      if (frame && box && n > 0) {
        if (action === 'setHeight') frame.style.height = `${n}px`;
        else box.style.width = `${n}px`;
      }
    }
  }

  // ---------------------------------------------------------------- alerts and toasts

  /** Shows an alert or prompt with the buttons the script asked for; resolves with the answer. */
  showAlert(a: AlertView): Promise<{ button: string; text?: string }> {
    return new Promise((resolve) => {
      const buttons: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['CANCEL', 'OK'], YES_NO: ['NO', 'YES'], YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'] };
      const labels: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };
      const input = a.kind === 'prompt' ? el('input', { type: 'text', class: 'prompt-input', 'data-testid': 'prompt-input' }) : null;
      const done = (button: string) => {
        wrap.remove();
        resolve(input ? { button, text: input.value } : { button });
      };
      const row = el('div', { class: 'alert-buttons' });
      const names = buttons[a.buttons] ?? ['OK'];
      names.forEach((b, i) => row.append(el('button', { class: `btn${i === names.length - 1 ? ' primary' : ''}`, 'data-button': b, text: labels[b] ?? b, onclick: () => done(b) })));
      const box = el(
        'div',
        { class: 'alert', role: 'alertdialog', 'data-testid': 'alert' },
        el('button', { class: 'x', 'aria-label': 'Close', text: '✕', onclick: () => done('CLOSE') }),
        a.title ? el('h2', { text: a.title }) : null,
        el('p', { text: a.prompt }),
        input,
        row,
      );
      const wrap = el('div', { class: 'dialog-wrap modal alert-wrap' }, box);
      this.layer.append(wrap);
      (input ?? (row.lastElementChild as HTMLElement)).focus();
      input?.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') done(names.includes('OK') ? 'OK' : names[names.length - 1]!);
      });
    });
  }

  private showError(message: string): void {
    const t = el('div', { class: 'toast error', role: 'alert', 'data-testid': 'error' }, el('strong', { text: 'Script error' }), el('div', { text: message }), el('button', { class: 'x', text: '✕', onclick: () => t.remove() }));
    this.toasts.append(t);
  }

  /** Sheets shows one toast at a time: a new one replaces the last (errors stay until closed). */
  private showToasts(list: ToastView[]): void {
    if (list.length) this.toasts.querySelectorAll('.toast:not(.error)').forEach((n) => n.remove());
    for (const t of list.slice(-1)) {
      const node = el('div', { class: 'toast', role: 'status' }, t.title ? el('strong', { text: t.title }) : null, el('div', { text: t.message }), el('button', { class: 'x', text: '✕', onclick: () => node.remove() }));
      this.toasts.append(node);
      const seconds = t.timeoutSeconds === undefined || t.timeoutSeconds === null ? 5 : t.timeoutSeconds;
      if (seconds >= 0) setTimeout(() => node.remove(), Math.max(2, seconds) * 1000);
    }
  }

  // ---------------------------------------------------------------- outbox

  private toggleOutbox(): void {
    this.drawer.hidden = !this.drawer.hidden;
    this.renderOutbox();
  }

  private renderOutbox(): void {
    if (this.drawer.hidden) return;
    const s = this.state;
    clear(this.drawer);
    this.drawer.append(el('div', { class: 'drawer-head' }, el('h2', { text: 'Outbox' }), el('button', { class: 'x', text: '✕', onclick: () => this.toggleOutbox() })));
    this.drawer.append(el('h3', { text: `E-mails sent (${s.outbox.length})` }));
    if (!s.outbox.length) this.drawer.append(el('p', { class: 'muted', text: 'No e-mail sent yet. MailApp.sendEmail lands here instead of a real mailbox.' }));
    for (const m of [...s.outbox].reverse()) {
      const item = el('details', { class: 'mail' });
      item.append(el('summary', {}, el('strong', { text: m.subject || '(no subject)' }), el('div', { class: 'muted', text: `To ${m.to}${m.at ? ` · ${m.at.replace('T', ' ').slice(0, 16)}` : ''}` })));
      if (m.htmlBody) {
        const f = el('iframe', { class: 'mail-html', sandbox: '', title: 'HTML body' });
        f.srcdoc = m.htmlBody;
        item.append(f);
      } else item.append(el('pre', { text: m.body }));
      this.drawer.append(item);
    }
    this.drawer.append(el('h3', { text: `Forms created (${s.forms.length})` }));
    if (!s.forms.length) this.drawer.append(el('p', { class: 'muted', text: 'No form yet. FormApp.create lands here.' }));
    for (const f of s.forms) {
      const item = el('details', { class: 'mail' });
      item.append(el('summary', {}, el('strong', { text: f.title })), el('pre', { text: JSON.stringify(f.detail, null, 2) }));
      this.drawer.append(item);
    }
  }

  // ---------------------------------------------------------------- tabs and cells

  private renderTabs(): void {
    clear(this.tabs);
    this.tabs.append(el('span', { class: 'tabs-label', text: '☰' }));
    for (const t of this.state.tabs) {
      if (t.hidden) continue;
      const b = el('button', { class: `tab${t.name === this.sheet ? ' on' : ''}`, 'data-sheet': t.name, text: t.name, onclick: () => void this.switchSheet(t.name) });
      if (t.color) b.style.setProperty('--tab-color', t.color);
      this.tabs.append(b);
    }
    this.tabs.append(el('span', { class: 'clock', title: `Time zone ${this.state.timeZone}`, text: `${this.state.clock.slice(0, 16).replace('T', ' ')} UTC` }));
  }

  private async switchSheet(name: string): Promise<void> {
    this.sheet = name;
    this.renderTabs();
    await this.grid.show(name, this.state.version);
    this.grid.select(1, 1);
  }

  private showSelection(ref: string, cell: CellView | null): void {
    this.refBox.textContent = ref;
    this.fxBox.textContent = cell ? (cell.f ?? cell.e ?? cell.d) : '';
  }

  private async commitCell(sheet: string, row: number, col: number, text: string): Promise<void> {
    const r = await postJson<{ ok: boolean; error?: string }>('/api/cell', { sheet, row, col, text });
    if (!r.ok) this.showError(r.error ?? 'The cell could not be changed');
    await this.refresh();
  }
}

/** The sidebar's page with google.script.run / google.script.host bridged to this window. */
function withShim(html: string): string {
  const bridge =
    '<script>window.__sdRpc=function(fn,args){return parent.__playgroundRpc(fn,args);};' +
    'window.__sdHost=function(a,x){return parent.__playgroundHost(a,x);};</script>' +
    `<script>${clientShim('__sdRpc', '__sdHost')}</script>`;
  const m = /<head[^>]*>/i.exec(html);
  if (m) return html.slice(0, m.index + m[0].length) + bridge + html.slice(m.index + m[0].length);
  return bridge + html;
}

const app = new App(document.getElementById('app')!);
(window as unknown as Record<string, unknown>).__playground = app;
void app.start().catch((e: unknown) => {
  document.body.append(el('pre', { class: 'fatal', text: `The playground could not load: ${(e as Error).message}` }));
});
