/**
 * Late complaints reach their owner: Today lists them, the daily digest carries them, and the
 * managers' escalation stops cleanly at an exhausted e-mail quota and continues the next day
 * without sending anything twice.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getList } from '../../src/core/lists';
import { writeByKey } from './objections-fixture';

const H = 3600_000;
const D = 24 * H;
const role = (k: string) => getList('role').items.find((i) => i.key === k)!.label.en;

function world(opts: { mailQuota?: number } = {}): LocalRuntime {
  const rt = createLocalRuntime({
    user: 'ana@example.com',
    locale: 'en_US',
    timeZone: 'Asia/Shanghai',
    now: new Date('2026-03-03T23:30:00Z'),
    mailQuota: opts.mailQuota,
  });
  rt.run('setupWorkbook');
  writeByKey(rt, 'settings', 2, [
    { team_name: 'Ana Wu', team_email: 'ana@example.com', team_role: role('rep') },
    { team_name: '李雷', team_email: 'li@example.com', team_role: role('rep') },
    { team_name: 'Sam Boss', team_email: 'boss@example.com', team_role: role('manager') },
    { team_name: 'Kim Lead', team_email: 'kim@example.com', team_role: role('manager') },
  ]);
  const now = rt.clock.nowMs();
  const c = (i: number, owner: string, receivedAgo: number, extra: Record<string, unknown> = {}) => ({
    complaint_id: `CP-${String(i).padStart(6, '0')}`,
    customer_id: `C-00000${i}`,
    customer_name: `Customer <b>${i}</b>`,
    received_at: new Date(now - receivedAgo),
    category: 'Service',
    severity: 'High',
    words: `Nobody called back ${i}`,
    owner,
    ...extra,
  });
  writeByKey(rt, 'complaints', 2, [
    c(1, 'Ana Wu', 30 * H), // first response overdue
    c(2, 'Ana Wu', 2 * H), // not yet due
    c(3, 'Ana Wu', 3 * D, { first_response_at: new Date(now - 2 * D) }), // answered; resolution (2 days, high) overdue
    c(4, '李雷', 26 * H), // first response overdue
    c(5, '李雷', 40 * H, { first_response_at: new Date(now - 39 * H), closed_at: new Date(now - 30 * H) }), // closed
  ]);
  return rt;
}

type Extra = { kind: string; id: string; text: string };

describe('late complaints for their owner', () => {
  it('show in the owner’s Today, the oldest due first; a manager sees the team’s', () => {
    const rt = world();
    const mine = (rt.run('getTodayView') as { model: { extras: Extra[] } }).model.extras.filter((e) => e.kind === 'complaint');
    expect(mine.map((e) => e.id)).toEqual(['CP-000003', 'CP-000001']);
    expect(mine[1].text).toBe('Complaint waiting for a first response: Nobody called back 1');
    expect(mine[0].text).toBe('Complaint past its resolution target: Nobody called back 3');
    rt.setUser({ email: 'boss@example.com' });
    const all = (rt.run('getTodayView') as { model: { extras: Extra[] } }).model.extras.filter((e) => e.kind === 'complaint');
    expect(all.map((e) => e.id).sort()).toEqual(['CP-000001', 'CP-000003', 'CP-000004']);
  });

  it('are in the owner’s daily digest', () => {
    const rt = world({ mailQuota: 100 });
    rt.setUser({ email: 'boss@example.com' });
    rt.run('turnOnReminders');
    rt.clock.advance(H); // 08:30 in Shanghai, the reminder hour has passed
    rt.fireTrigger('dispatch_');
    const digest = rt.mail.outbox.filter((m) => m.to.join() === 'ana@example.com');
    expect(digest).toHaveLength(1);
    expect(digest[0].body).toContain('Complaints waiting (2)');
    expect(digest[0].body).toContain('Customer <b>1</b>: Complaint waiting for a first response: Nobody called back 1');
    expect(digest[0].htmlBody).toContain('Customer &lt;b&gt;1&lt;/b&gt;');
  });

  it('escalate to the managers once each; an exhausted quota stops the job and the next day continues', () => {
    // Each escalation goes to both managers: two of the quota. Three leaves room for one; the
    // dispatcher runs the escalations before the daily digests, so the digests never starve them.
    const rt = world({ mailQuota: 3 });
    const escalations = () => rt.mail.outbox.filter((m) => /still has no response/.test(m.subject));
    // The hourly dispatcher runs only as its own trigger's execution (issue 13): a manager turns it on.
    rt.setUser({ email: 'boss@example.com' });
    rt.run('turnOnReminders');
    rt.fireTrigger('dispatch_');
    expect(escalations().map((m) => [m.subject, m.to.join()])).toEqual([
      ['Complaint from Customer <b>1</b> still has no response (CP-000001)', 'boss@example.com,kim@example.com'],
    ]);
    expect(escalations()[0].htmlBody).not.toContain('<b>1');
    rt.clock.advance(H);
    rt.fireTrigger('dispatch_');
    expect(escalations()).toHaveLength(1);
    // The following days: at most one escalation a day fits; the job goes on day by day, longest
    // waiting first (CP-000002 is late by then too), and never sends one twice.
    let days = 0;
    while (escalations().length < 3 && days < 6) {
      rt.clock.advance(D);
      rt.fireTrigger('dispatch_');
      rt.fireTrigger('dispatch_');
      days++;
      expect(escalations().length).toBeLessThanOrEqual(1 + days);
    }
    expect(escalations().map((m) => /CP-\d+/.exec(m.subject)![0])).toEqual(['CP-000001', 'CP-000004', 'CP-000002']);
    expect(days).toBeGreaterThanOrEqual(2);
  });
});
