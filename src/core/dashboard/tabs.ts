/** The summary tabs beside the Dashboard (their cells are written by set-up from team.ts and trends.ts). */
import type { TabDef } from '../schema/types';
import { L } from './measure';

const LOOK = { background: '#202124', fontColor: '#ffffff', bold: true };

export const TEAM_TAB: TabDef = {
  key: 'team',
  name: L('Team', '团队'),
  kind: 'shell',
  description: L('One row per rep: the period’s actuals against their targets, and a ranking.', '每位销售一行：本期实际与目标对比，以及排名。'),
  frozenRows: 0,
  headerStyle: LOOK,
  color: '#202124',
  columns: [],
};

export const TRENDS_TAB: TabDef = {
  key: 'trends',
  name: L('Trends', '趋势'),
  kind: 'shell',
  description: L('Key measures per month for the last 12 months, beside the same months a year before.', '近 12 个月每月的关键指标，及上年同期对比。'),
  frozenRows: 0,
  headerStyle: LOOK,
  color: '#202124',
  columns: [],
};
