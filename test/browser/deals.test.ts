/**
 * The Add deal sidebar in real Chromium, bridged to the local runtime, in both languages.
 * The runtime's clock starts at the real time, so the script's `new Date()` and the sheet's
 * TODAY() agree without pinning Node's clock (which playwright needs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { launchChromium, openShownPage } from '../../src/local/browser-harness';
import { getTab } from '../../src/core/schema';
import { listLabel } from '../../src/core/lists';
import { getSetting } from '../../src/core/settings';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const cust = getTab('customers');
const deals = getTab('deals');
const col = (tab: typeof cust, key: string) => tab.columns.findIndex((c) => c.key === key) + 1;

function workbook(locale: 'en' | 'zh'): LocalRuntime {
  const rt = createLocalRuntime({ locale: locale === 'zh' ? 'zh_CN' : 'en_US', user: 'ana@example.com' });
  rt.run('setupWorkbook');
  const sh = rt.spreadsheet.getSheetByName(cust.name[locale])!;
  const names =
    locale === 'zh'
      ? ['华东精密机械有限公司', '星河零售', '<img src=x onerror=alert(1)>']
      : ['Acme Tools Ltd', 'Bright Retail', '<img src=x onerror=alert(1)>'];
  sh.getRange(2, col(cust, 'customer_id'), 3, 2).setValues(names.map((n, i) => [`C-00000${i + 1}`, n]));
  sh.getRange(2, col(cust, 'stage'), 3, 1).setValues(names.map(() => [listLabel('stage', 'negotiation', locale)]));
  return rt;
}

function dealCell(rt: LocalRuntime, locale: 'en' | 'zh', key: string): unknown {
  return rt.spreadsheet.getSheetByName(deals.name[locale])!.getRange(2, col(deals, key)).getValue();
}

describe('Add deal sidebar in Chromium', () => {
  it('English: search, pick, validation next to the field, save, add another', async () => {
    const rt = workbook('en');
    const { page, hostActions } = await openShownPage(browser, rt, 'showDealForm');
    await page.locator('#form:not([hidden])').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Add deal');
    expect(await page.locator('label[for=amount]').textContent()).toBe('Amount');
    expect(await page.locator('#kind option').allTextContents()).toEqual(['New', 'Repurchase', 'Upsell']);

    // Nothing picked, no amount: errors next to the fields, nothing saved.
    await page.locator('#save').click();
    await expect.poll(() => page.locator('[data-field=customer_id] .error').textContent()).toBe('This field is required.');
    expect(await page.locator('[data-field=amount] .error').textContent()).toBe('This field is required.');
    expect(await page.locator('[data-field=amount]').getAttribute('class')).toContain('invalid');
    // Nothing saved: no deal ID on the first data row (the computed columns' array formulas make
    // the data range the whole sheet, as on Google, so its height says nothing).
    expect(dealCell(rt, 'en', 'deal_id')).toBe('');

    await page.locator('#customer-search').fill('r');
    await page.locator('#customer-results li[data-id="C-000002"]').waitFor();
    await page.screenshot({ path: '/tmp/deal-en-search.png', fullPage: true });
    await page.locator('#customer-search').fill('bright');
    await page.locator('#customer-results li[data-id="C-000002"]').click();
    expect(await page.locator('#customer-picked').textContent()).toBe('Selected: Bright Retail (C-000002)');
    await page.locator('#amount').fill('abc');
    await page.locator('#save').click();
    await expect.poll(() => page.locator('[data-field=amount] .error').textContent()).toBe('Enter a number.');
    expect(await page.locator('[data-field=customer_id] .error').count()).toBe(0);
    await page.locator('#amount').fill('36000');
    expect(await page.locator('[data-field=amount] .error').count()).toBe(0);

    await page.locator('#amount').fill('36,000');
    await page.locator('#product').fill('Annual licence');
    await page.locator('#kind').selectOption('repurchase');
    await page.screenshot({ path: '/tmp/deal-en-form.png', fullPage: true });
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toBe('Deal D-000001 saved for Bright Retail. The customer is now in “6 Delivery & after-sales”.');
    await page.screenshot({ path: '/tmp/deal-en-saved.png', fullPage: true });
    expect(dealCell(rt, 'en', 'amount')).toBe(36000);
    expect(dealCell(rt, 'en', 'kind')).toBe('Repurchase');
    expect(rt.spreadsheet.getSheetByName(cust.name.en)!.getRange(3, col(cust, 'value_tier')).getValue()).toBe('A');

    expect(await page.locator('#another').getAttribute('class')).toBe('action');
    await page.locator('#another').click();
    expect(await page.locator('#amount').inputValue()).toBe('');
    expect(await page.locator('#customer-picked').textContent()).toContain('C-000002');
    await page.locator('#close').click();
    await expect.poll(() => hostActions.map((a) => a.action)).toContain('close');
    await page.close();
  });

  it('Chinese: labels, a server-side check in Chinese, and a name with markup shown as text', async () => {
    const rt = workbook('zh');
    const { page } = await openShownPage(browser, rt, 'showDealForm');
    await page.locator('#form:not([hidden])').waitFor();
    expect(await page.locator('h1').textContent()).toBe('添加成交');
    expect(await page.locator('#save').textContent()).toBe('保存成交');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await page.locator('#customer-search').fill('img');
    await page.locator('#customer-results li[data-id="C-000003"]').waitFor();
    expect(await page.locator('#customer-results li[data-id="C-000003"] .name').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('#customer-results img').count()).toBe(0);

    await page.locator('#customer-search').fill('星河');
    await page.locator('#customer-results li[data-id="C-000002"]').click();
    await page.locator('#amount').fill('12000');
    await page.locator('#won_on').fill('2000-01-01');
    // A date the form accepts but the customer was deleted meanwhile: the server answers.
    rt.spreadsheet.getSheetByName(cust.name.zh)!.getRange(3, col(cust, 'customer_id')).setValue('C-000099');
    await page.locator('#save').click();
    await expect.poll(() => page.locator('[data-field=customer_id] .error').textContent()).toBe('请从列表中选择客户。');
    expect(await page.locator('.banner.error').textContent()).toBe('请修改标红的字段；本次未保存任何内容。');
    expect(await page.locator('#customer-picked').isHidden()).toBe(true);
    await page.screenshot({ path: '/tmp/deal-zh-error.png', fullPage: true });

    await page.locator('#customer-search').fill('精密');
    await page.locator('#customer-results li[data-id="C-000001"]').click();
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toBe('成交 D-000001 已为 华东精密机械有限公司 保存。该客户现处于“6 交付与售后”阶段。');
    expect(dealCell(rt, 'zh', 'kind')).toBe('新购');
    await page.screenshot({ path: '/tmp/deal-zh-saved.png', fullPage: true });
    await page.close();
  });

  it('opens with the customer selected on the Customers tab', async () => {
    const rt = workbook('en');
    rt.workbook.setSelection(cust.name.en, 'D3');
    const { page } = await openShownPage(browser, rt, 'showDealForm');
    await page.locator('#customer-picked:not([hidden])').waitFor();
    expect(await page.locator('#customer-picked').textContent()).toBe('Selected: Bright Retail (C-000002)');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('amount');
    await page.close();
  });
});

/** Opens the Deal sidebar on the deal selected on the Deals tab. */
async function openSelectedDeal(rt: LocalRuntime, locale: 'en' | 'zh') {
  rt.workbook.setSelection(deals.name[locale], 'A2');
  const shown = await openShownPage(browser, rt, 'showDealForm');
  await shown.page.locator('#deal-actions:not([hidden])').waitFor();
  return shown;
}

