/**
 * The Log follow-up sidebar's server side, and `scheduleFollowUp` for other features (issue 7's
 * objection next steps). Business rules are in src/core/cadence and src/core/followups; this
 * file reads what they need through the records layer and writes what they decide.
 *
 * Cost of logging a follow-up: a fixed number of Apps Script calls whatever the size of the
 * Follow-ups log or the register (test/integration/budgets.test.ts):
 * - the log is never read to append: a document property remembers where the next row goes and
 *   the last ID given, and one read of a small window of the key columns around it sees rows
 *   added or deleted by hand since (records/tab.ts, append);
 * - the customer's row comes from the search (a hint the save verifies with a one-row read);
 *   only a stale hint costs one read of the ID column;
 * - writes: one setValues per run of adjacent columns, on the rows written only.
 */
import { t, type Locale } from '../core/i18n';
import { fieldFailure, type SaveResult } from '../core/result';
import { getList, listItemKey, workbookLabel } from '../core/lists';
import {
  cadenceSettings,
  instantOfSerial,
  isoDayOfSerial,
  planAfterContact,
  RULE_KEYS,
  scenarioKeyOf,
  serialAt,
  serialOfIsoDay,
  type RuleKey,
} from '../core/cadence';
import { confirmationsFor, intentionKeyOf, intentionOf } from '../core/customers/intention';
import { stageKeyOf } from '../core/customers/stage';
import { recordStageChanges, stageChangesFor, stageFields } from './stage-history';
import { checkFollowup, commitmentsText, LIMITS, type FollowupFormRef, type FollowupInput } from '../core/followups';
import {
  currentUser,
  customersTab,
  findCustomers,
  listColumns,
  openWorkbook,
  readLists,
  readSettings,
  type ReadRow,
  type RowRecord,
  type Workbook,
} from './records';
import { withDocumentLock } from './lock';
import { replanCustomers } from './plans';
import { currentLocale } from './locale';
import { showSidebar } from './host';

// ------------------------------------------------------------------ small helpers

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

function blank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

/** A purpose as this workbook's Purpose list spells it. */
function purposeLabel(wb: Workbook, itemKey: string): string {
  return workbookLabel(listColumns(wb).purpose ?? [], 'purpose', itemKey);
}

// ------------------------------------------------------------------ sidebar

/** Menu action (and Today's "done"): the Log follow-up sidebar, optionally completing a planned follow-up. */
export function showFollowupForm(ref?: FollowupFormRef): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Followup');
  page.locale = locale;
  const r = (ref && typeof ref === 'object' ? ref : {}) as Record<string, unknown>;
  page.followupId = typeof r.followupId === 'string' ? r.followupId.slice(0, LIMITS.id) : '';
  page.followupRow = typeof r.followupRow === 'number' && Number.isInteger(r.followupRow) ? String(r.followupRow) : '';
  page.customerId = typeof r.customerId === 'string' ? r.customerId.slice(0, LIMITS.id) : '';
  const back = r.backToToday && typeof r.backToToday === 'object' ? (r.backToToday as Record<string, unknown>) : null;
  page.backToToday = back ? '1' : '';
  page.backAt = back && typeof back.at === 'string' ? back.at.slice(0, LIMITS.id) : '';
  showSidebar(page.evaluate(), t(locale, 'followup.title'));
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
export function getFollowupFormData(ref?: FollowupFormRef): FollowupFormData {
  const locale = currentLocale();
  const wb = openWorkbook();
  const customers = customersTab(wb);
  const log = wb.tab('followups');
  const lists = readLists(wb, locale);
  const user = currentUser(wb);
  const setUp = !!customers && !!log;
  const data: FollowupFormData = {
    locale,
    setUp,
    timeZone: wb.timeZone(),
    now: new Date().toISOString(),
    channels: [...(lists.channel ?? [])],
    purposes: [...(lists.purpose ?? [])],
    stages: [...(lists.stage ?? [])],
    intentions: [...(lists.intention ?? [])],
    me: user.me?.name ?? '',
    settings: readSettings(wb),
    customer: null,
    planned: null,
  };
  if (!setUp) return data;
  const r = (ref && typeof ref === 'object' ? ref : {}) as Record<string, unknown>;
  const rowHint = typeof r.followupRow === 'number' ? r.followupRow : typeof r.followupRow === 'string' ? parseInt(r.followupRow, 10) : undefined;
  let customerId = typeof r.customerId === 'string' ? r.customerId.trim().slice(0, LIMITS.id) : '';
  if (typeof r.followupId === 'string' && r.followupId.trim()) {
    const f = log!.findById(r.followupId.trim().slice(0, LIMITS.id), Number.isInteger(rowHint) ? rowHint : undefined);
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
    const c = customers!.findById(customerId);
    if (c) data.customer = customerHit(c.row, c.values);
  }
  return data;
}

