/**
 * The workbook's single time-driven trigger. An editor add-on may have one trigger of each type
 * per user per document, and a time-driven one fires at most hourly
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers), so one hourly
 * `dispatch` runs every scheduled job: the daily reminder now; the weekly summary and resumed
 * survey sends later — each is one entry in jobs().
 *
 * A job decides itself whether it is due (its hour in the spreadsheet's time zone) and keeps its
 * own "already done" markers in document properties, so a double fire, two managers' triggers,
 * or a re-run after a timeout never does the work twice. dispatch holds the document lock while
 * jobs run, so two fires cannot interleave.
 */
import { reminderJob } from './reminders';
import { customerValuesJob } from './deals';

export const DISPATCH_HANDLER = 'dispatch';

export interface JobContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  props: GoogleAppsScript.Properties.Properties;
  nowMs: number;
  timeZone: string;
  /** Stop starting new work after this instant (Apps Script stops a run at 6 minutes). */
  deadlineMs: number;
}

export interface Job {
  key: string;
  /** Cheap check: is there work now? (No sheet reads unless needed.) */
  due(ctx: JobContext): boolean;
  run(ctx: JobContext): void;
}

/** Every job the dispatcher runs, in order. Later features add one line here. (A function: the job modules import this one.) */
export function jobs(): readonly Job[] {
  return [reminderJob, customerValuesJob];
}

/** Budget for a run: well inside Apps Script's 6 minutes, leaving time to write the log. */
const RUN_BUDGET_MS = 4.5 * 60_000;

export interface DispatchResult {
  ran: string[];
  failed: { job: string; message: string }[];
  skipped?: 'busy';
}

/** Trigger handler: runs every due job once. Also safe to run by hand. */
export function dispatch(_e?: unknown): DispatchResult {
  const started = Date.now();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) return { ran: [], failed: [], skipped: 'busy' }; // another dispatch is running: it does the work
  const result: DispatchResult = { ran: [], failed: [] };
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const ctx: JobContext = {
      ss,
      props: PropertiesService.getDocumentProperties(),
      nowMs: started,
      timeZone: ss.getSpreadsheetTimeZone(),
      deadlineMs: started + RUN_BUDGET_MS,
    };
    for (const job of jobs()) {
      if (Date.now() > ctx.deadlineMs) break;
      try {
        if (!job.due(ctx)) continue;
        job.run(ctx);
        result.ran.push(job.key);
      } catch (err) {
        // One failing job must not stop the others; Apps Script e-mails nobody for add-on triggers.
        result.failed.push({ job: job.key, message: (err as Error).message });
        console.error(`Sales Desk job ${job.key} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
  return result;
}

/**
 * This user's dispatcher triggers on this document. In an editor add-on getProjectTriggers()
 * returns the user's triggers in every document that uses the add-on; getUserTriggers(ss) those
 * of this one (https://developers.google.com/apps-script/reference/script/script-app#getusertriggersspreadsheet,
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers).
 */
function myDispatchers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).filter((tr) => tr.getHandlerFunction() === DISPATCH_HANDLER);
}

/** Document property: who installed the dispatcher (so a second manager does not add another). */
export const DISPATCHER_PROPERTY = 'salesdesk.dispatcher';

/**
 * Installs the hourly dispatcher unless one runs already (this user's, or another manager's as
 * recorded in the document). Returns true when a trigger was created.
 */
export function ensureDispatcher(): boolean {
  if (myDispatchers().length) return false;
  const props = PropertiesService.getDocumentProperties();
  const recorded = props.getProperty(DISPATCHER_PROPERTY);
  const me = (() => {
    try {
      return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
    } catch (_e) {
      return '';
    }
  })();
  if (recorded) {
    try {
      const r = JSON.parse(recorded) as { by?: string };
      if (r.by && r.by !== me) return false; // another user's trigger serves the document
    } catch (_e) {
      // unreadable marker: install ours
    }
  }
  ScriptApp.newTrigger(DISPATCH_HANDLER).timeBased().everyHours(1).create();
  props.setProperty(DISPATCHER_PROPERTY, JSON.stringify({ by: me, at: new Date().toISOString() }));
  return true;
}

/** Removes this user's dispatcher trigger(s); returns how many. */
export function removeDispatcher(): number {
  const mine = myDispatchers();
  for (const tr of mine) ScriptApp.deleteTrigger(tr);
  const props = PropertiesService.getDocumentProperties();
  if (mine.length) props.deleteProperty(DISPATCHER_PROPERTY);
  return mine.length;
}

