import { describe, expect, it } from 'vitest';
import { createMailApp, emptyMailState, MAIL_QUOTA_MESSAGE } from '../../src/local/runtime/services/mail';
import { makeCtx } from './runtime-services-helpers';

describe('MailApp', () => {
  it('decrements the quota per recipient, throws when exhausted and resets 24 h after the first send', () => {
    const { ctx, clock } = makeCtx();
    const { MailApp, control } = createMailApp(ctx, emptyMailState(5));
    expect(MailApp.getRemainingDailyQuota()).toBe(5);
    MailApp.sendEmail('a@example.com', 'Hi', 'Body');
    expect(MailApp.getRemainingDailyQuota()).toBe(4);
    clock.advance(3600_000);
    MailApp.sendEmail({ to: 'b@example.com, c@example.com', cc: 'd@example.com', subject: 'S', htmlBody: '<b>x</b>' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail({ to: 'e@example.com', bcc: 'f@example.com', subject: 'S', body: '' })).toThrow(MAIL_QUOTA_MESSAGE);
    expect(MAIL_QUOTA_MESSAGE).toBe('Service invoked too many times for one day: email.');
    expect(control.outbox).toHaveLength(2);
    clock.advance(23 * 3600_000 - 1); // 24 h after the first send minus 1 ms
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    clock.advance(1);
    expect(MailApp.getRemainingDailyQuota()).toBe(5);
  });

  it('records the outbox with sender and time, validates addresses, quota is per user', () => {
    const { ctx, clock, setUser } = makeCtx();
    const { MailApp, control } = createMailApp(ctx, emptyMailState(2));
    MailApp.sendEmail('Zhang Wei <wei@example.cn>', 'Survey', 'Please rate us', { name: 'Sales Desk', replyTo: 'ana@example.com' });
    expect(control.outbox[0]).toMatchObject({
      from: 'ana@example.com',
      to: ['wei@example.cn'],
      subject: 'Survey',
      name: 'Sales Desk',
      replyTo: 'ana@example.com',
      sentAtMs: clock.nowMs(),
    });
    expect(() => MailApp.sendEmail('xyz', 'S', 'B')).toThrow('Invalid email: xyz');
    expect(() => MailApp.sendEmail({ to: '', subject: 'S', body: 'B' })).toThrow('Failed to send email: no recipient');
    setUser({ email: 'bo@example.com', locale: 'en' });
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
  });
});
