/**
 * Checks for what people type: e-mail and phone shapes, dates, numbers, lists. Each check
 * returns a message key (never text) so the sidebar and the server report the same problem in
 * the user's language. Pure functions: the sidebars run them as the user types, the server
 * runs them again on every save because anyone with edit access can call the server directly.
 */
import type { MessageKey } from '../i18n';
import { CURRENCY_MARKS, type CurrencyCode } from '../money';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

export type Problem = { key: MessageKey; params?: Record<string, string | number> };

/**
 * A practical e-mail shape: one @, a dot in the domain, no spaces. RFC 5322 allows more,
 * but what MailApp accepts and people really use fits this (https://html.spec.whatwg.org/#valid-e-mail-address).
 */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * What a careless hand or an IME types, folded to what it means: NFKC turns full-width digits and
 * letters (１２３, ＡＢＣ), the full-width ＠, ，, ．, －, ＋ and the ideographic space into their
 * ASCII forms, then the ends are trimmed. Used for e-mails, phones, numbers and dates only: names
 * and notes keep what the user wrote.
 */
export function normalizeInput(raw: string): string {
  return raw.normalize('NFKC').trim();
}

export function normalizeEmail(raw: string): string {
  return normalizeInput(raw).toLowerCase();
}

export function checkEmail(raw: string): Problem | null {
  const v = normalizeInput(raw);
  if (!v) return null;
  return EMAIL.test(v) ? null : { key: 'validation.email' };
}

/**
 * A cell that must hold exactly one address (a team member's e-mail: digests and "who am I"
 * are sent to and matched on it). `ana@x.com, eve@outside.example` is two addresses and is
 * refused by name, so nobody's customer list goes to a second, outside address.
 */
export function checkSingleEmail(raw: string): Problem | null {
  const v = normalizeInput(raw);
  if (!v) return null;
  const parts = v.split(/[\s,;，；、]+/).filter(Boolean);
  if (parts.length > 1) return { key: 'validation.oneEmail', params: { count: parts.length } };
  return checkEmail(v);
}

/**
 * Phone numbers as teams write them: +86 138 0013 8000, (021) 6234-5678, 138-0013-8000, with
 * an optional extension. 6–15 digits (E.164 allows at most 15).
 */
export function normalizePhone(raw: string): string {
  const v = normalizeInput(raw);
  const plus = v.startsWith('+') ? '+' : '';
  return plus + v.replace(/(ext\.?|x|转|分机).*$/i, '').replace(/\D/g, '');
}

/** The phone as it is stored: full-width digits and signs folded (NFKC), runs of spaces made one. */
export function cleanPhone(raw: string): string {
  return normalizeInput(raw).replace(/\s+/g, ' ');
}

export function checkPhone(raw: string): Problem | null {
  const v = normalizeInput(raw);
  if (!v) return null;
  if (!/^\+?[\d\s().\-/]+(\s*(ext\.?|x|转|分机)\s*\d+)?$/i.test(v)) return { key: 'validation.phone' };
  const digits = normalizePhone(v).replace('+', '');
  return digits.length >= 6 && digits.length <= 15 ? null : { key: 'validation.phone' };
}

export type { Ymd };

/** A calendar date as the sidebars send it: YYYY-MM-DD (the value of an <input type=date>); full-width digits are folded first. */
export function parseIsoDate(raw: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(normalizeInput(raw));
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

/**
 * Dates people type or paste, year first: 2026-12-05, 2026/12/5, 2026.12.5, 2026年12月5日 (and
 * the same in full-width digits). Day-first or month-first forms such as 12/5/2026 are
 * ambiguous (5 December or 12 May) and refused, so a wrong guess never lands in the register.
 */
export function parseLooseDate(raw: string): Ymd | null {
  const v = normalizeInput(raw);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v);
  if (!m) return null;
  return parseIsoDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
}

export function checkDate(raw: string): Problem | null {
  if (!raw.trim()) return null;
  return parseLooseDate(raw) ? null : { key: 'validation.date' };
}

/** The earliest date a form accepts: nothing this team records happened before 2000. */
export const EARLIEST_DATE: Ymd = { y: 2000, m: 1, d: 1 };
/** How far ahead a form accepts a date: plans and deadlines beyond two years are typos of the year. */
export const MAX_YEARS_AHEAD = 2;

/** A day-first or month-first date (12/5/2026, 5.12.2026, 12-05-26): which is the day cannot be known. */
const DAY_OR_MONTH_FIRST = /^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}$/;

