import { describe, expect, it } from 'vitest';
import { HyperFormula } from 'hyperformula';
import { ALLOWED_FUNCTIONS, lintFormula, resolveFormula, sameFormula, columnLetter, columnNumber } from '../../src/core/formulas';
import { schemaFormulas, namedRanges, hasColumn, TABS } from '../../src/core/schema';

const knownNames = new Set(namedRanges().map((n) => n.name));

describe('formula allow-list', () => {
  it('lists only functions HyperFormula registers', () => {
    const hf = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    for (const f of Object.keys(ALLOWED_FUNCTIONS)) expect(hf.has(f), f).toBe(true);
  });
  it('leaves out the functions the engines disagree on', () => {
    for (const f of ['AVERAGEIFS', 'QUERY', 'LET', 'LAMBDA', 'REGEXMATCH', 'RANK', 'PERCENTRANK', 'INDIRECT', 'TEXT', 'SPLIT', 'UNIQUE', 'SORT', 'TEXTJOIN'])
      expect(ALLOWED_FUNCTIONS[f], f).toBeUndefined();
  });
});

describe('lintFormula', () => {
  it('passes every formula the schema writes', () => {
    for (const { tab, column, formula } of schemaFormulas()) {
      const problems = lintFormula(formula, {
        knownNames,
        placeholder: (t, c) => hasColumn(t ?? tab.key, c),
      });
      expect(problems, `${tab.key}.${column.key}: ${formula}`).toEqual([]);
    }
  });

  it('passes every schema formula after resolution, with quoted sheet names', () => {
    for (const { tab, formula } of schemaFormulas()) {
      const resolved = resolveFormula(formula, {
        tabKey: tab.key,
        firstDataRow: 2,
        column: (t, c) => TABS.find((x) => x.key === t)!.columns.findIndex((x) => x.key === c) + 1,
        sheetName: (t) => TABS.find((x) => x.key === t)!.name.zh,
      });
      expect(resolved.startsWith('=ARRAYFORMULA(')).toBe(true);
      expect(resolved).not.toMatch(/\{/);
      expect(lintFormula(resolved, { knownNames })).toEqual([]);
    }
  });

  it('finds the problems it is for', () => {
    const codes = (f: string) => lintFormula(f, { knownNames, placeholder: (t, c) => hasColumn(t ?? 'customers', c) }).map((p) => p.code);
    expect(codes('=AVERAGEIFS(A2:A,B2:B,1)')).toEqual(['function']);
    expect(codes('=QUERY(A:B,"select A")')).toEqual(['function']);
    expect(codes('=SUM(SD_NOPE)')).toEqual(['name']);
    expect(codes('=SUM({nope})')).toEqual(['placeholder']);
    expect(codes('=SUM({1,2})')).toContain('unsupported');
    expect(codes('=SUM(A1')).toEqual(['syntax']);
    expect(codes('=IF(A1="QUERY(",1,2)')).toEqual([]);
    expect(codes("='客户 x'!A2:A")).toEqual([]);
    expect(codes('=IF({customers.customer_id}="",TRUE,FALSE)')).toEqual([]);
  });
});

describe('resolveFormula', () => {
  it('maps keys to open-ended ranges of the current column letters', () => {
    const f = resolveFormula('ARRAYFORMULA(IF({a}="","",{other.b}))', {
      tabKey: 't',
      firstDataRow: 2,
      column: (t, c) => (t === 't' && c === 'a' ? 3 : 28),
      sheetName: () => "Bob's tab",
    });
    expect(f).toBe(`=ARRAYFORMULA(IF(C2:C="","",'Bob''s tab'!AB2:AB))`);
  });
  it('converts column letters', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnNumber('AB')).toBe(28);
  });
  it('compares formulas ignoring case and spaces outside strings', () => {
    expect(sameFormula('=if(a2:a = "", "x")', '=IF(A2:A="", "x")')).toBe(true);
    expect(sameFormula('=IF(A2="x")', '=IF(A2="X")')).toBe(false);
  });
});

describe('readable formulas', () => {
  it('shows the next follow-up from the plan the script keeps (issue 12), never a second computation of the cadence', () => {
    const customers = TABS.find((t) => t.key === 'customers')!;
    const next = customers.columns.find((c) => c.key === 'next_followup')!.formula!;
    expect(next.length).toBeLessThan(400);
    expect(next).toContain('{next_planned_at}');
    for (const cadence of ['{last_contact_at}', '{created_at}', 'SD_FOLLOWUP_', 'SD_RETURN_CALL_DAYS', 'SD_FIRST_CONTACT']) expect(next).not.toContain(cadence);
    // The helper columns that computed the cadence on the sheet are gone with it.
    for (const gone of ['cadence_days', 'first_contact_due', 'cadence_date']) expect(customers.columns.some((c) => c.key === gone)).toBe(false);
  });
});
