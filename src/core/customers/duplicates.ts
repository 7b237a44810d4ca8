/**
 * Finding the customer a new or edited record may already be: same e-mail, same phone, or the
 * same company name once case, width, punctuation and legal suffixes are ignored
 * (normalizeName). Pure: the server hands in the few columns it read in one batch.
 */
import { isAscii, normalizeEmail, normalizeName, normalizePhone } from '../validation/rules';

export type MatchField = 'email' | 'phone' | 'name';

/** The identifying fields of one existing row. */
export interface ExistingCustomer {
  /** 1-based sheet row. */
  row: number;
  id: string;
  name: string;
  email: string;
  phone: string;
}

export interface DuplicateMatch {
  row: number;
  id: string;
  name: string;
  /** Which fields matched, strongest first. */
  on: MatchField[];
}

/** Digits of a phone number, without the + of an international prefix. */
export function phoneDigits(raw: string): string {
  return normalizePhone(raw).replace('+', '');
}

/**
 * Two phone numbers are the same line when their digits are equal, or when one is the other
 * with a country or area prefix in front (+86 138 0013 8000 vs 138-0013-8000, +86 21 … vs 021 …); the shorter must
 * still have 8 digits, so short extensions never match by accident.
 */
export function samePhone(a: string, b: string): boolean {
  return sameDigits(phoneDigits(a), phoneDigits(b));
}

/** samePhone on numbers already reduced to their digits (phoneDigits). */
function sameDigits(x: string, y: string): boolean {
  if (x.length < 6 || y.length < 6) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  // A national trunk prefix (the 0 of 021 …) disappears after a country code (+86 21 …).
  const bare = short.replace(/^0+/, '');
  return (short.length >= 8 && long.endsWith(short)) || (bare.length >= 8 && long.replace(/^0+/, '').endsWith(bare));
}

/** Keys used for matching a candidate; blank parts never match. */
export interface MatchKeys {
  email: string;
  phone: string;
  name: string;
}

export function matchKeys(rec: { name?: unknown; email?: unknown; phone?: unknown }): MatchKeys {
  return {
    email: normalizeEmail(String(rec.email ?? '')),
    phone: String(rec.phone ?? '').trim(),
    name: normalizeName(String(rec.name ?? '')),
  };
}

/** What matched between two key sets, strongest first. */
export function matchOn(a: MatchKeys, b: MatchKeys): MatchField[] {
  const on: MatchField[] = [];
  if (a.email && a.email === b.email) on.push('email');
  if (a.phone && b.phone && samePhone(a.phone, b.phone)) on.push('phone');
  if (a.name && a.name === b.name) on.push('name');
  return on;
}

/**
 * An index over the existing rows so an import of thousands of rows stays linear: exact keys
 * for e-mail and name, the last 8 digits for phones (then samePhone confirms).
 */
export class DuplicateIndex {
  private readonly byEmail = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();
  private readonly byPhoneTail = new Map<string, number[]>();
  private readonly entries: { c: ExistingCustomer; keys: MatchKeys }[] = [];

  constructor(existing: Iterable<ExistingCustomer> = []) {
    for (const c of existing) this.add(c);
  }

  add(c: ExistingCustomer): void {
    const keys = matchKeys(c);
    const i = this.entries.length;
    this.entries.push({ c, keys });
    const push = (m: Map<string, number[]>, k: string) => {
      if (!k) return;
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    };
    push(this.byEmail, keys.email);
    push(this.byName, keys.name);
    const d = phoneDigits(keys.phone);
    if (d.length >= 6) push(this.byPhoneTail, d.slice(-8));
  }

  /** Existing customers the record may be, in sheet order; `excludeId` leaves out the record itself (an edit). */
  find(rec: { name?: unknown; email?: unknown; phone?: unknown }, excludeId?: string, excludeRow?: number): DuplicateMatch[] {
    const keys = matchKeys(rec);
    const candidates = new Set<number>();
    for (const i of this.byEmail.get(keys.email) ?? []) candidates.add(i);
    for (const i of this.byName.get(keys.name) ?? []) candidates.add(i);
    const d = phoneDigits(keys.phone);
    if (d.length >= 6) for (const i of this.byPhoneTail.get(d.slice(-8)) ?? []) candidates.add(i);
    const out: DuplicateMatch[] = [];
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const { c, keys: k } = this.entries[i];
      if (excludeId && c.id === excludeId) continue;
      if (excludeRow !== undefined && c.row === excludeRow) continue;
      const on = matchOn(keys, k);
      if (on.length) out.push({ row: c.row, id: c.id, name: c.name, on });
    }
    return out;
  }
}

