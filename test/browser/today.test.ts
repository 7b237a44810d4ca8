/**
 * The Today sidebar in Chromium, over the google.script.run bridge: a rep's view in English
 * (overdue / due today / next 7 days, snooze with a reason, "done" opening the log form
 * pre-filled), the manager's view in Chinese (pick a rep or the whole team), empty states.
 * Screenshots go to /tmp/today-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { launchChromium, openHtml, openShownPage } from '../../src/local/browser-harness';
import { getList } from '../../src/core/lists';
import { writeByKey } from '../integration/objections-fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const D = 86_400_000;
const TEAM = [
  { team_name: 'Ana Wu', team_email: 'ana@example.com', role: 'rep' },
  { team_name: '李雷', team_email: 'li@example.com', role: 'rep' },
  { team_name: 'Sam Boss', team_email: 'boss@example.com', role: 'manager' },
];

function team(locale: 'en' | 'zh') {
  return TEAM.map((m) => ({ team_name: m.team_name, team_email: m.team_email, team_role: getList('role').items.find((i) => i.key === m.role)!.label[locale] }));
}

/** A workbook whose clock is 10:00 on a Wednesday in Shanghai, with follow-ups around it. */
function world(locale: 'en' | 'zh', user: string): LocalRuntime {
  const rt = createLocalRuntime({ user, locale: locale === 'zh' ? 'zh_CN' : 'en_US', timeZone: 'Asia/Shanghai', now: new Date('2026-03-04T02:00:00Z') });
  rt.run('setupWorkbook');
  writeByKey(rt, 'settings', 2, team(locale), locale);
  const purpose = (k: string) => getList('purpose').items.find((i) => i.key === k)!.label[locale];
  writeByKey(
    rt,
    'customers',
    2,
    [
      { customer_id: 'C-000001', name: 'Acme Trading', owner: 'Ana Wu' },
      { customer_id: 'C-000002', name: '<img src=x onerror=alert(1)>', owner: 'Ana Wu' },
      { customer_id: 'C-000003', name: '华为技术', owner: '李雷' },
    ],
    locale,
  );
  const now = rt.clock.nowMs();
  writeByKey(
    rt,
    'followups',
    2,
    [
      {
        followup_id: 'F-000001',
        customer_id: 'C-000001',
        customer_name: 'Acme Trading',
        owner: 'Ana Wu',
        purpose: purpose('needs_research'),
        planned_at: new Date(now - 2 * D),
        next_step: 'Send the quote',
        rule: 'high',
      },
      {
        followup_id: 'F-000002',
        customer_id: 'C-000002',
        customer_name: '<img src=x onerror=alert(1)>',
        owner: 'Ana Wu',
        purpose: purpose('presentation'),
        planned_at: new Date(now + 3600_000),
      },
      {
        followup_id: 'F-000003',
        customer_id: 'C-000001',
        customer_name: 'Acme Trading',
        owner: 'Ana Wu',
        purpose: purpose('return_visit'),
        planned_at: new Date(now + 3 * D),
      },
      {
        followup_id: 'F-000004',
        customer_id: 'C-000003',
        customer_name: '华为技术',
        owner: '李雷',
        purpose: purpose('negotiation'),
        planned_at: new Date(now - 5 * D),
      },
      {
        followup_id: 'F-000005',
        customer_id: 'C-000001',
        customer_name: 'Acme Trading',
        owner: 'Ana Wu',
        purpose: purpose('first_contact'),
        planned_at: new Date(now - 9 * D),
        done_at: new Date(now - 8 * D),
      },
    ],
    locale,
  );
  return rt;
}

const names = (page: import('playwright-core').Page, section: string) => page.locator(`section.${section} .item .name`).allTextContents();

