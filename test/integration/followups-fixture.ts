/** Shared set-up for the follow-up tracker tests: a workbook with a team, customers and (optionally) a big log. */
import { getTab } from '../../src/core/schema';
import { getList } from '../../src/core/lists';
import { writeByKey, colOf, TEAM, workbook, type Fixture } from './objections-fixture';

export { writeByKey, colOf, TEAM, workbook, type Fixture };

export const FU = getTab('followups');
export const CU = getTab('customers');

/** `n` follow-up rows in one setValues per block of columns (uncounted: rt.spreadsheet). */
export function fillLog(fx: Fixture, n: number, customers: number, baseMs = fx.rt.clock.nowMs()): void {
  const { rt, locale } = fx;
  const sh = rt.spreadsheet.getSheetByName(FU.name[locale])!;
  const need = n + 200;
  if (sh.getMaxRows() < need) sh.insertRowsAfter(sh.getMaxRows(), need - sh.getMaxRows());
  const purposes = getList('purpose').items.map((i) => i.label[locale]);
  const first = colOf(FU, 'followup_id');
  const keys = ['followup_id', 'customer_id', 'customer_name', 'owner', 'channel', 'purpose', 'planned_at', 'done_at'];
  expect(keys.map((k) => colOf(FU, k))).toEqual(keys.map((_, i) => first + i));
  const rows = Array.from({ length: n }, (_, i) => {
    const planned = new Date(baseMs - (n - i) * 3600_000);
    return [
      `F-${String(i + 1).padStart(6, '0')}`,
      `C-${String(1 + (i % customers)).padStart(6, '0')}`,
      `Customer ${1 + (i % customers)}`,
      TEAM[i % 2].name,
      '',
      purposes[i % purposes.length],
      planned,
      i % 3 === 0 ? '' : new Date(planned.getTime() + 3600_000),
    ];
  });
  sh.getRange(2, first, n, keys.length).setValues(rows);
}
import { expect } from 'vitest';
