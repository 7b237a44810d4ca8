/**
 * Sending the survey (issue 14): Send queues one row per recipient on Survey sends, then e-mails
 * go out in batches — from the sidebar (one batch per call, so it shows progress) and from the
 * hourly dispatcher (surveyJob: whatever today's quota or one execution left, the one reminder,
 * expiry).
 *
 * Never the same survey twice. The state survives a killed execution because it is written in
 * three steps, each before the next can happen:
 *  1. under the document lock a batch claims its rows: `attempt` = run id and time, written to
 *     the sheet before any e-mail goes; a second click or another run skips rows with a fresh
 *     claim (younger than a run can last);
 *  2. before each e-mail a document property of the run records the codes sent so far and the
 *     one about to go (`trying`); PropertiesService, not the sheet: one small write per e-mail;
 *  3. after the batch, under the lock, the rows become sent / failed / queued again, and the
 *     property is deleted.
 * A run killed between 1 and 3 leaves claimed rows: the next batch, once the claim is stale,
 * reads the run's property — a code in `sent` was sent, `trying` may have been (it is marked
 * sent with a note: a customer may miss one e-mail, never gets two), any other row goes back to
 * the queue. The one reminder is claimed the same way (reminder_at written before the e-mail).
 *
 * Cost: a batch reads the Survey sends tab once and writes one block back twice, whatever the
 * number of customers (test/integration/survey-budget.test.ts); MailApp's quota is asked before
 * each e-mail (the quota is shared with every script of the user: platform-facts C1).
 */
import { t, type Locale } from '../../core/i18n';
import { isoDay, isoDayOfSerial, todaySerial } from '../../core/cadence';
import { wallTime } from '../../core/cadence/wall-time';
import { referenceCodeFromBytes, uuidRandomBytes } from '../../core/survey/codes';
import { surveyInvitationMail, surveyReminderMail, type SurveyMailInput } from '../../core/survey/email';
import { REFERENCE_ITEM } from '../../core/survey/template';
import { surveySettings, type SurveySettings } from '../../core/survey/read-settings';
import type { SurveyKind } from '../../core/survey/lists';
import { currentUser, openWorkbook, readSettings, type ReadRow, type Workbook } from '../records';
import { withDocumentLock } from '../lock';
import { currentLocale } from '../locale';
import { ensureDispatcher, type Job, type JobContext } from '../dispatcher';
import { formProblem, openStoredForm, problemText, storedForms, SURVEY_LOCALES, type FormProblem } from './forms';
import { readPlan, type CustomerFacts } from './recipients';
import { labels, readSends, type SendRow } from './sends-tab';

/** Document property: 'true' while queued sends wait (the dispatcher's job continues them). */
export const PENDING_PROPERTY = 'salesdesk.survey.pending';
/** Document property prefix of one run's in-flight record. */
export const INFLIGHT_PREFIX = 'salesdesk.survey.inflight.';
/** Document property: the day the reminder and expiry pass last ran. */
export const REMIND_DAY_PROPERTY = 'salesdesk.survey.remind.day';
/** E-mails per batch: a batch stays far inside the 6-minute limit even at a second per e-mail. */
export const BATCH_SIZE = 25;
/** A claim older than the longest run (6 minutes) belongs to a run that was stopped. */
const STALE_CLAIM_MS = 7 * 60_000;
/** Stands for the code in the prefilled link made once per batch (letters and digits: the same in a URL). */
const CODE_SENTINEL = 'SDREFCODE0000';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export interface SendProgress {
  state: 'done' | 'running' | 'quota' | 'busy' | 'problem' | 'not_set_up';
  sent: number;
  queued: number;
  failed: number;
  quotaLeft: number;
  message: string;
}

interface Inflight {
  sent: Record<string, number>;
  trying: string | null;
}

type Locked = <T>(work: () => T) => T;

