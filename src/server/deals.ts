/**
 * The Deals tab's server side (issue 15): deals as a pipeline — open, won and lost, with customer,
 * scenario, amount and currency, expected close, probability, loss reason, owner, expected and
 * actual delivery — added, opened, edited, won, lost and reopened from the Deal sidebar; and the
 * customer values behind value tiers, gold customers and churn risk, which the script keeps on
 * each customer row (see src/core/tiers/values.ts for why they are not per-row formulas). The
 * rules are core/pipeline's (checkDeal); this module reads, decides through core and writes.
 *
 * An edit follows core/row-merge: the form opened the deal with its version and sends only the
 * fields the user changed; when the row moved meanwhile the edit is refused with the other
 * person's change (mergeDealEdit, the one merge-and-write step of a deal).
 *
 * Cost of one save, edit or refresh, whatever the number of rows: the Customers, Deals and Survey
 * columns it needs read once each (one read from the header row), Settings and Lists once, the
 * deal row in one setValues (the computed columns sit at the end of Deals), the customer's row in
 * one when it changed, and the customer values only over the rows whose values changed
 * (test/integration/budgets-suite.ts).
 */
import { t, type Locale, type MessageKey } from '../core/i18n';
import { getList, listItemKey, workbookLabel } from '../core/lists';
import { FIRST_DATA_ROW, getTab } from '../core/schema';
import type { SaveResult } from '../core/result';
import {
  checkDealInput,
  customerValueRecords,
  tierSettings,
  valueBoundDates,
  ymdFromSerial,
  ymdString,
  type DealFact,
  type DealFormValues,
  type SurveyFact,
  type ValueBounds,
  type Ymd,
} from '../core/tiers';
import { serialFromYmd } from '../core/tiers/dates';
import { isoDay, scenarioKeyOf, todaySerial, zonedMidnight } from '../core/cadence';
import { parseIsoDate, parseMoney } from '../core/validation/rules';
import { stageKeyOf, type StageKey } from '../core/customers/stage';
import type { TeamMember } from '../core/customers/team';
import { CURRENCIES, CURRENCY_CODES, isCurrencyCode, workbookCurrency, type CurrencyCode } from '../core/money';
import { conflictMessage, mergeEdit, rowVersion } from '../core/row-merge';
import { checkDeal, dealStatusOf, stageProbabilities, type DealCheckContext, type DealInput, type DealStatus } from '../core/pipeline';
import {
  currentUser,
  customersTab,
  findCustomers,
  googleEmail,
  listColumns,
  openWorkbook,
  readLists,
  readSettings,
  readTeam,
  type Extent,
  type ReadRow,
  type RowRecord,
  type SettingValues,
  type Tab,
  type Workbook,
} from './records';
import { withDocumentLock } from './lock';
import { replanCustomers } from './plans';
import { currentLocale } from './locale';
import { showSidebar, toast } from './host';
import { recordStageChanges, stageChangesFor, stageFields, workbookLanguage } from './stage-history';
import type { Job, JobContext } from './dispatcher';

/** The columns the script keeps on each customer row. */
export const VALUE_COLUMNS = ['value_window', 'value_prev_window', 'value_share_ahead', 'value_last_year', 'last_score', 'values_as_of'] as const;

const SEARCH_LIMIT = 20;

export interface CustomerChoice {
  id: string;
  name: string;
}

// ------------------------------------------------------------------ time in the sheet's zone

function todayYmd(tz: string): Ymd {
  return ymdFromSerial(todaySerial(Date.now(), tz));
}

function midnight(p: Ymd, tz: string): number {
  return zonedMidnight(p, tz);
}

function timeOf(v: unknown): number {
  return v instanceof Date ? v.getTime() : NaN;
}

// ------------------------------------------------------------------ reading

