/**
 * The declaration of every tab. Set-up, repair, reading, writing, validation and
 * docs/reference.md are all driven from here: adding a column is adding one line.
 */
import type { Localized } from '../i18n/locale';
import { LISTS } from '../lists';
import type { ColumnDef, ColumnType, TabDef } from './types';
import { ADMIN_HEADER, COMPUTED_HEADER, LOG_HEADER } from './header-styles';
import { INTENTION_FORMULA } from '../customers/intention';
import { CADENCE_BASE_FORMULA, FOLLOWUP_STATE_FORMULA, PLANNED_NEXT_FORMULA } from '../cadence/next';
import { CHURN_RISK_FORMULA, DAYS_SINCE_CONTACT_FORMULA, GOLD_FORMULA, VALUE_TIER_FORMULA } from '../tiers/rules';
import { DAYS_LATE_FORMULA, FOLLOWUP_STATUS_FORMULA } from '../followups/status';
import { ANSWER_DUE_FORMULA, ANSWER_OVERDUE_FORMULA } from '../objections/answer';
import { CUSTOMER_STAGE_COLUMNS, DEAL_COMPUTED_COLUMNS, DEAL_PIPELINE_INPUTS, STAGE_HISTORY } from '../pipeline/columns';
import { TEAM_TAB, TRENDS_TAB } from '../dashboard/tabs';
import { TARGET_COLUMNS } from '../dashboard/targets';
import { COMPLAINTS, COMPLAINT_STEPS_TAB } from './tabs-complaints';
import { SURVEY_SENDS } from './tabs-survey';
import { DIMENSION_SCORES, getSurveyItem } from '../survey/template';
import { SURVEY_AVERAGE_FORMULA } from '../survey/formulas';

const L = (en: string, zh: string): Localized => ({ en, zh });

/** The list key that means "a member of the team list in Settings" (validation on SD_TEAM_NAME). */
export const TEAM_LIST = 'team';

type Extra = Partial<Omit<ColumnDef, 'key' | 'header' | 'note' | 'type'>>;

const DEFAULT_WIDTH: Record<ColumnType, number> = {
  text: 160,
  longtext: 280,
  email: 200,
  phone: 130,
  date: 105,
  datetime: 140,
  number: 100,
  currency: 120,
  percent: 90,
  integer: 90,
  boolean: 80,
  list: 150,
  id: 100,
};

/**
 * Column widths come in a few steps: a declared width is rounded to the nearest (ties to the
 * wider), so that neighbouring columns share one setColumnWidths call when set-up creates a tab,
 * and the narrow step is Sheets' default width, which costs no call at all.
 */
export const WIDTH_STEPS = [100, 160, 280, 420] as const;

function widthStep(px: number): number {
  let best: number = WIDTH_STEPS[0];
  for (const w of WIDTH_STEPS) if (Math.abs(w - px) <= Math.abs(best - px)) best = w;
  return best;
}

/** One column: `c(key, type, header, note, extra)`. */
function c(key: string, type: ColumnType, header: Localized, note: Localized, extra: Extra = {}): ColumnDef {
  const col: ColumnDef = { key, type, header, note, width: DEFAULT_WIDTH[type], ...extra };
  return { ...col, width: widthStep(col.width) };
}

/** When and by whom a row was added (set by Sales Desk). */
function created(): ColumnDef[] {
  return [
    c('created_at', 'datetime', L('Created', '创建时间'), L('When the row was added (set by Sales Desk).', '该行的添加时间（由销售台填写）。'), {
      protected: true,
    }),
    c('created_by', 'text', L('Created by', '创建人'), L('Who added the row (set by Sales Desk).', '添加该行的人（由销售台填写）。'), {
      protected: true,
      width: 140,
    }),
  ];
}

function updated(): ColumnDef {
  return c('updated_at', 'datetime', L('Updated', '更新时间'), L('When the row was last changed through Sales Desk.', '最近一次通过销售台修改的时间。'), {
    protected: true,
  });
}

/** Columns every log tab ends with. */
function audit(): ColumnDef[] {
  return [...created(), updated()];
}

function owner(note: Localized): ColumnDef {
  return c('owner', 'list', L('Owner', '负责人'), note, { list: TEAM_LIST, width: 130 });
}

function customerRef(): ColumnDef[] {
  return [
    c('customer_id', 'id', L('Customer ID', '客户编号'), L('ID of the customer on the Customers tab.', '客户表中的客户编号。'), { required: true }),
    c('customer_name', 'text', L('Customer', '客户名称'), L('Customer name, copied when the row is saved.', '客户名称，保存时自动填入。'), { width: 180 }),
  ];
}

