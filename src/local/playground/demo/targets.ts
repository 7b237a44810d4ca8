/** Settings tab: the Targets table (rep × month) for the last 12 months, so the Team tab shows attainment. */
import { findColumns } from './columns';
import type { DemoContext } from './context';
import { appendRowsAt } from './write';

export function fillTargets(ctx: DemoContext): number {
  const cols = findColumns(ctx.rt, 'settings');
  if (!cols) return 0;
  const now = ctx.now;
  const rows = ctx.reps.flatMap((rep, i) =>
    Array.from({ length: 12 }, (_, k) => ({
      target_rep: rep.name,
      target_month: new Date(now.getFullYear(), now.getMonth() - k, 1, 12),
      target_revenue: 40_000 + 10_000 * ((i + k) % 4),
      target_new_customers: 2 + ((i + k) % 3),
      target_contacts: 12 + 4 * ((i + 2 * k) % 3),
    })),
  );
  // The Targets block shares rows with the settings block: written from row 2 down in its own columns.
  return appendRowsAt(cols, 2, rows);
}
