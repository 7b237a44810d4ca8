/**
 * "Mark delivered" (issue 12, seed 002 S6.2): the actual delivery of a won deal goes into the
 * Deals `delivered_on` column, and the customer is re-planned from it — the return call
 * SD_RETURN_CALL_DAYS after the delivery and the satisfaction survey
 * SD_SURVEY_AFTER_DELIVERY_MONTHS after it (core/cadence planForCustomer, surveyPlan). From the
 * menu on the selected Deals or Customers row, or from the customer form's button.
 */
import { t, type Locale } from '../core/i18n';
import { fieldFailure, type SaveResult } from '../core/result';
import { isoDay, isoDayOfSerial, serialAt, serialOfIsoDay, zonedMidnight } from '../core/cadence';
import { readDate } from '../core/validation/rules';
import { listItemKey, workbookLabel } from '../core/lists';
import { customersTab, listColumns, openWorkbook, type ReadRow, type Workbook } from './records';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import { replanCustomers } from './plans';
import { alert, prompt } from './host';

/** What a page (or the menu) sends: a deal, or a customer (their latest won deal), and the day (YYYY-MM-DD; blank: today). */
export interface DeliveryRequest {
  dealId?: string;
  customerId?: string;
  day?: string;
}

export interface Delivered {
  dealId: string;
  customerId: string;
  day: string;
  /** When the return call and the survey are now planned (YYYY-MM-DD), '' when none. */
  returnCall: string;
  survey: string;
}

const ID = /^[A-Za-z]-\d{1,9}$/;
const idOf = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toUpperCase();

function timeOf(v: unknown): number {
  return v && typeof v === 'object' && typeof (v as Date).getTime === 'function' ? (v as Date).getTime() : NaN;
}

/** Sidebar and menu API: records the delivery and re-plans the customer's return call and survey. */
export function markDelivered(raw: DeliveryRequest): SaveResult<Delivered> {
  const locale = currentLocale();
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const dealId = typeof r.dealId === 'string' ? r.dealId.trim().slice(0, 40) : '';
  const customerId = typeof r.customerId === 'string' ? r.customerId.trim().slice(0, 40) : '';
  const wb = openWorkbook();
  const tz = wb.timeZone();
  const today = isoDay(Date.now(), tz);
  const field = t(locale, 'delivery.day');
  const read = readDate(typeof r.day === 'string' ? r.day : r.day === undefined || r.day === null ? '' : 1, { today, field });
  const errors: Record<string, string> = {};
  if (!read.ok) errors.day = t(locale, read.problem.key, read.problem.params);
  const day = read.ok && read.date ? `${read.date.y}-${String(read.date.m).padStart(2, '0')}-${String(read.date.d).padStart(2, '0')}` : today;
  if (read.ok && day > today) errors.day = t(locale, 'delivery.future', { field });
  if ((!dealId && !customerId) || (dealId && !ID.test(dealId)) || (customerId && !ID.test(customerId))) errors.id = t(locale, 'delivery.pick');
  if (Object.keys(errors).length) return fieldFailure(errors, t(locale, 'delivery.fix'));
  const deals = wb.tab('deals');
  const customers = customersTab(wb);
  if (!deals || !deals.has('delivered_on') || !customers) return fieldFailure({}, t(locale, 'followup.error.notSetUp'));

  return withDocumentLock(() => {
    const rows = deals.readAll(['deal_id', 'customer_id', 'won_on', 'delivered_on']).rows;
    let deal: ReadRow | undefined;
    if (dealId) deal = rows.find((d) => idOf(d.values.deal_id) === idOf(dealId));
    else {
      // The customer's latest won deal not yet delivered, else their latest won deal.
      const mine = rows.filter((d) => idOf(d.values.customer_id) === idOf(customerId) && Number.isFinite(timeOf(d.values.won_on)));
      mine.sort((a, b) => timeOf(b.values.won_on) - timeOf(a.values.won_on));
      deal = mine.find((d) => !Number.isFinite(timeOf(d.values.delivered_on))) ?? mine[0];
    }
    if (!deal) return fieldFailure<Delivered>({ id: t(locale, 'delivery.noDeal') }, t(locale, 'delivery.noDeal'));
    const cid = idOf(deal.values.customer_id);
    const won = timeOf(deal.values.won_on);
    const serial = serialOfIsoDay(day)!;
    const at = zonedMidnight({ y: +day.slice(0, 4), m: +day.slice(5, 7), d: +day.slice(8, 10) }, tz);
    if (Number.isFinite(won) && at < zonedMidnight(ymdOf(serialAt(won, tz)), tz))
      return fieldFailure<Delivered>({ day: t(locale, 'delivery.beforeWon', { field }) }, t(locale, 'delivery.fix'));
    deals.write(deal.row, [{ delivered_on: new Date(at), updated_at: new Date() }]);
    moveToDelivery(wb, cid);
    const plan = replanCustomers(wb, [cid]).get(cid) ?? null;
    const survey = nextSurvey(wb, cid);
    return {
      ok: true as const,
      value: { dealId: idOf(deal.values.deal_id), customerId: cid, day: isoDayOfSerial(serial), returnCall: plan ? isoDayOfSerial(plan.due) : '', survey },
    };
  });
}