/*
 * Computed columns. Each is one ARRAYFORMULA that reads only its own row and a few named
 * settings, so recalculating 20,000 customers is 20,000 small evaluations — never a scan of a log
 * per row. Where a rule needs a group-by over a log (a customer's deals, their latest survey) or a
 * ranking over all customers (cumulative share of revenue), the script keeps the number on the row
 * at write time (value_window, value_prev_window, value_share_ahead, value_last_year, last_score;
 * last_contact_at when a follow-up is logged — see src/core/tiers/values.ts) and the formula
 * applies the live Settings thresholds to it. Each formula lives next to the TypeScript rule it is
 * tested against: the cadence in src/core/cadence/next.ts, the intention level in
 * src/core/customers/intention.ts, tiers and churn in src/core/tiers/rules.ts, the Follow-ups
 * status in src/core/followups/status.ts, the written-answer rule in src/core/objections/answer.ts.
 */

export const CUSTOMERS: TabDef = {
  key: 'customers',
  name: L('Customers', '客户'),
  kind: 'table',
  description: L('The customer register: one row per customer (seed 002 template 1).', '客户信息登记表：每个客户一行（资料 002 模板 1）。'),
  frozenRows: 1,
  frozenColumns: 2,
  headerStyle: LOG_HEADER,
  computedHeaderStyle: COMPUTED_HEADER,
  color: '#1a73e8',
  // Churn risk first: an overdue customer at risk shows amber on its ID and name, red on the rest.
  // Overdue reads the next follow-up date, not the status text, so it works in any language.
  highlights: [
    { key: 'churn', formula: '{churn_risk}=TRUE', columns: ['customer_id', 'name'], background: '#fef7e0', fontColor: '#b06000', bold: true },
    { key: 'overdue', formula: 'AND({next_followup}<>"",INT({next_followup})<TODAY())', columns: 'row', background: '#fce8e6' },
  ],
  columns: [
    c(
      'customer_id',
      'id',
      L('Customer ID', '客户编号'),
      L('Unique ID given by Sales Desk, e.g. C-000123. Do not change it.', '销售台分配的唯一编号，例如 C-000123。请勿修改。'),
      { protected: true },
    ),
    c('name', 'text', L('Customer name', '客户名称'), L('Company (or person) name.', '公司（或个人）名称。'), { required: true, width: 200 }),
    c('industry', 'list', L('Industry', '所属行业'), L('Industry of the customer.', '客户所属行业。'), { list: 'industry' }),
    c('employees', 'integer', L('Employees', '员工数'), L('Company size: number of employees.', '客户规模：员工人数。'), { bounds: { min: 0 } }),
    c('annual_revenue', 'currency', L('Annual revenue', '年营收'), L('Company size: annual revenue of the customer.', '客户规模：客户的年营业收入。'), {
      bounds: { min: 0 },
    }),
    c('contact_name', 'text', L('Contact', '联系人'), L('Main contact person.', '主要联系人。'), { width: 140 }),
    c('contact_title', 'text', L('Title', '职务'), L('Position of the contact.', '联系人的职务。'), { width: 130 }),
    c('phone', 'phone', L('Phone', '电话'), L('Phone number, kept as text.', '电话号码，按文本保存。')),
    c('email', 'email', L('E-mail', '邮箱'), L('E-mail of the contact; needed to send the satisfaction survey.', '联系人邮箱；发送满意度问卷时需要。')),
    c('source', 'list', L('Source channel', '来源渠道'), L('Where the lead came from.', '线索来源渠道。'), { list: 'source' }),
    c('source_detail', 'text', L('Source detail', '来源明细'), L('Campaign or event, e.g. "2024 trade show".', '具体活动或来源，例如“2024年展会”。')),
    c('scenario', 'list', L('Scenario', '业务场景'), L('New customer, repurchase / upsell, or key account.', '新客户开发、老客户复购/增购或大客户攻坚。'), {
      list: 'scenario',
    }),
    c('needs', 'longtext', L('Needs', '需求描述'), L('Short description of what the customer needs.', '客户需求的简要描述。')),
    c('need_confirmed', 'boolean', L('Need confirmed', '需求已确认'), L('Tick when the customer has a clear need.', '客户有明确需求时勾选。'), { width: 100 }),
    c('budget_confirmed', 'boolean', L('Budget confirmed', '预算已确认'), L('Tick when the customer has confirmed a budget.', '客户已确认预算时勾选。'), {
      width: 100,
    }),
    c(
      'stage',
      'list',
      L('Stage', '销售阶段'),
      L('Where the sale stands: six stages, then Won, Lost or On hold.', '销售进展：六个阶段，或已成交、已丢单、暂缓。'),
      { list: 'stage', width: 190 },
    ),
    owner(L('The rep responsible for this customer (team list in Settings).', '负责该客户的销售（见设置中的团队名单）。')),
    // Last contact and Updated right after the input columns, before the first computed one (new
    // workbooks): logging a follow-up reads the customer's row up to here without touching a
    // computed cell (such a read waits for the sheet to recalculate) and writes both in one setValues.
    c(
      'last_contact_at',
      'datetime',
      L('Last contact', '最近联系'),
      L('Date of the latest follow-up (kept up to date by Sales Desk).', '最近一次跟进的时间（由销售台更新）。'),
      { protected: true },
    ),
    updated(),
    ...CUSTOMER_STAGE_COLUMNS,
    // The customer's one planned contact (issue 12), kept by Sales Desk from the Follow-ups log
    // whenever it re-plans the customer: Next follow-up and its status read these, so the tab,
    // Today and the digest show the same plan (src/server/plans.ts).
    c(
      'next_planned_at',
      'datetime',
      L('Planned contact', '计划联系'),
      L('The open planned contact on Follow-ups (kept by Sales Desk).', '跟进记录中尚未完成的计划联系时间（由销售台维护）。'),
      { protected: true },
    ),
    c(
      'plan_id',
      'text',
      L('Plan ID', '计划编号'),
      L('ID of that planned contact on Follow-ups (kept by Sales Desk).', '该计划联系在跟进记录中的编号（由销售台维护）。'),
      {
        protected: true,
        width: 100,
      },
    ),
    c(
      'plan_row',
      'integer',
      L('Plan row', '计划所在行'),
      L('Where that row was on Follow-ups last time (kept by Sales Desk).', '该计划上次在跟进记录中的行号（由销售台维护）。'),
      {
        protected: true,
        width: 80,
      },
    ),
    c(
      'intention_level',
      'list',
      L('Intention level', '意向等级'),
      L('Computed: High = need and budget confirmed, Medium = need only, Low = neither.', '自动计算：高 = 需求和预算都已确认，中 = 仅需求，低 = 都未确认。'),
      {
        list: 'intention',
        width: 110,
        formula: INTENTION_FORMULA,
      },
    ),
    c('days_since_contact', 'integer', L('Days since contact', '未联系天数'), L('Computed: days since the last contact.', '自动计算：距最近一次联系的天数。'), {
      formula: DAYS_SINCE_CONTACT_FORMULA,
    }),
    c(
      'cadence_base',
      'datetime',
      L('Cadence from', '节奏起点'),
      L(
        'Computed helper: the day the cadence counts from — the last contact, else the day the row was added.',
        '自动计算的辅助列：跟进节奏的起算时间——最近联系时间，从未联系则为添加时间。',
      ),
      { formula: CADENCE_BASE_FORMULA },
    ),
    c(
      'next_followup',
      'datetime',
      L('Next follow-up', '下次跟进时间'),
      L(
        'Computed: the planned contact of the customer on Follow-ups (a new lead one working day after it was added; then the cadence of Settings: High 24 h, Medium 1 week, Low or On hold a quarter, 3 days after delivery, weekly or monthly once bought; or the date the rep chose); none when Lost.',
        '自动计算：该客户在跟进记录中的计划联系时间（新线索为添加后 1 个工作日；之后按设置中的节奏：高意向 24 小时，中意向 1 周，低意向或暂缓每季度，交付后 3 天，成交后每周或每月；或销售自选的日期）；已丢单则无。',
      ),
      { formula: PLANNED_NEXT_FORMULA },
    ),
    c(
      'followup_state',
      'list',
      L('Follow-up status', '跟进状态'),
      L('Computed: overdue (before today), due today, scheduled or none.', '自动计算：已逾期（早于今天）、今天到期、已安排或无。'),
      { list: 'due_state', width: 110, formula: FOLLOWUP_STATE_FORMULA },
    ),
    c(
      'value_window',
      'currency',
      L('Value (window)', '统计期价值'),
      L(
        'Deals won in the value window (Settings, 12 months), added up by Sales Desk when a deal is saved or from the menu.',
        '价值统计期（见设置，12 个月）内的成交金额，保存成交或从菜单刷新时由销售台汇总。',
      ),
      { protected: true },
    ),
    c(
      'value_prev_window',
      'currency',
      L('Value (previous window)', '上一统计期价值'),
      L(
        'Deals won in the window of the same length just before; for the falling-value signal (kept by Sales Desk).',
        '紧接其前、同样长度时期内的成交金额；用于判断成交额下降（由销售台维护）。',
      ),
      { protected: true },
    ),
    c(
      'value_share_ahead',
      'percent',
      L('Revenue share ahead', '排名在前的收入占比'),
      L(
        'Share of the window’s revenue made by customers with a higher value (kept by Sales Desk); the tier compares it with the A and B shares in Settings.',
        '价值高于该客户的客户贡献的统计期收入占比（由销售台维护）；价值等级用它与设置中的 A、B 级占比比较。',
      ),
      { protected: true, numberFormat: '0.0%' },
    ),
    c(
      'value_last_year',
      'currency',
      L('Value last year', '上一年度价值'),
      L(
        'Deals won in the last calendar year; gold customers are ranked by it (kept by Sales Desk).',
        '上一自然年的成交金额；黄金客户按此排名（由销售台维护）。',
      ),
      { protected: true },
    ),
    c(
      'last_score',
      'number',
      L('Latest survey score', '最近满意度得分'),
      L(
        'Average of the four 1–5 scores of the customer’s latest satisfaction survey (kept by Sales Desk).',
        '客户最近一次满意度调查四项 1–5 分的平均值（由销售台维护）。',
      ),
      { protected: true, numberFormat: '0.0' },
    ),
    c(
      'values_as_of',
      'date',
      L('Values as of', '价值计算日期'),
      L(
        'The day Sales Desk last added up the values on this row: at every deal save, from the menu (Refresh customer values), and once a day while the hourly reminders trigger is on.',
        '销售台最近一次汇总本行价值的日期：每次保存成交、从菜单“刷新客户价值”时，以及开启提醒触发器后每天一次。',
      ),
      { protected: true },
    ),
    c(
      'open_complaints',
      'integer',
      L('Open complaints', '未结投诉'),
      L(
        'Complaints from this customer not yet closed (kept by Sales Desk when a complaint is saved); any counts as a churn-risk signal.',
        '该客户尚未结案的投诉数（保存投诉时由销售台维护）；有未结投诉即视为流失风险信号。',
      ),
      { protected: true },
    ),
    c(
      'value_tier',
      'list',
      L('Value tier', '价值等级'),
      L(
        'Computed: A, B or C by cumulative share of revenue in the value window (Settings); blank without deals in the window.',
        '自动计算：按统计期内累计收入占比划分 A、B、C（见设置）；统计期内无成交则为空。',
      ),
      { list: 'value_tier', width: 90, formula: VALUE_TIER_FORMULA },
    ),
    c(
      'gold',
      'boolean',
      L('Gold', '黄金客户'),
      L('Computed: among the top 5 % of last calendar year’s buyers by value (Settings).', '自动计算：上一自然年按成交额排名前 5% 的客户（见设置）。'),
      { width: 80, formula: GOLD_FORMULA },
    ),
    c(
      'churn_risk',
      'boolean',
      L('Churn risk', '流失风险'),
      L(
        'Computed: no contact for too long, falling deal value or low satisfaction (thresholds in Settings).',
        '自动计算：长时间未联系、成交额下降或满意度低（阈值见设置）。',
      ),
      { width: 90, formula: CHURN_RISK_FORMULA },
    ),
    c('notes', 'longtext', L('Notes', '备注'), L('Anything else worth knowing.', '其他需要记录的信息。')),
    ...created(),
    // The satisfaction survey (issue 14): the customer's wish and the language of their survey.
    c(
      'do_not_survey',
      'boolean',
      L('Do not survey', '不发问卷'),
      L('Tick when the customer does not want satisfaction surveys.', '客户不希望收到满意度问卷时勾选。'),
      {
        width: 100,
      },
    ),
    c(
      'survey_language',
      'list',
      L('Survey language', '问卷语言'),
      L('Language of the customer’s survey e-mail and form; Auto = the workbook’s.', '客户问卷邮件和表单的语言；“自动”= 工作簿的语言。'),
      { list: 'language', width: 100 },
    ),
  ],
};

