/**
 * The Log follow-up sidebar in Chromium, in Chinese: search a customer by a Chinese name,
 * errors next to their fields (form and server) with what was typed kept, the next date the
 * cadence gives, and a save that lands in the sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openShownPage } from '../../src/local/browser-harness';
import { getList } from '../../src/core/lists';
import { getTab } from '../../src/core/schema';
import { workbook, writeByKey } from '../integration/objections-fixture';

/** A commitment a month ahead in the spreadsheet's zone (a form refuses dates more than two years out). */
const DUE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(Date.now() + 30 * 86_400_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const zh = (list: string, key: string) => getList(list).items.find((i) => i.key === key)!.label.zh;

describe('Log follow-up sidebar in Chromium', () => {
  it('finds a customer by a Chinese name, shows errors by the fields, keeps what was typed, and saves', async () => {
    const fx = workbook({ locale: 'zh', user: 'ana@example.com' });
    writeByKey(fx.rt, 'customers', 5, [{ need_confirmed: true, budget_confirmed: true, stage: zh('stage', 'needs') }], 'zh');
    fx.rt.setUser({ locale: 'zh_CN' });
    const { page } = await openShownPage(browser, fx.rt, 'showFollowupForm');
    await page.locator('#form:not([hidden])').waitFor();
    expect(await page.locator('h1').textContent()).toBe('记录跟进');
    await page.locator('#customerSearch').fill('华为');
    await page.locator('#hits li button').first().waitFor();
    expect(await page.locator('#hits li button').allTextContents()).toEqual(['华为技术C-000004 · Contact 4']);
    await page.locator('#hits li button').first().click();
    expect(await page.locator('#chosen .who').textContent()).toContain('华为技术（C-000004）');
    // High intention: the cadence plans the next day (24 h later).
    await expect.poll(() => page.locator('#nextHint').textContent()).toBe('按跟进节奏：高意向，24 小时内。修改日期即可覆盖。');
    const planned = await page.locator('#nextDate').inputValue();
    expect(planned).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.locator('#nextStep').fill('发送报价单');
    await page.locator('#save').click(); // form check: channel, purpose, summary missing
    await page.locator('.field[data-field="summary"] .error').waitFor();
    expect(await page.locator('.field[data-field="channel"] .error').textContent()).toBe('必填。');
    expect(await page.locator('#nextStep').inputValue()).toBe('发送报价单');

    await page.selectOption('#channel', { label: zh('channel', 'phone') });
    await page.selectOption('#purpose', { label: zh('purpose', 'needs_research') });
    await page.locator('#summary').fill('客户确认了预算，下周看方案。');
    await page.locator('#addCommitment').click();
    await page.locator('.commitment .what').fill('寄送案例');
    await page.locator('#save').click(); // server check: the commitment has no due date
    await page.locator('.field[data-field="commitments"] .error').waitFor();
    expect(await page.locator('.field[data-field="commitments"] .error').textContent()).toBe('请为每条承诺填写期限。');
    expect(await page.locator('#summary').inputValue()).toBe('客户确认了预算，下周看方案。');
    expect(await page.locator('.commitment .what').inputValue()).toBe('寄送案例');
    await page.locator('.commitment .due').fill(DUE);
    await page.screenshot({ path: '/tmp/followup-form-zh.png', fullPage: true });
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toContain(`下次跟进计划于 ${planned}（高意向，24 小时内）`);
    await page.close();

    const FU = getTab('followups');
    const rows = fx.rt.workbook
      .values(FU.name.zh)
      .slice(1)
      .filter((r) => r[0] !== '');
    const col = (k: string) => FU.columns.findIndex((c) => c.key === k);
    expect(rows.map((r) => [r[col('customer_id')], r[col('rule')], r[col('commitments')]])).toEqual([
      ['C-000004', 'manual', `寄送案例（期限 ${DUE}）`],
      ['C-000004', 'high', ''],
      ['C-000004', 'commitment', ''], // the dated commitment, an item of its own (issue 12)
    ]);
  });

  it('refuses a far-future date naming the field, and Lost asks why before the rep moves on (English)', async () => {
    const fx = workbook({ locale: 'en', user: 'ana@example.com' });
    const { page } = await openShownPage(browser, fx.rt, 'showFollowupForm', { customerId: 'C-000001' });
    await page.locator('#chosen .who').waitFor();
    await page.selectOption('#channel', { index: 1 });
    await page.selectOption('#purpose', { index: 1 });
    await page.locator('#summary').fill('They chose a competitor.');
    await page.locator('#addCommitment').click();
    await page.locator('.commitment .what').fill('Send the final offer');
    // What Chromium's date field makes of a typed 2026年12月5日 (month / day / year): the year 6125.
    await page.locator('.commitment .due').fill('6125-02-02');
    await page.locator('#save').click();
    await page.locator('.field[data-field="commitments"] .error').waitFor();
    expect(await page.locator('.field[data-field="commitments"] .error').textContent()).toBe(
      'Due: 6125-02-02 is more than 2 years from today. Check the year.',
    );
    await page.locator('.commitment button').first().click();
    await page.selectOption('#stage', { label: getList('stage').items.find((i) => i.key === 'lost')!.label.en });
    await page.locator('#save').click();
    await expect.poll(() => fx.rt.ui.current()?.title).toBe('Why was this customer lost?');
    await page.close();
  });
});
