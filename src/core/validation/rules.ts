/**
 * Checks for what people type: e-mail and phone shapes, dates, numbers, lists. Each check
 * returns a message key (never text) so the sidebar and the server report the same problem in
 * the user's language. Pure functions: the sidebars run them as the user types, the server
 * runs them again on every save because anyone with edit access can call the server directly.
 */
import type { MessageKey } from '../i18n';

export type Problem = { key: MessageKey; params?: Record<string, string | number> };

/**
 * A practical e-mail shape: one @, a dot in the domain, no spaces. RFC 5322 allows more,
 * but what MailApp accepts and people really use fits this (https://html.spec.whatwg.org/#valid-e-mail-address).
 */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function checkEmail(raw: string): Problem | null {
  const v = raw.trim();
  if (!v) return null;
  return EMAIL.test(v) ? null : { key: 'validation.email' };
}

/**
 * Phone numbers as teams write them: +86 138 0013 8000, (021) 6234-5678, 138-0013-8000, with
 * an optional extension. 6–15 digits (E.164 allows at most 15).
 */
export function normalizePhone(raw: string): string {
  const v = raw.trim();
  const plus = v.startsWith('+') ? '+' : '';
  return plus + v.replace(/(ext\.?|x|转|分机).*$/i, '').replace(/\D/g, '');
}

export function checkPhone(raw: string): Problem | null {
  const v = raw.trim();
  if (!v) return null;
  if (!/^\+?[\d\s().\-/]+(\s*(ext\.?|x|转|分机)\s*\d+)?$/i.test(v)) return { key: 'validation.phone' };
  const digits = normalizePhone(v).replace('+', '');
  return digits.length >= 6 && digits.length <= 15 ? null : { key: 'validation.phone' };
}

/** A calendar date as the sidebars send it: YYYY-MM-DD (the value of an <input type=date>). */
export function parseIsoDate(raw: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

/**
 * Dates people paste from other tools: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日.
 * Day-first or month-first forms such as 03/05/2026 are ambiguous and refused, so a
 * wrong guess never lands in the register.
 */
export function parseLooseDate(raw: string): { y: number; m: number; d: number } | null {
  const v = raw.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v);
  if (!m) return null;
  return parseIsoDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
}

export function checkDate(raw: string): Problem | null {
  if (!raw.trim()) return null;
  return parseLooseDate(raw) ? null : { key: 'validation.date' };
}

export function checkRequired(raw: unknown): Problem | null {
  return raw === null || raw === undefined || String(raw).trim() === '' ? { key: 'validation.required' } : null;
}

export function checkNumber(raw: string, bounds?: { min?: number; max?: number }): Problem | null {
  const v = raw.trim().replace(/[,，\s]/g, '').replace(/^[¥$€£]/, '');
  if (!v) return null;
  const n = Number(v);
  if (!Number.isFinite(n)) return { key: 'validation.number' };
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
  'co ltd', 'company limited', 'limited', 'ltd', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'gmbh', 'co', 'company', 'group', 'plc',
  '股份有限公司', '有限责任公司', '有限公司', '集团', '公司',
].map((text) => ({ text, latin: /^[a-z ]+$/.test(text) }));

/** ASCII text is its own NFKC form, so the (costlier) normalisation can be skipped for it. */
const ASCII = /^[\x00-\x7f]*$/;

export function normalizeName(raw: string): string {
  let v = (ASCII.test(raw) ? raw : raw.normalize('NFKC')).toLowerCase().trim();
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
