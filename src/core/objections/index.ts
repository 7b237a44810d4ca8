/**
 * Objection rules, pure: checking what the sidebar sends, the next ID, "what has worked for
 * this team" and which objections are past their written-answer time. The server reads the
 * Objections tab once and hands the rows here.
 */
import type { Locale } from '../i18n/locale';
import { t } from '../i18n';
import { listItemKey } from '../lists';
import { objectionTypeKey } from '../playbook';
import type { FieldErrors } from '../result';
import { answerDueMs, answerOverdue } from './answer';
import { checkPlausibleDate, readDate } from '../validation/rules';

export { objectionTypeKey } from '../playbook';

/** Longest text we accept in one field (a Sheets cell holds 50,000 characters). */
export const MAX_TEXT = 5000;
/** How many "what has worked" responses the sidebar shows. */
export const WORKED_TOP = 5;
/** Responses are grouped by their first characters: long answers that start alike count together. */
export const WORKED_KEY_CHARS = 200;

/** What the Log objection form sends (untrusted: anyone with edit access can call the server). */
export interface ObjectionInput {
  customerId: string;
  /** ISO instant. */
  raisedAt: string;
  /** A value of the objection_type list (label in either language, or a team-added value). */
  type: string;
  details: string;
  cause: string;
  response: string;
  /** ISO instant or ''. */
  answeredAt: string;
  result: string;
  nextStep: string;
  /** Owner of the next step: a name from the team list. */
  nextStepOwner: string;
  /** YYYY-MM-DD or ''. */
  nextStepDue: string;
}

/** The checked input, ready to be written. */
export interface CleanObjection {
  customerId: string;
  raisedAt: Date;
  type: string;
  details: string;
  cause: string;
  response: string;
  answeredAt: Date | null;
  result: string;
  resultKey: string | null;
  nextStep: string;
  nextStepOwner: string;
  nextStepDue: { y: number; m: number; d: number } | null;
}

const FIELDS: (keyof ObjectionInput)[] = [
  'customerId',
  'raisedAt',
  'type',
  'details',
  'cause',
  'response',
  'answeredAt',
  'result',
  'nextStep',
  'nextStepOwner',
  'nextStepDue',
];

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

export function instant(v: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface CheckContext {
  locale: Locale;
  /** Values allowed for the type (the Lists tab column, both languages accepted for built-ins). */
  types: readonly string[];
  /** Values allowed for the result. */
  results: readonly string[];
  /** Team member names (owners). */
  team: readonly string[];
  /** Now, for "raised in the future" checks. */
  now: Date;
}

export function inList(value: string, allowed: readonly string[], listKey: string): boolean {
  const v = value.toLowerCase();
  if (allowed.some((a) => a.trim().toLowerCase() === v)) return true;
  return listItemKey(listKey, value) !== null;
}

/** Checks the form's input; field errors come back in the user's language. */
export function checkObjection(raw: unknown, ctx: CheckContext): { ok: true; value: CleanObjection } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(ctx.locale, key, params);
  const src = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const today = ctx.now.toISOString().slice(0, 10);
  const tooEarly = (at: Date, label: 'objection.raisedAt' | 'objection.answeredAt'): string | null => {
    const p = new Date(at.getTime());
    const problem = checkPlausibleDate({ y: p.getUTCFullYear(), m: p.getUTCMonth() + 1, d: p.getUTCDate() }, { today, field: tr(label) });
    return problem ? tr(problem.key, problem.params) : null;
  };
  const v = {} as Record<keyof ObjectionInput, string>;
  for (const f of FIELDS) {
    v[f] = text(src[f]);
    if (v[f].length > MAX_TEXT) errors[f] = tr('validation.tooLong', { max: MAX_TEXT });
  }
  if (!v.customerId) errors.customerId = tr('validation.required');
  const raisedAt = instant(v.raisedAt);
  if (!v.raisedAt) errors.raisedAt = tr('validation.required');
  else if (!raisedAt) errors.raisedAt = tr('validation.date');
  else if (raisedAt.getTime() > ctx.now.getTime() + 5 * 60_000) errors.raisedAt = tr('objection.error.future');
  else if (tooEarly(raisedAt, 'objection.raisedAt')) errors.raisedAt = tooEarly(raisedAt, 'objection.raisedAt')!;
  if (!v.type) errors.type = tr('validation.required');
  else if (!inList(v.type, ctx.types, 'objection_type')) errors.type = tr('validation.list', { allowed: ctx.types.join(', ') });
  if (!v.details) errors.details = tr('validation.required');
  let answeredAt: Date | null = null;
  if (v.answeredAt) {
    answeredAt = instant(v.answeredAt);
    if (!answeredAt) errors.answeredAt = tr('validation.date');
    else if (tooEarly(answeredAt, 'objection.answeredAt')) errors.answeredAt = tooEarly(answeredAt, 'objection.answeredAt')!;
    else if (raisedAt && answeredAt.getTime() < raisedAt.getTime()) errors.answeredAt = tr('objection.error.answeredBeforeRaised');
  }
  if (v.result && !inList(v.result, ctx.results, 'objection_result')) errors.result = tr('validation.list', { allowed: ctx.results.join(', ') });
  if (v.nextStepOwner && !ctx.team.some((n) => n.trim().toLowerCase() === v.nextStepOwner.toLowerCase()))
    errors.nextStepOwner = tr('validation.list', { allowed: ctx.team.join(', ') });
  // Year first and within 2000 … today + 2 years (readDate): the form once stored 6125-02-02.
  let due: CleanObjection['nextStepDue'] = null;
  const dueRead = readDate(v.nextStepDue, { today, field: tr('objection.nextStepDue') });
  if (!dueRead.ok) errors.nextStepDue = tr(dueRead.problem.key, dueRead.problem.params);
  else due = dueRead.date;
  if (v.nextStep && !due && !errors.nextStepDue) errors.nextStepDue = tr('objection.error.nextStepDue');
  if (due && !v.nextStep) errors.nextStep = tr('validation.required');
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      customerId: v.customerId,
      raisedAt: raisedAt!,
      type: v.type,
      details: v.details,
      cause: v.cause,
      response: v.response,
      answeredAt,
      result: v.result,
      resultKey: v.result ? listItemKey('objection_result', v.result) : null,
      nextStep: v.nextStep,
      nextStepOwner: v.nextStepOwner,
      nextStepDue: due,
    },
  };
}

