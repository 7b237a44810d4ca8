/**
 * The Log objection sidebar's server side: form data, customer search, the playbook for a type
 * (read from the Playbook tab, plus "what has worked" from the Objections tab), saving, and the
 * overdue-answer list for the Today view. Every function a page can call checks its arguments
 * as untrusted input. Business rules live in src/core/objections and src/core/playbook.
 *
 * Cost of a save: a fixed number of SpreadsheetApp calls whatever the size of the log (Lists,
 * Settings and the customer read once each, the new row appended after one small read around the
 * end of the log; test/integration/budgets.test.ts).
 */
import { t, type Locale } from '../core/i18n';
import { canonicalListValue } from '../core/lists';
import { fieldFailure, type SaveResult } from '../core/result';
import {
  checkObjection,
  overdueObjections,
  whatWorked,
  objectionTypeKey,
  type CleanObjection,
  type ObjectionInput,
  type ObjectionRow,
  type OverdueObjection,
  type WorkedResponse,
} from '../core/objections';
import type { TodayExtra } from '../core/followups';
import { playbookLinesFor, type PlaybookRow, type ShownPlaybookLine } from '../core/playbook';
import { zonedMidnight } from '../core/cadence';
import { ymdString } from '../core/tiers/dates';
import { getTab } from '../core/schema';
import { currentUser, customersTab, openWorkbook, readLists, readSettings, type RowRecord, type Workbook } from './records';
import { withDocumentLock } from './lock';
import { scheduleFollowUp } from './followups';
import { currentLocale } from './locale';
import { searchCustomerHits, type CustomerHit } from './customer-hits';
import { showSidebar } from './host';

// ------------------------------------------------------------------ small helpers

/** The team member the current user is ('' when unknown). */
export function currentRep(wb: Workbook): string {
  return currentUser(wb).me?.name ?? '';
}

// ------------------------------------------------------------------ sidebar

/** Menu action: opens the Log objection sidebar (optionally for one customer). */
export function showObjectionForm(customerId?: string): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Objection');
  page.locale = locale;
  page.customerId = typeof customerId === 'string' ? customerId.slice(0, 40) : '';
  showSidebar(page.evaluate(), t(locale, 'objection.title'));
}

export interface Option {
  value: string;
  label: string;
}

export interface ObjectionFormData {
  locale: Locale;
  answerHours: number;
  types: Option[];
  results: Option[];
  team: string[];
  me: string;
  /** ISO instant of "now" on the server (the form's default for "when raised"). */
  now: string;
  /** The spreadsheet's time zone: date-and-time fields are read and shown in it. */
  timeZone: string;
  customer: CustomerHit | null;
  setUp: boolean;
}

export type { CustomerHit } from './customer-hits';

/** Sidebar API: everything the form needs in one round trip. */
export function getObjectionFormData(customerId?: string): ObjectionFormData {
  const locale = currentLocale();
  const wb = openWorkbook();
  const setUp = wb.tab('objections') !== null;
  const ctx = checkContext(wb, locale);
  const settings = readSettings(wb);
  let customer: CustomerHit | null = null;
  const customers = customersTab(wb);
  if (setUp && customers && typeof customerId === 'string' && customerId.trim()) {
    const c = customers.lookup(customerId, ['name', 'contact_name', 'owner']);
    if (c)
      customer = {
        id: String(c.values.customer_id ?? '').trim(),
        name: String(c.values.name ?? ''),
        contact: String(c.values.contact_name ?? ''),
        owner: String(c.values.owner ?? ''),
      };
  }
  return {
    locale,
    answerHours: typeof settings.objection_answer_hours === 'number' ? settings.objection_answer_hours : 24,
    types: ctx.types.map((v) => ({ value: v, label: v })),
    results: ctx.results.map((v) => ({ value: v, label: v })),
    team: ctx.team,
    me: currentRep(wb),
    now: new Date().toISOString(),
    timeZone: wb.timeZone(),
    customer,
    setUp,
  };
}

/** Sidebar API: customers matching a query (the one customer search), at most 20, each with its owner. */
export function searchObjectionCustomers(query: string): CustomerHit[] {
  return searchCustomerHits(query);
}

