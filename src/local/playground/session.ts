/**
 * One playground session: the local runtime running dist/Code.js, the save file, and the views
 * the page asks for. Every change (menu run, sidebar call, cell edit, user switch) is saved
 * at once, atomically (persist.ts).
 *
 * Alerts and prompts block a script in Sheets until the user answers. A local script cannot
 * wait for a browser, so a run that shows a question with a choice (OK_CANCEL, YES_NO, a
 * prompt) is replayed: the workbook is restored to how it was before the run, the page asks
 * the user, and the run starts again with the answers queued — the script sees exactly the
 * answers the user gave, in order.
 */
import { createLocalRuntime, type LocalRuntime, type SavedRuntime } from '../index';
import { readSave, writeFileAtomic, SAVE_FORMAT, type PlaygroundSave } from './persist';
import { readUi, readMail, readForms, readTeam, tabsOf, gridOf, type GridRequest } from './view';
import type { AlertView, CellEditResult, RunResult, StateView } from './protocol';
import { pt } from './messages';
import { cellA1 } from '../runtime/spreadsheet/a1';

export interface SessionOptions {
  /** The save file (.playground/workbook.json). */
  file: string;
  reset?: boolean;
  /** Fill demo data when starting fresh (default: only when no save file exists). */
  demo?: boolean;
  user?: string;
  locale?: string;
  /** Follow the wall clock (default true); tests pass a fixed start time instead. */
  now?: Date;
  /** Runs the demo generator (injected so the server module stays small). */
  fillDemo?: (rt: LocalRuntime) => void;
  log?: (line: string) => void;
}

type Answer = { button: string; text?: string };

const HOUR_MS = 3600_000;

/** The grid's selection as the page sends it with a menu run (row, col 1-based). */
export interface Selection {
  sheet: string;
  row: number;
  col: number;
  wholeRow?: boolean;
}

/** SpreadsheetApp.ProtectionType as the runtime's facade takes it (the enum's values are its names). */
const SPREADSHEET_PROTECTION = {
  RANGE: 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
  SHEET: 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
};

const DEFAULT_USER = { email: 'owner@example.com', locale: 'en' };

export class PlaygroundSession {
  rt!: LocalRuntime;
  version = 1;
  activeSheet: string | undefined;
  private toastSeen = 0;
  private followWallClock: boolean;
  /** How far the time control has moved the clock ahead of the wall clock. */
  private clockAheadMs = 0;

  constructor(private readonly options: SessionOptions) {
    this.followWallClock = !options.now;
    const saved = options.reset ? null : readSave(options.file);
    if (saved) {
      this.rt = this.restore(saved.runtime, saved.user);
      this.activeSheet = saved.activeSheet;
      this.clockAheadMs = saved.clockAheadMs ?? 0;
      options.log?.(`Loaded ${options.file}`);
    } else {
      const user = { email: options.user ?? DEFAULT_USER.email, locale: options.locale ?? DEFAULT_USER.locale };
      this.rt = createLocalRuntime({ user: user.email, locale: user.locale, now: options.now ?? new Date() });
      this.rt.openDocument();
      const wantDemo = options.demo ?? true;
      if (wantDemo && options.fillDemo) {
        options.fillDemo(this.rt);
        options.log?.('Filled the demo workbook');
      }
      this.toastSeen = readUi(this.rt).toasts.length;
      this.persist();
    }
    this.toastSeen = readUi(this.rt).toasts.length;
    this.activeSheet ??= safe(() => this.rt.spreadsheet.getActiveSheet().getName(), undefined);
  }

  private restore(saved: SavedRuntime, user: { email: string; locale: string }): LocalRuntime {
    const rt = createLocalRuntime({ saved, user: user.email, locale: user.locale });
    return rt;
  }

  /** Writes the save file (temp file + rename). */
  persist(): void {
    const save: PlaygroundSave = {
      format: SAVE_FORMAT,
      version: 1,
      savedAt: new Date().toISOString(),
      user: { email: this.rt.user.email, locale: this.rt.user.locale },
      activeSheet: this.activeSheet,
      clockAheadMs: this.clockAheadMs,
      runtime: this.rt.save(),
    };
    writeFileAtomic(this.options.file, JSON.stringify(save));
  }

