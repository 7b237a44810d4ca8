/**
 * Puts the local services together for one runtime and saves/restores their state as one
 * plain-JSON object. SpreadsheetApp is wired separately (it owns the document).
 */
import type { RuntimeContext } from './context';
import {
  createCacheService, createFormApp, createHtmlService, createLockService, createMailApp,
  createPropertiesService, createScriptApp, createSession, createUi, createUtilities,
  emptyCacheState, emptyFormsState, emptyLockState, emptyMailState, emptyPropertiesState,
  emptyTriggerState, emptyUiState,
  type CacheState, type FormSubmission, type FormsState, type LockState, type MailState,
  type PropertiesState, type TriggerState, type UiState,
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

export interface ServicesOptions {
  state?: ServicesState;
  /** Reads dist/<name>.html for HtmlService.createHtmlOutputFromFile(name). */
  readFile: (name: string) => string | null;
  mailQuota?: number;
  spreadsheetId: () => string;
  onFormSubmit?: (submission: FormSubmission) => void;
}

/** A Logger that keeps what the script logged (Logger.log / console.log in Apps Script). */
function createLogger(lines: string[]) {
  const log = (...args: unknown[]) => {
    lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  return {
    Logger: { log: (fmt: unknown, ...rest: unknown[]) => (log(fmt, ...rest), undefined), getLog: () => lines.join('\n'), clear: () => void lines.splice(0) },
    console: { log, info: log, warn: log, error: log },
  };
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
  const ui = createUi(ctx, s.ui, { addonName: 'Sales Desk' });
  const lock = createLockService(ctx, s.lock);
  const scriptApp = createScriptApp(ctx, s.triggers, { spreadsheetId: options.spreadsheetId });
  const mail = createMailApp(ctx, s.mail);
  const forms = createFormApp(ctx, s.forms, { onSubmit: (sub) => options.onFormSubmit?.(sub) });
  const logLines: string[] = [];
  const { Logger, console } = createLogger(logLines);
  return {
    ui: ui.ui,
    uiState: ui.handle,
    HtmlService: createHtmlService(ctx, { readFile: options.readFile }),
    PropertiesService: createPropertiesService(ctx, s.properties),
    LockService: lock.service,
    lockControl: lock.control,
    CacheService: createCacheService(ctx, s.cache),
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
  };
}
