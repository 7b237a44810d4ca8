/**
 * The pipeline measures the dashboard shows (issue 15), as reference computations: open pipeline
 * count and value by stage, weighted forecast by expected-close month, won and lost in a period,
 * win rate, average deal size, sales cycle, average days in each stage, stage-to-stage conversion,
 * stale deals. Money is added in whole minor units (cents) so a sum of 6,000 deals is exact to the
 * cent; amounts in another currency than the workbook's are left out of money measures and counted
 * apart. Periods are half-open [from, to) in serial days. Pure: the server or a test feeds the rows.
 */
import { CURRENCIES, type CurrencyCode } from '../money';
import { STAGE_KEYS, type StageKey } from '../customers/stage';
import { ymdFromSerial } from '../tiers/dates';
import { dealProbability, type Deal, type StageProbabilities } from './deal';
import { stageStays, type StageChange } from './stage-history';

export interface Period {
  from: number;
  to: number;
}

export interface CountValue {
  count: number;
  /** In the workbook's currency, rounded to its minor unit. */
  value: number;
}

/** The six pipeline stages in their order (seed 002 §二); Won, Lost and On hold are outcomes, not steps. */
export const PIPELINE_STAGES: readonly StageKey[] = ['reach', 'needs', 'solution', 'objections', 'negotiation', 'delivery'];

const inPeriod = (serial: number | null, p: Period) => serial !== null && serial >= p.from && serial < p.to;

/** Adds money in minor units. */
class Money {
  private minor = 0;
  constructor(private readonly currency: CurrencyCode) {}
  add(amount: number): void {
    this.minor += Math.round(amount * 10 ** CURRENCIES[this.currency].decimals);
  }
  get value(): number {
    return this.minor / 10 ** CURRENCIES[this.currency].decimals;
  }
}

export interface PipelineInput {
  deals: readonly Deal[];
  /** Each customer's current stage (register or replayed history). */
  stageOf: (customerId: string) => StageKey | null;
  currency: CurrencyCode;
}

/** Open deals by their customer's current stage: how many and what they are worth (stages without deals: 0). */
export function openPipelineByStage(input: PipelineInput): Map<StageKey | null, CountValue> {
  const acc = new Map<StageKey | null, { count: number; money: Money }>();
  for (const s of [...STAGE_KEYS, null]) acc.set(s, { count: 0, money: new Money(input.currency) });
  for (const d of input.deals) {
    if (d.status !== 'open' || d.currency !== input.currency) continue;
    const a = acc.get(input.stageOf(d.customerId))!;
    a.count++;
    a.money.add(d.amount);
  }
  return new Map([...acc].map(([k, v]) => [k, { count: v.count, value: v.money.value }]));
}

/** Month key of a serial: YYYYMM (as the formulas compute it, YEAR(d)*100+MONTH(d)). */
export function monthKey(serial: number): number {
  const p = ymdFromSerial(serial);
  return p.y * 100 + p.m;
}

/**
 * The weighted forecast: open deals' amount × probability (the deal's own, else its customer's
 * stage's from Settings), by the month of the expected close; key 0 holds deals without one.
 * Rounded to the cent per month.
 */
export function weightedForecastByMonth(input: PipelineInput, probabilities: StageProbabilities): Map<number, number> {
  const acc = new Map<number, number>();
  const f = 10 ** CURRENCIES[input.currency].decimals;
  for (const d of input.deals) {
    if (d.status !== 'open' || d.currency !== input.currency) continue;
    const key = d.expectedClose === null ? 0 : monthKey(d.expectedClose);
    acc.set(key, (acc.get(key) ?? 0) + d.amount * dealProbability(d, input.stageOf(d.customerId), probabilities));
  }
  return new Map([...acc].sort((a, b) => a[0] - b[0]).map(([k, v]) => [k, Math.round(v * f) / f]));
}

export interface WonLost {
  won: CountValue;
  lost: CountValue;
  /** won ÷ (won + lost) by count; null when nothing closed in the period. */
  winRate: number | null;
  /** Won value ÷ won count; null when nothing was won. */
  averageDealSize: number | null;
  /** Deals closed in the period in another currency (left out of the values). */
  otherCurrency: number;
}

/** Deals won and lost in a period (by the day they were won or lost), the win rate and the average won deal. */
export function wonLost(deals: readonly Deal[], period: Period, currency: CurrencyCode): WonLost {
  const won = new Money(currency);
  const lost = new Money(currency);
  let w = 0;
  let l = 0;
  let other = 0;
  for (const d of deals) {
    if (d.status === 'open' || !inPeriod(d.closedOn, period)) continue;
    if (d.currency !== currency) {
      other++;
      continue;
    }
    if (d.status === 'won') {
      w++;
      won.add(d.amount);
    } else {
      l++;
      lost.add(d.amount);
    }
  }
  const f = 10 ** CURRENCIES[currency].decimals;
  return {
    won: { count: w, value: won.value },
    lost: { count: l, value: lost.value },
    winRate: w + l ? w / (w + l) : null,
    averageDealSize: w ? Math.round((won.value / w) * f) / f : null,
    otherCurrency: other,
  };
}

