/**
 * The playground behaves like Sheets where a newcomer meets it, in real Chromium on the demo
 * workbook: dialogs are the size the add-in asks for; the cell or row the user clicked is the
 * active range the script reads (Edit selected customer, Add deal); a refused entry is explained
 * in the user's language; a warning-only protected cell asks before it changes; the clock can be
 * moved and the daily digest lands in the Outbox; and the playground's own words follow the
 * language picked. Screenshots go to the test's temp directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../src/local/browser-harness';
import type { StateView } from '../../src/local/playground/protocol';
import { cell, columnOf, openPlayground, runMenuItem, sidebarFrame, startPlayground, tempDir, typeInto, type RunningServer } from './playground-helpers';

let browser: Browser;
let server: RunningServer;
let dir: string;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir();
  server = await startPlayground(dir, ['--demo']);
  page = await openPlayground(browser, server.url);
});

afterAll(async () => {
  await server?.stop();
  await browser?.close();
});

const state = async () => (await (await fetch(`${server.url}/api/state`)).json()) as StateView;
const shot = (name: string) => page.screenshot({ path: join(dir, `${name}.png`) });

/** Opens a tab and waits until its first rows of data are on screen. */
async function openTab(name: string): Promise<void> {
  await page.click(`.tab[data-sheet="${name}"]`);
  await page.waitForSelector('.g-frozen .g-row[data-row="1"]');
  await page.waitForFunction(() => !!document.querySelector('.g-body .g-row[data-row="20"] .g-cell[data-col="1"]')?.textContent);
}

async function closeSidebar(): Promise<void> {
  await page.click('[data-testid="sidebar"] .side-head .x');
  await page.waitForSelector('[data-testid="sidebar"]', { state: 'hidden' });
}

async function switchLanguage(locale: 'en' | 'zh_CN'): Promise<void> {
  await page.selectOption('[data-testid="language-switcher"]', locale);
  await page.waitForFunction((zh) => document.documentElement.lang === (zh ? 'zh-CN' : 'en'), locale === 'zh_CN');
}

/** The alert on screen: its title and text. */
async function alertText(): Promise<{ title: string; text: string }> {
  const alert = await page.waitForSelector('[data-testid="alert"]');
  return { title: (await alert.$eval('h2', (h) => h.textContent ?? '')) ?? '', text: (await alert.$eval('p', (p) => p.textContent ?? '')) ?? '' };
}

async function answerAlert(button: 'OK' | 'CANCEL'): Promise<void> {
  await page.click(`[data-testid="alert"] [data-button="${button}"]`);
  await page.waitForSelector('[data-testid="alert"]', { state: 'detached' });
}

