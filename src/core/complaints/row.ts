/**
 * A Complaints row as read (untyped cells) turned into the facts the rules need. Dates arrive
 * as Date objects (getValues); anything else in a date cell counts as not set. List cells are
 * turned into keys, so a label in either language or the team's own value all read alike.
 */
import { complaintItemKey } from './lists';
import type { ComplaintFacts } from './rules';
import { severityKey } from './check';

export interface ComplaintRow {
  complaint_id?: unknown;
  customer_id?: unknown;
  customer_name?: unknown;
  received_at?: unknown;
  channel?: unknown;
  category?: unknown;
  severity?: unknown;
  words?: unknown;
  owner?: unknown;
  steps_log?: unknown;
  first_response_at?: unknown;
  closed_at?: unknown;
  confirmed_satisfied?: unknown;
  root_cause?: unknown;
  lesson?: unknown;
  escalated_at?: unknown;
  survey_requested_at?: unknown;
  previous_received_at?: unknown;
}

/** The columns the rules read (Today, the escalation job, the lessons panel). */
export const FACT_KEYS = [
  'complaint_id',
  'customer_id',
  'received_at',
  'category',
  'severity',
  'first_response_at',
  'closed_at',
  'confirmed_satisfied',
  'escalated_at',
  'root_cause',
  'lesson',
] as const;

export function msOf(v: unknown): number | null {
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim();

/** The facts of a row; null for a row without an ID or a received time (nothing to time). */
export function complaintFacts(row: ComplaintRow): ComplaintFacts | null {
  const id = str(row.complaint_id);
  const received = msOf(row.received_at);
  if (!id || received === null) return null;
  return {
    complaintId: id,
    customerId: str(row.customer_id),
    receivedAt: received,
    category: complaintItemKey('complaint_category', row.category),
    severity: severityKey(row.severity),
    firstResponseAt: msOf(row.first_response_at),
    closedAt: msOf(row.closed_at),
    confirmedSatisfied: row.confirmed_satisfied === true ? true : row.confirmed_satisfied === false && msOf(row.closed_at) !== null ? false : null,
    escalatedAt: msOf(row.escalated_at),
    rootCause: complaintItemKey('complaint_root_cause', row.root_cause),
    lesson: str(row.lesson),
  };
}
