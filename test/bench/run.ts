/**
 * `npm run bench`: what the add-in's everyday actions cost on the local runtime, at a small and a
 * large size — SpreadsheetApp calls warm (right after the same action) and cold (the next morning:
 * the clock moves past the document cache's 6 hours), cells read and written, and local wall time
 * (warm: the median of five runs; speed is measured here, never asserted in tests).
 * Prints one table and writes it to bench/results.json, so a later change can be compared with
 * this one. `npm run bench -- Today` runs the actions whose name contains "Today".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalRuntime } from '../../src/local';
import { ACTIONS, workbook, type Action, type Size } from './benches';
import { getTab } from '../../src/core/schema';

interface Measure {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  ms: number;
}

interface SizeResult {
  label: string;
  warm: Measure;
  cold: Measure;
}

export interface BenchRow {
  action: string;
  /** Issue 11's budget in SpreadsheetApp calls, where it sets one. */
  budget: { warm: number; cold: number } | null;
  small: SizeResult;
  large: SizeResult;
  /** Local time at the large size ÷ at the small size (warm). */
  ratio: number;
}

const BUDGETS: Record<string, { warm: number; cold: number }> = {
  'add a customer': { warm: 12, cold: 20 },
  'edit a customer': { warm: 12, cold: 20 },
  'log a follow-up': { warm: 12, cold: 20 },
  'save an objection': { warm: 15, cold: 25 },
  'save a deal': { warm: 15, cold: 25 },
  'open Today (rep)': { warm: 10, cold: 20 },
  'open Today (manager)': { warm: 10, cold: 20 },
  'hourly dispatch, nothing due': { warm: 15, cold: 15 },
  'set-up, blank workbook': { warm: 700, cold: 700 },
  'set-up, repair with nothing to repair': { warm: 80, cold: 80 },
};

function measure(rt: LocalRuntime, work: () => unknown): Measure {
  global.gc?.();
  rt.counter.reset();
  const t0 = performance.now();
  work();
  const ms = performance.now() - t0;
  return { calls: rt.counter.total('SpreadsheetApp'), cellsRead: rt.counter.cells.read, cellsWritten: rt.counter.cells.written, ms };
}

/** Warm runs measured per size: the table shows the median time (one run on a shared machine is noise). */
const WARM_RUNS = 5;

function runSize(a: Action, size: Size): SizeResult {
  const rt = size.setup();
  let i = 0;
  if (a.repeat === false) {
    const once = measure(rt, () => a.run(rt, ++i));
    return { label: size.label, warm: once, cold: once };
  }
  a.run(rt, ++i); // the first call after set-up warms the runtime up
  const runs: Measure[] = [];
  for (let k = 0; k < WARM_RUNS; k++) {
    rt.clock.advance(60_000);
    runs.push(measure(rt, () => a.run(rt, ++i)));
  }
  const times = runs.map((r) => r.ms).sort((x, y) => x - y);
  const warm = { ...runs[runs.length - 1], ms: times[Math.floor(times.length / 2)] };
  rt.clock.advance(6 * 3600_000 + 60_000);
  const cold = measure(rt, () => a.run(rt, ++i));
  return { label: size.label, warm, cold };
}

const num = (n: number) => n.toLocaleString('en-US');
const calls = (s: SizeResult) => `${s.warm.calls} / ${s.cold.calls}`;

function table(rows: BenchRow[]): string {
  const head = [
    'action',
    'calls warm / cold (small; large)',
    'budget',
    'cells read / written (large, warm)',
    'local ms small',
    'local ms large',
    'large ÷ small',
  ];
  const body = rows.map((r) => [
    r.action,
    calls(r.small) === calls(r.large) ? calls(r.large) : `${calls(r.small)}; ${calls(r.large)}`,
    r.budget ? `${r.budget.warm} / ${r.budget.cold}` : '',
    `${num(r.large.warm.cellsRead)} / ${num(r.large.warm.cellsWritten)}`,
    `${r.small.warm.ms.toFixed(0)} (${r.small.label})`,
    `${r.large.warm.ms.toFixed(0)} (${r.large.label})`,
    r.ratio.toFixed(1),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => `| ${cells.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const filter = process.argv[2];
const rows: BenchRow[] = [];
for (const a of ACTIONS) {
  if (filter && !a.name.includes(filter)) continue;
  const small = runSize(a, a.small);
  const large = runSize(a, a.large);
  rows.push({ action: a.name, budget: BUDGETS[a.name] ?? null, small, large, ratio: large.warm.ms / Math.max(1, small.warm.ms) });
  console.error(`measured: ${a.name}`);
}
/**
 * Issue 16's cost rule: a full recalculation of the bench workbook (20,000 customers, 100,000
 * follow-ups, 10,000 objections, 20,000 deals) with the summary tabs, then — same runtime, the
 * same data — after the Dashboard, Team and Trends tabs are deleted; at most 1.5× (median of three).
 */
interface RecalcResult {
  withSummariesMs: number;
  withoutSummariesMs: number;
  ratio: number;
}
function recalculation(): RecalcResult {
  const rt = workbook({ customers: 20_000, followups: 100_000, objections: 10_000, deals: 20_000 });
  rt.run('rebuildSummaries');
  const hf = (rt.workbook as unknown as { hf: { rebuildAndRecalculate(): void } }).hf;
  const median = () => {
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      global.gc?.();
      const t0 = performance.now();
      hf.rebuildAndRecalculate();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[1];
  };
  const withSummariesMs = median();
  for (const key of ['dashboard', 'team', 'trends']) {
    const sh = rt.spreadsheet.getSheetByName(getTab(key).name.en);
    if (sh) rt.spreadsheet.deleteSheet(sh);
  }
  const withoutSummariesMs = median();
  return { withSummariesMs, withoutSummariesMs, ratio: withSummariesMs / withoutSummariesMs };
}
let recalc: RecalcResult | null = null;
if (!filter || 'full recalculation'.includes(filter)) {
  recalc = recalculation();
  console.error('measured: full recalculation with and without the summary tabs');
}
console.log(table(rows));
if (recalc)
  console.log(
    `\nfull recalculation (20,000 customers, 100,000 follow-ups, 10,000 objections, 20,000 deals): ${recalc.withSummariesMs.toFixed(0)} ms with the summary tabs, ${recalc.withoutSummariesMs.toFixed(0)} ms without: ${recalc.ratio.toFixed(2)}× (issue 16: at most 1.5×)`,
  );
if (!filter) {
  const dir = join(__dirname, '../../bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'results.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows, recalculation: recalc }, null, 2)}\n`,
  );
  console.log('\nwritten to bench/results.json');
}
