/**
 * The Ui that SpreadsheetApp.getUi() returns: menus, alerts, prompts, sidebars and dialogs.
 *
 * What the runtime records (plain JSON in `UiState`, so the playground can render and persist it):
 *  - `menus`: every menu added with `Menu.addToUi()`; adding a menu with the same caption again
 *    replaces it (Apps Script rebuilds menus on each onOpen);
 *  - `surface`: the sidebar or dialog on screen. "An add-on can display only one sidebar or
 *    dialog at a time" (https://developers.google.com/workspace/add-ons/concepts/dialogs), so
 *    showing a new one replaces the old one; `surfaceHistory` keeps every one shown;
 *  - `alerts` (alerts and prompts, with the answer they got) and `toasts`
 *    (Spreadsheet.toast() is recorded through `UiHandle.recordToast`, wired by the runtime).
 * Alerts and prompts take their answer from a queue a test fills with `queueResponse`. With an
 * empty queue an alert answers OK when its button set has OK (otherwise CLOSE, as if the user
 * closed the dialog) and a prompt answers CLOSE with empty text.
 */
import type { RuntimeContext } from '../context';
import { COUNTED } from '../context';
import { asEnum, gasError, makeEnum } from './common';
import { snapshotOf } from './html';

type GasButton = GoogleAppsScript.Base.Button;
type GasButtonSet = GoogleAppsScript.Base.ButtonSet;

export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuRecord {
  caption: string;
  /** true for createAddonMenu() (shown under Extensions › add-on name). */
  addon: boolean;
  items: MenuEntry[];
}

export interface SurfaceRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  /** Sidebars take the HtmlOutput's title; dialogs the title argument. */
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  shownAtMs: number;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  text?: string;
  atMs: number;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
  atMs: number;
}

export interface QueuedResponse {
  button: ButtonName;
  /** Text typed into a prompt. */
  text?: string;
}

export interface UiState {
  menus: MenuRecord[];
  surface: SurfaceRecord | null;
  surfaceHistory: SurfaceRecord[];
  alerts: AlertRecord[];
  toasts: ToastRecord[];
  queue: QueuedResponse[];
}

export function emptyUiState(): UiState {
  return { menus: [], surface: null, surfaceHistory: [], alerts: [], toasts: [], queue: [] };
}

export class PromptResponse implements GoogleAppsScript.Base.PromptResponse {
  readonly [COUNTED] = 'PromptResponse';
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GasButton {
    return asEnum<GasButton>(this.button);
  }
}

export class Menu implements GoogleAppsScript.Base.Menu {
  readonly [COUNTED] = 'Menu';
  /** @internal */ readonly items: MenuEntry[] = [];
  constructor(
    /** @internal */ readonly caption: string,
    private readonly addon: boolean,
    private readonly ui: UiImpl,
  ) {}
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    if (typeof functionName !== 'string' || !functionName) throw gasError('Invalid argument: functionName');
    this.items.push({ type: 'item', caption: String(caption), functionName });
    return this;
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.items.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    const m = menu as unknown as Menu;
    this.items.push({ type: 'submenu', caption: m.caption, items: structuredClone(m.items) });
    return this;
  }
  addToUi(): void {
    this.ui.addMenu({ caption: this.caption, addon: this.addon, items: structuredClone(this.items) });
  }
}

export interface UiOptions {
  /** The add-on's name: the caption createAddonMenu() menus appear under. */
  addonName?: string;
}

