/**
 * The pipeline measures as live formulas (issue 15), for the Dashboard (issue 16) to place: each
 * builder returns one formula (without "=") over bounded ranges of the Deals tab, the twin of a
 * reference computation in ./measures.ts (test/integration/pipeline-measures-formulas checks them
 * in HyperFormula on 3,000 customers and 6,000 deals over 18 months, also after the stage
 * probabilities change in Settings). Each is a handful of COUNTIFS / SUMIFS: no per-row scan of
 * a log, nothing but functions Sheets and HyperFormula both evaluate alike.
 *
 * Money: only deals in the workbook's currency (and rows without a currency: those typed before
 * the pipeline, which are in it) count, as in ./measures.ts. The open stage is the customer's as
 * the script copies it onto the deal (`customer_stage`), the weighted value the deal's own
 * computed column, so a change of the stage probabilities in Settings moves the forecast at once.
 *
 * Not here yet (they need script-kept columns, not per-row lookups): the sales cycle (the
 * customer's first contact on the deal row), average days in stage and stage-to-stage conversion
 * (per stay on Stage history), stale deals (the customer's last contact on the deal row).
 */

/** Bounded ranges of the Deals columns the measures read, e.g. `'Deals'!$K$2:$K$6001`, all of one height. */
export interface DealRanges {
  status: string;
  amount: string;
  currency: string;
  customer_stage: string;
  expected_close: string;
  won_on: string;
  weighted_value: string;
}

export interface MeasureContext {
  ranges: DealRanges;
  /** A formula expression giving the workbook currency's label as the Deals currency column holds it (a cell, or a quoted string). */
  currencyLabel: string;
  /** The currency's minor-unit digits (2, or 0 for yen): money is rounded as ./measures.ts rounds it. */
  decimals: number;
}

/** The status label as the workbook spells it: 1 open, 2 won, 3 lost (the Lists order). */
const STATUS = (n: 1 | 2 | 3) => `INDEX(SD_LIST_DEAL_STATUS,${n})`;

/** Sums `fn(criteria)` over the deals in the workbook's currency: those naming it and those naming none. */
function inCurrency(ctx: MeasureContext, fn: (currencyCriteria: string) => string): string {
  const c = ctx.ranges.currency;
  return `(${fn(`${c},${ctx.currencyLabel}`)}+${fn(`${c},""`)})`;
}

/** Open deals whose customer is in `stage` (an expression: a stage label, or "" for none): how many. */
export function openCountFormula(ctx: MeasureContext, stage: string): string {
  const r = ctx.ranges;
  return inCurrency(ctx, (cur) => `COUNTIFS(${r.status},${STATUS(1)},${r.customer_stage},${stage},${cur})`);
}

/** Open deals whose customer is in `stage`: their amounts, rounded to the currency's unit. */
export function openValueFormula(ctx: MeasureContext, stage: string): string {
  const r = ctx.ranges;
  return `ROUND(${inCurrency(ctx, (cur) => `SUMIFS(${r.amount},${r.status},${STATUS(1)},${r.customer_stage},${stage},${cur})`)},${ctx.decimals})`;
}

/**
 * The weighted forecast of the month starting at `monthStart` (a date expression, the 1st of a
 * month): open deals expected to close in it, amount × probability; `monthStart` '' → the deals
 * with no expected close.
 */
export function weightedForecastFormula(ctx: MeasureContext, monthStart: string | null): string {
  const r = ctx.ranges;
  const when = monthStart === null ? `${r.expected_close},""` : `${r.expected_close},">="&${monthStart},${r.expected_close},"<"&EDATE(${monthStart},1)`;
  return `ROUND(${inCurrency(ctx, (cur) => `SUMIFS(${r.weighted_value},${r.status},${STATUS(1)},${when},${cur})`)},${ctx.decimals})`;
}

/** Deals won (or lost) on a day in [from, to) (date expressions): how many. */
export function closedCountFormula(ctx: MeasureContext, outcome: 'won' | 'lost', from: string, to: string): string {
  const r = ctx.ranges;
  return inCurrency(ctx, (cur) => `COUNTIFS(${r.status},${STATUS(outcome === 'won' ? 2 : 3)},${r.won_on},">="&${from},${r.won_on},"<"&${to},${cur})`);
}

/** Deals won (or lost) in [from, to): their amounts. */
export function closedValueFormula(ctx: MeasureContext, outcome: 'won' | 'lost', from: string, to: string): string {
  const r = ctx.ranges;
  return `ROUND(${inCurrency(ctx, (cur) => `SUMIFS(${r.amount},${r.status},${STATUS(outcome === 'won' ? 2 : 3)},${r.won_on},">="&${from},${r.won_on},"<"&${to},${cur})`)},${ctx.decimals})`;
}

/** Win rate in [from, to): won ÷ (won + lost) by count; blank when nothing closed. */
export function winRateFormula(ctx: MeasureContext, from: string, to: string): string {
  const won = closedCountFormula(ctx, 'won', from, to);
  const lost = closedCountFormula(ctx, 'lost', from, to);
  return `IFERROR(${won}/(${won}+${lost}),"")`;
}

/** Average won deal in [from, to): won value ÷ won count; blank when nothing was won. */
export function averageDealSizeFormula(ctx: MeasureContext, from: string, to: string): string {
  const r = ctx.ranges;
  const value = inCurrency(ctx, (cur) => `SUMIFS(${r.amount},${r.status},${STATUS(2)},${r.won_on},">="&${from},${r.won_on},"<"&${to},${cur})`);
  return `IFERROR(ROUND(${value}/${closedCountFormula(ctx, 'won', from, to)},${ctx.decimals}),"")`;
}
