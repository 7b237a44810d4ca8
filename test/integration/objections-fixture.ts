/**
 * A set-up workbook with a team, customers and (optionally) a generated objection log, for the
 * objection tests. Rows are written the way a user's paste would land, by column key.
 */
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab, type TabDef } from '../../src/core/schema';
import { getList } from '../../src/core/lists';

export const HTML_NAME = '<img src=x onerror=alert(1)>';
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

export function colOf(def: TabDef, key: string): number {
  const i = def.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i + 1;
}

/** Writes records by column key into consecutive rows (one setValues per column). */
export function writeByKey(rt: LocalRuntime, tabKey: string, startRow: number, records: Record<string, unknown>[], locale: 'en' | 'zh' = 'en'): void {
  const def = getTab(tabKey);
  const sh = rt.spreadsheet.getSheetByName(def.name[locale])!;
  // Head-room, as a sheet in use has: a save then never needs to insert rows.
  const need = startRow + records.length + 100;
  if (sh.getMaxRows() < need) sh.insertRowsAfter(sh.getMaxRows(), need - sh.getMaxRows());
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  for (const k of keys) sh.getRange(startRow, colOf(def, k), records.length, 1).setValues(records.map((r) => [r[k] ?? '']));
}

export const TEAM = [
  { name: 'Ana Wu', email: 'ana@example.com' },
  { name: '李雷', email: 'li@example.com' },
  { name: 'Sam Boss', email: 'boss@example.com' },
];

export interface Fixture {
  rt: LocalRuntime;
  locale: 'en' | 'zh';
}

export function workbook(opts: { locale?: 'en' | 'zh'; user?: string; customers?: number; mailQuota?: number } = {}): Fixture {
  const locale = opts.locale ?? 'en';
  const rt = createLocalRuntime({
    locale: locale === 'zh' ? 'zh_CN' : 'en_US',
    user: opts.user ?? 'ana@example.com',
    // The tests build their inputs from the real time, so the simulated clock (which the add-in's
    // new Date(), TODAY() and NOW() follow) starts at the real now.
    now: new Date(),
    timeZone: 'Asia/Shanghai',
    mailQuota: opts.mailQuota,
  });
  rt.run('setupWorkbook');
  writeByKey(
    rt,
    'settings',
    2,
    TEAM.map((m) => ({ team_name: m.name, team_email: m.email })),
    locale,
  );
  const n = opts.customers ?? 5;
  const names = ['Acme Trading', HTML_NAME, FORMULA_NAME, '华为技术', 'Blue Sky Ltd'];
  const customers = Array.from({ length: n }, (_, i) => ({
    customer_id: `C-${String(i + 1).padStart(6, '0')}`,
    name: i < names.length ? names[i] : `Customer ${i + 1}`,
    contact_name: `Contact ${i + 1}`,
    owner: TEAM[i % 2].name,
  }));
  writeByKey(
    rt,
    'customers',
    2,
    customers.map((c) => ({ ...c, name: c.name.startsWith('=') ? `'${c.name}` : c.name })),
    locale,
  );
  return { rt, locale };
}

/** A deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const RESPONSES = [
  'Itemised the quote against the savings',
  'itemised the quote against the savings.',
  'Offered phased payment',
  'Demo of the reporting module',
  'Reference call with Acme',
  'Added a training day',
  'Sent the decision-process guide',
  '',
];

/** A generated log of `n` objections over `customers` customers, in the workbook language. */
export function generatedLog(n: number, customers: number, seed = 7, locale: 'en' | 'zh' = 'en', base = Date.now()): Record<string, unknown>[] {
  const r = rng(seed);
  const types = getList('objection_type').items;
  const results = getList('objection_result').items;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    // Whole hours minus 30 minutes before `base`: no answer-due time falls near "now".
    const raised = new Date(base - Math.floor(r() * 90 * 24) * 3600_000 - 1800_000);
    const res = r() < 0.15 ? '' : pick(results);
    const answered = r() < 0.7 ? new Date(raised.getTime() + Math.floor(r() * 48) * 3600_000 + 17 * 60_000) : '';
    const resolved = res && res.key === 'resolved' ? new Date(raised.getTime() + Math.floor(1 + r() * 20 * 24) * 3600_000) : '';
    // Labels sometimes in the other language, as a team that switched language would have.
    const lang = r() < 0.1 ? (locale === 'en' ? 'zh' : 'en') : locale;
    return {
      objection_id: `O-${String(i + 1).padStart(6, '0')}`,
      customer_id: `C-${String(1 + Math.floor(r() * customers)).padStart(6, '0')}`,
      raised_at: raised,
      type: pick(types).label[lang],
      details: `words ${i}`,
      response: pick(RESPONSES),
      answered_at: answered,
      result: res ? res.label[lang] : '',
      resolved_at: resolved,
      owner: pick(TEAM).name,
      lost_deal: r() < 0.1,
    };
  });
}
