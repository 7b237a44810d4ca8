/**
 * Seeding the Playbook tab: the built-in lines are written once (seed-once.ts says how a
 * manager's edits, additions and deletions survive re-runs). (The Objections tab's overdue
 * highlight is declared in the schema and written by highlights.ts, like every tab's.)
 */
import { PLAYBOOK_SEEDED_META, builtInRow, linesToSeed } from '../../core/playbook';
import { listLabel } from '../../core/lists';
import type { Locale } from '../../core/i18n';
import type { SetupReport } from './report';
import { seedOnce } from './seed-once';
import type { SetupTab } from './tab';

/** Writes the built-in playbook lines that were never written before. Returns how many. */
export function seedPlaybook(tab: SetupTab, locale: Locale, report: SetupReport): number {
  return seedOnce(
    tab,
    {
      meta: PLAYBOOK_SEEDED_META,
      label: 'playbook: built-in lines',
      pending: (keys, seeded) =>
        linesToSeed(keys, seeded).map((l) => ({ key: l.key, record: builtInRow(l, locale, listLabel('objection_type', l.type, locale)) })),
    },
    report,
  );
}
