import { describe, expect, it } from 'vitest';
import { surveyInvitationMail, surveyReminderMail, recoveryAlertMail, lowScoreText, type SurveyMailInput } from '../../src/core/survey';
import { at } from './bilingual-helpers';

const LINK = 'https://docs.google.com/forms/d/e/abc/viewform?usp=pp_url&entry.7=K7QM-3XZT-9PAH';
const base: SurveyMailInput = {
  to: 'wang@example.com',
  locale: 'en',
  kind: 'after_delivery',
  name: 'Wang Fang',
  team: 'Acme Sales',
  sender: 'Ana Li',
  link: LINK,
  code: 'K7QM-3XZT-9PAH',
  expiresDay: '2026-03-15',
};
const EVIL = '<img src=x onerror=alert(1)>';

/** Text of the HTML body as a mail app would show it (tags out, entities decoded). */
const shown = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('survey e-mails to customers', () => {
  it('the invitation carries the personal link, the code, the expiry and the opt-out, in English', () => {
    const m = surveyInvitationMail(base);
    expect(m.to).toBe('wang@example.com');
    expect(m.subject).toBe('How is it going? Two minutes for Acme Sales');
    expect(m.body).toContain('Dear Wang Fang,');
    expect(m.body).toContain(LINK);
    expect(m.body).toContain('K7QM-3XZT-9PAH');
    expect(m.body).toContain('2026-03-15');
    expect(m.body).toMatch(/reply to this e-mail/);
    expect(m.htmlBody).toContain(`href="${LINK.replace(/&/g, '&amp;')}"`);
    expect(shown(m.htmlBody)).toContain('Answer the survey');
    expect(m.htmlBody.match(/<a /g)).toHaveLength(1);
  });

  it('in Chinese, and a regular survey reads differently from the after-delivery one', () => {
    const zh = surveyInvitationMail({ ...base, locale: 'zh', kind: 'relationship' });
    expect(zh.subject).toBe('Acme Sales想听听您对我们的评价');
    expect(zh.body).toContain('Wang Fang，您好：');
    expect(shown(zh.htmlBody)).toContain('填写问卷');
    expect(zh.body).toContain(`打开问卷：${LINK}`);
    expect(zh.body).toContain('请保持原样');
    expect(zh.body).not.toMatch(/Dear|survey/);
    expect(surveyInvitationMail({ ...base, kind: 'relationship' }).body).not.toBe(surveyInvitationMail(base).body);
  });

  it('the reminder repeats the same link with its own subject and opening', () => {
    const r = surveyReminderMail(base);
    expect(r.subject).toMatch(/reminder/i);
    expect(r.body).toContain(LINK);
    expect(r.body).toMatch(/A few days ago/);
    expect(surveyReminderMail({ ...base, locale: 'zh' }).body).toMatch(/几天前/);
  });

  it('greets without a name when there is none', () => {
    expect(surveyInvitationMail({ ...base, name: '  ' }).body.startsWith('Hello,')).toBe(true);
  });

  it('escapes every value from the sheet in the HTML body', () => {
    const m = surveyInvitationMail({ ...base, name: EVIL, team: `Acme & "Sons" <b>`, sender: `O'Neil</p><script>x()</script>` });
    expect(m.htmlBody).not.toMatch(/<img|<script|<b>/);
    expect(shown(m.htmlBody)).toContain(EVIL);
    expect(shown(m.htmlBody)).toContain(`Acme & "Sons" <b>`);
    expect(m.body).toContain(EVIL); // plain text stays as typed
  });

  it('refuses a link that is not https', () => {
    for (const link of ['javascript:alert(1)', 'http://example.com/form', 'https://x.com/" onmouseover="y']) {
      expect(() => surveyInvitationMail({ ...base, link }), link).toThrow(/https/);
    }
  });
});

describe('low-score alert to the owner', () => {
  const TZ = 'Asia/Shanghai';
  const reasons = [{ kind: 'score', item: 'response_speed', score: 2 } as const, { kind: 'unsatisfied' } as const, { kind: 'detractor', score: 4 } as const];

  it('lists the reasons in the owner’s language with the due time in the sheet’s zone', () => {
    const m = recoveryAlertMail({
      to: 'ana@example.com',
      locale: 'en',
      customer: 'Huaxin Ltd',
      reasons,
      suggestions: 'Too slow',
      dueAt: at('2026-03-04 15:00', TZ),
      timeZone: TZ,
    });
    expect(m.subject).toBe('Low survey score from Huaxin Ltd: please get in touch by 2026-03-04 15:00');
    expect(m.body).toContain('- Response speed: 2 of 5');
    expect(m.body).toContain('- Overall: unsatisfied');
    expect(m.body).toContain('- Would recommend: 4 of 10');
    expect(m.body).toContain('What they wrote: Too slow');
    const zh = recoveryAlertMail({
      to: 'ana@example.com',
      locale: 'zh',
      customer: '华信',
      reasons,
      suggestions: '',
      dueAt: at('2026-03-04 15:00', TZ),
      timeZone: TZ,
    });
    expect(zh.body).toContain('响应速度：2 分');
    expect(zh.body).not.toContain('客户的原话');
    expect(lowScoreText({ kind: 'score', item: 'dim_courtesy', score: 1 }, 'zh')).toBe('礼貌：1 分（满分 5 分）');
  });

  it('escapes what the customer wrote', () => {
    const m = recoveryAlertMail({ to: 'a@example.com', locale: 'en', customer: EVIL, reasons, suggestions: '=IMPORTXML("<x>")', dueAt: 0, timeZone: TZ });
    expect(m.htmlBody).not.toContain('<img');
    expect(m.htmlBody).not.toContain('<x>');
    expect(shown(m.htmlBody)).toContain('=IMPORTXML("<x>")');
  });
});
