/**
 * Follow-up KPIs as formulas, for the dashboard issue: one formula per KPI, over the Follow-ups
 * tab's columns (`{followups.key}`, resolved by src/core/formulas resolveFormula), the live
 * status / days_late columns and the `rule` that planned each row. Whole-column aggregates only
 * (COUNTIFS; one SUMPRODUCT, wrapped in ARRAYFORMULA so both engines treat its comparisons as
 * arrays): each is evaluated once per recalculation, never once per row.
 * Every formula passes the allow-list lint; test/integration/followups-kpis.test.ts evaluates
 * them in the local runtime (HyperFormula) and compares with `reference` below.
 *
 * A KPI with a `rep` parameter takes a cell reference (or a quoted name) for the rep.
 * Rates are blank ("") while there is nothing to measure.
 */
import { daysLate, followupStatus, type FollowupStatusKey } from '../followups/status';

const ST = (n: number) => `INDEX(SD_LIST_FOLLOWUP_STATUS,${n})`; // 1 planned, 2 done, 3 overdue, 4 cancelled
const DONE = ST(2);
const OVERDUE = ST(3);

/** Share of contacts of one cadence done on or before their planned day, among those done or overdue. */
function slaByDay(rule: string): string {
  return (
    `IFERROR(COUNTIFS({followups.rule},"${rule}",{followups.status},${DONE},{followups.days_late},0)/` +
    `(COUNTIFS({followups.rule},"${rule}",{followups.status},${DONE})+COUNTIFS({followups.rule},"${rule}",{followups.status},${OVERDUE})),"")`
  );
}

export interface KpiDef {
  key: string;
  label: { en: string; zh: string };
  /** What it measures and where the target comes from. */
  note: { en: string; zh: string };
  unit: 'share' | 'count';
  /** The formula (without "="); `REP` marks the rep parameter when `perRep`. */
  formula: string;
  perRep?: boolean;
}

export const FOLLOWUP_KPIS: readonly KpiDef[] = [
  {
    key: 'on_time_rate',
    label: { en: 'On-time follow-up rate', zh: '按时跟进率' },
    note: {
      en: 'Planned follow-ups done on or before their planned day, among planned follow-ups that are done or overdue.',
      zh: '已完成或已逾期的计划跟进中，在计划日期当天或之前完成的比例。',
    },
    unit: 'share',
    formula:
      `IFERROR(COUNTIFS({followups.status},${DONE},{followups.days_late},0)/` +
      `(COUNTIFS({followups.status},${DONE},{followups.planned_at},"<>")+COUNTIFS({followups.status},${OVERDUE})),"")`,
  },
  {
    key: 'overdue_per_rep',
    label: { en: 'Overdue follow-ups', zh: '逾期跟进数' },
    note: { en: 'Open follow-ups of a rep whose planned day is before today.', zh: '某位销售计划日期早于今天、尚未完成的跟进数。' },
    unit: 'count',
    perRep: true,
    formula: `COUNTIFS({followups.owner},REP,{followups.status},${OVERDUE})`,
  },
  {
    key: 'high_within_24h',
    label: { en: 'High-intention leads contacted within 24 h', zh: '高意向线索 24 小时内跟进率' },
    note: {
      en: 'Follow-ups planned by the High cadence (seed 002 S1.3: within 24 h) done by their planned time, among those done or past their time.',
      zh: '按高意向节奏（资料 002 S1.3：24 小时内）安排的跟进中，在计划时间之前完成的比例（分母为已完成或已过计划时间的）。',
    },
    unit: 'share',
    formula:
      'IFERROR(ARRAYFORMULA(SUMPRODUCT(({followups.rule}="high")*({followups.done_at}<>"")*({followups.done_at}<={followups.planned_at})))/' +
      'ARRAYFORMULA(SUMPRODUCT(({followups.rule}="high")*((({followups.done_at}<>"")+({followups.cancelled}<>TRUE)*({followups.planned_at}<>"")*({followups.planned_at}<NOW()))>0))),"")',
  },
  {
    key: 'medium_within_7d',
    label: { en: 'Medium-intention leads followed up within 7 days', zh: '中意向线索 7 天内二次跟进率' },
    note: {
      en: 'Follow-ups planned by the Medium cadence (seed 002 S1.3: after 1 week) done on or before their planned day, among those done or overdue.',
      zh: '按中意向节奏（资料 002 S1.3：一周后二次跟进）安排的跟进中，在计划日期当天或之前完成的比例。',
    },
    unit: 'share',
    formula: slaByDay('medium'),
  },
  {
    key: 'return_call_within_3d',
    label: { en: 'Return calls within 3 days of delivery', zh: '交付后 3 天内回访率' },
    note: {
      en: 'Return calls after delivery (seed 002 S6.2: within 3 days) done on or before their planned day, among those done or overdue.',
      zh: '交付后回访（资料 002 S6.2：3 天内）在计划日期当天或之前完成的比例。',
    },
    unit: 'share',
    formula: slaByDay('return_call'),
  },
];

/** The formula of a KPI, with the rep parameter filled in (a cell such as `B3`, or a quoted name). */
export function kpiFormula(key: string, rep?: string): string {
  const k = FOLLOWUP_KPIS.find((x) => x.key === key);
  if (!k) throw new Error(`Unknown KPI ${key}`);
  return k.perRep ? k.formula.replace(/\bREP\b/g, rep ?? '""') : k.formula;
}

// ------------------------------------------------------------------ reference computation

export interface KpiRow {
  rule: string;
  owner: string;
  /** Serials in the spreadsheet's zone, or null. */
  planned: number | null;
  done: number | null;
  cancelled: boolean;
}

/** The same KPIs computed in TypeScript; `now` is a serial (NOW()), today = its day. */
export function reference(rows: readonly KpiRow[], now: number): Record<string, number | '' | Record<string, number>> {
  const today = Math.floor(now);
  const st = (r: KpiRow): FollowupStatusKey => followupStatus(r, today);
  const late = (r: KpiRow) => daysLate(r, today);
  const rate = (num: number, den: number): number | '' => (den ? num / den : '');
  const sla = (rule: string) =>
    rate(
      rows.filter((r) => r.rule === rule && st(r) === 'done' && late(r) === 0).length,
      rows.filter((r) => r.rule === rule && (st(r) === 'done' || st(r) === 'overdue')).length,
    );
  const perRep: Record<string, number> = {};
  for (const r of rows) if (st(r) === 'overdue') perRep[r.owner] = (perRep[r.owner] ?? 0) + 1;
  const high = rows.filter((r) => r.rule === 'high');
  return {
    on_time_rate: rate(
      rows.filter((r) => st(r) === 'done' && late(r) === 0).length,
      rows.filter((r) => (st(r) === 'done' && r.planned !== null) || st(r) === 'overdue').length,
    ),
    overdue_per_rep: perRep,
    high_within_24h: rate(
      high.filter((r) => r.done !== null && r.planned !== null && r.done <= r.planned).length,
      high.filter((r) => r.done !== null || (!r.cancelled && r.planned !== null && r.planned < now)).length,
    ),
    medium_within_7d: sla('medium'),
    return_call_within_3d: sla('return_call'),
  };
}
