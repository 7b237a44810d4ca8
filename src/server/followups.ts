/**
 * The Log follow-up sidebar's server side, and `scheduleFollowUp` for other features (issue 7's
 * objection next steps). Business rules are in src/core/cadence and src/core/followups; this
 * file reads what they need and writes what they decide.
 *
 * Cost of logging a follow-up: a fixed number of Apps Script calls whatever the size of the
 * Follow-ups log or the register (test/integration/followups.test.ts counts them):
 * - the log is never read to append: a document property remembers the next free row and the
 *   last ID given; one read of a small window of ID cells around it checks that nobody wrote
 *   below (a manual row, an import). Only when that check fails does it read the ID column once.
 * - the customer's row comes from the search (a hint the save verifies with a one-row read);
 *   only a stale hint costs one read of the ID column.
 * - writes: one setValues per run of adjacent columns, on the rows written only.
 */
import { t, type Locale } from '../core/i18n';
import { fieldFailure, type SaveResult } from '../core/result';
import { FIRST_DATA_ROW } from '../core/schema';
import { getList, listItemKey, listLabel } from '../core/lists';
import {
  cadenceSettings,
  instantOfSerial,
  isoDayOfSerial,
  planAfterContact,
  RULE_KEYS,
  serialAt,
  serialOfIsoDay,
  type PlannedContact,
  type RuleKey,
  type ScenarioKey,
} from '../core/cadence';
import type { IntentionKey, StageKey } from '../core/tiers/rules';
import { checkFollowup, commitmentsText, LIMITS, type FollowupInput } from '../core/followups';
import type { TeamMember } from '../core/customers/team';
import { openTabs, readColumns, readSettings, writeRows, type RowRecord, type TabHandle } from './workbook';
import { readListValues, readTeam } from './customers-store';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import { activeUserEmail, resolveMe } from './identity';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ------------------------------------------------------------------ rows without reading the log

/** Document property: where the next follow-up row goes and the last number given (F-000123). */
export const APPEND_HINT_PROPERTY = 'salesdesk.followups.append';
/** How many rows around the hint one read checks (rows added by hand since the last save). */
const HINT_WINDOW = 64;
const ID_PREFIX = 'F';

interface AppendHint {
  row: number;
  seq: number;
}

function docProps(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch (_e) {
    return null;
  }
}

function idNumber(v: unknown): number {
  const m = /^F-(\d+)$/.exec(String(v ?? '').trim());
  return m ? parseInt(m[1], 10) : 0;
}

function formatId(n: number): string {
  return `${ID_PREFIX}-${String(n).padStart(6, '0')}`;
}

function blank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

/**
 * Claims `count` consecutive free rows at the end of the Follow-ups log and as many new IDs.
 * The caller holds the document lock and writes the rows before releasing it.
 */
function claimRows(tab: TabHandle, count: number): { row: number; ids: string[] } {
  const idCol = tab.columns.get('followup_id')!;
  const custCol = tab.columns.get('customer_id') ?? idCol;
  const from = Math.min(idCol, custCol);
  const width = Math.abs(custCol - idCol) + 1;
  const props = docProps();
  let hint: AppendHint | null = null;
  try {
    hint = JSON.parse(props?.getProperty(APPEND_HINT_PROPERTY) ?? 'null') as AppendHint | null;
  } catch (_e) {
    hint = null;
  }
  const filled = (line: unknown[]) => !blank(line[idCol - from]) || !blank(line[custCol - from]);
  let next = 0;
  let seq = 0;
  const maxRows = tab.sheet.getMaxRows();
  if (hint && Number.isInteger(hint.row) && hint.row >= FIRST_DATA_ROW && Number.isInteger(hint.seq) && hint.row <= maxRows + 1) {
    const start = Math.max(FIRST_DATA_ROW, hint.row - 1);
    const rows = Math.min(HINT_WINDOW, maxRows - start + 1);
    const grid = rows > 0 ? tab.sheet.getRange(start, from, rows, width).getValues() : [];
    const anchorOk = hint.row === FIRST_DATA_ROW || (grid.length > 0 && filled(grid[0]));
    let last = -1;
    grid.forEach((line, i) => {
      if (filled(line)) last = i;
      seq = Math.max(seq, idNumber(line[idCol - from]));
    });
    const full = grid.length === HINT_WINDOW && last === grid.length - 1;
    if (anchorOk && !full) {
      next = last >= 0 ? start + last + 1 : start;
      if (hint.row === FIRST_DATA_ROW && last < 0) next = FIRST_DATA_ROW;
      seq = Math.max(seq, hint.seq);
    }
  }
  if (!next) {
    // The hint is missing or stale: one read of the ID columns finds the end and the last ID.
    seq = 0;
    const lastRow = tab.sheet.getLastRow();
    let last = FIRST_DATA_ROW - 1;
    if (lastRow >= FIRST_DATA_ROW) {
      const grid = tab.sheet.getRange(FIRST_DATA_ROW, from, lastRow - FIRST_DATA_ROW + 1, width).getValues();
      grid.forEach((line, i) => {
        if (filled(line)) last = FIRST_DATA_ROW + i;
        seq = Math.max(seq, idNumber(line[idCol - from]));
      });
    }
    next = last + 1;
  }
  const ids = Array.from({ length: count }, (_, i) => formatId(seq + 1 + i));
  props?.setProperty(APPEND_HINT_PROPERTY, JSON.stringify({ row: next + count, seq: seq + count } satisfies AppendHint));
  return { row: next, ids };
}

