/**
 * Every threshold and cadence of Sales Desk, with its sourced default. Set-up writes one row
 * per setting on the Settings tab and names the value cell (`SD_…`); formulas use the name,
 * the script reads the same cell through the same name. Nothing here is a literal in code
 * elsewhere: a rule that needs "24 hours" reads SD_FOLLOWUP_HIGH_HOURS.
 */
import type { Localized } from './i18n/locale';
import { COMPLAINT_SETTINGS } from './complaints/settings-defs';
import { SURVEY_SETTINGS } from './survey/settings';

export type SettingUnit = 'hours' | 'days' | 'working_days' | 'months' | 'share' | 'score' | 'hour_of_day' | 'boolean' | 'choice';

export interface SettingDef {
  key: string;
  /** The named range of the value cell. */
  name: string;
  label: Localized;
  explanation: Localized;
  unit: SettingUnit;
  default: number | boolean | string;
  /** For unit 'choice': the list whose values are allowed (and whose item key is the default). */
  list?: string;
  /** Where the default comes from; "our choice" when no seed gives a number. */
  source: string;
  /** Allowed numeric range for validation. */
  min?: number;
  max?: number;
}

const L = (en: string, zh: string): Localized => ({ en, zh });

export const UNIT_LABELS: Record<SettingUnit, Localized> = {
  hours: L('hours', '小时'),
  days: L('days', '天'),
  working_days: L('working days (Monday–Friday)', '个工作日（周一至周五）'),
  months: L('months', '个月'),
  share: L('share (0–100 %)', '占比（0–100%）'),
  score: L('score', '分'),
  hour_of_day: L('hour of the day (0–23)', '每天几点（0–23）'),
  boolean: L('yes / no', '是 / 否'),
  choice: L('choice', '选项'),
};

