/**
 * Highlights (conditional formats) declared in the schema (TabDef.highlights) and written by
 * set-up through one mechanism (src/server/highlights.ts), on the built bundle.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { FIRST_DATA_ROW, getTab, hasColumn, namedRanges, type TabDef } from '../../src/core/schema';
import { columnLetter, lintFormula } from '../../src/core/formulas';
import { highlightFormula } from '../../src/server/setup/highlights';
import { colOf, workbook, writeByKey } from './objections-fixture';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Locale = 'en' | 'zh';

const NOW = new Date('2026-03-02T02:00:00Z');
const DAY = 24 * 3600_000;
const TAB_KEYS = ['customers', 'followups', 'objections'] as const;

function fresh(locale: Locale = 'en'): LocalRuntime {
  const rt = createLocalRuntime({ locale: locale === 'zh' ? 'zh_CN' : 'en_US', user: 'boss@example.com', now: NOW, timeZone: 'Asia/Shanghai' });
  rt.run('setupWorkbook');
  return rt;
}

const sheetOf = (rt: LocalRuntime, def: TabDef, locale: Locale = 'en'): Sheet => rt.spreadsheet.getSheetByName(def.name[locale])!;
const formulaOf = (r: Rule) => String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? '');
const isOurs = (r: Rule) => formulaOf(r).includes('N("salesdesk:hl:');
/** A rule as the document holds it: formula, format and ranges. */
const describeRule = (r: Rule) => {
  const c = r.getBooleanCondition()!;
  return {
    formula: formulaOf(r),
    background: c.getBackground(),
    fontColor: c.getFontColor(),
    bold: c.getBold(),
    ranges: r.getRanges().map((g) => [g.getRow(), g.getColumn(), g.getNumRows(), g.getNumColumns()]),
  };
};
const rulesOf = (sh: Sheet) => sh.getConditionalFormatRules().map(describeRule);

/** A user's own rule, built from a copy of an existing one (tests have no SpreadsheetApp global). */
function addUserRule(sh: Sheet, formula: string, a1: string): void {
  const rules = sh.getConditionalFormatRules();
  const mine = rules[0]
    .copy()
    .whenFormulaSatisfied(formula)
    .setBackground('#d9ead3')
    .setFontColor(null)
    .setBold(null)
    .setRanges([sh.getRange(a1)])
    .build();
  sh.setConditionalFormatRules([...rules, mine]);
}

/** What set-up should have written for a tab laid out as declared, on a sheet of `maxRows`. */
function expected(def: TabDef, maxRows: number) {
  const width = def.columns.length;
  return def.highlights!.map((h) => {
    const cols = h.columns === 'row' ? null : h.columns.map((k) => colOf(def, k)).sort((a, b) => a - b);
    return {
      formula: highlightFormula(def.key, h, (k) => colOf(def, k)),
      background: h.background ?? null,
      fontColor: h.fontColor ?? null,
      bold: h.bold ?? null,
      // Declared column lists are adjacent in the default layout: one range each.
      ranges: [[FIRST_DATA_ROW, cols ? cols[0] : 1, maxRows - FIRST_DATA_ROW + 1, cols ? cols.length : width]],
    };
  });
}