/**
 * The existing customers one record may be, in sheet order, from one pass over them: for a single
 * record nothing is built (DuplicateIndex pays off when many records are checked, as an import
 * does); each row is compared on the keys the record has, cheapest first. `excludeId` /
 * `excludeRow` leave out the record itself (an edit).
 */
export function findDuplicates(
  rec: { name?: unknown; email?: unknown; phone?: unknown },
  existing: Iterable<ExistingCustomer>,
  excludeId?: string,
  excludeRow?: number,
): DuplicateMatch[] {
  const keys = matchKeys(rec);
  const digits = phoneDigits(keys.phone);
  const out: DuplicateMatch[] = [];
  for (const c of existing) {
    if ((excludeId && c.id === excludeId) || (excludeRow !== undefined && c.row === excludeRow)) continue;
    const on: MatchField[] = [];
    if (keys.email && c.email && sameEmail(c.email, keys.email)) on.push('email');
    if (digits.length >= 6 && c.phone && lastDigitMayBe(c.phone, digits) && sameDigits(digits, phoneDigits(c.phone))) on.push('phone');
    if (keys.name && c.name && firstLetterMayBe(c.name, keys.name) && normalizeName(c.name) === keys.name) on.push('name');
    if (on.length) out.push({ row: c.row, id: c.id, name: c.name, on });
  }
  return out;
}

/**
 * normalizeEmail(raw) === normalized, without making a lower-cased copy of every address of the
 * register: an ASCII address is compared character by character, A–Z read as a–z.
 */
function sameEmail(raw: string, normalized: string): boolean {
  const t = raw.trim();
  if (!isAscii(t)) return t.toLowerCase() === normalized;
  if (t.length !== normalized.length) return false;
  for (let i = 0; i < t.length; i++) {
    let code = t.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32; // A–Z → a–z, as toLowerCase does for ASCII
    if (code !== normalized.charCodeAt(i)) return false;
  }
  return true;
}

/** ASCII separators normalizeName turns into spaces (its class, less the non-ASCII marks). */
const ASCII_SEPARATOR = /[\s.,'"()\-_/&]/;

/**
 * False when `raw` (an existing name) cannot normalise to `normalized`, found without normalising
 * it: for ASCII text, normalizeName keeps the first character that is no separator (lower-cased)
 * as its first character — suffixes are only ever cut from the end, never the whole name.
 */
function firstLetterMayBe(raw: string, normalized: string): boolean {
  // NFKC leaves ASCII text as it is; anything else (a combining accent after an ASCII letter, a full-width letter) gets the full comparison.
  if (!isAscii(raw)) return true;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (!ASCII_SEPARATOR.test(ch)) return ch.toLowerCase() === normalized[0];
  }
  return true;
}

/**
 * False when the phone `raw` cannot be the same line as `digits`, found without reducing it: two
 * numbers samePhone accepts end in the same digit, and when `raw` names no extension (the part
 * normalizePhone cuts from "ext", "x", "转" or "分机" on) its last digit is its last digit character.
 */
function lastDigitMayBe(raw: string, digits: string): boolean {
  if (/[xX转分]/.test(raw)) return true;
  for (let i = raw.length - 1; i >= 0; i--) {
    const code = raw.charCodeAt(i);
    if (code >= 48 && code <= 57) return raw[i] === digits[digits.length - 1];
  }
  return true;
}

/**
 * Whether "Save anyway" may be offered. Our choice: a matching name or phone can be a real
 * second customer (two branches of one group share a normalised name; subsidiaries share a
 * switchboard number), so after an explicit confirmation the rep may keep both. A matching
 * e-mail cannot: an e-mail is one contact person, the satisfaction survey goes to it, and two
 * records with one e-mail would split that person's history and send them every survey twice.
 * Then the rep opens the existing customer (or corrects the e-mail).
 */
export function canSaveAnyway(matches: readonly DuplicateMatch[]): boolean {
  return matches.every((m) => !m.on.includes('email'));
}
