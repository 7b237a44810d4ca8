/**
 * The playground as a new user meets it, in real Chromium: a blank workbook, "Set up workbook"
 * from the add-in's menu, the About sidebar over the google.script.run bridge, a cell edit that
 * makes the add-in's own formula recompute; then a restart keeps the workbook and the .xlsx
 * export reopens with the same values and formulas. Also writes docs/playground.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/local/browser-harness';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { readSave } from '../../src/local/playground/persist';
import { translateFormula } from '../../src/local/playground/xlsx-formulas';
import { formulaContexts } from '../../src/local/playground/xlsx';
import { cell, columnOf, openPlayground, ROOT, runMenuItem, sidebarFrame, startPlayground, tempDir, typeInto, type RunningServer } from './playground-helpers';

let browser: Browser;
let dir: string;
let server: RunningServer | null = null;

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir();
});

afterAll(async () => {
  await server?.stop();
  await browser?.close();
});

async function openPage(url: string): Promise<Page> {
  return openPlayground(browser, url);
}

/** What the export's translator makes of a Sheets formula for the cell it sits in. */
function translated(rt: LocalRuntime, sheet: string, formula: string): string {
  const t = translateFormula(formula, formulaContexts(rt.spreadsheet)(sheet));
  if (!t.ok) throw new Error(t.reason);
  return t.at(0, 0).formula;
}

