/**
 * The schema the pipeline adds, spliced into src/core/schema/tabs.ts (DEALS gains the input
 * columns after `kind` and the computed ones at its end; STAGE_HISTORY joins TABS): the Deals
 * columns of a pipeline deal, and the script-kept Stage history tab. The deal's "won or lost on"
 * (Deal.closedOn) is the existing `won_on` column, no longer required (an open deal has none);
 * `delivered_on`, `owner`, `product` and `notes` are Deals columns already.
 *
 * The live formulas of a deal's probability and weighted value live beside their TypeScript rule
 * (dealProbability, weightedValue in ./deal.ts) here, and test/integration/pipeline-formulas checks
 * them cell by cell in HyperFormula. The customer's stage comes from `customer_stage`, a copy the
 * script keeps on the deal row (at every save and when a stage typed in the grid is detected):
 * a per-row lookup into Customers would need VLOOKUP over an array, which HyperFormula does not
 * spread, or INDEX over one, which Sheets does not.
 */
import type { Localized } from '../i18n/locale';
import type { ColumnDef, TabDef } from '../schema/types';
import { ADMIN_HEADER } from '../schema/header-styles';
import { STAGE_KEYS } from '../customers/stage';

const L = (en: string, zh: string): Localized => ({ en, zh });
const col = (key: string, type: ColumnDef['type'], header: Localized, note: Localized, width: number, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  type,
  header,
  note,
  width,
  ...extra,
});

const STATUS = (n: number) => `INDEX(SD_LIST_DEAL_STATUS,${n})`; // 1 open, 2 won, 3 lost
const STAGE_PROBABILITIES = STAGE_KEYS.map((s) => `SD_STAGE_PROBABILITY_${s.toUpperCase()}`).join(',');

/** dealProbability's twin: won 1, lost 0, the deal's own probability, else the customer's stage's (stage 1 when blank or not a built-in stage). */
export const PROBABILITY_USED_FORMULA =
  `ARRAYFORMULA(IF({deal_id}="","",IF({status}=${STATUS(2)},1,IF({status}=${STATUS(3)},0,IF({probability}<>"",{probability},` +
  `IF({customer_stage}="",SD_STAGE_PROBABILITY_REACH,IFERROR(CHOOSE(MATCH({customer_stage},SD_LIST_STAGE,0),${STAGE_PROBABILITIES}),SD_STAGE_PROBABILITY_REACH)))))))`;

/** weightedValue's twin: amount × the probability used. */
export const WEIGHTED_VALUE_FORMULA = 'ARRAYFORMULA(IF({deal_id}="","",IF({amount}="","",{amount}*{probability_used})))';

/** The Deals columns a pipeline deal adds that the form or the script fills (after `kind`). */
export const DEAL_PIPELINE_INPUTS: readonly ColumnDef[] = [
  col(
    'scenario',
    'list',
    L('Scenario', '业务场景'),
    L('New customer, repurchase / upsell, or key account.', '新客户开发、老客户复购/增购或大客户攻坚。'),
    160,
    { list: 'scenario' },
  ),
  col(
    'currency',
    'list',
    L('Currency', '币种'),
    L('Currency of the amount; the workbook’s (Settings) unless the amount named another.', '金额的币种；除非金额注明其他币种，否则为工作簿币种（见设置）。'),
    100,
    { list: 'currency' },
  ),
  col('status', 'list', L('Status', '状态'), L('Open while it is worked on, then won or lost.', '跟进中为未结，之后为赢单或丢单。'), 100, {
    list: 'deal_status',
  }),
  col('expected_close', 'date', L('Expected close', '预计成交日期'), L('When the deal is expected to be won or lost.', '预计赢单或丢单的日期。'), 100),
  col(
    'probability',
    'percent',
    L('Probability (own)', '赢单概率（自定）'),
    L('The deal’s own win probability; blank: the stage’s from Settings.', '该笔成交自己的赢单概率；留空则按设置中所在阶段的概率。'),
    100,
    { numberFormat: '0%' },
  ),
  col(
    'customer_stage',
    'list',
    L('Customer stage', '客户阶段'),
    L(
      'The customer’s stage, copied by Sales Desk at every save and when a stage typed on Customers is noticed.',
      '客户所处阶段，由销售台在每次保存时以及发现客户表中手动修改阶段时复制。',
    ),
    160,
    { list: 'stage', protected: true },
  ),
  col(
    'loss_reason',
    'list',
    L('Loss reason', '丢单原因'),
    L('Why it was lost: an objection type, as for a lost customer.', '丢单原因：异议类型，与丢单客户相同。'),
    160,
    { list: 'objection_type' },
  ),
  col('expected_delivery', 'date', L('Expected delivery', '预计交付日期'), L('When delivery is planned.', '计划交付的日期。'), 100),
];

