/**
 * Stage history (issue 15): every change of a customer's stage, from any path, is one row of a
 * script-kept log — customer, from, to, when, who, and whether it was typed in the grid and only
 * detected later (at the next add-in action or daily run, with the time it was detected). Replaying
 * the log gives every customer's current stage and "in this stage since"; comparing two snapshots
 * of the register's stage column gives the rows for stages typed in the grid.
 * Times are serial days in the spreadsheet's time zone.
 */
import { stageKeyOf, type StageKey } from '../customers/stage';

/** Where a change came from: a sidebar form, the import, a deal won or lost, a logged follow-up, or typed in the grid (detected later). */
export type StageChangeSource = 'form' | 'import' | 'deal' | 'followup' | 'grid';

export interface StageChange {
  customerId: string;
  /** null: the customer had no stage (a new customer). */
  from: StageKey | null;
  to: StageKey | null;
  /** When it changed (serial); for a change typed in the grid, when it was detected. */
  at: number;
  by: string;
  source: StageChangeSource;
  /** True when it was typed in the grid and found later: `at` is the time it was detected, not the time it was typed. */
  detected: boolean;
}

/** The change a path that knows it records (null when the stage stays the same, read in either language). */
export function stageChange(
  customerId: string,
  from: unknown,
  to: unknown,
  at: number,
  by: string,
  source: Exclude<StageChangeSource, 'grid'>,
): StageChange | null {
  const a = stageKeyOf(from);
  const b = stageKeyOf(to);
  if (a === b) return null;
  return { customerId, from: a, to: b, at, by, source, detected: false };
}

/** The stage of each customer as a snapshot: customer ID → the stage cell (either language). */
export type StageSnapshot = ReadonlyMap<string, unknown>;

/**
 * The changes typed in the grid between two snapshots of the register (the one kept at the last
 * add-in action or daily run, and the one read now): one row per customer whose stage key
 * differs, stamped with the time it was detected. A label rewritten in the other language is no
 * change; a customer new to the register counts from no stage; one no longer there is not a change.
 */
export function detectStageChanges(before: StageSnapshot, now: StageSnapshot, detectedAt: number, by: string): StageChange[] {
  const out: StageChange[] = [];
  for (const [customerId, cell] of now) {
    if (!customerId) continue;
    const to = stageKeyOf(cell);
    const from = before.has(customerId) ? stageKeyOf(before.get(customerId)) : null;
    if (from === to) continue;
    out.push({ customerId, from, to, at: detectedAt, by, source: 'grid', detected: true });
  }
  return out;
}

export interface CurrentStage {
  stage: StageKey | null;
  /** When the customer entered it: "in this stage since". */
  since: number;
}

/**
 * Replays the log: each customer's current stage and since when, from its latest change (by time;
 * rows at the same time in log order). Customers with no row are absent.
 */
export function replayStages(history: Iterable<StageChange>): Map<string, CurrentStage> {
  const out = new Map<string, CurrentStage>();
  for (const h of history) {
    const cur = out.get(h.customerId);
    if (!cur || h.at >= cur.since) out.set(h.customerId, { stage: h.to, since: h.at });
  }
  return out;
}

/**
 * Customers whose stage on the register differs from what the log replays to (a change no path
 * recorded): empty when the history is complete.
 */
export function historyGaps(
  history: Iterable<StageChange>,
  register: StageSnapshot,
): { customerId: string; register: StageKey | null; replayed: StageKey | null }[] {
  const replayed = replayStages(history);
  const out: { customerId: string; register: StageKey | null; replayed: StageKey | null }[] = [];
  for (const [customerId, cell] of register) {
    const reg = stageKeyOf(cell);
    const rep = replayed.get(customerId)?.stage ?? null;
    if (reg !== rep) out.push({ customerId, register: reg, replayed: rep });
  }
  return out;
}

/** One stay of a customer in a stage: entered at `from`, left at `to` (null while still there). */
export interface StageStay {
  customerId: string;
  stage: StageKey;
  from: number;
  to: number | null;
}

/** Every stay, per customer in time order (rows at the same time in log order). */
export function stageStays(history: readonly StageChange[]): StageStay[] {
  const byCustomer = new Map<string, StageChange[]>();
  history.forEach((h) => {
    const list = byCustomer.get(h.customerId);
    if (list) list.push(h);
    else byCustomer.set(h.customerId, [h]);
  });
  const out: StageStay[] = [];
  for (const [customerId, list] of byCustomer) {
    const sorted = list
      .map((h, i) => ({ h, i }))
      .sort((a, b) => a.h.at - b.h.at || a.i - b.i)
      .map((x) => x.h);
    sorted.forEach((h, k) => {
      if (h.to === null) return;
      const next = sorted[k + 1];
      out.push({ customerId, stage: h.to, from: h.at, to: next ? next.at : null });
    });
  }
  return out;
}