export const SETTINGS: readonly SettingDef[] = [
  {
    key: 'language',
    name: 'SD_LANGUAGE',
    label: L('Language', '语言'),
    explanation: L('Language of the add-in for everyone; Auto uses each user’s Google language.', '所有人使用的插件语言；“自动”使用每个用户的 Google 语言。'),
    unit: 'choice',
    list: 'language',
    default: 'auto',
    source: 'our design',
  },
  {
    key: 'followup_high_hours',
    name: 'SD_FOLLOWUP_HIGH_HOURS',
    label: L('Follow-up, high intention', '跟进时限：高意向'),
    explanation: L(
      'A lead with need and budget confirmed gets an in-depth conversation within this time.',
      '需求和预算都已确认的线索，须在此时间内安排深度沟通。',
    ),
    unit: 'hours',
    default: 24,
    source: 'seed 002 S1.3',
    min: 1,
  },
  {
    key: 'followup_medium_days',
    name: 'SD_FOLLOWUP_MEDIUM_DAYS',
    label: L('Follow-up, medium intention', '跟进间隔：中意向'),
    explanation: L(
      'A lead with a need but no confirmed budget goes to the nurture pool and gets a second follow-up after this many days.',
      '有需求但预算未确认的线索进入培育池，在此天数后进行第二次跟进。',
    ),
    unit: 'days',
    default: 7,
    source: 'seed 002 S1.3',
    min: 1,
  },
  {
    key: 'followup_low_months',
    name: 'SD_FOLLOWUP_LOW_MONTHS',
    label: L('Reactivation, low intention', '激活间隔：低意向'),
    explanation: L(
      'A lead that is only aware of us is put on hold and reactivated every this many months (a quarter).',
      '仅知晓、无明确需求的线索标为暂缓跟进，每隔此月数激活一次（每季度）。',
    ),
    unit: 'months',
    default: 3,
    source: 'seed 002 S1.3',
    min: 1,
  },
  {
    key: 'first_contact_working_days',
    name: 'SD_FIRST_CONTACT_WORKING_DAYS',
    label: L('First contact with a new lead', '新线索首次联系'),
    explanation: L(
      'A customer in stage 1 (reach & screen) who has never been contacted is due for a first, screening contact this many working days after it was added (Saturday and Sunday do not count; the time of day is kept). From the first logged contact on, the intention level’s cadence applies. Our choice: the seeds ask for screening in stage 1 but give no time.',
      '处于第 1 阶段（触达与初筛）且从未联系过的客户，须在添加后此数量的工作日内完成首次筛选联系（周六、周日不计，保留添加时的时刻）。记录首次联系之后，按意向等级的跟进节奏执行。此数值为本产品的选择：资料要求在第 1 阶段筛选客户，但没有给出时限。',
    ),
    unit: 'working_days',
    default: 1,
    source: 'our choice (seed 002 S1.2 screens new leads in stage 1, no time given)',
    min: 1,
    max: 30,
  },
  {
    key: 'return_call_days',
    name: 'SD_RETURN_CALL_DAYS',
    label: L('Return call after delivery', '交付后回访'),
    explanation: L('The first return call to a customer is due within this many days after delivery.', '交付后须在此天数内完成首次电话回访。'),
    unit: 'days',
    default: 3,
    source: 'seed 002 S6.2',
    min: 0,
  },
  {
    key: 'survey_after_delivery_months',
    name: 'SD_SURVEY_AFTER_DELIVERY_MONTHS',
    label: L('Satisfaction survey after delivery', '交付后满意度调查'),
    explanation: L('The satisfaction survey is sent this many months after delivery.', '交付后此月数发送满意度问卷。'),
    unit: 'months',
    default: 1,
    source: 'seed 002 S6.2',
    min: 0,
  },
  {
    key: 'survey_interval_months',
    name: 'SD_SURVEY_INTERVAL_MONTHS',
    label: L('Relationship survey interval', '定期满意度调查间隔'),
    explanation: L(
      'Existing customers get a satisfaction survey again after this many months (a quarter; the seed allows half a year).',
      '老客户每隔此月数再做一次满意度调查（每季度；资料也允许每半年）。',
    ),
    unit: 'months',
    default: 3,
    source: 'seed 000 §3.3 (quarter or half-year)',
    min: 1,
  },
  {
    key: 'objection_answer_hours',
    name: 'SD_OBJECTION_ANSWER_HOURS',
    label: L('Written answer to an objection', '异议书面答复时限'),
    explanation: L('An objection gets a written answer within this time after it was raised.', '客户提出异议后，须在此时间内给出书面答复。'),
    unit: 'hours',
    default: 24,
    source: 'seed 002 S3.3',
    min: 1,
  },
  {
    key: 'new_customer_followup_days',
    name: 'SD_NEW_CUSTOMER_FOLLOWUP_DAYS',
    label: L('Follow-up, new customer', '跟进间隔：新客户'),
    explanation: L('After the first purchase, a new customer is contacted every this many days (weekly).', '首次购买后，新客户每隔此天数跟进一次（每周）。'),
    unit: 'days',
    default: 7,
    source: 'seed 003 §4.4.2',
    min: 1,
  },
  {
    key: 'existing_customer_followup_days',
    name: 'SD_EXISTING_CUSTOMER_FOLLOWUP_DAYS',
    label: L('Follow-up, long-standing customer', '跟进间隔：老客户'),
    explanation: L('A long-standing customer is contacted every this many days (monthly).', '老客户每隔此天数跟进一次（每月）。'),
    unit: 'days',
    default: 30,
    source: 'seed 003 §4.4.2',
    min: 1,
  },
  {
    key: 'key_account_followup_days',
    name: 'SD_KEY_ACCOUNT_FOLLOWUP_DAYS',
    label: L('Follow-up, key account', '跟进间隔：大客户'),
    explanation: L(
      'A key account (scenario "key account") that has bought is contacted every this many days. Our choice: seed 003 names VIP customers but gives them no interval, so the default is the weekly new-customer cadence.',
      '已成交的大客户（业务场景为“大客户攻坚”）每隔此天数跟进一次。此数值为本产品的选择：资料 003 提到 VIP 客户但没有给出间隔，默认采用新客户的每周节奏。',
    ),
    unit: 'days',
    default: 7,
    source: 'our choice (seed 003 §4.4.1 names VIP customers, no interval)',
    min: 1,
  },
  {
    key: 'tier_window_months',
    name: 'SD_TIER_WINDOW_MONTHS',
    label: L('Value window', '价值统计期'),
    explanation: L(
      'Value tiers count deals won in this many past months, up to today (a deal exactly this many months old no longer counts). Falling value compares with the same length of time before. Sales Desk adds the deals up when a deal is saved or from the menu (Refresh customer values).',
      '价值等级按过去此月数内（截至今天）的成交金额计算（恰好满此月数的成交不再计入）。“成交额下降”与此前同样长度的时期比较。保存成交或从菜单选择“刷新客户价值”时，销售台重新汇总金额。',
    ),
    unit: 'months',
    default: 12,
    source: 'seed 001 ("last year’s value")',
    min: 1,
  },
  {
    key: 'tier_a_share',
    name: 'SD_TIER_A_SHARE',
    label: L('Tier A: cumulative share of revenue', 'A 级：累计收入占比'),
    explanation: L(
      'Customers ranked by value in the window; those who together make the top 70 % of revenue are A (the customer who crosses the line is still A; equal values share a tier). Customers without deals in the window have no tier. Our choice, not the seeds’.',
      '客户按统计期内价值排序，合计贡献前 70% 收入的为 A 级（跨过分界线的那位客户仍为 A 级；价值相同的客户等级相同）。统计期内没有成交的客户不分级。此数值为本产品的选择，资料中没有。',
    ),
    unit: 'share',
    default: 0.7,
    source: 'our choice (ABC classes from seed 001; no seed gives cut-offs)',
    min: 0,
    max: 1,
  },
  {
    key: 'tier_b_share',
    name: 'SD_TIER_B_SHARE',
    label: L('Tier B: cumulative share of revenue', 'B 级：累计收入占比'),
    explanation: L(
      'The next customers up to 90 % of revenue are B; the rest (last 10 %) are C. Our choice, not the seeds’.',
      '其后累计到 90% 收入的客户为 B 级，其余（最后 10%）为 C 级。此数值为本产品的选择，资料中没有。',
    ),
    unit: 'share',
    default: 0.9,
    source: 'our choice',
    min: 0,
    max: 1,
  },
  {
    key: 'gold_share',
    name: 'SD_GOLD_SHARE',
    label: L('Gold customers: top share', '黄金客户：前百分比'),
    explanation: L(
      'The top 5 % of the customers who bought last calendar year, ranked by that year’s value, are gold: 5 % of them rounded down, but at least one; equal values at the cut-off are all gold.',
      '上一自然年有成交的客户按当年成交额排序，前 5% 为黄金客户：人数向下取整，但至少一位；与分界值相同的客户都算黄金客户。',
    ),
    unit: 'share',
    default: 0.05,
    source: 'seed 001 (top 5 % "gold" customers)',
    min: 0,
    max: 1,
  },
  {
    key: 'churn_no_contact_days',
    name: 'SD_CHURN_NO_CONTACT_DAYS',
    label: L('Churn risk: days without contact', '流失风险：未联系天数'),
    explanation: L(
      'A customer not contacted for more than this many days (counted from when the row was added if never contacted) is flagged at risk; so is one whose next follow-up is overdue by a whole cadence. Lost customers are never flagged. Our choice; the seeds name the signal, not a number.',
      '超过此天数未联系（从未联系则从添加之日算起）的客户标记为有流失风险；下次跟进逾期达到一个完整跟进周期的客户同样标记。已丢单客户不标记。此数值为本产品的选择，资料只给出信号、没有数字。',
    ),
    unit: 'days',
    default: 90,
    source: 'our choice (signal from seed 003 §6.3)',
    min: 1,
  },
  {
    key: 'churn_value_drop',
    name: 'SD_CHURN_VALUE_DROP',
    label: L('Churn risk: fall in deal value', '流失风险：成交额降幅'),
    explanation: L(
      'A customer whose deal value in the value window fell by at least this share compared with the window before is flagged at risk. Our choice; the seeds name falling orders as a signal, not a number.',
      '统计期内成交额比上一统计期下降至少此比例的客户标记为有流失风险。此数值为本产品的选择，资料只把订单减少列为信号、没有数字。',
    ),
    unit: 'share',
    default: 0.5,
    source: 'our choice (signal from seed 003 §6.3 and seed 000 §3.2)',
    min: 0,
    max: 1,
  },
  {
    key: 'churn_low_score',
    name: 'SD_CHURN_LOW_SCORE',
    label: L('Churn risk: low satisfaction score', '流失风险：满意度低分'),
    explanation: L(
      'An average survey score (1–5) at or below this flags the customer at risk. Our choice.',
      '满意度平均分（1–5）不高于此值时标记为有流失风险。此数值为本产品的选择。',
    ),
    unit: 'score',
    default: 2,
    source: 'our choice (signal from seed 003 §6.3)',
    min: 1,
    max: 5,
  },
  {
    key: 'reminder_hour',
    name: 'SD_REMINDER_HOUR',
    label: L('Daily reminder hour', '每日提醒时间'),
    explanation: L('The daily e-mail of due follow-ups goes out at this hour (spreadsheet time zone).', '每天在此整点（表格时区）发送到期跟进提醒邮件。'),
    unit: 'hour_of_day',
    default: 8,
    source: 'our choice',
    min: 0,
    max: 23,
  },
  {
    key: 'skip_weekends',
    name: 'SD_SKIP_WEEKENDS',
    label: L('Skip weekends', '跳过周末'),
    explanation: L('When ticked, a follow-up that falls on Saturday or Sunday moves to Monday.', '勾选后，落在周六或周日的跟进顺延到周一。'),
    unit: 'boolean',
    default: false,
    source: 'our choice',
  },
  {
    key: 'stage_probability_reach',
    name: 'SD_STAGE_PROBABILITY_REACH',
    label: L('Win probability: 1 Reach & screen', '赢单概率：1 触达与初筛'),
    explanation: L(
      'Default win probability of an open deal whose customer is in “1 Reach & screen”; the weighted pipeline is amount × probability. Our choice (the seeds give no probabilities); each deal can override it.',
      '客户处于“1 触达与初筛”时，未结成交的默认赢单概率；加权金额 = 金额 × 概率。此数值为本产品的选择（资料没有给出概率），每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0.1,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stage_probability_needs',
    name: 'SD_STAGE_PROBABILITY_NEEDS',
    label: L('Win probability: 2 Needs analysis', '赢单概率：2 需求调研'),
    explanation: L(
      'Default win probability of an open deal whose customer is in “2 Needs analysis”; the weighted pipeline is amount × probability. Our choice (the seeds give no probabilities); each deal can override it.',
      '客户处于“2 需求调研”时，未结成交的默认赢单概率；加权金额 = 金额 × 概率。此数值为本产品的选择（资料没有给出概率），每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0.2,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stage_probability_solution',
    name: 'SD_STAGE_PROBABILITY_SOLUTION',
    label: L('Win probability: 3 Solution & presentation', '赢单概率：3 方案设计与呈现'),
    explanation: L(
      'Default win probability of an open deal whose customer is in “3 Solution & presentation”; the weighted pipeline is amount × probability. Our choice (the seeds give no probabilities); each deal can override it.',
      '客户处于“3 方案设计与呈现”时，未结成交的默认赢单概率；加权金额 = 金额 × 概率。此数值为本产品的选择（资料没有给出概率），每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0.4,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stage_probability_objections',
    name: 'SD_STAGE_PROBABILITY_OBJECTIONS',
    label: L('Win probability: 4 Objections & trust', '赢单概率：4 异议处理与信任'),
    explanation: L(
      'Default win probability of an open deal whose customer is in “4 Objections & trust”; the weighted pipeline is amount × probability. Our choice (the seeds give no probabilities); each deal can override it.',
      '客户处于“4 异议处理与信任”时，未结成交的默认赢单概率；加权金额 = 金额 × 概率。此数值为本产品的选择（资料没有给出概率），每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0.6,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stage_probability_negotiation',
    name: 'SD_STAGE_PROBABILITY_NEGOTIATION',
    label: L('Win probability: 5 Negotiation & contract', '赢单概率：5 谈判与签约'),
    explanation: L(
      'Default win probability of an open deal whose customer is in “5 Negotiation & contract”; the weighted pipeline is amount × probability. Our choice (the seeds give no probabilities); each deal can override it.',
      '客户处于“5 谈判与签约”时，未结成交的默认赢单概率；加权金额 = 金额 × 概率。此数值为本产品的选择（资料没有给出概率），每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0.8,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stage_probability_delivery',
    name: 'SD_STAGE_PROBABILITY_DELIVERY',
    label: L('Win probability: 6 Delivery & after-sales', '赢单概率：6 交付与售后'),
    explanation: L(
      'Default win probability of an open deal whose customer is in “6 Delivery & after-sales”: a further order from a customer who has bought, even odds until it moves. Our choice; each deal can override it.',
      '客户处于“6 交付与售后”时，未结成交的默认赢单概率：已购买客户的新订单，在推进之前按五五开计算。此数值为本产品的选择，每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0.5,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stage_probability_won',
    name: 'SD_STAGE_PROBABILITY_WON',
    label: L('Win probability: Won', '赢单概率：已成交'),
    explanation: L(
      'Default win probability of an open deal whose customer is in “Won”: a further order from a customer who has bought, even odds until it moves. Our choice; each deal can override it.',
      '客户处于“已成交”时，未结成交的默认赢单概率：已购买客户的新订单，在推进之前按五五开计算。此数值为本产品的选择，每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0.5,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stage_probability_lost',
    name: 'SD_STAGE_PROBABILITY_LOST',
    label: L('Win probability: Lost', '赢单概率：已丢单'),
    explanation: L(
      'Default win probability of a deal still open for a customer marked Lost: none until someone reopens the customer. Our choice; each deal can override it.',
      '客户已标为“已丢单”但成交仍未关闭时的默认赢单概率：在重新激活客户之前为零。此数值为本产品的选择，每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stage_probability_on_hold',
    name: 'SD_STAGE_PROBABILITY_ON_HOLD',
    label: L('Win probability: On hold', '赢单概率：暂缓'),
    explanation: L(
      'Default win probability of an open deal whose customer is in “On hold”; the weighted pipeline is amount × probability. Our choice (the seeds give no probabilities); each deal can override it.',
      '客户处于“暂缓”时，未结成交的默认赢单概率；加权金额 = 金额 × 概率。此数值为本产品的选择（资料没有给出概率），每笔成交可单独修改。',
    ),
    unit: 'share',
    default: 0.05,
    source: 'our choice (issue 15; no seed gives stage probabilities)',
    min: 0,
    max: 1,
  },
  {
    key: 'stale_deal_days',
    name: 'SD_STALE_DEAL_DAYS',
    label: L('Stale deal: days without contact', '停滞成交：未联系天数'),
    explanation: L(
      'An open deal whose customer has had no logged contact for more than this many days counts as stale on the dashboard. Our choice.',
      '客户超过此天数没有跟进记录的未结成交，在仪表板上计为停滞。此数值为本产品的选择。',
    ),
    unit: 'days',
    default: 30,
    source: 'our choice (issue 15)',
    min: 1,
  },
  {
    key: 'currency',
    name: 'SD_CURRENCY',
    label: L('Currency', '币种'),
    explanation: L(
      'The currency amounts are counted and shown in. Auto: ¥ (CNY) for a workbook in Chinese, otherwise the currency of the spreadsheet’s locale (File → Settings).',
      '金额计算和显示所用的币种。“自动”：中文工作簿为人民币（¥），否则按表格的区域设置（文件 → 设置）。',
    ),
    unit: 'choice',
    list: 'currency',
    default: 'auto',
    source: 'our design (issue 15)',
  },
  // The complaint log's response times (issue 17), declared in ./complaints/settings-defs.ts.
  ...COMPLAINT_SETTINGS,
  // The satisfaction survey (issue 14): form sections, throttle, reminder, expiry, score thresholds.
  ...SURVEY_SETTINGS,
];

export function getSetting(key: string): SettingDef {
  const s = SETTINGS.find((x) => x.key === key);
  if (!s) throw new Error(`Unknown setting: ${key}`);
  return s;
}

/** Named ranges of the team block on the Settings tab (whole columns below the header). */
export const TEAM_RANGES = {
  name: 'SD_TEAM_NAME',
  email: 'SD_TEAM_EMAIL',
  role: 'SD_TEAM_ROLE',
} as const;
