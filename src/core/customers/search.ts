/**
 * The one customer search every sidebar uses (Log follow-up, Log objection, Deal): a query
 * matches a customer's ID, company name, contact or e-mail as a substring, ignoring case, width
 * (full-width Ｂ vs B) and runs of spaces, in either script; the company name also ignoring
 * punctuation and legal suffixes (normalizeName: "acme ltd" finds "ACME Ltd."); three or more
 * digits match inside the phone number ("13800138000" finds "+86 138-0013-8000"); and a query in
 * Latin letters matches a Chinese company or contact name by its pinyin, whole syllables or their
 * first letters or a mix ("hongtu", "ht", "htkj", "hongtuk" find 宏图科技). Exact ID or name
 * matches come first, then the rest in sheet order. The result says how many matched in all, so
 * the sidebar can say "N more, type more to narrow", and each hit carries the owner.
 *
 * Pinyin comes from pinyin-pro (`polyphonic`: every reading of a character, so 重庆 is found by
 * "chongqing" and 银行 by "yinhang" however a context would read them, and a surname such as 曾
 * by "zeng" and "ceng"); it covers the 20,000-odd characters of GBK, where smaller tables stop at
 * GB2312's 6,763 (旻, 喆, 堃 are in company and person names). The readings of each character are
 * looked up once per execution; the index of one call (buildSearchIndex) keeps each row's folded
 * text and, only when a Latin query needs it, the syllables of its names.
 */
import { polyphonic } from 'pinyin-pro';
import { normalizeName } from '../validation/rules';

/** The columns a search reads, by key (the owner is shown on each hit). */
export const SEARCH_KEYS = ['customer_id', 'name', 'contact_name', 'phone', 'email', 'owner'] as const;

/** The longest query a page may send. */
export const MAX_QUERY = 200;

export interface Searchable {
  row: number;
  values: Partial<Record<(typeof SEARCH_KEYS)[number], unknown>>;
}

export interface SearchResult<T> {
  /** The best `limit` matches, best first. */
  hits: T[];
  /** How many rows matched in all. */
  total: number;
  /** total − hits.length: "N more, type more to narrow" when above 0. */
  more: number;
}

