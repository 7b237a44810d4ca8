/**
 * Checking a logged follow-up (the Log follow-up sidebar, and anything else that calls the
 * server with one): untrusted input in, a clean record or field errors in the user's language
 * out. The same checks run in the form (for speed) and on the server (for safety).
 */
import { t, type Locale } from '../i18n';
import { checkPlausibleDate, MAX_CELL_CHARS, readDate, type Ymd } from '../validation/rules';
import { isoDay, serialAt, serialOfIsoDay } from '../cadence/time';
import { ymdString } from '../tiers/dates';

export interface Commitment {
  what: string;
  /** 'YYYY-MM-DD'. */
  due: string;
}

export interface FollowupInput {
  customerId: string;
  /** Where the customer was found by the search (a hint, checked on save). */
  customerRow?: number;
  /** Set when completing a planned follow-up (from Today's "done"). */
  followupId?: string;
  followupRow?: number;
  channel: string;
  purpose: string;
  /** ISO instant of the contact; '' = now. */
  doneAt: string;
  summary: string;
  commitments: Commitment[];
  nextStep: string;
  /** New stage / intention if they changed ('' = unchanged). */
  stage: string;
  intention: string;
  /** 'YYYY-MM-DD' to override the planned date of the next follow-up ('' = by the cadence). */
  nextDate: string;
  /** True: plan no next follow-up. */
  noNext: boolean;
}

/**
 * What opens the Log follow-up form pre-filled: a planned follow-up (Today's "done"; its row is a
 * hint the server verifies) or a customer.
 */
export interface FollowupFormRef {
  followupId?: string;
  followupRow?: number;
  customerId?: string;
  /** Opened from Today with "Done": after the save the form goes back to Today, at this item (the one after the done one). */
  backToToday?: { at: string };
}

export interface CheckContext {
  locale: Locale;
  channels: readonly string[];
  purposes: readonly string[];
  stages: readonly string[];
  intentions: readonly string[];
  nowMs: number;
  timeZone: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export const LIMITS = { summary: 5000, nextStep: 500, commitment: 500, commitments: 10, id: 40, search: 200 } as const;

function str(v: unknown, max: number): string | null {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v).trim();
  return s.length > max ? null : s;
}

function pick(value: string, allowed: readonly string[]): string | null {
  const v = value.trim().toLowerCase();
  return allowed.find((a) => a.toLowerCase() === v) ?? null;
}

function rowHint(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 10_000_000 ? v : undefined;
}

