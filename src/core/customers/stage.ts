/**
 * The sales stages (seed 002 and seed 000 agree): six steps, then Won, Lost or On hold. The keys
 * are the `stage` list's item keys (src/core/lists.ts), in the list's order.
 */
import { listItemKey } from '../lists';

export const STAGE_KEYS = ['reach', 'needs', 'solution', 'objections', 'negotiation', 'delivery', 'won', 'lost', 'on_hold'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

/** The stage a cell or a form value names (a label in either language), or null. */
export function stageKeyOf(v: unknown): StageKey | null {
  const k = listItemKey('stage', v);
  return k && (STAGE_KEYS as readonly string[]).includes(k) ? (k as StageKey) : null;
}
