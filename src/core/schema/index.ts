/**
 * The workbook schema: every tab, column, list, setting and named range Sales Desk owns.
 *
 * A later feature declares a column by adding one `c(...)` line to a tab in tabs.ts, and reads
 * or writes rows by column key through src/server/records (Workbook.tab → Tab.readAll / write / append).
 */
import { LISTS, listNamedRange } from '../lists';
import { SETTINGS, TEAM_RANGES } from '../settings';
import { TABS, getTab, TEAM_LIST } from './tabs';
import type { ColumnDef, TabDef } from './types';

export * from './types';
export {
  TABS,
  getTab,
  getColumn,
  TEAM_LIST,
  CUSTOMERS,
  FOLLOWUPS,
  OBJECTIONS,
  SURVEY_RESPONSES,
  DEALS,
  DASHBOARD,
  PLAYBOOK,
  SETTINGS_TAB,
  LISTS_TAB,
  REMINDER_LOG,
  COMPLAINTS,
  COMPLAINT_STEPS_TAB,
} from './tabs';

/** Developer-metadata keys: sheet-level tab key and column-level column key. */
export const META_TAB = 'salesdesk.tab';
export const META_COL = 'salesdesk.col';

export type NamedRangeTarget = { kind: 'setting'; settingKey: string } | { kind: 'column'; tabKey: string; columnKey: string };

export interface NamedRangeDef {
  name: string;
  target: NamedRangeTarget;
}

/** Every named range set-up creates. */
export function namedRanges(): NamedRangeDef[] {
  return [
    ...SETTINGS.map((s) => ({ name: s.name, target: { kind: 'setting', settingKey: s.key } as NamedRangeTarget })),
    { name: TEAM_RANGES.name, target: { kind: 'column', tabKey: 'settings', columnKey: 'team_name' } },
    { name: TEAM_RANGES.email, target: { kind: 'column', tabKey: 'settings', columnKey: 'team_email' } },
    { name: TEAM_RANGES.role, target: { kind: 'column', tabKey: 'settings', columnKey: 'team_role' } },
    ...LISTS.map((l) => ({ name: listNamedRange(l.key), target: { kind: 'column', tabKey: 'lists', columnKey: l.key } as NamedRangeTarget })),
  ];
}

/** The named range a list-typed column validates against. */
export function validationRangeName(col: ColumnDef): string | null {
  if (col.type !== 'list' || !col.list) return null;
  return col.list === TEAM_LIST ? TEAM_RANGES.name : listNamedRange(col.list);
}

/** Every formula the schema writes, with where it goes. */
export function schemaFormulas(): { tab: TabDef; column: ColumnDef; formula: string }[] {
  const out: { tab: TabDef; column: ColumnDef; formula: string }[] = [];
  for (const tab of TABS) for (const column of tab.columns) if (column.formula) out.push({ tab, column, formula: column.formula });
  return out;
}

/** True when `{tab.key}` / `{key}` names a declared column. */
export function hasColumn(tabKey: string, columnKey: string): boolean {
  try {
    return getTab(tabKey).columns.some((c) => c.key === columnKey);
  } catch {
    return false;
  }
}
