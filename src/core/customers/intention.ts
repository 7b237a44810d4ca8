/**
 * Intention level from what the rep has confirmed (seed 002 S1.2): High = need and budget
 * confirmed, Medium = need only, Low = neither (aware, no clear need). A budget without a
 * confirmed need counts as Low: the seed ties Medium and High to a confirmed need.
 * The form shows it while the rep ticks the boxes; the sheet computes the same rule live in the
 * intention_level column (the formula below); logging a follow-up that changes the level ticks
 * the boxes back (confirmationsFor).
 */
import { listItemKey } from '../lists';

export type IntentionKey = 'high' | 'medium' | 'low';

export function intentionOf(needConfirmed: boolean, budgetConfirmed: boolean): IntentionKey {
  if (!needConfirmed) return 'low';
  return budgetConfirmed ? 'high' : 'medium';
}
export const INTENTION_FORMULA =
  'ARRAYFORMULA(IF({customer_id}="","",IF({need_confirmed},IF({budget_confirmed},INDEX(SD_LIST_INTENTION,1),INDEX(SD_LIST_INTENTION,2)),INDEX(SD_LIST_INTENTION,3))))';

/** The boxes that give a level: the inverse of intentionOf. */
export function confirmationsFor(level: IntentionKey): { need_confirmed: boolean; budget_confirmed: boolean } {
  return { need_confirmed: level !== 'low', budget_confirmed: level === 'high' };
}

/** The level a cell or a form value names (a label in either language); Low when it names none. */
export function intentionKeyOf(v: unknown): IntentionKey {
  const k = listItemKey('intention', v);
  return k === 'high' || k === 'medium' ? k : 'low';
}