function readInflight(wb: Workbook, run: string): Inflight {
  try {
    const v = JSON.parse(wb.freshProperty(INFLIGHT_PREFIX + run) ?? 'null') as Inflight | null;
    return { sent: v?.sent ?? {}, trying: v?.trying ?? null };
  } catch (_e) {
    return { sent: {}, trying: null };
  }
}

function parseClaim(v: unknown): { run: string; at: number } | null {
  const m = /^(\S+)\|(\d+)$/.exec(text(v));
  return m ? { run: m[1]!, at: Number(m[2]) } : null;
}

/** The prefilled link of each language with a working form (the code replaced per recipient), and each problem. */
function formLinks(wb: Workbook): { links: Partial<Record<Locale, string>>; problems: Partial<Record<Locale, FormProblem>> } {
  const stored = storedForms(wb);
  const id = wb.ss.getId();
  const links: Partial<Record<Locale, string>> = {};
  const problems: Partial<Record<Locale, FormProblem>> = {};
  for (const locale of SURVEY_LOCALES) {
    const form = openStoredForm(stored[locale]);
    const problem = formProblem(form, stored[locale], id);
    const itemId = stored[locale]?.items[REFERENCE_ITEM];
    const item = form && itemId ? form.getItemById(itemId) : null;
    if (problem || !form || !item) {
      problems[locale] = problem ?? 'missing';
      continue;
    }
    links[locale] = form.createResponse().withItemResponse(item.asTextItem().createResponse(CODE_SENTINEL)).toPrefilledUrl();
  }
  return { links, problems };
}

export function linkFor(template: string, code: string): string {
  return template.split(CODE_SENTINEL).join(encodeURIComponent(code));
}

function mailInput(send: SendRow, link: string, settings: SurveySettings, tz: string, team: string): SurveyMailInput {
  const sentAt = send.send.sentAt ?? Date.now();
  return {
    to: text(send.values.email),
    locale: send.send.locale,
    kind: send.send.kind,
    name: text(send.values.addressee),
    team,
    sender: text(send.values.owner),
    link,
    code: send.send.code,
    expiresDay: isoDayOfSerial(todaySerial(sentAt, tz) + settings.expiryDays - 1),
  };
}

function sendMail(m: ReturnType<typeof surveyInvitationMail>, locale: Locale): void {
  MailApp.sendEmail({ to: m.to, subject: m.subject, body: m.body, htmlBody: m.htmlBody, name: t(locale, 'app.name') });
}

function progressOf(sends: readonly SendRow[], quotaLeft: number, state: SendProgress['state'], locale: Locale, message = ''): SendProgress {
  let sent = 0;
  let queued = 0;
  let failed = 0;
  for (const s of sends) {
    if (s.send.status === 'queued') queued++;
    else if (s.send.status === 'failed') failed++;
    else if (s.send.sentAt !== null) sent++;
  }
  const msg =
    message ||
    (state === 'done'
      ? t(locale, 'survey.send.done')
      : state === 'quota'
        ? t(locale, 'survey.send.quotaOut', { queued })
        : state === 'busy'
          ? t(locale, 'survey.send.busy')
          : queued
            ? t(locale, 'survey.send.continues', { queued })
            : '');
  return { state, sent, queued, failed, quotaLeft, message: msg };
}

/**
 * Puts rows of stopped runs right (see the file comment); returns the rows to write. The
 * in-flight records of those runs are deleted by the caller once the rows are written.
 */
function recover(wb: Workbook, sends: readonly SendRow[], now: number, failedText: string): { writes: ReadRow[]; runs: Set<string> } {
  const writes: ReadRow[] = [];
  const runs = new Set<string>();
  const records = new Map<string, Inflight>();
  for (const s of sends) {
    if (s.send.status !== 'queued') continue;
    const claim = parseClaim(s.values.attempt);
    if (!claim || now - claim.at < STALE_CLAIM_MS) continue;
    runs.add(claim.run);
    if (!records.has(claim.run)) records.set(claim.run, readInflight(wb, claim.run));
    const inflight = records.get(claim.run)!;
    const code = s.send.code;
    if (inflight.sent[code] !== undefined) {
      writes.push({ row: s.row, values: { status: 'sent', sent_at: new Date(inflight.sent[code]!), attempt: '', error: '' } });
    } else if (inflight.trying === code) {
      writes.push({ row: s.row, values: { status: 'sent', sent_at: new Date(claim.at), attempt: '', error: failedText } });
    } else writes.push({ row: s.row, values: { attempt: '' } });
  }
  return { writes, runs };
}

