/**
 * Help → Check this spreadsheet in Chromium: the dialog runs the probes through
 * google.script.run and lists each with pass/fail in the user's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLocalRuntime } from '../../src/local';
import { launchChromium, openShownPage } from '../../src/local/browser-harness';
import { t } from '../../src/core/i18n';
import { PROBES } from '../../src/server/check/probes';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Check this spreadsheet in Chromium', () => {
  it('lists every probe with its verdict, in Chinese for a Chinese user', async () => {
    const rt = createLocalRuntime({ user: 'boss@example.com', locale: 'zh_CN' });
    rt.run('setupWorkbook');
    const { page } = await openShownPage(browser, rt, 'showSpreadsheetCheck');
    await page.locator('#status .banner').waitFor();
    const probes = page.locator('#results li');
    expect(await probes.count()).toBe(PROBES.length);
    expect(await page.locator('li[data-probe="recalculation"]').textContent()).toContain(t('zh', 'check.probe.recalculation'));
    expect(await page.locator('li[data-probe="recalculation"] .verdict').textContent()).toBe(t('zh', 'check.pass'));
    expect(await page.locator('#close').textContent()).toBe('关闭');
    await page.close();
  });

  it('names a failing probe and what was expected, in English', async () => {
    const rt = createLocalRuntime({ user: 'boss@example.com', locale: 'en' }); // not set up: recalculates ON_CHANGE
    const { page } = await openShownPage(browser, rt, 'showSpreadsheetCheck');
    await page.locator('#status .banner').waitFor();
    const failing = page.locator('li[data-probe="recalculation"]');
    expect(await failing.getAttribute('class')).toBe('fail');
    expect(await failing.locator('.verdict').textContent()).toBe('Does not work');
    expect(await failing.locator('.case').first().textContent()).toBe('Spreadsheet.getRecalculationInterval(): Expected HOUR or MINUTE, got ON_CHANGE.');
    expect(await page.locator('#status .banner').textContent()).toMatch(new RegExp(`of ${PROBES.length} checks failed`));
    await page.close();
  });
});
