/**
 * Stage history (issue 15), the server side: every change of a customer's stage, from any path,
 * becomes one row of the script-kept Stage history tab (customer, from, to, when, who, how), and
 * the customer row keeps "in this stage since" and the stage last recorded (`stage_recorded`, the
 * snapshot a stage typed in the grid is told from). The rules are core/pipeline/stage-history's.
 *
 * A path that changes a stage (the customer sidebar, the import, a deal won or lost, a follow-up
 * with a new stage) calls `stageChangesFor` with the row it read, writes `stageFields` with the
 * row it writes anyway (same setValues: the columns sit next to Updated), and passes the changes
 * to `recordStageChanges` under the same document lock. A stage typed in the grid is noticed by
 * `detectGridStages` — at the next deal save (which reads the register anyway), the next save of
 * that customer (the row's own check), and the daily dispatcher job — stamped with the time it
 * was noticed and ticked "noticed later".
 *
 * Cost: the history rows in one append (a read around the hinted end and one setValues), and the
 * customer-stage copy on the customer's deals (the pipeline's probability reads it) in one read of
 * two Deals columns and one setValues over the rows from the first to the last deal that changed —
 * both only when a stage changed.
 */
import { t, type Locale } from '../core/i18n';
import { listsLocale, workbookLabel } from '../core/lists';
import { stageKeyOf, type StageKey } from '../core/customers/stage';
import { detectStageChanges, stageChange, type StageChange, type StageChangeSource } from '../core/pipeline/stage-history';
import { isoDay } from '../core/cadence';
import { FIRST_DATA_ROW } from '../core/schema';
import { currentUser, customersTab, listColumns, type ReadRow, type RowRecord, type Workbook } from './records';
import type { Job, JobContext } from './dispatcher';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** The workbook's language, as its Lists tab spells the stages. */
export function workbookLanguage(wb: Workbook): Locale {
  return listsLocale(listColumns(wb).stage ?? [], 'stage');
}

function stageLabel(wb: Workbook, key: StageKey | null): string {
  return key ? workbookLabel(listColumns(wb).stage ?? [], 'stage', key) : '';
}

/** The customer columns a path reads to tell a stage change: its ID, name, stage and the stage recorded. */
export const STAGE_READ_KEYS = ['customer_id', 'name', 'stage', 'stage_recorded'] as const;

/**
 * A change as a path records it: core's StageChange with the instant it happened (or was noticed),
 * written as such; core's serial `at` is left 0 here — what reads the history back (the measures,
 * the replay) reads the written time in the sheet's zone.
 */
export type StageEvent = StageChange & { atMs: number };

/**
 * The changes a path makes when it sets `row`'s stage to `newStage` (either language): first the
 * change typed in the grid and not yet noticed (the stage cell differs from the one recorded),
 * then the path's own. Empty when the stage stays and nothing was typed.
 */
export function stageChangesFor(
  row: Readonly<RowRecord>,
  newStage: unknown,
  source: Exclude<StageChangeSource, 'grid'>,
  atMs: number,
  by: string,
): StageEvent[] {
  const id = text(row.customer_id);
  if (!id) return [];
  const out: StageEvent[] = [];
  // A customer never recorded (added before the history existed, or typed in) counts from no stage.
  if (stageKeyOf(row.stage) !== stageKeyOf(row.stage_recorded))
    for (const c of detectStageChanges(new Map([[id, row.stage_recorded]]), new Map([[id, row.stage]]), 0, by)) out.push({ ...c, atMs });
  const own = stageChange(id, row.stage, newStage, 0, by, source);
  if (own) out.push({ ...own, atMs });
  return out;
}

/** What the customer row gets when its stage is now `stage`: since when, and the stage recorded. Blank when no change. */
export function stageFields(wb: Workbook, changes: readonly StageEvent[], stage: unknown, atMs: number): RowRecord {
  if (!changes.length) return {};
  return { stage_since: new Date(atMs), stage_recorded: stageLabel(wb, stageKeyOf(stage)) };
}

const SOURCE_KEY: Record<StageChangeSource, Parameters<typeof t>[1]> = {
  form: 'stageHistory.source.form',
  import: 'stageHistory.source.import',
  deal: 'stageHistory.source.deal',
  followup: 'stageHistory.source.followup',
  grid: 'stageHistory.source.grid',
};

/**
 * Appends the changes to Stage history (one append) and copies each customer's new stage onto
 * their deals. `names`: the customer's name by ID, as the path read it; `dealRows`: the Deals rows
 * as they are now when the caller read them (else one read of two columns). Call under the
 * document lock, after the customer rows are written.
 */
export function recordStageChanges(wb: Workbook, changes: readonly StageEvent[], names: ReadonlyMap<string, string>, dealRows?: readonly ReadRow[]): void {
  if (!changes.length) return;
  const tab = wb.tab('stage_history');
  if (tab) {
    const lang = workbookLanguage(wb);
    const rows: RowRecord[] = changes.map((c) => ({
      customer_id: c.customerId,
      customer_name: names.get(c.customerId) ?? '',
      from_stage: stageLabel(wb, c.from),
      to_stage: stageLabel(wb, c.to),
      changed_at: new Date(c.atMs),
      changed_by: c.by,
      source: t(lang, SOURCE_KEY[c.source]),
      detected: c.detected,
    }));
    tab.append(rows);
  }
  const latest = new Map<string, StageKey | null>();
  for (const c of changes) latest.set(c.customerId, c.to);
  copyStagesToDeals(wb, latest, dealRows);
}