export const FOLLOWUPS: TabDef = {
  key: 'followups',
  name: L('Follow-ups', '跟进记录'),
  kind: 'table',
  description: L('One row per contact, planned or done.', '每次联系一行，包括计划中和已完成的。'),
  frozenRows: 1,
  frozenColumns: 1,
  headerStyle: LOG_HEADER,
  computedHeaderStyle: COMPUTED_HEADER,
  color: '#188038',
  // By the planned / done / cancelled columns (not the status text), so any language works.
  highlights: [
    { key: 'cancelled', formula: '{cancelled}=TRUE', columns: 'row', fontColor: '#9aa0a6' },
    { key: 'done', formula: 'AND({done_at}<>"",{cancelled}<>TRUE)', columns: ['status'], fontColor: '#188038' },
    { key: 'overdue', formula: 'AND({done_at}="",{cancelled}<>TRUE,{planned_at}<>"",INT({planned_at})<TODAY())', columns: 'row', background: '#fce8e6' },
  ],
  columns: [
    c('followup_id', 'id', L('Follow-up ID', '跟进编号'), L('Unique ID given by Sales Desk.', '销售台分配的唯一编号。'), { protected: true }),
    ...customerRef(),
    owner(L('The rep who makes this contact.', '负责本次联系的销售。')),
    c('channel', 'list', L('Channel', '跟进方式'), L('Phone, e-mail, visit, video, message or event.', '电话、邮件、拜访、视频、消息或活动。'), {
      list: 'channel',
      width: 120,
    }),
    c('purpose', 'list', L('Purpose', '跟进目的'), L('Why this contact happens.', '本次联系的目的。'), { list: 'purpose' }),
    c('planned_at', 'datetime', L('Planned', '计划时间'), L('When the contact is due.', '计划联系的时间。')),
    c('done_at', 'datetime', L('Done', '完成时间'), L('When the contact actually happened; empty while planned.', '实际联系的时间；未完成时为空。')),
    c('summary', 'longtext', L('What was said', '沟通内容'), L('What was discussed and agreed.', '沟通和约定的内容。')),
    c('commitments', 'longtext', L('Commitments', '承诺事项'), L('Promises made, with their due dates.', '做出的承诺及其期限。')),
    c('next_step', 'text', L('Next step', '下一步'), L('What happens next.', '接下来要做什么。'), { width: 200 }),
    c(
      'stage_after',
      'list',
      L('Stage after', '跟进后阶段'),
      L('The customer’s stage after this contact, if it changed.', '本次联系后客户所处的阶段（如有变化）。'),
      { list: 'stage', width: 190 },
    ),
    c(
      'intention_after',
      'list',
      L('Intention after', '跟进后意向'),
      L('The intention level after this contact, if it changed.', '本次联系后的意向等级（如有变化）。'),
      { list: 'intention', width: 110 },
    ),
    c('cancelled', 'boolean', L('Cancelled', '已取消'), L('Tick when a planned contact will not happen.', '计划的联系取消时勾选。')),
    c(
      'rule',
      'text',
      L('Planned by', '计划依据'),
      L(
        'Which cadence planned this contact (set by Sales Desk): high, medium, low, return_call, survey, new_customer, existing_customer, key_account, manual, objection, first_contact, relationship_survey or commitment. The KPIs count by it.',
        '本次联系由哪条跟进节奏安排（由销售台填写）：high 高意向、medium 中意向、low 低意向、return_call 交付回访、survey 满意度调查、new_customer 新客户、existing_customer 老客户、key_account 大客户、manual 手动、objection 异议、first_contact 首次联系、relationship_survey 定期关系调查、commitment 承诺事项。指标按此统计。',
      ),
      { protected: true, width: 120 },
    ),
    c(
      'snooze_reason',
      'text',
      L('Snoozed', '延后原因'),
      L('Why the planned date was moved, with the day it was moved (set from the Today view).', '计划时间被延后的原因及延后日期（在“今日跟进”中填写）。'),
      { width: 200 },
    ),
    ...audit(),
    c(
      'status',
      'list',
      L('Status', '状态'),
      L(
        'Computed: cancelled if ticked, done once a done time is set, overdue when the planned day is before today, otherwise planned.',
        '自动计算：勾选取消为已取消；有完成时间为已完成；计划日期早于今天为已逾期；否则为已计划。',
      ),
      {
        list: 'followup_status',
        width: 100,
        formula: FOLLOWUP_STATUS_FORMULA,
      },
    ),
    c(
      'days_late',
      'integer',
      L('Days late', '逾期天数'),
      L(
        'Computed: whole days between the planned day and the day it was done (0 when on time); for an open contact, days overdue so far. Kept after it is done, for the KPIs.',
        '自动计算：完成日期比计划日期晚几天（按时为 0）；尚未完成的为目前已逾期天数。完成后保留，用于指标统计。',
      ),
      {
        width: 90,
        formula: DAYS_LATE_FORMULA,
      },
    ),
  ],
};