const dayNumber = (p: Ymd) => Date.UTC(p.y, p.m - 1, p.d);
const ymdText = (p: Ymd) => `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;

export interface DateRules {
  /** Today in the spreadsheet's time zone, YYYY-MM-DD (the window is counted from it). */
  today: string;
  /** The field's label in the user's language: every message names it. */
  field: string;
}

/**
 * A plausible date: not before 2000 and not more than MAX_YEARS_AHEAD years after today. The
 * objection form once saved a next step in the year 6125: Chromium's date field (month / day /
 * year) turns the digits of a typed 2026年12月5日 into 02/02/6125, and nothing refused a year
 * that far out. Checked wherever a date comes in, so no path stores one.
 */
export function checkPlausibleDate(date: Ymd, rules: DateRules): Problem | null {
  const today = parseIsoDate(rules.today);
  const value = ymdText(date);
  if (dayNumber(date) < dayNumber(EARLIEST_DATE)) return { key: 'validation.dateTooEarly', params: { field: rules.field, value } };
  if (today && dayNumber(date) > Date.UTC(today.y + MAX_YEARS_AHEAD, today.m - 1, today.d))
    return { key: 'validation.dateTooLate', params: { field: rules.field, value, years: MAX_YEARS_AHEAD } };
  return null;
}

export type DateRead = { ok: true; date: Ymd | null } | { ok: false; problem: Problem };

/**
 * A date field as every form and the import read it: blank is no date; a year-first date
 * (parseLooseDate) inside the plausible window is the date; a day- or month-first one is refused
 * with "write the year first"; anything else with the expected form. Each message names the field.
 */
export function readDate(raw: unknown, rules: DateRules): DateRead {
  if (raw === null || raw === undefined || raw === '') return { ok: true, date: null };
  if (typeof raw !== 'string') return { ok: false, problem: { key: 'validation.dateField', params: { field: rules.field } } };
  const v = normalizeInput(raw);
  if (!v) return { ok: true, date: null };
  const date = parseLooseDate(v);
  if (!date) {
    const key = DAY_OR_MONTH_FIRST.test(v) ? 'validation.dateOrder' : 'validation.dateField';
    return { ok: false, problem: { key, params: { field: rules.field, value: v } } };
  }
  const p = checkPlausibleDate(date, rules);
  return p ? { ok: false, problem: p } : { ok: true, date };
}

export function checkRequired(raw: unknown): Problem | null {
  return raw === null || raw === undefined || String(raw).trim() === '' ? { key: 'validation.required' } : null;
}

/**
 * A decimal number as people write it: an optional sign, digits with or without thousands
 * separators in groups of three (1,200,000 or 1 200 000; the full-width ， counts), an optional
 * decimal point. Nothing else: Number() would also take hex (0x10 = 16), exponents (1e3, and
 * 5e-400, which silently becomes 0), Infinity and blanks, none of which a person means as an
 * amount. A number from a cell or a page is taken when it is finite. The one parser of every
 * numeric field and setting; null when it is not such a number.
 */
const DECIMAL = /^[+-]?(?:\d{1,3}(?:[, ]\d{3})+|\d+)?(?:\.\d+)?$/;

export function parseDecimal(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const v = normalizeInput(raw).replace(/[\u00a0\u2009\u202f]/g, ' ');
  if (!/\d/.test(v) || !DECIMAL.test(v)) return null;
  const n = Number(v.replace(/[, ]/g, ''));
  if (!Number.isFinite(n)) return null;
  // So many decimals that the double rounds to 0 (0.000…0001): not what was typed.
  if (n === 0 && /[1-9]/.test(v)) return null;
  return n;
}

/** `digits` (a plain decimal, no separators) times 10^k, exactly: 4.8 × 10^4 is 48000, not 48000.000000000004. */
function shiftDecimal(digits: string, k: number): number {
  const sign = digits.startsWith('-') ? '-' : '';
  const [int, frac = ''] = digits.replace(/^[+-]/, '').split('.');
  const padded = frac.padEnd(k, '0');
  const whole = `${int}${padded.slice(0, k)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(k);
  return Number(`${sign}${whole || '0'}${rest ? `.${rest}` : ''}`);
}

/** Multipliers people write after an amount: 48k (thousand), 4.8万 (ten thousand), 1.2亿 (hundred million). */
const MULTIPLIERS: Record<string, number> = { k: 3, K: 3, 万: 4, 亿: 8 };

