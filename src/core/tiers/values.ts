/**
 * The values Sales Desk keeps on each customer row at write time (when a deal is saved, or from
 * the menu "Refresh customer values"), so that the computed columns never scan a log per row:
 *
 *   value_window       deals won in the trailing value window (SD_TIER_WINDOW_MONTHS)
 *   value_prev_window  deals won in the window of the same length just before it
 *   value_share_ahead  share of the window's revenue made by customers with a higher value
 *   value_last_year    deals won in the last calendar year (gold customers, seed 001)
 *   last_score         average of the four 1–5 scores of the customer's latest survey
 *   values_as_of       the day these numbers were computed
 *
 * Each one is a group-by over a log (deals, survey responses) or a ranking over all customers —
 * the work a per-row SUMIFS / SUMIF(">"&x) would repeat 20,000 times on every recalculation. In
 * the script it is one pass over the rows already read. The Settings thresholds stay live: the
 * formulas compare these numbers with SD_TIER_A_SHARE, SD_GOLD_SHARE, … on every recalculation.
 *
 * Times are plain numbers in one unit chosen by the caller: the server passes milliseconds
 * (Date.getTime(), bounds from the spreadsheet's time zone), the reference computation serial days.
 */
import { addMonthsYmd, clean, serialFromYmd, ymdFromSerial, type Ymd } from './dates';

export interface DealFact {
  customerId: string;
  amount: number;
  /** When the deal was won, in the caller's unit. */
  wonOn: number;
}

export interface SurveyFact {
  customerId: string;
  answeredAt: number;
  /** The four 1–5 scores as read (blank or text ones are skipped). */
  scores: unknown[];
}

/**
 * Each range starts at a midnight (inclusive) and ends at a midnight (exclusive), so a deal
 * counts by its date whatever time of day was typed with it.
 *
 * window:      (today − W months, today]  → [EDATE(today, −W) + 1 day, today + 1 day)
 * prev window: (today − 2W months, today − W months]
 * last year:   1 January to 31 December of the previous calendar year
 */
export interface ValueBounds {
  windowStart: number;
  windowEnd: number;
  prevStart: number;
  yearStart: number;
  yearEnd: number;
}

/** The bounds as calendar dates (midnights), for a caller that converts them to its own unit. */
export function valueBoundDates(today: Ymd, windowMonths: number): Record<keyof ValueBounds, Ymd> {
  const next = (p: Ymd): Ymd => ymdFromSerial(serialFromYmd(p.y, p.m, p.d) + 1);
  const w = Math.max(0, Math.trunc(windowMonths));
  return {
    windowStart: next(addMonthsYmd(today, -w)),
    windowEnd: next(today),
    prevStart: next(addMonthsYmd(today, -2 * w)),
    yearStart: { y: today.y - 1, m: 1, d: 1 },
    yearEnd: { y: today.y, m: 1, d: 1 },
  };
}

/** The bounds in serial days. */
export function valueBoundsSerial(todaySerial: number, windowMonths: number): ValueBounds {
  const d = valueBoundDates(ymdFromSerial(todaySerial), windowMonths);
  const s = (p: Ymd) => serialFromYmd(p.y, p.m, p.d);
  return { windowStart: s(d.windowStart), windowEnd: s(d.windowEnd), prevStart: s(d.prevStart), yearStart: s(d.yearStart), yearEnd: s(d.yearEnd) };
}

export interface CustomerValues {
  window: number;
  prevWindow: number;
  lastYear: number;
}

