/**
 * A deal as a pipeline item (issue 15): customer, scenario (new customer / repurchase-upsell /
 * key account, seed 002 §一), amount and currency, expected close date, win probability (the
 * stage's default from Settings unless the deal overrides it), status open / won / lost with its
 * date, the loss reason (the objection types, as for a lost customer), owner, expected and actual
 * delivery. checkDeal reads what the Deal sidebar sends (untrusted) into a clean deal, with field
 * errors in the user's language; the probability and the weighted value are below (their formula
 * twins in ./columns.ts). It supersedes checkDealInput (core/tiers/deal-input, the won-only Add
 * deal form) once the Deal sidebar is wired; the limits are that module's. Times are serial days
 * in the spreadsheet's time zone (core/cadence/time).
 */
import { t, type Locale } from '../i18n';
import { listItemKey } from '../lists';
import { scenarioKeyOf, type ScenarioKey } from '../cadence/rules';
import type { StageKey } from '../customers/stage';
import { matchOwner, type TeamMember } from '../customers/team';
import { CURRENCIES, isCurrencyCode, resolveCurrency, type CurrencyCode } from '../money';
import { checkLength, parseDecimal, parseIsoDate, parseMoney, readDate, type Ymd } from '../validation/rules';
import { serialFromYmd } from '../tiers/dates';
import { getSetting } from '../settings';
import type { FieldErrors } from '../result';
import { MAX_DEAL_AMOUNT, MAX_NOTES_CHARS, MAX_PRODUCT_CHARS } from '../tiers/deal-input';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** A deal as the pipeline rules read it. */
export interface Deal {
  id: string;
  customerId: string;
  scenario: ScenarioKey | null;
  amount: number;
  currency: CurrencyCode;
  /** Serial day, or null. */
  expectedClose: number | null;
  /** The deal's own probability (0–1), or null: the customer's stage decides (stageProbability). */
  probability: number | null;
  status: DealStatus;
  /** Won or lost on (serial day); null while open. */
  closedOn: number | null;
  lossReason: string;
  owner: string;
  expectedDelivery: number | null;
  deliveredOn: number | null;
  /** When the deal was opened (serial), for stale deals never contacted since; null when unknown. */
  createdAt: number | null;
}

/** The longest notes (as the Add deal form, whose check this one supersedes). */
export const MAX_TEXT = MAX_NOTES_CHARS;

export interface DealCheckContext {
  locale: Locale;
  /** Today in the spreadsheet's zone, YYYY-MM-DD. */
  today: string;
  /** The workbook's currency (core/money workbookCurrency). */
  currency: CurrencyCode;
  team: readonly TeamMember[];
  /** The loss reasons offered: the objection_type list as the Lists tab holds it. */
  lossReasons: readonly string[];
}

/** The checked deal, as the form gave it (the ID and creation time are the server's). */
export type DealInput = Omit<Deal, 'id' | 'createdAt'> & { product: string; notes: string };

const FIELDS = [
  'customerId',
  'scenario',
  'amount',
  'currency',
  'expectedClose',
  'probability',
  'status',
  'closedOn',
  'lossReason',
  'owner',
  'expectedDelivery',
  'deliveredOn',
  'product',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];

const LABEL: Record<Field, Parameters<typeof t>[1]> = {
  customerId: 'deal.customer',
  scenario: 'pipeline.scenario',
  amount: 'deal.amount',
  currency: 'pipeline.currency',
  expectedClose: 'pipeline.expectedClose',
  probability: 'pipeline.probability',
  status: 'pipeline.status',
  closedOn: 'pipeline.closedOn',
  lossReason: 'pipeline.lossReason',
  owner: 'pipeline.owner',
  expectedDelivery: 'pipeline.expectedDelivery',
  deliveredOn: 'pipeline.deliveredOn',
  product: 'deal.product',
  notes: 'deal.notes',
};

/** The status a form or cell value names (key or label in either language), or null. */
export function dealStatusOf(v: unknown): DealStatus | null {
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  if ((DEAL_STATUSES as readonly string[]).includes(s)) return s as DealStatus;
  const k = listItemKey('deal_status', v);
  return k === 'open' || k === 'won' || k === 'lost' ? k : null;
}

