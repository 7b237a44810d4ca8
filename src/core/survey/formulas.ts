/**
 * The survey's sheet formulas (issue 14), next to the TypeScript rules they are tested against
 * (core/tiers/values surveyAverage; core/survey/kpis for the measures). Column keys are written
 * `{key}` (same tab) and `{tab.key}` (another tab), resolved by set-up; settings by name.
 */
import { CORE_SCORES, SCORE_KEYS, getSurveyItem } from './template';

const numberOr0 = (k: string) => `IF(ISNUMBER({${k}}),{${k}},0)`;
const isNumber = (k: string) => `ISNUMBER({${k}})`;

/** Survey responses: the mean of the four seed 002 scores that were answered; blank when none (surveyAverage). */
export const SURVEY_AVERAGE_FORMULA = `ARRAYFORMULA(IF({response_id}="","",IFERROR((${CORE_SCORES.map(numberOr0).join('+')})/(${CORE_SCORES.map(isNumber).join('+')}),"")))`;

/**
 * The satisfaction measures as sheet formulas, for the Dashboard (issue 16): whole-column
 * COUNTIFS / SUMIFS over Survey responses, Survey sends and Follow-ups — evaluated once per
 * recalculation, never per row. Only answers attached to a customer count (a flagged answer has
 * no customer ID), as in core/survey/kpis, their reference computations; a measure with nothing
 * to measure is blank. test/integration/survey-kpis.test.ts evaluates each in the runtime and
 * compares it with the reference. A formula with a ROUND parameter takes a cell reference (or a
 * quoted round) for the round.
 */

export interface SurveyKpiDef {
  key: string;
  label: { en: string; zh: string };
  unit: 'score' | 'share' | 'points' | 'count';
  /** Without "="; ROUND marks the round parameter. */
  formula: string;
  perRound?: boolean;
}

const R = (k: string) => `{survey_responses.${k}}`;
const ATTACHED = `${R('customer_id')},"<>"`;
const SATISFIED = 'INDEX(SD_LIST_SATISFACTION,1)';
const S = (k: string) => `{survey_sends.${k}}`;
const FU_DONE = 'INDEX(SD_LIST_FOLLOWUP_STATUS,2)';
const FU_CANCELLED = 'INDEX(SD_LIST_FOLLOWUP_STATUS,4)';

export const SURVEY_KPIS: readonly SurveyKpiDef[] = [
  ...SCORE_KEYS.map(
    (k): SurveyKpiDef => ({
      key: `average_${k}`,
      label: { en: `Average: ${getSurveyItem(k).label.en}`, zh: `平均分：${getSurveyItem(k).label.zh}` },
      unit: 'score',
      formula: `IFERROR(SUMIFS(${R(k)},${ATTACHED})/COUNTIFS(${ATTACHED},${R(k)},"<>"),"")`,
    }),
  ),
  {
    key: 'csat',
    label: { en: 'CSAT (share satisfied)', zh: '满意率（CSAT）' },
    unit: 'share',
    formula: `IFERROR(COUNTIFS(${ATTACHED},${R('overall')},${SATISFIED})/COUNTIFS(${ATTACHED},${R('overall')},"<>"),"")`,
  },
  {
    key: 'nps',
    label: { en: 'NPS (promoters − detractors)', zh: '净推荐值（NPS）' },
    unit: 'points',
    formula:
      `IFERROR(100*(COUNTIFS(${ATTACHED},${R('nps')},">="&SD_NPS_PROMOTER_MIN)-COUNTIFS(${ATTACHED},${R('nps')},"<="&SD_NPS_DETRACTOR_MAX))/` +
      `COUNTIFS(${ATTACHED},${R('nps')},"<>"),"")`,
  },
  {
    key: 'response_rate',
    label: { en: 'Response rate of a round', zh: '批次回复率' },
    unit: 'share',
    perRound: true,
    formula: `IFERROR(COUNTIFS(${S('round')},ROUND,${S('sent_at')},"<>",${S('answered_at')},"<>")/COUNTIFS(${S('round')},ROUND,${S('sent_at')},"<>"),"")`,
  },
  {
    key: 'open_recovery_cases',
    label: { en: 'Open service-recovery cases', zh: '未结服务补救' },
    unit: 'count',
    formula: `COUNTIFS({followups.rule},"service_recovery",{followups.status},"<>"&${FU_DONE},{followups.status},"<>"&${FU_CANCELLED})`,
  },
];

export function surveyKpiFormula(key: string, round?: string): string {
  const k = SURVEY_KPIS.find((x) => x.key === key);
  if (!k) throw new Error(`Unknown survey KPI ${key}`);
  return k.perRound ? k.formula.replace(/\bROUND\b/g, round ?? '""') : k.formula;
}