describe('highlight declarations', () => {
  const known = new Set(namedRanges().map((n) => n.name));
  it.each(TAB_KEYS)('%s: every formula lints, reads only its own tab and resolves to first-row references', (key) => {
    const def = getTab(key);
    expect(def.highlights?.length).toBeGreaterThan(0);
    expect(new Set(def.highlights!.map((h) => h.key)).size).toBe(def.highlights!.length);
    for (const h of def.highlights!) {
      expect(lintFormula(h.formula, { knownNames: known, placeholder: (t, c) => t === null && hasColumn(key, c) }), h.key).toEqual([]);
      if (h.columns !== 'row') for (const c of h.columns) expect(hasColumn(key, c), c).toBe(true);
      const f = highlightFormula(key, h, (k) => colOf(def, k));
      expect(f).toMatch(/^=AND\(/);
      expect(f).not.toMatch(/\{|[A-Z]+2:[A-Z]+/);
      expect(lintFormula(f, { knownNames: known })).toEqual([]);
    }
  });

  it('writes readable formulas: conditions flattened into one AND with the marker', () => {
    const fu = getTab('followups');
    const L = (k: string) => `$${columnLetter(colOf(fu, k))}2`;
    const overdue = fu.highlights!.find((h) => h.key === 'overdue')!;
    expect(highlightFormula('followups', overdue, (k) => colOf(fu, k))).toBe(
      `=AND(${L('done_at')}="",${L('cancelled')}<>TRUE,${L('planned_at')}<>"",INT(${L('planned_at')})<TODAY(),N("salesdesk:hl:followups.overdue")=0)`,
    );
    const ob = getTab('objections');
    expect(highlightFormula('objections', ob.highlights![0], (k) => colOf(ob, k))).toBe(
      `=AND($${columnLetter(colOf(ob, 'answer_overdue'))}2=TRUE,N("salesdesk:hl:objections.overdue")=0)`,
    );
    expect(() => highlightFormula('objections', { key: 'x', formula: '{customers.name}=""', columns: 'row' }, () => 1)).toThrow();
  });
});

describe.each(TAB_KEYS)('highlights on %s', (key) => {
  const def = getTab(key);

  it('set-up creates them, in order, over every data row of the sheet', () => {
    const rt = fresh();
    const sh = sheetOf(rt, def);
    expect(rulesOf(sh)).toEqual(expected(def, sh.getMaxRows()));
  });

  it('a re-run writes nothing', () => {
    const rt = fresh();
    const before = JSON.stringify(rt.workbook.toJSON());
    rt.counter.reset();
    rt.run('setupWorkbook');
    expect(rt.counter.snapshot('SpreadsheetApp')['SpreadsheetApp.Sheet.setConditionalFormatRules']).toBeUndefined();
    expect(rt.counter.snapshot('SpreadsheetApp')['SpreadsheetApp.newConditionalFormatRule']).toBeUndefined();
    expect(JSON.stringify(rt.workbook.toJSON())).toBe(before);
  });

  it('keeps a user’s own rule, and extends its own ranges when the sheet grew', () => {
    const rt = fresh();
    const sh = sheetOf(rt, def);
    addUserRule(sh, '=LEN($A2)>20', 'A2:A50');
    const withUser = rulesOf(sh);
    rt.run('setupWorkbook');
    expect(rulesOf(sh)).toEqual(withUser);
    sh.insertRowsAfter(sh.getMaxRows(), 700);
    const grown = sh.getMaxRows();
    rt.counter.reset();
    rt.run('setupWorkbook');
    expect(rt.counter.snapshot('SpreadsheetApp')['SpreadsheetApp.Sheet.setConditionalFormatRules']).toBe(1);
    const after = rulesOf(sh);
    expect(after.slice(0, def.highlights!.length)).toEqual(expected(def, grown));
    expect(after.slice(def.highlights!.length)).toEqual([withUser[withUser.length - 1]]);
    // and stays so
    rt.counter.reset();
    rt.run('setupWorkbook');
    expect(rt.counter.snapshot('SpreadsheetApp')['SpreadsheetApp.Sheet.setConditionalFormatRules']).toBeUndefined();
  });

  it('follows its columns when the user moves them', () => {
    const rt = fresh();
    const sh = sheetOf(rt, def);
    sh.insertColumnBefore(1);
    sh.getRange(1, 1).setValue('My column');
    rt.run('setupWorkbook');
    const ours = sh.getConditionalFormatRules().filter(isOurs);
    expect(ours).toHaveLength(def.highlights!.length);
    for (const [i, h] of def.highlights!.entries()) {
      expect(formulaOf(ours[i])).toBe(highlightFormula(key, h, (k) => colOf(def, k) + 1));
      if (h.columns !== 'row') expect(ours[i].getRanges()[0].getColumn()).toBe(colOf(def, h.columns[0]) + 1);
    }
  });
});

describe('highlights written by earlier versions', () => {
  it('are recognised and replaced once; a user’s rule stays', () => {
    const rt = fresh();
    const legacy: Record<string, string[]> = {
      customers: ['=AND($A2=TRUE,N("salesdesk:churn")=0)', '=AND($T2<>"",INT($T2)<TODAY(),N("salesdesk:overdue")=0)'],
      followups: ['=AND($O2=TRUE,N("salesdesk:fu-cancelled")=0)', '=AND($H2<>"",$O2<>TRUE,N("salesdesk:fu-done")=0)'],
      objections: ['=$M2=TRUE'],
    };
    for (const key of TAB_KEYS) {
      const sh = sheetOf(rt, getTab(key));
      const template = sh.getConditionalFormatRules()[0];
      const old = legacy[key].map((f) =>
        template
          .copy()
          .whenFormulaSatisfied(f)
          .setBackground('#fce8e6')
          .setFontColor(null)
          .setBold(null)
          .setRanges([sh.getRange('A2:Z900')])
          .build(),
      );
      sh.setConditionalFormatRules(old);
      addUserRule(sh, '=$A2="VIP"', 'A2:B900');
    }
    rt.run('setupWorkbook');
    for (const key of TAB_KEYS) {
      const def = getTab(key);
      const sh = sheetOf(rt, def);
      const rules = rulesOf(sh);
      expect(rules.slice(0, def.highlights!.length), key).toEqual(expected(def, sh.getMaxRows()));
      expect(
        rules.slice(def.highlights!.length).map((r) => r.formula),
        key,
      ).toEqual(['=$A2="VIP"']);
    }
    const again = JSON.stringify(rt.workbook.toJSON());
    rt.run('setupWorkbook');
    expect(JSON.stringify(rt.workbook.toJSON())).toBe(again);
  });
});

describe('the runtime colours the rows the highlights describe', () => {
  it('Customers: a churn-risk customer’s ID and name amber (bold), the rest of its overdue row red; a calm one not at all', () => {
    const rt = fresh();
    const def = getTab('customers');
    const name = def.name.en;
    writeByKey(rt, 'customers', 2, [
      // With the planned contact the script keeps (issue 12): long overdue, and tomorrow.
      { customer_id: 'C-000001', name: 'Long silent', created_at: new Date(NOW.getTime() - 400 * DAY), next_planned_at: new Date(NOW.getTime() - 399 * DAY) },
      { customer_id: 'C-000002', name: 'New today', created_at: NOW, next_planned_at: new Date(NOW.getTime() + DAY) },
    ]);
    expect(
      sheetOf(rt, def)
        .getRange(2, colOf(def, 'churn_risk'), 2, 1)
        .getValues()
        .map((r) => r[0]),
    ).toEqual([true, false]);
    for (const k of ['customer_id', 'name'])
      expect(rt.workbook.cellInfo(name, 2, colOf(def, k)).conditional).toEqual({ background: '#fef7e0', fontColor: '#b06000', bold: true });
    expect(rt.workbook.cellInfo(name, 2, colOf(def, 'stage')).conditional?.background).toBe('#fce8e6');
    expect(rt.workbook.cellInfo(name, 2, colOf(def, 'churn_risk')).conditional?.background).toBe('#fce8e6');
    for (const k of ['customer_id', 'name', 'stage']) expect(rt.workbook.cellInfo(name, 3, colOf(def, k)).conditional).toBeNull();
  });

  it('Follow-ups (in Chinese): overdue row red, done status green, cancelled row grey, planned ahead plain', () => {
    const rt = fresh('zh');
    const def = getTab('followups');
    const name = def.name.zh;
    writeByKey(
      rt,
      'followups',
      2,
      [
        { followup_id: 'F-000001', customer_id: 'C-000001', planned_at: new Date(NOW.getTime() - 3 * DAY) },
        { followup_id: 'F-000002', customer_id: 'C-000001', planned_at: new Date(NOW.getTime() - 3 * DAY), done_at: new Date(NOW.getTime() - 2 * DAY) },
        { followup_id: 'F-000003', customer_id: 'C-000001', planned_at: new Date(NOW.getTime() - 3 * DAY), cancelled: true },
        { followup_id: 'F-000004', customer_id: 'C-000001', planned_at: new Date(NOW.getTime() + 3 * DAY) },
      ],
      'zh',
    );
    const at = (row: number, k: string) => rt.workbook.cellInfo(name, row, colOf(def, k)).conditional;
    expect(at(2, 'followup_id')?.background).toBe('#fce8e6');
    expect(at(2, 'status')?.background).toBe('#fce8e6');
    expect(at(3, 'status')?.fontColor).toBe('#188038');
    expect(at(3, 'followup_id')).toBeNull();
    expect(at(4, 'followup_id')?.fontColor).toBe('#9aa0a6');
    expect(at(4, 'status')?.fontColor).toBe('#9aa0a6');
    expect(at(5, 'followup_id')).toBeNull();
    expect(at(5, 'status')).toBeNull();
  });

  it('Objections: a row whose written answer is overdue is red until answered', () => {
    const rt = fresh();
    const def = getTab('objections');
    const name = def.name.en;
    writeByKey(rt, 'objections', 2, [
      { objection_id: 'O-000001', raised_at: new Date(NOW.getTime() - 30 * 3600_000) },
      { objection_id: 'O-000002', raised_at: new Date(NOW.getTime() - 2 * 3600_000) },
    ]);
    expect(rt.workbook.cellInfo(name, 2, colOf(def, 'customer_name')).conditional?.background).toBe('#fce8e6');
    expect(rt.workbook.cellInfo(name, 3, colOf(def, 'customer_name')).conditional).toBeNull();
    sheetOf(rt, def)
      .getRange(2, colOf(def, 'answered_at'))
      .setValue(new Date(NOW.getTime() - DAY));
    expect(rt.workbook.cellInfo(name, 2, colOf(def, 'customer_name')).conditional).toBeNull();
  });
});

describe('sidebars leave highlights to set-up', () => {
  it('opening Today or the Log follow-up form reads and writes no conditional format', () => {
    const fx = workbook();
    fx.rt.counter.reset();
    fx.rt.run('getTodayView');
    fx.rt.run('getFollowupFormData');
    const counts = fx.rt.counter.snapshot('SpreadsheetApp');
    expect(counts['SpreadsheetApp.Sheet.getConditionalFormatRules']).toBeUndefined();
    expect(counts['SpreadsheetApp.Sheet.setConditionalFormatRules']).toBeUndefined();
  });
});
