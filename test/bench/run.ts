/**
 * Benchmarks (`npm run bench`): how long and how many Apps Script calls the add-in's
 * operations take on the local runtime at team scale. Speed is measured here, never asserted
 * in tests. Each bench prints wall time, heap growth and SpreadsheetApp calls.
 */
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { BENCHES } from './benches';

export interface BenchResult {
  name: string;
  ms: number;
  heapMb: number;
  calls: number;
  note?: string;
}

export interface Bench {
  name: string;
  /** Prepares a runtime (not measured). */
  setup(): LocalRuntime;
  /** The measured work; may return a note for the table. */
  run(rt: LocalRuntime): string | void;
}

function measure(b: Bench): BenchResult {
  const rt = b.setup();
  global.gc?.();
  rt.counter.reset();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const note = b.run(rt) ?? undefined;
  const ms = performance.now() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  return { name: b.name, ms, heapMb, calls: rt.counter.total('SpreadsheetApp'), note };
}

const filter = process.argv[2];
const rows: BenchResult[] = [];
for (const b of BENCHES) {
  if (filter && !b.name.includes(filter)) continue;
  const r = measure(b);
  rows.push(r);
  console.log(`${r.name.padEnd(58)} ${r.ms.toFixed(0).padStart(8)} ms ${r.heapMb.toFixed(1).padStart(8)} MB ${String(r.calls).padStart(6)} calls ${r.note ?? ''}`);
}
void createLocalRuntime;
