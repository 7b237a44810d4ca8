/**
 * Late complaints for the owner's Today and digest (issue 17): open complaints past their
 * first-response time with nobody answering, or past their resolution target. One read of the
 * log's columns; the time-zone arithmetic only for open complaints.
 */
import { t } from '../../core/i18n';
import { FACT_KEYS, complaintFacts, complaintSettings, complaintTimes, type ComplaintRow } from '../../core/complaints';
import type { TodayExtra } from '../../core/followups';
import { readSettings, type Workbook } from '../records';
import { currentLocale } from '../locale';

export interface OverdueComplaint {
  complaintId: string;
  row: number;
  customerId: string;
  customerName: string;
  owner: string;
  words: string;
  /** Which time has passed: the first response (the more urgent) or the resolution target. */
  late: 'first_response' | 'resolution';
  /** ms */
  dueAt: number;
}

export const OVERDUE_KEYS = [...FACT_KEYS, 'customer_name', 'words', 'owner'] as const;

const same = (a: unknown, b: string) =>
  String(a ?? '')
    .trim()
    .toLowerCase() === b.trim().toLowerCase();

/**
 * The late complaints owned by `ownerRef` (a team member's name, matched without case; null
 * for the whole team), oldest due first.
 */
export function overdueComplaintsFor(wb: Workbook, ownerRef: string | null, now: number): OverdueComplaint[] {
  const log = wb.tab('complaints');
  if (!log) return [];
  const settings = complaintSettings(readSettings(wb));
  const tz = wb.timeZone();
  const out: OverdueComplaint[] = [];
  for (const r of log.readAll([...OVERDUE_KEYS]).rows) {
    const v = r.values as ComplaintRow;
    if (ownerRef !== null && !same(v.owner, ownerRef)) continue;
    const f = complaintFacts(v);
    if (!f || f.closedAt !== null) continue;
    const times = complaintTimes(f, now, settings, tz);
    const late = times.firstResponseOverdue ? 'first_response' : times.resolutionOverdue ? 'resolution' : null;
    if (!late) continue;
    out.push({
      complaintId: f.complaintId,
      row: r.row,
      customerId: f.customerId,
      customerName: String(v.customer_name ?? ''),
      owner: String(v.owner ?? ''),
      words: String(v.words ?? ''),
      late,
      dueAt: late === 'first_response' ? times.firstResponseDue : times.resolutionDue,
    });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}

/** An overdue complaint in the shape of Today's extension point (`TodayExtra`). */
export function complaintExtra(o: OverdueComplaint, locale = currentLocale()): TodayExtra {
  const words = o.words.length > 80 ? `${o.words.slice(0, 79)}…` : o.words;
  return {
    kind: 'complaint',
    id: o.complaintId,
    customerId: o.customerId,
    customerName: o.customerName,
    owner: o.owner,
    text: t(locale, o.late === 'first_response' ? 'complaint.today.firstResponse' : 'complaint.today.resolution', { words }),
    dueAt: new Date(o.dueAt).toISOString(),
  };
}

/** Today's source of late complaints (src/server/today.ts TODAY_SOURCES). */
export function overdueComplaintsForToday(rep: string | null, wb: Workbook): TodayExtra[] {
  const locale = currentLocale();
  return overdueComplaintsFor(wb, rep, Date.now()).map((o) => complaintExtra(o, locale));
}