/**
 * Sidebar API: customers matching a query by name (company), contact, phone, e-mail or ID, in
 * either script (the one search, core/customers/search), at most 10. One read; only the hits go back.
 */
export function searchFollowupCustomers(query: string): FollowupCustomer[] {
  const locale = currentLocale();
  if (typeof query !== 'string' || query.length > LIMITS.search) throw new Error(t(locale, 'error.badArgument', { detail: 'query' }));
  const customers = customersTab(openWorkbook());
  if (!customers || !query.trim()) return [];
  return findCustomers(customers, query, 10, CUSTOMER_KEYS).map((r) => customerHit(r.row, r.values));
}

// ------------------------------------------------------------------ saving

export interface LoggedFollowup {
  id: string;
  /** The next follow-up planned, or null. */
  next: { id: string; day: string; rule: RuleKey; ruleLabel: string } | null;
  /** A second planned follow-up (the survey after entering delivery), if any. */
  also: { id: string; day: string; rule: RuleKey }[];
}

/**
 * What logging a follow-up reads of the customer's row. The intention level comes from the two
 * boxes by core's rule (the rule the sheet's intention column computes), not from that computed
 * column: in new workbooks these columns are the ones before the first computed column, so the
 * one-row read touches no computed cell and need not wait for the sheet to recalculate.
 */
const LOG_CUSTOMER_KEYS = [
  'customer_id',
  'name',
  'scenario',
  'need_confirmed',
  'budget_confirmed',
  'stage',
  'owner',
  'last_contact_at',
  'stage_recorded',
] as const;

/**
 * Sidebar API: records a contact (done) and plans the next follow-up from the cadence in
 * Settings (or the date the rep chose), updates the customer's last contact (and stage /
 * intention if they changed), all under the document lock.
 */
