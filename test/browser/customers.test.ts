/**
 * The Add / edit customer sidebar in real Chromium, google.script.run bridged to the local
 * runtime running dist/Code.js: add, edit, duplicate warning, validation, in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { launchChromium, openShownPage } from '../../src/local/browser-harness';
import type { EntryName } from '../../src/server/callable';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function fresh(locale: string, user = 'ana@example.com'): LocalRuntime {
  const rt = createLocalRuntime({ locale, user, now: new Date('2026-03-02T02:00:00Z') });
  rt.run('setupWorkbook');
  const settings = rt.spreadsheet.getSheets().find((s) => ['Settings', '设置'].includes(s.getName()))!;
  const h = settings.getRange(1, 1, 1, settings.getLastColumn()).getValues()[0].map(String);
  const col = h.findIndex((x) => x === 'Team member' || x === '团队成员') + 1;
  settings.getRange(2, col, 2, 3).setValues([
    ['Ana Lee', 'ana@example.com', 'Rep'],
    ['Bo Chen', 'bo@example.com', 'Rep'],
  ]);
  return rt;
}

function customerRows(rt: LocalRuntime): unknown[][] {
  const name = rt.spreadsheet
    .getSheets()
    .find((s) => ['Customers', '客户'].includes(s.getName()))!
    .getName();
  return rt.workbook
    .values(name)
    .slice(1)
    .filter((r) => r[0] !== '');
}

async function open(rt: LocalRuntime, entry: EntryName = 'showCustomerForm'): Promise<Page> {
  const { page } = await openShownPage(browser, rt, entry);
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.locator('#f-name').waitFor();
  return page;
}

describe('customer sidebar in English', () => {
  it('adds a customer: live intention level, a field error next to its field, nothing lost, then saved', async () => {
    const rt = fresh('en_US');
    const page = await open(rt);
    expect(await page.locator('h1').textContent()).toBe('Add customer');
    expect(await page.locator('#f-owner').inputValue()).toBe('Ana Lee');
    expect(await page.locator('#intention').textContent()).toBe('Low');
    await page.locator('#f-name').fill('Acme Ltd');
    await page.locator('#f-email').fill('buyer at acme');
    await page.locator('#f-phone').click(); // leaving the e-mail field checks it
    await expect.poll(() => page.locator('#err-email').textContent()).toBe('Enter an e-mail address like name@company.com.');
    expect(await page.locator('#field-email').getAttribute('class')).toContain('invalid');
    await page.locator('#f-need_confirmed').check();
    expect(await page.locator('#intention').textContent()).toBe('Medium');
    await page.locator('#f-budget_confirmed').check();
    expect(await page.locator('#intention').textContent()).toBe('High');
    await page.locator('#save').click();
    await page.locator('.banner.error').waitFor();
    expect(customerRows(rt)).toHaveLength(0);
    // what was typed is still there
    expect(await page.locator('#f-name').inputValue()).toBe('Acme Ltd');
    expect(await page.locator('#f-email').inputValue()).toBe('buyer at acme');
    await page.locator('#f-email').fill('buyer@acme.com');
    await page.locator('#f-stage').selectOption({ label: '2 Needs analysis' });
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toBe('Saved C-000001 — Acme Ltd.');
    expect(await page.locator('#err-email').isHidden()).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('Edit customer');
    expect(await page.locator('#subtitle').textContent()).toBe('Editing C-000001');
    expect(customerRows(rt)).toHaveLength(1);
    expect(customerRows(rt)[0].slice(0, 2)).toEqual(['C-000001', 'Acme Ltd']);

    // editing the same customer in the same sidebar
    await page.locator('#f-contact_name').fill('Jane Roe');
    await page.locator('#save').click();
    await page.locator('.banner.ok').filter({ hasText: 'Saved changes to C-000001' }).waitFor();
    expect(customerRows(rt)).toHaveLength(1);
    expect(customerRows(rt)[0]).toContain('Jane Roe');
    await page.screenshot({ path: '/tmp/customer-en-saved.png', fullPage: true });
    await page.close();
  });

  it('warns about a duplicate and opens the existing customer instead', async () => {
    const rt = fresh('en');
    rt.run('saveCustomer', { name: 'Acme Ltd', email: 'buyer@acme.com', phone: '138 0013 8000' });
    const page = await open(rt);
    await page.locator('#f-name').fill('ACME Limited');
    await page.locator('#f-email').fill('buyer@acme.com');
    await page.locator('#save').click();
    const warn = page.locator('#dup .banner.warn');
    await warn.waitFor();
    expect(await warn.textContent()).toContain('A customer with this e-mail already exists');
    expect(await warn.locator('.why').textContent()).toBe('same e-mail · same company name');
    expect(await page.locator('#save-anyway').count()).toBe(0);
    await page.screenshot({ path: '/tmp/customer-en-duplicate.png', fullPage: true });
    await page.locator('.open-existing').click();
    await page.locator('#subtitle').filter({ hasText: 'Editing C-000001' }).waitFor();
    expect(await page.locator('#f-name').inputValue()).toBe('Acme Ltd');
    expect(await page.locator('#f-phone').inputValue()).toBe('138 0013 8000');
    expect(customerRows(rt)).toHaveLength(1);
    await page.close();
  });

  it('opens the customer selected in the sheet, pre-filled', async () => {
    const rt = fresh('en');
    rt.run('saveCustomer', { name: 'Acme Ltd' });
    rt.run('saveCustomer', { name: 'Beta GmbH', need_confirmed: true, notes: 'Call after CNY' });
    const sheet = rt.spreadsheet.getSheetByName('Customers')!;
    rt.spreadsheet.setActiveSheet(sheet);
    rt.spreadsheet.setActiveRange(sheet.getRange('C3'));
    const page = await open(rt, 'showEditSelectedCustomer');
    await page.locator('#subtitle').filter({ hasText: 'C-000002' }).waitFor();
    expect(await page.locator('#f-name').inputValue()).toBe('Beta GmbH');
    expect(await page.locator('#f-notes').inputValue()).toBe('Call after CNY');
    expect(await page.locator('#f-need_confirmed').isChecked()).toBe(true);
    expect(await page.locator('#intention').textContent()).toBe('Medium');
    await page.close();
  });

  it('an edit sends only the changed fields; someone else’s change meanwhile is shown in the form, and nothing is overwritten', async () => {
    const rt = fresh('en');
    rt.run('saveCustomer', { name: 'Delta SA', phone: '138 0013 8000' });
    const sheet = rt.spreadsheet.getSheetByName('Customers')!;
    rt.spreadsheet.setActiveSheet(sheet);
    rt.spreadsheet.setActiveRange(sheet.getRange('B2'));
    const page = await open(rt, 'showEditSelectedCustomer');
    await page.locator('#subtitle').filter({ hasText: 'C-000001' }).waitFor();
    // Bo saves the phone while Ana has the form open.
    rt.setUser({ email: 'bo@example.com' });
    const bo = rt.run('getCustomerForm', { id: 'C-000001' });
    expect(rt.run('saveCustomer', { phone: '139 9999 0000' }, { ref: { id: 'C-000001' }, version: bo.version })).toMatchObject({ ok: true });
    rt.setUser({ email: 'ana@example.com' });
    await page.locator('#f-notes').fill('Wants a demo');
    await page.locator('button[type=submit]').click();
    await page.locator('.banner.error').waitFor();
    expect(await page.locator('.banner.error').textContent()).toContain('Phone is now “139 9999 0000”');
    expect(await page.locator('#err-phone').textContent()).toBe('Phone is now “139 9999 0000”');
    expect(await page.locator('#f-notes').inputValue()).toBe('Wants a demo'); // what Ana typed is kept
    const phoneCol = customerRows(rt)[0];
    expect(phoneCol).toContain('139 9999 0000');
    expect(phoneCol).not.toContain('Wants a demo');
    // She opens the saved version and makes her change again: it goes in, Bo's phone stays.
    await page.locator('#reload').click();
    await expect.poll(() => page.locator('#f-phone').inputValue()).toBe('139 9999 0000');
    await page.locator('#f-notes').fill('Wants a demo');
    await page.locator('button[type=submit]').click();
    await page.locator('.banner.ok').waitFor();
    expect(customerRows(rt)[0]).toEqual(expect.arrayContaining(['139 9999 0000', 'Wants a demo']));
    await page.close();
  });

  it('asks why a customer was lost when a rep changes the stage to Lost, and not on other saves', async () => {
    const rt = fresh('en');
    rt.run('saveCustomer', { name: 'Gamma AG' });
    const sheet = rt.spreadsheet.getSheetByName('Customers')!;
    rt.spreadsheet.setActiveSheet(sheet);
    rt.spreadsheet.setActiveRange(sheet.getRange('B2'));
    const page = await open(rt, 'showEditSelectedCustomer');
    await page.locator('#subtitle').filter({ hasText: 'C-000001' }).waitFor();
    await page.locator('#f-notes').fill('Budget frozen');
    await page.locator('button[type=submit]').click();
    await page.locator('.banner.ok').waitFor();
    expect(rt.ui.current()?.kind).toBe('sidebar');
    await page.locator('#f-stage').selectOption({ label: 'Lost' });
    await page.locator('button[type=submit]').click();
    await expect.poll(() => rt.ui.current()?.kind).toBe('modal');
    expect(rt.ui.current()?.title).toMatch(/lost/i);
    await page.close();
  });

  it('shows a name that is markup as text', async () => {
    const rt = fresh('en');
    const evil = '<img src=x onerror=alert(1)>';
    rt.run('saveCustomer', { name: evil, phone: '138 0013 8000' });
    const page = await open(rt);
    await page.locator('#f-name').fill('Someone');
    await page.locator('#f-phone').fill('+86 138 0013 8000');
    await page.locator('#save').click();
    await page.locator('#dup .name').waitFor();
    expect(await page.locator('#dup .name').textContent()).toBe(`C-000001 · ${evil}`);
    expect(await page.locator('img').count()).toBe(0);
    await page.locator('.open-existing').click();
    await page.locator('#subtitle').filter({ hasText: 'C-000001' }).waitFor();
    expect(await page.locator('#f-name').inputValue()).toBe(evil);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss)).toBeUndefined();
    await page.close();
  });
});

describe('customer sidebar in Chinese', () => {
  it('validates in Chinese, warns about a same-name customer and saves it as separate only when confirmed', async () => {
    const rt = fresh('zh_CN');
    rt.run('saveCustomer', { name: '上海明远科技有限公司' });
    const page = await open(rt);
    expect(await page.locator('h1').textContent()).toBe('新增客户');
    expect(await page.locator('label[for=f-name]').textContent()).toBe('客户名称*');
    await page.locator('#save').click();
    await page.locator('#err-name').filter({ hasText: '此项为必填。' }).waitFor();
    expect(await page.locator('.banner.error').textContent()).toBe('请修改标红的字段。尚未保存任何内容。');
    await page.locator('#f-name').fill('上海明远科技');
    await page.locator('#f-phone').fill('abc');
    await page.locator('#f-email').click();
    await page.locator('#err-phone').filter({ hasText: '电话号码' }).waitFor();
    await page.locator('#f-phone').fill('021 6234 5678');
    await page.locator('#f-need_confirmed').check();
    expect(await page.locator('#intention').textContent()).toBe('中');
    await page.locator('#save').click();
    await page.locator('#dup .banner.warn').waitFor();
    expect(await page.locator('#dup .banner.warn').textContent()).toContain('该客户可能已经存在');
    expect(await page.locator('#dup .why').textContent()).toBe('公司名称相同');
    await page.screenshot({ path: '/tmp/customer-zh-duplicate.png', fullPage: true });
    expect(customerRows(rt)).toHaveLength(1);
    await page.locator('#save-anyway').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toBe('已保存 C-000002 — 上海明远科技。');
    expect(customerRows(rt)).toHaveLength(2);
    await page.screenshot({ path: '/tmp/customer-zh-saved.png', fullPage: true });
    await page.close();
  });

  it('fits the 300 px sidebar: nothing wider than the page', async () => {
    const rt = fresh('zh_CN');
    const page = await open(rt);
    const overflow = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > document.documentElement.clientWidth + 0.5) out.push(`${el.tagName}#${el.id}`);
      }
      return out;
    });
    expect(overflow).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: '/tmp/customer-zh-form.png', fullPage: true });
    await page.close();
  });
});

describe('"I am …" sidebar', () => {
  it('lets a user whose e-mail Google hides pick themselves', async () => {
    const rt = fresh('en', '');
    // Issue 13: with the e-mail hidden, only reps listed without an e-mail are offered.
    const settings = rt.spreadsheet.getSheets().find((s) => ['Settings', '设置'].includes(s.getName()))!;
    const h = settings.getRange(1, 1, 1, settings.getLastColumn()).getValues()[0].map(String);
    settings.getRange(4, h.indexOf('Team member') + 1, 1, 3).setValues([['Cy Lin', '', 'Rep']]);
    const { page } = await openShownPage(browser, rt, 'showIdentity');
    await page.locator('#f-me').waitFor();
    expect(await page.locator('#google').textContent()).toContain('did not share');
    expect(await page.locator('#f-me option').allTextContents()).toEqual([expect.any(String), 'Cy Lin']);
    await page.locator('#f-me').selectOption({ label: 'Cy Lin' });
    await page.locator('#save').click();
    await page.locator('.banner.ok').waitFor();
    expect(rt.run('whoAmI')).toMatchObject({ name: 'Cy Lin' });
    await page.close();
  });
});
