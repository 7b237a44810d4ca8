/** Objections and losses: the Objections log by type (raised in the period) and lost deals by their reason. */
import type { DashboardData } from './data';
import { item, listItems } from './items';
import { inPeriodCriteria, inSerialPeriod, L, ratio, type Measure, type Section, type SerialPeriod } from './measure';

const RESOLVED = item('objection_result', 'resolved');
const LOST = item('deal_status', 'lost');
const RAISED_IN = inPeriodCriteria('{objections.raised_at}');
const TYPES = listItems('objection_type');

const raised = (d: DashboardData, p: SerialPeriod, type: string) => d.objections.filter((o) => o.type === type && inSerialPeriod(o.raised, p));

export const OBJECTION_MEASURES: readonly Measure[] = [
  {
    key: 'objections_by_type',
    label: L('Objections raised', '提出的异议数'),
    definition: L('Objections of each type raised in the period.', '期间内提出的各类型异议数。'),
    source: 'seed 002 §4.1 (objection types)',
    format: 'count',
    periodic: true,
    breakdown: TYPES,
    formula: `COUNTIFS({objections.objection_id},"<>",{objections.type},%item%,${RAISED_IN})`,
    reference: (d, p, t) => raised(d, p, t!).length,
  },
  {
    key: 'resolution_rate_by_type',
    label: L('Resolution rate', '异议解决率'),
    definition: L(
      'Objections of the type raised in the period whose result is Resolved ÷ all of them; blank when none.',
      '期间内提出的该类型异议中结果为“已解决”的 ÷ 全部；没有时为空。',
    ),
    source: 'seed 002 T3 (objection log: result)',
    format: 'percent',
    periodic: true,
    breakdown: TYPES,
    formula: `IFERROR(COUNTIFS({objections.objection_id},"<>",{objections.type},%item%,{objections.result},${RESOLVED},${RAISED_IN})/COUNTIFS({objections.objection_id},"<>",{objections.type},%item%,${RAISED_IN}),"")`,
    reference: (d, p, t) => {
      const xs = raised(d, p, t!);
      return ratio(xs.filter((o) => o.result === 'resolved').length, xs.length);
    },
  },
  {
    key: 'lost_customers_by_type',
    label: L('Lost customers by objection', '导致丢客的异议'),
    definition: L(
      'Objections of the type raised in the period that were named as the reason a customer was lost.',
      '期间内提出、被确认为丢失客户原因的该类型异议数。',
    ),
    source: 'our addition (why we lose)',
    format: 'count',
    periodic: true,
    breakdown: TYPES,
    formula: `COUNTIFS({objections.type},%item%,{objections.lost_deal},TRUE,${RAISED_IN})`,
    reference: (d, p, t) => raised(d, p, t!).filter((o) => o.lostDeal).length,
  },
  {
    key: 'lost_deals_by_reason',
    label: L('Lost deals by reason', '丢单原因'),
    definition: L('Deals lost in the period, by the loss reason recorded on the deal.', '期间内丢单的成交，按成交上记录的丢单原因统计。'),
    source: 'our addition (why we lose)',
    format: 'count',
    periodic: true,
    breakdown: TYPES,
    formula: `COUNTIFS({deals.status},${LOST},{deals.loss_reason},%item%,${inPeriodCriteria('{deals.won_on}')})`,
    reference: (d, p, t) => d.deals.filter((x) => x.status === 'lost' && x.lossReason === t && inSerialPeriod(x.closedOn, p)).length,
  },
];

export const OBJECTIONS_SECTION: Section = { key: 'objections', title: L('Objections and losses', '异议与丢单'), measures: OBJECTION_MEASURES };
