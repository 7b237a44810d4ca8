/**
 * The Log complaint sidebar's server side (issue 17): form data, customer search, an existing
 * complaint to continue, the checklist from the Complaint steps tab, "what went wrong before",
 * and saving (new or continued, closing the loop). Every function a page can call checks its
 * arguments as untrusted input; the rules live in src/core/complaints.
 *
 * Cost of a save: a fixed number of SpreadsheetApp calls whatever the size of the log (Lists,
 * Settings, the steps tab and the customer read once each; the log's ID, customer and received
 * columns once, for the repeat test and the new row's place; test/integration/budgets-suite.ts).
 */
import { t, type Locale } from '../../core/i18n';
import { canonicalListValue } from '../../core/lists';
import { fieldFailure, type SaveResult } from '../../core/result';
import {
  SEVERITY_ITEMS,
  checkComplaint,
  checkInAfterClosing,
  complaintFacts,
  complaintItemKey,
  complaintSettings,
  complaintTimes,
  decodeStepLog,
  encodeStepLog,
  firstResponseAt,
  msOf,
  previousComplaintAt,
  whatWentWrong,
  type CleanComplaint,
  type ComplaintInput,
  type ComplaintRow,
  type ShownStep,
  type StepEntry,
} from '../../core/complaints';
import { getList } from '../../core/lists';
import { isoDay } from '../../core/cadence';
import { currentUser, customersTab, openWorkbook, readLists, readSettings, type RowRecord, type Workbook } from '../records';
import { withDocumentLock } from '../lock';
import { scheduleFollowUp } from '../followups';
import { currentLocale } from '../locale';
import { searchCustomerHits, type CustomerHit } from '../customer-hits';
import { showSidebar } from '../host';
import { readChecklist } from './steps';

// ------------------------------------------------------------------ sidebar

const idArg = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 40) : '');

/** Menu action: opens the Log complaint sidebar (optionally for a customer, or on an existing complaint). */
export function showComplaintForm(customerId?: string, complaintId?: string): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Complaint');
  page.locale = locale;
  page.customerId = idArg(customerId);
  page.complaintId = idArg(complaintId);
  showSidebar(page.evaluate(), t(locale, 'complaint.title'));
}

export interface Option {
  value: string;
  label: string;
}

export interface SeverityOption extends Option {
  /** What the level means, shown next to the field. */
  meaning: string;
}

/** A customer as the complaint form shows it (the one search's hit). */
export type ComplaintCustomerHit = CustomerHit;

/** A complaint as the sidebar shows and edits it (strings only: it crosses google.script.run). */
export interface ComplaintView {
  id: string;
  row: number;
  customer: ComplaintCustomerHit;
  receivedAt: string;
  channel: string;
  category: string;
  severity: string;
  words: string;
  owner: string;
  steps: { key: string; doneAt: string; note: string }[];
  closedAt: string;
  satisfied: '' | 'yes' | 'no';
  rootCause: string;
  lesson: string;
  surveyRequestedAt: string;
  firstResponseDue: string;
  resolutionDue: string;
  responseOverdue: boolean;
  resolutionOverdue: boolean;
}

export interface ComplaintFormData {
  locale: Locale;
  setUp: boolean;
  /** The spreadsheet's time zone: date-and-time fields are read and shown in it. */
  timeZone: string;
  now: string;
  me: string;
  team: string[];
  channels: Option[];
  categories: Option[];
  severities: SeverityOption[];
  rootCauses: Option[];
  steps: ShownStep[];
  firstResponseHours: number;
  /** Days after an unconfirmed close that the check-in is planned. */
  checkinDays: number;
  customer: ComplaintCustomerHit | null;
  complaint: ComplaintView | null;
}

const options = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: v }));

/** The severities of the Lists tab, each with its meaning (a team's own level has none). */
function severityOptions(values: readonly string[], locale: Locale): SeverityOption[] {
  return values.map((v) => {
    const key = complaintItemKey('complaint_severity', v);
    const it = SEVERITY_ITEMS.find((i) => i.key === key);
    return { value: v, label: v, meaning: it ? it.meaning[locale] : '' };
  });
}

