/**
 * Set-up on workbooks a team has used (issue 10 and 13): the recalculation interval, computed
 * columns that look computed, cells typed into a computed column (listed exactly, cleared only on
 * a yes), and a tab whose header row is gone (reported, left untouched).
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab, type TabDef } from '../../src/core/schema';
import { columnLetter } from '../../src/core/formulas';
import type { Locale } from '../../src/core/i18n';

const NOW = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;
const CUSTOMERS = getTab('customers');

function fresh(locale: Locale = 'en'): LocalRuntime {
  const rt = createLocalRuntime({ locale: locale === 'zh' ? 'zh_CN' : 'en_US', user: 'owner@example.com', now: NOW });
  rt.run('setupWorkbook');
  return rt;
}
const col = (def: TabDef, key: string) => def.columns.findIndex((c) => c.key === key) + 1;
const sheetOf = (rt: LocalRuntime, def: TabDef, locale: Locale = 'en') => rt.spreadsheet.getSheetByName(def.name[locale])!;
const lastAlert = (rt: LocalRuntime) => rt.ui.state.alerts[rt.ui.state.alerts.length - 1];

/** Five customers added a month ago, never contacted: each has a next follow-up and a follow-up status. */
function addCustomers(rt: LocalRuntime, locale: Locale = 'en'): void {
  const sh = sheetOf(rt, CUSTOMERS, locale);
  sh.getRange(2, 1, 5, 2).setValues([1, 2, 3, 4, 5].map((i) => [`C-00000${i}`, `Customer ${i}`]));
  sh.getRange(2, col(CUSTOMERS, 'created_at'), 5, 1).setValues([1, 2, 3, 4, 5].map(() => [new Date(NOW.getTime() - 30 * DAY)]));
  // Their planned contact, as the script keeps it (issue 12): Next follow-up shows it.
  sh.getRange(2, col(CUSTOMERS, 'next_planned_at'), 5, 1).setValues([1, 2, 3, 4, 5].map(() => [new Date(NOW.getTime() - 29 * DAY)]));
}

describe('the recalculation interval', () => {
  it.each(['en', 'zh'] as const)('set-up makes the workbook recalculate hourly, and a repair puts it back (%s)', (locale) => {
    const rt = fresh(locale);
    expect(String(rt.spreadsheet.getRecalculationInterval())).toBe('HOUR');
    rt.spreadsheet.setRecalculationInterval('ON_CHANGE' as unknown as GoogleAppsScript.Spreadsheet.RecalculationInterval);
    rt.run('setupWorkbook');
    expect(String(rt.spreadsheet.getRecalculationInterval())).toBe('HOUR');
    expect(lastAlert(rt).prompt).not.toMatch(/nothing needed repair|无需修复/);
    rt.run('setupWorkbook');
    expect(lastAlert(rt).prompt).toMatch(/nothing needed repair|无需修复/);
  });
});

describe('computed columns look computed', () => {
  const computed = CUSTOMERS.columns.filter((c) => c.formula);
  const input = CUSTOMERS.columns.filter((c) => !c.formula);

  it.each(['en', 'zh'] as const)('their header has its own colour and a note that says so (%s)', (locale) => {
    const rt = fresh(locale);
    const name = CUSTOMERS.name[locale];
    const bg = (key: string) => String(rt.spreadsheet.getSheetByName(name)!.getRange(1, col(CUSTOMERS, key)).getBackground()).toLowerCase();
    const want = CUSTOMERS.computedHeaderStyle!;
    expect(want.background.toLowerCase()).not.toBe(CUSTOMERS.headerStyle.background.toLowerCase());
    for (const c of computed) {
      expect(bg(c.key), c.key).toBe(want.background.toLowerCase());
      expect(rt.workbook.cellInfo(name, 1, col(CUSTOMERS, c.key)).note, c.key).toMatch(locale === 'en' ? /^Computed/ : /^自动计算/);
    }
    for (const c of input) expect(bg(c.key), c.key).toBe(CUSTOMERS.headerStyle.background.toLowerCase());
  });

  it('a workbook set up before computed headers had their look gets it, and a user column keeps its own', () => {
    const rt = fresh('en');
    const sh = sheetOf(rt, CUSTOMERS);
    sh.insertColumnAfter(2);
    sh.getRange(1, 3).setValue('My column').setBackground('#00ff00');
    const width = sh.getLastColumn();
    sh.getRange(1, 1, 1, width).setBackground(CUSTOMERS.headerStyle.background).setFontColor(CUSTOMERS.headerStyle.fontColor);
    sh.getRange(1, 3).setBackground('#00ff00');
    rt.run('setupWorkbook');
    const at = (key: string) => col(CUSTOMERS, key) + (col(CUSTOMERS, key) > 2 ? 1 : 0);
    for (const c of computed) expect(String(sh.getRange(1, at(c.key)).getBackground()).toLowerCase(), c.key).toBe(CUSTOMERS.computedHeaderStyle!.background);
    expect(String(sh.getRange(1, 3).getBackground()).toLowerCase()).toBe('#00ff00');
  });
});

