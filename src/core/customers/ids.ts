/**
 * Customer IDs: `C-` and six digits (C-000123), more digits once past 999,999. An ID is given
 * once and never changes or comes back: the next number is one more than the highest of
 * (every ID in the sheet, the highest number ever given, kept in document properties), so
 * deleting the last row does not hand its ID to the next customer.
 */
export const CUSTOMER_ID_PREFIX = 'C-';
const ID_RE = /^C-(\d{1,12})$/i;

export function formatCustomerId(n: number): string {
  return `${CUSTOMER_ID_PREFIX}${String(n).padStart(6, '0')}`;
}

/** The number of a well-formed ID, or null (blank, typed by hand in another shape…). */
export function parseCustomerId(raw: unknown): number | null {
  const m = ID_RE.exec(String(raw ?? '').trim());
  return m ? Number(m[1]) : null;
}

/** The highest number among existing IDs and the remembered counter. */
export function highestIdNumber(existing: Iterable<unknown>, counter = 0): number {
  let max = Number.isFinite(counter) && counter > 0 ? Math.floor(counter) : 0;
  for (const v of existing) {
    const n = parseCustomerId(v);
    if (n !== null && n > max) max = n;
  }
  return max;
}

/** `count` fresh IDs after `highest`, in order. */
export function allocateIds(highest: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(formatCustomerId(highest + i));
  return out;
}
