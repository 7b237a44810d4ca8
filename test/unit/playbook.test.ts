import { describe, expect, it } from 'vitest';
import { getList } from '../../src/core/lists';
import {
  PLAYBOOK_LINES,
  playbookFor,
  playbookLinesFor,
  objectionTypeKey,
  builtInRow,
  linesToSeed,
  encodeSeeded,
  decodeSeeded,
  type PlaybookRow,
} from '../../src/core/playbook';
import { getTab } from '../../src/core/schema';

const TYPES = getList('objection_type').items;
const CJK = /[\u4e00-\u9fff]/;

describe('built-in playbook content', () => {
  it.each(TYPES.map((t) => [t.key] as const))('type %s has techniques in English and Chinese', (type) => {
    const lines = playbookFor(type);
    expect(lines.length, `${type} has no playbook line`).toBeGreaterThanOrEqual(2);
    for (const l of lines) {
      for (const field of [l.technique, l.detail]) {
        expect(field.en.trim().length, `${l.key} en`).toBeGreaterThan(5);
        expect(field.zh.trim().length, `${l.key} zh`).toBeGreaterThan(3);
        expect(CJK.test(field.zh), `${l.key} zh is Chinese`).toBe(true);
        expect(CJK.test(field.en), `${l.key} en has no Chinese`).toBe(false);
        expect(field.en).not.toBe(field.zh);
      }
      expect(l.source, `${l.key} cites a seed`).toMatch(/seed 00[0-4]/);
    }
  });

  it('every line belongs to a listed type and keys are unique and stable in shape', () => {
    const types = new Set(TYPES.map((t) => t.key));
    const keys = new Set<string>();
    for (const l of PLAYBOOK_LINES) {
      expect(types.has(l.type), l.key).toBe(true);
      expect(l.key).toMatch(new RegExp(`^${l.type}\\.[a-z_]+$`));
      expect(keys.has(l.key), `duplicate ${l.key}`).toBe(false);
      keys.add(l.key);
    }
  });

  it('covers the seed 002 techniques for its four types', () => {
    const text = (type: string) =>
      playbookFor(type)
        .map((l) => `${l.technique.en} ${l.detail.en}`)
        .join(' ')
        .toLowerCase();
    expect(text('price')).toMatch(/quote/);
    expect(text('price')).toMatch(/phase/);
    expect(text('product')).toMatch(/demo/);
    expect(text('product')).toMatch(/white paper/);
    expect(text('trust')).toMatch(/testimonial/);
    expect(text('decision')).toMatch(/decision-process guide/);
    expect(text('decision')).toMatch(/finance/);
  });

  it('the Playbook tab is a real table with one column per field', () => {
    const tab = getTab('playbook');
    expect(tab.kind).toBe('table');
    expect(tab.columns.map((c) => c.key)).toEqual(['entry_key', 'type', 'technique', 'detail', 'source', 'added_by']);
    for (const l of PLAYBOOK_LINES.slice(0, 3)) {
      const row = builtInRow(l, 'zh', '价格');
      expect(Object.keys(row).sort()).toEqual(tab.columns.map((c) => c.key).sort());
    }
  });
});

describe('playbook lines from the tab', () => {
  const rowsIn = (locale: 'en' | 'zh'): PlaybookRow[] => PLAYBOOK_LINES.map((l) => builtInRow(l, locale, TYPES.find((t) => t.key === l.type)!.label[locale]));

  it('shows unchanged built-in lines in the reader’s language, whatever the tab language', () => {
    const shown = playbookLinesFor(rowsIn('zh'), 'price', 'en');
    expect(shown.map((s) => s.technique)).toEqual(playbookFor('price').map((l) => l.technique.en));
    expect(shown.every((s) => s.builtIn && !s.team)).toBe(true);
    const zh = playbookLinesFor(rowsIn('en'), 'price', 'zh');
    expect(zh[0].technique).toBe(playbookFor('price')[0].technique.zh);
    expect(zh[0].source).toMatch(/^资料/);
  });

  it('shows a manager’s edit and added line exactly as written', () => {
    const rows = rowsIn('en');
    const i = rows.findIndex((r) => r.entry_key === 'price.phased');
    rows[i] = { ...rows[i], detail: 'Offer 3 instalments; finance approved this in May.' };
    rows.push({ entry_key: '', type: '价格', technique: 'Show the ROI calculator', detail: 'Sheet in the shared drive', source: 'our team', added_by: 'Li' });
    const shown = playbookLinesFor(rows, 'price', 'zh');
    const edited = shown.find((s) => s.detail.startsWith('Offer 3'))!;
    expect(edited.team).toBe(true);
    expect(edited.technique).toBe('Spread payment over phases');
    expect(shown[shown.length - 1]).toMatchObject({ technique: 'Show the ROI calculator', addedBy: 'Li', team: true });
    expect(shown).toHaveLength(playbookFor('price').length + 1);
  });

  it('matches types in either language and keeps team-added types apart', () => {
    expect(objectionTypeKey('Price')).toBe('price');
    expect(objectionTypeKey(' 价格 ')).toBe('price');
    expect(objectionTypeKey('Payment terms')).toBe('custom:payment terms');
    expect(objectionTypeKey('')).toBe('');
    const rows: PlaybookRow[] = [{ type: 'Payment terms', technique: 'Offer net 60', detail: '' }];
    expect(playbookLinesFor(rows, objectionTypeKey('payment TERMS'), 'en')).toHaveLength(1);
  });
});

describe('what set-up seeds', () => {
  it('writes every line once, never a line already in the tab or deleted after seeding', () => {
    expect(linesToSeed([], [])).toHaveLength(PLAYBOOK_LINES.length);
    const all = PLAYBOOK_LINES.map((l) => l.key);
    expect(linesToSeed(all, [])).toEqual([]);
    // A manager deleted price.phased after set-up wrote it: it stays deleted.
    expect(
      linesToSeed(
        all.filter((k) => k !== 'price.phased'),
        all,
      ),
    ).toEqual([]);
    // A newer version brings a line the marker does not know: only that one is written.
    expect(linesToSeed(all.slice(1), all.slice(1)).map((l) => l.key)).toEqual([all[0]]);
    expect(decodeSeeded(encodeSeeded(['b', 'a', 'a', '']))).toEqual(['a', 'b']);
  });
});
