/**
 * The period selector at the top of every summary tab: this week (Monday first), this month,
 * this quarter, this year, or a custom from–to, and the period before it of the same length
 * (custom: the same number of days just before). Written as formulas on TODAY(), so the
 * Dashboard moves to the next week or month by itself; `periodBounds` is the same rule in
 * TypeScript for the tests.
 */
import type { Locale, Localized } from '../i18n/locale';
import { edate, serialFromYmd, weekdayMon, ymdFromSerial } from '../tiers/dates';
import type { SerialPeriod } from './measure';

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_LABELS: Record<PeriodKind, Localized> = {
  week: { en: 'This week', zh: '本周' },
  month: { en: 'This month', zh: '本月' },
  quarter: { en: 'This quarter', zh: '本季度' },
  year: { en: 'This year', zh: '本年' },
  custom: { en: 'Custom (from – to)', zh: '自定义（起 – 止）' },
};

/** Where the selector's cells sit on a summary tab (1-based rows / columns). */
export const SELECTOR = {
  /** The dropdown. */
  kind: 'B2',
  customFrom: 'D2',
  customTo: 'F2',
  /** Computed: first day and last day of the period, and of the previous one. */
  from: 'B3',
  last: 'C3',
  prevFrom: 'E3',
  prevLast: 'F3',
} as const;

const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/** A formula choosing by the selector's text (month when it is none of them). */
function choose(locale: Locale, kind: string, byKind: Record<Exclude<PeriodKind, 'month'>, string>, month: string): string {
  const k = (p: PeriodKind) => `${kind}="${PERIOD_LABELS[p][locale].replace(/"/g, '""')}"`;
  return `IF(${k('week')},${byKind.week},IF(${k('quarter')},${byKind.quarter},IF(${k('year')},${byKind.year},IF(${k('custom')},${byKind.custom},${month}))))`;
}

/** The four computed cells' formulas (with "="), for a selector on the tab `prefix` ('' = same tab). */
export function selectorFormulas(locale: Locale): Record<'from' | 'last' | 'prevFrom' | 'prevLast', string> {
  const kind = abs(SELECTOR.kind);
  const from = abs(SELECTOR.from);
  const last = abs(SELECTOR.last);
  const T = 'TODAY()';
  return {
    from:
      '=' +
      choose(
        locale,
        kind,
        {
          week: `${T}-WEEKDAY(${T},2)+1`,
          quarter: `DATE(YEAR(${T}),INT((MONTH(${T})-1)/3)*3+1,1)`,
          year: `DATE(YEAR(${T}),1,1)`,
          custom: `INT(N(${abs(SELECTOR.customFrom)}))`,
        },
        `EOMONTH(${T},-1)+1`,
      ),
    last:
      '=' +
      choose(
        locale,
        kind,
        { week: `${from}+6`, quarter: `EOMONTH(${from},2)`, year: `DATE(YEAR(${T}),12,31)`, custom: `INT(N(${abs(SELECTOR.customTo)}))` },
        `EOMONTH(${T},0)`,
      ),
    prevFrom:
      '=' +
      choose(
        locale,
        kind,
        { week: `${from}-7`, quarter: `EDATE(${from},-3)`, year: `EDATE(${from},-12)`, custom: `${from}-(${last}-${from}+1)` },
        `EDATE(${from},-1)`,
      ),
    prevLast: `=${from}-1`,
  };
}

/** The measure parameters for the current and the previous period, as cell references of the tab. */
export function periodArgs(which: 'current' | 'previous', sheetPrefix = ''): { from: string; to: string } {
  const [f, l] = which === 'current' ? [SELECTOR.from, SELECTOR.last] : [SELECTOR.prevFrom, SELECTOR.prevLast];
  return { from: sheetPrefix + abs(f), to: `(${sheetPrefix}${abs(l)}+1)` };
}

/** The same rule in TypeScript: the period and the one before, `to` exclusive, in serial days. */
export function periodBounds(kind: PeriodKind, today: number, custom?: { from: number; last: number }): { current: SerialPeriod; previous: SerialPeriod } {
  const t = ymdFromSerial(today);
  let from: number;
  let last: number;
  let prevFrom: number;
  switch (kind) {
    case 'week':
      from = today - weekdayMon(today) + 1;
      last = from + 6;
      prevFrom = from - 7;
      break;
    case 'quarter':
      from = serialFromYmd(t.y, Math.floor((t.m - 1) / 3) * 3 + 1, 1);
      last = edate(from, 3) - 1;
      prevFrom = edate(from, -3);
      break;
    case 'year':
      from = serialFromYmd(t.y, 1, 1);
      last = serialFromYmd(t.y, 12, 31);
      prevFrom = edate(from, -12);
      break;
    case 'custom':
      from = custom!.from;
      last = custom!.last;
      prevFrom = from - (last - from + 1);
      break;
    default:
      from = serialFromYmd(t.y, t.m, 1);
      last = edate(from, 1) - 1;
      prevFrom = edate(from, -1);
  }
  return { current: { from, to: last + 1 }, previous: { from: prevFrom, to: from } };
}
