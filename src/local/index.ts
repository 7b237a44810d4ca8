/**
 * The local Apps Script runtime: loads the very dist/Code.js that clasp pushes and runs
 * its entry points against local services (spreadsheet on HyperFormula, Ui, HtmlService,
 * properties, locks, cache, triggers, mail, forms). Integration tests, the playground and
 * teams' own tests all use this — never a second copy of the add-in's logic.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CallCounter, SimulatedClock, clockDate, instrument, type RuntimeContext, type UserIdentity } from './runtime/context';
import { Workbook, createSpreadsheetApp } from './runtime/spreadsheet';
import * as services from './runtime/wire-services';
import { responseSheetHeaders, responseSheetRow, type FormSubmission } from './runtime/services';
import { loadBundle, type LoadedBundle } from './runtime/bundle-loader';
import { toRpcResult, type RpcResult } from './runtime/rpc';

export { SimulatedClock, CallCounter } from './runtime/context';
export { Workbook } from './runtime/spreadsheet';
export type { RpcResult } from './runtime/rpc';

export interface LocalRuntimeOptions {
  /** Path to the built bundle; default dist/Code.js of this project. */
  bundle?: string;
  /** E-mail of the user running scripts; '' models a co-worker whose e-mail Google hides. */
  user?: string;
  /** Locale as Session.getActiveUserLocale() reports it, e.g. 'en' or 'zh_CN'. */
  locale?: string;
  /** Time zone of the spreadsheet and the script (appsscript.json's timeZone by default). */
  timeZone?: string;
  /** Start time of the simulated clock. */
  now?: Date;
  /** A workbook saved with `rt.save()`, to continue where it was. */
  saved?: SavedRuntime;
  /** Daily e-mail recipients (100 on consumer accounts, 1,500 on Workspace). */
  mailQuota?: number;
}

/** Everything the runtime persists: the document and the services' state. */
export interface SavedRuntime {
  version: 1;
  workbook: ReturnType<Workbook['toJSON']>;
  services: services.ServicesState;
  clockMs: number;
}

const ROOT = resolve(__dirname, '../..');