/** Applies row writes to the in-memory rows (so the progress counts what was written). */
function applyWrites(sends: SendRow[], writes: readonly ReadRow[], statusKey: (label: unknown) => string): void {
  const byRow = new Map(sends.map((s) => [s.row, s]));
  for (const w of writes) {
    const s = byRow.get(w.row);
    if (!s) continue;
    Object.assign(s.values, w.values);
    if (w.values.status !== undefined) s.send.status = statusKey(w.values.status) as SendRow['send']['status'];
    if (w.values.sent_at instanceof Date) s.send.sentAt = w.values.sent_at.getTime();
  }
}

/**
 * One batch: claim up to `max` queued rows, e-mail them, record what happened. Returns the
 * progress of every send on the tab.
 */
export function runBatch(wb: Workbook, locked: Locked, opts: { max: number; by: string; locale: Locale }): SendProgress {
  const run = Utilities.getUuid();
  const tz = wb.timeZone();
  const L = labels(wb);
  const statusKey = (label: unknown) => {
    const s = text(label);
    return (['queued', 'sent', 'failed', 'answered', 'expired'] as const).find((k) => k === s || L.status(k) === s) ?? s;
  };
  const claimed = locked(() => {
    const tab = wb.tab('survey_sends');
    if (!tab) return null;
    const sends = readSends(tab);
    const settings = surveySettings(readSettings(wb));
    const now = Date.now();
    const fixed = recover(wb, sends, now, t(opts.locale, 'survey.send.error.stopped'));
    const writes = fixed.writes.map((w) => ({
      row: w.row,
      values: { ...w.values, ...(w.values.status ? { status: L.status(w.values.status as 'sent') } : {}) },
    }));
    applyWrites(sends, writes, statusKey);
    const quota = MailApp.getRemainingDailyQuota();
    const busy = sends.some((s) => s.send.status === 'queued' && parseClaim(s.values.attempt) !== null);
    const pick = quota > 0 ? sends.filter((s) => s.send.status === 'queued' && !parseClaim(s.values.attempt)).slice(0, Math.min(opts.max, quota)) : [];
    const claim = `${run}|${now}`;
    const claimWrites = pick.map((s) => ({ row: s.row, values: { attempt: claim } }));
    const all = [...writes, ...claimWrites];
    if (all.length) tab.writeCells(all);
    for (const r of fixed.runs) wb.deleteProperty(INFLIGHT_PREFIX + r);
    return { sends, pick, quota, busy: busy && !pick.length, settings, links: pick.length ? formLinks(wb) : { links: {}, problems: {} } };
  });
  if (!claimed) return { state: 'not_set_up', sent: 0, queued: 0, failed: 0, quotaLeft: 0, message: t(opts.locale, 'survey.send.setupFirst') };
  const { sends, pick, settings, links } = claimed;
  if (!pick.length) {
    const queued = sends.some((s) => s.send.status === 'queued');
    if (!queued) wb.deleteProperty(PENDING_PROPERTY);
    const state = claimed.busy ? 'busy' : !queued ? 'done' : claimed.quota <= 0 ? 'quota' : 'running';
    return progressOf(sends, claimed.quota, state, opts.locale);
  }

  // Sending, outside the lock.
  const team = wb.name();
  const inflight: Inflight = { sent: {}, trying: null };
  const outcome = new Map<number, Record<string, unknown>>();
  let quotaLeft = claimed.quota;
  let quotaOut = false;
  for (const s of pick) {
    const template = links.links[s.send.locale];
    if (!template) {
      const problem = links.problems[s.send.locale] ?? 'missing';
      outcome.set(s.row, { status: L.status('failed'), error: problemText(problem, s.send.locale, opts.locale), attempt: '' });
      continue;
    }
    quotaLeft = MailApp.getRemainingDailyQuota();
    if (quotaLeft <= 0) {
      quotaOut = true;
      break;
    }
    inflight.trying = s.send.code;
    wb.setProperty(INFLIGHT_PREFIX + run, JSON.stringify(inflight));
    const at = Date.now();
    try {
      sendMail(surveyInvitationMail(mailInput({ ...s, send: { ...s.send, sentAt: at } }, linkFor(template, s.send.code), settings, tz, team)), s.send.locale);
      inflight.sent[s.send.code] = at;
      outcome.set(s.row, { status: L.status('sent'), sent_at: new Date(at), error: '', attempt: '' });
    } catch (err) {
      outcome.set(s.row, { status: L.status('failed'), error: (err as Error).message.slice(0, 300), attempt: '' });
    }
    inflight.trying = null;
  }
  // Claimed but not reached (quota ran out): back to the queue, saying why.
  for (const s of pick) if (!outcome.has(s.row)) outcome.set(s.row, { attempt: '', error: t(opts.locale, 'survey.send.error.quota') });
  const writes = [...outcome].map(([row, values]) => ({ row, values }));
  locked(() => {
    wb.tab('survey_sends')?.writeCells(writes);
    wb.deleteProperty(INFLIGHT_PREFIX + run);
  });
  applyWrites(sends, writes, statusKey);
  const queued = sends.some((s) => s.send.status === 'queued');
  if (!queued) wb.deleteProperty(PENDING_PROPERTY);
  return progressOf(sends, Math.max(0, quotaLeft - (quotaOut ? 0 : 1)), !queued ? 'done' : quotaOut ? 'quota' : 'running', opts.locale);
}

