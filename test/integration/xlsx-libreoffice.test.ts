/**
 * The exported .xlsx recalculates in a second engine. The demo workbook (English and Chinese) is
 * exported, LibreOffice opens it recalculating every formula, and every cell of every tab —
 * each computed cell above all — must show what the runtime computed: the same numbers (dates
 * as serials), booleans as TRUE/FALSE, the same texts, and the same highlight colours.
 *
 * TODAY() is pinned to the spreadsheet's time zone: the runtime's clock runs at the real current
 * instant, and soffice runs with TZ set to the spreadsheet's zone, so both read the same wall
 * clock there. A run that straddles a moment the data depends on (midnight in that zone, or a
 * deadline compared with NOW()) is tried once more with a fresh clock.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { fillDemo } from '../../src/local/playground/demo';
import { buildXlsx, writeXlsx } from '../../src/local/playground/xlsx';
import { dateToSerial } from '../../src/local/runtime/spreadsheet/dates';
import { recalculateInLibreOffice, SOFFICE, type LoCell, type LoWorkbook } from './libreoffice';

const TIMEOUT = 240_000;

function demo(locale: string): LocalRuntime {
  const rt = createLocalRuntime({ user: 'owner@example.com', locale, now: new Date() });
  rt.openDocument();
  fillDemo(rt);
  return rt;
}

/** A background as LibreOffice writes it: none for white. */
const background = (c: string | null | undefined) => (c && c.toLowerCase() !== '#ffffff' ? c.toUpperCase() : null);

interface Compared {
  cells: number;
  computed: number;
  highlighted: number;
  mismatches: string[];
}

/** Compares every cell of every tab the runtime has with what LibreOffice shows. */
function compare(rt: LocalRuntime, lo: LoWorkbook): Compared {
  const ss = rt.spreadsheet;
  const tz = ss.getSpreadsheetTimeZone();
  const out: Compared = { cells: 0, computed: 0, highlighted: 0, mismatches: [] };
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const lastCol = sheet.getLastColumn();
    if (!lastCol || !sheet.getLastRow()) continue;
    const rows = sheet.getMaxRows();
    const range = sheet.getRange(1, 1, rows, lastCol);
    const values = range.getValues();
    const formulas = range.getFormulas();
    const backgrounds = range.getBackgrounds();
    const fontColors = range.getFontColors() as string[][];
    const loRows = lo.get(name);
    if (!loRows) {
      out.mismatches.push(`${name}: not in LibreOffice's workbook`);
      continue;
    }
    const hasRules = sheet.getConditionalFormatRules().length > 0;
    // Cells an ARRAYFORMULA fills have no formula of their own: a column is computed below its formula.
    const computedFrom = new Map<number, number>();
    for (let r = 0; r < rows; r++) for (let c = 0; c < lastCol; c++) if (formulas[r]![c] && !computedFrom.has(c)) computedFrom.set(c, r);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < lastCol; c++) {
        const at = `${name}!${sheet.getRange(r + 1, c + 1).getA1Notation()}`;
        const cell: LoCell | undefined = loRows[r]?.[c];
        const v = values[r]![c];
        out.cells++;
        if ((computedFrom.get(c) ?? Infinity) <= r) out.computed++;
        const problem = valueProblem(v, cell, tz);
        if (problem) out.mismatches.push(`${at}: runtime ${JSON.stringify(v)}, LibreOffice ${problem}`);
        if (!hasRules) continue;
        const cf = rt.workbook.conditionalFormatAt(name, r + 1, c + 1);
        if (cf) out.highlighted++;
        const bg = background(cf?.background ?? backgrounds[r]![c]);
        const fg = (cf?.fontColor ?? fontColors[r]![c] ?? '#000000').toUpperCase();
        const loBg = cell?.background ?? null;
        if (bg !== loBg) out.mismatches.push(`${at}: background ${bg} in the runtime, ${loBg} in LibreOffice`);
        // LibreOffice writes black text explicitly; an empty cell has no font.
        if (cell?.text && fg !== (cell.fontColor ?? '#000000'))
          out.mismatches.push(`${at}: text colour ${fg} in the runtime, ${cell.fontColor} in LibreOffice`);
      }
    }
  }
  return out;
}