describe.each(['en', 'zh'] as const)('Deal sidebar in Chromium (%s): add open, open, edit, won, lost with a reason, reopen', (locale) => {
  it('walks a deal through the pipeline', async () => {
    const rt = workbook(locale);
    const L = (list: string, key: string) => listLabel(list, key, locale);
    const T = (en: string, zh: string) => (locale === 'zh' ? zh : en);
    // Add an open deal for the customer selected on Customers.
    rt.workbook.setSelection(cust.name[locale], 'D3');
    let { page } = await openShownPage(browser, rt, 'showDealForm');
    await page.locator('#customer-picked:not([hidden])').waitFor();
    await page.locator('#amount').fill(locale === 'zh' ? '4.8万' : '48,000');
    await page.locator('#deal-status').selectOption('open');
    await page.locator('#expectedClose').fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
    await page.locator('#scenario').selectOption('new');
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(dealCell(rt, locale, 'status')).toBe(L('deal_status', 'open'));
    expect(dealCell(rt, locale, 'amount')).toBe(48000);
    expect(dealCell(rt, locale, 'currency')).toBe(L('currency', locale === 'zh' ? 'cny' : 'usd'));
    // Open it from the banner's button: edit mode, with the status actions.
    await page.locator('#open-saved').click();
    await page.locator('#deal-actions:not([hidden])').waitFor();
    expect(await page.locator('#title').textContent()).toBe(T('Deal D-000001', '成交 D-000001'));
    expect(await page.locator('#mark-won').isVisible()).toBe(true);
    expect(await page.locator('#reopen').isVisible()).toBe(false);
    await page.screenshot({ path: `/tmp/deal-${locale}-open.png`, fullPage: true });
    await page.close();

    // Open the deal selected on Deals; edit the amount and the probability.
    ({ page } = await openSelectedDeal(rt, locale));
    expect(await page.locator('#amount').inputValue()).toBe('48000');
    // The stage's probability from Settings (negotiation), shown as the default.
    expect(await page.locator('#probability-hint').textContent()).toContain(String((getSetting('stage_probability_negotiation').default as number) * 100));
    await page.locator('#amount').fill('50,000');
    await page.locator('#probability').fill('70');
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(dealCell(rt, locale, 'amount')).toBe(50000);
    expect(dealCell(rt, locale, 'probability')).toBe(0.7);

    // Meanwhile someone typed another amount into the row: the next edit is refused with it.
    rt.spreadsheet.getSheetByName(deals.name[locale])!.getRange(2, col(deals, 'amount')).setValue(51000);
    await page.locator('#product').fill('Licence');
    await page.locator('#save').click();
    await page.locator('.banner.error').waitFor();
    expect(await page.locator('.banner.error').textContent()).toContain('51000');
    expect(await page.locator('#amount').inputValue()).toBe('51000');
    expect(dealCell(rt, locale, 'product')).toBe('');

    // Won: the customer moves to delivery & after-sales.
    await page.locator('#mark-won').click();
    await expect.poll(() => dealCell(rt, locale, 'status')).toBe(L('deal_status', 'won'));
    await page.locator('#reopen:not([hidden])').waitFor();
    expect(rt.spreadsheet.getSheetByName(cust.name[locale])!.getRange(3, col(cust, 'stage')).getValue()).toBe(L('stage', 'delivery'));
    await page.screenshot({ path: `/tmp/deal-${locale}-won.png`, fullPage: true });

    // Lost: the first press asks why; without a reason the check answers next to the field.
    await page.locator('#mark-lost').click();
    await page.locator('#loss-field:not([hidden])').waitFor();
    expect(await page.locator('#mark-lost').textContent()).toBe(T('Mark lost with this reason', '按此原因标记为丢单'));
    await page.locator('#mark-lost').click();
    await expect.poll(() => page.locator('[data-field=lossReason] .error').count()).toBe(1);
    expect(dealCell(rt, locale, 'status')).toBe(L('deal_status', 'won'));
    await page.locator('#lossReason').selectOption(L('objection_type', 'price'));
    await page.locator('#mark-lost').click();
    await expect.poll(() => dealCell(rt, locale, 'status')).toBe(L('deal_status', 'lost'));
    expect(dealCell(rt, locale, 'loss_reason')).toBe(L('objection_type', 'price'));
    await page.screenshot({ path: `/tmp/deal-${locale}-lost.png`, fullPage: true });

    // Reopen: open again, date and reason cleared.
    await page.locator('#reopen').click();
    await expect.poll(() => dealCell(rt, locale, 'status')).toBe(L('deal_status', 'open'));
    expect(dealCell(rt, locale, 'won_on')).toBe('');
    expect(dealCell(rt, locale, 'loss_reason')).toBe('');
    await page.locator('#mark-won:not([hidden])').waitFor();
    await page.screenshot({ path: `/tmp/deal-${locale}-reopened.png`, fullPage: true });
    await page.close();
  });
});