/**
 * Finds a row by its ID: the hinted row first (one read of that row), else one read of the ID
 * column. Returns the row's values by key, or null.
 */
function locateRow(tab: TabHandle, idKey: string, id: string, hint: number | undefined): { row: number; values: RowRecord } | null {
  const idCol = tab.columns.get(idKey);
  if (!idCol) return null;
  const want = id.trim().toLowerCase();
  const lastCol = Math.max(...tab.columns.values());
  const readRow = (row: number): RowRecord => {
    const line = tab.sheet.getRange(row, 1, 1, lastCol).getValues()[0];
    const out: RowRecord = {};
    for (const [k, c] of tab.columns) out[k] = line[c - 1];
    return out;
  };
  const maxRows = tab.sheet.getMaxRows();
  if (hint && hint >= FIRST_DATA_ROW && hint <= maxRows) {
    const values = readRow(hint);
    if (String(values[idKey] ?? '').trim().toLowerCase() === want) return { row: hint, values };
  }
  const lastRow = tab.sheet.getLastRow();
  if (lastRow < FIRST_DATA_ROW) return null;
  const ids = tab.sheet.getRange(FIRST_DATA_ROW, idCol, lastRow - FIRST_DATA_ROW + 1, 1).getValues();
  const i = ids.findIndex((r) => String(r[0] ?? '').trim().toLowerCase() === want);
  if (i < 0) return null;
  return { row: FIRST_DATA_ROW + i, values: readRow(FIRST_DATA_ROW + i) };
}

// ------------------------------------------------------------------ small helpers

/** The workbook's language, from how its lists are spelled (labels are written in it). */
function workbookLocale(values: readonly string[], listKey: string): Locale {
  const zh = getList(listKey).items.map((i) => i.label.zh);
  return values.some((v) => zh.includes(v)) ? 'zh' : 'en';
}

