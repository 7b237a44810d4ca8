/**
 * "Why was this customer lost?": when a customer's stage becomes Lost the rep names the
 * objection that cost the deal (or logs a new one), and the Objections tab's `lost_deal` box
 * records it, so the log answers "why do we lose" (the KPI in src/core/kpis/objections.ts).
 *
 * Hooks for the customer save path (issue 5): after a save that sets stage = Lost, call
 * `askLossReasonIfLost(customerId, stage)` (server side) — it opens the small Loss dialog.
 * A user who types Lost into the stage cell is asked the same way from an installable
 * on-edit trigger (a simple onEdit may not open dialogs): `askLossReasonIfLost(id, e.value)`.
 */
import { t } from '../core/i18n';
import { listItemKey } from '../core/lists';
import { fieldFailure, type SaveResult } from '../core/result';
import { checkObjection, type ObjectionInput } from '../core/objections';
import { currentUser, openWorkbook, type Workbook } from './records';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import { showDialog } from './host';
import { appendObjection, checkContext, currentRep, findCustomer, objectionRecord, type Option } from './objections';

const badArg = (detail: string) => new Error(t(currentLocale(), 'error.badArgument', { detail }));

function customerIdArg(v: unknown): string {
  if (typeof v !== 'string' || !v.trim() || v.length > 40) throw badArg('customerId');
  return v.trim();
}

/** Server-side hook: opens the loss dialog when `stage` is Lost (in either language). Returns whether it did. */
export function askLossReasonIfLost(customerId: string, stage: string): boolean {
  if (listItemKey('stage', stage) !== 'lost') return false;
  showLossDialog(customerId);
  return true;
}

/** Opens the small "why was this customer lost?" dialog. */
export function showLossDialog(customerId: string): void {
  const id = customerIdArg(customerId);
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Loss');
  page.locale = locale;
  page.customerId = id;
  showDialog(page.evaluate(), t(locale, 'loss.title'), 420, 520);
}

export interface LossObjection {
  id: string;
  type: string;
  details: string;
  /** ISO instant or ''. */
  raisedAt: string;
  result: string;
  lostDeal: boolean;
}

export interface LossDialogData {
  customer: { id: string; name: string } | null;
  objections: LossObjection[];
  types: Option[];
}

/** Dialog API: the customer and their objections, newest first. */
export function getLossDialogData(customerId: string): LossDialogData {
  const id = customerIdArg(customerId);
  const wb = openWorkbook();
  const log = wb.tab('objections');
  if (!log) return { customer: null, objections: [], types: [] };
  const c = findCustomer(wb, id);
  const ctx = checkContext(wb, currentLocale());
  const types = ctx.types.map((v) => ({ value: v, label: v }));
  if (!c) return { customer: null, objections: [], types };
  const rows = log.readAll(['objection_id', 'customer_id', 'raised_at', 'type', 'details', 'result', 'lost_deal']).rows.map((r) => r.values);
  const objections: LossObjection[] = rows
    .filter(
      (r) =>
        String(r.customer_id ?? '')
          .trim()
          .toLowerCase() === c.id.toLowerCase() && String(r.objection_id ?? '').trim(),
    )
    .map((r) => ({
      id: String(r.objection_id).trim(),
      type: String(r.type ?? ''),
      details: String(r.details ?? ''),
      raisedAt: r.raised_at instanceof Date ? r.raised_at.toISOString() : '',
      result: String(r.result ?? ''),
      lostDeal: r.lost_deal === true,
    }))
    .reverse();
  return { customer: { id: c.id, name: c.name }, objections, types };
}

export interface LossRecorded {
  objectionId: string;
  created: boolean;
}

/** The objection the loss dialog logs when none of the customer's objections was the reason. */
export type NewLossObjection = Pick<ObjectionInput, 'type' | 'details' | 'cause'>;

/**
 * Records which objection lost the customer: an existing objection ID of that customer, or
 * 'new' with `newObjection` = { type, details, cause } to log one (raised now, unresolved).
 */
export function recordLossReason(customerId: string, objectionIdOrNew: string, newObjection?: NewLossObjection): SaveResult<LossRecorded> {
  const locale = currentLocale();
  const id = customerIdArg(customerId);
  if (typeof objectionIdOrNew !== 'string' || !objectionIdOrNew.trim() || objectionIdOrNew.length > 40) throw badArg('objection');
  const wb = openWorkbook();
  const log = wb.tab('objections');
  if (!log) return fieldFailure({}, t(locale, 'objection.error.notSetUp'));
  const ctx = checkContext(wb, locale);
  const me = currentRep(wb);
  if (objectionIdOrNew === 'new') {
    const src = (newObjection && typeof newObjection === 'object' ? newObjection : {}) as Record<string, unknown>;
    const unresolved = ctx.results.find((r) => listItemKey('objection_result', r) === 'unresolved') ?? '';
    const checked = checkObjection(
      {
        customerId: id,
        raisedAt: new Date().toISOString(),
        type: src.type,
        details: src.details,
        cause: src.cause,
        response: '',
        answeredAt: '',
        result: unresolved,
        nextStep: '',
        nextStepOwner: '',
        nextStepDue: '',
      },
      ctx,
    );
    if (!checked.ok) return fieldFailure(checked.errors, t(locale, 'objection.fixErrors'));
    return withDocumentLock(() => {
      const c = findCustomer(wb, id);
      if (!c) return fieldFailure<LossRecorded>({ customerId: t(locale, 'loss.error.noCustomer') }, t(locale, 'loss.error.noCustomer'));
      checked.value.customerId = c.id;
      const now = new Date();
      const objectionId = appendObjection(wb, {
        ...objectionRecord(checked.value, c.name, me || c.owner, now, wb.timeZone(), currentUser(wb).by),
        lost_deal: true,
      });
      reasonGiven(wb, c.id);
      return { ok: true as const, value: { objectionId, created: true } };
    });
  }
  const want = objectionIdOrNew.trim().toLowerCase();
  return withDocumentLock(() => {
    const c = findCustomer(wb, id);
    if (!c) return fieldFailure<LossRecorded>({ customerId: t(locale, 'loss.error.noCustomer') }, t(locale, 'loss.error.noCustomer'));
    const hit = log.lookup(want, ['customer_id']);
    if (
      !hit ||
      String(hit.values.customer_id ?? '')
        .trim()
        .toLowerCase() !== c.id.toLowerCase()
    )
      return fieldFailure<LossRecorded>({ objection: t(locale, 'loss.error.noObjection') }, t(locale, 'loss.error.noObjection'));
    log.write(hit.row, [{ lost_deal: true, updated_at: new Date() }]);
    reasonGiven(wb, c.id);
    return { ok: true as const, value: { objectionId: String(hit.values.objection_id).trim(), created: false } };
  });
}

/** The "reason missing" items of a customer (Lost typed in the grid, src/server/grid-edit.ts) are done once the reason is recorded: one read of the log. */
function reasonGiven(wb: Workbook, customerId: string): void {
  const followups = wb.tab('followups');
  if (!followups) return;
  const now = new Date();
  const open = followups.readAll(['customer_id', 'rule', 'done_at', 'cancelled']).rows.filter(
    (r) =>
      r.values.rule === 'loss_reason' &&
      (r.values.done_at === '' || r.values.done_at == null) &&
      r.values.cancelled !== true &&
      String(r.values.customer_id ?? '')
        .trim()
        .toLowerCase() === customerId.toLowerCase(),
  );
  for (const r of open) followups.write(r.row, [{ done_at: now, updated_at: now }]);
}
