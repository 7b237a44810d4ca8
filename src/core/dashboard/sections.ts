/**
 * The Dashboard's sections, in order. A section is a list of measure declarations (measure.ts);
 * another module contributes one by exporting a Section and adding it here (the survey's and the
 * complaints' measures join this way).
 */
import { DISCIPLINE_SECTION } from './discipline';
import { GROWTH_SECTION } from './growth';
import type { Measure, Section } from './measure';
import { OBJECTIONS_SECTION } from './objections';
import { PIPELINE_SECTION } from './pipeline';
import { SATISFACTION_SECTION } from './satisfaction';
import { TIERS_SECTION } from './tiers';

export const DASHBOARD_SECTIONS: readonly Section[] = [
  PIPELINE_SECTION,
  TIERS_SECTION,
  DISCIPLINE_SECTION,
  OBJECTIONS_SECTION,
  SATISFACTION_SECTION,
  GROWTH_SECTION,
];

export function allMeasures(sections: readonly Section[] = DASHBOARD_SECTIONS): Measure[] {
  return sections.flatMap((s) => s.measures);
}
