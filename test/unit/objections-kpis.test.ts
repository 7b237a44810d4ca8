import { describe, expect, it } from 'vitest';
import { lintFormula } from '../../src/core/formulas';
import { namedRanges, hasColumn } from '../../src/core/schema';
import { OBJECTION_KPIS, kpiFormula } from '../../src/core/kpis/objections';
import { median, topLostTypes } from '../../src/core/objections/kpis';

const knownNames = new Set(namedRanges().map((n) => n.name));

describe('objection KPI formulas', () => {
  it.each(OBJECTION_KPIS.map((k) => [k.key, k] as const))('%s uses only allow-listed functions, known names and columns', (_key, k) => {
    const f = kpiFormula(k, { type: '$A2', rep: '$A2', n: '$A2', labels: '$A$2:$A$10', counts: '$B$2:$B$10' });
    expect(f).not.toMatch(/%\w+%/);
    expect(lintFormula(f, { knownNames, placeholder: (t, c) => !!t && hasColumn(t, c) })).toEqual([]);
    expect(k.label.en && k.label.zh && k.note.en && k.note.zh).toBeTruthy();
  });

  it('needs its parameters', () => {
    expect(() => kpiFormula(OBJECTION_KPIS[0], {})).toThrow(/needs type/);
  });

  it('reference helpers: median and ranking with ties in list order', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const rows = [
      { type: 'B', lost_deal: true },
      { type: 'A', lost_deal: true },
      { type: 'C', lost_deal: true },
      { type: 'C', lost_deal: true },
      { type: 'A', lost_deal: false },
    ];
    expect(topLostTypes(rows, ['A', 'B', 'C', 'D'])).toEqual(['C', 'A', 'B']);
  });
});
