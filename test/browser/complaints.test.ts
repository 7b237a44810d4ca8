import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openShownPage } from '../../src/local/browser-harness';
import { getTab } from '../../src/core/schema';
import { COMPLAINT_STEPS } from '../../src/core/complaints';
import { colOf, workbook, writeByKey } from '../integration/objections-fixture';

const CP = getTab('complaints');
const ST = getTab('complaint_steps');
const HTML_WORDS = '<img src=x onerror=alert(1)> the <b>invoice</b> is wrong';
const FORMULA_WORDS = '=HYPERLINK("http://evil.example","click") still broken';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Log complaint sidebar in Chromium', () => {
  it('English: a manager’s step edit shows, severity meaning, lessons, words with HTML stay text, a ticked step and a save', async () => {
    const { rt } = workbook({ customers: 10 });
    // The manager rewrote the first step's sample reply on the Complaint steps tab.
    rt.spreadsheet
      .getSheetByName('Complaint steps')!
      .getRange(2, colOf(ST, 'sample_reply'))
      .setValue('Thanks for calling us straight away — tell me everything.');
    // A closed billing complaint with a lesson, for "what went wrong before".
    writeByKey(rt, 'complaints', 2, [
      {
        complaint_id: 'CP-000001',
        customer_id: 'C-000004',
        received_at: new Date(Date.now() - 20 * 86_400_000),
        category: 'Billing',
        severity: 'Low',
        words: 'Charged twice',
        closed_at: new Date(Date.now() - 18 * 86_400_000),
        root_cause: 'Billing error',
        lesson: '<i>Check</i> the invoice run before it goes out.',
      },
    ]);
    const { page } = await openShownPage(browser, rt, 'showComplaintForm');
    let alerted = false;
    page.on('dialog', (d) => {
      alerted = true;
      void d.dismiss();
    });
    await page.locator('#form:not([hidden])').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Log complaint');
    expect(await page.locator('#intro').textContent()).toContain('24 hours');
    expect(await page.locator('#steps > li').count()).toBe(COMPLAINT_STEPS.length);
    expect(await page.locator('#steps > li .reply').first().textContent()).toBe('You could say: Thanks for calling us straight away — tell me everything.');
    expect(await page.locator('#steps > li .coaching').nth(1).textContent()).toBe(COMPLAINT_STEPS[1].coaching.en);
    await page.locator('#customerSearch').fill('Blue Sky');
    await page.locator('#hits button').first().click();
    expect(await page.locator('#chosen').textContent()).toContain('Blue Sky Ltd');
    expect(await page.locator('#owner').inputValue()).toBe('Ana Wu'); // the customer's owner
    await page.locator('#category').selectOption('Billing');
    await page.locator('#lessons li').first().waitFor();
    expect(await page.locator('#lessons li').first().textContent()).toContain('<i>Check</i> the invoice run');
    expect(await page.locator('#lessons i').count()).toBe(0);
    await page.locator('#severity').selectOption('High');
    expect(await page.locator('#severityMeaning').textContent()).toMatch(/cannot use what they bought/);
    await page.locator('#words').fill(HTML_WORDS);
    await page.locator('#steps > li input.done').first().check();
    expect(await page.locator('#steps > li input.at').first().inputValue()).not.toBe('');
    await page.locator('#steps > li input.note').first().fill('Listened for ten minutes');
    await page.screenshot({ path: '/tmp/complaint-en.png', fullPage: true });
    await page.locator('#steps').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/complaint-en-steps.png' });
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toContain('CP-000002');
    // The form continues on the saved complaint: due times shown.
    await page.locator('#editing:not([hidden])').waitFor();
    expect(await page.locator('#due').textContent()).toMatch(/First response due \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(alerted).toBe(false);
    expect(await page.locator('img').count()).toBe(0);
    const row = rt.workbook.values('Complaints')[2];
    expect(row[colOf(CP, 'words') - 1]).toBe(HTML_WORDS);
    expect(row[colOf(CP, 'first_response_at') - 1]).toBeInstanceOf(Date);
    expect(String(row[colOf(CP, 'steps_log') - 1])).toMatch(/^\[thank_listen\] \d{4}-\d{2}-\d{2} \d{2}:\d{2} — Listened for ten minutes$/);
    await page.close();
  });

  it('Chinese: labels, steps in Chinese, a complaint starting with "=" continued and closed unconfirmed', async () => {
    const { rt } = workbook({ locale: 'zh', user: 'li@example.com' });
    writeByKey(
      rt,
      'complaints',
      2,
      [
        {
          complaint_id: 'CP-000001',
          customer_id: 'C-000002',
          received_at: new Date(Date.now() - 3 * 86_400_000),
          category: '产品',
          severity: '中',
          words: `'${FORMULA_WORDS}`,
          owner: '李雷',
        },
      ],
      'zh',
    );
    const { page } = await openShownPage(browser, rt, 'showComplaintForm', 'C-000002', 'CP-000001');
    await page.locator('#form:not([hidden])').waitFor();
    expect(await page.locator('h1').textContent()).toBe('登记投诉');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('label[for="words"]').textContent()).toBe('客户原话');
    expect(await page.locator('#steps > li .title').first().textContent()).toBe(COMPLAINT_STEPS[0].title.zh);
    expect(await page.locator('#words').inputValue()).toBe(FORMULA_WORDS);
    expect(await page.locator('#editing').textContent()).toContain('CP-000001');
    expect(await page.locator('#due').textContent()).toContain('首次回复期限');
    expect(await page.locator('#due.late').count()).toBe(1); // three days without a response
    await page.locator('#close').check();
    await page.locator('#closing:not([hidden])').waitFor();
    await page.locator('#save').click();
    await page.locator('.field[data-field="satisfied"] .error').waitFor();
    expect(await page.locator('.field[data-field="satisfied"] .error').textContent()).toMatch(/满意/);
    await page.locator('input[name=satisfied][value=no]').check();
    await page.locator('#rootCause').selectOption('产品缺陷');
    await page.locator('#lesson').fill('出厂前增加一次通电测试。');
    await page.screenshot({ path: '/tmp/complaint-zh.png', fullPage: true });
    await page.locator('#lesson').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/complaint-zh-closing.png' });
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toContain('已安排回访跟进');
    const row = rt.workbook.values('客户投诉')[1];
    expect(row[colOf(CP, 'words') - 1]).toBe(FORMULA_WORDS);
    expect(rt.workbook.cellInfo('客户投诉', 2, colOf(CP, 'words')).formula ?? '').toBe('');
    expect(row[colOf(CP, 'closed_at') - 1]).toBeInstanceOf(Date);
    expect(row[colOf(CP, 'root_cause') - 1]).toBe('产品缺陷');
    await page.close();
  });
});