/**
 * A probability as a person types it: a percentage 0–100, with or without "%" (60, "60 %",
 * "６０％"); blank → null (the stage decides). Returns undefined when it is not one.
 */
export function parseProbability(raw: unknown): number | null | undefined {
  if (raw === '' || raw === null || raw === undefined) return null;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.normalize('NFKC').trim().replace(/\s*%$/, '') : null;
  if (text === null) return undefined;
  if (text === '') return null;
  const n = parseDecimal(text);
  if (n === null || n < 0 || n > 100) return undefined;
  return Math.round(n * 100) / 10000;
}

const serialOf = (d: Ymd) => serialFromYmd(d.y, d.m, d.d);

/**
 * Checks one deal from the Deal sidebar. A won deal needs the day it was won (not after today);
 * a lost one the day and a loss reason; an open one keeps neither (reopening clears them). The
 * amount goes through parseMoney (¥48,000 · 48,000元 · 4.8万 · $1,200.50): a currency it names is
 * the deal's currency, else the workbook's. At most the currency's decimals (cents; none for yen).
 */
export function checkDeal(raw: unknown, ctx: DealCheckContext): { ok: true; value: DealInput } | { ok: false; errors: FieldErrors } {
  const L = ctx.locale;
  const src = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const get = (f: Field): unknown => (Object.prototype.hasOwnProperty.call(src, f) ? src[f] : undefined);
  const text = (f: Field): string => {
    const v = get(f);
    return typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  };
  const errors: FieldErrors = {};
  const label = (f: Field) => t(L, LABEL[f]);
  const date = (f: Field): number | null => {
    const r = readDate(get(f) === undefined ? '' : get(f), { today: ctx.today, field: label(f) });
    if (!r.ok) {
      errors[f] = t(L, r.problem.key, r.problem.params);
      return null;
    }
    return r.date ? serialOf(r.date) : null;
  };
  const todayYmd = parseIsoDate(ctx.today);
  const today = todayYmd ? serialOf(todayYmd) : Infinity;

  const customerId = text('customerId');
  if (!customerId) errors.customerId = t(L, 'validation.required');
  else if (customerId.length > 40) errors.customerId = t(L, 'deal.customerUnknown');

  const scenarioRaw = text('scenario');
  const scenario = scenarioRaw
    ? (scenarioKeyOf(scenarioRaw) ?? (['new', 'repurchase', 'key_account'].includes(scenarioRaw) ? (scenarioRaw as ScenarioKey) : null))
    : null;
  if (scenarioRaw && !scenario) errors.scenario = t(L, 'pipeline.error.scenario');

  let currency = ctx.currency;
  const currencyRaw = text('currency').toUpperCase();
  if (currencyRaw && !isCurrencyCode(currencyRaw)) errors.currency = t(L, 'pipeline.error.currency');
  else if (currencyRaw) currency = currencyRaw as CurrencyCode;

  let amount = 0;
  const amountRaw = get('amount');
  const money = typeof amountRaw === 'string' || typeof amountRaw === 'number' ? parseMoney(amountRaw) : null;
  if (amountRaw === undefined || amountRaw === null || amountRaw === '') errors.amount = t(L, 'validation.required');
  else if (!money) errors.amount = t(L, 'validation.number');
  else {
    if (money.currency !== null && !currencyRaw) currency = resolveCurrency(money.currency, ctx.currency);
    const f = 10 ** CURRENCIES[currency].decimals;
    if (money.amount < 0) errors.amount = t(L, 'validation.min', { min: 0 });
    else if (money.amount > MAX_DEAL_AMOUNT) errors.amount = t(L, 'validation.max', { max: MAX_DEAL_AMOUNT });
    else if (Math.abs(Math.round(money.amount * f) - money.amount * f) > 1e-6)
      errors.amount = t(L, 'pipeline.error.cents', { decimals: CURRENCIES[currency].decimals });
    else amount = money.amount;
  }

  const probability = parseProbability(get('probability'));
  if (probability === undefined) errors.probability = t(L, 'pipeline.error.probability');

  const statusRaw = get('status');
  const status = statusRaw === undefined || statusRaw === '' ? 'open' : dealStatusOf(statusRaw);
  if (!status) errors.status = t(L, 'pipeline.error.status');

  const expectedClose = date('expectedClose');
  const expectedDelivery = date('expectedDelivery');
  let closedOn = date('closedOn');
  let deliveredOn = date('deliveredOn');
  let lossReason = text('lossReason');
  if (status === 'won' || status === 'lost') {
    if (closedOn === null && !errors.closedOn) errors.closedOn = t(L, status === 'won' ? 'pipeline.error.wonOn' : 'pipeline.error.lostOn');
    else if (closedOn !== null && closedOn > today) errors.closedOn = t(L, 'pipeline.error.closedFuture');
  }
  if (status === 'lost') {
    const reason = lossReason
      ? (ctx.lossReasons.find((r) => r.trim().toLowerCase() === lossReason.toLowerCase()) ?? (listItemKey('objection_type', lossReason) ? lossReason : null))
      : null;
    if (!lossReason) errors.lossReason = t(L, 'pipeline.error.lossReason');
    else if (!reason) errors.lossReason = t(L, 'validation.list', { allowed: ctx.lossReasons.join(' / ') });
    else lossReason = reason;
  } else lossReason = '';
  if (status === 'open') closedOn = null;
  if (deliveredOn !== null && status !== 'won') {
    errors.deliveredOn = t(L, 'pipeline.error.deliveredNotWon');
    deliveredOn = null;
  } else if (deliveredOn !== null && deliveredOn > today) errors.deliveredOn = t(L, 'pipeline.error.deliveredFuture');
  else if (deliveredOn !== null && closedOn !== null && deliveredOn < closedOn) errors.deliveredOn = t(L, 'pipeline.error.deliveredBeforeWon');

  let owner = '';
  const ownerRaw = text('owner');
  if (ownerRaw) {
    const m = matchOwner(ctx.team, ownerRaw);
    if (m && 'member' in m) owner = m.member.name;
    else if (m) errors.owner = t(L, 'validation.ownerAmbiguous', { value: ownerRaw, matches: m.ambiguous.map((x) => x.name).join(', ') });
    else errors.owner = t(L, 'customers.ownerNotInTeam', { allowed: ctx.team.map((x) => x.name).join(' / ') });
  }

  const product = text('product');
  const notes = text('notes');
  for (const [f, v] of [
    ['product', product],
    ['notes', notes],
  ] as const) {
    const p = checkLength(v, f === 'product' ? MAX_PRODUCT_CHARS : MAX_TEXT);
    if (p) errors[f] = t(L, p.key, p.params);
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      customerId,
      scenario,
      amount,
      currency,
      expectedClose,
      probability: probability ?? null,
      status: status!,
      closedOn,
      lossReason,
      owner,
      expectedDelivery,
      deliveredOn,
      product,
      notes,
    },
  };
}

