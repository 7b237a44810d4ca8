/**
 * The Deals tab's server side: the Add deal sidebar (open, search a customer, save) and the
 * customer values behind value tiers, gold customers and churn risk, which the script keeps on
 * each customer row (see src/core/tiers/values.ts for why they are not per-row formulas).
 *
 * Cost of one save or refresh, whatever the number of rows: the Customers, Deals, Survey and
 * Settings tabs located and read once each (one getValues), two list ranges read, the new deal
 * written in one setValues, the customer's changed cells in at most three, and the value block
 * of every customer in one setValues per run of adjacent value columns. A test checks the
 * count is the same with 10 and 20,000 customers.
 */
import { t, type Locale, type MessageKey } from '../core/i18n';
import { getList, listItemKey } from '../core/lists';
import { FIRST_DATA_ROW } from '../core/schema';
import type { SaveResult } from '../core/result';
import {
  checkDealInput,
  customerValueRecords,
  tierSettings,
  valueBoundDates,
  type DealFact,
  type SurveyFact,
  type ValueBounds,
  type Ymd,
} from '../core/tiers';
import { parseIsoDate, normalizeName } from '../core/validation/rules';
import { openTabs, readRows, reserveIds, writeRows, type ReadRow, type RowRecord, type TabHandle } from './workbook';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import type { Job, JobContext } from './dispatcher';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property: the highest deal number ever given (IDs are never reused). */
export const DEAL_SEQ_PROPERTY = 'salesdesk.seq.deal';

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