/** Sums every deal into the ranges it falls in, per customer ID (one pass over the deals). */
export function sumDeals(deals: readonly DealFact[], b: ValueBounds): Map<string, CustomerValues> {
  const out = new Map<string, CustomerValues>();
  for (const d of deals) {
    if (!d.customerId || !Number.isFinite(d.amount) || !Number.isFinite(d.wonOn)) continue;
    let v = out.get(d.customerId);
    if (!v) {
      v = { window: 0, prevWindow: 0, lastYear: 0 };
      out.set(d.customerId, v);
    }
    if (d.wonOn >= b.windowStart && d.wonOn < b.windowEnd) v.window += d.amount;
    else if (d.wonOn >= b.prevStart && d.wonOn < b.windowStart) v.prevWindow += d.amount;
    if (d.wonOn >= b.yearStart && d.wonOn < b.yearEnd) v.lastYear += d.amount;
  }
  for (const v of out.values()) {
    v.window = clean(v.window, 6);
    v.prevWindow = clean(v.prevWindow, 6);
    v.lastYear = clean(v.lastYear, 6);
  }
  return out;
}

/**
 * For every positive value: the share of the total made by strictly higher values (so equal
 * values get the same share, and the highest customer 0). Rounded to 9 decimals so that a share
 * exactly at a cut-off compares as equal in JavaScript, Sheets and HyperFormula alike.
 */
export function sharesAhead(values: readonly number[]): number[] {
  const positive = values.map((v, i) => ({ v, i })).filter((x) => x.v > 0);
  const total = positive.reduce((s, x) => s + x.v, 0);
  const out: number[] = values.map(() => NaN);
  positive.sort((a, b) => b.v - a.v);
  let ahead = 0;
  let k = 0;
  while (k < positive.length) {
    let j = k;
    let tie = 0;
    while (j < positive.length && positive[j].v === positive[k].v) {
      tie += positive[j].v;
      j++;
    }
    const share = clean(ahead / total);
    for (let q = k; q < j; q++) out[positive[q].i] = share;
    ahead += tie;
    k = j;
  }
  return out;
}

/** Mean of the 1–5 scores of one survey answer that are numbers; null when none is. */
export function surveyAverage(scores: readonly unknown[]): number | null {
  const nums = scores.filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
  if (!nums.length) return null;
  return nums.reduce((a, b) => a + b, 0) / nums.length;
}

/** Average score of each customer's latest survey answer (by answer time; later rows win ties). */
export function latestScores(surveys: readonly SurveyFact[]): Map<string, number> {
  const best = new Map<string, { at: number; score: number }>();
  for (const s of surveys) {
    if (!s.customerId) continue;
    const avg = surveyAverage(s.scores);
    if (avg === null) continue;
    const at = Number.isFinite(s.answeredAt) ? s.answeredAt : -Infinity;
    const cur = best.get(s.customerId);
    if (!cur || at >= cur.at) best.set(s.customerId, { at, score: avg });
  }
  const out = new Map<string, number>();
  for (const [k, v] of best) out.set(k, v.score);
  return out;
}

/** What the script writes on one customer row ('' leaves a cell blank). */
export interface ValueRecord {
  value_window: number;
  value_prev_window: number;
  value_share_ahead: number | '';
  value_last_year: number;
  last_score: number | '';
}

/**
 * The script-maintained values for every customer row, in row order. Rows without an ID get
 * blanks. A customer ID that appears twice gets the same values on both rows.
 */
export function customerValueRecords(
  customerIds: readonly string[],
  deals: readonly DealFact[],
  surveys: readonly SurveyFact[],
  bounds: ValueBounds,
): (ValueRecord | null)[] {
  const sums = sumDeals(deals, bounds);
  const scores = latestScores(surveys);
  // Shares over distinct customers: a duplicated row must not count its revenue twice.
  const unique = [...new Set(customerIds.filter((id) => id))];
  const uniqueShares = sharesAhead(unique.map((id) => sums.get(id)?.window ?? 0));
  const shareOf = new Map(unique.map((id, i) => [id, uniqueShares[i]] as const));
  return customerIds.map((id) => {
    if (!id) return null;
    const v = sums.get(id);
    const score = scores.get(id);
    const share = shareOf.get(id)!;
    return {
      value_window: v?.window ?? 0,
      value_prev_window: v?.prevWindow ?? 0,
      value_share_ahead: Number.isNaN(share) ? '' : share,
      value_last_year: v?.lastYear ?? 0,
      last_score: score === undefined ? '' : score,
    };
  });
}
