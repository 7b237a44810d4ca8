/**
 * Objection KPIs for the manager's dashboard: one formula per KPI, written with column keys
 * (`{objections.type}` → `'Objections'!E2:E` at write time, see core/formulas/resolve.ts) and
 * parameters (`%type%`, `%rep%`, `%n%`, and the ranges `%labels%`, `%counts%`) that the dashboard
 * replaces with a cell reference, a range or a literal. Only allow-listed functions (core/formulas/allowlist.ts): no QUERY, AVERAGEIFS, RANK,
 * SORT or UNIQUE. test/integration/objections-kpis.test.ts evaluates every one on the local
 * runtime (HyperFormula) against the reference computation in core/objections/kpis.ts.
 *
 * Built-in list items are picked by position (`INDEX(SD_LIST_OBJECTION_RESULT,1)` = Resolved),
 * so the formulas do not depend on the workbook's language.
 */
import type { Localized } from '../i18n/locale';
import { listIndex } from '../lists';

export type KpiParam = 'type' | 'rep' | 'n' | 'labels' | 'counts';

export interface KpiDef {
  key: string;
  label: Localized;
  /** What it measures and how, for the dashboard's note. */
  note: Localized;
  params: readonly KpiParam[];
  /** The formula, without the leading '='. */
  formula: string;
  /** Percent, count, days or a type label. */
  format: 'count' | 'percent' | 'days' | 'text';
  source: string;
}

const L = (en: string, zh: string): Localized => ({ en, zh });

const RESOLVED = `INDEX(SD_LIST_OBJECTION_RESULT,${listIndex('objection_result', 'resolved')})`;
const WON = `INDEX(SD_LIST_STAGE,${listIndex('stage', 'won')})`;
const LOST = `INDEX(SD_LIST_STAGE,${listIndex('stage', 'lost')})`;

/**
 * Customers (rows of the register) with at least one objection of the type, as a 1/0 array.
 * HyperFormula does not vectorise COUNTIFS over an array of criteria, but it does MATCH: look
 * up "customer|type" among the log's "customer|type" keys (MATCH stops at the first hit).
 */
const RAISED_TYPE = `ISNUMBER(MATCH({customers.customer_id}&"|"&%type%,{objections.customer_id}&"|"&{objections.type},0))*({customers.customer_id}<>"")`;
/** The dashboard's lost-deal counts with ties broken by their order (ROW does not vectorise in HyperFormula; MATCH does). */
const COUNTS_TIEBROKEN = `%counts%-MATCH(%labels%,%labels%,0)/100000`;