export const OBJECTIONS: TabDef = {
  key: 'objections',
  name: L('Objections', '异议跟踪'),
  kind: 'table',
  description: L('One row per objection a customer raised (seed 002 template 3).', '客户提出的每个异议一行（资料 002 模板 3）。'),
  frozenRows: 1,
  frozenColumns: 1,
  headerStyle: LOG_HEADER,
  computedHeaderStyle: COMPUTED_HEADER,
  color: '#e37400',
  // A written answer is overdue (seed 002 S3.3): the computed answer_overdue column.
  highlights: [{ key: 'overdue', formula: '{answer_overdue}=TRUE', columns: 'row', background: '#fce8e6' }],
  columns: [
    c('objection_id', 'id', L('Objection ID', '异议编号'), L('Unique ID given by Sales Desk.', '销售台分配的唯一编号。'), { protected: true }),
    ...customerRef(),
    c('raised_at', 'datetime', L('Raised', '提出时间'), L('When the customer raised the objection.', '客户提出异议的时间。'), { required: true }),
    c(
      'type',
      'list',
      L('Type', '异议类型'),
      L('Price, product, service, timing, trust, decision, need, competitor or other.', '价格、产品、服务、时间、信任、决策、需求、竞争对手或其他。'),
      { list: 'objection_type', width: 170 },
    ),
    c(
      'details',
      'longtext',
      L('Customer’s words', '客户原话'),
      L('What the customer said, as close to their words as possible.', '客户的原话，尽量照实记录。'),
    ),
    c(
      'cause',
      'longtext',
      L('Real cause', '真实原因'),
      L('What really lies behind the objection (seed 000 §4.3.1).', '异议背后的真实原因（资料 000 §4.3.1）。'),
    ),
    c('response', 'longtext', L('Response', '应对措施'), L('How we answered.', '我们如何应对。')),
    c('answered_at', 'datetime', L('Answered', '答复时间'), L('When the written answer was sent.', '书面答复发出的时间。')),
    c('customer_feedback', 'longtext', L('Customer feedback', '客户反馈'), L('How the customer reacted to the answer.', '客户对答复的反应。')),
    c('result', 'list', L('Result', '处理结果'), L('Resolved, partly resolved or unresolved.', '已解决、部分解决或未解决。'), {
      list: 'objection_result',
      width: 120,
    }),
    c(
      'resolved_at',
      'datetime',
      L('Resolved', '解决时间'),
      L('When the result became "resolved" (set by Sales Desk; you may correct it).', '处理结果变为“已解决”的时间（由销售台填写，可手动更正）。'),
    ),
    c('next_step', 'longtext', L('Next step', '后续跟进计划'), L('What we will do next.', '后续如何跟进。')),
    c('next_step_due', 'date', L('Next step due', '跟进期限'), L('When the next step is due.', '后续跟进的期限。')),
    owner(L('The rep who handles the objection.', '负责处理该异议的销售。')),
    c(
      'lost_deal',
      'boolean',
      L('Lost the deal', '导致丢单'),
      L('Ticked when the rep names this objection as the reason the customer was lost.', '销售确认因该异议而丢单时勾选。'),
      { width: 100 },
    ),
    ...audit(),
    c(
      'answer_due',
      'datetime',
      L('Answer due', '书面答复期限'),
      L('Computed: raised time plus the written-answer time in Settings (24 h).', '自动计算：提出时间加上设置中的书面答复时限（24 小时）。'),
      {
        formula: ANSWER_DUE_FORMULA,
      },
    ),
    c(
      'answer_overdue',
      'boolean',
      L('Answer overdue', '答复已逾期'),
      L('Computed: no written answer yet and the answer is past due.', '自动计算：尚未书面答复且已超过答复期限。'),
      {
        width: 100,
        formula: ANSWER_OVERDUE_FORMULA,
      },
    ),
  ],
};

