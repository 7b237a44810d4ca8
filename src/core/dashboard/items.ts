/** Breakdown items: list values picked by position (language-independent formulas), team members, months ahead. */
import type { Localized } from '../i18n/locale';
import { getList, listIndex, listNamedRange } from '../lists';
import { TEAM_RANGES } from '../settings';
import type { BreakdownItem } from './measure';

/** Built-in items of a list (all, or these keys in this order), each as INDEX(SD_LIST_…, n). */
export function listItems(listKey: string, keys?: readonly string[]): BreakdownItem[] {
  const list = getList(listKey);
  const chosen = keys ?? list.items.map((i) => i.key);
  return chosen.map((key) => {
    const it = list.items.find((i) => i.key === key)!;
    return { key, label: it.label, expr: `INDEX(${listNamedRange(listKey)},${listIndex(listKey, key)})` };
  });
}

/** The expression of one list item (for criteria inside a formula). */
export function item(listKey: string, key: string): string {
  return `INDEX(${listNamedRange(listKey)},${listIndex(listKey, key)})`;
}

/** One item per team member, read from the team list by position (a new member: "Rebuild summaries"). */
export function teamItems(team: readonly string[]): BreakdownItem[] {
  return team.map((name, i) => ({ key: name, label: { en: name, zh: name }, expr: `INDEX(${TEAM_RANGES.name},${i + 1})` }));
}

const MONTHS_AHEAD: Localized[] = [
  { en: 'this month', zh: '本月' },
  { en: 'next month', zh: '下月' },
  { en: 'in 2 months', zh: '2 个月后' },
  { en: 'in 3 months', zh: '3 个月后' },
  { en: 'in 4 months', zh: '4 个月后' },
  { en: 'in 5 months', zh: '5 个月后' },
];

/** The current month and the five after it, as offsets (0 … 5) from TODAY()'s month. */
export function monthsAhead(): BreakdownItem[] {
  return MONTHS_AHEAD.map((label, i) => ({ key: String(i), label, expr: String(i) }));
}
