/**
 * The workbook's single time-driven trigger. An editor add-on may have one trigger of each type
 * per user per document, and a time-driven one fires at most hourly
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers), so one hourly
 * `dispatch` runs every scheduled job: the daily reminder now; the weekly summary and resumed
 * survey sends later — each is one entry in jobs().
 *
 * A job decides itself whether it is due (its hour in the spreadsheet's time zone) and keeps its
 * own "already done" markers in document properties, so a double fire, two managers' triggers,
 * or a re-run after a timeout never does the work twice.
 *
 * The lock is short. Reps save under the document lock and wait for it at most 20 s, so the
 * dispatcher never holds it while it sends e-mail (a digest run to 30 reps takes longer): it holds
 * it only around each batch of reads and writes (`ctx.locked`). That two runs of the dispatcher
 * never run their jobs side by side is a lease instead: a document property naming the run that
 * holds it, taken and given back under the lock, and taken over when older than a run can last.
 */
import { reminderJob } from './reminders';
import { customerValuesJob } from './deals';
import { stageHistoryJob } from './stage-history';
import { complaintEscalationJob } from './complaints/escalation';
import { surveyJob } from './survey/send';
import { openWorkbook, type Workbook } from './records';
import { tryWithDocumentLock } from './lock';
import { userTriggersHere } from './host';
import { t } from '../core/i18n';
import { currentLocale } from './locale';

/**
 * The trigger's handler. Its name ends in `_`, so no page can call it ("Server-side functions
 * whose names end with an underscore are considered private. These functions cannot be called
 * by google.script.run", https://developers.google.com/apps-script/guides/html/communication#private_functions).
 * Not confirmed on a Google page: that an installable trigger may name a private function (the
 * pages say only google.script.run and the editor's Run list skip them) — a probe of "Check this
 * spreadsheet" holds it. `dispatch_` also refuses any run that is not its trigger's own (below),
 * so even if it were callable, a call from an editor's console would do nothing.
 */
export const DISPATCH_HANDLER = 'dispatch_';
/** The handler of earlier versions: its triggers are replaced by `dispatch_` when a manager turns reminders on. */
const LEGACY_HANDLERS = ['dispatch'];

export interface JobContext {
  wb: Workbook;
  props: GoogleAppsScript.Properties.Properties;
  nowMs: number;
  timeZone: string;
  /** Stop starting new work after this instant (Apps Script stops a run at 6 minutes). */
  deadlineMs: number;
  /** Runs `work` under the document lock (reads and writes of the sheet); throws when the lock cannot be had. */
  locked<T>(work: () => T): T;
}

export interface Job {
  key: string;
  /** Cheap check: is there work now? (No sheet reads unless needed.) */
  due(ctx: JobContext): boolean;
  run(ctx: JobContext): void;
}

/** Every job the dispatcher runs, in order. Later features add one line here. (A function: the job modules import this one.) */
export function jobs(): readonly Job[] {
  // A complaint past its first-response time is more urgent than the daily digest: its escalation
  // goes first, so a short mail quota never starves it.
  return [complaintEscalationJob, reminderJob, customerValuesJob, stageHistoryJob, surveyJob];
}

/** Budget for a run: well inside Apps Script's 6 minutes, leaving time to write the log. */
const RUN_BUDGET_MS = 4.5 * 60_000;
/** A lease older than the longest run (6 minutes) belongs to a run that was stopped: taken over. */
const LEASE_MS = 7 * 60_000;
/** How long the dispatcher waits for the lock around one batch of reads or writes. */
const LOCK_WAIT_MS = 30_000;

/** Document property: the dispatcher run that is doing the jobs now, and since when. */
export const LEASE_PROPERTY = 'salesdesk.dispatch.lease';

export interface DispatchResult {
  ran: string[];
  failed: { job: string; message: string }[];
  skipped?: 'busy';
}

/** Takes the lease (under the document lock) unless another run holds a fresh one. */
function takeLease(props: GoogleAppsScript.Properties.Properties, run: string, nowMs: number): boolean {
  const got = tryWithDocumentLock(
    LOCK_WAIT_MS,
    () => {
      const held = JSON.parse(props.getProperty(LEASE_PROPERTY) ?? 'null') as { run?: string; at?: number } | null;
      if (held && held.run !== run && typeof held.at === 'number' && nowMs - held.at < LEASE_MS) return false;
      props.setProperty(LEASE_PROPERTY, JSON.stringify({ run, at: nowMs }));
      return true;
    },
    false,
  );
  return got.ok && got.value;
}