export class UiImpl
  implements Pick<GoogleAppsScript.Base.Ui, 'alert' | 'prompt' | 'createMenu' | 'createAddonMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'>
{
  readonly [COUNTED] = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly ctx: RuntimeContext,
    private readonly state: UiState,
    private readonly options: UiOptions = {},
  ) {}

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new Menu(String(caption), false, this);
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return new Menu(this.options.addonName ?? 'Sales Desk', true, this);
  }

  alert(prompt: string): GasButton;
  alert(prompt: string, buttons: GasButtonSet): GasButton;
  alert(title: string, prompt: string, buttons: GasButtonSet): GasButton;
  alert(a: string, b?: string | GasButtonSet, c?: GasButtonSet): GasButton {
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.takeResponse('alert', buttons);
    this.state.alerts.push({ kind: 'alert', title, prompt, buttons, answer: answer.button, atMs: this.ctx.clock.nowMs() });
    return asEnum<GasButton>(answer.button);
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GasButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: GasButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(a: string, b?: string | GasButtonSet, c?: GasButtonSet): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = dialogArgs(a, b, c, 'OK');
    const answer = this.takeResponse('prompt', buttons);
    const text = answer.text ?? '';
    this.state.alerts.push({ kind: 'prompt', title, prompt, buttons, answer: answer.button, text, atMs: this.ctx.clock.nowMs() });
    return new PromptResponse(answer.button, text);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const s = snapshotOf(userInterface);
    this.show({ kind: 'sidebar', title: s.title, html: s.content, width: s.width, height: s.height, shownAtMs: this.ctx.clock.nowMs() });
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const s = snapshotOf(userInterface);
    this.show({ kind: 'modal', title: String(title), html: s.content, width: s.width, height: s.height, shownAtMs: this.ctx.clock.nowMs() });
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const s = snapshotOf(userInterface);
    this.show({ kind: 'modeless', title: String(title), html: s.content, width: s.width, height: s.height, shownAtMs: this.ctx.clock.nowMs() });
  }

  /** @internal Spreadsheet.removeMenu: drops a menu added under that caption. */
  dropMenu(caption: string): void {
    const i = this.state.menus.findIndex((m) => m.caption === caption && !m.addon);
    if (i >= 0) this.state.menus.splice(i, 1);
  }

  /** @internal */
  addMenu(menu: MenuRecord): void {
    const i = this.state.menus.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (i >= 0) this.state.menus[i] = menu;
    else this.state.menus.push(menu);
  }

  private show(surface: SurfaceRecord): void {
    this.state.surface = surface; // one sidebar or dialog at a time: the new one replaces the old
    this.state.surfaceHistory.push(surface);
  }

  private takeResponse(kind: 'alert' | 'prompt', buttons: ButtonSetName): QueuedResponse {
    const allowed = BUTTONS_OF[buttons];
    const queued = this.state.queue.shift();
    if (!queued) {
      if (kind === 'alert') return { button: allowed.includes('OK') ? 'OK' : 'CLOSE' };
      return { button: 'CLOSE', text: '' };
    }
    if (queued.button !== 'CLOSE' && !allowed.includes(queued.button)) {
      // A test answered with a button the dialog does not have: report the test's mistake.
      throw new Error(`Queued UI response ${queued.button} is not one of ${buttons} (${allowed.join(', ')}) or CLOSE`);
    }
    return queued;
  }
}

function dialogArgs(
  a: string,
  b: string | GasButtonSet | undefined,
  c: GasButtonSet | undefined,
  defaultSet: ButtonSetName = 'OK',
): { title: string; prompt: string; buttons: ButtonSetName } {
  let title = '';
  let prompt: string;
  let buttons: string = defaultSet;
  if (c !== undefined) {
    title = String(a);
    prompt = String(b);
    buttons = String(c);
  } else if (b !== undefined) {
    prompt = String(a);
    buttons = String(b);
  } else {
    prompt = String(a);
  }
  if (!(buttons in BUTTONS_OF)) throw gasError('Invalid argument: buttons');
  return { title, prompt, buttons: buttons as ButtonSetName };
}

/** Runtime-only controls over the Ui (tests, playground); not visible to script code. */
export interface UiHandle {
  readonly state: UiState;
  /** Queues the answers the next alerts/prompts get, in order. */
  queueResponse(...responses: (QueuedResponse | ButtonName)[]): void;
  /** For createSpreadsheetApp's onToast. */
  recordToast(message: string, title?: string, timeoutSeconds?: number): void;
  /** The sidebar/dialog was closed (google.script.host.close() or the user). */
  closeSurface(): void;
  /** Menu items as 'Menu › Sub › Item' → functionName, for listing or clicking. */
  menuItems(): { path: string[]; functionName: string }[];
}

export function createUi(ctx: RuntimeContext, state: UiState = emptyUiState(), options: UiOptions = {}): { ui: GoogleAppsScript.Base.Ui; handle: UiHandle } {
  const impl = new UiImpl(ctx, state, options);
  const handle: UiHandle = {
    state,
    queueResponse(...responses) {
      for (const r of responses) {
        const q = typeof r === 'string' ? { button: r } : { ...r };
        if (!(q.button in Button)) throw new Error(`Unknown button ${String(q.button)}`);
        state.queue.push(q);
      }
    },
    recordToast(message, title = '', timeoutSeconds = 5) {
      state.toasts.push({ message: String(message), title: String(title), timeoutSeconds, atMs: ctx.clock.nowMs() });
    },
    closeSurface() {
      state.surface = null;
    },
    menuItems() {
      const out: { path: string[]; functionName: string }[] = [];
      const walk = (items: MenuEntry[], path: string[]) => {
        for (const it of items) {
          if (it.type === 'item') out.push({ path: [...path, it.caption], functionName: it.functionName });
          else if (it.type === 'submenu') walk(it.items, [...path, it.caption]);
        }
      };
      for (const m of state.menus) walk(m.items, [m.caption]);
      return out;
    },
  };
  return { ui: impl as unknown as GoogleAppsScript.Base.Ui, handle };
}
