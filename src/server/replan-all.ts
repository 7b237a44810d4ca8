/**
 * Menu action "Re-plan follow-ups" (issue 12): every customer's one planned contact again, in one
 * batch (src/server/plans.ts). For a workbook from before the plan existed, after Settings changed
 * a cadence (the plan is kept on the rows, so a new cadence applies from the next re-plan), or
 * after rows were typed or pasted in the grid.
 */
import { t } from '../core/i18n';
import { customersTab, openWorkbook } from './records';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import { replanCustomers } from './plans';
import { toast } from './host';

export function replanAllCustomers(): number {
  const locale = currentLocale();
  const wb = openWorkbook();
  const customers = customersTab(wb);
  if (!customers) throw new Error(t(locale, 'customers.missingTab'));
  const count = withDocumentLock(() => {
    const ids = customers
      .readAll(['customer_id'])
      .rows.map((r) => String(r.values.customer_id ?? '').trim())
      .filter(Boolean);
    replanCustomers(wb, ids);
    return ids.length;
  });
  toast(t(locale, 'plans.replanned', { n: count }), t(locale, 'menu.replan'));
  return count;
}
