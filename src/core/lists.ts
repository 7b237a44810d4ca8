/**
 * Dropdown values. Each list is one column of the Lists tab (values in the workbook's
 * language), reachable by the named range `SD_LIST_<KEY>` that covers the whole column below
 * the header, so a team can append its own values and data validation picks them up.
 * Built-in items sit in the declared order in rows 2…n+1: formulas may pick them with
 * `INDEX(SD_LIST_X, n)`, which keeps formulas independent of the language.
 */
import type { Locale, Localized } from './i18n/locale';
import { COMPLAINT_LISTS } from './complaints/lists';
import { SURVEY_LISTS } from './survey/lists';

export interface ListItem {
  key: string;
  label: Localized;
}

export interface ListDef {
  key: string;
  name: Localized;
  note: Localized;
  /** Where the values come from (seed and section, or "our choice"). */
  source: string;
  items: ListItem[];
}

const L = (en: string, zh: string): Localized => ({ en, zh });
const item = (key: string, en: string, zh: string): ListItem => ({ key, label: L(en, zh) });

export const LISTS: readonly ListDef[] = [
  {
    key: 'stage',
    name: L('Sales stage', '销售阶段'),
    note: L('The six stages of a sale, then the end states.', '销售的六个阶段，以及结束状态。'),
    source: 'seed 002 §二 and seed 000 §1.2 (six stages); Won / Lost / On hold are our additions',
    items: [
      item('reach', '1 Reach & screen', '1 触达与初筛'),
      item('needs', '2 Needs analysis', '2 需求调研'),
      item('solution', '3 Solution & presentation', '3 方案设计与呈现'),
      item('objections', '4 Objections & trust', '4 异议处理与信任'),
      item('negotiation', '5 Negotiation & contract', '5 谈判与签约'),
      item('delivery', '6 Delivery & after-sales', '6 交付与售后'),
      item('won', 'Won', '已成交'),
      item('lost', 'Lost', '已丢单'),
      item('on_hold', 'On hold', '暂缓'),
    ],
  },
  {
    key: 'intention',
    name: L('Intention level', '意向等级'),
    note: L(
      'High = need and budget confirmed; Medium = need only; Low = aware, no clear need.',
      '高 = 需求和预算都已确认；中 = 仅确认需求；低 = 仅知晓，无明确需求。',
    ),
    source: 'seed 002 S1.2',
    items: [item('high', 'High', '高'), item('medium', 'Medium', '中'), item('low', 'Low', '低')],
  },
  {
    key: 'source',
    name: L('Source channel', '来源渠道'),
    note: L('Where the lead came from.', '线索从哪里来。'),
    source: 'seed 002 S1.1 and §一',
    items: [
      item('website', 'Website form', '官网表单'),
      item('white_paper', 'Industry white paper', '行业白皮书'),
      item('social', 'Social media message', '社交媒体私信'),
      item('trade_show', 'Trade show', '展会'),
      item('association', 'Industry association', '行业协会活动'),
      item('referral', 'Referral', '客户转介绍'),
      item('other', 'Other', '其他'),
    ],
  },
  {
    key: 'scenario',
    name: L('Scenario', '业务场景'),
    note: L('Which kind of sale this is.', '属于哪一类销售。'),
    source: 'seed 002 §一',
    items: [
      item('new', 'New customer', '新客户开发'),
      item('repurchase', 'Repurchase / upsell', '老客户复购/增购'),
      item('key_account', 'Key account', '大客户攻坚'),
    ],
  },
  {
    key: 'industry',
    name: L('Industry', '所属行业'),
    note: L('Industry of the customer; add your own values below.', '客户所属行业；可在下方添加自己的选项。'),
    source: 'our choice (seed 002 T1 names the column, not the values)',
    items: [
      item('manufacturing', 'Manufacturing', '制造业'),
      item('retail', 'Retail & consumer', '零售与消费'),
      item('it', 'IT & software', '信息技术与软件'),
      item('finance', 'Finance & insurance', '金融与保险'),
      item('health', 'Healthcare', '医疗健康'),
      item('education', 'Education', '教育'),
      item('logistics', 'Logistics', '物流'),
      item('construction', 'Construction & real estate', '建筑与房地产'),
      item('services', 'Business services', '商业服务'),
      item('public', 'Public sector', '政府与公共事业'),
      item('other', 'Other', '其他'),
    ],
  },
  {
    key: 'objection_type',
    name: L('Objection type', '异议类型'),
    note: L('What the customer is worried about.', '客户担心的是什么。'),
    source: 'seed 002 S4.1 (price, function, trust, decision); seed 003 §4.3 (product, service, time); seed 000 §4.3 (need mismatch); seed 004 (competitor)',
    items: [
      item('price', 'Price', '价格'),
      item('product', 'Product / function', '产品/功能'),
      item('service', 'Service', '服务'),
      item('timing', 'Timing / delivery', '时间/交付周期'),
      item('trust', 'Trust', '信任'),
      item('decision', 'Decision (internal sign-off)', '决策（需内部审批）'),
      item('need', 'Need mismatch', '需求不匹配'),
      item('competitor', 'Competitor', '竞争对手'),
      item('other', 'Other', '其他'),
    ],
  },
  {
    key: 'objection_result',
    name: L('Objection result', '处理结果'),
    note: L('How far the objection is resolved.', '异议解决到什么程度。'),
    source: 'seed 002 T3',
    items: [item('resolved', 'Resolved', '已解决'), item('partly', 'Partly resolved', '部分解决'), item('unresolved', 'Unresolved', '未解决')],
  },
  {
    key: 'satisfaction',
    name: L('Overall satisfaction', '总体评价'),
    note: L('The overall rating of the satisfaction form.', '满意度评估表的总体评价。'),
    source: 'seed 002 T4',
    items: [item('satisfied', 'Satisfied', '满意'), item('neutral', 'Neutral', '一般'), item('unsatisfied', 'Unsatisfied', '不满意')],
  },
  {
    key: 'channel',
    name: L('Contact channel', '跟进方式'),
    note: L('How the contact happened.', '通过什么方式联系。'),
    source: 'seed 002 S1.2, S2.2, S6.2; seed 003 §4.1',
    items: [
      item('phone', 'Phone', '电话'),
      item('email', 'E-mail', '邮件'),
      item('visit', 'Visit', '拜访'),
      item('video', 'Video call', '视频会议'),
      item('message', 'Message / WeChat', '消息/微信'),
      item('event', 'Event', '活动'),
    ],
  },
  {
    key: 'purpose',
    name: L('Purpose', '跟进目的'),
    note: L('Why the contact happened.', '本次跟进的目的。'),
    source: 'seed 002 stages 1–6',
    items: [
      item('first_contact', 'First contact', '首次接触'),
      item('needs_research', 'Needs research', '需求调研'),
      item('presentation', 'Presentation', '方案演示'),
      item('objection', 'Objection follow-up', '异议跟进'),
      item('negotiation', 'Negotiation', '谈判'),
      item('delivery', 'Delivery', '交付'),
      item('return_visit', 'Return visit', '回访'),
      item('survey', 'Survey', '满意度调查'),
      item('repurchase', 'Repurchase', '复购'),
    ],
  },
  {
    key: 'followup_status',
    name: L('Follow-up status', '跟进状态'),
    note: L('State of one planned contact.', '单次跟进的状态。'),
    source: 'our design (issue 6)',
    items: [
      item('planned', 'Planned', '已计划'),
      item('done', 'Done', '已完成'),
      item('overdue', 'Overdue', '已逾期'),
      item('cancelled', 'Cancelled', '已取消'),
    ],
  },
  {
    key: 'due_state',
    name: L('Next contact', '下次跟进'),
    note: L('Whether the next contact with a customer is due.', '客户的下次跟进是否到期。'),
    source: 'our design (issue 5)',
    items: [item('overdue', 'Overdue', '已逾期'), item('today', 'Due today', '今天到期'), item('scheduled', 'Scheduled', '已安排'), item('none', 'None', '无')],
  },
  {
    key: 'deal_kind',
    name: L('Deal kind', '成交类型'),
    note: L('New business, a repeat order or an upsell.', '新客户成交、复购或增购。'),
    source: 'seed 002 §一 and S6.3',
    items: [item('new', 'New', '新购'), item('repurchase', 'Repurchase', '复购'), item('upsell', 'Upsell', '增购')],
  },
  {
    key: 'value_tier',
    name: L('Value tier', '价值等级'),
    note: L('ABC class by share of revenue (see Settings).', '按收入占比划分的ABC等级（见设置）。'),
    source: 'seed 001 (ABC classes); cut-offs are our choice',
    items: [item('a', 'A', 'A'), item('b', 'B', 'B'), item('c', 'C', 'C')],
  },
  {
    key: 'role',
    name: L('Role', '角色'),
    note: L('Rep or manager in the team list.', '团队成员是销售代表还是经理。'),
    source: 'DESIGN.md (who uses it)',
    items: [item('rep', 'Rep', '销售代表'), item('manager', 'Manager', '经理')],
  },
  {
    key: 'currency',
    name: L('Currency', '币种'),
    note: L('The workbook’s currency (Settings); Auto follows the workbook’s language and locale.', '工作簿的币种（见设置）；“自动”按工作簿语言和区域设置。'),
    source: 'our design (issue 15)',
    items: [
      item('auto', 'Auto', '自动'),
      item('cny', 'CNY ¥ yuan', 'CNY ¥ 人民币'),
      item('usd', 'USD $ US dollar', 'USD $ 美元'),
      item('eur', 'EUR € euro', 'EUR € 欧元'),
      item('gbp', 'GBP £ pound', 'GBP £ 英镑'),
      item('jpy', 'JPY ¥ yen', 'JPY ¥ 日元'),
      item('hkd', 'HKD HK$ Hong Kong dollar', 'HKD HK$ 港元'),
      item('twd', 'TWD NT$ New Taiwan dollar', 'TWD NT$ 新台币'),
      item('sgd', 'SGD S$ Singapore dollar', 'SGD S$ 新加坡元'),
      item('aud', 'AUD A$ Australian dollar', 'AUD A$ 澳元'),
      item('cad', 'CAD C$ Canadian dollar', 'CAD C$ 加元'),
      item('krw', 'KRW ₩ won', 'KRW ₩ 韩元'),
    ],
  },
  {
    key: 'deal_status',
    name: L('Deal status', '成交状态'),
    note: L('Open while it is being worked on, then won or lost.', '跟进中为未结，之后为赢单或丢单。'),
    source: 'our design (issue 15)',
    items: [item('open', 'Open', '跟进中'), item('won', 'Won', '赢单'), item('lost', 'Lost', '丢单')],
  },
  {
    key: 'language',
    name: L('Language', '语言'),
    note: L('Auto follows each user’s Google language.', '“自动”跟随每个用户的 Google 语言设置。'),
    source: 'our design',
    items: [item('auto', 'Auto', '自动'), item('en', 'English', 'English'), item('zh', '中文', '中文')],
  },
  // The complaint log's lists (issue 17), declared in ./complaints/lists.ts.
  ...COMPLAINT_LISTS,
  // The satisfaction survey (issue 14): round kind, send status, response flag.
  ...SURVEY_LISTS,
];