function customerHit(wb: Workbook, id: string): (ComplaintCustomerHit & { row: number }) | null {
  const c = customersTab(wb)?.lookup(id, ['name', 'contact_name', 'owner']) ?? null;
  return c
    ? {
        id: String(c.values.customer_id ?? '').trim(),
        name: String(c.values.name ?? ''),
        contact: String(c.values.contact_name ?? ''),
        owner: String(c.values.owner ?? ''),
        row: c.row,
      }
    : null;
}

/**
 * The churn-risk signal (issue 17): the customer's open complaints, kept on their row for the
 * churn formula (core/tiers/rules.ts). `rows` are the log's ID, customer and closed columns as
 * read before this save; `saved` is this complaint as now written.
 */
function keepOpenComplaints(
  wb: Workbook,
  customer: { id: string; row: number },
  rows: readonly { values: RowRecord }[],
  saved: { id: string; closed: boolean },
): void {
  const customers = customersTab(wb);
  if (!customers?.has('open_complaints')) return;
  const want = customer.id.toLowerCase();
  const self = saved.id.toLowerCase();
  let open = saved.closed ? 0 : 1;
  for (const r of rows) {
    const v = r.values;
    const id = String(v.complaint_id ?? '')
      .trim()
      .toLowerCase();
    if (
      !id ||
      id === self ||
      String(v.customer_id ?? '')
        .trim()
        .toLowerCase() !== want
    )
      continue;
    if (msOf(v.closed_at) === null) open++;
  }
  customers.write(customer.row, [{ open_complaints: open }]);
}

const iso = (v: unknown): string => {
  const ms = msOf(v);
  return ms === null ? '' : new Date(ms).toISOString();
};

/** The view of a row already read (with every column of ours). */
function complaintView(wb: Workbook, row: number, v: ComplaintRow, customer: ComplaintCustomerHit | null): ComplaintView {
  const tz = wb.timeZone();
  const facts = complaintFacts(v);
  const times = facts ? complaintTimes(facts, Date.now(), complaintSettings(readSettings(wb)), tz) : null;
  const str = (x: unknown) => (x === null || x === undefined ? '' : String(x));
  return {
    id: str(v.complaint_id).trim(),
    row,
    customer: customer ?? { id: str(v.customer_id).trim(), name: str(v.customer_name), contact: '', owner: '' },
    receivedAt: iso(v.received_at),
    channel: str(v.channel),
    category: str(v.category),
    severity: str(v.severity),
    words: str(v.words),
    owner: str(v.owner),
    steps: decodeStepLog(v.steps_log, tz).map((s) => ({ key: s.key, doneAt: s.doneAt === null ? '' : new Date(s.doneAt).toISOString(), note: s.note })),
    closedAt: iso(v.closed_at),
    satisfied: v.confirmed_satisfied === true ? 'yes' : v.confirmed_satisfied === false && msOf(v.closed_at) !== null ? 'no' : '',
    rootCause: str(v.root_cause),
    lesson: str(v.lesson),
    surveyRequestedAt: iso(v.survey_requested_at),
    firstResponseDue: times ? new Date(times.firstResponseDue).toISOString() : '',
    resolutionDue: times ? new Date(times.resolutionDue).toISOString() : '',
    responseOverdue: times?.firstResponseOverdue ?? false,
    resolutionOverdue: times?.resolutionOverdue ?? false,
  };
}