function score(key: string, en: string, zh: string): ColumnDef {
  return c(key, 'integer', L(en, zh), L(`${en}, 1 (poor) to 5 (excellent).`, `${zh}，1 分（差）到 5 分（优）。`), {
    bounds: { min: 1, max: 5 },
    width: 100,
  });
}

export const SURVEY_RESPONSES: TabDef = {
  key: 'survey_responses',
  name: L('Survey responses', '满意度调查'),
  kind: 'table',
  description: L('One row per answered satisfaction survey (seed 002 template 4, plus NPS).', '每份已回答的满意度问卷一行（资料 002 模板 4，另加 NPS）。'),
  frozenRows: 1,
  frozenColumns: 1,
  headerStyle: LOG_HEADER,
  computedHeaderStyle: COMPUTED_HEADER,
  color: '#9334e6',
  columns: [
    c('response_id', 'id', L('Response ID', '问卷编号'), L('Unique ID given by Sales Desk.', '销售台分配的唯一编号。'), { protected: true }),
    ...customerRef(),
    c('answered_at', 'datetime', L('Answered', '评估时间'), L('When the customer answered.', '客户作答的时间。')),
    score('service_quality', 'Service quality', '服务质量'),
    score('solution_effect', 'Solution effect', '方案效果'),
    score('response_speed', 'Response speed', '响应速度'),
    score('teamwork', 'Teamwork', '团队配合'),
    c('overall', 'list', L('Overall', '总体评价'), L('Satisfied, neutral or unsatisfied.', '满意、一般或不满意。'), { list: 'satisfaction', width: 110 }),
    c(
      'nps',
      'integer',
      L('Would recommend (0–10)', '推荐意愿（0–10）'),
      L(
        'Net Promoter question: how likely to recommend us, 0 to 10. Not in the seeds; added because managers expect it.',
        'NPS 问题：向他人推荐我们的可能性，0 到 10 分。资料中没有，因管理者常用而加入。',
      ),
      {
        bounds: { min: 0, max: 10 },
        width: 120,
      },
    ),
    c('suggestions', 'longtext', L('Suggestions', '建议与意见'), L('What the customer suggests we improve.', '客户的建议和意见。')),
    c('average_score', 'number', L('Average score', '平均分'), L('Computed: mean of the four 1–5 scores.', '自动计算：四项 1–5 分的平均值。'), {
      numberFormat: '0.0',
      width: 100,
      formula: SURVEY_AVERAGE_FORMULA,
    }),
    c(
      'token',
      'text',
      L('Survey token', '问卷令牌'),
      L('Links the answer to the survey that was sent (set by Sales Desk).', '将答卷与发出的问卷关联（由销售台填写）。'),
      { protected: true, width: 120 },
    ),
    owner(L('The rep responsible for the customer when the survey was sent.', '发送问卷时负责该客户的销售。')),
    ...audit(),
    // Issue 14: why an answer is not attached, the round, the optional sections' answers.
    c(
      'flag',
      'list',
      L('Flag', '标记'),
      L('Why the answer is not attached to a customer (blank = attached); for the manager.', '答卷未关联到客户的原因（空白 = 已关联）；供经理处理。'),
      {
        list: 'survey_code_flag',
        protected: true,
      },
    ),
    c('round', 'text', L('Round', '批次'), L('The send run of the link that was answered.', '所回答链接的发送批次。'), { protected: true }),
    ...DIMENSION_SCORES.map((k) => score(k, getSurveyItem(k).label.en, getSurveyItem(k).label.zh)),
    c('why_chose', 'longtext', L('Why they chose us', '选择我们的原因'), L('Optional question of seed 004.', '资料 004 的选答问题。')),
    c('why_us', 'longtext', L('Why us over others', '选我们而非他人的原因'), L('Optional question of seed 004.', '资料 004 的选答问题。')),
    c('improve', 'longtext', L('What to improve', '需要改进之处'), L('Optional question of seed 004.', '资料 004 的选答问题。')),
  ],
};

