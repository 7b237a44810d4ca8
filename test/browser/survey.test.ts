/**
 * The Send survey sidebar in Chromium over the google.script.run bridge, in English and in
 * Chinese: the counts before sending, the skipped list with reasons (a name that looks like HTML
 * shown as text), the e-mail preview per language, Send with its progress while the batches run,
 * and the quota running out. The e-mail as a customer sees it is saved as docs/survey-email.png
 * (shown in the README), the sidebar as docs/survey-sidebar.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openHtml, openShownPage } from '../../src/local/browser-harness';
import { surveyWorkbook, type CustomerSpec } from '../integration/survey-fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function customers(n: number, language: 'en' | 'zh'): CustomerSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    deliveredDaysAgo: 40,
    language: i % 4 === 3 ? (language === 'en' ? 'zh' : 'en') : language,
    ...(i === 0 ? { email: '', name: '<img src=x onerror=alert(1)>' } : {}),
    ...(i === 1 ? { doNotSurvey: true } : {}),
  }));
}

/** Records every text the progress line shows (the page replaces it after each batch). */
const watchProgress = `(() => { window.__progress = []; new MutationObserver(() => { const l = document.getElementById('progress-line'); if (l && window.__progress.at(-1) !== l.textContent) window.__progress.push(l.textContent); }).observe(document.getElementById('progress'), { childList: true, subtree: true }); })()`;

describe('Send survey sidebar', () => {
  it('English: counts, skipped with reasons, preview, Send with progress; the e-mail as the customer sees it', async () => {
    const fx = surveyWorkbook({ customers: customers(62, 'en') });
    fx.rt.run('createSurveyForms');
    const { page } = await openShownPage(browser, fx.rt, 'showSendSurvey');
    await page.locator('#counts').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Send survey');
    const counts = await page.locator('#counts span').allTextContents();
    expect(counts.slice(0, 2)).toEqual(['After delivery', '60']);
    expect(counts.slice(6, 8)).toEqual(['Skipped', '2']);
    await page.locator('#skipped summary').click();
    const skipped = await page.locator('#skipped li').allTextContents();
    expect(skipped).toEqual(['<img src=x onerror=alert(1)>No e-mail address', 'Customer 2Marked “do not survey”']);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('details.preview').count()).toBe(2);
    expect(await page.locator('details.preview[data-language="en"] .subject').textContent()).toMatch(/Two minutes for/);
    await page.locator('details.preview[data-language="en"] summary').click();
    await page.screenshot({ path: 'docs/survey-sidebar.png', fullPage: true });
    await page.evaluate(watchProgress);
    await page.locator('#send').click();
    await page.locator('#progress .banner.ok').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(seen).toEqual(['Sent 25 · queued 35 · failed 0', 'Sent 50 · queued 10 · failed 0', 'Sent 60 · queued 0 · failed 0']);
    expect(await page.locator('#progress .banner.ok').textContent()).toBe('Done: every queued survey has gone.');
    expect(fx.rt.mail.outbox).toHaveLength(60);
    // The e-mail a customer gets, as their mail program shows it.
    const mail = fx.rt.mail.outbox.find((m) => m.to.includes('c3@example.org'))!;
    const opened = await openHtml(browser, fx.rt, `<!doctype html><meta charset="utf-8"><body style="margin:24px">${mail.htmlBody}</body>`, 640);
    await opened.page.screenshot({ path: 'docs/survey-email.png', fullPage: true });
    expect(await opened.page.locator('a').first().textContent()).toBe('Answer the survey');
    expect(await opened.page.locator('a').first().getAttribute('href')).toMatch(
      /^https:\/\/docs\.google\.com\/forms\/d\/e\/.+usp=pp_url&entry\.\d+=[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/,
    );
  }, 120_000);

  it('Chinese: the texts in Chinese, and the quota running out mid-send says the rest goes tomorrow', async () => {
    const fx = surveyWorkbook({ locale: 'zh', customers: customers(42, 'zh'), mailQuota: 30 });
    fx.rt.run('createSurveyForms');
    const { page } = await openShownPage(browser, fx.rt, 'showSendSurvey');
    await page.locator('#counts').waitFor();
    expect(await page.locator('h1').textContent()).toBe('发送满意度问卷');
    expect(await page.locator('#quota').textContent()).toBe('今日剩余邮件额度：30');
    await page.locator('#skipped summary').click();
    expect(await page.locator('#skipped li .why').allTextContents()).toEqual(['没有邮箱地址', '已标记为“不接受调查”']);
    expect(await page.locator('details.preview[data-language="zh"] .subject').textContent()).toMatch(/请花两分钟/);
    await page.evaluate(watchProgress);
    await page.locator('#send').click();
    await page.locator('#progress .banner.warn').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(seen).toEqual(['已发送 25 · 排队中 15 · 失败 0', '已发送 30 · 排队中 10 · 失败 0']);
    expect(await page.locator('#progress .banner.warn').textContent()).toBe('今日邮件额度已用完：10 份继续排队，明天由每小时任务自动发送。');
    await page.screenshot({ path: '/tmp/survey-sidebar-zh.png', fullPage: true });
  }, 120_000);
});