/** Sidebar API: everything the form needs in one round trip (and the complaint to continue, when asked). */
export function getComplaintFormData(customerId?: string, complaintId?: string): ComplaintFormData {
  const locale = currentLocale();
  const wb = openWorkbook();
  const log = wb.tab('complaints');
  const lists = readLists(wb, locale);
  const user = currentUser(wb);
  const settings = complaintSettings(readSettings(wb));
  const data: ComplaintFormData = {
    locale,
    setUp: log !== null,
    timeZone: wb.timeZone(),
    now: new Date().toISOString(),
    me: user.me?.name ?? '',
    team: user.team.map((m) => m.name),
    channels: options(lists.complaint_channel ?? []),
    categories: options(lists.complaint_category ?? []),
    severities: severityOptions(lists.complaint_severity ?? [], locale),
    rootCauses: options(lists.complaint_root_cause ?? []),
    steps: readChecklist(wb, locale),
    firstResponseHours: settings.firstResponseHours,
    checkinDays: settings.checkinDays,
    customer: null,
    complaint: null,
  };
  if (!log) return data;
  const cid = idArg(complaintId);
  if (cid) data.complaint = getComplaintIn(wb, cid);
  if (data.complaint) data.customer = data.complaint.customer;
  else if (idArg(customerId)) data.customer = customerHit(wb, idArg(customerId));
  return data;
}

function getComplaintIn(wb: Workbook, id: string, row?: number): ComplaintView | null {
  const log = wb.tab('complaints');
  const found = log?.findById(id, row) ?? null;
  if (!found) return null;
  const v = found.values as ComplaintRow;
  return complaintView(wb, found.row, v, customerHit(wb, String(v.customer_id ?? '')));
}

/** Sidebar API: one complaint to continue (its row a hint). */
export function getComplaint(complaintId: string, row?: number): ComplaintView | null {
  const id = idArg(complaintId);
  if (!id) throw new Error(t(currentLocale(), 'error.badArgument', { detail: 'complaintId' }));
  return getComplaintIn(openWorkbook(), id, typeof row === 'number' && Number.isInteger(row) ? row : undefined);
}

/** Sidebar API: customers matching a query (the one customer search), at most 20. */
export function searchComplaintCustomers(query: string): ComplaintCustomerHit[] {
  return searchCustomerHits(query);
}

export interface ComplaintSummary {
  id: string;
  row: number;
  receivedAt: string;
  category: string;
  words: string;
  closed: boolean;
}

/** Sidebar API: a customer's complaints, open ones first, newest first (to continue one). One read of the log. */
export function customerComplaints(customerId: string): ComplaintSummary[] {
  const id = idArg(customerId).toLowerCase();
  if (!id) return [];
  const log = openWorkbook().tab('complaints');
  if (!log) return [];
  const out: ComplaintSummary[] = [];
  for (const r of log.readAll(['complaint_id', 'customer_id', 'received_at', 'category', 'words', 'closed_at']).rows) {
    const v = r.values as ComplaintRow;
    if (
      String(v.customer_id ?? '')
        .trim()
        .toLowerCase() !== id ||
      !String(v.complaint_id ?? '').trim()
    )
      continue;
    const words = String(v.words ?? '');
    out.push({
      id: String(v.complaint_id).trim(),
      row: r.row,
      receivedAt: iso(v.received_at),
      category: String(v.category ?? ''),
      words: words.length > 80 ? `${words.slice(0, 79)}…` : words,
      closed: msOf(v.closed_at) !== null,
    });
  }
  return out.sort((a, b) => Number(a.closed) - Number(b.closed) || (a.receivedAt < b.receivedAt ? 1 : -1)).slice(0, 20);
}

export interface LessonsView {
  category: string;
  causes: { cause: string; count: number; lessons: string[] }[];
  recent: { text: string; cause: string; closedAt: string }[];
}

/** A root-cause key as the reader reads it. */
function causeLabel(key: string, locale: Locale): string {
  if (!key) return t(locale, 'complaints.lessons.noCause');
  if (key.startsWith('custom:')) return key.slice('custom:'.length);
  return getList('complaint_root_cause').items.find((i) => i.key === key)?.label[locale] ?? key;
}

