/**
 * The one entry point every path calls after it changed what a customer's next contact depends
 * on (a customer added, imported or edited; a contact logged; a deal saved, won, lost, reopened
 * or delivered): it re-plans those customers' one open planned contact in the Follow-ups log by
 * the seed rules in Settings (issue 12). The CALLER HOLDS the document lock.
 *
 * Until the plan itself lands, this keeps today's behaviour: the next contact is planned where
 * the follow-up form plans it, and nothing else is re-planned.
 */
import type { Workbook } from './records';

export function replanCustomers(_wb: Workbook, _customerIds: readonly string[]): void {
  // Filled in by the plan (issue 12); every path already calls it here.
}