export function logFollowUp(raw: FollowupInput): SaveResult<LoggedFollowup> {
  const locale = currentLocale();
  const wb = openWorkbook();
  const customers = customersTab(wb);
  const log = wb.tab('followups');
  if (!customers || !log || !log.has('followup_id')) return fieldFailure({}, t(locale, 'followup.error.notSetUp'));
  const lists = readLists(wb, locale);
  const timeZone = wb.timeZone();
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
  const user = currentUser(wb);
  const me = { name: user.me?.name ?? '', by: user.by };
  const settings = cadenceSettings(readSettings(wb));

  return withDocumentLock(() => {
    const customer = customers.findById(input.customerId, input.customerRow, { keys: LOG_CUSTOMER_KEYS });
    if (!customer) return fieldFailure<LoggedFollowup>({ customerId: t(locale, 'followup.error.customerGone') }, t(locale, 'followup.fixErrors'));
    let planned: ReadRow | null = null;
    if (input.followupId) {
      planned = log.findById(input.followupId, input.followupRow);
      if (
        !planned ||
        !blank(planned.values.done_at) ||
        planned.values.cancelled === true ||
        text(planned.values.customer_id).toLowerCase() !== text(customer.values.customer_id).toLowerCase()
      ) {
        return fieldFailure<LoggedFollowup>({ customerId: t(locale, 'followup.error.followupGone') }, t(locale, 'followup.fixErrors'));
      }
    }
    const now = new Date(nowMs);
    const doneAt = new Date(input.doneMs);
    const cv = customer.values;
    const customerId = text(cv.customer_id);
    const customerName = text(cv.name);
    const owner = text(cv.owner) || me.name;
    const stageBefore = stageKeyOf(cv.stage);
    const stageAfter = input.stage ? stageKeyOf(input.stage) : stageBefore;
    const intentionAfter = input.intention ? intentionKeyOf(input.intention) : intentionOf(cv.need_confirmed === true, cv.budget_confirmed === true);
    // The survey a month after entering Delivery is an item of its own; the next contact itself
    // is the customer's one plan, which replanCustomers keeps (the rep's date, or the cadence).
    const extras = input.noNext
      ? []
      : planAfterContact(
          {
            stage: stageAfter,
            intention: intentionAfter,
            scenario: scenarioKeyOf(cv.scenario),
            at: serialAt(input.doneMs, timeZone),
            enteredDelivery: stageAfter === 'delivery' && stageBefore !== 'delivery',
          },
          settings,
        ).filter((p) => p.rule === 'survey');
    // Each commitment with a date is a planned item of its own (issue 12): the promise is its
    // next step, so Today and the digest say what was promised; it is done from Today like any.
    const promises = input.commitments.filter((c) => c.due).map((c) => ({ due: serialOfIsoDay(c.due)!, rule: 'commitment' as RuleKey, what: c.what }));

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
    let doneId = '';
    if (planned) {
      doneId = text(planned.values.followup_id);
      log.write(planned.row, [doneRecord]);
    } else doneId = log.append([{ ...doneRecord, rule: 'manual', created_at: now, created_by: me.by }]).ids[0];

    // The customer row: last contact, and stage / intention when the rep changed them.
    const update: RowRecord = { last_contact_at: doneAt, updated_at: now };
    if (input.stage) update.stage = input.stage;
    if (input.intention) Object.assign(update, confirmationsFor(intentionKeyOf(input.intention)));
    const previous = asDate(cv.last_contact_at);
    if (previous && previous.getTime() > doneAt.getTime()) delete update.last_contact_at; // an older contact logged late
    // Stage history (issue 15): the new stage, after a stage typed on the row and not yet noticed.
    const stageChanges = stageChangesFor(cv, input.stage || cv.stage, 'followup', nowMs, me.by);
    Object.assign(update, stageFields(wb, stageChanges, input.stage || cv.stage, nowMs));
    customers.write(customer.row, [update]);
    recordStageChanges(wb, stageChanges, new Map([[customerId, customerName]]));

    const chosenDay = input.nextDate && !input.noNext ? serialOfIsoDay(input.nextDate) : null;
    const plan = replanCustomers(wb, [customerId], {
      rows: new Map([[customerId, customer.row]]),
      chosen: chosenDay === null ? undefined : new Map([[customerId, chosenDay]]),
      none: input.noNext ? new Set([customerId]) : undefined,
    }).get(customerId.toUpperCase());
    const items: (RowRecord & { due: number; rule: RuleKey })[] = [
      ...extras.map((p) => ({ ...shared, owner, purpose: purposeLabel(wb, p.purpose), due: p.due, rule: p.rule })),
      ...promises.map((p) => ({ ...shared, owner, purpose: '', next_step: p.what.slice(0, LIMITS.nextStep), summary: p.what, due: p.due, rule: p.rule })),
    ];
    const also = items.length
      ? log
          .append(items.map(({ due, ...r }) => ({ ...r, planned_at: dateAt(due, timeZone), created_at: now, created_by: me.by, updated_at: now })))
          .ids.map((id, i) => ({ id, day: isoDayOfSerial(items[i].due), rule: items[i].rule }))
      : [];
    const first = plan ? { id: plan.id, day: isoDayOfSerial(plan.due), rule: plan.rule as RuleKey } : undefined;
    return {
      ok: true as const,
      value: {
        id: doneId,
        next: first ? { ...first, ruleLabel: t(locale, `followup.rule.${first.rule}` as 'followup.rule.high') } : null,
        also,
      },
    };
  });
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
export function scheduleFollowUp(record: FollowUpRecord, wb: Workbook = openWorkbook()): string {
  const locale = currentLocale();
  const customerId = text(record?.customerId);
  const owner = text(record?.owner);
  const tz = wb.timeZone();
  let when: Date | null = null;
  if (record?.plannedAt instanceof Date || asDate(record?.plannedAt)) when = asDate(record.plannedAt);
  else if (typeof record?.plannedAt === 'string') {
    const day = serialOfIsoDay(record.plannedAt);
    if (day !== null) when = dateAt(day, tz);
    else if (/^\d{4}-\d{2}-\d{2}T/.test(record.plannedAt) && !Number.isNaN(Date.parse(record.plannedAt))) when = new Date(record.plannedAt);
  }
  if (!customerId || !owner || !when) throw new Error(t(locale, 'followup.error.record'));
  const log = wb.tab('followups');
  if (!log || !log.has('followup_id')) throw new Error(t(locale, 'followup.error.notSetUp'));
  let name = record.customerName;
  if (name === undefined) {
    const c = customersTab(wb)?.findById(customerId) ?? null;
    name = c ? text(c.values.name) : '';
  }
  const purposeKey = record.purpose
    ? getList('purpose').items.some((i) => i.key === record.purpose)
      ? record.purpose
      : listItemKey('purpose', record.purpose)
    : 'objection';
  const purpose = purposeKey ? purposeLabel(wb, purposeKey) : text(record.purpose);
  const rule: RuleKey = record.rule && (RULE_KEYS as readonly string[]).includes(record.rule) ? record.rule : 'objection';
  const now = new Date();
  const added = log.append([
    {
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
      created_by: currentUser(wb).by,
      updated_at: now,
    },
  ]);
  return added.ids[0];
}

/**
 * scheduleFollowUp under its own document lock, for server code that does not hold it. The
 * name ends in "_", so google.script.run cannot call it from a page (private functions).
 */
export function scheduleFollowUp_(record: FollowUpRecord): string {
  return withDocumentLock(() => scheduleFollowUp(record));
}