function ymdOf(serial: number) {
  const iso = isoDayOfSerial(serial);
  return { y: +iso.slice(0, 4), m: +iso.slice(5, 7), d: +iso.slice(8, 10) };
}

/** A customer still before stage 6 goes there: the deal is delivered, after-sales has begun. Won stays Won. */
function moveToDelivery(wb: Workbook, customerId: string): void {
  const customers = customersTab(wb)!;
  const c = customers.findById(customerId, undefined, { keys: ['stage'] });
  if (!c) return;
  const stage = listItemKey('stage', c.values.stage);
  if (stage === 'delivery' || stage === 'won') return;
  customers.write(c.row, [{ stage: workbookLabel(listColumns(wb).stage ?? [], 'stage', 'delivery'), updated_at: new Date() }]);
}

/** The customer's open survey item, YYYY-MM-DD ('' when none). */
function nextSurvey(wb: Workbook, customerId: string): string {
  const log = wb.tab('followups');
  if (!log) return '';
  const tz = wb.timeZone();
  const hit = log
    .readAll(['customer_id', 'planned_at', 'done_at', 'cancelled', 'rule'])
    .rows.find(
      (r) =>
        idOf(r.values.customer_id) === customerId &&
        (r.values.rule === 'survey' || r.values.rule === 'relationship_survey') &&
        (r.values.done_at === '' || r.values.done_at == null) &&
        r.values.cancelled !== true,
    );
  const at = hit ? timeOf(hit.values.planned_at) : NaN;
  return Number.isFinite(at) ? isoDay(at, tz) : '';
}

/** Menu action: marks the deal (Deals tab) or the customer's latest deal (Customers tab) on the selected row as delivered, asking the day. */
export function markDeliveredFromSelection(): void {
  const locale = currentLocale();
  const wb = openWorkbook();
  const ref = selected(wb);
  if (!ref) {
    alert(t(locale, 'delivery.selectRow'));
    return;
  }
  const answer = prompt(t(locale, 'delivery.ask', { today: isoDay(Date.now(), wb.timeZone()) }), t(locale, 'menu.markDelivered'));
  if (answer === null) return;
  const res = markDelivered({ ...ref, day: answer });
  alert(done(locale, res));
}

function done(locale: Locale, res: SaveResult<Delivered>): string {
  if (!res.ok) return [res.message, ...Object.values(res.errors)].join('\n');
  return t(locale, 'delivery.done', { ...res.value, returnCall: res.value.returnCall || '—', survey: res.value.survey || '—' });
}

function selected(wb: Workbook): { dealId?: string; customerId?: string } | null {
  for (const [key, idKey, out] of [
    ['deals', 'deal_id', 'dealId'],
    ['customers', 'customer_id', 'customerId'],
  ] as const) {
    const row = wb.selectedRow(key);
    if (row < 2) continue;
    const id = idOf(wb.tab(key)!.readRow(row, [idKey])[idKey]);
    return id ? { [out]: id } : null;
  }
  return null;
}