  private changed(): void {
    this.version++;
    this.persist();
  }

  /** Moves the simulated clock up to the wall clock (plus what the time control added), and fires time-driven triggers that are due. */
  tick(): void {
    if (!this.followWallClock) return;
    const now = Date.now() + this.clockAheadMs;
    if (now > this.rt.clock.nowMs()) {
      this.rt.clock.set(now);
      if (this.fireDue()) this.changed();
    }
  }

  private fireDue(): boolean {
    const fired = this.rt.fireDueTriggers();
    for (const f of fired) this.options.log?.(`Trigger ${f.handler}: ${f.ok ? 'ok' : f.error}`);
    return fired.length > 0;
  }

  /** When the next installed time-driven trigger runs (ms), or null when none is installed. */
  nextTriggerMs(): number | null {
    const due = this.rt.triggers.state.triggers.filter((t) => t.eventType === 'CLOCK' && t.nextDueMs !== null).map((t) => t.nextDueMs!);
    return due.length ? Math.min(...due) : null;
  }

  /**
   * The time control: moves the simulated clock an hour, a day, or to the next run of a
   * time-driven trigger. On the way the clock stops at every trigger run that falls in between
   * and fires it as its owner, as Google would have while the time passed (an hourly dispatcher
   * runs 24 times in a day, so the daily digest goes out at its hour).
   */
  advanceClock(step: 'hour' | 'day' | 'next'): RunResult {
    this.tick();
    const start = this.rt.clock.nowMs();
    const next = this.nextTriggerMs();
    const target = step === 'hour' ? start + HOUR_MS : step === 'day' ? start + 24 * HOUR_MS : (next ?? start);
    for (let at = this.nextTriggerMs(); at !== null && at <= target; at = this.nextTriggerMs()) {
      this.rt.clock.set(Math.max(at, this.rt.clock.nowMs()));
      if (!this.fireDue()) break;
    }
    this.rt.clock.set(Math.max(target, this.rt.clock.nowMs()));
    if (this.followWallClock) this.clockAheadMs += this.rt.clock.nowMs() - start;
    this.changed();
    return { ok: true, alerts: [], state: this.state() };
  }

  state(): StateView {
    const ui = readUi(this.rt);
    const surfaceRaw = ui.surface;
    // Identifies one showing of a page, stable across save/restore: the page reloads its iframe when it changes.
    const surfaceId = surfaceRaw ? `${ui.surfaceHistory?.length ?? 0}:${surfaceRaw.shownAtMs ?? 0}:${surfaceRaw.html.length}` : '';
    const toasts = ui.toasts.map((t, i) => ({ id: i, message: t.message, title: t.title, timeoutSeconds: t.timeoutSeconds }));
    const fresh = toasts.slice(this.toastSeen);
    this.toastSeen = toasts.length;
    return {
      version: this.version,
      documentName: this.documentName(),
      tabs: tabsOf(this.rt),
      menus: ui.menus,
      user: { email: this.rt.user.email, locale: this.rt.user.locale },
      team: readTeam(this.rt),
      surface: surfaceRaw
        ? { kind: surfaceRaw.kind, title: surfaceRaw.title, html: surfaceRaw.html, width: surfaceRaw.width, height: surfaceRaw.height, id: surfaceId }
        : null,
      toasts: fresh,
      outbox: readMail(this.rt),
      forms: readForms(this.rt),
      clock: this.rt.clock.now().toISOString(),
      timeZone: safe(() => this.rt.spreadsheet.getSpreadsheetTimeZone(), this.rt.timeZone),
      nextTrigger: ((ms) => (ms === null ? null : new Date(ms).toISOString()))(this.nextTriggerMs()),
      scriptActiveSheet: safe(() => this.rt.spreadsheet.getActiveSheet().getName(), null),
    };
  }

  documentName(): string {
    return safe(() => this.rt.spreadsheet.getName(), 'Sales Desk');
  }

