/**
 * Record IDs: a prefix and at least six digits (C-000123, D-000007, O-000042), more digits
 * past 999,999. An ID is given once and never comes back: the next number is one more than
 * the highest of every ID on the tab and the highest number ever given (which the server
 * keeps in document properties), so deleting the last row does not hand its ID on.
 */
export function formatId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/** The number of a well-formed ID with this prefix, or null (blank, typed by hand in another shape…). */
/** One pattern per prefix, made once (a save reads the ID of every row of a tab). */
const ID_PATTERNS = new Map<string, RegExp>();

export function parseId(prefix: string, raw: unknown): number | null {
  let re = ID_PATTERNS.get(prefix);
  if (!re) ID_PATTERNS.set(prefix, (re = new RegExp(`^${prefix}-(\\d{1,12})$`, 'i')));
  const m = re.exec(String(raw ?? '').trim());
  return m ? Number(m[1]) : null;
}

/** The highest number among existing IDs and the remembered counter. */
export function highestId(prefix: string, existing: Iterable<unknown>, counter = 0): number {
  let max = Number.isFinite(counter) && counter > 0 ? Math.floor(counter) : 0;
  for (const v of existing) {
    const n = parseId(prefix, v);
    if (n !== null && n > max) max = n;
  }
  return max;
}

/** `count` fresh IDs after `highest`, in order. */
export function idsAfter(prefix: string, highest: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(formatId(prefix, highest + i));
  return out;
}

/** The next ID after the ones in use: `O-000001`, `O-000002`, … (gaps are never refilled). */
export function nextId(prefix: string, existing: Iterable<unknown>, counter = 0): string {
  return formatId(prefix, highestId(prefix, existing, counter) + 1);
}

/**
 * Which tabs give IDs, in which column, with which prefix, and the document property that keeps
 * the highest number ever given together with where the next row goes (see
 * src/server/records/append.ts). The property names are the ones earlier versions used for their
 * counters, so a workbook keeps counting where it was.
 */
export interface IdScheme {
  column: string;
  prefix: string;
  property: string;
}

export const ID_SCHEMES: Readonly<Record<string, IdScheme>> = {
  customers: { column: 'customer_id', prefix: 'C', property: 'salesdesk.seq.customer' },
  followups: { column: 'followup_id', prefix: 'F', property: 'salesdesk.followups.append' },
  objections: { column: 'objection_id', prefix: 'O', property: 'salesdesk.seq.objection' },
  deals: { column: 'deal_id', prefix: 'D', property: 'salesdesk.seq.deal' },
  complaints: { column: 'complaint_id', prefix: 'CP', property: 'salesdesk.seq.complaint' },
  survey_sends: { column: 'send_id', prefix: 'S', property: 'salesdesk.seq.survey_send' },
  survey_responses: { column: 'response_id', prefix: 'R', property: 'salesdesk.seq.survey_response' },
};
