/**
 * The one entry point every path calls after it changed what a customer's next contact depends
 * on (a customer added, imported or edited; a contact logged; a deal saved, won or delivered):
 * it re-plans those customers' ONE open planned contact in the Follow-ups log by the seed rules
 * in Settings (issue 12) and keeps the Customers tab's `next_planned_at` / `plan_id` / `plan_row`
 * on it, which the Next follow-up and status columns read. The CALLER HOLDS the document lock.
 *
 * What the plan is comes from core: planForCustomer (stage, intention, scenario, last contact,
 * when added, the latest actual delivery on Deals `delivered_on`), surveyPlan (the satisfaction
 * survey a month after delivery, then the relationship survey every SD_SURVEY_INTERVAL_MONTHS),
 * reconcilePlan (what to keep, move, add, cancel; a rep's own date stands until the next contact).
 *
 * Cost. A few customers (a save): each customer's row at its hinted row, its plan row found by the
 * `plan_id` / `plan_row` the register keeps (one-row reads), one append, one write per row that
 * changes: a fixed number of calls whatever the size of the register or the log. Deals and the
 * whole Follow-ups log are read (one read each) only for a delivered customer (its survey item).
 * Many customers (an import, BATCH_AT or more): one read of the register, one of the open plans,
 * one of Deals, one append, one block write per tab.
 */
import {
  cadenceSettings,
  instantOfSerial,
  isPlanRule,
  planForCustomer,
  scenarioKeyOf,
  serialAt,
  surveyPlan,
  type PlannedContact,
  type RuleKey,
} from '../core/cadence';
import { intentionOf } from '../core/customers/intention';
import { stageKeyOf } from '../core/customers/stage';
import { workbookLabel } from '../core/lists';
import { plannedDue, reconcilePlan, type OpenPlanRow, type Reconciled } from '../core/followups/plan';
import { customersTab, listColumns, readSettings, type ReadRow, type RowRecord, type Tab, type Workbook } from './records';

/** From this many customers on, one read of each tab instead of rows by hint. */
export const BATCH_AT = 20;

/** The register's columns the plan reads: the input columns from the ID to the plan's own (one span, no computed cell in new workbooks). */
const CUSTOMER_KEYS = [
  'customer_id',
  'name',
  'scenario',
  'need_confirmed',
  'budget_confirmed',
  'stage',
  'owner',
  'last_contact_at',
  'next_planned_at',
  'plan_id',
  'plan_row',
] as const;
const LOG_KEYS = ['followup_id', 'customer_id', 'planned_at', 'done_at', 'cancelled', 'rule', 'snooze_reason', 'created_at', 'updated_at'] as const;
const SURVEY_RULES = new Set<string>(['survey', 'relationship_survey']);

export interface ReplanOptions {
  /** Where each customer's row is, when the caller knows (a hint: the ID is checked). */
  rows?: ReadonlyMap<string, number>;
  /** A date the rep just chose for the next contact (serial in the spreadsheet's zone), by customer ID: it becomes the plan (rule manual). */
  chosen?: ReadonlyMap<string, number>;
  /** A row the caller has just written whole (a customer added now): its values, so nothing needs reading back. */
  added?: ReadonlyMap<string, RowRecord>;
  /** Customers the rep just said to plan no next contact for ("Plan no next follow-up"): their open plan is cancelled until the next re-plan. */
  none?: ReadonlySet<string>;
}

/** What a customer's plan is after re-planning: the Follow-ups row, when it is due (serial) and why; null when nothing is planned (Lost). */
export type PlanResult = { id: string; due: number; rule: string } | null;

