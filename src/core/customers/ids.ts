/**
 * Customer IDs (C-000123): the shared ID rules of core/ids.ts with the customer prefix.
 */
import { formatId, highestId, idsAfter, parseId } from '../ids';

export const CUSTOMER_ID_PREFIX = 'C-';
const PREFIX = 'C';

export function formatCustomerId(n: number): string {
  return formatId(PREFIX, n);
}

/** The number of a well-formed ID, or null (blank, typed by hand in another shape…). */
export function parseCustomerId(raw: unknown): number | null {
  return parseId(PREFIX, raw);
}

/** The highest number among existing IDs and the remembered counter. */
export function highestIdNumber(existing: Iterable<unknown>, counter = 0): number {
  return highestId(PREFIX, existing, counter);
}

/** `count` fresh IDs after `highest`, in order. */
export function allocateIds(highest: number, count: number): string[] {
  return idsAfter(PREFIX, highest, count);
}
