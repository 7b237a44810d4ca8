/**
 * Reference computations of the objection KPIs (src/core/kpis/objections.ts), in plain
 * TypeScript over rows as the script reads them. The tests evaluate each formula on the local
 * runtime and compare it with these. Text matching follows COUNTIFS: whole cell, no case.
 */
import type { ObjectionRow } from './index';

const eq = (a: unknown, b: string) =>
  String(a ?? '')
    .trim()
    .toLowerCase() === b.trim().toLowerCase();
const has = (v: unknown) => v !== '' && v !== null && v !== undefined;
const ms = (v: unknown): number | null => (v instanceof Date ? v.getTime() : null);
const DAY = 86_400_000;

export function countByType(rows: readonly ObjectionRow[], type: string): number {
  return rows.filter((r) => has(r.objection_id) && eq(r.type, type)).length;
}

export function countByRep(rows: readonly ObjectionRow[], rep: string): number {
  return rows.filter((r) => has(r.objection_id) && eq(r.owner, rep)).length;
}

export function resolutionRate(rows: readonly ObjectionRow[], type: string, resolvedLabel: string): number | null {
  const all = rows.filter((r) => has(r.objection_id) && eq(r.type, type));
  if (!all.length) return null;
  return rows.filter((r) => eq(r.type, type) && eq(r.result, resolvedLabel)).length / all.length;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function medianDaysToResolve(rows: readonly ObjectionRow[], resolvedLabel: string): number | null {
  const days: number[] = [];
  for (const r of rows) {
    const a = ms(r.raised_at);
    const b = ms(r.resolved_at);
    if (a == null || b == null || !eq(r.result, resolvedLabel)) continue;
    days.push((b - a) / DAY);
  }
  return median(days);
}

/** On-time written answers ÷ objections answered or already past due. */
export function answeredOnTimeShare(rows: readonly ObjectionRow[], now: Date, answerHours: number): number | null {
  let on = 0;
  let of = 0;
  for (const r of rows) {
    const raised = ms(r.raised_at);
    if (raised == null || !has(r.objection_id)) continue;
    const due = raised + answerHours * 3_600_000;
    const answered = ms(r.answered_at);
    if (answered != null && answered <= due) on++;
    if (answered != null || due < now.getTime()) of++;
  }
  return of ? on / of : null;
}

export interface CustomerStageRow {
  customer_id?: unknown;
  stage?: unknown;
}

/** Of the customers who raised `type` and are Won or Lost now, the share Won. */
export function winRateAfterType(
  objections: readonly ObjectionRow[],
  customers: readonly CustomerStageRow[],
  type: string,
  wonLabel: string,
  lostLabel: string,
): number | null {
  const raised = new Set<string>();
  for (const r of objections) if (eq(r.type, type) && has(r.customer_id)) raised.add(String(r.customer_id).trim().toLowerCase());
  let won = 0;
  let closed = 0;
  for (const c of customers) {
    if (!has(c.customer_id) || !raised.has(String(c.customer_id).trim().toLowerCase())) continue;
    if (eq(c.stage, wonLabel)) {
      won++;
      closed++;
    } else if (eq(c.stage, lostLabel)) closed++;
  }
  return closed ? won / closed : null;
}

export function lostByType(rows: readonly ObjectionRow[], type: string): number {
  return rows.filter((r) => eq(r.type, type) && r.lost_deal === true).length;
}

/** Types of the list (in list order) ranked by lost deals, most first, ties in list order; only types with any. */
export function topLostTypes(rows: readonly ObjectionRow[], listTypes: readonly string[]): string[] {
  return listTypes
    .map((t, i) => ({ t, i, n: lostByType(rows, t) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.t);
}
