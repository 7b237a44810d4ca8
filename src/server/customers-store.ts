/**
 * Reading what a customer save needs, in as few Apps Script calls as the row count allows
 * (none of them grows with it): the tabs located once (workbook openTabs), the Lists and the team list in one
 * read each, and on the Customers tab only the block of columns that identify a customer
 * (ID, name, phone, e-mail) in one getValues. No business rule here: core decides.
 */
import { FIRST_DATA_ROW } from '../core/schema';
import { LISTS } from '../core/lists';
import { t } from '../core/i18n';
import { parseTeam, type TeamMember } from '../core/customers/team';
import type { ExistingCustomer } from '../core/customers/duplicates';
import type { ListValues } from '../core/customers/validate';
import { readColumnBlock, type ReadRow, type TabHandle } from './workbook';
import { currentLocale } from './locale';

/** The Customers tab, or an error the user can act on. */
export function requireCustomers(tabs: Map<string, TabHandle>): TabHandle {
  const tab = tabs.get('customers');
  if (!tab || !tab.columns.has('customer_id') || !tab.columns.has('name')) {
    throw new Error(t(currentLocale(), 'customers.missingTab'));
  }
  return tab;
}

export const IDENTIFYING_KEYS = ['customer_id', 'name', 'phone', 'email'] as const;

export interface CustomerIndex {
  existing: ExistingCustomer[];
  /** The row after the last row that holds a customer. */
  nextRow: number;
  /** The rows read, with the values of `keys`. */
  rows: ReadRow[];
}

/**
 * The identifying columns of every customer (one read of the block that spans `keys`, which
 * must include IDENTIFYING_KEYS), and where the next one goes.
 */
export function readCustomerIndex(tab: TabHandle, keys: readonly string[] = IDENTIFYING_KEYS): CustomerIndex {
  const rows = readColumnBlock(tab, keys);
  const existing = rows.map((r) => ({
    row: r.row,
    id: String(r.values.customer_id ?? '').trim(),
    name: String(r.values.name ?? '').trim(),
    phone: String(r.values.phone ?? '').trim(),
    email: String(r.values.email ?? '').trim(),
  }));
  return { existing, nextRow: rows.length ? rows[rows.length - 1].row + 1 : FIRST_DATA_ROW, rows };
}

/** Every list's values as the Lists tab holds them (one read); built-in labels when the tab is missing. */
export function readListValues(tabs: Map<string, TabHandle>, locale = currentLocale()): ListValues {
  const out: Record<string, string[]> = {};
  for (const l of LISTS) out[l.key] = l.items.map((i) => i.label[locale]);
  const tab = tabs.get('lists');
  if (!tab) return out;
  const lastRow = tab.sheet.getLastRow();
  const lastCol = tab.sheet.getLastColumn();
  if (lastRow < FIRST_DATA_ROW || lastCol < 1) return out;
  const grid = tab.sheet.getRange(FIRST_DATA_ROW, 1, lastRow - FIRST_DATA_ROW + 1, lastCol).getValues();
  for (const l of LISTS) {
    const c = tab.columns.get(l.key);
    if (c == null) continue;
    const seen = new Set<string>();
    const values: string[] = [];
    for (const line of grid) {
      const v = String(line[c - 1] ?? '').trim();
      if (v && !seen.has(v)) {
        seen.add(v);
        values.push(v);
      }
    }
    if (values.length) out[l.key] = values;
  }
  return out;
}

/** The team list from Settings (one read of its three columns). */
export function readTeam(tabs: Map<string, TabHandle>): TeamMember[] {
  const tab = tabs.get('settings');
  if (!tab || !tab.columns.has('team_name')) return [];
  const rows = readColumnBlock(tab, ['team_name', 'team_email', 'team_role']);
  return parseTeam(rows.map((r) => r.values));
}
