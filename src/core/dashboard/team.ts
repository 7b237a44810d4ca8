/**
 * The Team tab (issue 16): one row per rep with the period's actuals, the targets from the
 * Targets table on Settings (rep × month: revenue, new customers, contacts — seed 000 §7.2 and
 * seed 003 §1.3 set targets by period and person), attainment, and a ranking by revenue won. It
 * reads the Dashboard's period selector. A month's target counts in a period when the month's
 * first day lies in it: pick a month, quarter or year for attainment (a week holds no target).
 */
import type { Locale, Localized } from '../i18n/locale';
import { resolveFormula, sheetRef, UnresolvedColumnError, type ResolveContext } from '../formulas/resolve';
import type { DashboardData } from './data';
import { item } from './items';
import { inPeriodCriteria, inSerialPeriod, L, ratio, sumMoney, type MeasureFormat, type SerialPeriod } from './measure';
import { NUMBER_FORMATS, type Cell, type Grid } from './layout';
import { periodArgs } from './period';
import { TEAM_RANGES } from '../settings';

const WON = item('deal_status', 'won');
const LOST = item('deal_status', 'lost');
const OVERDUE = item('followup_status', 'overdue');

/** One month's targets of one rep (the Targets table on Settings). */
export interface TargetRow {
  rep: string;
  /** Any day of the month; the month's first day counts. */
  month: number;
  revenue: number | null;
  newCustomers: number | null;
  contacts: number | null;
}

export interface TeamData extends DashboardData {
  targets: readonly TargetRow[];
}

export interface TeamColumn {
  key: string;
  header: Localized;
  format: MeasureFormat | 'rank';
  /** With `%rep%` (the row's rep cell), `%from%`/`%to%`; `%col:key%` another column's cell on the row. */
  formula: string;
  reference(d: TeamData, p: SerialPeriod, rep: string, row: Record<string, number | null>): number | null;
}

const P = (col: string) => inPeriodCriteria(col);
const targetIn = (col: string) => `SUMIFS({settings.${col}},{settings.target_rep},%rep%,${P('{settings.target_month}')})`;
const target = (d: TeamData, p: SerialPeriod, rep: string, k: 'revenue' | 'newCustomers' | 'contacts') =>
  d.targets.filter((t) => t.rep === rep && inSerialPeriod(t.month, p)).reduce((a, t) => a + (t[k] ?? 0), 0);
const won = (d: TeamData, p: SerialPeriod, rep: string) => d.deals.filter((x) => x.owner === rep && x.status === 'won' && inSerialPeriod(x.closedOn, p));

export const TEAM_COLUMNS: readonly TeamColumn[] = [
  {
    key: 'revenue',
    header: L('Revenue won', '赢单金额'),
    format: 'money',
    formula: `SUMIFS({deals.amount},{deals.owner},%rep%,{deals.status},${WON},${P('{deals.won_on}')})`,
    reference: (d, p, rep) => sumMoney(won(d, p, rep).map((x) => x.amount)),
  },
  {
    key: 'revenue_target',
    header: L('Revenue target', '金额目标'),
    format: 'money',
    formula: targetIn('target_revenue'),
    reference: (d, p, rep) => target(d, p, rep, 'revenue'),
  },
  {
    key: 'revenue_attainment',
    header: L('Revenue attainment', '金额达成率'),
    format: 'percent',
    formula: 'IFERROR(%col:revenue%/%col:revenue_target%,"")',
    reference: (_d, _p, _r, row) => (row.revenue_target ? row.revenue! / row.revenue_target : null),
  },
  {
    key: 'new_customers',
    header: L('New customers', '新增客户'),
    format: 'count',
    formula: `COUNTIFS({customers.customer_id},"<>",{customers.owner},%rep%,${P('{customers.created_at}')})`,
    reference: (d, p, rep) => d.customers.filter((c) => c.id && c.owner === rep && inSerialPeriod(c.created, p)).length,
  },
  {
    key: 'new_customers_target',
    header: L('New-customer target', '新客户目标'),
    format: 'count',
    formula: targetIn('target_new_customers'),
    reference: (d, p, rep) => target(d, p, rep, 'newCustomers'),
  },
  {
    key: 'new_customers_attainment',
    header: L('New-customer attainment', '新客户达成率'),
    format: 'percent',
    formula: 'IFERROR(%col:new_customers%/%col:new_customers_target%,"")',
    reference: (_d, _p, _r, row) => (row.new_customers_target ? row.new_customers! / row.new_customers_target : null),
  },
  {
    key: 'contacts',
    header: L('Contacts made', '跟进次数'),
    format: 'count',
    formula: `COUNTIFS({followups.owner},%rep%,${P('{followups.done_at}')})`,
    reference: (d, p, rep) => d.followups.filter((f) => f.owner === rep && inSerialPeriod(f.done, p)).length,
  },
  {
    key: 'contacts_target',
    header: L('Contact target', '跟进目标'),
    format: 'count',
    formula: targetIn('target_contacts'),
    reference: (d, p, rep) => target(d, p, rep, 'contacts'),
  },
  {
    key: 'contacts_attainment',
    header: L('Contact attainment', '跟进达成率'),
    format: 'percent',
    formula: 'IFERROR(%col:contacts%/%col:contacts_target%,"")',
    reference: (_d, _p, _r, row) => (row.contacts_target ? row.contacts! / row.contacts_target : null),
  },
  {
    key: 'overdue',
    header: L('Overdue now', '当前逾期'),
    format: 'count',
    formula: `COUNTIFS({followups.owner},%rep%,{followups.status},${OVERDUE})`,
    reference: (d, _p, rep) =>
      d.followups.filter((f) => f.owner === rep && !f.cancelled && f.done === null && f.planned !== null && Math.floor(f.planned) < d.today).length,
  },
  {
    key: 'win_rate',
    header: L('Win rate', '赢单率'),
    format: 'percent',
    formula: `IFERROR(COUNTIFS({deals.owner},%rep%,{deals.status},${WON},${P('{deals.won_on}')})/(COUNTIFS({deals.owner},%rep%,{deals.status},${WON},${P('{deals.won_on}')})+COUNTIFS({deals.owner},%rep%,{deals.status},${LOST},${P('{deals.won_on}')})),"")`,
    reference: (d, p, rep) => {
      const w = won(d, p, rep).length;
      const l = d.deals.filter((x) => x.owner === rep && x.status === 'lost' && inSerialPeriod(x.closedOn, p)).length;
      return ratio(w, w + l);
    },
  },
  {
    key: 'rank',
    header: L('Rank (revenue)', '排名（金额）'),
    format: 'rank',
    // Reps ahead by revenue won, plus one (RANK is not in HyperFormula; COUNTIF over the team's rows is).
    formula: 'COUNTIF(%colrange:revenue%,">"&%col:revenue%)+1',
    reference: () => null,
  },
];