export interface PlaybookView {
  type: string;
  lines: ShownPlaybookLine[];
  worked: WorkedResponse[];
}

/**
 * Sidebar API: the playbook for a type, read from the Playbook tab (a manager's edits show),
 * and what has worked for this team, from one read of three Objections columns.
 */
export function getObjectionPlaybook(type: string): PlaybookView {
  const locale = currentLocale();
  if (typeof type !== 'string' || type.length > 200) throw new Error(t(locale, 'error.badArgument', { detail: 'type' }));
  const key = objectionTypeKey(type);
  if (!key) return { type, lines: [], worked: [] };
  const wb = openWorkbook();
  const playbook = wb.tab('playbook');
  const log = wb.tab('objections');
  const lines = playbook
    ? playbookLinesFor(
        playbook.readAll(getTab('playbook').columns.map((c) => c.key)).rows.map((r) => r.values as PlaybookRow),
        key,
        locale,
      )
    : [];
  const worked = log
    ? whatWorked(
        log.readAll(['type', 'response', 'result']).rows.map((r) => r.values as ObjectionRow),
        key,
      )
    : [];
  return { type, lines, worked };
}

// ------------------------------------------------------------------ saving

export interface SavedObjection {
  id: string;
  /** True when the next step was scheduled as a follow-up. */
  followup: boolean;
}

/** What a save writes (the objection ID comes with the append); shared with the loss-reason dialog. */
/** `by`: who wrote the row, as Google reports them (records/people CurrentUser.by). */
export function objectionRecord(clean: CleanObjection, customerName: string, owner: string, now: Date, timeZone: string, by: string): RowRecord {
  return {
    customer_id: clean.customerId,
    customer_name: customerName,
    raised_at: clean.raisedAt,
    type: clean.type,
    details: clean.details,
    cause: clean.cause,
    response: clean.response,
    answered_at: clean.answeredAt ?? '',
    result: clean.result,
    resolved_at: clean.resultKey === 'resolved' ? now : '',
    next_step: clean.nextStep,
    next_step_due: clean.nextStepDue ? new Date(zonedMidnight(clean.nextStepDue, timeZone)) : '',
    owner,
    created_at: now,
    created_by: by,
    updated_at: now,
  };
}

/** A customer by ID, with their name and owner (one read of those columns). */
export function findCustomer(wb: Workbook, id: string): { id: string; name: string; owner: string; row: number } | null {
  const c = customersTab(wb)?.lookup(id, ['name', 'owner']) ?? null;
  return c ? { id: String(c.values.customer_id).trim(), name: String(c.values.name ?? ''), owner: String(c.values.owner ?? ''), row: c.row } : null;
}

/** Appends one objection (the caller holds the document lock); returns its ID. */
export function appendObjection(wb: Workbook, record: RowRecord): string {
  const tab = wb.tab('objections');
  if (!tab) throw new Error(t(currentLocale(), 'objection.error.notSetUp'));
  return tab.append([record]).ids[0];
}

/** The lists and team a check needs. */
export function checkContext(wb: Workbook, locale: Locale) {
  const lists = readLists(wb, locale);
  const user = currentUser(wb);
  return {
    locale,
    types: [...(lists.objection_type ?? [])],
    results: [...(lists.objection_result ?? [])],
    team: user.team.map((m) => m.name),
    teamMembers: user.team,
    now: new Date(),
  };
}

/**
 * Schedules the objection's next step as a planned follow-up (issue 6's scheduleFollowUp), so
 * it shows in the owner's Today view. Runs inside saveObjection's document lock.
 */
function scheduleNextStep(wb: Workbook, clean: CleanObjection, objectionId: string, customerName: string, owner: string, locale: Locale): boolean {
  if (!clean.nextStep || !clean.nextStepDue) return false;
  if (!wb.tab('followups')) return false;
  scheduleFollowUp(
    {
      customerId: clean.customerId,
      customerName,
      owner,
      plannedAt: ymdString(clean.nextStepDue),
      purpose: 'objection',
      rule: 'objection',
      nextStep: clean.nextStep,
      summary: t(locale, 'objection.followupSummary', { id: objectionId, type: clean.type, step: clean.nextStep }),
    },
    wb,
  );
  return true;
}