function giveBackLease(props: GoogleAppsScript.Properties.Properties, run: string): void {
  tryWithDocumentLock(
    LOCK_WAIT_MS,
    () => {
      const held = JSON.parse(props.getProperty(LEASE_PROPERTY) ?? 'null') as { run?: string } | null;
      if (held?.run === run) props.deleteProperty(LEASE_PROPERTY);
    },
    false,
  );
}

/**
 * Is this run its trigger's own execution? Google passes a time-driven trigger's handler an
 * event object whose `triggerUid` is the "ID of the trigger that produced this event"
 * (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events), and
 * Trigger.getUniqueId() "returns a unique identifier that can be used to distinguish triggers
 * from each other" (https://developers.google.com/apps-script/reference/script/trigger#getuniqueid).
 * The run is the trigger's when the event names one of the running user's own dispatcher
 * triggers on this document. Not stated on a Google page: that triggerUid and getUniqueId() are
 * the same string (both are documented as the trigger's ID); "Check this spreadsheet" probes it.
 * A call from a page, the editor's console or the Run button has no such event.
 */
function isOwnTriggerRun(e: unknown): boolean {
  const uid = e && typeof e === 'object' ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  if ((typeof uid !== 'string' && typeof uid !== 'number') || String(uid) === '') return false;
  try {
    return myDispatchers().some((tr) => tr.getUniqueId() === String(uid));
  } catch (_err) {
    return false;
  }
}

/** Trigger handler: runs every due job once — only as its own trigger's execution (isOwnTriggerRun). */
export function dispatch_(e?: GoogleAppsScript.Events.TimeDriven): DispatchResult {
  if (!isOwnTriggerRun(e)) throw new Error(t(currentLocale(), 'dispatch.notTrigger'));
  const started = Date.now();
  const wb = openWorkbook();
  const props = wb.documentProperties();
  if (!props) return { ran: [], failed: [], skipped: 'busy' };
  const run = Utilities.getUuid();
  // Another dispatch is running: it does the work.
  if (!takeLease(props, run, started)) return { ran: [], failed: [], skipped: 'busy' };
  const result: DispatchResult = { ran: [], failed: [] };
  try {
    const ctx: JobContext = {
      wb,
      props,
      nowMs: started,
      timeZone: wb.timeZone(),
      deadlineMs: started + RUN_BUDGET_MS,
      locked: (work) => {
        const r = tryWithDocumentLock(LOCK_WAIT_MS, work);
        if (!r.ok) throw new Error('The document stayed locked: the next hourly run continues');
        return r.value;
      },
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
    giveBackLease(props, run);
  }
  return result;
}

/** This user's dispatcher triggers on this document (see userTriggersHere). */
function myDispatchers(): GoogleAppsScript.Script.Trigger[] {
  return userTriggersHere().filter((tr) => tr.getHandlerFunction() === DISPATCH_HANDLER);
}

/** Document property: who installed the dispatcher (so a second manager does not add another). */
export const DISPATCHER_PROPERTY = 'salesdesk.dispatcher';

/**
 * Installs the hourly dispatcher for the manager turning reminders on, unless they have one here
 * already. A trigger another manager installed cannot be seen from this account (getUserTriggers
 * lists the running user's own), nor known to still run — the manager may have left the team, or
 * Google may have disabled it — so the record of who installed it never stops this one: the
 * reminders heal with whichever manager turns them on. Two managers' triggers do not do the work
 * twice (the dispatcher's lease and each job's day markers). This user's triggers of an earlier
 * handler name are replaced. Returns true when a trigger was created.
 */
export function ensureDispatcher(): boolean {
  const here = userTriggersHere();
  if (here.some((tr) => tr.getHandlerFunction() === DISPATCH_HANDLER)) return false;
  for (const tr of here) if (LEGACY_HANDLERS.includes(tr.getHandlerFunction())) ScriptApp.deleteTrigger(tr);
  const props = PropertiesService.getDocumentProperties();
  const me = (() => {
    try {
      return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
    } catch (_e) {
      return '';
    }
  })();
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
