/**
 * Discipline: the seeds' cadences, measured over the Follow-ups log's live status and days-late
 * columns and the `rule` that planned each row. The all-time versions are core/kpis/followups.ts;
 * these add the period (on the planned time) and read TODAY() only — "past its time" is a planned
 * day before today, the Follow-ups status rule, so no NOW() recalculates every minute.
 */
import { daysLate, followupStatus } from '../followups/status';
import type { DashboardData, FollowupRow } from './data';
import { item, teamItems } from './items';
import { inPeriodCriteria, inSerialPeriod, L, ratio, type Measure, type Section, type SerialPeriod } from './measure';

const DONE = item('followup_status', 'done');
const OVERDUE = item('followup_status', 'overdue');
const PLANNED_IN = inPeriodCriteria('{followups.planned_at}');

function planned(d: DashboardData, p: SerialPeriod, rule?: string): FollowupRow[] {
  return d.followups.filter((f) => (rule === undefined || f.rule === rule) && inSerialPeriod(f.planned, p));
}
const st = (d: DashboardData) => (f: FollowupRow) => followupStatus(f, d.today);

/** Done on or before the planned day ÷ done or overdue, among follow-ups of one rule planned in the period. */
function slaByDay(rule: string): string {
  return (
    `IFERROR(COUNTIFS({followups.rule},"${rule}",{followups.status},${DONE},{followups.days_late},0,${PLANNED_IN})/` +
    `(COUNTIFS({followups.rule},"${rule}",{followups.status},${DONE},${PLANNED_IN})+COUNTIFS({followups.rule},"${rule}",{followups.status},${OVERDUE},${PLANNED_IN})),"")`
  );
}
function slaReference(d: DashboardData, p: SerialPeriod, rule?: string): number | null {
  const rows = planned(d, p, rule);
  const s = st(d);
  const doneOnTime = rows.filter((f) => s(f) === 'done' && daysLate(f, d.today) === 0).length;
  return ratio(doneOnTime, rows.filter((f) => s(f) === 'done' || s(f) === 'overdue').length);
}

export const DISCIPLINE_MEASURES: readonly Measure[] = [
  {
    key: 'overdue_by_rep',
    label: L('Overdue follow-ups', '逾期跟进数'),
    definition: L('Open follow-ups of each rep whose planned day is before today.', '每位销售计划日期早于今天、尚未完成的跟进数。'),
    source: 'seed 002 §1.3, §6.2 (cadences)',
    format: 'count',
    periodic: false,
    breakdown: teamItems,
    formula: `COUNTIFS({followups.owner},%item%,{followups.status},${OVERDUE})`,
    reference: (d, _p, rep) => d.followups.filter((f) => f.owner === rep && st(d)(f) === 'overdue').length,
  },
  {
    key: 'on_time_rate',
    label: L('On-time follow-up rate', '按时跟进率'),
    definition: L(
      'Follow-ups planned in the period done on or before their planned day ÷ those done or overdue.',
      '计划日期在期间内的跟进中，在计划日期当天或之前完成的 ÷ 已完成或已逾期的。',
    ),
    source: 'seed 002 §1.3, §6.2 (cadences)',
    format: 'percent',
    periodic: true,
    formula:
      `IFERROR(COUNTIFS({followups.status},${DONE},{followups.days_late},0,${PLANNED_IN})/` +
      `(COUNTIFS({followups.status},${DONE},${PLANNED_IN})+COUNTIFS({followups.status},${OVERDUE},${PLANNED_IN})),"")`,
    reference: (d, p) => slaReference(d, p),
  },
  {
    key: 'high_within_24h',
    label: L('High intention contacted within 24 h', '高意向 24 小时内跟进率'),
    definition: L(
      'Follow-ups of the High cadence planned in the period done by their planned time ÷ those done or overdue.',
      '计划在期间内、按高意向节奏安排的跟进中，在计划时间前完成的 ÷ 已完成或已逾期的。',
    ),
    source: 'seed 002 §1.3 (High: within 24 h)',
    format: 'percent',
    periodic: true,
    formula:
      `IFERROR(ARRAYFORMULA(SUMPRODUCT(({followups.rule}="high")*({followups.status}=${DONE})*({followups.done_at}<={followups.planned_at})*` +
      `({followups.planned_at}>=%from%)*({followups.planned_at}<%to%)))/` +
      `(COUNTIFS({followups.rule},"high",{followups.status},${DONE},${PLANNED_IN})+COUNTIFS({followups.rule},"high",{followups.status},${OVERDUE},${PLANNED_IN})),"")`,
    reference: (d, p) => {
      const rows = planned(d, p, 'high');
      const s = st(d);
      return ratio(rows.filter((f) => s(f) === 'done' && f.done! <= f.planned!).length, rows.filter((f) => s(f) === 'done' || s(f) === 'overdue').length);
    },
  },
  {
    key: 'medium_within_7d',
    label: L('Medium intention second contact within 7 days', '中意向 7 天内二次跟进率'),
    definition: L(
      'Follow-ups of the Medium cadence planned in the period done on or before their planned day ÷ those done or overdue.',
      '计划在期间内、按中意向节奏安排的跟进中，按期完成的 ÷ 已完成或已逾期的。',
    ),
    source: 'seed 002 §1.3 (Medium: after one week)',
    format: 'percent',
    periodic: true,
    formula: slaByDay('medium'),
    reference: (d, p) => slaReference(d, p, 'medium'),
  },
  {
    key: 'return_call_within_3d',
    label: L('Return call within 3 days of delivery', '交付后 3 天内回访率'),
    definition: L(
      'Return calls after delivery planned in the period done on or before their planned day ÷ those done or overdue.',
      '计划在期间内的交付后回访中，按期完成的 ÷ 已完成或已逾期的。',
    ),
    source: 'seed 002 §6.2 (return call within 3 days)',
    format: 'percent',
    periodic: true,
    formula: slaByDay('return_call'),
    reference: (d, p) => slaReference(d, p, 'return_call'),
  },
];

export const DISCIPLINE_SECTION: Section = { key: 'discipline', title: L('Follow-up discipline', '跟进纪律'), measures: DISCIPLINE_MEASURES };
