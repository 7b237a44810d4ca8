/**
 * Puts the local services together for one runtime and saves/restores their state as one
 * plain-JSON object. SpreadsheetApp is wired separately (it owns the document).
 */
import type { RuntimeContext } from './context';
import {
  createCacheService,
  createFormApp,
  createHtmlService,
  createLockService,
  createMailApp,
  createPropertiesService,
  createScriptApp,
  createSession,
  createUi,
  createUtilities,
  emptyCacheState,
  emptyFormsState,
  emptyLockState,
  emptyMailState,
  emptyPropertiesState,
  emptyTriggerState,
  emptyUiState,
  type CacheState,
  type CacheStore,
  type FormSubmission,
  type FormRecord,
  type FormsState,
  type LockState,
  type MailState,
  type PropertiesState,
  type TriggerState,
  type UiState,
} from './services';

export interface ServicesState {
  ui: UiState;
  properties: PropertiesState;
  lock: LockState;
  cache: CacheState;
  mail: MailState;
  triggers: TriggerState;
  forms: FormsState;
}

/** Where the document-scoped services look for the document the script runs in now. */
export interface CurrentDocument {
  id(): string;
  properties(): Record<string, string>;
  cache(): CacheStore;
  /** false: getDocumentLock() returns null, as from a standalone script or web app. */
  hasDocumentLock(): boolean;
}

export interface ServicesOptions {
  state?: ServicesState;
  /** The document the script runs in now; default: the one document of `state`. */
  document?: CurrentDocument;
  /** Reads dist/<name>.html for HtmlService.createHtmlOutputFromFile(name). */
  readFile: (name: string) => string | null;
  /** The script's global names, in scope for template scriptlets (HtmlServiceOptions.scriptScope). */
  scriptScope?: () => Record<string, unknown>;
  mailQuota?: number;
  spreadsheetId: () => string;
  /** How the script runs (ScriptApp.getInstallationSource): bound (default) or as an add-on. */
  installedAs?: 'bound' | 'addon';
  onFormSubmit?: (submission: FormSubmission) => void;
  /** A form was linked to a spreadsheet (setDestination): the runtime adds its response tab. */
  onFormDestination?: (form: FormRecord) => void;
}

/** A Logger that keeps what the script logged (Logger.log / console.log in Apps Script). */
function createLogger(lines: string[]) {
  const log = (...args: unknown[]) => {
    lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  return {
    Logger: { log: (fmt: unknown, ...rest: unknown[]): void => log(fmt, ...rest), getLog: () => lines.join('\n'), clear: () => void lines.splice(0) },
    console: { log, info: log, warn: log, error: log },
  };
}

/** The Ui of one document window (its menus, its sidebar or dialog, its alerts and toasts). */
export function createDocumentUi(ctx: RuntimeContext, state: UiState) {
  return createUi(ctx, state, { addonName: 'Sales Desk' });
}

export function createServices(ctx: RuntimeContext, options: ServicesOptions) {
  const s = options.state ?? {
    ui: emptyUiState(),
    properties: emptyPropertiesState(),
    lock: emptyLockState(),
    cache: emptyCacheState(),
    mail: emptyMailState(options.mailQuota),
    triggers: emptyTriggerState(),
    forms: emptyFormsState(),
  };
  if (options.mailQuota !== undefined) s.mail.dailyQuota = options.mailQuota;
  const doc = options.document;
  const ui = createDocumentUi(ctx, s.ui);
  const lock = createLockService(ctx, s.lock, doc ? { documentId: doc.id, hasDocument: doc.hasDocumentLock } : {});
  const scriptApp = createScriptApp(ctx, s.triggers, { spreadsheetId: options.spreadsheetId, installedAs: options.installedAs });
  const mail = createMailApp(ctx, s.mail);
  const forms = createFormApp(ctx, s.forms, {
    onSubmit: (sub) => options.onFormSubmit?.(sub),
    onDestination: (form) => options.onFormDestination?.(form),
  });
  const logLines: string[] = [];
  const { Logger, console } = createLogger(logLines);
  return {
    ui: ui.ui,
    uiState: ui.handle,
    HtmlService: createHtmlService(ctx, { readFile: options.readFile, scriptScope: options.scriptScope }),
    PropertiesService: createPropertiesService(ctx, s.properties, doc ? { documentStore: doc.properties } : {}),
    LockService: lock.service,
    lockControl: lock.control,
    CacheService: createCacheService(ctx, s.cache, doc ? { documentStore: doc.cache } : {}),
    Session: createSession(ctx),
    Utilities: createUtilities(ctx),
    ScriptApp: scriptApp.ScriptApp,
    triggerState: scriptApp.control,
    MailApp: mail.MailApp,
    mailState: mail.control,
    FormApp: forms.FormApp,
    formsState: forms.control,
    Logger,
    console,
    logLines,
    /** Apps Script releases an execution's locks when it ends. */
    endExecution: () => lock.control.endExecution(),
    saveState: (): ServicesState => JSON.parse(JSON.stringify(s)) as ServicesState,
    /** The state itself (the runtime keeps the first document's stores in it). */
    liveState: s,
  };
}