/**
 * Copies customers' stages onto their deals' `customer_stage` (the deal's probability reads it):
 * one read of the two columns, one write of the rows from the first to the last that changed.
 * `dealRows`: the Deals rows when the caller read them already (with customer_id and customer_stage).
 */
export function copyStagesToDeals(wb: Workbook, stages: ReadonlyMap<string, StageKey | null>, dealRows?: readonly ReadRow[]): ReadRow[] {
  if (!stages.size) return [];
  const deals = wb.tab('deals');
  if (!deals || !deals.has('customer_stage')) return [];
  const rows = dealRows ?? deals.readAll(['customer_id', 'customer_stage']).rows;
  const changed: ReadRow[] = [];
  for (const r of rows) {
    const id = text(r.values.customer_id);
    if (!stages.has(id)) continue;
    const label = stageLabel(wb, stages.get(id) ?? null);
    if (text(r.values.customer_stage) !== label) changed.push({ row: r.row, values: { customer_stage: label } });
  }
  writeColumnSpan(deals, rows, changed, 'customer_stage');
  return changed;
}

/**
 * Writes one column over the rows from the first to the last changed one, the rows between
 * written back as read: one setValues whatever the number of changes (only those rows move).
 */
export function writeColumnSpan(tab: NonNullable<ReturnType<Workbook['tab']>>, rows: readonly ReadRow[], changed: readonly ReadRow[], ...keys: string[]): void {
  if (!changed.length) return;
  const first = Math.min(...changed.map((c) => c.row));
  const last = Math.max(...changed.map((c) => c.row));
  const byRow = new Map<number, RowRecord>();
  for (const r of rows) if (r.row >= first && r.row <= last) byRow.set(r.row, r.values);
  for (const c of changed) byRow.set(c.row, { ...byRow.get(c.row), ...c.values });
  const block: RowRecord[] = [];
  for (let row = first; row <= last; row++) {
    const v = byRow.get(row) ?? {};
    block.push(Object.fromEntries(keys.map((k) => [k, v[k] ?? ''])));
  }
  tab.write(first, block);
}

/**
 * Notices stages typed in the grid: every customer whose stage cell differs from the stage
 * recorded gets a history row stamped now and ticked "noticed later", and its row the new
 * "since" and recorded stage (one write over the rows from the first to the last changed).
 * `rows`: the Customers rows when the caller read them already (with STAGE_READ_KEYS and
 * stage_since). At most `limit` customers (top rows first): an add-in action notices what a
 * person typed (a few rows) at once, while thousands of pasted customers are recorded over the
 * next actions and by the daily run (no limit) — one save never grows the Stage history tab by
 * thousands of rows. Returns the changes. Call under the document lock.
 */
export function detectGridStages(wb: Workbook, nowMs: number, rows?: readonly ReadRow[], limit = Infinity): StageEvent[] {
  const customers = customersTab(wb);
  if (!customers || !customers.has('stage_recorded')) return [];
  const read = rows ?? customers.readAll([...STAGE_READ_KEYS, 'stage_since']).rows;
  const before = new Map<string, unknown>();
  const now = new Map<string, unknown>();
  const names = new Map<string, string>();
  const rowOf = new Map<string, ReadRow>();
  for (const r of read) {
    const id = text(r.values.customer_id);
    if (!id || r.row < FIRST_DATA_ROW) continue;
    if (stageKeyOf(r.values.stage) === stageKeyOf(r.values.stage_recorded)) continue;
    if (now.size >= limit) break;
    before.set(id, r.values.stage_recorded);
    now.set(id, r.values.stage);
    names.set(id, text(r.values.name));
    rowOf.set(id, r);
  }
  if (!now.size) return [];
  const changes: StageEvent[] = detectStageChanges(before, now, 0, currentUser(wb).by).map((c) => ({ ...c, atMs: nowMs }));
  const at = new Date(nowMs);
  const changed: ReadRow[] = changes.map((c) => {
    const r = rowOf.get(c.customerId)!;
    const values = { stage_since: at, stage_recorded: stageLabel(wb, c.to) };
    Object.assign(r.values, values);
    return { row: r.row, values };
  });
  writeColumnSpan(customers, read, changed, 'stage_since', 'stage_recorded');
  recordStageChanges(wb, changes, names);
  return changes;
}

/** How many stages typed in the grid one add-in action records at most (see detectGridStages). */
export const DETECT_PER_ACTION = 200;

/** Document property: the spreadsheet day (YYYY-MM-DD) the dispatcher last looked for stages typed in the grid. */
export const STAGES_DAY_PROPERTY = 'salesdesk.stages.day';

/** Dispatcher job: once a day, stages typed in the grid are noticed even when nobody uses the add-in. */
export const stageHistoryJob: Job = {
  key: 'stage-history',
  due(ctx: JobContext): boolean {
    return ctx.props.getProperty(STAGES_DAY_PROPERTY) !== isoDay(ctx.nowMs, ctx.timeZone);
  },
  run(ctx: JobContext): void {
    ctx.locked(() => detectGridStages(ctx.wb, ctx.nowMs));
    ctx.props.setProperty(STAGES_DAY_PROPERTY, isoDay(ctx.nowMs, ctx.timeZone));
  },
};