export function createLocalRuntime(options: LocalRuntimeOptions = {}) {
  const bundlePath = resolve(ROOT, options.bundle ?? 'dist/Code.js');
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} does not exist: run npm run build first`);
  const distDir = resolve(bundlePath, '..');
  const manifest = readManifest(distDir);
  const timeZone = options.timeZone ?? manifest.timeZone ?? 'Etc/UTC';

  const clock = new SimulatedClock(options.saved ? options.saved.clockMs : (options.now ?? new Date()));
  const counter = new CallCounter(clock);
  let user: UserIdentity = { email: options.user ?? 'owner@example.com', locale: options.locale ?? 'en' };
  const ctx: RuntimeContext = { clock, counter, scriptTimeZone: timeZone, currentUser: () => user };

  const workbook = options.saved
    ? Workbook.fromJSON(options.saved.workbook)
    : Workbook.create({ name: 'Sales Desk', timeZone, locale: user.locale });

  clock.onChange((ms) => workbook.observeClock(ms));

  const svc = services.createServices(ctx, {
    state: options.saved?.services,
    readFile: (name: string) => {
      const p = join(distDir, `${name}.html`);
      return existsSync(p) ? readFileSync(p, 'utf8') : null;
    },
    mailQuota: options.mailQuota,
    spreadsheetId: () => workbook.id,
    onFormSubmit: (submission) => formSubmitted(submission),
  });

  const spreadsheetApp = createSpreadsheetApp(ctx, workbook, {
    getUi: () => svc.ui,
    onToast: (message: string, title?: string, seconds?: number) => svc.uiState.recordToast(message, title, seconds),
  });

  const globals: Record<string, unknown> = {
    SpreadsheetApp: instrument(counter, 'SpreadsheetApp', spreadsheetApp),
    HtmlService: instrument(counter, 'HtmlService', svc.HtmlService),
    PropertiesService: instrument(counter, 'PropertiesService', svc.PropertiesService),
    LockService: instrument(counter, 'LockService', svc.LockService),
    CacheService: instrument(counter, 'CacheService', svc.CacheService),
    Session: instrument(counter, 'Session', svc.Session),
    Utilities: instrument(counter, 'Utilities', svc.Utilities),
    ScriptApp: instrument(counter, 'ScriptApp', svc.ScriptApp),
    MailApp: instrument(counter, 'MailApp', svc.MailApp),
    FormApp: instrument(counter, 'FormApp', svc.FormApp),
    Logger: svc.Logger,
    console: svc.console,
    Date: clockDate(clock),
  };
  const bundle: LoadedBundle = loadBundle(readFileSync(bundlePath, 'utf8'), globals);

  let executions = 0;
  /** Runs one execution: a budget of 6 minutes on the simulated clock, as Apps Script has. */
  function execute<T>(work: () => T): T {
    svc.lockControl.setExecution(`execution-${++executions}`);
    counter.startExecution();
    try {
      return work();
    } finally {
      counter.endExecution();
      svc.endExecution();
    }
  }

  /**
   * A customer submitted a form whose destination is this spreadsheet: Google appends a row to
   * the form's response sheet ("Form Responses 1", created by setDestination) and then fires
   * the spreadsheet's installable form-submit triggers with the row's values
   * (https://developers.google.com/apps-script/guides/triggers/events#form-submit).
   */
  function formSubmitted(sub: FormSubmission): void {
    if (sub.form.destination?.id !== workbook.id) return;
    const ss = spreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const headers = responseSheetHeaders(sub.form);
    const linked = svc.formsState.state.forms.filter((f) => f.destination?.id === workbook.id);
    const sheetName = `Form Responses ${linked.findIndex((f) => f.id === sub.form.id) + 1}`;
    let sheet = ss.getSheetByName(sheetName);
    if (!sheet) {
      sheet = ss.insertSheet(sheetName);
      sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    }
    const row = responseSheetRow(sub.form, sub.response);
    sheet.appendRow(row);
    const rowIndex = sheet.getLastRow();
    const range = sheet.getRange(rowIndex, 1, 1, row.length);
    const display = range.getDisplayValues()[0];
    for (const trig of svc.triggerState.triggersOfType('ON_FORM_SUBMIT', workbook.id)) {
      const event = svc.triggerState.spreadsheetFormSubmitEvent(trig, { headers, values: display, range, source: ss });
      const before = user;
      user = { email: trig.ownerEmail, key: trig.ownerKey, locale: trig.ownerLocale || user.locale };
      try {
        execute(() => bundle.call(trig.handler, [event]));
      } finally {
        user = before;
      }
    }
  }

  const rt = {
    clock,
    counter,
    workbook,
    timeZone,
    /** The Spreadsheet as script code sees it, without counting calls: for tests that act as a user would. */
    get spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
      return spreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    },
    /** The names of the bundle's top-level functions. */
    entryPoints: (): string[] => bundle.functionNames(),
    /** Calls a top-level function of the bundle as the current user and returns what it returns. */
    run(name: string, ...args: unknown[]): unknown {
      return execute(() => bundle.call(name, args));
    },
    /**
     * Calls a function the way google.script.run does from a page: arguments arrive as
     * JSON, names ending in `_` are private, and the result must be a legal return value
     * (no Date). Errors come back as { ok: false, error } with the thrown message.
     */
    rpc(name: string, argsJson: string): RpcResult {
      return toRpcResult(() => {
        if (name.endsWith('_') || !bundle.functionNames().includes(name)) {
          throw new Error(`Script function not found: ${name}`);
        }
        const args = JSON.parse(argsJson) as unknown[];
        return execute(() => bundle.call(name, args));
      });
    },
    /**
     * The current user opens the spreadsheet: a fresh page with no menus or sidebar, then the
     * simple onOpen trigger runs (in AuthMode.LIMITED for a bound script,
     * https://developers.google.com/apps-script/guides/triggers#onopene).
     */
    openDocument(): void {
      workbook.opened();
      svc.uiState.state.menus.splice(0);
      svc.uiState.closeSurface();
      if (bundle.functionNames().includes('onOpen')) {
        execute(() => bundle.call('onOpen', [{ authMode: 'LIMITED', source: spreadsheetApp.getActive(), user: { email: user.email } }]));
      }
    },
    /**
     * The current user types `text` into a cell (what the playground grid does). Unlike a
     * script's setValue, a user's edit fires the simple onEdit trigger and the installable
     * on-edit triggers (https://developers.google.com/apps-script/guides/triggers#onedite:
     * "Script executions and API requests do not cause triggers to run"), with the event
     * object { authMode, range, source, user, value, oldValue, triggerUid }.
     */
    editCell(sheetName: string, row: number, col: number, text: string): { ok: true } | { ok: false; message: string } {
      const ss = spreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      const range = ss.getSheetByName(sheetName)?.getRange(row, col);
      const oldValue = range?.getValue();
      const result = workbook.setCellFromUser(sheetName, row, col, text);
      if (!result.ok || !range) return result;
      const event = { authMode: 'LIMITED', range, source: ss, user: { email: user.email }, value: range.getValue(), oldValue };
      if (bundle.functionNames().includes('onEdit')) execute(() => bundle.call('onEdit', [event]));
      for (const trig of svc.triggerState.triggersOfType('ON_EDIT', workbook.id)) {
        const before = user;
        user = { email: trig.ownerEmail, key: trig.ownerKey, locale: trig.ownerLocale || user.locale };
        try {
          execute(() => bundle.call(trig.handler, [{ ...event, authMode: 'FULL', triggerUid: trig.uid }]));
        } finally {
          user = before;
        }
      }
      return result;
    },
    setUser(next: Partial<UserIdentity>): void {
      user = { ...user, ...next };
    },
    get user(): UserIdentity {
      return user;
    },
    /** The menus the add-in added to the Ui, in the order added. */
    menus: () => svc.uiState.state.menus,
    ui: {
      ...svc.uiState,
      /** The sidebar or dialog on screen now (an add-on shows one at a time), or null. */
      current: () => svc.uiState.state.surface,
      alerts: () => svc.uiState.state.alerts,
      toasts: () => svc.uiState.state.toasts,
    },
    locks: svc.lockControl,
    logs: svc.logLines,
    mail: svc.mailState,
    forms: svc.formsState,
    triggers: svc.triggerState,
    /** Fires every installed time-driven trigger that is due at the simulated time, as its owner. */
    fireDueTriggers(): { handler: string; ok: boolean; error?: string }[] {
      const fired: { handler: string; ok: boolean; error?: string }[] = [];
      for (const due of svc.triggerState.dueTimeTriggers(clock.nowMs())) {
        const before = user;
        user = { email: due.ownerEmail, key: due.ownerKey, locale: due.ownerLocale || user.locale };
        try {
          execute(() => bundle.call(due.handler, [due.event]));
          fired.push({ handler: due.handler, ok: true });
        } catch (e) {
          fired.push({ handler: due.handler, ok: false, error: (e as Error).message });
        } finally {
          user = before;
        }
      }
      return fired;
    },
    /** Everything needed to continue later (the playground writes it to a file). */
    save(): SavedRuntime {
      return { version: 1, workbook: workbook.toJSON(), services: svc.saveState(), clockMs: clock.nowMs() };
    },
  };
  return rt;
}

export type LocalRuntime = ReturnType<typeof createLocalRuntime>;

function readManifest(distDir: string): { timeZone?: string } {
  const p = join(distDir, 'appsscript.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { timeZone?: string }) : {};
}
