import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABS, namedRanges, hasColumn, schemaFormulas, validationRangeName, TEAM_LIST } from '../../src/core/schema';
import { generateReference } from '../../src/core/schema/reference';
import { LISTS, listItemKey, listIndex, listLabel } from '../../src/core/lists';
import { asCellText, isFormulaLike } from '../../src/core/text';
import { LOCALES } from '../../src/core/i18n';

const nonEmpty = (s: string) => typeof s === 'string' && s.trim().length > 0;

describe('schema', () => {
  it('has the tabs issue 3 asks for, with those of issues 15 (Stage history), 16 (Team, Trends) and 17 (complaints)', () => {
    expect(TABS.map((t) => t.key)).toEqual([
      'customers',
      'followups',
      'objections',
      'survey_responses',
      'deals',
      'stage_history',
      'dashboard',
      'team',
      'trends',
      'playbook',
      'settings',
      'lists',
      'reminder_log',
      'complaints',
      'complaint_steps',
      'survey_sends', // issue 14
    ]);
  });

  it('gives every tab and column both languages', () => {
    for (const tab of TABS) {
      for (const l of LOCALES) {
        expect(nonEmpty(tab.name[l]), `${tab.key} name ${l}`).toBe(true);
        expect(nonEmpty(tab.description[l]), `${tab.key} description ${l}`).toBe(true);
      }
      for (const col of tab.columns) {
        for (const l of LOCALES) {
          expect(nonEmpty(col.header[l]), `${tab.key}.${col.key} header ${l}`).toBe(true);
          expect(nonEmpty(col.note[l]), `${tab.key}.${col.key} note ${l}`).toBe(true);
        }
        expect(col.width).toBeGreaterThan(20);
      }
    }
  });

  it('has unique tab keys, tab names, column keys and headers per tab and language', () => {
    const keys = TABS.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const l of LOCALES) {
      const names = TABS.map((t) => t.name[l]);
      expect(new Set(names).size).toBe(names.length);
    }
    // A tab name must not equal another tab's name in the other language.
    const all = TABS.flatMap((t) => [t.name.en, t.name.zh].map((n) => `${n}\u0000${t.key}`));
    const byName = new Map<string, string>();
    for (const e of all) {
      const [n, k] = e.split('\u0000');
      if (byName.has(n)) expect(byName.get(n)).toBe(k);
      byName.set(n, k);
    }
    for (const tab of TABS) {
      const ck = tab.columns.map((c) => c.key);
      expect(new Set(ck).size, tab.key).toBe(ck.length);
      for (const c of ck) expect(c).toMatch(/^[a-z][a-z0-9_]*$/);
      // A header text identifies one column in either language.
      const headers = new Map<string, string>();
      for (const col of tab.columns)
        for (const l of LOCALES) {
          const h = col.header[l].trim().toLowerCase();
          if (headers.has(h)) expect(headers.get(h), `${tab.key}: header "${h}"`).toBe(col.key);
          headers.set(h, col.key);
        }
    }
  });

  it('carries the seed template columns', () => {
    const keys = (k: string) => TABS.find((t) => t.key === k)!.columns.map((c) => c.key);
    expect(keys('customers')).toEqual(
      expect.arrayContaining([
        'customer_id',
        'name',
        'industry',
        'employees',
        'annual_revenue',
        'contact_name',
        'contact_title',
        'phone',
        'email',
        'needs',
        'source',
        'intention_level',
        'next_followup',
        'need_confirmed',
        'budget_confirmed',
        'stage',
        'scenario',
        'owner',
        'value_tier',
        'gold',
        'days_since_contact',
        'followup_state',
        'churn_risk',
        'created_at',
        'updated_at',
      ]),
    );
    expect(keys('objections')).toEqual(expect.arrayContaining(['customer_id', 'raised_at', 'type', 'details', 'response', 'result', 'next_step', 'owner']));
    expect(keys('survey_responses')).toEqual(
      expect.arrayContaining([
        'customer_id',
        'answered_at',
        'service_quality',
        'solution_effect',
        'response_speed',
        'teamwork',
        'overall',
        'suggestions',
        'nps',
      ]),
    );
    expect(keys('deals')).toEqual(expect.arrayContaining(['customer_id', 'amount', 'won_on', 'product', 'kind']));
  });

  it('points every list column at a declared list, and only list columns', () => {
    const listKeys = new Set(LISTS.map((l) => l.key));
    for (const tab of TABS)
      for (const col of tab.columns) {
        if (col.type === 'list') {
          expect(col.list, `${tab.key}.${col.key}`).toBeTruthy();
          expect(col.list === TEAM_LIST || listKeys.has(col.list!), `${tab.key}.${col.key} → ${col.list}`).toBe(true);
          expect(validationRangeName(col)).toMatch(/^SD_/);
        } else expect(col.list, `${tab.key}.${col.key}`).toBeUndefined();
      }
  });

  it('declares named ranges that are unique and point at declared columns', () => {
    const nr = namedRanges();
    const names = nr.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of nr) {
      expect(n.name).toMatch(/^SD_[A-Z0-9_]+$/);
      if (n.target.kind === 'column') expect(hasColumn(n.target.tabKey, n.target.columnKey), n.name).toBe(true);
    }
  });

  it('has formula columns only where a formula is declared, each with a formula starting ARRAYFORMULA', () => {
    for (const { column } of schemaFormulas()) expect(column.formula!.startsWith('ARRAYFORMULA(')).toBe(true);
  });

  it('keeps docs/reference.md up to date (regenerate: npx tsx src/local/gen-reference.ts)', () => {
    const file = readFileSync(join(__dirname, '..', '..', 'docs', 'reference.md'), 'utf8');
    expect(file).toBe(generateReference());
  });
});