describe('Today sidebar in Chromium', () => {
  it('shows a rep their own overdue, due-today and upcoming follow-ups in English; snooze needs a reason; done opens the log form', async () => {
    const rt = world('en', 'ana@example.com');
    const { page } = await openShownPage(browser, rt, 'showToday');
    await page.locator('section.overdue').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Today');
    expect(await page.locator('#picker').isHidden()).toBe(true);
    expect(await page.locator('#date').textContent()).toBe('2026-03-04');
    expect(await names(page, 'overdue')).toEqual(['Acme Trading C-000001']);
    expect(await names(page, 'today')).toEqual(['<img src=x onerror=alert(1)> C-000002']); // a name, not markup
    expect(await page.locator('img').count()).toBe(0);
    expect(await names(page, 'upcoming')).toEqual(['Acme Trading C-000001']);
    expect(await page.locator('section.overdue .late').textContent()).toBe('2 d late');
    expect(await page.locator('section.overdue .step').textContent()).toBe('Send the quote');
    await page.screenshot({ path: '/tmp/today-rep-en.png', fullPage: true });

    // Snooze: a reason is required, then the item moves to the chosen day.
    await page.locator('section.overdue .snooze-open').click();
    await page.locator('.snooze-save').click();
    await page.locator('.snooze .error').waitFor();
    expect(await page.locator('.snooze .error').textContent()).toBe('Say why it moves.');
    await page.locator('[id="snooze-reason-F-000001"]').fill('Customer travelling until Friday');
    await page.locator('[id="snooze-day-F-000001"]').fill('2026-03-06');
    await page.locator('.snooze-save').click();
    await page.locator('.banner.ok').waitFor();
    expect(await page.locator('.banner.ok').textContent()).toBe('Moved to 2026-03-06.');
    expect(await names(page, 'overdue')).toEqual([]);
    expect(await page.locator('section.overdue .empty').textContent()).toBe('Nothing overdue.');
    expect(await names(page, 'upcoming')).toEqual(['Acme Trading C-000001', 'Acme Trading C-000001']);
    expect(await page.locator('section.upcoming .snoozed').first().textContent()).toContain('Customer travelling until Friday');

    // Done: the log form replaces Today, pre-filled for that follow-up.
    await page.locator('section.today .done').click();
    await expect.poll(() => rt.ui.current()?.html.includes('data-followup="F-000002"')).toBe(true);
    await page.close();
    const form = await openHtml(browser, rt, rt.ui.current()!.html);
    await form.page.locator('#completing:not([hidden])').waitFor();
    expect(await form.page.locator('#completing').textContent()).toBe('Completing the follow-up F-000002 planned for 2026-03-04.');
    expect(await form.page.locator('#chosen .who').textContent()).toContain('<img src=x onerror=alert(1)> (C-000002)');
    await form.page.selectOption('#channel', { label: 'Phone' });
    await form.page.locator('#save').click();
    await form.page.locator('.field[data-field="summary"] .error').waitFor();
    expect(await form.page.locator('.field[data-field="summary"] .error').textContent()).toBe('Write what was said and agreed.');
    expect(await form.page.locator('#channel').inputValue()).toBe('Phone'); // what was typed stays
    await form.page.locator('#summary').fill('Presented the plan; they liked it.');
    await form.page.screenshot({ path: '/tmp/followup-form-en.png', fullPage: true });
    await form.page.locator('#save').click();
    // Saved: straight back to Today (no trip through the menu), with the save's message, at the item that came next.
    await expect.poll(() => rt.ui.current()?.title).toBe('Today');
    await form.page.close();
    const again = await openHtml(browser, rt, rt.ui.current()!.html);
    await again.page.locator('section.today').waitFor();
    expect(await again.page.locator('.banner.ok').textContent()).toMatch(/^Saved as F-000002\. Next follow-up planned for \d{4}-\d{2}-\d{2}/);
    expect(await names(again.page, 'today')).toEqual([]);
    expect(await again.page.locator('article.here').count()).toBeLessThanOrEqual(1);
    // Groups fold and unfold.
    await again.page.locator('section.upcoming h2 .toggle').click();
    expect(await again.page.locator('section.upcoming .item').first().isVisible()).toBe(false);
    await again.page.locator('section.upcoming h2 .toggle').click();
    expect(await again.page.locator('section.upcoming .item').first().isVisible()).toBe(true);
    await again.page.screenshot({ path: '/tmp/today-after-done-en.png', fullPage: true });
    await again.page.close();
  });

  it('lets the manager pick a rep or the whole team, in Chinese', async () => {
    const rt = world('zh', 'boss@example.com');
    const { page } = await openShownPage(browser, rt, 'showToday');
    await page.locator('#picker:not([hidden])').waitFor();
    expect(await page.locator('h1').textContent()).toBe('今日跟进');
    // A manager opens on the whole team.
    expect(await page.locator('#rep').inputValue()).toBe('*');
    expect(await page.locator('#rep option').allTextContents()).toEqual(['整个团队', 'Ana Wu', '李雷', 'Sam Boss（我）']);
    await page.locator('section.overdue .item').first().waitFor();
    expect(await names(page, 'overdue')).toEqual(['华为技术 C-000003', 'Acme Trading C-000001']);
    expect(await page.locator('section.overdue .meta').allTextContents()).toContain('谈判 · 计划 2026-02-27 · 负责人：李雷 · 逾期 5 天');
    expect(await page.locator('section.overdue h2').textContent()).toBe('已逾期2');
    // Counts per rep at the top, from the same rows as the lists; each opens that rep's list.
    expect(await page.locator('#counts .rep-count').allTextContents()).toEqual([
      'Ana Wu逾期 1今天到期 1未来 7 天 1待答复异议 0',
      '李雷逾期 1今天到期 0未来 7 天 0待答复异议 0',
      'Sam Boss逾期 0今天到期 0未来 7 天 0待答复异议 0',
    ]);
    await page.screenshot({ path: '/tmp/today-manager-zh.png', fullPage: true });
    await page.locator('#counts .rep-count[data-rep="Ana Wu"]').click();
    await expect.poll(() => page.locator('#rep').inputValue()).toBe('Ana Wu');
    expect(await page.locator('#counts').isHidden()).toBe(true);
    expect(await names(page, 'overdue')).toEqual(['Acme Trading C-000001']);
    await page.selectOption('#rep', '*');
    await page.locator('#counts .rep-count').first().waitFor();
    await page.selectOption('#rep', '李雷');
    await expect.poll(() => names(page, 'overdue')).toEqual(['华为技术 C-000003']);
    expect(await names(page, 'today')).toEqual([]);
    expect(await page.locator('section.today .empty').textContent()).toBe('今天没有到期的跟进。');
    // The manager owns nothing: their own view says what to do next.
    await page.selectOption('#rep', { label: 'Sam Boss（我）' });
    await expect.poll(() => page.locator('.clear').textContent()).toContain('没有逾期或今天到期的跟进');
    await page.close();
  });

  it('asks who you are when Google’s e-mail is not on the team list', async () => {
    const rt = world('en', 'stranger@example.com');
    const { page } = await openShownPage(browser, rt, 'showToday');
    await page.locator('#iam').waitFor();
    expect(await page.locator('.banner.warn').textContent()).toContain('Tell Sales Desk who you are');
    await page.locator('#iam').click();
    await expect.poll(() => rt.ui.current()?.title).toBe('I am…');
    await page.close();
  });
});