describe('the playground as a stand-in for Sheets', () => {
  it('shows a dialog at the size the add-in asked for', async () => {
    await runMenuItem(page, 'Sales Desk', 'showImport');
    const frame = await page.waitForSelector('[data-testid="dialog"] iframe');
    const asked = (await state()).surface!;
    expect(asked.kind).toBe('modal');
    expect([asked.width, asked.height]).not.toContain(null);
    const box = (await frame.boundingBox())!;
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([asked.width, asked.height]);
    // The preview area is inside the dialog, not cut off at an iframe's default 150 px.
    const inner = (await frame.contentFrame())!;
    await inner.waitForSelector('#preview');
    const preview = (await (await inner.$('#preview'))!.boundingBox())!;
    expect(preview.y + preview.height).toBeLessThanOrEqual(box.y + box.height);
    await shot('import-dialog');
    await page.click('[data-testid="dialog"] .dialog-head .x');
    await page.waitForSelector('[data-testid="dialog"]', { state: 'detached' });
  });

  it('gives the script the row the user clicked: Edit selected customer and Add deal', async () => {
    await openTab('Customers');
    const nameCol = await columnOf(page, 'Customer name');
    const idCol = await columnOf(page, 'Customer ID');
    const name7 = await page.textContent(cell(7, nameCol));
    const name12 = await page.textContent(cell(12, nameCol));
    const id12 = await page.textContent(cell(12, idCol));
    expect(name7).not.toBe(name12);

    await page.click(cell(7, idCol + 3));
    await runMenuItem(page, 'Sales Desk', 'showEditSelectedCustomer');
    let frame: Frame = await sidebarFrame(page);
    await frame.waitForSelector('#f-name');
    await expect.poll(() => frame.inputValue('#f-name')).toBe(name7);
    await shot('edit-selected');
    await closeSidebar();

    // A click on the row number selects the whole row, as in Sheets.
    await page.click('.g-body .g-row[data-row="12"] .g-rownum');
    expect(await page.textContent('[data-testid="cell-ref"]')).toBe('12:12');
    await runMenuItem(page, 'Sales Desk', 'showDealForm');
    frame = await sidebarFrame(page);
    await frame.waitForSelector('#customer-picked:not([hidden])');
    const picked = (await frame.textContent('#customer-picked')) ?? '';
    expect(picked).toContain(name12!);
    expect(picked).toContain(id12!);
    await shot('add-deal-row');
    await closeSidebar();
  });

  it('explains a refused entry in the user’s language, and keeps the cell as it was', async () => {
    // A Chinese-speaking user in the English demo workbook: tabs and headers stay as the workbook has them.
    await switchLanguage('zh_CN');
    await openTab('Customers');
    const col = await columnOf(page, 'Employees');
    const before = await page.textContent(cell(5, col));
    await typeInto(page, 5, col, 'many');
    const { title, text } = await alertText();
    expect(title).toBe('出现问题');
    expect(text).toMatch(/^单元格 [A-Z]+5 需要填写/);
    await shot('refused-zh');
    await answerAlert('OK');
    expect(await page.textContent(cell(5, col))).toBe(before);
  });

  it('asks before a warning-only protected cell changes, as Sheets does', async () => {
    const col = await columnOf(page, 'Intention level');
    const before = (await page.textContent(cell(6, col)))!;
    const other = before === 'High' ? 'Low' : 'High';
    await typeInto(page, 6, col, other);
    expect((await alertText()).title).toBe('请注意！');
    await shot('protected-zh');
    await answerAlert('CANCEL');
    expect(await page.textContent(cell(6, col))).toBe(before);
    // Asked again, and this time the user goes ahead: the typed value blocks the column's formula.
    await typeInto(page, 6, col, other);
    await alertText();
    await answerAlert('OK');
    await expect.poll(() => page.textContent(cell(6, col)), { timeout: 15_000 }).toBe(other);
    await shot('protected-after-ok');
  });

  it('speaks the chosen language in its own top bar, menus and time control', async () => {
    const topbar = (await page.textContent('.topbar')) ?? '';
    for (const word of ['用户', '语言', '发件箱', '导出 .xlsx']) expect(topbar).toContain(word);
    expect(await page.textContent('.menubar')).toContain('扩展程序');
    expect(await page.textContent('[data-testid="time-control"]')).toContain('模拟时间');
    await switchLanguage('en');
    expect(await page.textContent('.topbar')).toContain('Outbox');
    expect(await page.textContent('[data-testid="time-control"]')).toContain('Simulated time');
  });

  it('moves the clock, firing the reminder trigger, so the daily digest lands in the Outbox', async () => {
    const start = await state();
    const zone = start.timeZone;
    const clockText = () => page.textContent('[data-testid="clock"]');
    const shows = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(iso));
    expect(await clockText()).toBe(shows(start.clock));
    // The demo starts at 01:30 UTC: 09:30 in Shanghai, the spreadsheet's zone, is what the page shows.
    expect(zone).toBe('Asia/Shanghai');
    expect(await clockText()).toContain('09:30');
    expect(await page.isDisabled('[data-testid="time-next"]')).toBe(true);

    await runMenuItem(page, 'Sales Desk', 'turnOnReminders');
    const on = await state();
    expect(on.nextTrigger).not.toBeNull();
    expect(await page.isDisabled('[data-testid="time-next"]')).toBe(false);
    const mailsBefore = on.outbox.length;

    await page.click('[data-testid="time-next"]');
    await expect.poll(clockText, { timeout: 30_000 }).toBe(shows(on.nextTrigger!));
    const afterRun = await state();
    expect(afterRun.clock).toBe(on.nextTrigger);
    // The demo's reps have follow-ups due: each gets one digest, sent by the trigger's owner.
    const digests = afterRun.outbox.slice(mailsBefore);
    expect(digests.length).toBeGreaterThan(0);
    expect(new Set(digests.map((m) => m.to)).size).toBe(digests.length);
    expect(await page.textContent('[data-testid="outbox-button"]')).toBe(`Outbox (${afterRun.outbox.length + afterRun.forms.length})`);
    await page.click('[data-testid="outbox-button"]');
    await page.waitForSelector('[data-testid="outbox"] .mail');
    expect(await page.textContent('[data-testid="outbox"] .mail summary strong')).toBe(digests[digests.length - 1]!.subject);
    await shot('digest-in-outbox');
    await page.click('[data-testid="outbox"] .drawer-head .x');

    // An hour later: the trigger ran again, but today's digests are out.
    await page.click('[data-testid="time-hour"]');
    await expect.poll(clockText, { timeout: 30_000 }).toBe(shows(new Date(Date.parse(afterRun.clock) + 3600_000).toISOString()));
    expect((await state()).outbox.length).toBe(afterRun.outbox.length);

    // A day later: the hourly trigger ran through the night and sent the next morning's digests.
    await page.click('[data-testid="time-day"]');
    const nextDay = new Date(Date.parse(afterRun.clock) + 25 * 3600_000).toISOString();
    await expect.poll(clockText, { timeout: 60_000 }).toBe(shows(nextDay));
    expect((await state()).outbox.length).toBeGreaterThan(afterRun.outbox.length);
    await shot('next-day');
  }, 120_000);
});
