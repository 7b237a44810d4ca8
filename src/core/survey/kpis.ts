/**
 * Reference computations of the satisfaction measures (issue 14, shown by issue 16's
 * Dashboard): plain TypeScript over clean records, to check the sheet's formulas against.
 * Only answers attached to a customer count (a flagged answer is the manager's to judge);
 * a period is [from, to) on the answer time. Each returns null when there is nothing to
 * measure, as the formulas show a blank rather than 0 %.
 */
import { todaySerial } from '../cadence/time';
import { listItemKey } from '../lists';
import { inPeriod, type Period } from '../period';
import { edate } from '../tiers/dates';
import type { NpsClass, SatisfactionKey } from './answers';
import { npsClass } from './answers';
import { isAnswered, wasSent, type SurveySend } from './sends';
import type { SurveySettings } from './read-settings';
import type { ScoreKey } from './template';

/** What a measure needs of one answer (a CleanResponse is one). */
export interface ResponseFacts {
  /** Null for a flagged answer. */
  customerId: string | null;
  answeredAt: number;
  scores: Partial<Record<ScoreKey, number | null>>;
  overall: SatisfactionKey | null;
  nps: number | null;
}

function counted(rs: readonly ResponseFacts[], period?: Period): ResponseFacts[] {
  return rs.filter((r) => r.customerId !== null && inPeriod(r.answeredAt, period));
}

/** Mean of one 1–5 question over the answers that have it. */
export function averageScore(responses: readonly ResponseFacts[], key: ScoreKey, period?: Period): number | null {
  const xs = counted(responses, period)
    .map((r) => r.scores[key])
    .filter((v): v is number => typeof v === 'number');
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** CSAT: share of answers with an overall rating that say "satisfied". */
export function csat(responses: readonly ResponseFacts[], period?: Period): number | null {
  const rated = counted(responses, period).filter((r) => r.overall !== null);
  return rated.length ? rated.filter((r) => r.overall === 'satisfied').length / rated.length : null;
}

/** NPS in points: % promoters − % detractors among answers with a 0–10 score (−100 … 100). */
export function netPromoterScore(responses: readonly ResponseFacts[], s: Pick<SurveySettings, 'promoterMin' | 'detractorMax'>, period?: Period): number | null {
  const classes: NpsClass[] = [];
  for (const r of counted(responses, period)) {
    const c = npsClass(r.nps, s);
    if (c) classes.push(c);
  }
  if (!classes.length) return null;
  const share = (c: NpsClass) => classes.filter((x) => x === c).length / classes.length;
  return 100 * (share('promoter') - share('detractor'));
}

export interface RoundRate {
  sent: number;
  answered: number;
  rate: number | null;
}

/** Per round: links that went out, how many were answered, and the share. Queued and failed sends are not "sent". */
export function responseRateByRound(sends: readonly SurveySend[]): Map<string, RoundRate> {
  const out = new Map<string, RoundRate>();
  for (const s of sends) {
    if (!wasSent(s)) continue;
    const r = out.get(s.round) ?? { sent: 0, answered: 0, rate: null };
    r.sent++;
    if (isAnswered(s)) r.answered++;
    r.rate = r.answered / r.sent;
    out.set(s.round, r);
  }
  return out;
}

export interface CoverageInput {
  activeCustomerIds: Iterable<string>;
  sends: readonly SurveySend[];
  /** Surveys recorded by hand, by customer (as SurveyCustomer.lastSurveyedAt). */
  lastSurveyedAt?: ReadonlyMap<string, number>;
  now: number;
  timeZone: string;
  intervalMonths: number;
}

/**
 * Coverage: the share of active customers surveyed (a link sent, answered or not) within the
 * relationship interval, counted in calendar months back from today; the day exactly
 * `intervalMonths` ago counts.
 */
export function coverage(input: CoverageInput): number | null {
  const today = todaySerial(input.now, input.timeZone);
  const since = edate(today, -input.intervalMonths);
  const surveyed = new Set<string>();
  const mark = (id: string, at: number) => {
    const day = todaySerial(at, input.timeZone);
    if (day >= since && day <= today) surveyed.add(id.trim());
  };
  for (const s of input.sends) if (wasSent(s)) mark(s.customerId, s.sentAt!);
  for (const [id, at] of input.lastSurveyedAt ?? []) mark(id, at);
  let active = 0;
  let covered = 0;
  for (const id of new Set([...input.activeCustomerIds].map((x) => x.trim()).filter(Boolean))) {
    active++;
    if (surveyed.has(id)) covered++;
  }
  return active ? covered / active : null;
}

/** The rule keys survey follow-ups carry in the Follow-ups `rule` column (to add to core/cadence RULE_KEYS). */
export const SURVEY_RULE_KEYS = ['service_recovery', 'referral_ask'] as const;

export interface FollowUpFacts {
  rule: unknown;
  /** The status cell, in either language. */
  status: unknown;
}

/** Open recovery cases: service-recovery follow-ups neither done nor cancelled. */
export function openRecoveryCases(followUps: Iterable<FollowUpFacts>): number {
  let n = 0;
  for (const f of followUps) {
    if (String(f.rule ?? '').trim() !== 'service_recovery') continue;
    const st = listItemKey('followup_status', f.status);
    if (st !== 'done' && st !== 'cancelled') n++;
  }
  return n;
}
