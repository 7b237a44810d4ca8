/**
 * Growth (seed 003 §5.1 sales KPIs, §6.3 churn): new customers, repurchase share and churn, each a
 * whole-column aggregate over one tab. "Customers with a repurchase deal ÷ customers with a deal"
 * needs distinct customers, which a formula can count only by comparing every deal with every
 * customer; until a script-kept column on Customers carries it, the repurchase measure is taken
 * over won deals (see its definition).
 */
import { item } from './items';
import { inPeriodCriteria, inSerialPeriod, L, ratio, type Measure, type Section } from './measure';

const WON = item('deal_status', 'won');
const REPURCHASE = item('deal_kind', 'repurchase');
const UPSELL = item('deal_kind', 'upsell');
const LOST_STAGE = item('stage', 'lost');
const CLOSED_IN = inPeriodCriteria('{deals.won_on}');

export const GROWTH_MEASURES: readonly Measure[] = [
  {
    key: 'new_customers',
    label: L('New customers', '新增客户数'),
    definition: L('Customers added to the register in the period (their Created time).', '期间内新登记的客户数（按创建时间）。'),
    source: 'seed 003 §5.1 (new customers)',
    format: 'count',
    periodic: true,
    formula: `COUNTIFS({customers.customer_id},"<>",${inPeriodCriteria('{customers.created_at}')})`,
    reference: (d, p) => d.customers.filter((c) => c.id && inSerialPeriod(c.created, p)).length,
  },
  {
    key: 'repurchase_share',
    label: L('Repurchase and upsell share', '复购与增购占比'),
    definition: L(
      'Deals won in the period of kind Repurchase or Upsell ÷ all deals won in the period (per deal, not per customer: see docs/kpis.md).',
      '期间内赢单中类型为复购或增购的 ÷ 期间内全部赢单（按成交计，不按客户计，见 docs/kpis.md）。',
    ),
    source: 'seed 003 §5.1 (repurchase); our addition (counted per deal)',
    format: 'percent',
    periodic: true,
    formula:
      `IFERROR((COUNTIFS({deals.status},${WON},{deals.kind},${REPURCHASE},${CLOSED_IN})+COUNTIFS({deals.status},${WON},{deals.kind},${UPSELL},${CLOSED_IN}))/` +
      `COUNTIFS({deals.status},${WON},${CLOSED_IN}),"")`,
    reference: (d, p) => {
      const won = d.deals.filter((x) => x.status === 'won' && inSerialPeriod(x.closedOn, p));
      return ratio(won.filter((x) => x.kind === 'repurchase' || x.kind === 'upsell').length, won.length);
    },
  },
  {
    key: 'lost_customers',
    label: L('Customers lost', '流失客户数'),
    definition: L('Changes of a customer’s stage to Lost recorded in the period (Stage history).', '期间内阶段历史中记录的客户转为“丢单”的次数。'),
    source: 'seed 003 §6.3 (churn)',
    format: 'count',
    periodic: true,
    formula: `COUNTIFS({stage_history.to_stage},${LOST_STAGE},${inPeriodCriteria('{stage_history.changed_at}')})`,
    reference: (d, p) => d.stageChanges.filter((h) => h.to === 'lost' && inSerialPeriod(h.at, p)).length,
  },
  {
    key: 'churn_rate',
    label: L('Churn rate', '客户流失率'),
    definition: L(
      'Customers lost in the period ÷ customers registered before the period began; retention is 1 − churn.',
      '期间内流失的客户数 ÷ 期间开始前已登记的客户数；留存率 = 1 − 流失率。',
    ),
    source: 'seed 003 §5.1, §6.3 (retention and churn)',
    format: 'percent',
    periodic: true,
    formula: `IFERROR(COUNTIFS({stage_history.to_stage},${LOST_STAGE},${inPeriodCriteria('{stage_history.changed_at}')})/COUNTIFS({customers.customer_id},"<>",{customers.created_at},"<"&%from%),"")`,
    reference: (d, p) =>
      ratio(
        d.stageChanges.filter((h) => h.to === 'lost' && inSerialPeriod(h.at, p)).length,
        d.customers.filter((c) => c.id && c.created !== null && c.created < p.from).length,
      ),
  },
];

export const GROWTH_SECTION: Section = { key: 'growth', title: L('Growth', '增长'), measures: GROWTH_MEASURES };
