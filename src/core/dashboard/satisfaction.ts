/**
 * Satisfaction from the Survey responses tab (seed 002 template 4): answers attached to a
 * customer, answered in the period. The survey issue (14) brings its own measures (response rate,
 * coverage, recovery cases) as a section of its own; these read only the tab that exists.
 * NPS bands are the standard 9–10 / 0–6 (our addition) until the survey's Settings rows exist.
 */
import type { DashboardData, ResponseRow } from './data';
import { item } from './items';
import { inPeriodCriteria, inSerialPeriod, L, ratio, type Measure, type Section, type SerialPeriod } from './measure';

const ANSWERED_IN = inPeriodCriteria('{survey_responses.answered_at}');
const ATTACHED = '{survey_responses.customer_id},"<>"';
const SATISFIED = item('satisfaction', 'satisfied');
const PROMOTER_MIN = 9;
const DETRACTOR_MAX = 6;

const answered = (d: DashboardData, p: SerialPeriod): ResponseRow[] => d.responses.filter((r) => r.customerId && inSerialPeriod(r.answeredAt, p));

type Dim = keyof ResponseRow['scores'];
function average(key: Dim, label: ReturnType<typeof L>): Measure {
  const col = `{survey_responses.${key}}`;
  return {
    key: `average_${key}`,
    label,
    definition: L(`Mean 1–5 score of “${label.en}” over answers in the period that have one.`, `期间内有该项评分的答卷中，“${label.zh}”1–5 分的平均分。`),
    source: 'seed 002 template 4 (satisfaction form)',
    format: 'score',
    periodic: true,
    formula: `IFERROR(SUMIFS(${col},${ATTACHED},${ANSWERED_IN})/COUNTIFS(${col},">=0",${ATTACHED},${ANSWERED_IN}),"")`,
    reference: (d, p) => {
      const xs = answered(d, p)
        .map((r) => r.scores[key])
        .filter((v): v is number => v !== null);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    },
  };
}

export const SATISFACTION_MEASURES: readonly Measure[] = [
  {
    key: 'survey_answers',
    label: L('Survey answers', '问卷答卷数'),
    definition: L('Answers attached to a customer received in the period.', '期间内收到的、已关联客户的答卷数。'),
    source: 'seed 000 §3.3 (surveys)',
    format: 'count',
    periodic: true,
    formula: `COUNTIFS(${ATTACHED},${ANSWERED_IN})`,
    reference: (d, p) => answered(d, p).length,
  },
  average('service_quality', L('Service quality', '服务质量')),
  average('solution_effect', L('Solution effect', '方案效果')),
  average('response_speed', L('Response speed', '响应速度')),
  average('teamwork', L('Teamwork', '团队协作')),
  {
    key: 'csat',
    label: L('CSAT', '满意率（CSAT）'),
    definition: L(
      'Answers whose overall rating is Satisfied ÷ answers with an overall rating, in the period.',
      '期间内总体评价为“满意”的答卷 ÷ 有总体评价的答卷。',
    ),
    source: 'seed 002 template 4 (overall satisfied / neutral / unsatisfied)',
    format: 'percent',
    periodic: true,
    formula: `IFERROR(COUNTIFS({survey_responses.overall},${SATISFIED},${ATTACHED},${ANSWERED_IN})/COUNTIFS({survey_responses.overall},"<>",${ATTACHED},${ANSWERED_IN}),"")`,
    reference: (d, p) => {
      const rated = answered(d, p).filter((r) => r.overall !== null);
      return ratio(rated.filter((r) => r.overall === 'satisfied').length, rated.length);
    },
  },
  {
    key: 'nps',
    label: L('Net promoter score', '净推荐值（NPS）'),
    definition: L(
      'Percent of 0–10 answers from 9 up (promoters) minus percent from 0 to 6 (detractors), in the period; −100 … 100.',
      '期间内 0–10 分答卷中 9 分及以上（推荐者）的百分比减去 0–6 分（贬损者）的百分比；范围 −100 至 100。',
    ),
    source: null,
    format: 'points',
    periodic: true,
    formula:
      `IFERROR(100*(COUNTIFS({survey_responses.nps},">=${PROMOTER_MIN}",${ATTACHED},${ANSWERED_IN})-COUNTIFS({survey_responses.nps},"<=${DETRACTOR_MAX}",${ATTACHED},${ANSWERED_IN}))/` +
      `COUNTIFS({survey_responses.nps},">=0",${ATTACHED},${ANSWERED_IN}),"")`,
    reference: (d, p) => {
      const xs = answered(d, p)
        .map((r) => r.nps)
        .filter((v): v is number => v !== null);
      if (!xs.length) return null;
      return (100 * (xs.filter((v) => v >= PROMOTER_MIN).length - xs.filter((v) => v <= DETRACTOR_MAX).length)) / xs.length;
    },
  },
];

export const SATISFACTION_SECTION: Section = { key: 'satisfaction', title: L('Satisfaction', '客户满意度'), measures: SATISFACTION_MEASURES };