/** A new unguessable reference code (core/survey/codes) from two UUIDs' random bytes. */
function newCode(): string {
  return referenceCodeFromBytes(uuidRandomBytes([Utilities.getUuid(), Utilities.getUuid()]));
}

/**
 * Queues one row per recipient due now (under the lock: a second click sees them queued and
 * queues nobody twice). Returns how many were queued, or the forms' problem.
 */
export function queueDue(wb: Workbook, by: string, locale: Locale): { queued: number; problem: string | null } {
  const now = Date.now();
  const snap = readPlan(wb, now, locale);
  const tab = wb.tab('survey_sends');
  if (!snap || !tab) return { queued: 0, problem: t(locale, 'survey.send.setupFirst') };
  const { problems } = formLinks(wb);
  const needed = new Set(snap.plan.due.map((d) => d.locale));
  const broken = [...needed].find((l) => problems[l]);
  if (broken) return { queued: 0, problem: problemText(problems[broken]!, broken, locale) };
  if (!snap.plan.due.length) return { queued: 0, problem: null };
  const L = labels(wb);
  const round = wallTime(now, wb.timeZone());
  const records = snap.plan.due.map((d) => {
    const c: CustomerFacts | undefined = snap.customers.get(d.customerId);
    return {
      round,
      kind: L.kind(d.kind as SurveyKind),
      customer_id: d.customerId,
      addressee: c?.contact || c?.name || '',
      email: d.email,
      language: d.locale,
      code: newCode(),
      delivered_on: d.deliveredAt === null ? '' : new Date(d.deliveredAt),
      status: L.status('queued'),
      sent_by: by,
      owner: c?.owner ?? '',
    };
  });
  tab.append(records);
  wb.setProperty(PENDING_PROPERTY, 'true');
  return { queued: records.length, problem: null };
}

/**
 * The one reminder and expiry, once a day: links past their expiry day become expired; open
 * links whose reminder day came get the reminder (reminder_at written before the e-mail, so a
 * stopped run never reminds twice).
 */