export const DEALS: TabDef = {
  key: 'deals',
  name: L('Deals', '成交记录'),
  kind: 'table',
  description: L(
    'One row per deal, open, won or lost: the pipeline, and (won deals) the purchase history behind value tiers.',
    '每笔商机一行（跟进中、赢单或丢单）：即销售漏斗；赢单记录也是价值等级所依据的购买记录。',
  ),
  frozenRows: 1,
  frozenColumns: 1,
  headerStyle: LOG_HEADER,
  computedHeaderStyle: COMPUTED_HEADER,
  color: '#d93025',
  columns: [
    c('deal_id', 'id', L('Deal ID', '成交编号'), L('Unique ID given by Sales Desk.', '销售台分配的唯一编号。'), { protected: true }),
    ...customerRef(),
    c('amount', 'currency', L('Amount', '金额'), L('Value of the deal.', '成交金额。'), { required: true, bounds: { min: 0 } }),
    c(
      'won_on',
      'date',
      L('Won or lost on', '赢单/丢单日期'),
      L('Won: the day the contract was signed; lost: the day it was lost. Blank while open.', '赢单为合同签订日期，丢单为丢单日期；跟进中留空。'),
    ),
    c('product', 'text', L('Product / line', '产品/产品线'), L('What was sold.', '销售的产品或产品线。')),
    c('kind', 'list', L('Kind', '成交类型'), L('New, repurchase or upsell.', '新购、复购或增购。'), { list: 'deal_kind', width: 110 }),
    ...DEAL_PIPELINE_INPUTS,
    c(
      'delivered_on',
      'date',
      L('Delivered', '交付日期'),
      L('Date of delivery; starts the return call and the survey clock.', '交付日期；回访和满意度调查从此计时。'),
    ),
    owner(L('The rep who won the deal.', '赢得该笔成交的销售。')),
    c('notes', 'longtext', L('Notes', '备注'), L('Anything else about the deal.', '关于该笔成交的其他信息。')),
    ...audit(),
    ...DEAL_COMPUTED_COLUMNS,
  ],
};

