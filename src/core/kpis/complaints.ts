/**
 * Complaint measures for the Dashboard (issue 17; issue 16 places them): one formula per
 * measure, written with column keys (`{complaints.category}` → `'Complaints'!F2:F` at write time,
 * core/formulas/resolve.ts) and parameters (`%category%`, `%severity%`) the Dashboard replaces
 * with a cell reference or a literal. Allow-listed functions only. Each equals its reference
 * computation in core/complaints/measures.ts (test/integration/complaints-log.test.ts evaluates
 * them on a generated log of 2,000 complaints). All-time: a period filter is the Dashboard's.
 *
 * A complaint counts when it has an ID and a received time (complaintFacts' rule).
 */
import type { Localized } from '../i18n/locale';
import { listIndex } from '../lists';

export type ComplaintMeasureParam = 'category' | 'severity';

export interface ComplaintMeasureDef {
  key: string;
  label: Localized;
  note: Localized;
  params: readonly ComplaintMeasureParam[];
  /** Without the leading '='. */
  formula: string;
  format: 'count' | 'percent' | 'days' | 'number';
  source: string;
}

const L = (en: string, zh: string): Localized => ({ en, zh });
const LOST = `INDEX(SD_LIST_STAGE,${listIndex('stage', 'lost')})`;
/** Rows that are complaints. */
const LOGGED = `{complaints.complaint_id},"<>",{complaints.received_at},"<>"`;

export const COMPLAINT_MEASURES: readonly ComplaintMeasureDef[] = [
  {
    key: 'complaints_by_category',
    label: L('Complaints by category', '各类别投诉数'),
    note: L('Complaints received with this category.', '该类别的投诉数量。'),
    params: ['category'],
    formula: `COUNTIFS(${LOGGED},{complaints.category},%category%)`,
    format: 'count',
    source: 'issue 17',
  },
  {
    key: 'complaints_by_severity',
    label: L('Complaints by severity', '各严重程度投诉数'),
    note: L('Complaints received with this severity.', '该严重程度的投诉数量。'),
    params: ['severity'],
    formula: `COUNTIFS(${LOGGED},{complaints.severity},%severity%)`,
    format: 'count',
    source: 'issue 17',
  },
  {
    key: 'complaints_by_category_severity',
    label: L('Complaints by category and severity', '按类别和严重程度的投诉数'),
    note: L('Complaints received with this category and this severity.', '该类别且该严重程度的投诉数量。'),
    params: ['category', 'severity'],
    formula: `COUNTIFS(${LOGGED},{complaints.category},%category%,{complaints.severity},%severity%)`,
    format: 'count',
    source: 'issue 17',
  },
  {
    key: 'first_response_on_time',
    label: L('First response within time', '按时首次回复率'),
    note: L(
      'Of the complaints answered or already past their first-response time, the share answered in time (Settings).',
      '已回复或已超过首次回复期限的投诉中，按时回复的占比（见设置）。',
    ),
    params: [],
    formula:
      `IFERROR(SUMPRODUCT(ARRAYFORMULA(ISNUMBER({complaints.first_response_at})*ISNUMBER({complaints.first_response_due})*({complaints.first_response_at}<={complaints.first_response_due})))` +
      `/SUMPRODUCT(ARRAYFORMULA(ISNUMBER({complaints.first_response_due})*((ISNUMBER({complaints.first_response_at})+({complaints.first_response_due}<NOW()))>0))),"")`,
    format: 'percent',
    source: 'issue 17 (our choice: 24 h, in line with seed 002 S3.3)',
  },
  {
    key: 'median_resolution_days',
    label: L('Median resolution time', '解决时间中位数'),
    note: L('Median days from receiving a complaint to closing it, over closed complaints.', '已结案投诉从收到到结案的天数中位数。'),
    params: [],
    formula: `IFERROR(MEDIAN(FILTER(ARRAYFORMULA({complaints.closed_at}-{complaints.received_at}),ISNUMBER({complaints.closed_at}),ISNUMBER({complaints.received_at}),{complaints.complaint_id}<>"")),"")`,
    format: 'days',
    source: 'issue 17',
  },
  {
    key: 'confirmed_satisfied_share',
    label: L('Confirmed satisfied', '确认满意率'),
    note: L(
      'Of the closed complaints, the share whose customer confirmed they are satisfied (seed 001 step 7).',
      '已结案投诉中，客户确认满意的占比（资料 001 第 7 步）。',
    ),
    params: [],
    formula: `IFERROR(COUNTIFS(${LOGGED},{complaints.closed_at},"<>",{complaints.confirmed_satisfied},TRUE)/COUNTIFS(${LOGGED},{complaints.closed_at},"<>"),"")`,
    format: 'percent',
    source: 'seed 001 step 7',
  },
  {
    key: 'repeat_complaints',
    label: L('Repeat complaints', '重复投诉数'),
    note: L('Complaints from a customer who already complained within the repeat window (Settings).', '客户在重复投诉期内再次投诉的数量（见设置）。'),
    params: [],
    formula: `COUNTIFS(${LOGGED},{complaints.repeat},TRUE)`,
    format: 'count',
    source: 'issue 17 (our choice: 90 days)',
  },
  {
    key: 'complaints_per_100_customers',
    label: L('Complaints per 100 active customers', '每百名活跃客户投诉数'),
    note: L('Complaints received per 100 customers on the register that are not lost.', '每 100 名未丢单客户对应的投诉数。'),
    params: [],
    formula: `IFERROR(100*COUNTIFS(${LOGGED})/COUNTIFS({customers.customer_id},"<>",{customers.stage},"<>"&${LOST}),"")`,
    format: 'number',
    source: 'issue 17',
  },
];

export function getComplaintMeasure(key: string): ComplaintMeasureDef {
  const m = COMPLAINT_MEASURES.find((x) => x.key === key);
  if (!m) throw new Error(`Unknown complaint measure: ${key}`);
  return m;
}

/** The formula with its parameters filled in (cell references or quoted literals). */
export function complaintMeasureFormula(def: ComplaintMeasureDef, args: Partial<Record<ComplaintMeasureParam, string>>): string {
  return def.formula.replace(/%(category|severity)%/g, (_m, p: ComplaintMeasureParam) => {
    const v = args[p];
    if (v === undefined) throw new Error(`Measure ${def.key} needs ${p}`);
    return v;
  });
}
