/**
 * The measures framework of the manager's summary tabs (issue 16). A measure is a declaration:
 * its key, a bilingual label and definition, where it comes from (a seed section, or our
 * addition), a formula builder and a reference computation in TypeScript that a test holds the
 * formula to. A Dashboard section is a list of measures, so another module (the survey, the
 * complaints) contributes a section by exporting one — see sections.ts.
 *
 * Formulas are written with column keys (`{deals.amount}`, resolved by core/formulas/resolve.ts
 * to the tab's data range at write time) and with the period's bounds as parameters: `%from%`
 * (first serial day, inclusive) and `%to%` (serial day after the last, exclusive). The Dashboard
 * fills them once with the selected period's cells and once with the previous period's, so every
 * measure reads the period selector at the top.
 *
 * Cost rules every formula keeps (a unit test lints them): whole-column aggregates only
 * (COUNTIFS / SUMIFS / one SUMPRODUCT over one tab), never a per-customer lookup into a log;
 * no volatile function but TODAY().
 */
import type { Localized } from '../i18n/locale';
import type { DashboardData } from './data';

export type MeasureFormat = 'count' | 'money' | 'percent' | 'score' | 'points' | 'days';

/** The period a reference computation is asked about: serial days, `from` inclusive, `to` exclusive. */
export interface SerialPeriod {
  from: number;
  to: number;
}

/** One row of a breakdown: the item's key (for the reference) and its label / formula expression. */
export interface BreakdownItem {
  key: string;
  label: Localized;
  /** The expression the formula's `%item%` becomes, e.g. `INDEX(SD_LIST_STAGE,2)`. */
  expr: string;
}

export interface Measure {
  key: string;
  label: Localized;
  /** What it counts and how, in a sentence: the foot of the Dashboard and docs/kpis.md. */
  definition: Localized;
  /** The seed section it comes from (e.g. "seed 002 §1.3"), or null for our addition. */
  source: string | null;
  format: MeasureFormat;
  /** False for a snapshot ("now"): the period does not change it and there is no previous figure. */
  periodic: boolean;
  /** One row per item (stages, tiers, types, reps, months); the formula reads `%item%`. */
  breakdown?: readonly BreakdownItem[] | ((team: readonly string[]) => readonly BreakdownItem[]);
  /** The formula without "=", with `{tab.column}`, `%from%`, `%to%` and `%item%`. */
  formula: string;
  /** The same measure computed in TypeScript; null where the formula shows a blank. */
  reference(data: DashboardData, period: SerialPeriod, item?: string): number | null;
}

export interface Section {
  key: string;
  title: Localized;
  measures: readonly Measure[];
}

export const L = (en: string, zh: string): Localized => ({ en, zh });

/** COUNTIFS / SUMIFS criteria: `{tab.col}` within the period. */
export function inPeriodCriteria(column: string): string {
  return `${column},">="&%from%,${column},"<"&%to%`;
}

/** Fills a measure's parameters: the period's cells and the breakdown item's expression. */
export function fillMeasure(formula: string, args: { from: string; to: string; item?: string }): string {
  return formula.replace(/%(from|to|item)%/g, (_m, p: 'from' | 'to' | 'item') => {
    const v = args[p];
    if (v === undefined) throw new Error(`Measure formula needs ${p}`);
    return v;
  });
}

/** The items of a measure's breakdown for this team (none: the measure is one row). */
export function breakdownItems(m: Measure, team: readonly string[]): readonly BreakdownItem[] | null {
  if (!m.breakdown) return null;
  return typeof m.breakdown === 'function' ? m.breakdown(team) : m.breakdown;
}

/** A ratio, blank (null) when there is nothing to divide by — as IFERROR(…,"") shows it. */
export function ratio(num: number, den: number): number | null {
  return den ? num / den : null;
}

/** Adds money in cents, so sums of thousands of amounts are exact to the cent. */
export function sumMoney(values: Iterable<number>): number {
  let cents = 0;
  for (const v of values) cents += Math.round(v * 100);
  return cents / 100;
}

export const inSerialPeriod = (at: number | null, p: SerialPeriod): boolean => at !== null && at >= p.from && at < p.to;
