/** Tier measures over the Customers register's live columns (value tier, gold, churn risk, due state; core/tiers). */
import { item, listItems } from './items';
import { L, ratio, type Measure, type Section } from './measure';

const TIER_A = item('value_tier', 'a');
const OVERDUE = item('due_state', 'overdue');

export const TIER_MEASURES: readonly Measure[] = [
  {
    key: 'customers_by_tier',
    label: L('Customers by value tier', '各价值等级客户数'),
    definition: L(
      'Customers in each ABC value tier now (tiers from the trailing revenue window, Settings).',
      '当前各 ABC 价值等级的客户数（等级按设置中的营收窗口计算）。',
    ),
    source: 'seed 001 (ABC value classes)',
    format: 'count',
    periodic: false,
    breakdown: listItems('value_tier'),
    formula: 'COUNTIFS({customers.customer_id},"<>",{customers.value_tier},%item%)',
    reference: (d, _p, it) => d.customers.filter((c) => c.id && c.tier === it).length,
  },
  {
    key: 'revenue_share_by_tier',
    label: L('Share of revenue by tier', '各等级营收占比'),
    definition: L(
      'Revenue in the tier window of the tier’s customers ÷ that of all customers; blank without revenue.',
      '该等级客户在等级窗口内的营收 ÷ 全部客户的营收；没有营收时为空。',
    ),
    source: 'seed 001 (ABC value classes)',
    format: 'percent',
    periodic: false,
    breakdown: listItems('value_tier'),
    formula:
      'IFERROR(SUMIFS({customers.value_window},{customers.customer_id},"<>",{customers.value_tier},%item%)/SUMIFS({customers.value_window},{customers.customer_id},"<>"),"")',
    reference: (d, _p, it) => {
      const all = d.customers.filter((c) => c.id);
      const sum = (xs: typeof all) => xs.reduce((a, c) => a + Math.round(c.valueWindow * 100), 0);
      return ratio(sum(all.filter((c) => c.tier === it)), sum(all));
    },
  },
  {
    key: 'gold_customers',
    label: L('Gold customers', '黄金客户数'),
    definition: L('Customers among the top share of last year’s buyers (Settings: gold share).', '上一年度购买客户中排名前列（设置：黄金客户比例）的客户数。'),
    source: 'seed 001 (top 5 % gold customers)',
    format: 'count',
    periodic: false,
    formula: 'COUNTIFS({customers.customer_id},"<>",{customers.gold},TRUE)',
    reference: (d) => d.customers.filter((c) => c.id && c.gold).length,
  },
  {
    key: 'at_risk_customers',
    label: L('Customers at risk', '有流失风险的客户数'),
    definition: L(
      'Customers flagged at risk now: no contact for too long, value dropping, or a low survey score (the reasons are the Customers tab’s churn signals, Settings).',
      '当前标记为有流失风险的客户数：长期未联系、价值下降或满意度低分（原因见客户表的流失信号和设置）。',
    ),
    source: 'seed 003 §6.3 (churn warning)',
    format: 'count',
    periodic: false,
    formula: 'COUNTIFS({customers.customer_id},"<>",{customers.churn_risk},TRUE)',
    reference: (d) => d.customers.filter((c) => c.id && c.churn).length,
  },
  {
    key: 'at_risk_a_gold',
    label: L('A or gold customers at risk', '有流失风险的 A 类或黄金客户'),
    definition: L('Customers in tier A or gold who are flagged at risk now.', '当前有流失风险的 A 类或黄金客户数。'),
    source: 'seed 003 §6.3; seed 001',
    format: 'count',
    periodic: false,
    formula: `ARRAYFORMULA(SUMPRODUCT(({customers.customer_id}<>"")*({customers.churn_risk}=TRUE)*((({customers.value_tier}=${TIER_A})+({customers.gold}=TRUE))>0)))`,
    reference: (d) => d.customers.filter((c) => c.id && c.churn && (c.tier === 'a' || c.gold)).length,
  },
  {
    key: 'a_gold_not_contacted',
    label: L('A or gold customers past their cadence', 'A 类或黄金客户超期未联系'),
    definition: L('Customers in tier A or gold whose next follow-up date has passed without contact.', 'A 类或黄金客户中，下次跟进日期已过仍未联系的客户数。'),
    source: 'seed 001 (gold customers); seed 002 §1.3 (cadences)',
    format: 'count',
    periodic: false,
    formula: `ARRAYFORMULA(SUMPRODUCT(({customers.customer_id}<>"")*({customers.followup_state}=${OVERDUE})*((({customers.value_tier}=${TIER_A})+({customers.gold}=TRUE))>0)))`,
    reference: (d) => d.customers.filter((c) => c.id && c.state === 'overdue' && (c.tier === 'a' || c.gold)).length,
  },
];

export const TIERS_SECTION: Section = { key: 'tiers', title: L('Customer tiers', '客户分级'), measures: TIER_MEASURES };
