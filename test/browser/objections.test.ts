import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openShownPage } from '../../src/local/browser-harness';
import { getTab } from '../../src/core/schema';
import { FORMULA_NAME, HTML_NAME, colOf, generatedLog, workbook, writeByKey } from '../integration/objections-fixture';

const OB = getTab('objections');
/** A due date a month ahead in the spreadsheet's zone (dates more than two years out are refused). */
const DUE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(Date.now() + 30 * 86_400_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Log objection sidebar in Chromium', () => {
  it('English: picks a customer named with HTML as text, shows the playbook and what worked, saves', async () => {
    const { rt } = workbook({ customers: 30 });
    writeByKey(rt, 'objections', 2, generatedLog(400, 30, 3));
    const { page } = await openShownPage(browser, rt, 'showObjectionForm');
    let alerted = false;
    page.on('dialog', (d) => {
      alerted = true;
      void d.dismiss();
    });
    await page.locator('#form:not([hidden])').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Log objection');
    // "When raised" defaults to now in the spreadsheet's zone (Shanghai), not the browser's.
    const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
    expect(await page.locator('#raisedAt').inputValue()).toBe(shanghai.format(rt.clock.now()).replace(' ', 'T'));
    expect(await page.locator('#intro').textContent()).toContain('24 hours');
    await page.locator('#customerSearch').fill('onerror');
    const hit = page.locator('#hits button').first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain(HTML_NAME);
    expect(await page.locator('#hits img').count()).toBe(0);
    await hit.click();
    expect(await page.locator('#chosen').textContent()).toContain(HTML_NAME);
    await page.locator('#type').selectOption('Price');
    await page.locator('#playbook .lines li').first().waitFor();
    expect(await page.locator('#playbook .lines li .tech').first().textContent()).toBe('Itemise the quote: cost against benefit');
    await page.locator('#playbook ul.worked li').first().waitFor();
    expect(await page.locator('#playbook .count').first().textContent()).toMatch(/^resolved \d+ of \d+ times Use as response$/);
    await page.screenshot({ path: '/tmp/objection-en.png', fullPage: true });
    await page.locator('#playbook button.use').first().click();
    expect(await page.locator('#response').inputValue()).not.toBe('');
    await page.locator('#details').fill('Too expensive for this year');
    await page.locator('#nextStep').fill('Send phased plan');
    await page.locator('#save').click();
    // The due date is missing: the error sits next to the field and nothing is written.
    await page.locator('.field[data-field="nextStepDue"] .error').waitFor();
    await page.locator('#nextStepDue').fill(DUE);
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toContain('O-000401');
    expect(alerted).toBe(false);
    const row = rt.workbook.values('Objections')[401];
    expect(row[colOf(OB, 'customer_name') - 1]).toBe(HTML_NAME);
    expect(row[colOf(OB, 'details') - 1]).toBe('Too expensive for this year');
    await page.close();
  });

  it('Chinese: labels, playbook and a formula-like customer name stay text', async () => {
    const { rt } = workbook({ locale: 'zh', user: 'li@example.com' });
    const { page } = await openShownPage(browser, rt, 'showObjectionForm');
    await page.locator('#form:not([hidden])').waitFor();
    expect(await page.locator('h1').textContent()).toBe('记录异议');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('label[for="details"]').textContent()).toBe('客户原话');
    expect(await page.locator('#nextStepOwner').inputValue()).toBe('李雷');
    await page.locator('#customerSearch').fill('HYPERLINK');
    const hit = page.locator('#hits button').first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain(FORMULA_NAME);
    await hit.click();
    await page.locator('#type').selectOption('决策（需内部审批）');
    await page.locator('#playbook .lines li').first().waitFor();
    expect(await page.locator('#playbook .lines .tech').first().textContent()).toBe('提供决策流程指引');
    expect(await page.locator('#playbook').textContent()).toContain('该类型的异议还没有被解决过的记录。');
    await page.locator('#details').fill('需要财务和IT一起确认');
    await page.screenshot({ path: '/tmp/objection-zh.png', fullPage: true });
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toContain('已保存，编号 O-000001');
    const name = rt.workbook.values('异议跟踪')[1][colOf(OB, 'customer_name') - 1];
    expect(name).toBe(FORMULA_NAME);
    expect(rt.workbook.cellInfo('异议跟踪', 2, colOf(OB, 'customer_name')).formula ?? '').toBe('');
    await page.close();
  });

  it('Loss dialog: names the objection that lost a customer called with HTML, as text', async () => {
    const { rt } = workbook();
    writeByKey(rt, 'objections', 2, [
      {
        objection_id: 'O-000001',
        customer_id: 'C-000002',
        customer_name: HTML_NAME,
        raised_at: new Date(Date.now() - 9e8),
        type: 'Price',
        details: '<b>too dear</b>',
      },
      {
        objection_id: 'O-000002',
        customer_id: 'C-000002',
        customer_name: HTML_NAME,
        raised_at: new Date(Date.now() - 8e8),
        type: 'Trust',
        details: 'Unknown brand',
      },
    ]);
    const { page, hostActions } = await openShownPage(browser, rt, 'askLossReasonIfLost', 'C-000002', 'Lost');
    await page.locator('#form:not([hidden])').waitFor();
    expect(await page.locator('#intro').textContent()).toBe(`${HTML_NAME} is now marked Lost. Which objection cost the deal?`);
    expect(await page.locator('.choices label').count()).toBe(3);
    expect(await page.locator('.choices b, #intro img').count()).toBe(0);
    await page.screenshot({ path: '/tmp/loss-en.png', fullPage: true });
    await page.locator('input[value="O-000001"]').check();
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(rt.workbook.values('Objections')[1][colOf(OB, 'lost_deal') - 1]).toBe(true);
    await page.locator('#skip').click();
    await expect.poll(() => hostActions.map((a) => a.action)).toContain('close');
    await page.close();
  });
});