describe('playground', () => {
  it('takes a new user from a blank sheet through set-up, a sidebar and a formula', async () => {
    server = await startPlayground(dir, ['--reset', '--no-demo']);
    const page = await openPage(server.url);

    // A blank spreadsheet with the add-in's menu (built by onOpen).
    expect(await page.$$eval('[data-testid="tabs"] .tab', (t) => t.map((x) => x.textContent))).toEqual(['Sheet1']);
    const alerts = await runMenuItem(page, 'Sales Desk', 'setupWorkbook');
    await page.screenshot({ path: join(dir, 'after-setup.png') });
    expect(alerts.length).toBeLessThanOrEqual(1);
    await page.waitForSelector('.tab[data-sheet="Customers"]');
    const tabs = await page.$$eval('[data-testid="tabs"] .tab', (t) => t.map((x) => x.textContent));
    expect(tabs).toEqual(expect.arrayContaining(['Customers', 'Follow-ups', 'Objections', 'Settings', 'Lists']));

    // The About sidebar: the page from dist/, its google.script.run call answered by the server.
    await runMenuItem(page, 'Sales Desk', 'showAbout');
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('#info:not([hidden])');
    expect(await frame.textContent('#version')).toMatch(/\d+\.\d+\.\d+/);
    expect(await frame.textContent('#user')).toBe('owner@example.com');
    // A server function that throws: its message reaches the page's failure handler.
    const message = await frame.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          (run.withFailureHandler((e: unknown) => resolve((e as Error).message)) as unknown as Record<string, (a: string) => void>).setMyLanguage('klingon');
        }),
    );
    expect(message).toMatch(/language/i);
    await frame.click('#close');
    await page.waitForSelector('[data-testid="sidebar"]', { state: 'hidden' });

    // Typing into the grid: the Customers tab's intention formula recomputes.
    await page.click('.tab[data-sheet="Customers"]');
    await page.waitForSelector('.g-frozen .g-row[data-row="1"]');
    const idCol = await columnOf(page, 'Customer ID');
    const nameCol = await columnOf(page, 'Customer name');
    const needCol = await columnOf(page, 'Need confirmed');
    const budgetCol = await columnOf(page, 'Budget confirmed');
    const intentionCol = await columnOf(page, 'Intention level');
    await typeInto(page, 2, idCol, 'C-000001');
    // The ID column belongs to the add-in (a warning-only protection): Sheets asks first.
    await page.waitForSelector('[data-testid="alert"] [data-button="OK"]');
    await page.click('[data-testid="alert"] [data-button="OK"]');
    await expect.poll(() => page.textContent(cell(2, idCol)), { timeout: 15_000 }).toBe('C-000001');
    await typeInto(page, 2, nameCol, 'Acme <img src=x onerror=alert(1)>');
    await expect.poll(() => page.textContent(cell(2, intentionCol)), { timeout: 15_000 }).toBe('Low');
    await typeInto(page, 2, needCol, 'TRUE');
    await typeInto(page, 2, budgetCol, 'TRUE');
    await expect.poll(() => page.textContent(cell(2, intentionCol)), { timeout: 15_000 }).toBe('High');
    // A name that looks like markup is shown as text.
    expect(await page.textContent(cell(2, nameCol))).toBe('Acme <img src=x onerror=alert(1)>');
    expect(await page.$('.g-cell img')).toBeNull();
    // The formula bar shows the formula behind the computed cell.
    await page.click(cell(2, intentionCol));
    expect(await page.textContent('[data-testid="formula-bar"]')).toMatch(/^=ARRAYFORMULA\(/);

    // A validated cell offers its dropdown when edited.
    const stageCol = await columnOf(page, 'Stage');
    await page.click(cell(2, stageCol));
    await page.keyboard.press('Enter');
    const options = await page.$$eval('[data-testid="cell-dropdown"] option', (o) => o.map((x) => x.textContent));
    expect(options).toContain('2 Needs analysis');
    await page.selectOption('[data-testid="cell-dropdown"]', '2 Needs analysis');
    await expect.poll(() => page.textContent(cell(2, stageCol)), { timeout: 15_000 }).toBe('2 Needs analysis');
    await page.close();
  });

  it('keeps the workbook across a restart', async () => {
    await server!.stop();
    server = await startPlayground(dir);
    const page = await openPage(server.url);
    await page.click('.tab[data-sheet="Customers"]');
    await page.waitForSelector('.g-frozen .g-row[data-row="1"]');
    const stageCol = await columnOf(page, 'Stage');
    const intentionCol = await columnOf(page, 'Intention level');
    expect(await page.textContent(cell(2, stageCol))).toBe('2 Needs analysis');
    expect(await page.textContent(cell(2, intentionCol))).toBe('High');
    await page.close();
  });

  it('exports an .xlsx that reopens with the same values and formulas', async () => {
    const res = await fetch(`${server!.url}/api/export.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);

    const saved = readSave(join(dir, '.playground/workbook.json'))!;
    const rt = createLocalRuntime({ saved: saved.runtime });
    const sheet = rt.spreadsheet.getSheetByName('Customers')!;
    const range = sheet.getRange(1, 1, 2, sheet.getLastColumn());
    const values = range.getDisplayValues();
    const formulas = range.getFormulas();
    const ws = wb.getWorksheet('Customers')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (let c = 0; c < values[0]!.length; c++) {
      const x = ws.getRow(2).getCell(c + 1);
      // Formulas are written as Excel and LibreOffice read them: an ARRAYFORMULA becomes this row's formula.
      if (formulas[1]![c]) {
        const exported = (x.value as ExcelJS.CellFormulaValue).formula;
        expect(exported).toBe(translated(rt, 'Customers', formulas[1]![c]!));
        expect(exported).not.toMatch(/ARRAYFORMULA|[A-Z]2:[A-Z]+(?![\d$])/);
      }
      expect(ws.getRow(1).getCell(c + 1).text).toBe(values[0]![c]);
    }
    const intentionCol = values[0]!.indexOf('Intention level') + 1;
    expect((ws.getRow(2).getCell(intentionCol).value as ExcelJS.CellFormulaValue).result).toBe('High');
    // Header styling and dropdowns survive.
    const head = ws.getRow(1).getCell(1);
    expect(head.font?.bold).toBe(true);
    expect((head.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF1A73E8');
    const stageCol = values[0]!.indexOf('Stage') + 1;
    expect(ws.getRow(2).getCell(stageCol).dataValidation?.type).toBe('list');
  });

  it('shows the demo workbook (screenshot for the README)', async () => {
    await server!.stop();
    server = await startPlayground(dir, ['--demo']);
    const page = await openPage(server.url);
    await page.click('.tab[data-sheet="Customers"]');
    await page.waitForSelector('.g-row[data-row="30"]');
    // A few hundred customers, and the grid holds only the rows in view.
    const rows = await page.$$eval('.g-body .g-row', (r) => r.length);
    expect(rows).toBeLessThan(80);
    await page.evaluate(() => {
      document.querySelector('.grid')!.scrollTop = 250 * 21;
    });
    await page.waitForSelector('.g-row[data-row="260"] .g-cell:not(:empty)');
    await page.evaluate(() => {
      document.querySelector('.grid')!.scrollTop = 0;
    });
    await runMenuItem(page, 'Sales Desk', 'showAbout');
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('#info:not([hidden])');
    await page.click(cell(3, 2));
    // The sidebar's run reloaded the grid: wait for its rows before the picture.
    await page.waitForFunction((sel) => !!document.querySelector(sel)?.textContent, cell(20, 2));
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs/playground.png') });
    expect(existsSync(join(ROOT, 'docs/playground.png'))).toBe(true);
    expect(readFileSync(join(ROOT, 'docs/playground.png')).length).toBeGreaterThan(10_000);
    await page.close();
  });
});
