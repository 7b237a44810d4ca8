/**
 * The one customer search every sidebar uses (Log follow-up, Log objection, Add deal): a query
 * matches a customer's ID, company name, contact or e-mail as a substring, ignoring case, width
 * (full-width Ｂ vs B) and runs of spaces, in either script; the company name also ignoring
 * punctuation and legal suffixes (normalizeName: "acme ltd" finds "ACME Ltd."); and three or more
 * digits match inside the phone number ("13800138000" finds "+86 138-0013-8000"). Exact ID or
 * name matches come first, then the rest in sheet order. Pure: the server reads the columns once.
 */
import { normalizeName } from '../validation/rules';

/** The columns a search reads, by key. */
export const SEARCH_KEYS = ['customer_id', 'name', 'contact_name', 'phone', 'email'] as const;

/** The longest query a page may send. */
export const MAX_QUERY = 200;

export interface Searchable {
  row: number;
  values: Partial<Record<(typeof SEARCH_KEYS)[number], unknown>>;
}

function fold(v: unknown): string {
  return String(v ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const digits = (s: string) => s.replace(/[^0-9]/g, '');

/** The rows that match `query`, best first, at most `limit`; rows without an ID are never hits. */
export function searchCustomers<T extends Searchable>(rows: readonly T[], query: string, limit: number): T[] {
  const q = fold(query);
  if (!q) return [];
  const qName = normalizeName(q);
  const qDigits = digits(q);
  const exact: T[] = [];
  const other: T[] = [];
  for (const r of rows) {
    const id = fold(r.values.customer_id);
    if (!id) continue;
    const name = fold(r.values.name);
    const hit =
      [id, name, fold(r.values.contact_name), fold(r.values.email)].some((h) => h.includes(q)) ||
      (qName !== '' && normalizeName(name).includes(qName)) ||
      (qDigits.length >= 3 && digits(String(r.values.phone ?? '')).includes(qDigits));
    if (!hit) continue;
    if (id === q || name === q) exact.push(r);
    else if (exact.length + other.length < limit) other.push(r);
    if (exact.length >= limit) break;
  }
  return [...exact, ...other].slice(0, limit);
}
