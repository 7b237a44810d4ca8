/**
 * The Dashboard as a grid of cells, pure: labels in the workbook's language, the period selector,
 * one row per measure (or per breakdown item) with this period's and the previous period's
 * formula, and "How these are computed" at the foot. The server writes the grid in one block
 * (server/summaries/dashboard.ts); a test reads it back cell by cell against the references.
 */
import type { Locale, Localized } from '../i18n/locale';
import { resolveFormula, UnresolvedColumnError, type ResolveContext } from '../formulas/resolve';
import { breakdownItems, fillMeasure, type Measure, type MeasureFormat, type Section } from './measure';
import { PERIOD_LABELS, PERIOD_KINDS, periodArgs, SELECTOR, selectorFormulas } from './period';

export const DASHBOARD_WIDTH = 6;

const T = {
  title: { en: 'Dashboard', zh: '仪表板' },
  period: { en: 'Period', zh: '期间' },
  customFrom: { en: 'Custom from', zh: '自定义起' },
  customTo: { en: 'to', zh: '止' },
  shown: { en: 'Shown', zh: '当前期间' },
  previous: { en: 'Previous', zh: '上一期间' },
  measure: { en: 'Measure', zh: '指标' },
  thisPeriod: { en: 'This period', zh: '本期' },
  previousPeriod: { en: 'Previous period', zh: '上期' },
  now: { en: 'now', zh: '当前' },
  how: { en: 'How these are computed', zh: '计算方法' },
  definition: { en: 'Definition', zh: '定义' },
  source: { en: 'Source', zh: '来源' },
  ours: { en: 'our addition', zh: '本产品补充' },
} satisfies Record<string, Localized>;

export const NUMBER_FORMATS: Record<MeasureFormat, string> = {
  count: '0',
  money: '#,##0.00',
  percent: '0.0%',
  score: '0.00',
  points: '0.0',
  days: '0.0',
};
const DATE_FORMAT = 'yyyy-mm-dd';

export type Cell = string | number;

/** Where one measure's figures sit: row (1-based) and the breakdown item, for tests and charts. */
export interface MeasureCell {
  measure: Measure;
  item?: string;
  row: number;
}

export interface Grid {
  values: Cell[][];
  formats: string[][];
  measures: MeasureCell[];
  /** Rows of the section titles and the foot's title (for the look). */
  titleRows: number[];
  /** The selector's choices, in the workbook's language (its dropdown). */
  periodChoices: string[];
}

/** A text cell that stays text whatever it starts with. */
const text = (s: string): string => (/^[=+\-@']/.test(s) ? `'${s}` : s);
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function sourceText(m: Measure, locale: Locale): string {
  return m.source ?? T.ours[locale];
}

export function dashboardGrid(sections: readonly Section[], locale: Locale, team: readonly string[], ctx: Omit<ResolveContext, 'tabKey'>): Grid {
  const rows: Cell[][] = [];
  const formats: string[][] = [];
  const titleRows: number[] = [];
  const measures: MeasureCell[] = [];
  const blank = (): Cell[] => Array(DASHBOARD_WIDTH).fill('');
  const push = (cells: Cell[], fmt: string[] = []) => {
    const r = blank();
    cells.forEach((c, i) => (r[i] = c));
    rows.push(r);
    const f = Array(DASHBOARD_WIDTH).fill('General');
    fmt.forEach((x, i) => (f[i] = x || 'General'));
    formats.push(f);
    return rows.length;
  };
  const sel = selectorFormulas(locale);
  const choices = PERIOD_KINDS.map((k) => PERIOD_LABELS[k][locale]);
  titleRows.push(push([T.title[locale]]));
  push([T.period[locale], PERIOD_LABELS.month[locale], T.customFrom[locale], '', T.customTo[locale], ''], ['', '', '', DATE_FORMAT, '', DATE_FORMAT]);
  push([T.shown[locale], sel.from, sel.last, T.previous[locale], sel.prevFrom, sel.prevLast], ['', DATE_FORMAT, DATE_FORMAT, '', DATE_FORMAT, DATE_FORMAT]);
  push([]);
  push([T.measure[locale], T.thisPeriod[locale], T.previousPeriod[locale], T.source[locale]]);
  // A tab set-up could not recognise this run (its header row is gone) leaves its figures blank
  // until a later run, once the tab is repaired, writes them.
  const resolve = (f: string) => {
    try {
      return resolveFormula(f, { ...ctx, tabKey: 'dashboard' });
    } catch (e) {
      if (e instanceof UnresolvedColumnError) return '';
      throw e;
    }
  };
  for (const section of sections) {
    titleRows.push(push([section.title[locale]]));
    for (const m of section.measures) {
      const label = m.periodic ? m.label[locale] : `${m.label[locale]} (${T.now[locale]})`;
      const fmt = NUMBER_FORMATS[m.format];
      const items = breakdownItems(m, team);
      const figure = (which: 'current' | 'previous', item?: string) => resolve(fillMeasure(m.formula, { ...periodArgs(which), item }));
      if (!items) {
        const row = push([text(label), figure('current'), m.periodic ? figure('previous') : '', text(sourceText(m, locale))], ['', fmt, fmt]);
        measures.push({ measure: m, row });
        continue;
      }
      for (const it of items) {
        // A list item or a team member is shown as the sheet has it (the Lists tab, the team list).
        const itemLabel = it.expr.startsWith('INDEX(') ? `=${quoted(`${label} · `)}&${it.expr}` : text(`${label} · ${it.label[locale]}`);
        const row = push([itemLabel, figure('current', it.expr), m.periodic ? figure('previous', it.expr) : '', text(sourceText(m, locale))], ['', fmt, fmt]);
        measures.push({ measure: m, item: it.key, row });
      }
    }
  }
  push([]);
  titleRows.push(push([T.how[locale]]));
  push([T.measure[locale], T.definition[locale], '', T.source[locale]]);
  for (const m of sections.flatMap((s) => s.measures)) push([text(m.label[locale]), text(m.definition[locale]), '', text(sourceText(m, locale))]);
  return { values: rows, formats, measures, titleRows, periodChoices: choices };
}

/** The selector's input cells (kept as the user set them when the grid is rewritten). */
export const INPUT_CELLS = [SELECTOR.kind, SELECTOR.customFrom, SELECTOR.customTo] as const;
