/**
 * Reference computation of the Follow-ups tab's computed columns (status, days_late) — the same
 * rule as the live formulas in src/core/schema/tabs.ts, in serial days of the spreadsheet's
 * time zone. Tests evaluate the formulas in the local runtime and compare with these.
 */
export type FollowupStatusKey = 'planned' | 'done' | 'overdue' | 'cancelled';

export interface StatusFacts {
  planned: number | null;
  done: number | null;
  cancelled: boolean;
}

export function followupStatus(f: StatusFacts, today: number): FollowupStatusKey {
  if (f.cancelled) return 'cancelled';
  if (f.done !== null) return 'done';
  if (f.planned === null) return 'planned';
  return Math.floor(f.planned) < today ? 'overdue' : 'planned';
}

/** Whole days late; null when nothing was planned or the contact was cancelled. */
export function daysLate(f: StatusFacts, today: number): number | null {
  if (f.planned === null || f.cancelled) return null;
  const p = Math.floor(f.planned);
  if (f.done !== null) return Math.max(0, Math.floor(f.done) - p);
  return p < today ? today - p : 0;
}