export const DASHBOARD: TabDef = {
  key: 'dashboard',
  name: L('Dashboard', '仪表板'),
  kind: 'shell',
  description: L(
    'The manager’s overview: live measures for a chosen period beside the previous one, and how each is computed.',
    '管理者总览：所选期间及上一期间的实时指标，以及各指标的计算方法。',
  ),
  frozenRows: 0,
  headerStyle: ADMIN_HEADER,
  color: '#202124',
  columns: [],
};

export const PLAYBOOK: TabDef = {
  key: 'playbook',
  name: L('Playbook', '异议应对手册'),
  kind: 'table',
  description: L(
    'How to answer each objection type: one technique per row. Set-up writes the built-in lines once; edit them or add your team’s own lines below.',
    '各类异议的应对方法：每行一种技巧。初始化只写入一次内置内容；可以修改，也可以在下方添加团队自己的经验。',
  ),
  frozenRows: 1,
  headerStyle: ADMIN_HEADER,
  color: '#e37400',
  columns: [
    c(
      'entry_key',
      'id',
      L('Key', '键'),
      L('Key of a built-in line (set by Sales Desk); leave it blank on lines you add.', '内置条目的键（由销售台填写）；自己添加的行请留空。'),
      { protected: true, width: 150 },
    ),
    c('type', 'list', L('Objection type', '异议类型'), L('The objection type this technique answers.', '该技巧针对的异议类型。'), {
      list: 'objection_type',
      required: true,
      width: 170,
    }),
    c('technique', 'text', L('Technique', '应对技巧'), L('The technique, in a few words.', '应对技巧的简要名称。'), { required: true, width: 260 }),
    c('detail', 'longtext', L('How to do it', '具体做法'), L('What to say or do.', '具体怎么说、怎么做。'), { width: 420 }),
    c('source', 'text', L('Source', '来源'), L('Where the advice comes from: a handbook section, or your team.', '出处：资料章节，或团队经验。'), {
      width: 200,
    }),
    c('added_by', 'text', L('Added by', '添加人'), L('Who wrote the line.', '该条目的撰写人。'), { width: 130 }),
  ],
};

