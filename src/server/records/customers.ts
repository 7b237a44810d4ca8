/**
 * The customer register as the features need it: the identifying columns of every customer (for
 * the duplicate check and new IDs, one read of their span), the one customer search every sidebar
 * uses, and a customer by ID. Matching and duplicates are core's rules.
 */
import type { ExistingCustomer } from '../../core/customers/duplicates';
import { searchCustomers, SEARCH_KEYS } from '../../core/customers/search';
import type { Extent, ReadRow, Tab } from './tab';
import type { Workbook } from './workbook';

export const IDENTIFYING_KEYS = ['customer_id', 'name', 'phone', 'email'] as const;

export interface CustomerIndex {
  existing: ExistingCustomer[];
  /** The rows read, with the values of the keys asked. */
  rows: ReadRow[];
  /** Where the register ends (for a new customer's row and ID). */
  extent: Extent;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** The Customers tab when it has its ID and name columns, else null. */
export function customersTab(wb: Workbook): Tab | null {
  const tab = wb.tab('customers');
  return tab && tab.has('customer_id') && tab.has('name') ? tab : null;
}

/**
 * The identifying columns of every customer, in one read of the span from the ID to the e-mail
 * column (`keys` must include IDENTIFYING_KEYS; the columns between come along, no others).
 */
export function readCustomerIndex(tab: Tab, keys: readonly string[] = IDENTIFYING_KEYS): CustomerIndex {
  const { rows, extent } = tab.readAll(keys);
  const existing = rows.map((r) => ({
    row: r.row,
    id: text(r.values.customer_id),
    name: text(r.values.name),
    phone: text(r.values.phone),
    email: text(r.values.email),
  }));
  return { existing, rows, extent };
}

/** Customers matching a query (core/customers/search), best first, at most `limit`, with the values of `keys` too. */
export function findCustomers(tab: Tab, query: string, limit: number, keys: readonly string[] = []): ReadRow[] {
  return searchCustomers(tab.readAll([...SEARCH_KEYS, ...keys]).rows, query, limit);
}
