/**
 * The Dashboard's measure declarations (core/dashboard): every formula passes the allow-list lint
 * with its parameters filled, reads nothing volatile but TODAY(), never looks a customer up in a
 * log per row; texts exist in both languages; the period rule; docs/kpis.md is current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFormula, tokenize } from '../../src/core/formulas';
import { hasColumn, namedRanges } from '../../src/core/schema';
import { allMeasures, DASHBOARD_SECTIONS } from '../../src/core/dashboard/sections';
import { breakdownItems, fillMeasure } from '../../src/core/dashboard/measure';
import { periodArgs, periodBounds, selectorFormulas } from '../../src/core/dashboard/period';
import { generateKpiDoc } from '../../src/core/dashboard/docs';
import { serialFromYmd, weekdayMon } from '../../src/core/tiers/dates';

const knownNames = new Set(namedRanges().map((n) => n.name));
const lint = (f: string) => lintFormula(f, { knownNames, placeholder: (t, c) => hasColumn(t ?? 'dashboard', c) });
const TEAM = ['Ana Wu', '李雷'];

function filled(): { key: string; formula: string }[] {
  return allMeasures().flatMap((m) =>
    (breakdownItems(m, TEAM) ?? [undefined]).flatMap((it) =>
      (['current', 'previous'] as const).map((w) => ({ key: m.key, formula: fillMeasure(m.formula, { ...periodArgs(w), item: it?.expr }) })),
    ),
  );
}

describe('Dashboard measures', () => {
  it('pass the allow-list lint with their parameters filled', () => {
    for (const { key, formula } of filled()) expect(lint(formula), key).toEqual([]);
    for (const f of Object.values(selectorFormulas('zh'))) expect(lint(f.slice(1))).toEqual([]);
  });

  it('read nothing volatile but TODAY() and never look up per row (no MATCH, VLOOKUP, INDIRECT, OFFSET)', () => {
    const banned = new Set(['NOW', 'RAND', 'RANDBETWEEN', 'INDIRECT', 'OFFSET', 'MATCH', 'VLOOKUP', 'HLOOKUP', 'XLOOKUP', 'COUNTIF', 'SUMIF']);
    for (const { key, formula } of filled()) {
      const idents = tokenize(formula)
        .tokens.filter((t) => t.kind === 'ident')
        .map((t) => t.text.toUpperCase());
      expect(
        idents.filter((i) => banned.has(i)),
        key,
      ).toEqual([]);
      // One SUMPRODUCT spans one tab: its arrays are of one length, rows of one table (no customer × log product).
      for (const sp of formula.match(/SUMPRODUCT\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g) ?? []) {
        const tabs = new Set([...sp.matchAll(/\{([a-z_]+)\./g)].map((m) => m[1]));
        expect(tabs.size, `${key}: ${sp}`).toBe(1);
      }
    }
  });

  it('have unique keys, a definition and a label in both languages', () => {
    const keys = allMeasures().map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of allMeasures()) {
      expect(m.label.zh, m.key).toMatch(/[\u4e00-\u9fff]/);
      expect(m.definition.zh, m.key).toMatch(/[\u4e00-\u9fff]/);
      expect(m.definition.en.length, m.key).toBeGreaterThan(20);
      expect(m.source === null || /seed 00[0-4]|our addition/.test(m.source), m.key).toBe(true);
    }
    for (const s of DASHBOARD_SECTIONS) expect(s.title.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a periodic measure reads the period, a snapshot does not', () => {
    for (const m of allMeasures()) expect(m.formula.includes('%from%'), m.key).toBe(m.periodic);
  });

  it('periods: this week starts on Monday, the previous period ends where this one begins', () => {
    const today = serialFromYmd(2026, 3, 4); // a Wednesday
    const w = periodBounds('week', today);
    expect(weekdayMon(w.current.from)).toBe(1);
    expect(w.current.to - w.current.from).toBe(7);
    for (const k of ['week', 'month', 'quarter', 'year'] as const) {
      const p = periodBounds(k, today);
      expect(p.previous.to, k).toBe(p.current.from);
      expect(today >= p.current.from && today < p.current.to, k).toBe(true);
    }
    expect(periodBounds('quarter', today).current).toEqual({ from: serialFromYmd(2026, 1, 1), to: serialFromYmd(2026, 4, 1) });
    expect(periodBounds('month', serialFromYmd(2026, 3, 31)).previous).toEqual({ from: serialFromYmd(2026, 2, 1), to: serialFromYmd(2026, 3, 1) });
    const c = periodBounds('custom', today, { from: today - 9, last: today });
    expect(c.previous).toEqual({ from: today - 19, to: today - 9 });
  });

  it('keeps docs/kpis.md up to date (regenerate: npx tsx src/local/gen-kpis.ts)', () => {
    const file = readFileSync(join(__dirname, '..', '..', 'docs', 'kpis.md'), 'utf8');
    expect(file).toBe(generateKpiDoc());
    for (const m of allMeasures()) expect(file).toContain(`\`${m.key}\``);
  });
});