/**
 * The computed Deals columns, at the end of the tab (after the audit columns): a deal row is then
 * one run of adjacent columns the script writes in one setValues — a formula column in the middle
 * would split every append and edit in two (an ARRAYFORMULA's cells cannot be written over).
 */
export const DEAL_COMPUTED_COLUMNS: readonly ColumnDef[] = [
  col(
    'probability_used',
    'percent',
    L('Probability', '赢单概率'),
    L(
      'Computed: won 100 %, lost 0 %, else the deal’s own probability or its customer’s stage’s (Settings).',
      '自动计算：赢单 100%，丢单 0%，否则为该笔成交自定的概率或客户所在阶段的概率（见设置）。',
    ),
    100,
    { numberFormat: '0%', formula: PROBABILITY_USED_FORMULA },
  ),
  col('weighted_value', 'currency', L('Weighted value', '加权金额'), L('Computed: amount × probability.', '自动计算：金额 × 赢单概率。'), 160, {
    formula: WEIGHTED_VALUE_FORMULA,
  }),
];

/** Every column a pipeline deal adds, by key (inputs and computed). */
export const DEAL_PIPELINE_COLUMNS: readonly ColumnDef[] = [...DEAL_PIPELINE_INPUTS, ...DEAL_COMPUTED_COLUMNS];

/**
 * The Customers columns the stage history keeps (after Updated, next to the stage, owner and last
 * contact a save writes anyway, so a stage change goes in the same setValues): since when the
 * customer is in its stage, and the stage the history last recorded — the snapshot a stage typed
 * in the grid is told from (it differs from the stage cell until Sales Desk notices it).
 */
export const CUSTOMER_STAGE_COLUMNS: readonly ColumnDef[] = [
  col(
    'stage_since',
    'datetime',
    L('In this stage since', '进入本阶段时间'),
    L('When the customer entered its stage (from the Stage history; kept by Sales Desk).', '客户进入当前阶段的时间（来自阶段历史，由销售台维护）。'),
    140,
    { protected: true },
  ),
  col(
    'stage_recorded',
    'list',
    L('Stage recorded', '已记录阶段'),
    L(
      'The stage the Stage history last recorded (kept by Sales Desk); a stage typed on this row differs from it until Sales Desk notices the change.',
      '阶段历史最近记录的阶段（由销售台维护）；在本行手动修改阶段后，直到销售台发现之前二者不同。',
    ),
    140,
    { list: 'stage', protected: true },
  ),
];

/** The script-kept Stage history tab: one row per change of a customer's stage (core/pipeline/stage-history). */
export const STAGE_HISTORY: TabDef = {
  key: 'stage_history',
  name: L('Stage history', '阶段历史'),
  kind: 'table',
  description: L(
    'One row per change of a customer’s stage, from any path; written by Sales Desk. Stages typed on Customers are noticed at the next Sales Desk action or daily run.',
    '客户阶段每变化一次记一行，来自任何途径；由销售台写入。在客户表中手动修改的阶段，会在下一次使用销售台或每日运行时被发现。',
  ),
  frozenRows: 1,
  headerStyle: ADMIN_HEADER,
  color: '#5f6368',
  columns: [
    col('customer_id', 'id', L('Customer ID', '客户编号'), L('ID of the customer on the Customers tab.', '客户表中的客户编号。'), 100, {
      required: true,
      protected: true,
    }),
    col('customer_name', 'text', L('Customer', '客户名称'), L('Customer name when the stage changed.', '阶段变化时的客户名称。'), 160, { protected: true }),
    col('from_stage', 'list', L('From', '原阶段'), L('The stage before (blank for a new customer).', '变化前的阶段（新客户为空）。'), 160, {
      list: 'stage',
      protected: true,
    }),
    col('to_stage', 'list', L('To', '新阶段'), L('The stage after.', '变化后的阶段。'), 160, { list: 'stage', protected: true }),
    col(
      'changed_at',
      'datetime',
      L('When', '时间'),
      L('When it changed; for a stage typed on Customers, when Sales Desk noticed it.', '变化时间；在客户表中手动修改的，为销售台发现的时间。'),
      160,
      { protected: true },
    ),
    col('changed_by', 'text', L('Who', '修改人'), L('Who changed it, as Google reports them.', '修改人（按 Google 提供的身份）。'), 160, { protected: true }),
    col('source', 'text', L('How', '途径'), L('Form, import, deal, follow-up, or typed in the grid.', '表单、导入、成交、跟进，或在表格中直接修改。'), 100, {
      protected: true,
    }),
    col(
      'detected',
      'boolean',
      L('Noticed later', '事后发现'),
      L('Ticked when the stage was typed on Customers and noticed later.', '在客户表中手动修改、事后才被发现时勾选。'),
      100,
      { protected: true },
    ),
  ],
};