describe('lists', () => {
  it('has unique keys and both languages for every item', () => {
    const keys = LISTS.map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const l of LISTS) {
      expect(l.items.length).toBeGreaterThan(0);
      const ik = l.items.map((i) => i.key);
      expect(new Set(ik).size, l.key).toBe(ik.length);
      for (const lang of LOCALES) {
        const labels = l.items.map((i) => i.label[lang]);
        expect(new Set(labels).size, `${l.key} ${lang}`).toBe(labels.length);
        for (const s of labels) expect(nonEmpty(s)).toBe(true);
        expect(nonEmpty(l.name[lang])).toBe(true);
      }
      expect(nonEmpty(l.source)).toBe(true);
    }
  });

  it('has the six stages plus Won / Lost / On hold and the three intention levels', () => {
    expect(LISTS.find((l) => l.key === 'stage')!.items).toHaveLength(9);
    expect(listIndex('intention', 'high')).toBe(1);
    expect(listIndex('intention', 'medium')).toBe(2);
    expect(listIndex('intention', 'low')).toBe(3);
    expect(listLabel('intention', 'high', 'zh')).toBe('高');
  });

  it('maps a cell value in either language back to its item key', () => {
    expect(listItemKey('intention', 'High')).toBe('high');
    expect(listItemKey('intention', ' 中 ')).toBe('medium');
    expect(listItemKey('objection_type', '价格')).toBe('price');
    expect(listItemKey('objection_type', 'Bananas')).toBeNull();
    expect(listItemKey('objection_type', '')).toBeNull();
  });
});

describe('asCellText', () => {
  it('prefixes strings Sheets would read as a formula', () => {
    for (const s of ['=1+2', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx', '=IMPORTXML("http://x","//a")']) expect(asCellText(s)).toBe(`'${s}`);
  });
  it('leaves everything else alone', () => {
    for (const s of ['Acme', '', ' =x', '张三', "'quoted"]) expect(asCellText(s)).toBe(s);
    expect(asCellText(5)).toBe(5);
    expect(asCellText(true)).toBe(true);
    const d = new Date();
    expect(asCellText(d)).toBe(d);
    expect(isFormulaLike('=x')).toBe(true);
  });
});