function valueProblem(v: unknown, cell: LoCell | undefined, tz: string): string | null {
  const text = cell?.text ?? '';
  const num = cell?.number ?? null;
  if (v === '' || v === null) return text === '' && num === null ? null : `shows ${JSON.stringify(text)}`;
  if (typeof v === 'boolean') return cell?.boolean && num === (v ? 1 : 0) ? null : `shows ${JSON.stringify(text)} (${num}, boolean ${cell?.boolean})`;
  if (typeof v === 'number' || v instanceof Date) {
    const want = v instanceof Date ? dateToSerial(v, tz) : v;
    if (num === null) return `shows ${JSON.stringify(text)}`;
    return Math.abs(num - want) <= 1e-9 * Math.max(1, Math.abs(want)) + 1e-6 ? null : `computes ${num} (want ${want})`;
  }
  return String(v).trim() === text ? null : `shows ${JSON.stringify(text)}`;
}

/** The first mismatches, and how many there are of each kind. */
function summarize(mismatches: string[]): string[] {
  if (!mismatches.length) return [];
  const kinds = new Map<string, number>();
  for (const m of mismatches) {
    const k = m.replace(/^[^:]*:/, '').replace(/"[^"]*"|#[0-9A-F]{6}\b|-?\d[\d.e+-]*/g, '…');
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  return [`${mismatches.length} cells differ`, ...mismatches.slice(0, 15), ...[...kinds].map(([k, n]) => `${n}× ${k}`)];
}

async function recalculatedAgrees(locale: string): Promise<{ compared: Compared; rt: LocalRuntime }> {
  let last: { compared: Compared; rt: LocalRuntime } | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const rt = demo(locale);
    const exported = buildXlsx(rt);
    expect(exported.untranslated).toEqual([]);
    expect(exported.skippedHighlights).toEqual([]);
    // LibreOffice's HTML export leaves hidden sheets out (set-up's name-check tab is hidden):
    // shown here, so that every tab's cells are compared.
    for (const ws of exported.workbook.worksheets) ws.state = 'visible';
    const lo = await recalculateInLibreOffice(await writeXlsx(exported.workbook), rt.spreadsheet.getSpreadsheetTimeZone());
    last = { compared: compare(rt, lo), rt };
    if (!last.compared.mismatches.length) break;
  }
  return last!;
}

describe('the exported .xlsx, recalculated in LibreOffice', () => {
  it('is LibreOffice 7.4 or newer (what Debian 12 ships)', () => {
    expect(existsSync(SOFFICE), `${SOFFICE}: install libreoffice-calc-nogui (.ci/run does)`).toBe(true);
    const version = /LibreOffice (\d+)\.(\d+)/.exec(execFileSync(SOFFICE, ['--version'], { encoding: 'utf8' }));
    expect(version, 'soffice --version').not.toBeNull();
    expect(Number(version![1]) * 100 + Number(version![2])).toBeGreaterThanOrEqual(704);
  });

  it('recalculates when opened with the test profile (a formula with a wrong cached result)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = { formula: '1+1', result: 3 };
    // (LibreOffice names the tables in its HTML only when there is more than one sheet.)
    wb.addWorksheet('T').getCell('A1').value = 1;
    const lo = await recalculateInLibreOffice(await writeXlsx(wb), 'Asia/Shanghai');
    expect(lo.get('S')![0]![0]!.number).toBe(2);
  });

  it.each([
    ['English', 'en'],
    ['Chinese', 'zh_CN'],
  ])(
    'shows every cell of the %s demo workbook as the runtime computes it',
    async (_lang, locale) => {
      const { compared, rt } = await recalculatedAgrees(locale);
      expect(summarize(compared.mismatches)).toEqual([]);
      // Not vacuous: the demo's computed columns and highlights were all compared.
      const customers = rt.spreadsheet.getSheets()[1]!;
      expect(customers.getLastRow()).toBeGreaterThan(300);
      expect(compared.computed).toBeGreaterThan(7 * 999);
      expect(compared.highlighted).toBeGreaterThan(100);
    },
    TIMEOUT,
  );
});
