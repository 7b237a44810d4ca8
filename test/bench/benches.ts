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

/** Writes `n` rows into a tab by header text (first data row 2), in one setValues. */
function fillByHeader(rt: LocalRuntime, sheetName: string, n: number, row: (i: number) => Record<string, unknown>): void {
  const sheet = rt.spreadsheet.getSheetByName(sheetName)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const sample = row(0);
  const width = Math.max(...Object.keys(sample).map((h) => headers.indexOf(h) + 1));
  if (sheet.getMaxRows() < n + 10) sheet.insertRowsAfter(sheet.getMaxRows(), n + 10 - sheet.getMaxRows());
  const grid = Array.from({ length: n }, (_, i) => {
    const line: unknown[] = new Array(width).fill('');
    for (const [h, v] of Object.entries(row(i))) line[headers.indexOf(h)] = v;
    return line;
  });
  sheet.getRange(2, 1, n, width).setValues(grid);
}

function withCustomers(n: number): LocalRuntime {
  const rt = runtime();
  rt.run('setupWorkbook');
  fillByHeader(rt, 'Customers', n, (i) => ({ 'Customer ID': `C-${String(i + 1).padStart(6, '0')}`, 'Customer name': `Company ${i}` }));
  rt.run('saveCustomer', { name: 'Warm-up Ltd' }); // learns the layout, as a first save does
  return rt;
}

function logOne(rt: LocalRuntime, customer: string): string {
  const hit = (rt.run('searchFollowupCustomers', customer) as { id: string; row: number }[])[0];
  const input = { customerId: hit.id, customerRow: hit.row, channel: 'Phone', purpose: 'Needs research', summary: 'Bench call', doneAt: '', commitments: [], nextStep: 'Send the quote', stage: '', intention: '', nextDate: '', noNext: false };
  const r = rt.run('logFollowUp', input) as { ok: boolean };
  return r.ok ? '' : `not saved: ${JSON.stringify(r).slice(0, 120)}`;
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
  {
    name: 'customers: add one customer with 100 in the register',
    setup: () => withCustomers(100),
    run: (rt) => void rt.run('saveCustomer', { name: 'Bench Trading Co', email: 'buyer@bench.example', need_confirmed: true }),
  },
  {
    name: 'customers: add one customer with 20,000 in the register',
    setup: () => withCustomers(20_000),
    run: (rt) => void rt.run('saveCustomer', { name: 'Bench Trading Co', email: 'buyer@bench.example', need_confirmed: true }),
  },
  {
    name: 'follow-ups: log one follow-up with 100,000 in the log',
    setup: () => {
      const rt = withCustomers(50);
      fillByHeader(rt, 'Follow-ups', 100_000, (i) => ({ 'Follow-up ID': `F-${String(i + 1).padStart(6, '0')}`, 'Customer ID': `C-${String((i % 50) + 1).padStart(6, '0')}` }));
      logOne(rt, 'Company 7'); // the first save after a paste finds the end of the log once
      return rt;
    },
    run: (rt) => logOne(rt, 'Company 40'),
  },
];
