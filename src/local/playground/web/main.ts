/**
 * The playground page: a spreadsheet-like window around the add-in. Everything the add-in
 * shows comes from the server's runtime; this page only draws it.
 */
import { clientShim } from '../../bridge/client-shim';
import type { AlertView, AskView, CellEditResult, CellView, MenuEntry, RunResult, StateView, SurfaceView, ToastView } from '../protocol';
import { pt, type PlaygroundKey } from '../messages';
import { clear, el, getJson, postJson } from './dom';
import { Grid, type GridSelection } from './grid';

type RpcResult = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

const LANGS: [string, string][] = [
  ['en', 'English'],
  ['zh_CN', '简体中文'],
];

/** Sheets' own menus, greyed out: only the add-in's are live. */
const SHEETS_MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools'] as const;

/** How long "Do not ask again for 5 minutes" holds, as in Sheets. */
const QUIET_MS = 5 * 60_000;

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
  /** Until when warning-only protections do not ask (the user ticked "do not ask again"). */
  private quietUntil = 0;

  constructor(root: HTMLElement) {
    this.grid = new Grid({
      commit: (sheet, row, col, text) => this.commitCell(sheet, row, col, text),
      onSelect: (sel, ref, cell) => this.showSelection(sel, ref, cell),
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

  /** A playground text in the user's language. */
  private tr(key: PlaygroundKey, params?: Record<string, string | number>): string {
    return pt(this.state?.user.locale ?? 'en', key, params);
  }

  async apply(state: StateView): Promise<void> {
    const prev = this.state as StateView | undefined;
    this.state = state;
    if (prev && state.scriptActiveSheet && state.scriptActiveSheet !== prev.scriptActiveSheet) this.sheet = state.scriptActiveSheet;
    document.documentElement.lang = /^zh/.test(state.user.locale) ? 'zh-CN' : 'en';
    this.busy.textContent = this.tr('pg.running');
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
    const userSel = el('select', { 'data-testid': 'user-switcher', title: this.tr('pg.userTitle') });
    const known = new Set<string>();
    for (const m of s.team) {
      known.add(m.email.toLowerCase());
      userSel.append(el('option', { value: m.email, text: `${m.name} · ${m.role || this.tr('pg.member')} · ${m.email}` }));
    }
    if (!known.has(s.user.email.toLowerCase())) userSel.append(el('option', { value: s.user.email, text: s.user.email || this.tr('pg.userHidden') }));
    userSel.append(el('option', { value: '__other', text: this.tr('pg.userOther') }));
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
    const langSel = el('select', { 'data-testid': 'language-switcher', title: this.tr('pg.languageTitle') });
    for (const [v, label] of LANGS) langSel.append(el('option', { value: v, text: label }));
    langSel.value = /^zh/.test(s.user.locale) ? 'zh_CN' : 'en';
    langSel.addEventListener('change', () => void this.switchUser(s.user.email, langSel.value));
    const mails = s.outbox.length + s.forms.length;
    this.topbar.append(
      el('div', { class: 'logo', 'aria-hidden': 'true' }),
      el('div', { class: 'title' }, el('div', { class: 'doc', text: s.documentName }), el('div', { class: 'sub', text: this.tr('pg.subtitle') })),
      el('div', { class: 'spacer' }),
      el('label', { class: 'field' }, el('span', { text: this.tr('pg.user') }), userSel, other),
      el('label', { class: 'field' }, el('span', { text: this.tr('pg.language') }), langSel),
      el('button', { class: 'btn', 'data-testid': 'outbox-button', onclick: () => this.toggleOutbox() }, this.tr('pg.outbox', { count: mails })),
      el(
        'a',
        { class: 'btn primary', href: '/api/export.xlsx', download: '', title: this.tr('pg.exportTitle'), 'data-testid': 'export' },
        this.tr('pg.export'),
      ),
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
    for (const name of SHEETS_MENUS) {
      this.menubar.append(el('span', { class: 'menu-top dim', title: this.tr('pg.notAddin'), text: this.tr(`pg.menu.${name}`) }));
    }
    const extensions = this.tr('pg.menu.Extensions');
    if (addons.length) {
      const items: MenuEntry[] = addons.map((m) => ({ type: 'submenu', caption: m.caption, items: m.items }));
      this.menubar.append(this.menuTop(extensions, items, false, 'Extensions'));
    } else {
      this.menubar.append(el('span', { class: 'menu-top dim', text: extensions }));
    }
    for (const m of own) this.menubar.append(this.menuTop(m.caption, m.items, true));
    this.menubar.append(el('span', { class: 'menu-top dim', text: this.tr('pg.menu.Help') }));
  }

  /** A top-level menu; `id` names it for tests when its caption follows the language. */
  private menuTop(caption: string, items: MenuEntry[], addin = false, id = caption): HTMLElement {
    const wrap = el('div', { class: `menu-wrap${addin ? ' addin' : ''}` });
    const btn = el('button', { class: 'menu-top', 'data-testid': `menu-${id}`, text: caption });
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
        ul.append(
          el(
            'div',
            { class: 'menu-item has-sub', role: 'menuitem', tabindex: 0 },
            el('span', { text: it.caption }),
            el('span', { class: 'arrow', text: '▸' }),
            sub,
          ),
        );
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
      // The grid's selection goes with the run, so the script's getActiveRange() is the cell the user clicked.
      r = await postJson<RunResult>('/api/run', { functionName, answers, selection: this.grid.selection });
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
    const close = el('button', {
      class: 'x',
      title: this.tr('pg.close'),
      'aria-label': this.tr('pg.close'),
      text: '✕',
      onclick: () => void this.hostAction('close'),
    });
    if (surface.kind === 'sidebar') {
      this.side.append(el('div', { class: 'side-head' }, el('div', { class: 'side-title', text: surface.title }), close), frame);
      this.side.hidden = false;
    } else {
      // The page gets the size the script asked for (HtmlOutput.setWidth/setHeight); Google's
      // default when it did not ask is not documented, 600 × 400 is a guess.
      const w = surface.width ?? 600;
      const h = surface.height ?? 400;
      frame.style.width = `${w}px`;
      frame.style.height = `${h}px`;
      const box = el(
        'div',
        { class: 'dialog', role: 'dialog', 'data-testid': 'dialog' },
        el('div', { class: 'dialog-head' }, el('div', { class: 'dialog-title', text: surface.title }), close),
        frame,
      );
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
      const n = Number(arg);
      if (frame && n > 0) {
        if (action === 'setHeight') frame.style.height = `${n}px`;
        else frame.style.width = `${n}px`;
      }
    }
  }

  // ---------------------------------------------------------------- alerts and toasts

  /** Shows an alert or prompt with the buttons the script asked for; resolves with the answer. */
  showAlert(a: AlertView, extra?: HTMLElement): Promise<{ button: string; text?: string }> {
    return new Promise((resolve) => {
      const buttons: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['CANCEL', 'OK'], YES_NO: ['NO', 'YES'], YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'] };
      // Sheets labels the buttons in the user's language.
      const labels: Record<string, string> = {
        OK: this.tr('pg.button.OK'),
        CANCEL: this.tr('pg.button.CANCEL'),
        YES: this.tr('pg.button.YES'),
        NO: this.tr('pg.button.NO'),
      };
      const input = a.kind === 'prompt' ? el('input', { type: 'text', class: 'prompt-input', 'data-testid': 'prompt-input' }) : null;
      const done = (button: string) => {
        wrap.remove();
        resolve(input ? { button, text: input.value } : { button });
      };
      const row = el('div', { class: 'alert-buttons' });
      const names = buttons[a.buttons] ?? ['OK'];
      names.forEach((b, i) =>
        row.append(el('button', { class: `btn${i === names.length - 1 ? ' primary' : ''}`, 'data-button': b, text: labels[b] ?? b, onclick: () => done(b) })),
      );
      const box = el(
        'div',
        { class: 'alert', role: 'alertdialog', 'data-testid': 'alert' },
        el('button', { class: 'x', 'aria-label': this.tr('pg.close'), text: '✕', onclick: () => done('CLOSE') }),
        a.title ? el('h2', { text: a.title }) : null,
        el('p', { text: a.prompt }),
        input,
        extra ?? null,
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
    const t = el(
      'div',
      { class: 'toast error', role: 'alert', 'data-testid': 'error' },
      el('strong', { text: this.tr('pg.scriptError') }),
      el('div', { text: message }),
      el('button', { class: 'x', text: '✕', onclick: () => t.remove() }),
    );
    this.toasts.append(t);
  }

  /** Sheets shows one toast at a time: a new one replaces the last (errors stay until closed). */
  private showToasts(list: ToastView[]): void {
    if (list.length) this.toasts.querySelectorAll('.toast:not(.error)').forEach((n) => n.remove());
    for (const t of list.slice(-1)) {
      const node = el(
        'div',
        { class: 'toast', role: 'status' },
        t.title ? el('strong', { text: t.title }) : null,
        el('div', { text: t.message }),
        el('button', { class: 'x', text: '✕', onclick: () => node.remove() }),
      );
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
    this.drawer.append(
      el(
        'div',
        { class: 'drawer-head' },
        el('h2', { text: this.tr('pg.outboxTitle') }),
        el('button', { class: 'x', 'aria-label': this.tr('pg.close'), text: '✕', onclick: () => this.toggleOutbox() }),
      ),
    );
    this.drawer.append(el('h3', { text: this.tr('pg.mailsSent', { count: s.outbox.length }) }));
    if (!s.outbox.length) this.drawer.append(el('p', { class: 'muted', text: this.tr('pg.noMail') }));
    for (const m of [...s.outbox].reverse()) {
      const item = el('details', { class: 'mail' });
      const when = m.at ? ` · ${this.formatTime(m.at)}` : '';
      item.append(
        el(
          'summary',
          {},
          el('strong', { text: m.subject || this.tr('pg.noSubject') }),
          el('div', { class: 'muted', text: `${this.tr('pg.mailTo', { to: m.to })}${when}` }),
        ),
      );
      if (m.htmlBody) {
        const f = el('iframe', { class: 'mail-html', sandbox: '', title: this.tr('pg.htmlBody') });
        f.srcdoc = m.htmlBody;
        item.append(f);
      } else item.append(el('pre', { text: m.body }));
      this.drawer.append(item);
    }
    this.drawer.append(el('h3', { text: this.tr('pg.formsCreated', { count: s.forms.length }) }));
    if (!s.forms.length) this.drawer.append(el('p', { class: 'muted', text: this.tr('pg.noForm') }));
    for (const f of s.forms) {
      const item = el('details', { class: 'mail' });
      item.append(el('summary', {}, el('strong', { text: f.title })), el('pre', { text: JSON.stringify(f.detail, null, 2) }));
      this.drawer.append(item);
    }
  }

  // ---------------------------------------------------------------- tabs and cells

  private renderTabs(): void {
    clear(this.tabs);
    // The tabs scroll sideways when there are many; the time control stays in view at the right.
    const list = el('div', { class: 'tab-list' }, el('span', { class: 'tabs-label', text: '☰' }));
    for (const t of this.state.tabs) {
      if (t.hidden) continue;
      const b = el('button', {
        class: `tab${t.name === this.sheet ? ' on' : ''}`,
        'data-sheet': t.name,
        text: t.name,
        onclick: () => void this.switchSheet(t.name),
      });
      if (t.color) b.style.setProperty('--tab-color', t.color);
      list.append(b);
    }
    this.tabs.append(list, this.timeControl());
  }

  // ---------------------------------------------------------------- the simulated clock

  /** A moment as the spreadsheet shows it: in its time zone, in the user's language. */
  private formatTime(iso: string): string {
    const lang = /^zh/.test(this.state.user.locale) ? 'zh-CN' : 'en-GB';
    return new Intl.DateTimeFormat(lang, {
      timeZone: this.state.timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  }

  /** The time control: the simulated time, +1 hour, +1 day, and a jump to the next trigger run. */
  private timeControl(): HTMLElement {
    const s = this.state;
    const next = s.nextTrigger;
    const button = (step: 'hour' | 'day' | 'next', key: PlaygroundKey, title?: string) =>
      el(
        'button',
        { class: 'btn', 'data-testid': `time-${step}`, title, disabled: step === 'next' && !next, onclick: () => void this.advance(step) },
        this.tr(key),
      );
    return el(
      'div',
      { class: 'clock', 'data-testid': 'time-control', title: this.tr('pg.time.title', { zone: s.timeZone }) },
      el('span', { text: this.tr('pg.time.label') }),
      el('span', { class: 'clock-time', 'data-testid': 'clock', text: this.formatTime(s.clock) }),
      el('span', { class: 'clock-zone', text: s.timeZone }),
      button('hour', 'pg.time.hour'),
      button('day', 'pg.time.day'),
      button('next', 'pg.time.next', next ? this.tr('pg.time.nextTitle', { when: this.formatTime(next) }) : this.tr('pg.time.noTrigger')),
    );
  }

  private async advance(step: 'hour' | 'day' | 'next'): Promise<void> {
    this.busy.hidden = false;
    try {
      const r = await postJson<RunResult>('/api/time', { step });
      await this.apply(r.state);
    } finally {
      this.busy.hidden = true;
    }
  }

  private async switchSheet(name: string): Promise<void> {
    this.sheet = name;
    this.renderTabs();
    await this.grid.show(name, this.state.version);
    this.grid.select(1, 1);
  }

  /** The selection moved: show it in the formula bar and tell the script (its active range). */
  private showSelection(sel: GridSelection, ref: string, cell: CellView | null): void {
    this.refBox.textContent = ref;
    this.fxBox.textContent = cell && !sel.wholeRow ? (cell.f ?? cell.e ?? cell.d) : '';
    void postJson('/api/select', sel);
  }

  /**
   * Sends an edit. A warning-only protected cell asks first ("Heads up!", with "do not ask again
   * for 5 minutes" as in Sheets); an entry the cell's validation refuses shows why.
   */
  private async commitCell(sheet: string, row: number, col: number, text: string): Promise<void> {
    let confirmed = Date.now() < this.quietUntil;
    for (;;) {
      const r = await postJson<CellEditResult>('/api/cell', { sheet, row, col, text, confirmed });
      if (r.confirm) {
        const quiet = el('input', { type: 'checkbox', 'data-testid': 'quiet' });
        const answer = await this.showAlert(
          { kind: 'alert', title: r.confirm.title, prompt: r.confirm.message, buttons: 'OK_CANCEL' },
          el('label', { class: 'quiet' }, quiet, this.tr('pg.protected.quiet')),
        );
        if (answer.button !== 'OK') break;
        if (quiet.checked) this.quietUntil = Date.now() + QUIET_MS;
        confirmed = true;
        continue;
      }
      if (r.invalid) await this.showAlert({ kind: 'alert', title: r.invalid.title, prompt: r.invalid.message, buttons: 'OK' });
      else if (!r.ok) this.showError(r.error ?? this.tr('pg.cellError'));
      break;
    }
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
  document.body.append(el('pre', { class: 'fatal', text: pt(navigator.language, 'pg.loadError', { message: (e as Error).message }) }));
});