export interface MoneyRead {
  amount: number;
  /** The currency the text names (its ISO code), the bare sign when only ¥ or $ was written, null when none. */
  currency: CurrencyCode | '¥' | '$' | null;
}

/**
 * An amount as reps type it, in either language: ¥48,000 · ￥48,000 · 48,000元 · 4.8万 · 4.8万元 ·
 * 48k · $1,200.50 · US$1,200.50 · RMB 48,000 · 1,200.50 USD · 1200 美元. The number goes through
 * parseDecimal (so 0x10 and 5e-400 stay refused); a currency sign or word before or after it
 * is recognised (CURRENCY_MARKS) and returned, never silently dropped. "48k" is accepted
 * (thousands, as sales people say it); "1.2m" is not: m is million to some, a typo to others.
 */
export function parseMoney(raw: unknown): MoneyRead | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { amount: raw, currency: null } : null;
  if (typeof raw !== 'string') return null;
  let v = normalizeInput(raw);
  const upper = () => v.toUpperCase();
  let currency: MoneyRead['currency'] = null;
  const before = CURRENCY_MARKS.find(([mark]) => upper().startsWith(mark.toUpperCase()));
  if (before) {
    v = v.slice(before[0].length).trim();
    currency = before[1];
  } else {
    const after = CURRENCY_MARKS.find(([mark]) => upper().endsWith(mark.toUpperCase()));
    if (after) {
      v = v.slice(0, v.length - after[0].length).trim();
      currency = after[1];
    }
  }
  const shift = MULTIPLIERS[v.slice(-1)] ?? 0;
  if (shift) v = v.slice(0, -1).trim();
  const n = parseDecimal(v);
  if (n === null) return null;
  if (!shift) return { amount: n, currency };
  const amount = shiftDecimal(v.replace(/[, \u00a0\u2009\u202f]/g, ''), shift);
  return Number.isFinite(amount) ? { amount, currency } : null;
}

/** A number field: blank is fine (required is checked apart), else a decimal (currency signs and 万/k allowed, see parseMoney) within the bounds. */
export function checkNumber(raw: string, bounds?: { min?: number; max?: number }): Problem | null {
  if (!normalizeInput(raw)) return null;
  const read = parseMoney(raw);
  if (!read) return { key: 'validation.number' };
  const n = read.amount;
  if (bounds?.min !== undefined && n < bounds.min) return { key: 'validation.min', params: { min: bounds.min } };
  if (bounds?.max !== undefined && n > bounds.max) return { key: 'validation.max', params: { max: bounds.max } };
  return null;
}

export function checkInList(raw: string, allowed: readonly string[]): Problem | null {
  const v = raw.trim();
  if (!v) return null;
  return allowed.includes(v) ? null : { key: 'validation.list', params: { allowed: allowed.join(' / ') } };
}

/** Longest text a cell may hold in Google Sheets. */
export const MAX_CELL_CHARS = 50_000;

export function checkLength(raw: string, max = MAX_CELL_CHARS): Problem | null {
  return raw.length > max ? { key: 'validation.tooLong', params: { max } } : null;
}

/**
 * A company or person name reduced to what makes two spellings the same customer:
 * case, width (full-width Ｂ vs B), spaces, punctuation and common legal suffixes
 * (Ltd, Co., Inc, 有限公司, 股份有限公司, 集团) do not count.
 */
const NAME_SUFFIXES: { text: string; latin: boolean }[] = [
  'co ltd',
  'company limited',
  'limited',
  'ltd',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'gmbh',
  'co',
  'company',
  'group',
  'plc',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团',
  '公司',
].map((text) => ({ text, latin: /^[a-z ]+$/.test(text) }));

/** True when every character is ASCII: such text is its own NFKC form, so the (costlier) normalisation can be skipped. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function normalizeName(raw: string): string {
  let v = (isAscii(raw) ? raw : raw.normalize('NFKC')).toLowerCase().trim();
  v = v.replace(/[\s.,，。·・'"’“”()（）\-_/&]+/g, ' ');
  let changed = true;
  while (changed) {
    changed = false;
    v = v.trim();
    for (const s of NAME_SUFFIXES) {
      if (v.endsWith(s.text) && v.length > s.text.length) {
        const before = v.slice(0, v.length - s.text.length);
        // Latin suffixes must stand as a word; Chinese ones attach directly.
        if (s.latin && !before.endsWith(' ')) continue;
        v = before;
        changed = true;
      }
    }
  }
  return v.replace(/\s+/g, '');
}
