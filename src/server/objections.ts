/**
 * The Log objection sidebar's server side: form data, customer search, the playbook for a type
 * (read from the Playbook tab, plus "what has worked" from the Objections tab), saving, and the
 * overdue-answer list for the Today view. Every function a page can call checks its arguments
 * as untrusted input. Business rules live in src/core/objections and src/core/playbook.
 *
 * Cost of a save: a fixed number of SpreadsheetApp calls (open three tabs, one read of each,
 * one write per run of adjacent columns), whatever the size of the log.
 */
import { t, type Locale } from '../core/i18n';
import { getList, listItemKey, listNamedRange } from '../core/lists';
import { TEAM_RANGES } from '../core/settings';
import { FIRST_DATA_ROW } from '../core/schema';
import { fieldFailure, type SaveResult } from '../core/result';
import {
  checkObjection,
  overdueObjections,
  whatWorked,
  objectionTypeKey,
  type CleanObjection,
  type ObjectionRow,
  type OverdueObjection,
  type WorkedResponse,
} from '../core/objections';
import type { TodayExtra } from '../core/followups';
import { playbookLinesFor, type PlaybookRow, type ShownPlaybookLine } from '../core/playbook';
import { openTab, readColumns, readRows, reserveIds, writeRows, findTabs, readSettings, type RowRecord } from './workbook';
import { withDocumentLock } from './lock';
import { instantOfSerial, serialOfIsoDay } from '../core/cadence';
import { scheduleFollowUp } from './followups';
import { currentLocale } from './locale';
import { resolveMe } from './identity';
import { parseTeam } from '../core/customers/team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ------------------------------------------------------------------ small workbook helpers

/** Non-blank values of a named range (a list column or the team list), in one read. */
function namedValues(ss: Spreadsheet, name: string): string[] {
  const r = ss.getRangeByName(name);
  if (!r) return [];
  return r
    .getValues()
    .map((row) => String(row[0] ?? '').trim())
    .filter(Boolean);
}

/** Midnight of a calendar day in the spreadsheet's time zone (core's time-zone arithmetic, no Utilities round trip). */
function zonedMidnight(ss: Spreadsheet, d: { y: number; m: number; d: number }): Date {
  return new Date(instantOfSerial(serialOfIsoDay(isoDay(d))!, ss.getSpreadsheetTimeZone()));
}


// ------------------------------------------------------------------ identity and team

export interface TeamMember {
  name: string;
  email: string;
}

function readTeam(ss: Spreadsheet): TeamMember[] {
  const names = ss.getRangeByName(TEAM_RANGES.name);
  const emails = ss.getRangeByName(TEAM_RANGES.email);
  if (!names) return [];
  const n = names.getValues();
  const e = emails ? emails.getValues() : [];
  const out: TeamMember[] = [];
  n.forEach((row, i) => {
    const name = String(row[0] ?? '').trim();
    if (name) out.push({ name, email: String(e[i]?.[0] ?? '').trim() });
  });
  return out;
}

/**
 * The team member the current user is, by issue 5's identity rule (the "I am …" choice, else
 * the e-mail Google reports when it is on the team list); '' when unknown.
 */
export function currentRep(team: TeamMember[]): string {
  const me = resolveMe(parseTeam(team.map((m) => ({ team_name: m.name, team_email: m.email }))));
  return me ? me.name : '';
}

// ------------------------------------------------------------------ sidebar

/** Menu action: opens the Log objection sidebar (optionally for one customer). */
export function showObjectionForm(customerId?: unknown): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Objection');
  page.locale = locale;
  page.customerId = typeof customerId === 'string' ? customerId.slice(0, 40) : '';
  SpreadsheetApp.getUi().showSidebar(page.evaluate().setTitle(t(locale, 'objection.title')));
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

export interface CustomerHit {
  id: string;
  name: string;
  contact: string;
}

/** Sidebar API: everything the form needs in one round trip. */
export function getObjectionFormData(customerId?: unknown): ObjectionFormData {
  const locale = currentLocale();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const setUp = findTabs(ss).has('objections');
  const types = namedValues(ss, listNamedRange('objection_type'));
  const results = namedValues(ss, listNamedRange('objection_result'));
  const team = readTeam(ss);
  const settings = readSettings(ss);
  let customer: CustomerHit | null = null;
  if (setUp && typeof customerId === 'string' && customerId.trim()) {
    customer = searchIn(ss, customerId.trim(), 1, true)[0] ?? null;
  }
  return {
    locale,
    answerHours: Number(settings.objection_answer_hours) || 24,
    types: types.map((v) => ({ value: v, label: v })),
    results: results.map((v) => ({ value: v, label: v })),
    team: team.map((m) => m.name),
    me: currentRep(team),
    now: new Date().toISOString(),
    timeZone: ss.getSpreadsheetTimeZone(),
    customer,
    setUp,
  };
}