/** Sidebar API: checks and saves one objection; the next step becomes a follow-up. */
export function saveObjection(input: ObjectionInput): SaveResult<SavedObjection> {
  const locale = currentLocale();
  const wb = openWorkbook();
  if (!wb.tab('objections')) return fieldFailure({}, t(locale, 'objection.error.notSetUp'));
  const ctx = checkContext(wb, locale);
  const checked = checkObjection(input, ctx);
  if (!checked.ok) return fieldFailure(checked.errors, t(locale, 'objection.fixErrors'));
  const clean = checked.value;
  // Write labels as the Lists tab spells them (a Chinese label typed in an English workbook
  // is stored in the workbook's language).
  clean.type = canonicalListValue(clean.type, ctx.types, 'objection_type');
  if (clean.result) clean.result = canonicalListValue(clean.result, ctx.results, 'objection_result');
  if (clean.nextStepOwner) clean.nextStepOwner = ctx.team.find((n) => n.toLowerCase() === clean.nextStepOwner.toLowerCase()) ?? clean.nextStepOwner;
  const me = currentRep(wb);
  return withDocumentLock(() => {
    const customer = findCustomer(wb, clean.customerId);
    if (!customer) return fieldFailure<SavedObjection>({ customerId: t(locale, 'objection.error.customer') }, t(locale, 'objection.fixErrors'));
    clean.customerId = customer.id;
    const owner = clean.nextStepOwner || me || customer.owner;
    const now = new Date();
    const id = appendObjection(wb, objectionRecord(clean, customer.name, owner, now, wb.timeZone(), currentUser(wb).by));
    const followup = scheduleNextStep(wb, clean, id, customer.name, clean.nextStepOwner || owner, locale);
    return { ok: true as const, value: { id, followup } };
  });
}

// ------------------------------------------------------------------ Today

/**
 * For the Today view (issue 6's extension point): the objections owned by `rep` (a team
 * member's name, matched without case) that have no written answer and are past their answer
 * time, oldest first; `null` for the whole team (the manager's view). One read of the log.
 * Dates are ISO strings, so the result can cross google.script.run as is.
 */
export function overdueObjectionsFor(rep: string | null): OverdueObjection[] {
  if (rep !== null && typeof rep !== 'string') throw new Error(t(currentLocale(), 'error.badArgument', { detail: 'rep' }));
  return overdueIn(openWorkbook(), rep);
}

/** The overdue written answers of `rep` (null: everyone's) in a workbook already open. */
export function overdueIn(wb: Workbook, rep: string | null): OverdueObjection[] {
  const log = wb.tab('objections');
  if (!log) return [];
  const setting = readSettings(wb).objection_answer_hours;
  const hours = typeof setting === 'number' ? setting : 24;
  const rows = log
    .readAll(['objection_id', 'customer_id', 'customer_name', 'raised_at', 'type', 'details', 'answer_due', 'answered_at', 'owner'])
    .rows.map((r) => r.values as ObjectionRow);
  return overdueObjections(rows, new Date(), hours, rep);
}

/** An overdue written answer in the shape of Today's extension point (`TodayExtra` in src/core/followups/today.ts). */
export type TodayObjectionItem = TodayExtra & { kind: 'objection' };

/**
 * Today's source of overdue written answers: register this in issue 6's `TODAY_SOURCES`.
 * `rep` is a team member's name, or null for the whole team.
 */
export function overdueObjectionsForToday(rep: string | null, wb: Workbook = openWorkbook()): TodayObjectionItem[] {
  const locale = currentLocale();
  return overdueIn(wb, rep).map((o) => ({
    kind: 'objection' as const,
    id: o.objectionId,
    customerId: o.customerId,
    customerName: o.customerName,
    owner: o.owner,
    text: t(locale, 'objection.todayLine', { type: o.type, details: o.details.length > 80 ? `${o.details.slice(0, 79)}…` : o.details }),
    dueAt: o.answerDue,
  }));
}
