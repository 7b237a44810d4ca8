/**
 * The Deals tab's server side: the Add deal sidebar (open, search a customer, save) and the
 * customer values behind value tiers, gold customers and churn risk, which the script keeps on
 * each customer row (see src/core/tiers/values.ts for why they are not per-row formulas).
 *
 * Cost of one save or refresh, whatever the number of rows: the Customers, Deals and Survey
 * columns it needs read once each (one read from the header row), Settings and Lists once, the new
 * deal appended, the customer's changed cells in at most three writes, and the value block of every
 * customer in one setValues per run of adjacent value columns (test/integration/budgets.test.ts).
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
import { isoDay, todaySerial, zonedMidnight } from '../core/cadence';
import { parseIsoDate } from '../core/validation/rules';
import {
  customersTab,
  findCustomers,
  googleEmail,
  listColumns,
  openWorkbook,
  readSettings,
  type ReadRow,
  type RowRecord,
  type Tab,
  type Workbook,
} from './records';
import { withDocumentLock } from './lock';
import { replanCustomers } from './plans';
import { currentLocale } from './locale';
import { showSidebar, toast } from './host';
import type { Job, JobContext } from './dispatcher';

/** The columns the script keeps on each customer row. */
export const VALUE_COLUMNS = ['value_window', 'value_prev_window', 'value_share_ahead', 'value_last_year', 'last_score', 'values_as_of'] as const;

const SEARCH_LIMIT = 20;

export interface CustomerChoice {
  id: string;
  name: string;
}

/** What the Add deal form needs, as it crosses google.script.run (dates as YYYY-MM-DD). */
export interface DealFormData {
  locale: Locale;
  today: string;
  kinds: { value: string; label: string }[];
  /** The customer selected on the Customers tab when the form opened, if any. */
  customer: CustomerChoice | null;
}

export interface SavedDeal {
  dealId: string;
  customerId: string;
  customerName: string;
  stage: string;
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

function dealFacts(rows: readonly ReadRow[]): DealFact[] {
  return rows.map((r) => ({
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
 * Recomputes the script-kept values of every customer row and writes them: one block, rows 2 to
 * the last customer row, only the value columns (nothing a user typed is touched). Returns the
 * number of customers.
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
  snap.customers.write(FIRST_DATA_ROW, out);
  return records.filter((r) => r).length;
}

function refresh(wb: Workbook, locale: Locale): number {
  const tabs = openDealTabs(wb, locale);
  const snap: Snapshot = {
    customers: tabs.customers,
    customerRows: tabs.customers.readAll(['customer_id']).rows,
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

// ------------------------------------------------------------------ the sidebar

/** Menu action: opens the Add deal sidebar in the user's language. */
export function showDealForm(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Deal');
  page.locale = locale;
  showSidebar(page.evaluate(), t(locale, 'deal.title'));
}

/** Sidebar API: today's date, the deal kinds, and the customer selected on the Customers tab. */
export function getDealFormData(): DealFormData {
  const locale = currentLocale();
  const wb = openWorkbook();
  const today = ymdString(todayYmd(wb.timeZone()));
  const kinds = getList('deal_kind').items.map((i) => ({ value: i.key, label: i.label[locale] }));
  let customer: CustomerChoice | null = null;
  const tab = customersTab(wb);
  const row = tab ? wb.selectedRow('customers') : 0;
  if (tab && row >= FIRST_DATA_ROW) {
    const values = tab.readRow(row);
    const id = idOf(values.customer_id);
    if (id) customer = { id, name: String(values.name ?? '') };
  }
  return { locale, today, kinds, customer };
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
 * Sidebar API: saves a won deal. Checks the input again (the page already did), appends the
 * deal, moves the customer to "6 Delivery & after-sales" and refreshes every customer's values.
 */
export function saveDeal(input: DealFormValues): SaveResult<SavedDeal> {
  const locale = currentLocale();
  const wb = openWorkbook();
  const tz = wb.timeZone();
  const today = todayYmd(tz);
  const check = checkDealInput(input, ymdString(today));
  if (!check.ok) return failure(locale, check.problems);
  const deal = check.value;

  return withDocumentLock(() => {
    const tabs = openDealTabs(wb, locale);
    const customers = tabs.customers;
    const dealsTab = tabs.deals;
    const customerRows = customers.readAll(CUSTOMER_KEYS).rows;
    const customer = customerRows.find((r) => idOf(r.values.customer_id) === deal.customer_id);
    if (!customer) return failure(locale, { customer_id: { key: 'deal.customerUnknown' } });
    const dealRead = dealsTab.readAll(DEAL_KEYS);
    const dealRows = dealRead.rows;

    const wonYmd = parseIsoDate(deal.won_on)!;
    const wonOn = new Date(midnight(wonYmd, tz));
    const now = new Date();
    const customerName = String(customer.values.name ?? '');
    const record: RowRecord = {
      customer_id: deal.customer_id,
      customer_name: customerName,
      amount: deal.amount,
      won_on: wonOn,
      product: deal.product,
      kind: labelOf(wb, 'deal_kind', deal.kind),
      delivered_on: '',
      owner: customer.values.owner ?? '',
      notes: deal.notes,
      created_at: now,
      created_by: googleEmail(),
      updated_at: now,
    };
    // A unique ID: the document's counter and the highest number on the tab, under the lock.
    const dealId = dealsTab.append([record], dealRead.extent).ids[0];

    /*
     * Stage: a won deal moves the customer to "6 Delivery & after-sales", not to "Won". The
     * contract is signed (stage 5 is over), and what the seed asks next belongs to stage 6: the
     * delivery, a return call within SD_RETURN_CALL_DAYS and the satisfaction survey a month
     * after delivery (seed 002 S6.2). "Won" is where a rep puts the customer once after-sales is
     * done; a repurchase or upsell goes through delivery again. A deal typed in later for an
     * earlier date (another deal of the customer is more recent) leaves the stage alone.
     * Signing is a contact: the last contact moves up to the day won, so the return call is due
     * SD_RETURN_CALL_DAYS after it.
     */
    const mine = dealFacts(dealRows).filter((f) => f.customerId === deal.customer_id && Number.isFinite(f.wonOn));
    const latest = mine.every((f) => f.wonOn <= wonOn.getTime());
    const update: RowRecord = { updated_at: now };
    if (latest && listItemKey('stage', customer.values.stage) !== 'delivery') update.stage = labelOf(wb, 'stage', 'delivery');
    const lastContact = timeOf(customer.values.last_contact_at);
    if (!(lastContact >= wonOn.getTime())) update.last_contact_at = wonOn;
    customers.write(customer.row, [update]);
    const stageNow = String(update.stage ?? customer.values.stage ?? '');
    customer.values = { ...customer.values, ...update };

    const facts = [...dealFacts(dealRows), { customerId: deal.customer_id, amount: deal.amount, wonOn: wonOn.getTime() }];
    writeCustomerValues({ customers, customerRows, deals: facts }, tabs.surveys, tz, readSettings(wb));
    replanCustomers(wb, [deal.customer_id], { rows: new Map([[deal.customer_id, customer.row]]) });
    return {
      ok: true as const,
      value: { dealId, customerId: deal.customer_id, customerName, stage: stageNow },
    };
  });
}
