import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLocalRuntime } from '../../src/local';
import { launchChromium, openShownPage } from '../../src/local/browser-harness';
import { VERSION } from '../../src/core/version';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('About sidebar in Chromium', () => {
  it('shows the version and the user, fetched through google.script.run, in English', async () => {
    const rt = createLocalRuntime({ user: 'ana@example.com', locale: 'en_US' });
    const { page, hostActions } = await openShownPage(browser, rt, 'showAbout');
    await page.locator('#version').filter({ hasText: VERSION }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('Sales Desk');
    expect(await page.locator('#user').textContent()).toBe('ana@example.com');
    expect(await page.locator('#language').textContent()).toBe('English');
    expect(rt.counter.snapshot('Session')['Session.getActiveUser']).toBeGreaterThan(0);
    await page.locator('#close').click();
    await expect.poll(() => hostActions.map((a) => a.action)).toContain('close');
    await page.close();
  });

  it('speaks Chinese to a Chinese user and says when Google hides the e-mail', async () => {
    const rt = createLocalRuntime({ user: '', locale: 'zh_CN' });
    const { page } = await openShownPage(browser, rt, 'showAbout');
    await page.locator('#version').filter({ hasText: VERSION }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('销售台');
    expect(await page.locator('#user').textContent()).toContain('Google 没有');
    expect(await page.locator('#close').textContent()).toBe('关闭');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.close();
  });

  it('shows a server failure next to the content instead of spinning forever', async () => {
    const rt = createLocalRuntime({ user: 'ana@example.com', locale: 'en' });
    rt.run('showAbout');
    const html = rt.ui.current()!.html;
    // A runtime whose getAboutInfo throws: the page must show the message.
    const broken = { ...rt, rpcFromPage: () => ({ ok: false as const, error: { name: 'Error', message: 'Quota exceeded' } }) };
    const { openHtml } = await import('../../src/local/browser-harness');
    const { page } = await openHtml(browser, broken as typeof rt, html);
    await page.locator('[role=alert]').waitFor();
    expect(await page.locator('[role=alert]').textContent()).toContain('Quota exceeded');
    expect(await page.locator('.busy').count()).toBe(0);
    await page.close();
  });
});
