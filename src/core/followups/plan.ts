/**
 * Keeping a customer's ONE planned contact (issue 12): given what the cadence wants now and the
 * open rows already planned on Follow-ups, what to keep, move, add and cancel. Pure: the server
 * (src/server/plans.ts) reads the rows and writes what this decides.
 *
 * - A date the rep chose (rule `manual`, a row typed in the grid with no rule, or a row snoozed
 *   from Today) is kept until the next contact: a choice made before the latest logged contact
 *   is over, and the cadence takes back the plan.
 * - Otherwise exactly one open row carries the plan: one that already says it (same rule, same
 *   minute) is kept; else the first is moved to the new date and rule; none → one is added.
 * - Every other open row of the same kind is cancelled (ticked, so the KPIs see what happened).
 * - Nothing to plan (Lost) cancels them all.
 */
import type { PlannedContact } from '../cadence/rules';

/** An open planned row of one customer, as the server read it. Times are serials in the spreadsheet's zone. */
export interface OpenPlanRow {
  id: string;
  row: number;
  rule: string;
  due: number | null;
  /** When the rep made this date their own (the row's creation for a manual row, its last snooze), or null when unknown. */
  chosenAt: number | null;
  /** A date the rep chose: rule manual, no rule, or snoozed. */
  chosen: boolean;
}

export type PlanAction =
  | { kind: 'keep'; row: OpenPlanRow }
  | { kind: 'move'; row: OpenPlanRow; plan: PlannedContact }
  | { kind: 'add'; plan: PlannedContact }
  | { kind: 'none' };

export interface Reconciled {
  action: PlanAction;
  cancel: OpenPlanRow[];
}

/** Same rule and the same minute: the row already says what the plan says. */
function says(row: OpenPlanRow, plan: PlannedContact): boolean {
  return row.rule === plan.rule && row.due !== null && Math.abs(row.due - plan.due) < 1 / 1440;
}

/** A rep's date still stands when it was chosen at or after the latest contact (or either is unknown). */
export function choiceStands(row: OpenPlanRow, lastContact: number | null): boolean {
  return row.chosen && row.due !== null && (lastContact === null || row.chosenAt === null || row.chosenAt >= lastContact);
}

export function reconcilePlan(desired: PlannedContact | null, open: readonly OpenPlanRow[], lastContact: number | null): Reconciled {
  const rows = [...open].sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.row - b.row);
  if (!desired) return { action: { kind: 'none' }, cancel: rows };
  const pick = rows.find((r) => choiceStands(r, lastContact)) ?? rows.find((r) => says(r, desired));
  if (pick) return { action: { kind: 'keep', row: pick }, cancel: rows.filter((r) => r !== pick) };
  if (rows.length) return { action: { kind: 'move', row: rows[0], plan: desired }, cancel: rows.slice(1) };
  return { action: { kind: 'add', plan: desired }, cancel: [] };
}

/** The due date the plan ends with (what the Customers tab shows), or null. */
export function plannedDue(r: Reconciled): number | null {
  const a = r.action;
  if (a.kind === 'keep') return a.row.due;
  if (a.kind === 'move' || a.kind === 'add') return a.plan.due;
  return null;
}
