/**
 * Intention level from what the rep has confirmed (seed 002 S1.2): High = need and budget
 * confirmed, Medium = need only, Low = neither (aware, no clear need). A budget without a
 * confirmed need counts as Low: the seed ties Medium and High to a confirmed need.
 * The sheet computes the same rule as a live formula (the intention_level column); the form
 * uses this function to show the level while the rep ticks the boxes.
 */
export type IntentionKey = 'high' | 'medium' | 'low';

export function intentionOf(needConfirmed: boolean, budgetConfirmed: boolean): IntentionKey {
  if (!needConfirmed) return 'low';
  return budgetConfirmed ? 'high' : 'medium';
}