function fold(v: unknown): string {
  return String(v ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const digits = (s: string) => s.replace(/[^0-9]/g, '');
const HAN = /\p{Script=Han}/u;

/** One position of a name for pinyin matching: the readings of a Chinese character, or a Latin letter or digit standing for itself. */
type Unit = readonly string[];

/** Per character: its unit (readings of a Chinese character, a Latin letter or digit as itself) or null (spaces, punctuation, other scripts). Looked up once per execution. */
const unitCache = new Map<string, Unit | null>();

function unitOf(ch: string): Unit | null {
  let u = unitCache.get(ch);
  if (u !== undefined) return u;
  if (/[a-z0-9]/.test(ch)) u = [ch];
  else if (HAN.test(ch)) {
    // Every toneless reading (ü also as v and u, as people type it).
    const all = new Set<string>();
    for (const p of polyphonic(ch, { toneType: 'none', type: 'array' })[0] ?? []) {
      const plain = p.toLowerCase();
      if (!/^[a-zü]+$/.test(plain)) continue;
      all.add(plain.replace(/ü/g, 'v'));
      all.add(plain.replace(/ü/g, 'u'));
    }
    u = all.size ? [...all] : null;
  } else u = null;
  unitCache.set(ch, u);
  return u;
}

/** A folded name as units, skipping what has none. */
function unitsOf(folded: string): Unit[] {
  const out: Unit[] = [];
  for (const ch of folded) {
    const u = unitOf(ch);
    if (u) out.push(u);
  }
  return out;
}

/**
 * True when `q` (letters and digits) spells consecutive units from some position: each unit by
 * the start of one of its readings — the whole syllable, its first letter, or anything between
 * (so "hongtu", "ht" and "hongt" all match 宏图). Memoised on (unit, position in q); most names
 * fail on the first letter and cost one pass.
 */
function spells(units: readonly Unit[], q: string): boolean {
  let seen: Set<number> | null = null;
  const width = q.length + 1;
  const from = (i: number, p: number): boolean => {
    if (p === q.length) return true;
    if (i === units.length) return false;
    const key = i * width + p;
    if (!seen) seen = new Set();
    else if (seen.has(key)) return false;
    seen.add(key);
    for (const r of units[i]) {
      let common = 0;
      while (common < r.length && p + common < q.length && r[common] === q[p + common]) common++;
      for (let len = common; len >= 1; len--) if (from(i + 1, p + len)) return true;
    }
    return false;
  };
  const first = q[0];
  for (let i = 0; i < units.length; i++) {
    if (!units[i].some((r) => r[0] === first)) continue;
    if (from(i, 0)) return true;
  }
  return false;
}

interface Entry<T> {
  row: T;
  id: string;
  name: string;
  nameKey: string;
  contact: string;
  email: string;
  phone: string;
  /** Syllables of the name and the contact, built the first time a Latin query needs them. */
  pinyin?: Unit[][];
}

/** The rows of one call, folded once, for any number of queries (the search of one call, or a page that asks once and searches as the user types). */
export interface SearchIndex<T> {
  entries: Entry<T>[];
}

/** Folds the rows once; rows without an ID are never hits. */
export function buildSearchIndex<T extends Searchable>(rows: readonly T[]): SearchIndex<T> {
  const entries: Entry<T>[] = [];
  for (const r of rows) {
    const id = fold(r.values.customer_id);
    if (!id) continue;
    const name = fold(r.values.name);
    entries.push({
      row: r,
      id,
      name,
      nameKey: normalizeName(name),
      contact: fold(r.values.contact_name),
      email: fold(r.values.email),
      phone: digits(String(r.values.phone ?? '')),
    });
  }
  return { entries };
}

function pinyinOf<T>(e: Entry<T>): Unit[][] {
  if (!e.pinyin) e.pinyin = [e.name, e.contact].filter((s) => HAN.test(s)).map(unitsOf);
  return e.pinyin;
}

/** The matches of `query` in the index: the best `limit` first, and how many there are in all. */
export function searchIndex<T>(index: SearchIndex<T>, query: string, limit: number): SearchResult<T> {
  const q = fold(query);
  if (!q) return { hits: [], total: 0, more: 0 };
  const qName = normalizeName(q);
  const qDigits = digits(q);
  // Pinyin only for a query of Latin letters (and digits), spaces ignored: "hong tu" = "hongtu".
  const qPinyin = /^[a-z0-9 ]+$/.test(q) && /[a-z]/.test(q) ? q.replace(/ /g, '') : '';
  const exact: T[] = [];
  const other: T[] = [];
  let total = 0;
  for (const e of index.entries) {
    const hit =
      e.id.includes(q) ||
      e.name.includes(q) ||
      e.contact.includes(q) ||
      e.email.includes(q) ||
      (qName !== '' && e.nameKey.includes(qName)) ||
      (qDigits.length >= 3 && e.phone.includes(qDigits)) ||
      (qPinyin !== '' && pinyinOf(e).some((units) => spells(units, qPinyin)));
    if (!hit) continue;
    total++;
    if (e.id === q || e.name === q) {
      if (exact.length < limit) exact.push(e.row);
    } else if (other.length < limit) other.push(e.row);
  }
  const hits = [...exact, ...other].slice(0, limit);
  return { hits, total, more: total - hits.length };
}

/** The rows that match `query`, best first (at most `limit`), and the total count. */
export function searchCustomerResult<T extends Searchable>(rows: readonly T[], query: string, limit: number): SearchResult<T> {
  return searchIndex(buildSearchIndex(rows), query, limit);
}

/** The rows that match `query`, best first, at most `limit`; rows without an ID are never hits. */
export function searchCustomers<T extends Searchable>(rows: readonly T[], query: string, limit: number): T[] {
  return searchCustomerResult(rows, query, limit).hits;
}

/** What the sidebar shows of a hit: ID, name, contact and owner. */
export interface SearchHit {
  id: string;
  name: string;
  contact: string;
  owner: string;
}

export function searchHit(r: Searchable): SearchHit {
  const s = (v: unknown) => String(v ?? '').trim();
  return { id: s(r.values.customer_id), name: s(r.values.name), contact: s(r.values.contact_name), owner: s(r.values.owner) };
}