export function listNamedRange(listKey: string): string {
  return `SD_LIST_${listKey.toUpperCase()}`;
}

export function getList(key: string): ListDef {
  const l = LISTS.find((x) => x.key === key);
  if (!l) throw new Error(`Unknown list: ${key}`);
  return l;
}

/** The label of one built-in item in a language. */
export function listLabel(listKey: string, itemKey: string, locale: Locale): string {
  const it = getList(listKey).items.find((i) => i.key === itemKey);
  if (!it) throw new Error(`Unknown item ${itemKey} in list ${listKey}`);
  return it.label[locale];
}

/**
 * The item key for a value found in a cell, in either language (trimmed, case-insensitive),
 * or null for a value the team added itself.
 */
export function listItemKey(listKey: string, value: unknown): string | null {
  const v = String(value ?? '')
    .trim()
    .toLowerCase();
  if (!v) return null;
  for (const it of getList(listKey).items) {
    if (it.label.en.toLowerCase() === v || it.label.zh.toLowerCase() === v) return it.key;
  }
  return null;
}

/** 1-based position of a built-in item, for `INDEX(SD_LIST_X, n)` in formulas. */
export function listIndex(listKey: string, itemKey: string): number {
  const i = getList(listKey).items.findIndex((x) => x.key === itemKey);
  if (i < 0) throw new Error(`Unknown item ${itemKey} in list ${listKey}`);
  return i + 1;
}

