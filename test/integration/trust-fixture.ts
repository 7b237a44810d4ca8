/**
 * Shared by the issue 13 tests (trust-*.test.ts): a team in Shanghai at 07:30, a day before its
 * reminder hour, and the rows of a tab by column key.
 */
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getList } from '../../src/core/lists';
import { getTab } from '../../src/core/schema';
import { writeByKey } from './objections-fixture';

export const H = 3600_000;
export const D = 24 * H;
export const role = (k: string) => getList('role').items.find((i) => i.key === k)!.label.en;

export type Member = {
  team_name: string;
  team_email: string;
  team_role: string;
};

/** 07:30 in Shanghai on 2026-03-04, set up, with `team` on the list and one follow-up overdue for each `overdueFor` rep. */
export function teamWorld(team: Member[], overdueFor: string[], opts: { mailQuota?: number } = {}): LocalRuntime {
  const rt = createLocalRuntime({
    user: 'boss@example.com',
    locale: 'en_US',
    timeZone: 'Asia/Shanghai',
    now: new Date('2026-03-03T23:30:00Z'),
    mailQuota: opts.mailQuota,
  });
  rt.run('setupWorkbook');
  writeByKey(rt, 'settings', 2, team);
  writeByKey(
    rt,
    'followups',
    2,
    overdueFor.map((owner, i) => ({
      followup_id: `F-${String(i + 1).padStart(6, '0')}`,
      customer_id: `C-${String(i + 1).padStart(6, '0')}`,
      customer_name: `Customer ${i + 1}`,
      owner,
      planned_at: new Date(rt.clock.nowMs() - D),
    })),
  );
  return rt;
}

/** The data rows of a tab (English names) as records by column key. */
export function rowsOf(rt: LocalRuntime, tabKey: string): Record<string, unknown>[] {
  const def = getTab(tabKey);
  return rt.workbook
    .values(def.name.en)
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(def.columns.map((c, i) => [c.key, r[i]])));
}