const TEXTS = {
  title: L('Team', '团队'),
  intro: L(
    'One row per rep for the period chosen on the Dashboard; targets from the Targets table on Settings (a month counts when its first day is in the period). A new team member: Rebuild summaries.',
    '按仪表板所选期间，每位销售一行；目标来自设置表中的目标表（月份的第一天在期间内即计入）。新增团队成员后请运行“重建汇总”。',
  ),
  rep: L('Rep', '销售'),
  period: L('Period', '期间'),
};

export const TEAM_HEADER_ROW = 4;

/** The Team tab as a grid: title, the period it reads, a header row and one row per rep. */
export function teamGrid(
  locale: Locale,
  team: readonly string[],
  ctx: Omit<ResolveContext, 'tabKey'>,
  dashboardName: string,
): Grid & { repRows: { rep: string; row: number }[]; columns: Map<string, number> } {
  const width = TEAM_COLUMNS.length + 1;
  const columns = new Map(TEAM_COLUMNS.map((c, i) => [c.key, i + 2] as const));
  const letter = (k: string) => String.fromCharCode(64 + columns.get(k)!);
  const first = TEAM_HEADER_ROW + 1;
  const last = TEAM_HEADER_ROW + Math.max(team.length, 1);
  const args = periodArgs('current', sheetRef(dashboardName));
  const rows: Cell[][] = [];
  const formats: string[][] = [];
  const push = (cells: Cell[], fmt: string[] = []) => {
    rows.push(Array.from({ length: width }, (_, i) => cells[i] ?? ''));
    formats.push(Array.from({ length: width }, (_, i) => fmt[i] || 'General'));
    return rows.length;
  };
  push([TEXTS.title[locale]]);
  push([TEXTS.intro[locale]]);
  push([TEXTS.period[locale], `=${args.from}`, `=${args.to}-1`], ['', 'yyyy-mm-dd', 'yyyy-mm-dd']);
  push([TEXTS.rep[locale], ...TEAM_COLUMNS.map((c) => c.header[locale])]);
  const repRows: { rep: string; row: number }[] = [];
  team.forEach((rep, i) => {
    const row = first + i;
    const cells: Cell[] = [`=INDEX(${TEAM_RANGES.name},${i + 1})`];
    for (const c of TEAM_COLUMNS) {
      const body = c.formula
        .replace(/%rep%/g, `$A${row}`)
        .replace(/%from%/g, args.from)
        .replace(/%to%/g, args.to)
        .replace(/%col:([a-z_]+)%/g, (_m, k: string) => `${letter(k)}${row}`)
        .replace(/%colrange:([a-z_]+)%/g, (_m, k: string) => `$${letter(k)}$${first}:$${letter(k)}$${last}`);
      try {
        cells.push(resolveFormula(body, { ...ctx, tabKey: 'team' }));
      } catch (e) {
        if (!(e instanceof UnresolvedColumnError)) throw e;
        cells.push('');
      }
    }
    push(cells, ['', ...TEAM_COLUMNS.map((c) => (c.format === 'rank' ? '0' : NUMBER_FORMATS[c.format]))]);
    repRows.push({ rep, row });
  });
  return { values: rows, formats, measures: [], titleRows: [1, TEAM_HEADER_ROW], periodChoices: [], repRows, columns };
}