/** The language a workbook's lists are written in: Chinese when any value is a built-in Chinese label. */
export function listsLocale(values: readonly unknown[], listKey: string): Locale {
  const zh = new Set(getList(listKey).items.map((i) => i.label.zh));
  return values.some((v) => zh.has(String(v ?? '').trim())) ? 'zh' : 'en';
}

/**
 * A built-in item as this workbook spells it: the value at its position in the Lists column
 * (set-up writes built-ins in order, a team may have renamed one), else the built-in label in the
 * workbook's language.
 */
export function workbookLabel(values: readonly unknown[], listKey: string, itemKey: string): string {
  const at = String(values[listIndex(listKey, itemKey) - 1] ?? '').trim();
  if (at && listItemKey(listKey, at) === itemKey) return at;
  return listLabel(listKey, itemKey, listsLocale(values, listKey));
}

/**
 * A value as the Lists column spells it: the same value in another case, or the same built-in
 * item written in the other language (a Chinese label typed in an English workbook is stored in
 * the workbook's language); anything else as given.
 */
export function canonicalListValue(value: string, allowed: readonly string[], listKey: string): string {
  const exact = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (exact) return exact;
  const key = listItemKey(listKey, value);
  if (key) {
    const at = allowed[listIndex(listKey, key) - 1];
    if (at && listItemKey(listKey, at) === key) return at;
  }
  return value;
}
