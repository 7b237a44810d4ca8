/**
 * Pipeline measures over the Deals pipeline columns (core/pipeline/columns.ts: status,
 * customer_stage, expected_close, weighted_value) and the Customers register. Issue 15 writes
 * the pipeline's reference measures in core/pipeline/measures.ts but no Dashboard formulas: these
 * are ours, checked against our own references here.
 *
 * Money: amounts are added at face value, whatever the deal's currency column says (see the
 * definitions); deals in another currency are rare in one team's workbook, and Settings' "Auto"
 * currency cannot be told from a formula.
 */
import { PIPELINE_STAGES } from '../pipeline/measures';
import { addMonthsYmd, serialFromYmd, ymdFromSerial } from '../tiers/dates';
import type { DealRow } from './data';
import { item, listItems, monthsAhead } from './items';
import { inPeriodCriteria, inSerialPeriod, L, ratio, sumMoney, type Measure, type Section, type SerialPeriod } from './measure';

const OPEN = item('deal_status', 'open');
const WON = item('deal_status', 'won');
const LOST = item('deal_status', 'lost');
const CLOSED_IN = inPeriodCriteria('{deals.won_on}');

const closed = (deals: readonly DealRow[], status: 'won' | 'lost', p: SerialPeriod) =>
  deals.filter((d) => d.status === status && inSerialPeriod(d.closedOn, p));

/** First day of the month `k` months after `today`'s, as a serial. */
export function monthStart(today: number, k: number): number {
  const t = ymdFromSerial(today);
  const m = addMonthsYmd({ y: t.y, m: t.m, d: 1 }, k);
  return serialFromYmd(m.y, m.m, 1);
}