export function remindAndExpire(wb: Workbook, locked: Locked, locale: Locale): { reminded: number; expired: number } {
  const L = labels(wb);
  const work = locked(() => {
    const snap = readPlan(wb, Date.now(), locale);
    const tab = wb.tab('survey_sends');
    if (!snap || !tab) return null;
    const byCode = new Map(snap.sends.map((s) => [s.send.code, s]));
    const quota = MailApp.getRemainingDailyQuota();
    const reminders = snap.plan.reminders.slice(0, Math.max(0, quota)).map((r) => byCode.get(r.send.code)!);
    const now = new Date();
    const writes: ReadRow[] = [
      ...snap.plan.expired.map((e) => ({ row: byCode.get(e.code)!.row, values: { status: L.status('expired') } })),
      ...reminders.map((s) => ({ row: s.row, values: { reminder_at: now } })),
    ];
    if (writes.length) tab.writeCells(writes);
    return { reminders, expired: snap.plan.expired.length, settings: snap.settings, links: reminders.length ? formLinks(wb).links : {} };
  });
  if (!work) return { reminded: 0, expired: 0 };
  let reminded = 0;
  const team = wb.name();
  for (const s of work.reminders) {
    const template = work.links[s.send.locale];
    if (!template || MailApp.getRemainingDailyQuota() <= 0) break;
    try {
      sendMail(surveyReminderMail(mailInput(s, linkFor(template, s.send.code), work.settings, wb.timeZone(), team)), s.send.locale);
      reminded++;
    } catch (_e) {
      // Not retried: one reminder at most.
    }
  }
  return { reminded, expired: work.expired };
}

// ------------------------------------------------------------------ entry points

function pageLocked<T>(work: () => T): T {
  return withDocumentLock(work);
}

/** Send (sidebar): queues everyone due now, then sends the first batch; the page calls continueSurveySend for the rest. */
export function startSurveySend(): SendProgress {
  const locale = currentLocale();
  const wb = openWorkbook();
  const user = currentUser(wb);
  const queued = withDocumentLock(() => queueDue(wb, user.by, locale));
  if (queued.problem) return { state: 'problem', sent: 0, queued: 0, failed: 0, quotaLeft: MailApp.getRemainingDailyQuota(), message: queued.problem };
  // The hourly job continues what this session does not finish (installed once).
  try {
    ensureDispatcher();
  } catch (_e) {
    // A trigger limit: the sidebar and a later Send still continue the queue.
  }
  return runBatch(wb, pageLocked, { max: BATCH_SIZE, by: user.by, locale });
}

/** The sidebar's next batch (also safe after a closed sidebar or a second window: claims keep batches apart). */
export function continueSurveySend(): SendProgress {
  const locale = currentLocale();
  const wb = openWorkbook();
  return runBatch(wb, pageLocked, { max: BATCH_SIZE, by: currentUser(wb).by, locale });
}

/** The dispatcher's job: queued sends (batches until the run's deadline or the quota), and once a day the reminder and expiry pass. */
export const surveyJob: Job = {
  key: 'survey-sends',
  due(ctx: JobContext): boolean {
    if (!ctx.props.getProperty('salesdesk.survey.forms')) return false;
    return ctx.props.getProperty(PENDING_PROPERTY) === 'true' || ctx.props.getProperty(REMIND_DAY_PROPERTY) !== isoDay(ctx.nowMs, ctx.timeZone);
  },
  run(ctx: JobContext): void {
    const locale = currentLocale();
    const day = isoDay(ctx.nowMs, ctx.timeZone);
    if (ctx.props.getProperty(REMIND_DAY_PROPERTY) !== day) {
      remindAndExpire(ctx.wb, ctx.locked, locale);
      ctx.props.setProperty(REMIND_DAY_PROPERTY, day);
    }
    while (ctx.props.getProperty(PENDING_PROPERTY) === 'true' && Date.now() < ctx.deadlineMs) {
      const p = runBatch(ctx.wb, ctx.locked, { max: BATCH_SIZE, by: 'Sales Desk', locale });
      if (p.state !== 'running') break;
    }
  },
};
