/**
 * Every threshold and cadence of Sales Desk, with its sourced default. Set-up writes one row
 * per setting on the Settings tab and names the value cell (`SD_…`); formulas use the name,
 * the script reads the same cell through the same name. Nothing here is a literal in code
 * elsewhere: a rule that needs "24 hours" reads SD_FOLLOWUP_HIGH_HOURS.
 */
import type { Localized } from './i18n/locale';

export type SettingUnit = 'hours' | 'days' | 'months' | 'share' | 'score' | 'hour_of_day' | 'boolean' | 'choice';

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
    explanation: L(
      'Language of the add-in for everyone; Auto uses each user’s Google language.',
      '所有人使用的插件语言；“自动”使用每个用户的 Google 语言。',
    ),
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
    key: 'return_call_days',
    name: 'SD_RETURN_CALL_DAYS',
    label: L('Return call after delivery', '交付后回访'),
    explanation: L(
      'The first return call to a customer is due within this many days after delivery.',
      '交付后须在此天数内完成首次电话回访。',
    ),
    unit: 'days',
    default: 3,
    source: 'seed 002 S6.2',
    min: 0,
  },
  {
    key: 'survey_after_delivery_months',
    name: 'SD_SURVEY_AFTER_DELIVERY_MONTHS',
    label: L('Satisfaction survey after delivery', '交付后满意度调查'),
    explanation: L(
      'The satisfaction survey is sent this many months after delivery.',
      '交付后此月数发送满意度问卷。',
    ),
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
    explanation: L(
      'An objection gets a written answer within this time after it was raised.',
      '客户提出异议后，须在此时间内给出书面答复。',
    ),
    unit: 'hours',
    default: 24,
    source: 'seed 002 S3.3',
    min: 1,
  },
  {
    key: 'new_customer_followup_days',
    name: 'SD_NEW_CUSTOMER_FOLLOWUP_DAYS',
    label: L('Follow-up, new customer', '跟进间隔：新客户'),
    explanation: L(
      'After the first purchase, a new customer is contacted every this many days (weekly).',
      '首次购买后，新客户每隔此天数跟进一次（每周）。',
    ),
    unit: 'days',
    default: 7,
    source: 'seed 003 §4.4.2',
    min: 1,
  },
  {
    key: 'existing_customer_followup_days',
    name: 'SD_EXISTING_CUSTOMER_FOLLOWUP_DAYS',
    label: L('Follow-up, long-standing customer', '跟进间隔：老客户'),
    explanation: L(
      'A long-standing customer is contacted every this many days (monthly).',
      '老客户每隔此天数跟进一次（每月）。',
    ),
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
    explanation: L(
      'The daily e-mail of due follow-ups goes out at this hour (spreadsheet time zone).',
      '每天在此整点（表格时区）发送到期跟进提醒邮件。',
    ),
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
    explanation: L(
      'When ticked, a follow-up that falls on Saturday or Sunday moves to Monday.',
      '勾选后，落在周六或周日的跟进顺延到周一。',
    ),
    unit: 'boolean',
    default: false,
    source: 'our choice',
  },
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