  grid(req: GridRequest) {
    return { ...gridOf(this.rt, req), version: this.version };
  }

  /**
   * Runs `work` (a menu function or a sidebar call) with the given answers queued for its
   * alerts and prompts. If it asked a question the user has not answered yet, the run is undone
   * and the question returned.
   */
  private withAnswers<T>(answers: Answer[], work: () => T): { value?: T; error?: string; ask?: RunResult['ask']; alerts: AlertView[] } {
    const before = this.rt.save();
    const alertsBefore = readUi(this.rt).alerts.length;
    const queue = readUi(this.rt).queue;
    queue.length = 0;
    for (const a of answers) queue.push({ ...a } as never);
    let value: T | undefined;
    let error: string | undefined;
    try {
      value = work();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ui = readUi(this.rt);
    const shown = ui.alerts.slice(alertsBefore);
    queue.length = 0;
    // The first question that got a default answer because the user has not been asked yet.
    const unanswered = shown.findIndex((a, i) => i >= answers.length && (a.kind === 'prompt' || a.buttons !== 'OK'));
    if (unanswered >= 0) {
      const user = this.rt.user;
      this.rt = this.restore(before, user);
      const q = shown[unanswered]!;
      return {
        ask: { alert: { kind: q.kind, title: q.title, prompt: q.prompt, buttons: q.buttons }, answers },
        alerts: [],
      };
    }
    // Info alerts (OK only) are shown after the run; answered questions are not shown again.
    const info = shown.filter((a) => a.kind === 'alert' && a.buttons === 'OK');
    return { value, error, alerts: info.map((a) => ({ kind: a.kind, title: a.title, prompt: a.prompt, buttons: a.buttons, answer: a.answer })) };
  }

  /** Runs a menu item's function as the current user. */
  run(functionName: string, answers: Answer[] = [], selection?: Selection): RunResult {
    this.tick();
    if (selection) this.select(selection.sheet, selection.row, selection.col, selection.wholeRow);
    const menuFns = readUi(this.rt).menus.flatMap((m) => flatItems(m.items));
    if (!this.rt.isEntryPoint(functionName) || (!menuFns.includes(functionName) && functionName !== 'onOpen')) {
      return { ok: false, error: `${functionName} is not a menu item`, alerts: [], state: this.state() };
    }
    const r = this.withAnswers(answers, () => this.rt.run(functionName));
    if (!r.ask) this.changed();
    return { ok: !r.error && !r.ask, error: r.error, ask: r.ask, alerts: r.alerts, state: this.state() };
  }

  /** A google.script.run call from a sidebar or dialog. */
  rpc(fn: string, argsJson: string, answers: Answer[] = []): { result?: unknown; ask?: RunResult['ask']; alerts: AlertView[] } {
    this.tick();
    const r = this.withAnswers(answers, () => this.rt.rpcFromPage(fn, argsJson));
    if (r.ask) return { ask: r.ask, alerts: [] };
    this.changed();
    return { result: r.value ?? { ok: false, error: { name: 'Error', message: r.error ?? 'Unknown error' } }, alerts: r.alerts };
  }

  /** google.script.host.close() or the user closed the sidebar/dialog. */
  closeSurface(): void {
    const ui = this.rt.ui as unknown as { closeSurface?: () => void; close?: () => void };
    if (typeof ui.closeSurface === 'function') ui.closeSurface();
    else if (typeof ui.close === 'function') ui.close();
    else readUi(this.rt).surface = null;
    this.changed();
  }

  /**
   * What typing `text` into a cell does (row, col 1-based). A cell in a warning-only protected
   * range asks first, as Sheets does ("Heads up!"), until the page sends `confirmed`; an entry
   * the cell's validation rejects is refused with the rule's help text, or a message in the
   * user's language.
   */
  editCell(sheet: string, row: number, col: number, text: string, confirmed = false): CellEditResult {
    this.tick();
    const locale = this.rt.user.locale;
    if (!confirmed && this.warningOnlyAt(sheet, row, col)) {
      return { ok: false, confirm: { title: pt(locale, 'pg.protected.title'), message: pt(locale, 'pg.protected.bodyPlain') } };
    }
    try {
      const r = this.rt.editCell(sheet, row, col, text);
      // A rejected entry (data validation set to reject) is not a change: Sheets shows the message.
      if (!r.ok) return { ok: false, invalid: { title: pt(locale, 'pg.invalid.title'), message: this.rejection(sheet, row, col) ?? r.message } };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
    this.changed();
    return { ok: true };
  }

  /**
   * Whether a warning-only protection covers the cell. Sheets shows the warning to everyone who
   * edits such a range, the owner included
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection#setwarningonlywarningonly).
   */
  private warningOnlyAt(sheetName: string, row: number, col: number): boolean {
    const sheet = this.rt.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return false;
    const types = [SPREADSHEET_PROTECTION.RANGE, SPREADSHEET_PROTECTION.SHEET];
    return types.some((type) =>
      sheet.getProtections(type).some((p) => {
        if (!p.isWarningOnly()) return false;
        const r = p.getRange();
        return row >= r.getRow() && row < r.getRow() + r.getNumRows() && col >= r.getColumn() && col < r.getColumn() + r.getNumColumns();
      }),
    );
  }

  /** The message for an entry the cell's validation rejects: its help text, else what the rule allows. */
  private rejection(sheetName: string, row: number, col: number): string | null {
    const rule = safe(() => this.rt.spreadsheet.getSheetByName(sheetName)!.getRange(row, col).getDataValidation(), null);
    if (!rule) return null;
    const help = rule.getHelpText();
    if (help) return help;
    const locale = this.rt.user.locale;
    const cell = cellA1(row, col);
    const args = rule.getCriteriaValues();
    switch (String(rule.getCriteriaType())) {
      case 'VALUE_IN_LIST':
      case 'VALUE_IN_RANGE':
        return pt(locale, 'pg.invalid.list', { cell });
      case 'CHECKBOX':
        return pt(locale, 'pg.invalid.checkbox', { cell });
      case 'NUMBER_BETWEEN':
        return pt(locale, 'pg.invalid.between', { cell, min: String(args[0]), max: String(args[1]) });
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return pt(locale, 'pg.invalid.atLeast', { cell, min: String(args[0]) });
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return pt(locale, 'pg.invalid.atMost', { cell, max: String(args[0]) });
      case 'DATE_IS_VALID_DATE':
        return pt(locale, 'pg.invalid.date', { cell });
      case 'TEXT_IS_VALID_EMAIL':
        return pt(locale, 'pg.invalid.email', { cell });
      default:
        return pt(locale, 'pg.invalid.other', { cell });
    }
  }

  /**
   * The user clicked a cell (or a row number) in the grid: that becomes the active sheet and
   * range the script sees (SpreadsheetApp.getActiveRange/getActiveSheet/getActiveCell). Not
   * written to the save file on its own; the next change saves it with the workbook.
   */
  select(sheet: string, row: number, col: number, wholeRow = false): { ok: boolean } {
    const a1 = wholeRow ? `${row}:${row}` : cellA1(row, col);
    try {
      this.rt.workbook.setSelection(sheet, a1);
      this.activeSheet = sheet;
      return { ok: true };
    } catch {
      return { ok: false };
    }
  }

  /** Switches user and/or language; like reopening the spreadsheet, onOpen builds the menu again. */
  setUser(email: string, locale: string): RunResult {
    this.rt.setUser({ email, locale });
    const r = this.withAnswers([], () => this.rt.openDocument());
    this.changed();
    return { ok: !r.error, error: r.error, alerts: r.alerts, state: this.state() };
  }

  setActiveSheet(name: string): void {
    if (this.activeSheet === name) return;
    this.activeSheet = name;
    this.persist();
  }
}

function flatItems(items: readonly { type: string; functionName?: string; items?: unknown }[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.type === 'item' && it.functionName) out.push(it.functionName);
    else if (it.type === 'submenu' && Array.isArray(it.items)) out.push(...flatItems(it.items as never));
  }
  return out;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