function idOf(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

interface Tabs {
  customers: Tab;
  deals: Tab;
  surveys: Tab | null;
}

/** The tabs a save or refresh reads (located through the column map, records/layout.ts). */
function openDealTabs(wb: Workbook, locale: Locale): Tabs {
  const customers = customersTab(wb);
  const deals = wb.tab('deals');
  if (!customers || !deals || !deals.has('customer_id')) throw new Error(t(locale, 'deal.setupFirst'));
  return { customers, deals, surveys: wb.tab('survey_responses') };
}

/**
 * What the values and a save need of every customer row, and the value block the save rewrites:
 * the read then spans every column the save writes (the value block, the customer's stage, last
 * contact and Updated) and checks their headers in the same call — no second read of the header row.
 */
const CUSTOMER_KEYS = ['customer_id', 'name', 'stage', 'owner', 'last_contact_at', 'updated_at', ...VALUE_COLUMNS] as const;
/** Every Deals column: the read then checks the whole header row the new deal is written under (no second read). */
const DEAL_KEYS = getTab('deals').columns.map((c) => c.key);
const SURVEY_KEYS = ['customer_id', 'answered_at', 'service_quality', 'solution_effect', 'response_speed', 'teamwork'] as const;

/** A row's status: the Status cell, else (rows from before the pipeline, typed or imported) won when it has a date won, open when not. */
function statusOfRow(values: RowRecord): DealStatus {
  return dealStatusOf(values.status) ?? (values.won_on instanceof Date ? 'won' : 'open');
}

/** The won deals, the purchase history the values add up (an open or lost deal is no purchase). */
function dealFacts(rows: readonly ReadRow[]): DealFact[] {
  return rows
    .filter((r) => statusOfRow(r.values) === 'won')
    .map((r) => ({
      customerId: idOf(r.values.customer_id),
      amount: typeof r.values.amount === 'number' ? r.values.amount : NaN,
      wonOn: timeOf(r.values.won_on),
    }));
}

function surveyFacts(rows: readonly ReadRow[]): SurveyFact[] {
  return rows.map((r) => ({
    customerId: idOf(r.values.customer_id),
    answeredAt: timeOf(r.values.answered_at),
    scores: [r.values.service_quality, r.values.solution_effect, r.values.response_speed, r.values.teamwork],
  }));
}

/** A built-in list item as this workbook spells it. */
function labelOf(wb: Workbook, listKey: string, itemKey: string): string {
  return workbookLabel(listColumns(wb)[listKey] ?? [], listKey, itemKey);
}

// ------------------------------------------------------------------ customer values

interface Snapshot {
  customers: Tab;
  customerRows: ReadRow[];
  deals: DealFact[];
}

/**
 * Recomputes the script-kept values of every customer row and writes them: one block, only the
 * value columns (nothing a user typed is touched), over the rows from the first to the last whose
 * values changed — none when none did (a save that moves no won deal rewrites no customer; the
 * first run of a day rewrites every row's "as of"). `customerRows` must hold the value columns
 * when only changes are to be written; rows read without them count as changed. Returns the
 * number of customers with values.
 */
function writeCustomerValues(snap: Snapshot, surveysTab: Tab | null, tz: string, settings: Record<string, unknown>): number {
  const s = tierSettings(settings);
  const today = todayYmd(tz);
  const d = valueBoundDates(today, s.tier_window_months);
  const bounds: ValueBounds = {
    windowStart: midnight(d.windowStart, tz),
    windowEnd: midnight(d.windowEnd, tz),
    prevStart: midnight(d.prevStart, tz),
    yearStart: midnight(d.yearStart, tz),
    yearEnd: midnight(d.yearEnd, tz),
  };
  const surveys = surveysTab ? surveyFacts(surveysTab.readAll(SURVEY_KEYS).rows) : [];
  const last = snap.customerRows.length ? snap.customerRows[snap.customerRows.length - 1].row : FIRST_DATA_ROW - 1;
  if (last < FIRST_DATA_ROW) return 0;
  const ids: string[] = new Array(last - FIRST_DATA_ROW + 1).fill('');
  for (const r of snap.customerRows) ids[r.row - FIRST_DATA_ROW] = idOf(r.values.customer_id);
  const records = customerValueRecords(ids, snap.deals, surveys, bounds);
  const asOf = new Date(midnight(today, tz));
  const out: RowRecord[] = records.map((r) => (r ? { ...r, values_as_of: asOf } : Object.fromEntries(VALUE_COLUMNS.map((k) => [k, '']))));
  const read = new Map(snap.customerRows.map((r) => [r.row, r.values]));
  const same = (i: number) => {
    const was = read.get(FIRST_DATA_ROW + i);
    return !!was && VALUE_COLUMNS.every((k) => sameCell(was[k], out[i][k]));
  };
  let from = 0;
  while (from < out.length && same(from)) from++;
  let to = out.length - 1;
  while (to >= from && same(to)) to--;
  if (from <= to) snap.customers.write(FIRST_DATA_ROW + from, out.slice(from, to + 1));
  return records.filter((r) => r).length;
}

/** Two cells hold the same value (blanks alike, dates by their instant, numbers to 1e-9). */
function sameCell(a: unknown, b: unknown): boolean {
  const blankA = a === '' || a === null || a === undefined;
  const blankB = b === '' || b === null || b === undefined;
  if (blankA || blankB) return blankA && blankB;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return String(a) === String(b);
}

function refresh(wb: Workbook, locale: Locale): number {
  const tabs = openDealTabs(wb, locale);
  const snap: Snapshot = {
    customers: tabs.customers,
    customerRows: tabs.customers.readAll(['customer_id', ...VALUE_COLUMNS]).rows,
    deals: dealFacts(tabs.deals.readAll(DEAL_KEYS).rows),
  };
  return writeCustomerValues(snap, tabs.surveys, wb.timeZone(), readSettings(wb));
}

/**
 * Menu action "Refresh customer values": adds up every customer's deals and latest survey again
 * (after deals were typed or imported by hand, and as time moves deals out of the value window).
 * The hourly dispatcher does the same once a day (customerValuesJob).
 */
export function refreshCustomerValues(): number {
  const locale = currentLocale();
  const count = withDocumentLock(() => refresh(openWorkbook(), locale));
  toast(t(locale, 'tiers.refreshed', { count }), t(locale, 'tiers.refreshedTitle'));
  return count;
}

/** Document property: the spreadsheet day (YYYY-MM-DD) the dispatcher last refreshed the values. */
export const VALUES_DAY_PROPERTY = 'salesdesk.values.day';

/**
 * Dispatcher job: once a day (the first hourly run of the day in the spreadsheet's time zone)
 * the values are added up again, so deals that leave the value window stop counting within a
 * day even when nobody saves a deal. Under the document lock: it reads every customer and writes
 * their value block, which a rep's save must not interleave with.
 */
export const customerValuesJob: Job = {
  key: 'customer-values',
  due(ctx: JobContext): boolean {
    return ctx.props.getProperty(VALUES_DAY_PROPERTY) !== isoDay(ctx.nowMs, ctx.timeZone);
  },
  run(ctx: JobContext): void {
    ctx.locked(() => refresh(ctx.wb, currentLocale()));
    ctx.props.setProperty(VALUES_DAY_PROPERTY, isoDay(ctx.nowMs, ctx.timeZone));
  },
};

// ------------------------------------------------------------------ the deal as the form sees it

/** The Deal sidebar's fields, as text (dates YYYY-MM-DD, the probability in per cent, list items by key, the currency by code). */
export const DEAL_FORM_FIELDS = [
  'customerId',
  'scenario',
  'amount',
  'currency',
  'status',
  'closedOn',
  'expectedClose',
  'probability',
  'lossReason',
  'owner',
  'expectedDelivery',
  'deliveredOn',
  'product',
  'kind',
  'notes',
] as const;
export type DealFormField = (typeof DEAL_FORM_FIELDS)[number];
export type DealFields = Record<DealFormField, string>;

/** A deal opened in the sidebar. */
export interface DealView {
  dealId: string;
  /** core/row-merge's version of the fields shown: an edit sends it back. */
  version: string;
  fields: DealFields;
  customerName: string;
  /** The customer's stage as the workbook spells it, and its probability from Settings (0–1). */
  customerStage: string;
  stageProbability: number;
}

export interface FormOption {
  value: string;
  label: string;
}

/** What the Deal form needs, as it crosses google.script.run (dates as YYYY-MM-DD). */
export interface DealFormData {
  locale: Locale;
  today: string;
  /** The workbook's currency (Settings; Auto: ¥ for a Chinese workbook, else the spreadsheet locale's). */
  currency: CurrencyCode;
  kinds: FormOption[];
  options: { scenario: FormOption[]; currency: FormOption[]; status: FormOption[]; lossReason: FormOption[]; owner: FormOption[] };
  /** The customer selected on the Customers tab when the form opened, if any. */
  customer: CustomerChoice | null;
  /** The deal selected on the Deals tab when the form opened, if any. */
  deal: DealView | null;
}

export interface SavedDeal {
  dealId: string;
  customerId: string;
  customerName: string;
  stage: string;
}

/** What an add or an edit answers: the deal as saved (to keep editing), field problems, or the other person's change. */
export type DealSaveResult =
  | { ok: true; value: SavedDeal & { deal: DealView; changed: boolean } }
  | { ok: false; kind: 'invalid'; errors: Record<string, string>; message: string }
  | { ok: false; kind: 'conflict'; message: string; deal: DealView | null };

const dayOf = (v: unknown, tz: string) => (v instanceof Date ? isoDay(v.getTime(), tz) : '');

/** A Deals row as the form's fields. */
function fieldsOf(values: RowRecord, tz: string): DealFields {
  const currency = listItemKey('currency', values.currency);
  const p = values.probability;
  return {
    customerId: idOf(values.customer_id),
    scenario: scenarioKeyOf(values.scenario) ?? '',
    amount: typeof values.amount === 'number' ? String(values.amount) : idOf(values.amount),
    currency: currency && currency !== 'auto' ? currency.toUpperCase() : '',
    status: statusOfRow(values),
    closedOn: dayOf(values.won_on, tz),
    expectedClose: dayOf(values.expected_close, tz),
    probability: typeof p === 'number' ? String(Math.round(p * 10000) / 100) : '',
    lossReason: idOf(values.loss_reason),
    owner: idOf(values.owner),
    expectedDelivery: dayOf(values.expected_delivery, tz),
    deliveredOn: dayOf(values.delivered_on, tz),
    product: idOf(values.product),
    kind: listItemKey('deal_kind', values.kind) ?? '',
    notes: idOf(values.notes),
  };
}

const FORM_KINDS = Object.fromEntries(DEAL_FORM_FIELDS.map((f) => [f, 'text' as const]));

/** Everything a save needs from the workbook, read once. */
interface DealContext {
  wb: Workbook;
  locale: Locale;
  tz: string;
  today: Ymd;
  settings: SettingValues;
  currency: CurrencyCode;
  team: TeamMember[];
  lossReasons: string[];
}

function dealContext(wb: Workbook, locale: Locale): DealContext {
  const tz = wb.timeZone();
  const settings = readSettings(wb);
  const lang = workbookLanguage(wb);
  const auto = !isCurrencyCode(String(settings.currency ?? '').toUpperCase()) && lang !== 'zh';
  const currency = workbookCurrency(settings.currency, lang, auto ? wb.spreadsheetLocale() : '');
  const lists = readLists(wb, locale);
  return { wb, locale, tz, today: todayYmd(tz), settings, currency, team: readTeam(wb), lossReasons: [...(lists.objection_type ?? [])] };
}

function checkContext(ctx: DealContext): DealCheckContext {
  return { locale: ctx.locale, today: ymdString(ctx.today), currency: ctx.currency, team: ctx.team, lossReasons: ctx.lossReasons };
}

function viewOf(ctx: DealContext, values: RowRecord, customer: RowRecord | null): DealView {
  const fields = fieldsOf(values, ctx.tz);
  const stage = customer ? customer.stage : values.customer_stage;
  return {
    dealId: idOf(values.deal_id),
    version: rowVersion(fields, DEAL_FORM_FIELDS),
    fields,
    customerName: String(customer?.name ?? values.customer_name ?? ''),
    customerStage: String(stage ?? ''),
    stageProbability: stageProbabilities(ctx.settings)[stageKeyOf(stage) ?? 'reach'],
  };
}

const serialDate = (serial: number | null, tz: string): Date | '' => (serial === null ? '' : new Date(midnight(ymdFromSerial(serial), tz)));

/** The Deals cells of a checked deal (list items as this workbook spells them). */
function rowOf(ctx: DealContext, deal: DealInput, kind: string): RowRecord {
  const { wb, tz } = ctx;
  return {
    customer_id: deal.customerId,
    amount: deal.amount,
    won_on: serialDate(deal.closedOn, tz),
    product: deal.product,
    kind: kind ? labelOf(wb, 'deal_kind', kind) : '',
    scenario: deal.scenario ? labelOf(wb, 'scenario', deal.scenario) : '',
    currency: labelOf(wb, 'currency', deal.currency.toLowerCase()),
    status: labelOf(wb, 'deal_status', deal.status),
    expected_close: serialDate(deal.expectedClose, tz),
    probability: deal.probability ?? '',
    loss_reason: deal.lossReason,
    expected_delivery: serialDate(deal.expectedDelivery, tz),
    delivered_on: serialDate(deal.deliveredOn, tz),
    owner: deal.owner,
    notes: deal.notes,
  };
}

/** Checks the form's fields (untrusted) into a deal and its kind, or field errors in the user's language. */
function checkFields(
  ctx: DealContext,
  raw: Partial<Record<string, unknown>>,
): { ok: true; deal: DealInput; kind: string } | { ok: false; errors: Record<string, string> } {
  const check = checkDeal(raw, checkContext(ctx));
  const errors: Record<string, string> = check.ok ? {} : { ...check.errors };
  const kindRaw = typeof raw.kind === 'string' ? raw.kind.trim() : '';
  const kind = kindRaw ? (listItemKey('deal_kind', kindRaw) ?? (getList('deal_kind').items.some((i) => i.key === kindRaw) ? kindRaw : null)) : '';
  if (kind === null) errors.kind = t(ctx.locale, 'deal.kindUnknown');
  if (!check.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, deal: check.value, kind: kind ?? '' };
}

/**
 * The one merge-and-write decision of a deal edit (core/row-merge): the row as it is now, the
 * version the form opened and the fields it changed → the checked deal and the Deals cells to
 * write (all of the row's input cells when any changed: one run), or the other person's change,
 * or field problems. Pure but for the context; the caller writes.
 */
export function mergeDealEdit(
  ctx: DealContext,
  current: RowRecord,
  version: unknown,
  changes: unknown,
):
  | { ok: true; deal: DealInput; kind: string; write: RowRecord | null }
  | { ok: false; kind: 'conflict'; message: string }
  | { ok: false; kind: 'invalid'; errors: Record<string, string> } {
  const fields = fieldsOf(current, ctx.tz);
  const merged = mergeEdit({ keys: DEAL_FORM_FIELDS, kinds: FORM_KINDS, current: fields, version, changes });
  if (!merged.ok && merged.reason === 'conflict') {
    const label = (f: string) => t(ctx.locale, FIELD_LABEL[f as DealFormField]);
    return { ok: false, kind: 'conflict', message: conflictMessage(merged.theirs, label, ctx.locale) };
  }
  if (!merged.ok) {
    const errors: Record<string, string> = {};
    for (const k of Object.keys(merged.errors)) errors[k] = t(ctx.locale, 'error.badArgument', { detail: k });
    return { ok: false, kind: 'invalid', errors };
  }
  const raw: Record<string, unknown> = { ...fields, ...merged.write };
  // A new amount that names its currency (¥48,000, 4.8万元) names the deal's, unless the currency was changed too.
  if (typeof merged.write.amount === 'string' && merged.write.currency === undefined && parseMoney(merged.write.amount)?.currency) raw.currency = '';
  const checked = checkFields(ctx, raw);
  if (!checked.ok) return { ok: false, kind: 'invalid', errors: checked.errors };
  const row = rowOf(ctx, checked.deal, checked.kind);
  const moved = Object.keys(row).some((k) => !sameCell(current[k], row[k]));
  return { ok: true, deal: checked.deal, kind: checked.kind, write: moved ? row : null };
}

const FIELD_LABEL: Record<DealFormField, MessageKey> = {
  customerId: 'deal.customer',
  scenario: 'pipeline.scenario',
  amount: 'deal.amount',
  currency: 'pipeline.currency',
  status: 'pipeline.status',
  closedOn: 'pipeline.closedOn',
  expectedClose: 'pipeline.expectedClose',
  probability: 'pipeline.probability',
  lossReason: 'pipeline.lossReason',
  owner: 'pipeline.owner',
  expectedDelivery: 'pipeline.expectedDelivery',
  deliveredOn: 'pipeline.deliveredOn',
  product: 'deal.product',
  kind: 'deal.kind',
  notes: 'deal.notes',
};

// ------------------------------------------------------------------ writing a deal

/** The customer's stage after a deal's status moved from `before` to the deal's (null: the stage stays). */
function stageAfter(before: DealStatus | null, deal: DealInput, customer: RowRecord, others: readonly ReadRow[], tz: string): StageKey | null {
  const now = stageKeyOf(customer.stage);
  if (deal.status === before) return null;
  if (deal.status === 'won') {
    /*
     * A won deal moves the customer to "6 Delivery & after-sales", not to "Won". The contract is
     * signed (stage 5 is over), and what the seed asks next belongs to stage 6: the delivery, a
     * return call within SD_RETURN_CALL_DAYS and the satisfaction survey a month after delivery
     * (seed 002 S6.2). "Won" is where a rep puts the customer once after-sales is done; a
     * repurchase or upsell goes through delivery again. A deal typed in later for an earlier date
     * (another won deal of the customer is more recent) leaves the stage alone.
     */
    const wonOn = deal.closedOn === null ? NaN : midnight(ymdFromSerial(deal.closedOn), tz);
    const latest = others.every((r) => statusOfRow(r.values) !== 'won' || !(timeOf(r.values.won_on) > wonOn));
    return latest && now !== 'delivery' ? 'delivery' : null;
  }
  if (deal.status === 'lost') {
    // Lost like a lost customer, unless the customer still has another deal open or is past the sale.
    const open = others.some((r) => statusOfRow(r.values) === 'open');
    return !open && now !== 'lost' && now !== 'delivery' && now !== 'won' ? 'lost' : null;
  }
  return null; // reopened: the rep says where the customer stands
}

interface Loaded {
  tabs: Tabs;
  customerRows: ReadRow[];
  dealRows: ReadRow[];
  dealExtent: Extent;
}

/** Customers: what a save writes on the row and what the values need (one read spanning them all). */
const SAVE_CUSTOMER_KEYS = [...CUSTOMER_KEYS, 'stage_since', 'stage_recorded'] as const;

function load(ctx: DealContext): Loaded {
  const tabs = openDealTabs(ctx.wb, ctx.locale);
  const keys = tabs.customers.has('stage_recorded') ? SAVE_CUSTOMER_KEYS : CUSTOMER_KEYS;
  const customerRows = tabs.customers.readAll(keys).rows;
  const read = tabs.deals.readAll(DEAL_KEYS);
  return { tabs, customerRows, dealRows: read.rows, dealExtent: read.extent };
}

/**
 * Writes a checked deal — appended (no row) or over its row — and what follows from it: the
 * customer's stage (won → delivery & after-sales, lost → Lost) with its Stage history row and
 * "since", last contact up to the day won, the stage copied onto the customer's deals, the
 * customer values when a won deal moved, and the customer's plan (plans.ts). Under the lock.
 */
function commitDeal(
  ctx: DealContext,
  l: Loaded,
  deal: DealInput,
  kind: string,
  target: ReadRow | null,
  write: RowRecord | null,
): SavedDeal & { deal: DealView } {
  const { wb, tz } = ctx;
  const customer = l.customerRows.find((r) => idOf(r.values.customer_id) === deal.customerId)!;
  const cv = customer.values;
  const customerName = String(cv.name ?? '');
  const nowMs = Date.now();
  const now = new Date(nowMs);
  const user = currentUser(wb);

  const before = target ? statusOfRow(target.values) : null;
  const others = l.dealRows.filter((r) => r !== target && idOf(r.values.customer_id) === deal.customerId);
  const next = stageAfter(before, deal, cv, others, tz);
  const stageNow = next ? labelOf(wb, 'stage', next) : String(cv.stage ?? '');

  let dealId = target ? idOf(target.values.deal_id) : '';
  let record: RowRecord = target?.values ?? {};
  let appendedRow = 0;
  if (write || !target) {
    record = { ...(write ?? rowOf(ctx, deal, kind)), customer_name: customerName, customer_stage: stageNow, updated_at: now };
    if (!record.owner) record.owner = cv.owner ?? '';
    // Created and Created by lie between Notes and Updated: written back as read, so the row is one run.
    if (target) l.tabs.deals.write(target.row, [{ ...record, created_at: target.values.created_at ?? '', created_by: target.values.created_by ?? '' }]);
    else {
      record = { ...record, created_at: now, created_by: googleEmail() };
      const added = l.tabs.deals.append([record], l.dealExtent);
      dealId = added.ids[0];
      appendedRow = added.row;
    }
    record.deal_id = dealId;
  }
  // The Deals rows as they are now (this deal's as written).
  const dealRows = target ? l.dealRows.map((r) => (r === target ? { row: r.row, values: record } : r)) : [...l.dealRows, { row: appendedRow, values: record }];

  // The customer row: the stage, since when, and the last contact up to the day won (signing is a contact).
  const update: RowRecord = {};
  // A stage typed on this customer's row and not yet noticed is recorded first (core: stageChangesFor).
  const changes = stageChangesFor(cv, stageNow, 'deal', nowMs, user.by);
  if (next) update.stage = stageNow;
  Object.assign(update, stageFields(wb, changes, stageNow, nowMs));
  if (deal.status === 'won' && before !== 'won' && deal.closedOn !== null) {
    const wonOn = new Date(midnight(ymdFromSerial(deal.closedOn), tz));
    if (!(timeOf(cv.last_contact_at) >= wonOn.getTime())) update.last_contact_at = wonOn;
  }
  if (Object.keys(update).length) {
    // Owner and last contact lie between the stage and Updated: written back as read, so the row is one run.
    const row = { owner: cv.owner ?? '', last_contact_at: cv.last_contact_at ?? '', ...update, updated_at: now };
    l.tabs.customers.write(customer.row, [row]);
    Object.assign(cv, row);
  }
  // History rows, and the stage copied onto the customer's other deals (this one carries it already).
  recordStageChanges(wb, changes, new Map([[deal.customerId, customerName]]), dealRows);

  // Values: only won deals count; rewritten only where they changed.
  const wonMoved = before === 'won' || deal.status === 'won';
  if (wonMoved) {
    const facts = dealFacts(dealRows);
    writeCustomerValues({ customers: l.tabs.customers, customerRows: l.customerRows, deals: facts }, l.tabs.surveys, tz, ctx.settings);
  }
  replanCustomers(wb, [deal.customerId]);
  return { dealId, customerId: deal.customerId, customerName, stage: stageNow, deal: viewOf(ctx, record, cv) };
}

function invalid(locale: Locale, errors: Record<string, string>): DealSaveResult {
  return { ok: false, kind: 'invalid', errors, message: t(locale, 'deal.fixFields') };
}

/** Sidebar API: adds a deal (open, won or lost). Checks every field again (untrusted input). */
export function addDeal(fields: Partial<DealFields>): DealSaveResult {
  const locale = currentLocale();
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return invalid(locale, { customerId: t(locale, 'deal.customerUnknown') });
  const wb = openWorkbook();
  const ctx = dealContext(wb, locale);
  const checked = checkFields(ctx, fields as Record<string, unknown>);
  if (!checked.ok) return invalid(locale, checked.errors);
  return withDocumentLock(() => {
    const l = load(ctx);
    if (!l.customerRows.some((r) => idOf(r.values.customer_id) === checked.deal.customerId))
      return invalid(locale, { customerId: t(locale, 'deal.customerUnknown') });
    const saved = commitDeal(ctx, l, checked.deal, checked.kind, null, null);
    return { ok: true as const, value: { ...saved, changed: true } };
  });
}

/**
 * Sidebar API: edits a deal — the fields the user changed, with the version the form opened.
 * Marking it won, lost (with the reason) or reopening it is an edit of its status. Refused with
 * the other person's change when the row moved since the form opened it.
 */
export function editDeal(dealId: string, version: string, changes: Partial<DealFields>): DealSaveResult {
  const locale = currentLocale();
  if (typeof dealId !== 'string' || !dealId.trim() || dealId.length > 40) throw new Error(t(locale, 'error.badArgument', { detail: 'dealId' }));
  const wb = openWorkbook();
  const ctx = dealContext(wb, locale);
  return withDocumentLock(() => {
    const l = load(ctx);
    const want = dealId.trim().toLowerCase();
    const target = l.dealRows.find((r) => idOf(r.values.deal_id).toLowerCase() === want);
    if (!target) return { ok: false as const, kind: 'conflict' as const, message: t(locale, 'pipeline.dealGone', { id: dealId }), deal: null };
    const customerOf = (id: string) => l.customerRows.find((r) => idOf(r.values.customer_id) === id)?.values ?? null;
    const merged = mergeDealEdit(ctx, target.values, version, changes);
    if (!merged.ok && merged.kind === 'conflict')
      return {
        ok: false as const,
        kind: 'conflict' as const,
        message: merged.message,
        deal: viewOf(ctx, target.values, customerOf(idOf(target.values.customer_id))),
      };
    if (!merged.ok) return invalid(locale, merged.errors);
    if (!customerOf(merged.deal.customerId)) return invalid(locale, { customerId: t(locale, 'deal.customerUnknown') });
    if (!merged.write) {
      const cv = customerOf(merged.deal.customerId)!;
      const view = viewOf(ctx, target.values, cv);
      return {
        ok: true as const,
        value: {
          dealId: view.dealId,
          customerId: merged.deal.customerId,
          customerName: view.customerName,
          stage: view.customerStage,
          deal: view,
          changed: false,
        },
      };
    }
    const saved = commitDeal(ctx, l, merged.deal, merged.kind, target, merged.write);
    return { ok: true as const, value: { ...saved, changed: true } };
  });
}

/** Sidebar API: a deal by ID, to open in the form. */
export function openDeal(dealId: string): DealView | null {
  const locale = currentLocale();
  if (typeof dealId !== 'string' || !dealId.trim() || dealId.length > 40) return null;
  const wb = openWorkbook();
  const ctx = dealContext(wb, locale);
  const tabs = openDealTabs(wb, locale);
  const hit = tabs.deals.lookup(dealId, DEAL_KEYS);
  if (!hit) return null;
  const customer = tabs.customers.lookup(idOf(hit.values.customer_id), ['name', 'stage'], 'customer_id');
  return viewOf(ctx, hit.values, customer?.values ?? null);
}

// ------------------------------------------------------------------ the sidebar

/** Menu action: opens the Deal sidebar in the user's language. */
export function showDealForm(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Deal');
  page.locale = locale;
  showSidebar(page.evaluate(), t(locale, 'deal.title'));
}

function options(locale: Locale, listKey: string, keys?: readonly string[]): FormOption[] {
  return getList(listKey)
    .items.filter((i) => !keys || keys.includes(i.key))
    .map((i) => ({ value: i.key, label: i.label[locale] }));
}

/** Sidebar API: today's date, the choices, and the deal or customer selected when the form opened. */
export function getDealFormData(): DealFormData {
  const locale = currentLocale();
  const wb = openWorkbook();
  const ctx = dealContext(wb, locale);
  const today = ymdString(ctx.today);
  let customer: CustomerChoice | null = null;
  let deal: DealView | null = null;
  const tab = customersTab(wb);
  const row = tab ? wb.selectedRow('customers') : 0;
  if (tab && row >= FIRST_DATA_ROW) {
    const values = tab.readRow(row);
    const id = idOf(values.customer_id);
    if (id) customer = { id, name: String(values.name ?? '') };
  }
  const dealsTab = wb.tab('deals');
  const dealRow = dealsTab ? wb.selectedRow('deals') : 0;
  if (dealsTab && dealRow >= FIRST_DATA_ROW) {
    const values = dealsTab.readRow(dealRow, DEAL_KEYS);
    if (idOf(values.deal_id)) {
      const c = tab?.lookup(idOf(values.customer_id), ['name', 'stage'], 'customer_id') ?? null;
      deal = viewOf(ctx, values, c?.values ?? null);
      customer = { id: idOf(values.customer_id), name: deal.customerName };
    }
  }
  const lists = readLists(wb, locale);
  return {
    locale,
    today,
    currency: ctx.currency,
    kinds: options(locale, 'deal_kind'),
    options: {
      scenario: options(locale, 'scenario'),
      currency: CURRENCY_CODES.map((c) => ({ value: c, label: `${c} ${CURRENCIES[c].symbol}` })),
      status: options(locale, 'deal_status'),
      lossReason: (lists.objection_type ?? []).map((v) => ({ value: v, label: labelIn(locale, 'objection_type', v) })),
      owner: ctx.team.map((m) => ({ value: m.name, label: m.name })),
    },
    customer,
    deal,
  };
}

/** A Lists value with the label a user of `locale` reads (a built-in item translated). */
function labelIn(locale: Locale, listKey: string, value: string): string {
  const key = listItemKey(listKey, value);
  const item = key ? getList(listKey).items.find((i) => i.key === key) : undefined;
  return item ? item.label[locale] : value;
}

/**
 * Sidebar API: up to 20 customers whose ID or name contains the query (case, width and spacing
 * ignored). Untrusted input: anything but a short string finds nothing.
 */
export function searchCustomersForDeal(query: string): CustomerChoice[] {
  if (typeof query !== 'string' || !query.trim() || query.length > 100) return [];
  const tab = customersTab(openWorkbook());
  if (!tab) throw new Error(t(currentLocale(), 'deal.setupFirst'));
  return findCustomers(tab, query, SEARCH_LIMIT).map((r) => ({ id: idOf(r.values.customer_id), name: String(r.values.name ?? '') }));
}

function failure(locale: Locale, errors: Partial<Record<string, { key: MessageKey; params?: Record<string, string | number> }>>): SaveResult<SavedDeal> {
  const msgs: Record<string, string> = {};
  for (const [k, p] of Object.entries(errors)) if (p) msgs[k] = t(locale, p.key, p.params);
  return { ok: false, errors: msgs, message: t(locale, 'deal.fixFields') };
}

/**
 * Sidebar API of the won-only Add deal form (kept for pages and scripts that call it): saves a
 * won deal — the same path as addDeal with status won — so the customer moves to "6 Delivery &
 * after-sales" and every customer's values refresh.
 */
export function saveDeal(input: DealFormValues): SaveResult<SavedDeal> {
  const locale = currentLocale();
  const wb = openWorkbook();
  const ctx = dealContext(wb, locale);
  const check = checkDealInput(input, ymdString(ctx.today));
  if (!check.ok) return failure(locale, check.problems);
  const d = check.value;
  const wonOn = parseIsoDate(d.won_on)!;
  const deal: DealInput = {
    customerId: d.customer_id,
    scenario: null,
    amount: d.amount,
    currency: ctx.currency,
    expectedClose: null,
    probability: null,
    status: 'won',
    closedOn: serialFromYmd(wonOn.y, wonOn.m, wonOn.d),
    lossReason: '',
    owner: '',
    expectedDelivery: null,
    deliveredOn: null,
    product: d.product,
    notes: d.notes,
  };
  return withDocumentLock(() => {
    const l = load(ctx);
    if (!l.customerRows.some((r) => idOf(r.values.customer_id) === deal.customerId)) return failure(locale, { customer_id: { key: 'deal.customerUnknown' } });
    const { deal: _view, ...saved } = commitDeal(ctx, l, deal, d.kind, null, null);
    return { ok: true as const, value: saved };
  });
}