export const SETTINGS_TAB: TabDef = {
  key: 'settings',
  name: L('Settings', '设置'),
  kind: 'settings',
  description: L('Thresholds and cadences (change the Value column only), and the team list.', '阈值和跟进节奏（只修改“值”一列），以及团队名单。'),
  frozenRows: 1,
  headerStyle: ADMIN_HEADER,
  color: '#5f6368',
  columns: [
    c('setting_key', 'id', L('Key', '键'), L('Internal name of the setting. Do not change it.', '设置的内部名称，请勿修改。'), { protected: true, width: 200 }),
    c('setting_label', 'text', L('Setting', '设置项'), L('What the setting controls.', '该设置控制什么。'), { protected: true, width: 260 }),
    c('setting_value', 'text', L('Value', '值'), L('Change this to adjust Sales Desk to your team.', '修改此列，使销售台适合你的团队。'), { width: 110 }),
    c('setting_unit', 'text', L('Unit', '单位'), L('Unit of the value.', '数值的单位。'), { protected: true, width: 150 }),
    c('setting_explanation', 'longtext', L('Explanation', '说明'), L('What the value means.', '该数值的含义。'), { protected: true, width: 420 }),
    c(
      'setting_source',
      'text',
      L('Source', '来源'),
      L('Where the default comes from; "our choice" when no handbook gives a number.', '默认值的来源；没有资料给出数字时标为“our choice”（本产品的选择）。'),
      { protected: true, width: 260 },
    ),
    c(
      'team_name',
      'text',
      L('Team member', '团队成员'),
      L('Name of a rep or manager; owners are picked from this list.', '销售代表或经理的姓名；负责人从此名单中选择。'),
      { width: 150 },
    ),
    c('team_email', 'email', L('Team e-mail', '成员邮箱'), L('Google e-mail of the team member.', '团队成员的 Google 邮箱。')),
    c('team_role', 'list', L('Team role', '成员角色'), L('Rep or manager.', '销售代表或经理。'), { list: 'role', width: 110 }),
    ...TARGET_COLUMNS,
  ],
};

export const LISTS_TAB: TabDef = {
  key: 'lists',
  name: L('Lists', '下拉选项'),
  kind: 'lists',
  description: L(
    'Dropdown values. Add your own values below a list; keep the built-in ones in place.',
    '下拉选项。可在各列下方添加自己的选项；请保留内置选项的位置。',
  ),
  frozenRows: 1,
  headerStyle: ADMIN_HEADER,
  color: '#5f6368',
  columns: LISTS.map((l) => c(l.key, 'text', l.name, l.note, { width: 170 })),
};

export const REMINDER_LOG: TabDef = {
  key: 'reminder_log',
  name: L('Reminder log', '提醒记录'),
  kind: 'table',
  description: L(
    'One row per daily reminder e-mail: written by the dispatcher, so a manager can see who was reminded of what.',
    '每封每日提醒邮件一行：由定时任务写入，经理可据此查看提醒了谁、提醒了什么。',
  ),
  frozenRows: 1,
  headerStyle: ADMIN_HEADER,
  color: '#5f6368',
  columns: [
    c('sent_on', 'date', L('Date', '日期'), L('The day of the digest (spreadsheet time zone).', '提醒所属的日期（表格时区）。'), { protected: true }),
    c('rep', 'text', L('Rep', '销售'), L('The team member reminded.', '收到提醒的团队成员。'), { protected: true, width: 130 }),
    c('email', 'email', L('E-mail', '邮箱'), L('Where the digest went.', '提醒发送到的邮箱。'), { protected: true }),
    c('count', 'integer', L('Follow-ups', '跟进数'), L('Overdue and due-today follow-ups in the digest.', '提醒中已逾期和今天到期的跟进数。'), {
      protected: true,
    }),
    c(
      'status',
      'text',
      L('Status', '状态'),
      L('Sent, or why not (daily e-mail quota used up, no e-mail address, error).', '已发送，或未发送的原因（当日邮件配额用完、没有邮箱、出错）。'),
      { protected: true, width: 200 },
    ),
    c('logged_at', 'datetime', L('Logged', '记录时间'), L('When the dispatcher wrote this line.', '定时任务写入此行的时间。'), { protected: true }),
  ],
};

/** Every tab, in the order set-up creates them. */
export const TABS: readonly TabDef[] = [
  CUSTOMERS,
  FOLLOWUPS,
  OBJECTIONS,
  SURVEY_RESPONSES,
  DEALS,
  STAGE_HISTORY,
  DASHBOARD,
  TEAM_TAB,
  TRENDS_TAB,
  PLAYBOOK,
  SETTINGS_TAB,
  LISTS_TAB,
  REMINDER_LOG,
  COMPLAINTS,
  COMPLAINT_STEPS_TAB,
  SURVEY_SENDS,
];

/** The complaint log (issue 17), declared in ./tabs-complaints.ts. */
export { COMPLAINTS, COMPLAINT_STEPS_TAB };

export function getTab(key: string): TabDef {
  const t = TABS.find((x) => x.key === key);
  if (!t) throw new Error(`Unknown tab: ${key}`);
  return t;
}

export function getColumn(tab: TabDef | string, key: string): ColumnDef {
  const def = typeof tab === 'string' ? getTab(tab) : tab;
  const col = def.columns.find((x) => x.key === key);
  if (!col) throw new Error(`Unknown column ${key} on tab ${def.key}`);
  return col;
}
