/**
 * Checking what the Log complaint sidebar sends (untrusted: anyone who can edit the sheet can
 * call the server with anything). Field errors come back in the user's language, keyed like the
 * form's fields; steps' errors as `step:<key>`.
 */
import { t, type Locale } from '../i18n';
import { instant, inList } from '../objections';
import { listItemKey } from '../lists';
import type { ShownStep } from './steps-tab';
import type { StepEntry } from './step-log';

/** What the page sends (every field a string or plain data: it crosses google.script.run). */
export interface ComplaintInput {
  /** '' for a new complaint. */
  complaintId: string;
  /** The row the complaint was read from (a hint; the ID decides). */
  row?: number;
  customerId: string;
  /** ISO instant. */
  receivedAt: string;
  channel: string;
  category: string;
  severity: string;
  words: string;
  owner: string;
  steps: { key: string; doneAt: string; note: string }[];
  /** Close the complaint now (or keep it closed). */
  close: boolean;
  /** Asked when closing (seed 001 step 7): 'yes', 'no' or '' (not asked yet). */
  satisfied: string;
  rootCause: string;
  lesson: string;
  /** Ask the survey round to send the customer the one-question satisfaction check. */
  requestSurvey: boolean;
}

export interface CleanComplaint {
  complaintId: string;
  customerId: string;
  receivedAt: Date;
  channel: string;
  category: string;
  severity: string;
  words: string;
  owner: string;
  steps: StepEntry[];
  close: boolean;
  confirmedSatisfied: boolean | null;
  rootCause: string;
  lesson: string;
  requestSurvey: boolean;
}

export interface ComplaintCheckContext {
  locale: Locale;
  channels: readonly string[];
  categories: readonly string[];
  severities: readonly string[];
  rootCauses: readonly string[];
  team: readonly string[];
  checklist: readonly Pick<ShownStep, 'key'>[];
  now: Date;
}

export const COMPLAINT_MAX_TEXT = 5000;
export const STEP_NOTE_MAX = 500;
/** A clock a few minutes ahead on the rep's machine is not "the future". */
const SLACK_MS = 5 * 60_000;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

export function checkComplaint(raw: unknown, ctx: ComplaintCheckContext): { ok: true; value: CleanComplaint } | { ok: false; errors: Record<string, string> } {
  const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(ctx.locale, key, params);
  const src = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const v = (k: string, max = 200) => {
    const s = text(src[k]);
    if (s.length > max) errors[k] = tr('validation.tooLong', { max });
    return s;
  };
  const complaintId = v('complaintId', 40);
  const customerId = v('customerId', 40);
  if (!customerId) errors.customerId = tr('complaint.error.customer');
  const receivedText = v('receivedAt', 40);
  const receivedAt = instant(receivedText);
  if (!receivedText) errors.receivedAt = tr('validation.required');
  else if (!receivedAt || receivedAt.getUTCFullYear() < 2000) errors.receivedAt = tr('validation.date');
  else if (receivedAt.getTime() > ctx.now.getTime() + SLACK_MS) errors.receivedAt = tr('complaint.error.future');
  const list = (k: string, allowed: readonly string[], listKey: string, required: boolean) => {
    const s = v(k);
    if (!s) {
      if (required) errors[k] = tr('validation.required');
    } else if (!inList(s, allowed, listKey)) errors[k] = tr('validation.list', { allowed: allowed.join(', ') });
    return s;
  };
  const channel = list('channel', ctx.channels, 'complaint_channel', false);
  const category = list('category', ctx.categories, 'complaint_category', true);
  const severity = list('severity', ctx.severities, 'complaint_severity', true);
  const words = v('words', COMPLAINT_MAX_TEXT);
  if (!words) errors.words = tr('validation.required');
  const owner = v('owner');
  if (owner && !ctx.team.some((n) => n.trim().toLowerCase() === owner.toLowerCase())) errors.owner = tr('validation.list', { allowed: ctx.team.join(', ') });
  const known = new Set(ctx.checklist.map((s) => s.key));
  const steps: StepEntry[] = [];
  const rawSteps = Array.isArray(src.steps) ? src.steps.slice(0, 50) : [];
  for (const s of rawSteps) {
    const o = (s && typeof s === 'object' ? s : {}) as Record<string, unknown>;
    const key = text(o.key).slice(0, 200);
    // A step a manager removed meanwhile keeps what was recorded for it (known or stored before).
    if (!key) continue;
    const field = `step:${key}`;
    const note = text(o.note);
    if (note.length > STEP_NOTE_MAX) errors[field] = tr('validation.tooLong', { max: STEP_NOTE_MAX });
    const doneText = text(o.doneAt);
    let doneAt: number | null = null;
    if (doneText) {
      const d = instant(doneText);
      if (!d) errors[field] = tr('validation.date');
      else if (d.getTime() > ctx.now.getTime() + SLACK_MS) errors[field] = tr('complaint.error.stepFuture');
      else if (receivedAt && d.getTime() < receivedAt.getTime()) errors[field] = tr('complaint.error.stepBeforeReceived');
      else doneAt = d.getTime();
    }
    if (!known.has(key) && doneAt === null && !note) continue;
    steps.push({ key, doneAt, note });
  }
  const close = src.close === true;
  const satisfiedText = text(src.satisfied);
  const confirmedSatisfied = satisfiedText === 'yes' ? true : satisfiedText === 'no' ? false : null;
  const rootCause = list('rootCause', ctx.rootCauses, 'complaint_root_cause', false);
  const lesson = v('lesson', COMPLAINT_MAX_TEXT);
  if (close) {
    if (confirmedSatisfied === null) errors.satisfied = tr('complaint.error.satisfied');
    if (!rootCause && !errors.rootCause) errors.rootCause = tr('complaint.error.rootCause');
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      complaintId,
      customerId,
      receivedAt: receivedAt!,
      channel,
      category,
      severity,
      words,
      owner,
      steps,
      close,
      confirmedSatisfied,
      rootCause,
      lesson,
      requestSurvey: src.requestSurvey === true,
    },
  };
}

/** A severity cell's key (blank or a team's own value: null, which the rules read as medium). */
export function severityKey(value: unknown): 'low' | 'medium' | 'high' | null {
  const k = listItemKey('complaint_severity', value);
  return k === 'low' || k === 'medium' || k === 'high' ? k : null;
}