/** The offset of a time zone at an instant, in ms (one Utilities call). */
function tzOffsetMs(ms: number, tz: string): number {
  const z = Utilities.formatDate(new Date(ms), tz, 'Z'); // e.g. +0800
  const m = /^([+-])(\d{2})(\d{2})$/.exec(z);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/** The instant of midnight starting a calendar day in the spreadsheet's time zone. */
function midnight(p: Ymd, tz: string): number {
  const utc = Date.UTC(p.y, p.m - 1, p.d);
  const guess = utc - tzOffsetMs(utc, tz);
  return utc - tzOffsetMs(guess, tz);
}

function todayYmd(tz: string): Ymd {
  const s = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd');
  return parseIsoDate(s)!;
}

function ymdText(p: Ymd): string {
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

function timeOf(v: unknown): number {
  return v instanceof Date ? v.getTime() : NaN;
}

// ------------------------------------------------------------------ reading

function idOf(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

const TABS_NEEDED = ['customers', 'deals', 'survey_responses', 'settings'] as const;

interface Tabs {
  customers: TabHandle;
  deals: TabHandle;
  surveys: TabHandle | null;
  settings: TabHandle | null;
}

/**
 * The four tabs a save or refresh reads, located in one go (the layout is cached per document,
 * see workbook openTabs): a handful of calls instead of a metadata search per tab.
 */
function openDealTabs(ss: Spreadsheet, locale: Locale): Tabs {
  const tabs = openTabs(TABS_NEEDED, ss);
  const customers = tabs.get('customers');
  const deals = tabs.get('deals');
  if (!customers || !deals || !customers.columns.has('customer_id') || !deals.columns.has('customer_id')) throw new Error(t(locale, 'deal.setupFirst'));
  return { customers, deals, surveys: tabs.get('survey_responses') ?? null, settings: tabs.get('settings') ?? null };
}

/** Setting values by key from the Settings tab already opened (one getValues); blanks are left to the defaults. */
function readSettingValues(tab: TabHandle | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!tab) return out;
  for (const r of readRows(tab)) {
    const key = idOf(r.values.setting_key);
    if (key && r.values.setting_value !== '') out[key] = r.values.setting_value;
  }
  return out;
}

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

/** Built-in list labels as the workbook holds them (the language set-up wrote), by position. */
function listLabels(ss: Spreadsheet, listKey: string): unknown[] {
  const r = ss.getRangeByName(`SD_LIST_${listKey.toUpperCase()}`);
  const n = getList(listKey).items.length;
  if (!r) return [];
  return r.getValues().slice(0, n).map((row) => row[0]);
}

// ------------------------------------------------------------------ customer values

interface Snapshot {
  customers: TabHandle;
  customerRows: ReadRow[];
  deals: DealFact[];
}

/**
 * Recomputes the script-kept values of every customer row and writes them: one block, rows 2 to
 * the last customer row, only the value columns (nothing a user typed is touched). Returns the
 * number of customers.
 */
function writeCustomerValues(snap: Snapshot, surveysTab: TabHandle | null, tz: string, settings: Record<string, unknown>): number {
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
  const surveys = surveysTab ? surveyFacts(readRows(surveysTab)) : [];
  const last = snap.customerRows.length ? snap.customerRows[snap.customerRows.length - 1].row : FIRST_DATA_ROW - 1;
  if (last < FIRST_DATA_ROW) return 0;
  const ids: string[] = new Array(last - FIRST_DATA_ROW + 1).fill('');
  for (const r of snap.customerRows) ids[r.row - FIRST_DATA_ROW] = idOf(r.values.customer_id);
  const records = customerValueRecords(ids, snap.deals, surveys, bounds);
  const asOf = new Date(midnight(today, tz));
  const out: RowRecord[] = records.map((r) => (r ? { ...r, values_as_of: asOf } : Object.fromEntries(VALUE_COLUMNS.map((k) => [k, '']))));
  writeRows(snap.customers, FIRST_DATA_ROW, out);
  return records.filter((r) => r).length;
}

function refresh(ss: Spreadsheet, locale: Locale): number {
  const tabs = openDealTabs(ss, locale);
  const snap: Snapshot = { customers: tabs.customers, customerRows: readRows(tabs.customers), deals: dealFacts(readRows(tabs.deals)) };
  return writeCustomerValues(snap, tabs.surveys, ss.getSpreadsheetTimeZone(), readSettingValues(tabs.settings));
}

/**
 * Menu action "Refresh customer values": adds up every customer's deals and latest survey again
 * (after deals were typed or imported by hand, and as time moves deals out of the value window).
 * The hourly dispatcher does the same once a day (customerValuesJob).
 */
export function refreshCustomerValues(): number {
  const locale = currentLocale();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const count = withDocumentLock(() => refresh(ss, locale));
  ss.toast(t(locale, 'tiers.refreshed', { count }), t(locale, 'tiers.refreshedTitle'));
  return count;
}

/** Document property: the spreadsheet day (YYYY-MM-DD) the dispatcher last refreshed the values. */
export const VALUES_DAY_PROPERTY = 'salesdesk.values.day';

/**
 * Dispatcher job: once a day (the first hourly run of the day in the spreadsheet's time zone)
 * the values are added up again, so deals that leave the value window stop counting within a
 * day even when nobody saves a deal. The dispatcher already holds the document lock.
 */
export const customerValuesJob: Job = {
  key: 'customer-values',
  due(ctx: JobContext): boolean {
    return ctx.props.getProperty(VALUES_DAY_PROPERTY) !== Utilities.formatDate(new Date(ctx.nowMs), ctx.timeZone, 'yyyy-MM-dd');
  },
  run(ctx: JobContext): void {
    refresh(ctx.ss, currentLocale());
    ctx.props.setProperty(VALUES_DAY_PROPERTY, Utilities.formatDate(new Date(ctx.nowMs), ctx.timeZone, 'yyyy-MM-dd'));
  },
};

// ------------------------------------------------------------------ the sidebar

/** Menu action: opens the Add deal sidebar in the user's language. */
export function showDealForm(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Deal');
  page.locale = locale;
  SpreadsheetApp.getUi().showSidebar(page.evaluate().setTitle(t(locale, 'deal.title')));
}

/** Sidebar API: today's date, the deal kinds, and the customer selected on the Customers tab. */
export function getDealFormData(): DealFormData {
  const locale = currentLocale();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const today = ymdText(todayYmd(ss.getSpreadsheetTimeZone()));
  const kinds = getList('deal_kind').items.map((i) => ({ value: i.key, label: i.label[locale] }));
  let customer: CustomerChoice | null = null;
  const tab = openTabs(['customers'], ss).get('customers');
  const active = ss.getActiveSheet();
  if (tab && active.getSheetId() === tab.sheet.getSheetId()) {
    const range = active.getActiveRange();
    const row = range ? range.getRow() : 0;
    const idCol = tab.columns.get('customer_id');
    const nameCol = tab.columns.get('name');
    if (row >= FIRST_DATA_ROW && idCol && nameCol) {
      const line = tab.sheet.getRange(row, 1, 1, Math.max(idCol, nameCol)).getValues()[0];
      const id = idOf(line[idCol - 1]);
      if (id) customer = { id, name: String(line[nameCol - 1] ?? '') };
    }
  }
  return { locale, today, kinds, customer };
}

/**
 * Sidebar API: up to 20 customers whose ID or name contains the query (case, width and spacing
 * ignored). Untrusted input: anything but a short string finds nothing.
 */
export function searchCustomersForDeal(query: unknown): CustomerChoice[] {
  if (typeof query !== 'string') return [];
  const q = query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (!q || q.length > 100) return [];
  const qCompact = normalizeName(q);
  const tab = openTabs(['customers']).get('customers');
  if (!tab) throw new Error(t(currentLocale(), 'deal.setupFirst'));
  const out: CustomerChoice[] = [];
  for (const r of readRows(tab)) {
    const id = idOf(r.values.customer_id);
    if (!id) continue;
    const name = String(r.values.name ?? '');
    const hay = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
    if (id.toLowerCase().includes(q) || hay.includes(q) || (qCompact && normalizeName(name).includes(qCompact))) {
      out.push({ id, name });
      if (out.length >= SEARCH_LIMIT) break;
    }
  }
  return out;
}

function activeEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch (_e) {
    return '';
  }
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
export function saveDeal(input: unknown): SaveResult<SavedDeal> {
  const locale = currentLocale();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tz = ss.getSpreadsheetTimeZone();
  const today = todayYmd(tz);
  const check = checkDealInput(input, ymdText(today));
  if (!check.ok) return failure(locale, check.problems);
  const deal = check.value;

  return withDocumentLock(() => {
    const tabs = openDealTabs(ss, locale);
    const customers = tabs.customers;
    const dealsTab = tabs.deals;
    const customerRows = readRows(customers);
    const customer = customerRows.find((r) => idOf(r.values.customer_id) === deal.customer_id);
    if (!customer) return failure(locale, { customer_id: { key: 'deal.customerUnknown' } });
    const dealRows = readRows(dealsTab);

    // A unique ID: the document's counter and the highest number on the tab, under the lock.
    const reserved = reserveIds('D', DEAL_SEQ_PROPERTY, dealRows.map((r) => r.values.deal_id), 1);
    reserved.commit();
    const dealId = reserved.ids[0];

    const wonYmd = parseIsoDate(deal.won_on)!;
    const wonOn = new Date(midnight(wonYmd, tz));
    const now = new Date();
    const kindLabels = listLabels(ss, 'deal_kind');
    const kindIndex = getList('deal_kind').items.findIndex((i) => i.key === deal.kind);
    const kindLabel = kindLabels[kindIndex] || getList('deal_kind').items[kindIndex].label[locale];
    const customerName = String(customer.values.name ?? '');
    const record: RowRecord = {
      deal_id: dealId,
      customer_id: deal.customer_id,
      customer_name: customerName,
      amount: deal.amount,
      won_on: wonOn,
      product: deal.product,
      kind: kindLabel,
      delivered_on: '',
      owner: customer.values.owner ?? '',
      notes: deal.notes,
      created_at: now,
      created_by: activeEmail(),
      updated_at: now,
    };
    const nextRow = dealRows.length ? dealRows[dealRows.length - 1].row + 1 : FIRST_DATA_ROW;
    writeRows(dealsTab, nextRow, [record]);

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
    const stageLabels = listLabels(ss, 'stage');
    const deliveryIndex = getList('stage').items.findIndex((i) => i.key === 'delivery');
    const deliveryLabel = stageLabels[deliveryIndex] || getList('stage').items[deliveryIndex].label[locale];
    const update: RowRecord = { updated_at: now };
    if (latest && listItemKey('stage', customer.values.stage) !== 'delivery') update.stage = deliveryLabel;
    const lastContact = timeOf(customer.values.last_contact_at);
    if (!(lastContact >= wonOn.getTime())) update.last_contact_at = wonOn;
    writeRows(customers, customer.row, [update]);
    const stageNow = String(update.stage ?? customer.values.stage ?? '');
    customer.values = { ...customer.values, ...update };

    const facts = [...dealFacts(dealRows), { customerId: deal.customer_id, amount: deal.amount, wonOn: wonOn.getTime() }];
    writeCustomerValues({ customers, customerRows, deals: facts }, tabs.surveys, tz, readSettingValues(tabs.settings));
    return {
      ok: true as const,
      value: { dealId, customerId: deal.customer_id, customerName, stage: stageNow },
    };
  });
}