/** Sidebar API: "what went wrong before" for a category, from the lessons of closed complaints. One read of four columns. */
export function getComplaintLessons(category: string): LessonsView {
  const locale = currentLocale();
  if (typeof category !== 'string' || category.length > 200) throw new Error(t(locale, 'error.badArgument', { detail: 'category' }));
  const key = complaintItemKey('complaint_category', category);
  const log = openWorkbook().tab('complaints');
  if (!key || !log) return { category, causes: [], recent: [] };
  const facts = log
    .readAll(['complaint_id', 'received_at', 'category', 'closed_at', 'root_cause', 'lesson'])
    .rows.map((r) => complaintFacts(r.values as ComplaintRow))
    .filter((f) => f !== null);
  const w = whatWentWrong(facts, key);
  return {
    category,
    causes: w.causes.map((c) => ({ cause: causeLabel(c.rootCause, locale), count: c.count, lessons: c.lessons.map((l) => l.text) })),
    recent: w.recent.map((l) => ({ text: l.text, cause: causeLabel(l.rootCause, locale), closedAt: new Date(l.closedAt).toISOString() })),
  };
}

// ------------------------------------------------------------------ saving

export interface SavedComplaint {
  id: string;
  row: number;
  /** A check-in follow-up was planned (closed without the customer confirming). */
  checkin: boolean;
  closed: boolean;
}

/** The lists, team and checklist a check needs. */
function checkContext(wb: Workbook, locale: Locale, checklist: readonly ShownStep[]) {
  const lists = readLists(wb, locale);
  const user = currentUser(wb);
  return {
    ctx: {
      locale,
      channels: [...(lists.complaint_channel ?? [])],
      categories: [...(lists.complaint_category ?? [])],
      severities: [...(lists.complaint_severity ?? [])],
      rootCauses: [...(lists.complaint_root_cause ?? [])],
      team: user.team.map((m) => m.name),
      checklist,
      now: new Date(),
    },
    user,
  };
}

/** List cells as the Lists tab spells them (a Chinese label typed in an English workbook is stored in the workbook's language). */
function canonical(clean: CleanComplaint, ctx: ReturnType<typeof checkContext>['ctx']): void {
  if (clean.channel) clean.channel = canonicalListValue(clean.channel, ctx.channels, 'complaint_channel');
  clean.category = canonicalListValue(clean.category, ctx.categories, 'complaint_category');
  clean.severity = canonicalListValue(clean.severity, ctx.severities, 'complaint_severity');
  if (clean.rootCause) clean.rootCause = canonicalListValue(clean.rootCause, ctx.rootCauses, 'complaint_root_cause');
  if (clean.owner) clean.owner = ctx.team.find((n) => n.toLowerCase() === clean.owner.toLowerCase()) ?? clean.owner;
}

