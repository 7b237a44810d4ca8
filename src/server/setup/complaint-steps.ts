/**
 * Seeding the Complaint steps tab (issue 17): the built-in checklist is written once, in the
 * workbook's language, like the Playbook (seed-once.ts): a manager's edits, reordering,
 * additions and deletions survive re-runs.
 */
import { COMPLAINT_STEPS_SEEDED_META, builtInStepRow, stepsToSeed } from '../../core/complaints';
import type { Locale } from '../../core/i18n';
import type { SetupReport } from './report';
import { seedOnce } from './seed-once';
import type { SetupTab } from './tab';

export function seedComplaintSteps(tab: SetupTab, locale: Locale, report: SetupReport): number {
  return seedOnce(
    tab,
    {
      meta: COMPLAINT_STEPS_SEEDED_META,
      label: 'complaint steps: built-in steps',
      pending: (keys, seeded) => stepsToSeed(keys, seeded).map((s) => ({ key: s.key, record: builtInStepRow(s, locale) })),
    },
    report,
  );
}