/** Stage probabilities from Settings (stage_probability_<stage>), by stage; missing or unreadable values: the declared defaults. */
export type StageProbabilities = Record<StageKey, number>;

export function stageProbabilities(values: Readonly<Record<string, unknown>> = {}): StageProbabilities {
  const out = {} as StageProbabilities;
  for (const s of ['reach', 'needs', 'solution', 'objections', 'negotiation', 'delivery', 'won', 'lost', 'on_hold'] as const) {
    const key = `stage_probability_${s}`;
    const v = values[key];
    out[s] = typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : (getSetting(key).default as number);
  }
  return out;
}

/**
 * The win probability a deal counts with: won 100 %, lost 0 %; open, its own probability when
 * the deal has one, else the customer's current stage's from Settings (a customer with no stage
 * counts as stage 1).
 */
export function dealProbability(d: Pick<Deal, 'status' | 'probability'>, customerStage: StageKey | null, p: StageProbabilities): number {
  if (d.status === 'won') return 1;
  if (d.status === 'lost') return 0;
  return d.probability ?? p[customerStage ?? 'reach'];
}

/** The weighted value: amount × the probability the deal counts with. */
export function weightedValue(d: Pick<Deal, 'status' | 'probability' | 'amount'>, customerStage: StageKey | null, p: StageProbabilities): number {
  return d.amount * dealProbability(d, customerStage, p);
}