/** One row of the Objections tab as read (untyped cells). */
export interface ObjectionRow {
  objection_id?: unknown;
  customer_id?: unknown;
  customer_name?: unknown;
  raised_at?: unknown;
  type?: unknown;
  details?: unknown;
  response?: unknown;
  answer_due?: unknown;
  answered_at?: unknown;
  result?: unknown;
  resolved_at?: unknown;
  owner?: unknown;
  lost_deal?: unknown;
}

export interface WorkedResponse {
  /** The response as most often written. */
  response: string;
  /** Times it was followed by "resolved". */
  resolved: number;
  /** Times it was used for this type at all. */
  used: number;
}

/** Grouping key of a response: case, spacing and trailing punctuation do not matter. */
export function responseKey(v: unknown): string {
  return String(v ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.。!！;；,，]+$/u, '')
    .toLowerCase()
    .slice(0, WORKED_KEY_CHARS);
}

/**
 * "What has worked for this team": for one type, the responses most often followed by
 * "resolved", with counts, best first (ties: the one used fewer times, i.e. with the better
 * success rate, first; then alphabetical). One pass over the rows, memory bounded by the distinct responses of that type.
 */
export function whatWorked(rows: Iterable<ObjectionRow>, typeKey: string, top = WORKED_TOP): WorkedResponse[] {
  if (!typeKey) return [];
  const groups = new Map<string, { resolved: number; used: number; spellings: Map<string, number> }>();
  for (const r of rows) {
    if (objectionTypeKey(r.type) !== typeKey) continue;
    const key = responseKey(r.response);
    if (!key) continue;
    let g = groups.get(key);
    if (!g) {
      g = { resolved: 0, used: 0, spellings: new Map() };
      groups.set(key, g);
    }
    g.used++;
    if (listItemKey('objection_result', r.result) === 'resolved') g.resolved++;
    const shown = String(r.response).trim().replace(/\s+/g, ' ');
    if (g.spellings.size < 20 || g.spellings.has(shown)) g.spellings.set(shown, (g.spellings.get(shown) ?? 0) + 1);
  }
  const out: WorkedResponse[] = [];
  for (const [key, g] of groups) {
    if (!g.resolved) continue;
    let best = '';
    let n = -1;
    for (const [s, c] of g.spellings) if (c > n || (c === n && s < best)) [best, n] = [s, c];
    out.push({ response: best || key, resolved: g.resolved, used: g.used });
  }
  out.sort((a, b) => b.resolved - a.resolved || a.used - b.used || (a.response < b.response ? -1 : a.response > b.response ? 1 : 0));
  return out.slice(0, top);
}

function asTime(v: unknown): number | null {
  if (v instanceof Date) return v.getTime();
  return null;
}

export interface OverdueObjection {
  objectionId: string;
  customerId: string;
  customerName: string;
  type: string;
  details: string;
  owner: string;
  /** ISO instants. */
  raisedAt: string;
  answerDue: string;
}

/**
 * Objections with no written answer whose answer time has passed, oldest first. `owner` is
 * matched without case; null lists everyone's (the manager's view).
 */
export function overdueObjections(rows: Iterable<ObjectionRow>, now: Date, answerHours: number, owner: string | null): OverdueObjection[] {
  const out: OverdueObjection[] = [];
  const who = owner == null ? null : owner.trim().toLowerCase();
  for (const r of rows) {
    const raised = asTime(r.raised_at);
    if (raised == null) continue;
    const dueMs = asTime(r.answer_due) ?? answerDueMs(raised, answerHours);
    if (!answerOverdue(dueMs, r.answered_at !== '' && r.answered_at != null, now.getTime())) continue;
    const o = String(r.owner ?? '').trim();
    if (who != null && o.toLowerCase() !== who) continue;
    out.push({
      objectionId: String(r.objection_id ?? ''),
      customerId: String(r.customer_id ?? ''),
      customerName: String(r.customer_name ?? ''),
      type: String(r.type ?? ''),
      details: String(r.details ?? ''),
      owner: o,
      raisedAt: new Date(raised).toISOString(),
      answerDue: new Date(dueMs).toISOString(),
    });
  }
  return out.sort((a, b) => (a.answerDue < b.answerDue ? -1 : a.answerDue > b.answerDue ? 1 : 0));
}
