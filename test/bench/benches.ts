import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import type { Bench } from './run';

const NOW = new Date('2026-03-02T02:00:00Z');

function runtime(): LocalRuntime {
  return createLocalRuntime({ user: 'owner@example.com', locale: 'en', now: NOW });
}

/** Fills `n` rows of plain data on a sheet in one block, as a user's paste would. */
function fill(rt: LocalRuntime, sheetName: string, n: number, cols: number): void {
  const ss = rt.spreadsheet;
  const sheet = ss.getSheetByName(sheetName) ?? ss.insertSheet(sheetName);
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  const data = Array.from({ length: n }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 0 ? `Row ${r}` : r * cols + c)));
  sheet.getRange(2, 1, n, cols).setValues(data);
}

export const BENCHES: Bench[] = [
  {
    name: 'runtime: write 20,000 × 25 cells in one setValues',
    setup: runtime,
    run: (rt) => fill(rt, 'Bench', 20_000, 25),
  },
  {
    name: 'runtime: read 20,000 × 25 cells in one getValues',
    setup: () => {
      const rt = runtime();
      fill(rt, 'Bench', 20_000, 25);
      return rt;
    },
    run: (rt) => {
      const v = rt.spreadsheet.getSheetByName('Bench')!.getDataRange().getValues();
      return `${v.length} rows`;
    },
  },
  {
    name: 'runtime: save and reload a 20,000-row workbook',
    setup: () => {
      const rt = runtime();
      fill(rt, 'Bench', 20_000, 25);
      return rt;
    },
    run: (rt) => {
      const json = JSON.stringify(rt.save());
      createLocalRuntime({ saved: JSON.parse(json) });
      return `${(json.length / 1048576).toFixed(1)} MB JSON`;
    },
  },
  {
    name: 'set-up: blank spreadsheet',
    setup: runtime,
    run: (rt) => void rt.run('setupWorkbook'),
  },
  {
    name: 'set-up: repair with 20,000 customers',
    setup: () => {
      const rt = runtime();
      rt.run('setupWorkbook');
      const customers = rt.workbook.sheetNames().find((n) => n === 'Customers')!;
      fill(rt, customers, 20_000, 3);
      return rt;
    },
    run: (rt) => void rt.run('setupWorkbook'),
  },
];
