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
import {
  checkAuthorized,
  clockEvent,
  documentOf,
  userKeyOf,
  emptyUiState,
  responseColumns,
  responseSheetHeaders,
  responseSheetRow,
  type FormRecord,
  type AuthModeName,
  type CacheStore,
  type FormSubmission,
  type UiState,
} from './runtime/services';
import type { LocalSpreadsheetApp } from './runtime/spreadsheet';
import { loadBundle, type LoadedBundle } from './runtime/bundle-loader';
import { toRpcResult, type RpcResult } from './runtime/rpc';
import type { EntryPoints, PublicFunctions } from '../server/callable';

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
  /**
   * 'null' makes LockService.getDocumentLock() return null, as Google does "if called from a
   * standalone script or web app" (https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock),
   * so code that must cope with it can be tested; `rt.locks.setDocumentLock()` switches it later.
   */
  documentLock?: 'available' | 'null';
  /**
   * 'addon' runs the bundle as an installed editor add-on (ScriptApp.getInstallationSource() is
   * not NONE, so the add-in builds its menu with createAddonMenu); default 'bound', the script
   * bound to the spreadsheet of the README's deploy path.
   */
  installedAs?: 'bound' | 'addon';
}

/** A spreadsheet other than the first one of a saved runtime, with its document-scoped state. */
export interface SavedDocument {
  workbook: ReturnType<Workbook['toJSON']>;
  properties: Record<string, string>;
  cache: CacheStore;
  ui: UiState;
}

/** Everything the runtime persists: the document and the services' state. */
export interface SavedRuntime {
  version: 1;
  /** The first document; its document properties, cache and Ui are in `services`. */
  workbook: ReturnType<Workbook['toJSON']>;
  services: services.ServicesState;
  clockMs: number;
  /** Further documents of the same add-on (rt.newDocument), if any. */
  documents?: SavedDocument[];
  /** The id of the document in use when saved (default the first). */
  currentDocument?: string;
}

export type { AuthModeName } from './runtime/services';

const ROOT = resolve(__dirname, '../..');

/**
 * The functions of a bundle by name, as `createLocalRuntime`'s type argument: it types the names,
 * and the results, of `rt.run` and `rt.rpc`. The default is Sales Desk's entry.ts
 * (src/server/callable.ts), so a test that names a function dist/Code.js lacks does not compile;
 * a test with a small bundle of its own passes `AnyScript`.
 */
export type AnyScript = Record<string, (...args: never[]) => unknown>;

/** What a bundle's function returns, as its type says (unknown for AnyScript). */
type Returned<F> = F extends (...args: never[]) => infer R ? R : unknown;

