/** The Import customers dialog in Chromium: paste, guessed mapping, preview with rejections, import. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLocalRuntime } from '../../src/local';
import { launchChromium, openShownPage } from '../../src/local/browser-harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Import dialog in Chinese', () => {
  it('previews a pasted file, lists each rejected row with its reason, and imports the valid rows', async () => {
    const rt = createLocalRuntime({ locale: 'zh_CN', user: 'li@example.com', now: new Date('2026-03-02T02:00:00Z') });
    rt.run('setupWorkbook');
    rt.run('saveCustomer', { name: '上海明远科技有限公司' });
    const { page } = await openShownPage(browser, rt, 'showImport');
    expect(rt.ui.current()!.kind).not.toBe('sidebar');
    await page.locator('#f-text').fill('客户名称\t邮箱\t备注\n北京星辰\txc@bj.cn\t<img src=x onerror=alert(1)>\n坏邮箱\tnot-mail\t\n上海明远科技\t\t\n');
    await page.locator('#preview').click();
    await page.locator('#summary').filter({ hasText: '新增 1' }).waitFor();
    expect(await page.locator('#summary').textContent()).toBe('新增 1 · 合并 0 · 跳过 1 · 拒绝 1');
    expect(await page.locator('select[data-col="0"]').inputValue()).toBe('name');
    expect(await page.locator('#rejected-list li').textContent()).toBe('第 3 行邮箱：请输入邮箱地址，例如 name@company.com。');
    expect(await page.locator('#skipped-list li').textContent()).toContain('C-000001');
    expect(await page.locator('img').count()).toBe(0);
    await page.screenshot({ path: '/tmp/import-zh-preview.png', fullPage: true });
    await page.locator('#run').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toContain('已导入 1 个新客户（C-000002–C-000002）');
    const values = rt.workbook.values('客户');
    expect(values[2].slice(0, 2)).toEqual(['C-000002', '北京星辰']);
    await page.close();
  });
});
