/**
 * The Add deal form's input, checked the same way in the sidebar (as the user types) and on the
 * server (again, because anyone with edit access can call the server from the console).
 * Problems are message keys, so both sides speak the user's language.
 */
import type { Problem } from '../validation/rules';
import { checkLength, checkNumber, checkPlausibleDate, checkRequired, EARLIEST_DATE, parseIsoDate, parseMoney } from '../validation/rules';
import { getList } from '../lists';
import { t as translate, type Locale } from '../i18n';
import { serialFromYmd } from './dates';

export type DealKind = 'new' | 'repurchase' | 'upsell';

export const DEAL_FIELDS = ['customer_id', 'amount', 'won_on', 'product', 'kind', 'notes'] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

/** The largest amount accepted (a typo guard: a trillion in any currency is not a deal of this team). */
export const MAX_DEAL_AMOUNT = 1e12;
export const MAX_PRODUCT_CHARS = 200;
export const MAX_NOTES_CHARS = 5000;

export interface DealInput {
  customer_id: string;
  amount: number;
  /** YYYY-MM-DD */
  won_on: string;
  product: string;
  kind: DealKind;
  notes: string;
}

/** What the Add deal form sends: every field as typed (the amount too), checked by checkDealInput. */
export type DealFormValues = Record<DealField, string>;

export type DealCheck = { ok: true; value: DealInput } | { ok: false; problems: Partial<Record<DealField, Problem>> };

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/** The amount of a checked input (parseMoney: the one number parser); NaN when it is not one. */
export function parseAmount(raw: string): number {
  return parseMoney(raw)?.amount ?? NaN;
}

/**
 * Checks untrusted input: only strings (or a number for the amount) are accepted, everything
 * else counts as blank. `today` is the spreadsheet's date (YYYY-MM-DD): a deal cannot be won
 * after today, nor before 2000; `locale` names the field in that message.
 */
export function checkDealInput(raw: unknown, today: string, locale: Locale = 'en'): DealCheck {
  const o = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: Partial<Record<DealField, Problem>> = {};
  const customerId = str(o.customer_id).trim();
  const amountRaw = str(o.amount);
  const wonOn = str(o.won_on).trim();
  const product = str(o.product).trim();
  const kind = str(o.kind).trim();
  const notes = str(o.notes);

  const req = checkRequired(customerId);
  if (req) problems.customer_id = req;
  else if (customerId.length > 40) problems.customer_id = { key: 'deal.customerUnknown' };

  const amountProblem = checkRequired(amountRaw) ?? checkNumber(amountRaw, { min: 0, max: MAX_DEAL_AMOUNT });
  if (amountProblem) problems.amount = amountProblem;

  if (!wonOn) problems.won_on = { key: 'validation.required' };
  else {
    const d = parseIsoDate(wonOn);
    const t = parseIsoDate(today);
    if (!d) problems.won_on = { key: 'validation.date' };
    else if (d.y < EARLIEST_DATE.y) problems.won_on = checkPlausibleDate(d, { today, field: translate(locale, 'deal.wonOn') })!;
    else if (t && serialFromYmd(d.y, d.m, d.d) > serialFromYmd(t.y, t.m, t.d)) problems.won_on = { key: 'deal.wonInFuture' };
  }

  const productProblem = checkLength(product, MAX_PRODUCT_CHARS);
  if (productProblem) problems.product = productProblem;

  const kinds = getList('deal_kind').items.map((i) => i.key);
  if (!kind) problems.kind = { key: 'validation.required' };
  else if (!kinds.includes(kind)) problems.kind = { key: 'deal.kindUnknown' };

  const notesProblem = checkLength(notes, MAX_NOTES_CHARS);
  if (notesProblem) problems.notes = notesProblem;

  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, value: { customer_id: customerId, amount: parseAmount(amountRaw), won_on: wonOn, product, kind: kind as DealKind, notes } };
}