export function createLocalRuntime<Api extends object = EntryPoints>(options: LocalRuntimeOptions = {}) {
  const bundlePath = resolve(ROOT, options.bundle ?? 'dist/Code.js');
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} does not exist: run npm run build first`);
  const distDir = resolve(bundlePath, '..');
  const manifest = readManifest(distDir);
  const timeZone = options.timeZone ?? manifest.timeZone ?? 'Etc/UTC';

  const clock = new SimulatedClock(options.saved ? options.saved.clockMs : (options.now ?? new Date()));
  const counter = new CallCounter(clock);
  let user: UserIdentity = { email: options.user ?? 'owner@example.com', locale: options.locale ?? 'en' };
  const ctx: RuntimeContext = { clock, counter, scriptTimeZone: timeZone, currentUser: () => user };

  /** One spreadsheet of the add-on: its document model and document-scoped state. */
  interface Doc {
    workbook: Workbook;
    app: LocalSpreadsheetApp;
    ui: ReturnType<typeof services.createDocumentUi>;
    properties: Record<string, string>;
    cache: CacheStore;
  }
  const docs: Doc[] = [];
  let current: Doc;
  let documentLock = options.documentLock ?? 'available';

  const svc = services.createServices(ctx, {
    state: options.saved?.services,
    document: {
      id: () => current.workbook.id,
      properties: () => current.properties,
      cache: () => current.cache,
      hasDocumentLock: () => documentLock === 'available',
    },
    readFile: (name: string) => {
      const p = join(distDir, `${name}.html`);
      return existsSync(p) ? readFileSync(p, 'utf8') : null;
    },
    mailQuota: options.mailQuota,
    scriptScope: () => scriptScope(),
    spreadsheetId: () => current.workbook.id,
    installedAs: options.installedAs,
    onFormSubmit: (submission) => formSubmitted(submission),
    onFormDestination: (form) => inDestination(form, () => responseTab(form)),
  });

  /** Adds a document to the runtime (the first one's state lives in the services' state). */
  function addDocument(workbook: Workbook, state: Omit<SavedDocument, 'workbook'> | null): Doc {
    const ui = state ? services.createDocumentUi(ctx, state.ui) : { ui: svc.ui, handle: svc.uiState };
    const app = createSpreadsheetApp(ctx, workbook, {
      getUi: () => ui.ui,
      onToast: (message: string, title?: string, seconds?: number) => ui.handle.recordToast(message, title, seconds),
    });
    const shared = svc.liveState;
    const doc: Doc = {
      workbook,
      app,
      ui,
      properties: state ? state.properties : shared.properties.document,
      cache: state ? state.cache : shared.cache.document,
    };
    clock.onChange((ms) => workbook.observeClock(ms));
    docs.push(doc);
    return doc;
  }
  current = addDocument(
    options.saved ? Workbook.fromJSON(options.saved.workbook) : Workbook.create({ name: 'Sales Desk', timeZone, locale: user.locale }),
    null,
  );
  for (const d of options.saved?.documents ?? []) addDocument(Workbook.fromJSON(d.workbook), { properties: d.properties, cache: d.cache, ui: d.ui });
  // Triggers saved before they recorded their document belong to the first document.
  for (const t of svc.triggerState.state.triggers) if (t.documentId === undefined && t.sourceId === null) t.documentId = docs[0].workbook.id;
  if (options.saved?.currentDocument) current = docs.find((d) => d.workbook.id === options.saved!.currentDocument) ?? current;

  function ownerOf(t: { ownerEmail: string; ownerKey: string; ownerLocale: string }): UserIdentity {
    return { email: t.ownerEmail, key: t.ownerKey, locale: t.ownerLocale || user.locale };
  }

  function docById(id: string): Doc {
    const d = docs.find((x) => x.workbook.id === id);
    if (!d) throw new Error(`No document ${id} in this runtime`);
    return d;
  }

  /** The global SpreadsheetApp: whatever the script calls goes to the document it runs in. */
  const spreadsheetApp = new Proxy({} as LocalSpreadsheetApp, {
    get: (_t, prop) => Reflect.get(current.app, prop),
    has: (_t, prop) => Reflect.has(current.app, prop),
  });

  /** The authorization mode of the execution running now (checked at every counted call). */
  let authMode: AuthModeName = 'FULL';
  const gate = (service: string, cls: string, method: string) => checkAuthorized(authMode, service, cls, method);
  const globals: Record<string, unknown> = {
    SpreadsheetApp: instrument(counter, 'SpreadsheetApp', spreadsheetApp, gate),
    HtmlService: instrument(counter, 'HtmlService', svc.HtmlService, gate),
    PropertiesService: instrument(counter, 'PropertiesService', svc.PropertiesService, gate),
    LockService: instrument(counter, 'LockService', svc.LockService, gate),
    CacheService: instrument(counter, 'CacheService', svc.CacheService, gate),
    Session: instrument(counter, 'Session', svc.Session, gate),
    Utilities: instrument(counter, 'Utilities', svc.Utilities, gate),
    ScriptApp: instrument(counter, 'ScriptApp', svc.ScriptApp, gate),
    MailApp: instrument(counter, 'MailApp', svc.MailApp, gate),
    FormApp: instrument(counter, 'FormApp', svc.FormApp, gate),
    Logger: svc.Logger,
    console: svc.console,
    Date: clockDate(clock),
  };
  const bundle: LoadedBundle = loadBundle(readFileSync(bundlePath, 'utf8'), globals);
  /** What template scriptlets see: the services and the project's top-level functions. */
  function scriptScope(): Record<string, unknown> {
    const scope: Record<string, unknown> = { ...globals };
    for (const name of bundle.functionNames()) scope[name] = (...args: unknown[]) => bundle.call(name, args);
    return scope;
  }

  let executions = 0;
  /**
   * Runs one execution: a budget of 6 minutes on the simulated clock, as Apps Script has, in an
   * authorization mode (FULL for menu items, sidebar calls and installable triggers).
   */
  function execute<T>(work: () => T, mode: AuthModeName = 'FULL'): T {
    svc.lockControl.setExecution(`execution-${++executions}`);
    counter.startExecution();
    const outer = authMode;
    authMode = mode;
    try {
      return work();
    } finally {
      authMode = outer;
      counter.endExecution();
      svc.endExecution();
    }
  }

  /** Runs `work` in document `doc` as `who` (an installable trigger runs as its owner, in its document). */
  function asOwner<T>(who: UserIdentity, doc: Doc | null, work: () => T): T {
    const before = { user, current };
    user = who;
    if (doc) current = doc;
    try {
      return work();
    } finally {
      user = before.user;
      current = before.current;
    }
  }

  /** Runs `work` in the form's destination document (when it is one of this runtime's). */
  function inDestination(form: FormRecord, work: (workbook: Workbook) => void): void {
    const target = docs.find((d) => d.workbook.id === form.destination?.id);
    if (!target) return;
    const before = current;
    current = target;
    try {
      work(target.workbook);
    } finally {
      current = before;
    }
  }

  /**
   * The form's response tab in the document in use: the one setDestination made (found by sheet
   * id, so a renamed tab still gets the rows), else a new "Form Responses N" with the lowest N
   * no tab uses, headed Timestamp and the questions. The English name is what Google uses in an
   * English spreadsheet; that a Chinese one gets a translated name is likely and not confirmed —
   * so Sales Desk never looks a response tab up by name.
   */
  function responseTab(form: FormRecord): GoogleAppsScript.Spreadsheet.Sheet {
    const ss = spreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const known = form.responseSheet ? ss.getSheets().find((sh) => sh.getSheetId() === form.responseSheet!.sheetId) : undefined;
    if (known) return known;
    let n = 1;
    while (ss.getSheetByName(`Form Responses ${n}`)) n++;
    const sheet = ss.insertSheet(`Form Responses ${n}`);
    form.responseSheet = { sheetId: sheet.getSheetId(), itemIds: responseColumns(form).map((c) => c.itemId) };
    const headers = responseSheetHeaders(form).map((h) => h ?? '');
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    return sheet;
  }

  /**
   * A customer submitted a form whose destination is this spreadsheet: Google appends a row to
   * the form's response tab and then fires the spreadsheet's installable form-submit triggers with
   * the row's values (https://developers.google.com/apps-script/guides/triggers/events#form-submit).
   * Questions added since the last response get new columns on the right; a renamed question's
   * header follows its new title (what the Forms editor does; not stated on a reference page).
   */
  function formSubmitted(sub: FormSubmission): void {
    inDestination(sub.form, (workbook) => submitTo(workbook, sub));
  }

  function submitTo(workbook: Workbook, sub: FormSubmission): void {
    const ss = spreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const sheet = responseTab(sub.form);
    const columns = responseColumns(sub.form);
    sub.form.responseSheet = { sheetId: sheet.getSheetId(), itemIds: columns.map((c) => c.itemId) };
    const headers = responseSheetHeaders(sub.form);
    const current = sheet.getRange(1, 1, 1, headers.length).getValues()[0]!.map(String);
    const shown = headers.map((h, i) => h ?? current[i] ?? '');
    if (shown.some((h, i) => h !== current[i])) sheet.getRange(1, 1, 1, shown.length).setValues([shown]);
    // An answer is stored as what was typed: "=HYPERLINK(…)" is text on the response tab, never a
    // formula (Google writes responses as values). The leading apostrophe is Sheets' own "this is text".
    const row = responseSheetRow(sub.form, sub.response).map((v) => (typeof v === 'string' && v.startsWith('=') ? `'${v}` : v));
    sheet.appendRow(row);
    const rowIndex = sheet.getLastRow();
    const range = sheet.getRange(rowIndex, 1, 1, row.length);
    const display = range.getDisplayValues()[0];
    for (const trig of svc.triggerState.triggersOfType('ON_FORM_SUBMIT', workbook.id)) {
      const event = svc.triggerState.spreadsheetFormSubmitEvent(trig, { headers: shown, values: display, range, source: ss });
      asOwner(ownerOf(trig), null, () => execute(() => bundle.call(trig.handler, [event])));
    }
  }

  function rpcFromPage(name: string, argsJson: string): RpcResult {
    return toRpcResult(() => {
      if (name.endsWith('_') || !bundle.functionNames().includes(name)) {
        throw new Error(`Script function not found: ${name}`);
      }
      const args = JSON.parse(argsJson) as unknown[];
      return execute(() => bundle.call(name, args));
    });
  }

  const rt = {
    clock,
    counter,
    /** The document in use (the one rt.run, rt.spreadsheet and the Ui act on). */
    get workbook(): Workbook {
      return current.workbook;
    },
    timeZone,
    /** The Spreadsheet as script code sees it, without counting calls: for tests that act as a user would. */
    get spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
      return spreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    },
    /** The names of the bundle's top-level functions. */
    entryPoints: (): string[] => bundle.functionNames(),
    /**
     * Calls a top-level function of the bundle as the current user (AuthMode.FULL, as a menu item
     * runs) and returns what it returns. The arguments are not typed: tests send what a page or a
     * trigger might, bad input included, and the function must check it.
     */
    run<K extends keyof Api & string>(name: K, ...args: unknown[]): Returned<Api[K]> {
      // The bundle runs in its own context; what it returns is what the function's type says.
      return execute(() => bundle.call(name, args)) as Returned<Api[K]>;
    },
    /** Whether the bundle defines a top-level function of that name (for a name known only at run time, such as a menu item clicked in the playground). */
    isEntryPoint(name: string): name is keyof Api & string {
      return bundle.functionNames().includes(name);
    },
    /**
     * Calls a function the way google.script.run does from a page: arguments arrive as
     * JSON, names ending in `_` are private (not even named here), and the result must be a
     * legal return value (no Date). Errors come back as { ok: false, error } with the thrown message.
     */
    rpc<K extends keyof PublicFunctions<Api> & string>(name: K, argsJson: string): RpcResult<Returned<PublicFunctions<Api>[K]>> {
      return rpcFromPage(name, argsJson) as RpcResult<Returned<PublicFunctions<Api>[K]>>;
    },
    /** The same for a name a page sent at run time (the bridge of the browser harness and of the playground): refused as Google refuses it when unknown or private. */
    rpcFromPage,
    /**
     * Another spreadsheet of the same add-on (the user made a new file and uses Sales Desk in it
     * too): its own document properties, cache, document lock and Ui; the same user and script
     * properties, triggers, mail and forms. Returns its id; rt.openDocument({ id }) opens it.
     */
    newDocument(opts: { name?: string; timeZone?: string; locale?: string } = {}): string {
      const wb = Workbook.create({ name: opts.name ?? 'Untitled spreadsheet', timeZone: opts.timeZone ?? timeZone, locale: opts.locale ?? user.locale });
      wb.observeClock(clock.nowMs());
      return addDocument(wb, { properties: {}, cache: {}, ui: emptyUiState() }).workbook.id;
    },
    /** The documents this runtime holds, the one in use first. */
    documents(): { id: string; name: string; current: boolean }[] {
      return docs.map((d) => ({ id: d.workbook.id, name: d.workbook.name, current: d === current }));
    },
    /** Makes another document the one in use, without opening it (no onOpen). */
    useDocument(id: string): void {
      current = docById(id);
    },
    /**
     * The current user opens a spreadsheet (the one in use, or `id`): a fresh page with no
     * menus or sidebar, Sheets recalculates, then the simple onOpen trigger runs with
     * e.authMode. LIMITED is what a bound script and an add-on used in this document get; NONE
     * is what an add-on gets in a document it was not used in yet
     * (https://developers.google.com/apps-script/reference/script/auth-mode,
     * https://developers.google.com/apps-script/guides/triggers#onopene).
     */
    openDocument(opts: { id?: string; authMode?: AuthModeName } = {}): void {
      if (opts.id) current = docById(opts.id);
      const mode = opts.authMode ?? 'LIMITED';
      current.workbook.opened();
      current.ui.handle.state.menus.splice(0);
      current.ui.handle.closeSurface();
      if (bundle.functionNames().includes('onOpen')) {
        execute(() => bundle.call('onOpen', [{ authMode: mode, source: spreadsheetApp.getActive(), user: { email: user.email } }]), mode);
      }
    },
    /** `documentLock: 'null'` makes LockService.getDocumentLock() return null from now on (see the option). */
    setDocumentLock(available: 'available' | 'null'): void {
      documentLock = available;
    },
    /**
     * The current user types `text` into a cell (what the playground grid does). Unlike a
     * script's setValue, a user's edit fires the simple onEdit trigger (AuthMode.LIMITED) and the
     * installable on-edit triggers (https://developers.google.com/apps-script/guides/triggers#onedite:
     * "Script executions and API requests do not cause triggers to run"), with the event
     * object { authMode, range, source, user, value, oldValue, triggerUid }.
     */
    editCell(sheetName: string, row: number, col: number, text: string): { ok: true } | { ok: false; message: string } {
      const ss = spreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      const range = ss.getSheetByName(sheetName)?.getRange(row, col);
      const oldValue = range?.getValue();
      const workbook = current.workbook;
      const result = workbook.setCellFromUser(sheetName, row, col, text);
      if (!result.ok || !range) return result;
      const event = { authMode: 'LIMITED', range, source: ss, user: { email: user.email }, value: range.getValue(), oldValue };
      if (bundle.functionNames().includes('onEdit')) execute(() => bundle.call('onEdit', [event]), 'LIMITED');
      for (const trig of svc.triggerState.triggersOfType('ON_EDIT', workbook.id)) {
        asOwner(ownerOf(trig), null, () => execute(() => bundle.call(trig.handler, [{ ...event, authMode: 'FULL', triggerUid: trig.uid }])));
      }
      return result;
    },
    setUser(next: Partial<UserIdentity>): void {
      user = { ...user, ...next };
    },
    get user(): UserIdentity {
      return user;
    },
    /** The menus the add-in added to the Ui of the document in use, in the order added. */
    menus: () => current.ui.handle.state.menus,
    /** The Ui of the document in use. */
    get ui() {
      const h = current.ui.handle;
      return {
        ...h,
        /** The sidebar or dialog on screen now (an add-on shows one at a time), or null. */
        current: () => h.state.surface,
        alerts: () => h.state.alerts,
        toasts: () => h.state.toasts,
      };
    },
    locks: svc.lockControl,
    logs: svc.logLines,
    mail: svc.mailState,
    forms: svc.formsState,
    triggers: svc.triggerState,
    /**
     * Fires every installed time-driven trigger that is due at the simulated time, as its owner,
     * in the document it was made in (an add-on's triggers belong to a document).
     */
    fireDueTriggers(): { handler: string; ok: boolean; error?: string; documentId?: string }[] {
      const fired: { handler: string; ok: boolean; error?: string; documentId?: string }[] = [];
      for (const due of svc.triggerState.dueTimeTriggers(clock.nowMs())) {
        const record = svc.triggerState.state.triggers.find((t) => t.uid === due.uid);
        const docId = record ? documentOf(record) : null;
        const doc = docId ? (docs.find((d) => d.workbook.id === docId) ?? null) : null;
        const where = docs.length > 1 && doc ? { documentId: doc.workbook.id } : {};
        try {
          asOwner(ownerOf(due), doc, () => execute(() => bundle.call(due.handler, [due.event])));
          fired.push({ handler: due.handler, ok: true, ...where });
        } catch (e) {
          fired.push({ handler: due.handler, ok: false, error: (e as Error).message, ...where });
        }
      }
      return fired;
    },
    /**
     * The current user's installed time-driven trigger for `handler` fires now, out of its
     * schedule (what happens at its next hour, without waiting for it): as its owner, in its
     * document, with the event object Google passes a time-driven handler (triggerUid included,
     * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events).
     * Returns what the handler returns; throws when the user has no such trigger.
     */
    fireTrigger(handler: string): unknown {
      const me = userKeyOf(user);
      const record = svc.triggerState.state.triggers.find((t) => t.handler === handler && t.eventType === 'CLOCK' && t.ownerKey === me);
      if (!record) throw new Error(`No time-driven trigger for ${handler} installed by ${user.email || me}`);
      const docId = documentOf(record);
      const doc = docId ? (docs.find((d) => d.workbook.id === docId) ?? null) : null;
      return asOwner(ownerOf(record), doc, () => execute(() => bundle.call(handler, [clockEvent(record.uid, clock.nowMs())])));
    },
    /** Everything needed to continue later (the playground writes it to a file). */
    save(): SavedRuntime {
      const [first, ...rest] = docs;
      const out: SavedRuntime = { version: 1, workbook: first.workbook.toJSON(), services: svc.saveState(), clockMs: clock.nowMs() };
      if (rest.length) {
        out.documents = rest.map(
          (d) =>
            JSON.parse(JSON.stringify({ workbook: d.workbook.toJSON(), properties: d.properties, cache: d.cache, ui: d.ui.handle.state })) as SavedDocument,
        );
        out.currentDocument = current.workbook.id;
      }
      return out;
    },
  };
  return rt;
}

export type LocalRuntime<Api extends object = EntryPoints> = ReturnType<typeof createLocalRuntime<Api>>;

/** A runtime of any bundle, less the calls its functions' types shape: what a view of its state (the playground's panels) takes. */
export type AnyLocalRuntime = Omit<LocalRuntime, 'run' | 'rpc' | 'isEntryPoint'>;

function readManifest(distDir: string): { timeZone?: string } {
  const p = join(distDir, 'appsscript.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { timeZone?: string }) : {};
}