const idOf = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toUpperCase();
const blank = (v: unknown) => v === '' || v === null || v === undefined;
function ms(v: unknown): number | null {
  if (v && typeof v === 'object' && typeof (v as Date).getTime === 'function') {
    const t = (v as Date).getTime();
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

interface Ctx {
  wb: Workbook;
  tz: string;
  nowMs: number;
  settings: ReturnType<typeof cadenceSettings>;
  customers: Tab;
  log: Tab;
}

/** One customer as the plan sees it. */
interface Subject {
  id: string;
  row: number;
  values: RowRecord;
  created: number | null;
  deliveredAt: number | null;
  /** Open rows of the plan (rules of PLAN_RULES), and of the survey item. */
  open: OpenPlanRow[];
  openSurveys: OpenPlanRow[];
  lastSurveyDone: number | null;
}

export function replanCustomers(wb: Workbook, customerIds: readonly string[], opts: ReplanOptions = {}): Map<string, PlanResult> {
  const ids = [...new Set(customerIds.map(idOf).filter(Boolean))];
  const customers = customersTab(wb);
  const log = wb.tab('followups');
  if (!ids.length || !customers || !log || !log.has('followup_id') || !customers.has('next_planned_at')) return new Map();
  const ctx: Ctx = { wb, tz: wb.timeZone(), nowMs: Date.now(), settings: cadenceSettings(readSettings(wb)), customers, log };
  const subjects = ids.length >= BATCH_AT ? readMany(ctx, new Set(ids)) : readFew(ctx, ids, opts.rows, opts.added);
  const chosen = new Map([...(opts.chosen ?? new Map<string, number>())].map(([k, v]) => [idOf(k), v]));
  const none = new Set([...(opts.none ?? [])].map(idOf));
  return apply(ctx, subjects, chosen, none);
}

// ------------------------------------------------------------------ reading

function serial(ctx: Ctx, v: unknown): number | null {
  const t = ms(v);
  return t === null ? null : serialAt(t, ctx.tz);
}

function openRow(ctx: Ctx, r: ReadRow): OpenPlanRow {
  const v = r.values;
  const rule = String(v.rule ?? '').trim();
  const snoozed = !blank(v.snooze_reason);
  return {
    id: String(v.followup_id ?? '').trim(),
    row: r.row,
    rule,
    due: serial(ctx, v.planned_at),
    chosen: rule === '' || rule === 'manual' || snoozed,
    // Choosing (planning by hand, snoozing, a re-plan moving it to the rep's date) writes Updated.
    chosenAt: serial(ctx, v.updated_at) ?? serial(ctx, v.created_at),
  };
}

const isOpen = (v: RowRecord) => blank(v.done_at) && v.cancelled !== true && !blank(v.followup_id) && ms(v.planned_at) !== null;

/** The latest actual delivery per customer on Deals (one read), for the customers asked. */
function deliveries(ctx: Ctx, want: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  const deals = ctx.wb.tab('deals');
  if (!deals || !deals.has('delivered_on') || !want.size) return out;
  for (const r of deals.readAll(['customer_id', 'delivered_on']).rows) {
    const id = idOf(r.values.customer_id);
    const at = serial(ctx, r.values.delivered_on);
    if (at !== null && want.has(id) && !(out.get(id)! >= at)) out.set(id, at);
  }
  return out;
}

/** Open plan and survey rows, and the latest survey done, per customer, from one read of the log. */
function logByCustomer(ctx: Ctx, want: Set<string>) {
  const byCustomer = new Map<string, { open: OpenPlanRow[]; openSurveys: OpenPlanRow[]; lastSurveyDone: number | null }>();
  for (const r of ctx.log.readAll(LOG_KEYS).rows) {
    const id = idOf(r.values.customer_id);
    if (!want.has(id)) continue;
    let e = byCustomer.get(id);
    if (!e) byCustomer.set(id, (e = { open: [], openSurveys: [], lastSurveyDone: null }));
    const rule = String(r.values.rule ?? '').trim();
    if (isOpen(r.values)) {
      if (SURVEY_RULES.has(rule)) e.openSurveys.push(openRow(ctx, r));
      else if (isPlanRule(rule)) e.open.push(openRow(ctx, r));
    } else if (SURVEY_RULES.has(rule) && r.values.cancelled !== true) {
      const done = serial(ctx, r.values.done_at);
      if (done !== null && !(e.lastSurveyDone! >= done)) e.lastSurveyDone = done;
    }
  }
  return byCustomer;
}

const afterSales = (v: RowRecord) => {
  const s = stageKeyOf(v.stage);
  return s === 'delivery' || s === 'won';
};

/** A save's few customers: rows by hint, the plan row by the reference the register keeps. */
function readFew(ctx: Ctx, ids: readonly string[], hints?: ReadonlyMap<string, number>, added?: ReadonlyMap<string, RowRecord>): Subject[] {
  const out: Subject[] = [];
  const known = new Map([...(added ?? new Map<string, RowRecord>())].map(([k, v]) => [idOf(k), v]));
  for (const id of ids) {
    const hint = hints?.get(id) ?? [...(hints?.entries() ?? [])].find(([k]) => idOf(k) === id)?.[1];
    const given = known.get(id);
    if (given && hint) {
      // Just added: nothing planned yet, and when it was added is in the record.
      out.push({ id, row: hint, values: given, created: serial(ctx, given.created_at), deliveredAt: null, open: [], openSurveys: [], lastSurveyDone: null });
      continue;
    }
    const c = ctx.customers.findById(id, hint, { keys: CUSTOMER_KEYS });
    if (!c) continue;
    const s: Subject = { id, row: c.row, values: c.values, created: null, deliveredAt: null, open: [], openSurveys: [], lastSurveyDone: null };
    const planId = String(c.values.plan_id ?? '').trim();
    const planRow = typeof c.values.plan_row === 'number' ? c.values.plan_row : undefined;
    if (planId) {
      const p = ctx.log.findById(planId, planRow, { keys: LOG_KEYS });
      if (p && idOf(p.values.customer_id) === id && isOpen(p.values) && isPlanRule(p.values.rule)) s.open.push(openRow(ctx, p));
    }
    out.push(s);
  }
  // A delivered customer's survey item lives on the log with no reference on the register: read both tabs once.
  const delivered = new Set(out.filter((s) => afterSales(s.values)).map((s) => s.id));
  if (delivered.size) {
    const at = deliveries(ctx, delivered);
    const withDelivery = new Set([...at.keys()]);
    const logs = withDelivery.size ? logByCustomer(ctx, withDelivery) : new Map();
    for (const s of out) {
      s.deliveredAt = at.get(s.id) ?? null;
      const e = logs.get(s.id);
      if (!e) continue;
      // The whole log was read: every open plan row counts (strays too), not only the referenced one.
      s.open = e.open;
      s.openSurveys = e.openSurveys;
      s.lastSurveyDone = e.lastSurveyDone;
    }
  }
  needCreated(ctx, out, false);
  return out;
}

/** An import's many customers: one read of each tab. */
function readMany(ctx: Ctx, want: Set<string>): Subject[] {
  const rows = ctx.customers.readAll(CUSTOMER_KEYS).rows.filter((r) => want.has(idOf(r.values.customer_id)));
  const logs = logByCustomer(ctx, want);
  const at = deliveries(ctx, new Set(rows.filter((r) => afterSales(r.values)).map((r) => idOf(r.values.customer_id))));
  const out = rows.map((r): Subject => {
    const id = idOf(r.values.customer_id);
    const e = logs.get(id);
    return {
      id,
      row: r.row,
      values: r.values,
      created: null,
      deliveredAt: at.get(id) ?? null,
      open: e?.open ?? [],
      openSurveys: e?.openSurveys ?? [],
      lastSurveyDone: e?.lastSurveyDone ?? null,
    };
  });
  needCreated(ctx, out, true);
  return out;
}

/**
 * When the row was added, for customers the cadence counts from it (never contacted): a
 * one-cell read each for a save, one read of the column for an import. It lies at the end of
 * the register, away from the span the plan reads.
 */
function needCreated(ctx: Ctx, subjects: Subject[], many: boolean): void {
  const need = subjects.filter((s) => blank(s.values.last_contact_at) && s.created === null);
  if (!need.length || !ctx.customers.has('created_at')) return;
  if (many) {
    const byRow = new Map(ctx.customers.readAll(['created_at']).rows.map((r) => [r.row, r.values.created_at]));
    for (const s of need) s.created = serial(ctx, byRow.get(s.row));
  } else for (const s of need) s.created = serial(ctx, ctx.customers.readRow(s.row, ['created_at']).created_at);
}

// ------------------------------------------------------------------ deciding and writing

function factsOf(s: Subject, ctx: Ctx) {
  const v = s.values;
  return {
    stage: stageKeyOf(v.stage),
    intention: intentionOf(v.need_confirmed === true, v.budget_confirmed === true),
    scenario: scenarioKeyOf(v.scenario),
    // A row nobody dated and nobody contacted (typed in the grid) has no day to count from: no plan, as on the sheet's reference.
    created: s.created,
    lastContact: serial(ctx, v.last_contact_at),
    deliveredAt: s.deliveredAt,
  };
}

function apply(ctx: Ctx, subjects: readonly Subject[], chosen: ReadonlyMap<string, number>, none: ReadonlySet<string>): Map<string, PlanResult> {
  const purposes = listColumns(ctx.wb).purpose ?? [];
  const now = new Date(ctx.nowMs);
  const at = (serialDay: number) => new Date(instantOfSerial(serialDay, ctx.tz));
  const rowFor = (s: Subject, p: PlannedContact): RowRecord => ({
    customer_id: s.id,
    customer_name: String(s.values.name ?? ''),
    owner: String(s.values.owner ?? ''),
    purpose: workbookLabel(purposes, 'purpose', p.purpose),
    planned_at: at(p.due),
    rule: p.rule,
    created_at: now,
    created_by: 'Sales Desk',
    updated_at: now,
  });
  const moved: ReadRow[] = [];
  const added: { s: Subject | null; record: RowRecord }[] = [];
  const plans: { s: Subject; r: Reconciled }[] = [];
  const cancel = (rows: readonly OpenPlanRow[]) => {
    for (const c of rows) moved.push({ row: c.row, values: { cancelled: true, updated_at: now } });
  };
  const move = (row: OpenPlanRow, p: PlannedContact) =>
    moved.push({ row: row.row, values: { planned_at: at(p.due), rule: p.rule as RuleKey, updated_at: now } });

  for (const s of subjects) {
    const f = factsOf(s, ctx);
    const cadence = none.has(s.id) ? null : planForCustomer(f, ctx.settings);
    const mine = chosen.get(s.id);
    // The rep's new date replaces any older choice: it is the plan now.
    const r =
      mine === undefined
        ? reconcilePlan(cadence, s.open, f.lastContact)
        : reconcilePlan(
            { due: mine, rule: 'manual', purpose: cadence?.purpose ?? 'return_visit' },
            s.open.map((o) => ({ ...o, chosen: false })),
            f.lastContact,
          );
    plans.push({ s, r });
    cancel(r.cancel);
    if (r.action.kind === 'move') move(r.action.row, r.action.plan);
    if (r.action.kind === 'add') added.push({ s, record: rowFor(s, r.action.plan) });
    // The survey item: only where the delivery is known (else what a contact planned stays).
    if (f.stage === 'lost' || s.deliveredAt !== null) {
      const survey = reconcilePlan(
        surveyPlan({ stage: f.stage, deliveredAt: s.deliveredAt, lastSurveyDone: s.lastSurveyDone }, ctx.settings),
        s.openSurveys,
        s.lastSurveyDone,
      );
      cancel(survey.cancel);
      if (survey.action.kind === 'move') move(survey.action.row, survey.action.plan);
      if (survey.action.kind === 'add') added.push({ s: null, record: rowFor(s, survey.action.plan) });
    }
  }

  const appended = added.length ? ctx.log.append(added.map((a) => a.record)) : null;
  const newRef = new Map<Subject, { id: string; row: number }>();
  added.forEach((a, i) => {
    if (a.s && appended) newRef.set(a.s, { id: appended.ids[i], row: appended.row + i });
  });
  if (moved.length) writeRows(ctx.log, moved);

  // The register's copy of the plan, where it changed.
  const register: ReadRow[] = [];
  const results = new Map<string, PlanResult>();
  for (const { s, r } of plans) {
    const ref = r.action.kind === 'keep' || r.action.kind === 'move' ? { id: r.action.row.id, row: r.action.row.row } : (newRef.get(s) ?? null);
    const due = plannedDue(r);
    const values: RowRecord = {
      next_planned_at: due === null ? '' : at(due),
      plan_id: ref?.id ?? '',
      plan_row: ref?.row ?? '',
    };
    const same =
      ms(s.values.next_planned_at) === ms(values.next_planned_at) &&
      String(s.values.plan_id ?? '') === values.plan_id &&
      String(s.values.plan_row ?? '') === String(values.plan_row);
    if (!same) register.push({ row: s.row, values });
    const rule = r.action.kind === 'keep' ? r.action.row.rule : r.action.kind === 'none' ? '' : r.action.plan.rule;
    results.set(s.id, ref && due !== null ? { id: ref.id, due, rule } : null);
  }
  if (register.length) writeRows(ctx.customers, register);
  return results;
}

/** One write per row for a few rows; one block (from the first row to the last) for many. */
function writeRows(tab: Tab, rows: readonly ReadRow[]): void {
  if (rows.length < 3) for (const r of rows) tab.write(r.row, [r.values]);
  else tab.writeCells(rows);
}