/** Sidebar API: checks and saves one complaint (new, or continued by ID); closing may plan a check-in. */
export function saveComplaint(input: ComplaintInput): SaveResult<SavedComplaint> {
  const locale = currentLocale();
  const wb = openWorkbook();
  const log = wb.tab('complaints');
  if (!log) return fieldFailure({}, t(locale, 'complaint.error.notSetUp'));
  const checklist = readChecklist(wb, locale);
  const { ctx, user } = checkContext(wb, locale, checklist);
  const checked = checkComplaint(input, ctx);
  if (!checked.ok) return fieldFailure(checked.errors, t(locale, 'complaint.fixErrors'));
  const clean = checked.value;
  canonical(clean, ctx);
  const settings = complaintSettings(readSettings(wb));
  const tz = wb.timeZone();
  const hintRow = input && typeof input.row === 'number' && Number.isInteger(input.row) ? input.row : undefined;
  return withDocumentLock((): SaveResult<SavedComplaint> => {
    const customer = customerHit(wb, clean.customerId);
    if (!customer) return fieldFailure({ customerId: t(locale, 'complaint.error.customer') }, t(locale, 'complaint.fixErrors'));
    const now = new Date();
    let existing: { row: number; values: ComplaintRow } | null = null;
    if (clean.complaintId) {
      existing = log.findById(clean.complaintId, hintRow) as { row: number; values: ComplaintRow } | null;
      if (!existing) return fieldFailure({}, t(locale, 'complaint.error.gone', { id: clean.complaintId }));
    }
    const before = existing?.values;
    const wasClosed = before ? msOf(before.closed_at) : null;
    // Steps: what the form sent, plus anything recorded before that the form did not show.
    const sent = new Set(clean.steps.map((s) => s.key));
    const kept: StepEntry[] = before ? decodeStepLog(before.steps_log, tz).filter((s) => !sent.has(s.key)) : [];
    const steps = [...clean.steps, ...kept];
    const first = firstResponseAt(steps, checklist);
    const closedAt = clean.close ? (wasClosed !== null ? new Date(wasClosed) : now) : '';
    const record: RowRecord = {
      customer_id: customer.id,
      customer_name: customer.name,
      received_at: clean.receivedAt,
      channel: clean.channel,
      category: clean.category,
      severity: clean.severity,
      words: clean.words,
      owner: clean.owner || customer.owner || user.me?.name || '',
      steps_log: encodeStepLog(steps, tz),
      // A first response typed in the sheet stays when no opening step is ticked.
      first_response_at: first !== null ? new Date(first) : (before?.first_response_at ?? ''),
      closed_at: closedAt,
      confirmed_satisfied: clean.close ? clean.confirmedSatisfied === true : before?.confirmed_satisfied === true,
      root_cause: clean.rootCause,
      lesson: clean.lesson,
      updated_at: now,
    };
    if (clean.requestSurvey && clean.close && msOf(before?.survey_requested_at) === null) record.survey_requested_at = now;
    let id: string;
    let row: number;
    const others = log.readAll(['complaint_id', 'customer_id', 'received_at', 'closed_at']);
    if (existing) {
      id = String(before!.complaint_id).trim();
      row = existing.row;
      log.write(row, [record]);
    } else {
      const prev = previousComplaintAt(
        others.rows.map((r) => ({
          complaintId: String(r.values.complaint_id ?? ''),
          customerId: String(r.values.customer_id ?? ''),
          receivedAt: msOf(r.values.received_at),
        })),
        { complaintId: '', customerId: customer.id, receivedAt: clean.receivedAt.getTime() },
      );
      record.previous_received_at = prev === null ? '' : new Date(prev);
      record.created_at = now;
      record.created_by = user.by;
      const added = log.append([record], others.extent);
      id = added.ids[0];
      row = added.row;
    }
    keepOpenComplaints(wb, customer, others.rows, { id, closed: clean.close });
    let checkin = false;
    // Closing now, and the customer did not confirm (seed 001 step 7): a check-in is planned once.
    if (clean.close && wasClosed === null && clean.confirmedSatisfied !== true && wb.tab('followups')) {
      const when = checkInAfterClosing({ closedAt: now.getTime(), confirmedSatisfied: clean.confirmedSatisfied }, settings, tz);
      if (when !== null) {
        scheduleFollowUp(
          {
            customerId: customer.id,
            customerName: customer.name,
            owner: String(record.owner) || customer.owner,
            plannedAt: isoDay(when, tz),
            purpose: 'return_visit',
            rule: 'complaint_checkin',
            nextStep: t(locale, 'complaints.checkin', { customer: customer.name }),
            summary: t(locale, 'complaint.checkinSummary', { id }),
          },
          wb,
        );
        checkin = true;
      }
    }
    return { ok: true as const, value: { id, row, checkin, closed: clean.close } };
  });
}

/**
 * For the survey round (issue 14): asks that a closed complaint's customer be sent the
 * one-question satisfaction check — the request is the complaint's survey_requested_at cell
 * (set once). The survey job picks up closed complaints with that cell set and no response
 * yet. The caller holds the document lock. Returns false when there is no such complaint or it
 * is not closed.
 */
export function requestSatisfactionCheck(wb: Workbook, complaintId: string, now: Date = new Date()): boolean {
  const log = wb.tab('complaints');
  const found = log?.findById(complaintId, undefined, { keys: ['closed_at', 'survey_requested_at'] }) ?? null;
  if (!log || !found || msOf(found.values.closed_at) === null) return false;
  if (msOf(found.values.survey_requested_at) === null) log.write(found.row, [{ survey_requested_at: now }]);
  return true;
}
