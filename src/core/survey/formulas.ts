/**
 * The survey's sheet formulas (issue 14), next to the TypeScript rules they are tested against
 * (core/tiers/values surveyAverage; core/survey/kpis for the measures). Column keys are written
 * `{key}` (same tab) and `{tab.key}` (another tab), resolved by set-up; settings by name.
 */
import { CORE_SCORES } from './template';

const numberOr0 = (k: string) => `IF(ISNUMBER({${k}}),{${k}},0)`;
const isNumber = (k: string) => `ISNUMBER({${k}})`;

/** Survey responses: the mean of the four seed 002 scores that were answered; blank when none (surveyAverage). */
export const SURVEY_AVERAGE_FORMULA = `ARRAYFORMULA(IF({response_id}="","",IFERROR((${CORE_SCORES.map(numberOr0).join('+')})/(${CORE_SCORES.map(isNumber).join('+')}),"")))`;