describe('cells typed into a computed column', () => {
  const nf = col(CUSTOMERS, 'next_followup');
  const U = columnLetter(nf);

  function typedWorkbook(locale: Locale) {
    const rt = fresh(locale);
    addCustomers(rt, locale);
    const name = CUSTOMERS.name[locale];
    expect(rt.workbook.setCellFromUser(name, 4, nf, '2026-04-01')).toEqual({ ok: true });
    // The blocked array and the columns that read it show errors in their first row…
    const sh = sheetOf(rt, CUSTOMERS, locale);
    expect(sh.getRange(2, nf).getValue()).toBe('#REF!');
    expect(sh.getRange(2, col(CUSTOMERS, 'followup_state')).getValue()).toBe('#REF!');
    return { rt, name, sh };
  }

  it.each(['en', 'zh'] as const)('are listed exactly — not the columns that read the blocked one — and cleared on yes (%s)', (locale) => {
    const { rt, name, sh } = typedWorkbook(locale);
    const before = rt.workbook.values(name);
    rt.ui.queueResponse('YES');
    rt.run('setupWorkbook');
    const alert = lastAlert(rt);
    expect(alert.buttons).toBe('YES_NO');
    expect(alert.prompt).toContain(`${U}4`);
    expect(alert.prompt).toContain(CUSTOMERS.columns[nf - 1].header[locale]);
    // Only the typed cell: the follow-up status and churn columns (which read it) are not listed.
    const listed = [...alert.prompt.matchAll(/\b([A-Z]{1,2})(\d+)\b/g)].map((m) => `${m[1]}${m[2]}`);
    expect(listed).toEqual([`${U}4`]);
    expect(alert.prompt).toMatch(locale === 'en' ? /Clear the typed cells listed above \(1 in all\)/ : /是否清除上面列出的手动输入单元格（共 1 个）/);
    // Yes: exactly that cell was cleared, and the column computes again (every customer was added the same day).
    const after = rt.workbook.values(name);
    expect(after[3][nf - 1]).toEqual(after[2][nf - 1]);
    expect(after[3][nf - 1]).not.toEqual(before[3][nf - 1]);
    const formulas = rt.workbook.formulas(name);
    for (let r = 0; r < before.length; r++)
      for (let c = 0; c < before[0].length; c++) {
        if (formulas[r]?.[c] || rt.workbook.cellInfo(name, r + 1, c + 1).spilled || (r === 3 && c === nf - 1)) continue;
        expect(after[r][c], `R${r + 1}C${c + 1}`).toEqual(before[r][c]);
      }
    expect(sh.getRange(4, nf).getFormula()).toBe('');
    expect(
      sh
        .getRange(2, nf, 5, 1)
        .getValues()
        .every(([v]) => v instanceof Date),
    ).toBe(true);
    expect(rt.workbook.formulaErrors()).toEqual([]);
    expect(rt.ui.state.toasts[rt.ui.state.toasts.length - 1].message).toMatch(
      locale === 'en' ? /Cleared the typed cells \(1\)/ : /已清除手动输入的单元格（1 个）/,
    );
  });

  it('stay when the answer is no', () => {
    const { rt, name, sh } = typedWorkbook('en');
    const typed = rt.workbook.values(name)[3][nf - 1];
    rt.ui.queueResponse('NO');
    rt.run('setupWorkbook');
    expect(lastAlert(rt).answer).toBe('NO');
    expect(rt.workbook.values(name)[3][nf - 1]).toEqual(typed);
    expect(sh.getRange(2, nf).getValue()).toBe('#REF!');
  });

  it('a value typed over the formula itself is cleared and the formula written back', () => {
    const rt = fresh('en');
    addCustomers(rt);
    const name = CUSTOMERS.name.en;
    const days = col(CUSTOMERS, 'days_since_contact');
    expect(rt.workbook.setCellFromUser(name, 2, days, '7')).toEqual({ ok: true });
    expect(rt.workbook.setCellFromUser(name, 5, days, '9')).toEqual({ ok: true });
    rt.ui.queueResponse('YES');
    rt.run('setupWorkbook');
    expect(lastAlert(rt).prompt).toContain(`${columnLetter(days)}2, ${columnLetter(days)}5`);
    expect(rt.workbook.cellInfo(name, 2, days).formula).toMatch(/^=ARRAYFORMULA/);
    expect(rt.workbook.values(name)[4][days - 1]).toBe('');
    expect(rt.workbook.formulaErrors()).toEqual([]);
  });
});

describe('a tab whose header row is gone', () => {
  it.each(['en', 'zh'] as const)('is reported and left untouched, and repaired once the header row is back (%s)', (locale) => {
    const rt = fresh(locale);
    addCustomers(rt, locale);
    rt.run('setupWorkbook');
    const name = CUSTOMERS.name[locale];
    const sh = sheetOf(rt, CUSTOMERS, locale);
    sh.deleteRow(1); // the first customer now sits in row 1
    const sheetBefore = JSON.stringify(rt.workbook.toJSON().sheets.find((s) => s.name === name));
    rt.run('setupWorkbook');
    expect(JSON.stringify(rt.workbook.toJSON().sheets.find((s) => s.name === name))).toBe(sheetBefore);
    expect(lastAlert(rt).prompt).toMatch(
      locale === 'en' ? new RegExp(`Row 1 of "${name}" is not Sales Desk's header row`) : new RegExp(`“${name}”的第 1 行不是销售台的表头`),
    );
    // Every other tab is still set up and checked (nothing else to repair there).
    expect(rt.workbook.formulaErrors().filter((e: { sheet: string }) => e.sheet !== name)).toEqual([]);
    // The user puts an empty row back on top: set-up writes the headers, the customers are where they were.
    sh.insertRowBefore(1);
    rt.run('setupWorkbook');
    const values = rt.workbook.values(name);
    expect(values[0].slice(0, 2)).toEqual([CUSTOMERS.columns[0].header[locale], CUSTOMERS.columns[1].header[locale]]);
    expect(values[1].slice(0, 2)).toEqual(['C-000001', 'Customer 1']);
    expect(values[5].slice(0, 2)).toEqual(['C-000005', 'Customer 5']);
  });
});
