/**
 * The Dashboard as set-up leaves it: in the workbook's language, every figure a live formula,
 * repaired without losing the manager's period choice, and "Rebuild summaries" (after a team
 * change) at the same Apps Script cost with an empty register and with 20,000 customers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { PERIOD_LABELS } from '../../src/core/dashboard/period';
import type { Locale } from '../../src/core/i18n';

const NOW = new Date('2026-03-02T02:00:00Z');
const fresh = (locale: Locale) =>
  createLocalRuntime({ locale: locale === 'zh' ? 'zh_CN' : 'en_US', user: 'boss@example.com', now: NOW, timeZone: 'Asia/Shanghai' });
const dashboardName = (l: Locale) => getTab('dashboard').name[l];

function cells(rt: LocalRuntime, l: Locale) {
  const sh = rt.spreadsheet.getSheetByName(dashboardName(l))!;
  const r = sh.getRange(1, 1, sh.getLastRow(), 6);
  return { sh, values: r.getValues(), formulas: r.getFormulas() };
}

function setTeam(rt: LocalRuntime, l: Locale, names: string[]): void {
  const def = getTab('settings');
  const sh = rt.spreadsheet.getSheetByName(def.name[l])!;
  const at = def.columns.findIndex((c) => c.key === 'team_name') + 1;
  sh.getRange(2, at, names.length, 1).setValues(names.map((n) => [n]));
}

describe('the Dashboard tab', () => {
  it("ships without the playground's chart library (Chart.js draws only in the playground)", () => {
    const code = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
    expect(code).not.toMatch(/chart\.js|Chart\.register|@kurkle\/color/i);
  });

  for (const l of ['en', 'zh'] as const)
    it(`is written by set-up in the workbook's language, figures as formulas (${l})`, () => {
      const rt = fresh(l);
      rt.run('setupWorkbook');
      const { values, formulas } = cells(rt, l);
      expect(values[0][0]).toBe(l === 'zh' ? '仪表板' : 'Dashboard');
      expect(values[1][1]).toBe(PERIOD_LABELS.month[l]);
      const figureRows = formulas
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r[1].startsWith('=') && (r[1].includes('COUNTIFS') || r[1].includes('SUMIFS') || r[1].includes('SUMPRODUCT')));
      expect(figureRows.length).toBeGreaterThan(60);
      // Nothing pasted: every row with a figure holds a formula in it.
      for (const { r, i } of figureRows) expect(values[i][1] === '' || typeof values[i][1] === 'number', `row ${i + 1}: ${r[1]}`).toBe(true);
      if (l === 'zh') expect(values.some((row) => String(row[0]) === '计算方法')).toBe(true);
      expect(rt.workbook.formulaErrors()).toEqual([]);
    });

  it('a repair puts back a figure typed over and keeps the period the manager chose', () => {
    const rt = fresh('en');
    rt.run('setupWorkbook');
    const { sh, formulas } = cells(rt, 'en');
    const row = formulas.findIndex((r) => r[1].includes('COUNTIFS'));
    const formula = formulas[row][1];
    sh.getRange('B2').setValue(PERIOD_LABELS.quarter.en);
    sh.getRange(row + 1, 2).setValue(42);
    rt.run('setupWorkbook');
    const after = cells(rt, 'en');
    expect(after.formulas[row][1]).toBe(formula);
    expect(after.values[1][1]).toBe(PERIOD_LABELS.quarter.en);
    // Nothing more to repair: a second run writes nothing on it.
    rt.counter.reset();
    rt.run('setupWorkbook');
    const writes = Object.keys(rt.counter.snapshot('SpreadsheetApp')).filter((k) => /\.(set|clear)[A-Z]/.test(k));
    expect(writes).toEqual([]);
  });

  it('Rebuild summaries adds a row per new team member, at the same cost with 0 and 20,000 customers', () => {
    const costs: Record<string, number>[] = [];
    for (const n of [0, 20_000]) {
      const rt = fresh('en');
      rt.run('setupWorkbook');
      if (n) {
        const cu = rt.spreadsheet.getSheetByName(getTab('customers').name.en)!;
        cu.insertRowsAfter(cu.getMaxRows(), n + 10 - cu.getMaxRows());
        cu.getRange(2, 1, n, 2).setValues(Array.from({ length: n }, (_, i) => [`C-${String(i + 1).padStart(6, '0')}`, `Customer ${i + 1}`]));
      }
      setTeam(rt, 'en', ['Ana Wu', 'Li Lei', 'Sam Boss']);
      rt.counter.reset();
      rt.run('rebuildSummaries');
      costs.push(rt.counter.snapshot('SpreadsheetApp'));
      const labels = cells(rt, 'en').values.map((r) => String(r[0]));
      for (const name of ['Ana Wu', 'Li Lei', 'Sam Boss']) expect(labels).toContain(`Overdue follow-ups (now) · ${name}`);
      if (n) expect(labels).toContain('Customers by stage (now) · 1 Reach & screen');
    }
    expect(costs[1]).toEqual(costs[0]);
  }, 120_000);
});