export const PIPELINE_MEASURES: readonly Measure[] = [
  {
    key: 'customers_by_stage',
    label: L('Customers by stage', '各阶段客户数'),
    definition: L('Customers on the register in each stage now.', '当前处于各阶段的登记客户数。'),
    source: 'seed 002 (six stages); seed 000 §1.2',
    format: 'count',
    periodic: false,
    breakdown: listItems('stage'),
    formula: 'COUNTIFS({customers.customer_id},"<>",{customers.stage},%item%)',
    reference: (d, _p, it) => d.customers.filter((c) => c.id && c.stage === it).length,
  },
  {
    key: 'customers_by_intention',
    label: L('Customers by intention', '各意向等级客户数'),
    definition: L(
      'Customers by intention level now (High: need and budget confirmed; Medium: need; Low: neither).',
      '当前各意向等级的客户数（高：需求和预算均确认；中：仅需求；低：均未确认）。',
    ),
    source: 'seed 002 §1.3 (intention levels)',
    format: 'count',
    periodic: false,
    breakdown: listItems('intention'),
    formula: 'COUNTIFS({customers.customer_id},"<>",{customers.intention_level},%item%)',
    reference: (d, _p, it) => d.customers.filter((c) => c.id && c.intention === it).length,
  },
  {
    key: 'open_deals_by_stage',
    label: L('Open deals by stage', '各阶段未结成交数'),
    definition: L('Open deals by their customer’s stage now.', '按客户当前阶段统计的未结成交数。'),
    source: 'seed 002 (six stages); our addition (deals as a pipeline)',
    format: 'count',
    periodic: false,
    breakdown: listItems('stage', PIPELINE_STAGES),
    formula: `COUNTIFS({deals.status},${OPEN},{deals.customer_stage},%item%)`,
    reference: (d, _p, it) => d.deals.filter((x) => x.status === 'open' && x.customerStage === it).length,
  },
  {
    key: 'open_value',
    label: L('Open pipeline value', '未结成交总额'),
    definition: L('Sum of the amounts of all open deals now.', '当前全部未结成交的金额合计。'),
    source: null,
    format: 'money',
    periodic: false,
    formula: `SUMIFS({deals.amount},{deals.status},${OPEN})`,
    reference: (d) => sumMoney(d.deals.filter((x) => x.status === 'open').map((x) => x.amount)),
  },
  {
    key: 'weighted_forecast_by_month',
    label: L('Weighted forecast', '加权预测'),
    definition: L(
      'Open deals’ weighted value (amount × probability) by the month they are expected to close, this month and the five after it.',
      '未结成交的加权金额（金额 × 赢单概率），按预计成交月份汇总：本月及之后五个月。',
    ),
    source: null,
    format: 'money',
    periodic: false,
    breakdown: monthsAhead(),
    formula:
      `SUMIFS({deals.weighted_value},{deals.status},${OPEN},{deals.expected_close},">="&(EOMONTH(TODAY(),%item%-1)+1),` +
      `{deals.expected_close},"<"&(EOMONTH(TODAY(),%item%)+1))`,
    reference: (d, _p, it) => {
      const k = Number(it);
      const p = { from: monthStart(d.today, k), to: monthStart(d.today, k + 1) };
      const cents = d.deals.filter((x) => x.status === 'open' && inSerialPeriod(x.expectedClose, p)).reduce((a, x) => a + x.weighted, 0);
      return Math.round(cents * 100) / 100;
    },
  },
  {
    key: 'won_deals',
    label: L('Deals won', '赢单数'),
    definition: L('Deals with status Won whose won-on date falls in the period.', '状态为赢单、成交日期在期间内的成交数。'),
    source: 'seed 003 §5.1 (sales KPIs)',
    format: 'count',
    periodic: true,
    formula: `COUNTIFS({deals.status},${WON},${CLOSED_IN})`,
    reference: (d, p) => closed(d.deals, 'won', p).length,
  },
  {
    key: 'won_value',
    label: L('Value won', '赢单金额'),
    definition: L('Sum of the amounts of the deals won in the period.', '期间内赢单的金额合计。'),
    source: 'seed 003 §5.1 (sales KPIs)',
    format: 'money',
    periodic: true,
    formula: `SUMIFS({deals.amount},{deals.status},${WON},${CLOSED_IN})`,
    reference: (d, p) => sumMoney(closed(d.deals, 'won', p).map((x) => x.amount)),
  },
  {
    key: 'lost_deals',
    label: L('Deals lost', '丢单数'),
    definition: L('Deals with status Lost whose won-or-lost date falls in the period.', '状态为丢单、结束日期在期间内的成交数。'),
    source: 'seed 003 §5.1 (sales KPIs)',
    format: 'count',
    periodic: true,
    formula: `COUNTIFS({deals.status},${LOST},${CLOSED_IN})`,
    reference: (d, p) => closed(d.deals, 'lost', p).length,
  },
  {
    key: 'win_rate',
    label: L('Win rate', '赢单率'),
    definition: L('Deals won ÷ deals won or lost in the period; blank when none closed.', '期间内赢单数 ÷（赢单数 + 丢单数）；没有结束的成交时为空。'),
    source: 'seed 003 §5.1 (conversion)',
    format: 'percent',
    periodic: true,
    formula: `IFERROR(COUNTIFS({deals.status},${WON},${CLOSED_IN})/(COUNTIFS({deals.status},${WON},${CLOSED_IN})+COUNTIFS({deals.status},${LOST},${CLOSED_IN})),"")`,
    reference: (d, p) => ratio(closed(d.deals, 'won', p).length, closed(d.deals, 'won', p).length + closed(d.deals, 'lost', p).length),
  },
  {
    key: 'average_deal_size',
    label: L('Average deal size', '平均成交金额'),
    definition: L('Value won ÷ deals won in the period; blank when none was won.', '期间内赢单金额 ÷ 赢单数；没有赢单时为空。'),
    source: 'seed 003 §5.1 (sales KPIs)',
    format: 'money',
    periodic: true,
    formula: `IFERROR(SUMIFS({deals.amount},{deals.status},${WON},${CLOSED_IN})/COUNTIFS({deals.status},${WON},${CLOSED_IN}),"")`,
    reference: (d, p) => {
      const won = closed(d.deals, 'won', p);
      return won.length ? sumMoney(won.map((x) => x.amount)) / won.length : null;
    },
  },
];

export const PIPELINE_SECTION: Section = { key: 'pipeline', title: L('Pipeline', '销售管道'), measures: PIPELINE_MEASURES };