/** A built-in list item as the workbook spells it (its position in the Lists column). */
function labelIn(values: readonly string[], listKey: string, itemKey: string): string {
  const idx = getList(listKey).items.findIndex((i) => i.key === itemKey);
  const v = values[idx];
  if (v && listItemKey(listKey, v) === itemKey) return v;
  return listLabel(listKey, itemKey, workbookLocale(values, listKey));
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function asDate(v: unknown): Date | null {
  if (v && typeof v === 'object' && typeof (v as Date).getTime === 'function') {
    const ms = (v as Date).getTime();
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

function dateAt(serial: number, tz: string): Date {
  return new Date(instantOfSerial(serial, tz));
}

function meOf(team: readonly TeamMember[]): { name: string; by: string } {
  const me = resolveMe(team);
  return { name: me ? me.name : '', by: me ? me.name : activeUserEmail() };
}

// ------------------------------------------------------------------ sidebar

/** Menu action (and Today's "done"): the Log follow-up sidebar, optionally completing a planned follow-up. */
export function showFollowupForm(ref?: unknown): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Followup');
  page.locale = locale;
  const r = (ref && typeof ref === 'object' ? ref : {}) as Record<string, unknown>;
  page.followupId = typeof r.followupId === 'string' ? r.followupId.slice(0, LIMITS.id) : '';
  page.followupRow = typeof r.followupRow === 'number' && Number.isInteger(r.followupRow) ? String(r.followupRow) : '';
  page.customerId = typeof r.customerId === 'string' ? r.customerId.slice(0, LIMITS.id) : '';
  SpreadsheetApp.getUi().showSidebar(page.evaluate().setTitle(t(locale, 'followup.title')));
}

export interface FollowupCustomer {
  id: string;
  row: number;
  name: string;
  contact: string;
  phone: string;
  stage: string;
  intention: string;
  scenario: string;
  owner: string;
}

export interface PlannedRef {
  id: string;
  row: number;
  day: string;
  purpose: string;
  channel: string;
  nextStep: string;
}

export interface FollowupFormData {
  locale: Locale;
  setUp: boolean;
  timeZone: string;
  now: string;
  channels: string[];
  purposes: string[];
  stages: string[];
  intentions: string[];
  me: string;
  /** Cadence settings, so the form can show the date the save will plan (the server decides). */
  settings: Record<string, number | boolean | string>;
  customer: FollowupCustomer | null;
  planned: PlannedRef | null;
}

const CUSTOMER_KEYS = ['customer_id', 'name', 'contact_name', 'phone', 'email', 'stage', 'intention_level', 'scenario', 'owner'] as const;

function customerHit(row: number, v: RowRecord): FollowupCustomer {
  return {
    id: text(v.customer_id),
    row,
    name: text(v.name),
    contact: text(v.contact_name),
    phone: text(v.phone),
    stage: text(v.stage),
    intention: text(v.intention_level),
    scenario: text(v.scenario),
    owner: text(v.owner),
  };
}

/** Sidebar API: what the form needs, in one round trip. `ref` pre-fills a planned follow-up or a customer. */
export function getFollowupFormData(ref?: unknown): FollowupFormData {
  const locale = currentLocale();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = openTabs(['customers', 'followups', 'settings', 'lists'], ss);
  const lists = readListValues(tabs, locale);
  const team = readTeam(tabs);
  const setUp = tabs.has('customers') && tabs.has('followups');
  const data: FollowupFormData = {
    locale,
    setUp,
    timeZone: ss.getSpreadsheetTimeZone(),
    now: new Date().toISOString(),
    channels: [...(lists.channel ?? [])],
    purposes: [...(lists.purpose ?? [])],
    stages: [...(lists.stage ?? [])],
    intentions: [...(lists.intention ?? [])],
    me: meOf(team).name,
    settings: readSettings(tabs.get('settings') ?? null),
    customer: null,
    planned: null,
  };
  if (!setUp) return data;
  const r = (ref && typeof ref === 'object' ? ref : {}) as Record<string, unknown>;
  const rowHint = typeof r.followupRow === 'number' ? r.followupRow : typeof r.followupRow === 'string' ? parseInt(r.followupRow, 10) : undefined;
  let customerId = typeof r.customerId === 'string' ? r.customerId.trim().slice(0, LIMITS.id) : '';
  if (typeof r.followupId === 'string' && r.followupId.trim()) {
    const f = locateRow(tabs.get('followups')!, 'followup_id', r.followupId.trim().slice(0, LIMITS.id), Number.isInteger(rowHint) ? rowHint : undefined);
    if (f && blank(f.values.done_at) && f.values.cancelled !== true) {
      const planned = asDate(f.values.planned_at);
      data.planned = {
        id: text(f.values.followup_id),
        row: f.row,
        day: planned ? isoDayOfSerial(serialAt(planned.getTime(), data.timeZone)) : '',
        purpose: text(f.values.purpose),
        channel: text(f.values.channel),
        nextStep: text(f.values.next_step),
      };
      customerId = text(f.values.customer_id);
    }
  }
  if (customerId) {
    const c = locateRow(tabs.get('customers')!, 'customer_id', customerId, undefined);
    if (c) data.customer = customerHit(c.row, c.values);
  }
  return data;
}

function digits(s: string): string {
  return s.replace(/[^0-9]/g, '');
}

/**
 * Sidebar API: customers matching a query by name (company), contact, phone, e-mail or ID, in
 * either script, at most 10. One read of the identifying columns; only the hits go back.
 */
export function searchFollowupCustomers(query: unknown): FollowupCustomer[] {
  const locale = currentLocale();
  if (typeof query !== 'string' || query.length > LIMITS.search) throw new Error(t(locale, 'error.badArgument', { detail: 'query' }));
  const q = query.normalize('NFKC').trim().toLowerCase();
  if (!q) return [];
  const tabs = openTabs(['customers']);
  const tab = tabs.get('customers');
  if (!tab) return [];
  const rows = readColumns(tab, CUSTOMER_KEYS);
  const qDigits = digits(q);
  const out: FollowupCustomer[] = [];
  const exact: FollowupCustomer[] = [];
  for (let i = 0; i < rows.length && out.length < 50; i++) {
    const v = rows[i];
    const id = text(v.customer_id);
    if (!id) continue;
    const hay = [id, text(v.name), text(v.contact_name), text(v.email)].map((s) => s.normalize('NFKC').toLowerCase());
    const phoneHit = qDigits.length >= 3 && digits(text(v.phone)).includes(qDigits);
    if (!hay.some((h) => h.includes(q)) && !phoneHit) continue;
    const hit = customerHit(FIRST_DATA_ROW + i, v);
    if (id.toLowerCase() === q || hit.name.toLowerCase() === q) exact.push(hit);
    else out.push(hit);
  }
  return [...exact, ...out].slice(0, 10);
}

// ------------------------------------------------------------------ saving

export interface LoggedFollowup {
  id: string;
  /** The next follow-up planned, or null. */
  next: { id: string; day: string; rule: RuleKey; ruleLabel: string } | null;
  /** A second planned follow-up (the survey after entering delivery), if any. */
  also: { id: string; day: string; rule: RuleKey }[];
}

const STAGES: readonly StageKey[] = ['reach', 'needs', 'solution', 'objections', 'negotiation', 'delivery', 'won', 'lost', 'on_hold'];

function stageKey(v: unknown): StageKey | null {
  const k = listItemKey('stage', v);
  return k && (STAGES as readonly string[]).includes(k) ? (k as StageKey) : null;
}

function intentionKey(v: unknown): IntentionKey {
  const k = listItemKey('intention', v);
  return k === 'high' || k === 'medium' ? k : 'low';
}

function scenarioKey(v: unknown): ScenarioKey | null {
  const k = listItemKey('scenario', v);
  return k === 'new' || k === 'repurchase' || k === 'key_account' ? k : null;
}

/**
 * Sidebar API: records a contact (done) and plans the next follow-up from the cadence in
 * Settings (or the date the rep chose), updates the customer's last contact (and stage /
 * intention if they changed), all under the document lock.
 */
export function logFollowUp(raw: unknown): SaveResult<LoggedFollowup> {
  const locale = currentLocale();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = openTabs(['customers', 'followups', 'settings', 'lists'], ss);
  const customers = tabs.get('customers');
  const log = tabs.get('followups');
  if (!customers || !log || !log.columns.has('followup_id') || !customers.columns.has('customer_id')) {
    return fieldFailure({}, t(locale, 'followup.error.notSetUp'));
  }
  const lists = readListValues(tabs, locale);
  const timeZone = ss.getSpreadsheetTimeZone();
  const nowMs = Date.now();
  const checked = checkFollowup(raw, {
    locale,
    channels: lists.channel ?? [],
    purposes: lists.purpose ?? [],
    stages: lists.stage ?? [],
    intentions: lists.intention ?? [],
    nowMs,
    timeZone,
  });
  if (!checked.ok) return fieldFailure(checked.errors, t(locale, 'followup.fixErrors'));
  const input = checked.value;
  const team = readTeam(tabs);
  const me = meOf(team);
  const settings = cadenceSettings(readSettings(tabs.get('settings') ?? null));

  return withDocumentLock(() => {
    const customer = locateRow(customers, 'customer_id', input.customerId, input.customerRow);
    if (!customer) return fieldFailure<LoggedFollowup>({ customerId: t(locale, 'followup.error.customerGone') }, t(locale, 'followup.fixErrors'));
    let planned: { row: number; values: RowRecord } | null = null;
    if (input.followupId) {
      planned = locateRow(log, 'followup_id', input.followupId, input.followupRow);
      if (!planned || !blank(planned.values.done_at) || planned.values.cancelled === true || text(planned.values.customer_id).toLowerCase() !== text(customer.values.customer_id).toLowerCase()) {
        return fieldFailure<LoggedFollowup>({ customerId: t(locale, 'followup.error.followupGone') }, t(locale, 'followup.fixErrors'));
      }
    }
    const now = new Date(nowMs);
    const doneAt = new Date(input.doneMs);
    const cv = customer.values;
    const customerId = text(cv.customer_id);
    const customerName = text(cv.name);
    const owner = text(cv.owner) || me.name;
    const stageBefore = stageKey(cv.stage);
    const stageAfter = input.stage ? stageKey(input.stage) : stageBefore;
    const intentionAfter = input.intention ? intentionKey(input.intention) : intentionKey(cv.intention_level);
    const plans = plansFor(input, {
      stage: stageAfter,
      intention: intentionAfter,
      scenario: scenarioKey(cv.scenario),
      at: serialAt(input.doneMs, timeZone),
      enteredDelivery: stageAfter === 'delivery' && stageBefore !== 'delivery',
    }, settings);

    const shared = {
      customer_id: customerId,
      customer_name: customerName,
    };
    const doneRecord: RowRecord = {
      ...shared,
      owner: planned ? text(planned.values.owner) || me.name || owner : me.name || owner,
      channel: input.channel,
      purpose: input.purpose,
      done_at: doneAt,
      summary: input.summary,
      commitments: commitmentsText(input.commitments, locale),
      next_step: input.nextStep,
      stage_after: input.stage,
      intention_after: input.intention,
      updated_at: now,
    };
    const purposeValues = lists.purpose ?? [];
    const newRows: RowRecord[] = plans.map((p) => ({
      ...shared,
      owner,
      purpose: labelIn(purposeValues, 'purpose', p.purpose),
      planned_at: dateAt(p.due, timeZone),
      next_step: p.rule === 'survey' ? '' : input.nextStep,
      rule: p.rule,
      created_at: now,
      created_by: me.by,
      updated_at: now,
    }));
    let doneId: string;
    if (planned) {
      doneId = text(planned.values.followup_id);
      writeRows(log, planned.row, [doneRecord]);
    } else {
      newRows.unshift({ ...doneRecord, rule: 'manual', created_at: now, created_by: me.by });
    }
    const claimed = newRows.length ? claimRows(log, newRows.length) : { row: 0, ids: [] };
    newRows.forEach((r, i) => (r.followup_id = claimed.ids[i]));
    if (newRows.length) writeRows(log, claimed.row, newRows);
    if (!planned) doneId = claimed.ids[0];

    // The customer row: last contact, and stage / intention when the rep changed them.
    const update: RowRecord = { last_contact_at: doneAt, updated_at: now };
    if (input.stage) update.stage = input.stage;
    if (input.intention) {
      const k = intentionKey(input.intention);
      update.need_confirmed = k !== 'low';
      update.budget_confirmed = k === 'high';
    }
    const previous = asDate(cv.last_contact_at);
    if (previous && previous.getTime() > doneAt.getTime()) delete update.last_contact_at; // an older contact logged late
    writeRows(customers, customer.row, [update]);

    const plannedIds = newRows.slice(planned ? 0 : 1).map((r, i) => ({ id: String(r.followup_id), day: isoDayOfSerial(plans[i].due), rule: plans[i].rule }));
    const first = plannedIds[0];
    return {
      ok: true as const,
      value: {
        id: doneId!,
        next: first ? { ...first, ruleLabel: t(locale, `followup.rule.${first.rule}` as 'followup.rule.high') } : null,
        also: plannedIds.slice(1),
      },
    };
  });
}

/** The cadence's plans, with the rep's date (if any) replacing the first one's. */
function plansFor(input: FollowupInput, facts: Parameters<typeof planAfterContact>[0], settings: ReturnType<typeof cadenceSettings>): PlannedContact[] {
  if (input.noNext) return [];
  const plans = planAfterContact(facts, settings);
  if (!input.nextDate) return plans;
  const day = serialOfIsoDay(input.nextDate)!;
  const first = plans[0];
  if (first && Math.floor(first.due) === day) return plans;
  const purpose = first ? first.purpose : 'return_visit';
  return [{ due: day, rule: 'manual', purpose }, ...plans.slice(1)];
}

// ------------------------------------------------------------------ for other features

/** What another feature asks to plan (issue 7: an objection's next step). */
export interface FollowUpRecord {
  customerId: string;
  /** Copied to the row; read from Customers when left out. */
  customerName?: string;
  /** Team member's name. */
  owner: string;
  /** When it is due: a Date, an ISO instant, or 'YYYY-MM-DD' (midnight, spreadsheet zone). */
  plannedAt: Date | string;
  /** A purpose item key ('objection', 'return_visit', …) or a label of the Lists tab. */
  purpose?: string;
  channel?: string;
  /** Why it was planned; default 'objection'. */
  rule?: RuleKey;
  nextStep?: string;
  summary?: string;
}

/**
 * Plans one follow-up (a row on Follow-ups with a planned date) and returns its ID. Internal:
 * not a menu item and not exported from entry.ts, so pages cannot call it. The CALLER HOLDS
 * the document lock (withDocumentLock), as saveObjection does; the cost is the same fixed
 * handful of calls as a logged follow-up, whatever the size of the log.
 */
export function scheduleFollowUp(record: FollowUpRecord, ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): string {
  const locale = currentLocale();
  const customerId = text(record?.customerId);
  const owner = text(record?.owner);
  const tz = ss.getSpreadsheetTimeZone();
  let when: Date | null = null;
  if (record?.plannedAt instanceof Date || asDate(record?.plannedAt)) when = asDate(record.plannedAt);
  else if (typeof record?.plannedAt === 'string') {
    const day = serialOfIsoDay(record.plannedAt);
    if (day !== null) when = dateAt(day, tz);
    else if (/^\d{4}-\d{2}-\d{2}T/.test(record.plannedAt) && !Number.isNaN(Date.parse(record.plannedAt))) when = new Date(record.plannedAt);
  }
  if (!customerId || !owner || !when) throw new Error(t(locale, 'followup.error.record'));
  const tabs = openTabs(['followups', 'lists', ...(record.customerName === undefined ? ['customers'] : [])], ss);
  const log = tabs.get('followups');
  if (!log || !log.columns.has('followup_id')) throw new Error(t(locale, 'followup.error.notSetUp'));
  let name = record.customerName;
  if (name === undefined) {
    const c = tabs.get('customers') ? locateRow(tabs.get('customers')!, 'customer_id', customerId, undefined) : null;
    name = c ? text(c.values.name) : '';
  }
  const lists = readListValues(tabs, locale);
  const purposeKey = record.purpose ? (getList('purpose').items.some((i) => i.key === record.purpose) ? record.purpose : listItemKey('purpose', record.purpose)) : 'objection';
  const purpose = purposeKey ? labelIn(lists.purpose ?? [], 'purpose', purposeKey) : text(record.purpose);
  const rule: RuleKey = record.rule && (RULE_KEYS as readonly string[]).includes(record.rule) ? record.rule : 'objection';
  const now = new Date();
  const claimed = claimRows(log, 1);
  writeRows(log, claimed.row, [
    {
      followup_id: claimed.ids[0],
      customer_id: customerId,
      customer_name: name,
      owner,
      channel: text(record.channel),
      purpose,
      planned_at: when,
      summary: text(record.summary).slice(0, LIMITS.summary),
      next_step: text(record.nextStep).slice(0, LIMITS.nextStep),
      rule,
      created_at: now,
      created_by: owner,
      updated_at: now,
    },
  ]);
  return claimed.ids[0];
}

/**
 * scheduleFollowUp under its own document lock, for server code that does not hold it. The
 * name ends in "_", so google.script.run cannot call it from a page (private functions).
 */
export function scheduleFollowUp_(record: FollowUpRecord): string {
  return withDocumentLock(() => scheduleFollowUp(record));
}