/** Checks one follow-up; the message texts are in ctx.locale. */
export function checkFollowup(raw: unknown, ctx: CheckContext): Checked<FollowupInput & { doneMs: number }> {
  const L = ctx.locale;
  const errors: Record<string, string> = {};
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const tooLong = (max: number) => t(L, 'followup.error.tooLong', { max: Math.min(max, MAX_CELL_CHARS) });

  const customerId = str(r.customerId, LIMITS.id);
  if (!customerId) errors.customerId = t(L, 'followup.error.customer');
  const followupId = str(r.followupId, LIMITS.id) ?? '';

  const channelRaw = str(r.channel, 200) ?? '';
  const channel = pick(channelRaw, ctx.channels);
  if (!channelRaw) errors.channel = t(L, 'followup.error.required');
  else if (!channel) errors.channel = t(L, 'followup.error.notInList');

  const purposeRaw = str(r.purpose, 200) ?? '';
  const purpose = pick(purposeRaw, ctx.purposes);
  if (!purposeRaw) errors.purpose = t(L, 'followup.error.required');
  else if (!purpose) errors.purpose = t(L, 'followup.error.notInList');

  const summary = str(r.summary, LIMITS.summary);
  if (summary === null) errors.summary = tooLong(LIMITS.summary);
  else if (!summary) errors.summary = t(L, 'followup.error.summary');

  const nextStep = str(r.nextStep, LIMITS.nextStep);
  if (nextStep === null) errors.nextStep = tooLong(LIMITS.nextStep);

  // Dates are read year first and only inside 2000 … today + 2 years (core/validation/rules
  // readDate): a date field once turned a typed 2026年12月5日 into the year 6125.
  const today = isoDay(ctx.nowMs, ctx.timeZone);
  const dateRules = (label: 'followup.doneAt' | 'followup.nextDate' | 'followup.commitmentDue') => ({ today, field: t(L, label) });
  const day = (raw: string, label: 'followup.nextDate' | 'followup.commitmentDue'): { ok: true; day: string } | { ok: false; error: string } => {
    const read = readDate(raw, dateRules(label));
    if (!read.ok) return { ok: false, error: t(L, read.problem.key, read.problem.params) };
    return { ok: true, day: read.date ? ymdString(read.date) : '' };
  };

  let doneMs = ctx.nowMs;
  const doneRaw = str(r.doneAt, 40);
  if (doneRaw === null) errors.doneAt = t(L, 'followup.error.date');
  else if (doneRaw) {
    const ms = Date.parse(doneRaw);
    const early = Number.isNaN(ms) ? null : checkPlausibleDate(ymdOf(ms, ctx.timeZone), dateRules('followup.doneAt'));
    if (!/^\d{4}-\d{2}-\d{2}T/.test(doneRaw) || Number.isNaN(ms)) errors.doneAt = t(L, 'followup.error.date');
    else if (ms > ctx.nowMs + 5 * 60_000) errors.doneAt = t(L, 'followup.error.future');
    else if (early) errors.doneAt = t(L, early.key, early.params);
    else doneMs = ms;
  }

  const stageRaw = str(r.stage, 200) ?? '';
  const stage = stageRaw ? pick(stageRaw, ctx.stages) : '';
  if (stage === null) errors.stage = t(L, 'followup.error.notInList');
  const intentionRaw = str(r.intention, 200) ?? '';
  const intention = intentionRaw ? pick(intentionRaw, ctx.intentions) : '';
  if (intention === null) errors.intention = t(L, 'followup.error.notInList');

  const noNext = r.noNext === true;
  let nextDate = '';
  const nextRaw = str(r.nextDate, 40);
  if (nextRaw === null) errors.nextDate = t(L, 'followup.error.date');
  else if (nextRaw && !noNext) {
    const read = day(nextRaw, 'followup.nextDate');
    if (!read.ok) errors.nextDate = read.error;
    else if (serialOfIsoDay(read.day)! < Math.floor(serialAt(doneMs, ctx.timeZone))) errors.nextDate = t(L, 'followup.error.nextBeforeContact');
    else nextDate = read.day;
  }

  const commitments: Commitment[] = [];
  const list = Array.isArray(r.commitments) ? r.commitments : r.commitments === undefined || r.commitments === null ? [] : null;
  if (list === null || (list && list.length > LIMITS.commitments)) errors.commitments = t(L, 'followup.error.commitments', { max: LIMITS.commitments });
  else {
    for (const c of list) {
      const o = (c && typeof c === 'object' ? c : {}) as Record<string, unknown>;
      const what = str(o.what, LIMITS.commitment);
      const dueRaw = str(o.due, 40) ?? '';
      if (what === null) {
        errors.commitments = tooLong(LIMITS.commitment);
        break;
      }
      if (!what && !dueRaw) continue;
      if (!what) {
        errors.commitments = t(L, 'followup.error.commitmentWhat');
        break;
      }
      const due = dueRaw ? day(dueRaw, 'followup.commitmentDue') : null;
      if (!due || (due.ok && !due.day)) {
        errors.commitments = t(L, 'followup.error.commitmentDue');
        break;
      }
      if (!due.ok) {
        errors.commitments = due.error;
        break;
      }
      commitments.push({ what, due: due.day });
    }
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      customerId: customerId!,
      customerRow: rowHint(r.customerRow),
      followupId: followupId || undefined,
      followupRow: rowHint(r.followupRow),
      channel: channel!,
      purpose: purpose!,
      doneAt: doneRaw || '',
      doneMs,
      summary: summary!,
      commitments,
      nextStep: nextStep!,
      stage: stage || '',
      intention: intention || '',
      nextDate: noNext ? '' : nextDate,
      noNext,
    },
  };
}

function ymdOf(ms: number, timeZone: string): Ymd {
  const [y, m, d] = isoDay(ms, timeZone).split('-').map(Number);
  return { y, m, d };
}

/** The commitments as one cell of text, one per line: "what (due YYYY-MM-DD)". */
export function commitmentsText(list: readonly Commitment[], locale: Locale): string {
  return list.map((c) => t(locale, 'followup.commitmentLine', { what: c.what, due: c.due })).join('\n');
}
