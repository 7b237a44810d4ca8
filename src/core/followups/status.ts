/**
 * The Follow-ups tab's computed columns (status, days_late): each rule in TypeScript and, right
 * below it, the live formula of its column, in serial days of the spreadsheet's time zone
 * (TODAY()). Tests evaluate the formulas in the local runtime and compare with these functions.
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
const STATUS = (n: number) => `INDEX(SD_LIST_FOLLOWUP_STATUS,${n})`; // 1 planned, 2 done, 3 overdue, 4 cancelled
export const FOLLOWUP_STATUS_FORMULA =
  `ARRAYFORMULA(IF({followup_id}="","",IF({cancelled},${STATUS(4)},IF({done_at}<>"",${STATUS(2)},` +
  `IF({planned_at}="",${STATUS(1)},IF(INT({planned_at})<TODAY(),${STATUS(3)},${STATUS(1)}))))))`;

/** Whole days late; null when nothing was planned or the contact was cancelled. */
export function daysLate(f: StatusFacts, today: number): number | null {
  if (f.planned === null || f.cancelled) return null;
  const p = Math.floor(f.planned);
  if (f.done !== null) return Math.max(0, Math.floor(f.done) - p);
  return p < today ? today - p : 0;
}
/** Whole days, planned day → done day (0 when on time); for an open contact, days overdue so far. */
export const DAYS_LATE_FORMULA =
  'ARRAYFORMULA(IF({followup_id}="","",IF({planned_at}="","",IF({cancelled},"",IF({done_at}<>"",' +
  'IF(INT({done_at})>INT({planned_at}),INT({done_at})-INT({planned_at}),0),' +
  'IF(INT({planned_at})<TODAY(),TODAY()-INT({planned_at}),0))))))';