export const OBJECTION_KPIS: readonly KpiDef[] = [
  {
    key: 'objections_by_type',
    label: L('Objections by type', '各类型异议数'),
    note: L('Number of objections logged with this type.', '记录为该类型的异议数量。'),
    params: ['type'],
    formula: `COUNTIFS({objections.objection_id},"<>",{objections.type},%type%)`,
    format: 'count',
    source: 'seed 002 S4.1 (objections grouped by type)',
  },
  {
    key: 'objections_by_rep',
    label: L('Objections by rep', '各销售的异议数'),
    note: L('Number of objections a rep handles (owner column).', '某销售负责处理的异议数量（负责人列）。'),
    params: ['rep'],
    formula: `COUNTIFS({objections.objection_id},"<>",{objections.owner},%rep%)`,
    format: 'count',
    source: 'seed 002 T3 (owner)',
  },
  {
    key: 'resolution_rate_by_type',
    label: L('Resolution rate by type', '各类型异议解决率'),
    note: L(
      'Resolved objections of this type ÷ all objections of this type; blank when there are none.',
      '该类型中已解决的异议 ÷ 该类型全部异议；没有异议时为空。',
    ),
    params: ['type'],
    formula: `IFERROR(COUNTIFS({objections.type},%type%,{objections.result},${RESOLVED})/COUNTIFS({objections.objection_id},"<>",{objections.type},%type%),"")`,
    format: 'percent',
    source: 'seed 002 T3 (result)',
  },
  {
    key: 'median_days_to_resolve',
    label: L('Median days to resolve', '解决所需天数（中位数）'),
    note: L(
      'Median of (resolved − raised) in days over resolved objections that have both times; blank when there are none.',
      '已解决且两个时间都有的异议中，（解决时间 − 提出时间）天数的中位数；没有时为空。',
    ),
    params: [],
    formula: `IFERROR(MEDIAN(FILTER(ARRAYFORMULA({objections.resolved_at}-{objections.raised_at}),{objections.result}=${RESOLVED},ISNUMBER({objections.resolved_at}),ISNUMBER({objections.raised_at}))),"")`,
    format: 'days',
    source: 'seed 002 T3; our measure',
  },
  {
    key: 'answered_within_time_share',
    label: L('Answered in writing on time', '按时书面答复率'),
    note: L(
      'Objections answered by their answer-due time (24 h by default) ÷ objections that are answered or already past due; blank when there are none.',
      '在答复期限（默认 24 小时）内书面答复的异议 ÷ 已答复或已过期限的异议；没有时为空。',
    ),
    params: [],
    formula: `IFERROR(SUMPRODUCT(ARRAYFORMULA(ISNUMBER({objections.answered_at})*ISNUMBER({objections.answer_due})*({objections.answered_at}<={objections.answer_due})))/SUMPRODUCT(ARRAYFORMULA(ISNUMBER({objections.answer_due})*((ISNUMBER({objections.answered_at})+({objections.answer_due}<NOW()))>0))),"")`,
    format: 'percent',
    source: 'seed 002 S3.3 (written answer within 24 hours)',
  },
  {
    key: 'win_rate_after_type',
    label: L('Win rate after this objection', '提出该异议后的赢单率'),
    note: L(
      'Of the customers who raised this type and are now Won or Lost, the share that is Won; blank when there are none. Cost grows with customers × objections: fine for a few thousand rows of each.',
      '提出过该类型异议、现已成交或丢单的客户中，成交的比例；没有时为空。计算量随客户数 × 异议数增长，各几千行以内没有问题。',
    ),
    params: ['type'],
    formula: `IFERROR(SUMPRODUCT(ARRAYFORMULA(${RAISED_TYPE}*({customers.stage}=${WON})))/SUMPRODUCT(ARRAYFORMULA(${RAISED_TYPE}*(({customers.stage}=${WON})+({customers.stage}=${LOST})))),"")`,
    format: 'percent',
    source: 'our measure (seed-002-003 digest C4: won / lost after each objection type)',
  },
  {
    key: 'lost_by_type',
    label: L('Lost deals by objection type', '各类型异议导致的丢单数'),
    note: L('Objections of this type named as the reason a customer was lost.', '被确认为丢单原因的该类型异议数量。'),
    params: ['type'],
    formula: `COUNTIFS({objections.type},%type%,{objections.lost_deal},TRUE)`,
    format: 'count',
    source: 'our measure (why we lose)',
  },
  {
    key: 'top_lost_type',
    label: L('Top objection types behind lost customers', '导致丢单最多的异议类型'),
    note: L(
      'The n-th type by lost deals, from the dashboard’s block of types and their "lost deals by type" counts; ties in block order; blank when fewer types have any.',
      '根据仪表板上的类型列及其“各类型异议导致的丢单数”，取丢单数第 n 多的类型；并列时按列中顺序；不足 n 个类型时为空。',
    ),
    params: ['n', 'labels', 'counts'],
    formula: `IFERROR(IF(LARGE(ARRAYFORMULA(${COUNTS_TIEBROKEN}),%n%)<=0,"",INDEX(%labels%,MATCH(LARGE(ARRAYFORMULA(${COUNTS_TIEBROKEN}),%n%),ARRAYFORMULA(${COUNTS_TIEBROKEN}),0))),"")`,
    format: 'text',
    source: 'our measure (why we lose)',
  },
];

export function getObjectionKpi(key: string): KpiDef {
  const k = OBJECTION_KPIS.find((x) => x.key === key);
  if (!k) throw new Error(`Unknown KPI ${key}`);
  return k;
}

/**
 * The KPI formula with its parameters filled in (a cell reference such as `$A5`, or a quoted
 * literal), still with `{tab.column}` placeholders for resolveFormula.
 */
export function kpiFormula(def: KpiDef, args: Partial<Record<KpiParam, string>>): string {
  return def.formula.replace(/%(type|rep|n|labels|counts)%/g, (_m, p: KpiParam) => {
    const v = args[p];
    if (v === undefined) throw new Error(`KPI ${def.key} needs ${p}`);
    return v;
  });
}