/**
 * The sales cycle: for deals won in the period, days from the customer's first contact to the
 * day won, averaged; deals whose customer has no first contact on or before that day are left out.
 */
export function salesCycleDays(
  deals: readonly Deal[],
  firstContact: (customerId: string) => number | null,
  period: Period,
): { average: number | null; deals: number } {
  let sum = 0;
  let n = 0;
  for (const d of deals) {
    if (d.status !== 'won' || !inPeriod(d.closedOn, period)) continue;
    const first = firstContact(d.customerId);
    if (first === null || first > d.closedOn!) continue;
    sum += d.closedOn! - Math.floor(first);
    n++;
  }
  return { average: n ? sum / n : null, deals: n };
}

/**
 * Average days a customer spends in each stage, over the stays that ended (entered and left
 * again); stays still going on are counted apart, not averaged (their length is not known yet).
 */
export function averageDaysInStage(history: readonly StageChange[]): Map<StageKey, { average: number | null; completed: number; ongoing: number }> {
  const acc = new Map<StageKey, { sum: number; completed: number; ongoing: number }>(STAGE_KEYS.map((s) => [s, { sum: 0, completed: 0, ongoing: 0 }]));
  for (const stay of stageStays(history)) {
    const a = acc.get(stay.stage)!;
    if (stay.to === null) a.ongoing++;
    else {
      a.sum += stay.to - stay.from;
      a.completed++;
    }
  }
  return new Map([...acc].map(([k, v]) => [k, { average: v.completed ? v.sum / v.completed : null, completed: v.completed, ongoing: v.ongoing }]));
}

/**
 * Stage-to-stage conversion along the six stages: of the customers who ever entered stage k, how
 * many later entered a further stage (k+1 or beyond; Won counts as beyond the last), and the rate.
 * Leaving for Lost or On hold is not progress.
 */
export function stageConversion(history: readonly StageChange[]): { from: StageKey; to: StageKey; entered: number; advanced: number; rate: number | null }[] {
  const rank = (s: StageKey | null): number => (s === 'won' ? PIPELINE_STAGES.length : s === null ? -1 : PIPELINE_STAGES.indexOf(s));
  const entered = PIPELINE_STAGES.map(() => new Set<string>());
  const advanced = PIPELINE_STAGES.map(() => new Set<string>());
  for (const stay of stageStays(history)) {
    const k = rank(stay.stage);
    if (k >= 0 && k < PIPELINE_STAGES.length) entered[k].add(stay.customerId);
  }
  // A customer advanced from k when, after being in k, it entered a stage of higher rank.
  const byCustomer = new Map<string, StageChange[]>();
  for (const h of history) {
    const list = byCustomer.get(h.customerId);
    if (list) list.push(h);
    else byCustomer.set(h.customerId, [h]);
  }
  for (const [id, list] of byCustomer) {
    const sorted = list
      .map((h, i) => ({ h, i }))
      .sort((a, b) => a.h.at - b.h.at || a.i - b.i)
      .map((x) => x.h);
    const seen = new Set<number>();
    for (const h of sorted) {
      const r = rank(h.to);
      for (const k of seen) if (r > k) advanced[k].add(id);
      if (r >= 0 && r < PIPELINE_STAGES.length) seen.add(r);
    }
  }
  return PIPELINE_STAGES.slice(0, -1).map((from, k) => ({
    from,
    to: PIPELINE_STAGES[k + 1],
    entered: entered[k].size,
    advanced: advanced[k].size,
    rate: entered[k].size ? advanced[k].size / entered[k].size : null,
  }));
}

/**
 * Stale deals: open deals whose customer has had no logged contact for more than `staleDays`
 * days by `today` (a customer never contacted counts from when the deal was opened; a deal with
 * neither is stale). Oldest contact first.
 */
export function staleDeals(
  deals: readonly Deal[],
  lastContact: (customerId: string) => number | null,
  today: number,
  staleDays: number,
): { deal: Deal; days: number | null }[] {
  const out: { deal: Deal; days: number | null }[] = [];
  for (const d of deals) {
    if (d.status !== 'open') continue;
    const since = lastContact(d.customerId) ?? d.createdAt;
    const days = since === null ? null : today - Math.floor(since);
    if (days === null || days > staleDays) out.push({ deal: d, days });
  }
  return out.sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity));
}