/** Customer search over the Customers tab (one read). Issue 5's search replaces this when it lands. */
function searchIn(ss: Spreadsheet, query: string, limit: number, exactId = false): CustomerHit[] {
  const tab = openTab('customers', ss);
  const rows = readColumns(tab, ['customer_id', 'name', 'contact_name', 'phone', 'email']);
  const q = query.trim().toLowerCase();
  const out: CustomerHit[] = [];
  for (const r of rows) {
    const id = String(r.customer_id ?? '').trim();
    if (!id) continue;
    const hay = exactId ? [id] : [id, r.name, r.contact_name, r.phone, r.email].map((v) => String(v ?? ''));
    const hit = exactId ? id.toLowerCase() === q : hay.some((h) => h.toLowerCase().includes(q));
    if (!hit) continue;
    out.push({ id, name: String(r.name ?? ''), contact: String(r.contact_name ?? '') });
    if (out.length >= limit) break;
  }
  return out;
}

/** Sidebar API: customers matching a query (name, ID, contact, phone or e-mail), at most 20. */
export function searchObjectionCustomers(query: unknown): CustomerHit[] {
  if (typeof query !== 'string' || query.length > 200) throw new Error(t(currentLocale(), 'error.badArgument', { detail: 'query' }));
  if (!query.trim()) return [];
  return searchIn(SpreadsheetApp.getActiveSpreadsheet(), query, 20);
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
export function getObjectionPlaybook(type: unknown): PlaybookView {
  const locale = currentLocale();
  if (typeof type !== 'string' || type.length > 200) throw new Error(t(locale, 'error.badArgument', { detail: 'type' }));
  const key = objectionTypeKey(type);
  if (!key) return { type, lines: [], worked: [] };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const found = findTabs(ss);
  const lines = found.has('playbook') ? playbookLinesFor(readRows(openTab('playbook', ss)).map((r) => r.values as PlaybookRow), key, locale) : [];
  const worked = found.has('objections') ? whatWorked(readColumns(openTab('objections', ss), ['type', 'response', 'result']) as ObjectionRow[], key) : [];
  return { type, lines, worked };
}

// ------------------------------------------------------------------ saving

export interface SavedObjection {
  id: string;
  /** True when the next step was scheduled as a follow-up. */
  followup: boolean;
}

/** What a save writes; shared with the loss-reason dialog. */
export function objectionRecord(clean: CleanObjection, id: string, customerName: string, owner: string, now: Date, ss: Spreadsheet): RowRecord {
  return {
    objection_id: id,
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
    next_step_due: clean.nextStepDue ? zonedMidnight(ss, clean.nextStepDue) : '',
    owner,
    created_at: now,
    created_by: owner,
    updated_at: now,
  };
}

/** Finds a customer row by ID (one read of two columns). */
export function findCustomer(ss: Spreadsheet, id: string): { id: string; name: string; owner: string; row: number } | null {
  const tab = openTab('customers', ss);
  const rows = readColumns(tab, ['customer_id', 'name', 'owner']);
  const want = id.trim().toLowerCase();
  for (let i = 0; i < rows.length; i++) {
    if (String(rows[i].customer_id ?? '').trim().toLowerCase() === want)
      return { id: String(rows[i].customer_id).trim(), name: String(rows[i].name ?? ''), owner: String(rows[i].owner ?? ''), row: FIRST_DATA_ROW + i };
  }
  return null;
}

/** Appends one objection row under the lock's protection (the caller holds it). Returns its ID. */
/** Document property: the highest objection number ever given (IDs are never reused). */
const OBJECTION_SEQ_PROPERTY = 'salesdesk.seq.objection';

export function appendObjection(ss: Spreadsheet, record: (id: string) => RowRecord): string {
  const tab = openTab('objections', ss);
  // Whole rows: a row with anything typed in any column counts, so nothing is overwritten.
  const rows = readRows(tab);
  const reserved = reserveIds('O', OBJECTION_SEQ_PROPERTY, rows.map((r) => r.values.objection_id), 1);
  reserved.commit();
  const id = reserved.ids[0];
  const row = rows.length ? rows[rows.length - 1].row + 1 : FIRST_DATA_ROW;
  writeRows(tab, row, [record(id)]);
  return id;
}

/** Reads the lists and team a check needs. */
export function checkContext(ss: Spreadsheet, locale: Locale) {
  const types = namedValues(ss, listNamedRange('objection_type'));
  const results = namedValues(ss, listNamedRange('objection_result'));
  const team = readTeam(ss);
  return { locale, types, results, team: team.map((m) => m.name), teamMembers: team, now: new Date() };
}

/**
 * Schedules the objection's next step as a planned follow-up (issue 6's scheduleFollowUp), so
 * it shows in the owner's Today view. Runs inside saveObjection's document lock.
 */
function isoDay(d: { y: number; m: number; d: number }): string {
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

function scheduleNextStep(ss: Spreadsheet, clean: CleanObjection, objectionId: string, customerName: string, owner: string, locale: Locale): boolean {
  if (!clean.nextStep || !clean.nextStepDue) return false;
  if (!findTabs(ss).has('followups')) return false;
  scheduleFollowUp(
    {
      customerId: clean.customerId,
      customerName,
      owner,
      plannedAt: isoDay(clean.nextStepDue),
      purpose: 'objection',
      rule: 'objection',
      nextStep: clean.nextStep,
      summary: t(locale, 'objection.followupSummary', { id: objectionId, type: clean.type, step: clean.nextStep }),
    },
    ss,
  );
  return true;
}

/** Sidebar API: checks and saves one objection; the next step becomes a follow-up. */
export function saveObjection(input: unknown): SaveResult<SavedObjection> {
  const locale = currentLocale();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!findTabs(ss).has('objections')) return fieldFailure({}, t(locale, 'objection.error.notSetUp'));
  const ctx = checkContext(ss, locale);
  const checked = checkObjection(input, ctx);
  if (!checked.ok) return fieldFailure(checked.errors, t(locale, 'objection.fixErrors'));
  const clean = checked.value;
  // Write labels as the Lists tab spells them (a Chinese label typed in an English workbook
  // is stored in the workbook's language).
  clean.type = canonical(clean.type, ctx.types, 'objection_type');
  if (clean.result) clean.result = canonical(clean.result, ctx.results, 'objection_result');
  if (clean.nextStepOwner) clean.nextStepOwner = ctx.team.find((n) => n.toLowerCase() === clean.nextStepOwner.toLowerCase()) ?? clean.nextStepOwner;
  const me = currentRep(ctx.teamMembers);
  return withDocumentLock(() => {
    const customer = findCustomer(ss, clean.customerId);
    if (!customer) return fieldFailure<SavedObjection>({ customerId: t(locale, 'objection.error.customer') }, t(locale, 'objection.fixErrors'));
    clean.customerId = customer.id;
    const owner = clean.nextStepOwner || me || customer.owner;
    const now = new Date();
    const id = appendObjection(ss, (newId) => objectionRecord(clean, newId, customer.name, owner, now, ss));
    const followup = scheduleNextStep(ss, clean, id, customer.name, clean.nextStepOwner || owner, locale);
    return { ok: true as const, value: { id, followup } };
  });
}

function canonical(value: string, allowed: string[], listKey: string): string {
  const exact = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (exact) return exact;
  const key = listItemKey(listKey, value);
  if (key) {
    const i = getList(listKey).items.findIndex((it) => it.key === key);
    if (allowed[i] && listItemKey(listKey, allowed[i]) === key) return allowed[i];
  }
  return value;
}

// ------------------------------------------------------------------ Today

/**
 * For the Today view (issue 6's extension point): the objections owned by `rep` (a team
 * member's name, matched without case) that have no written answer and are past their answer
 * time, oldest first; `null` for the whole team (the manager's view). One read of the log.
 * Dates are ISO strings, so the result can cross google.script.run as is.
 */
export function overdueObjectionsFor(rep: unknown): OverdueObjection[] {
  if (rep !== null && typeof rep !== 'string') throw new Error(t(currentLocale(), 'error.badArgument', { detail: 'rep' }));
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!findTabs(ss).has('objections')) return [];
  const hours = Number(readSettings(ss).objection_answer_hours) || 24;
  const rows = readColumns(openTab('objections', ss), [
    'objection_id',
    'customer_id',
    'customer_name',
    'raised_at',
    'type',
    'details',
    'answer_due',
    'answered_at',
    'owner',
  ]) as ObjectionRow[];
  return overdueObjections(rows, new Date(), hours, rep);
}


/** An overdue written answer in the shape of Today's extension point (`TodayExtra` in src/core/followups/today.ts). */
export type TodayObjectionItem = TodayExtra & { kind: 'objection' };

/**
 * Today's source of overdue written answers: register this in issue 6's `TODAY_SOURCES`.
 * `rep` is a team member's name, or null for the whole team.
 */
export function overdueObjectionsForToday(rep: string | null): TodayObjectionItem[] {
  const locale = currentLocale();
  return overdueObjectionsFor(rep).map((o) => ({
    kind: 'objection' as const,
    id: o.objectionId,
    customerId: o.customerId,
    customerName: o.customerName,
    owner: o.owner,
    text: t(locale, 'objection.todayLine', { type: o.type, details: o.details.length > 80 ? `${o.details.slice(0, 79)}…` : o.details }),
    dueAt: o.answerDue,
  }));
}
