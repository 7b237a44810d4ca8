/**
 * The Targets table on Settings (issue 16): one row per rep and month with a revenue, a
 * new-customer and a contact target (seed 000 §7.2 breaks the annual target down by team and
 * person; monthly rows add up to a quarter or a year). Spliced into the Settings tab's columns.
 */
import type { ColumnDef } from '../schema/types';
import { L } from './measure';

const c = (
  key: string,
  type: ColumnDef['type'],
  header: ColumnDef['header'],
  note: ColumnDef['note'],
  width: number,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  key,
  type,
  header,
  note,
  width,
  ...extra,
});

export const TARGET_COLUMNS: readonly ColumnDef[] = [
  c('target_rep', 'list', L('Target: rep', '目标：销售'), L('The rep this month’s targets are for (team list).', '本行月度目标对应的销售（团队名单）。'), 150, {
    list: 'team',
  }),
  c('target_month', 'date', L('Target: month', '目标：月份'), L('Any day of the month the targets are for.', '目标所属月份中的任意一天。'), 110),
  c('target_revenue', 'currency', L('Target: revenue', '目标：金额'), L('Revenue the rep should win in the month.', '该销售当月应赢得的金额。'), 130, {
    bounds: { min: 0 },
  }),
  c(
    'target_new_customers',
    'integer',
    L('Target: new customers', '目标：新客户'),
    L('New customers the rep should add in the month.', '该销售当月应新增的客户数。'),
    130,
    { bounds: { min: 0 } },
  ),
  c(
    'target_contacts',
    'integer',
    L('Target: contacts', '目标：跟进'),
    L('Follow-ups the rep should complete in the month.', '该销售当月应完成的跟进次数。'),
    130,
    { bounds: { min: 0 } },
  ),
];
