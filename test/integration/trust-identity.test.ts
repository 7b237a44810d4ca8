/**
 * Issue 13, "Privilege": roles from Google's word. Each test is named after the defect it
 * holds shut; each failed on the code before the fix.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { H, role, rowsOf, teamWorld } from './trust-fixture';

/** A manager, two reps with e-mails (one cell holding two addresses) and one rep listed without one. */
function world(): LocalRuntime {
  return teamWorld(
    [
      { team_name: 'Ana Wu', team_email: 'ana@example.com', team_role: role('rep') },
      { team_name: 'Cy Lin', team_email: '', team_role: role('rep') },
      { team_name: 'Eve Ng', team_email: 'eve@example.com, eve@outside.example', team_role: role('rep') },
      { team_name: 'Sam Boss', team_email: 'boss@example.com', team_role: role('manager') },
    ],
    ['Ana Wu', 'Eve Ng'],
  );
}

const docProps = (rt: LocalRuntime) => rt.save().services.properties.document;

describe('"I am …" lets anyone become the manager', () => {
  it('a rep Google identifies, an outside editor and a hidden e-mail can no longer claim the manager', () => {
    const rt = world();
    rt.setUser({ email: 'ana@example.com', key: 'ana' });
    expect(() => rt.run('setWhoIAm', 'boss@example.com')).toThrow('Google says you are ana@example.com');
    expect((rt.run('getIdentityInfo') as { team: { name: string }[] }).team.map((m) => m.name)).toEqual(['Ana Wu']);

    rt.setUser({ email: 'stranger@example.com', key: 'stranger' });
    expect(() => rt.run('setWhoIAm', 'Sam Boss')).toThrow('no member of the team list');
    expect((rt.run('getIdentityInfo') as { team: unknown[] }).team).toEqual([]);

    rt.setUser({ email: '', key: 'hidden' });
    expect(() => rt.run('setWhoIAm', 'Sam Boss')).toThrow('only choose a rep listed without one');
    expect(() => rt.run('setWhoIAm', 'ana@example.com')).toThrow('only choose a rep listed without one');
    expect((rt.run('getIdentityInfo') as { team: { name: string }[] }).team.map((m) => m.name)).toEqual(['Cy Lin']);
    expect(rt.run('setWhoIAm', 'Cy Lin')).toMatchObject({ name: 'Cy Lin', role: 'rep' });
  });

  it('a manager choice remembered from before counts for nothing; manager actions say how to get recognised', () => {
    const rt = world();
    rt.setUser({ email: '', key: 'hidden' });
    // What an earlier version let a user store: "I am" the manager.
    rt.run('setMyLanguage', 'en');
    const saved = rt.save();
    saved.services.properties.user.hidden['salesdesk.me'] = 'boss@example.com';
    const again = createLocalRuntime({ saved, user: '', locale: 'en_US', timeZone: 'Asia/Shanghai' });
    again.setUser({ email: '', key: 'hidden' });
    expect(again.run('whoAmI')).toBeNull();
    expect(again.run('turnOnReminders')).toBe('denied');
    expect(JSON.stringify(again.ui.alerts().at(-1))).toContain('Google did not share your e-mail address');
    const today = again.run('getTodayView', '*') as { isManager: boolean; shown: string };
    expect(today).toMatchObject({ isManager: false, shown: '' });
    // Snoozing someone's follow-up: refused, saying who is missing, and nothing written.
    const before = again.workbook.values(getTab('followups').name.en);
    const snooze = again.run('snoozeFollowUp', { id: 'F-000001', day: '2026-03-10', reason: 'x' }) as { ok: boolean; message: string };
    expect(snooze).toMatchObject({ ok: false, message: expect.stringContaining('I am') });
    expect(again.workbook.values(getTab('followups').name.en)).toEqual(before);
  });

  it('rows record who wrote them as Google reports them, never the member someone claimed', () => {
    const rt = world();
    rt.setUser({ email: '', key: 'hidden' });
    rt.run('setWhoIAm', 'Cy Lin');
    expect(rt.run('saveCustomer', { name: 'Claimed Ltd' })).toMatchObject({ ok: true });
    rt.setUser({ email: 'stranger@example.com', key: 'stranger' });
    expect(rt.run('saveCustomer', { name: 'Outside Ltd', owner: 'Ana Wu' })).toMatchObject({ ok: true });
    rt.setUser({ email: 'ana@example.com', key: 'ana' });
    expect(rt.run('saveCustomer', { name: 'Ana Ltd' })).toMatchObject({ ok: true });
    expect(rowsOf(rt, 'customers').map((r) => r.created_by)).toEqual(['Cy Lin (not confirmed by Google)', 'stranger@example.com', 'Ana Wu']);
  });
});

describe('Claiming another rep rewrites that rep’s remembered language', () => {
  it('only the member Google identifies sets the language their digest comes in', () => {
    const rt = world();
    rt.setUser({ email: 'ana@example.com', key: 'ana', locale: 'zh_CN' });
    rt.run('getTodayView');
    expect(docProps(rt)['salesdesk.lang.ana@example.com']).toBe('zh');
    // Someone whose e-mail Google hides, working in English, tries to be Ana, then claims Cy.
    rt.setUser({ email: '', key: 'hidden', locale: 'en_US' });
    expect(() => rt.run('setWhoIAm', 'Ana Wu')).toThrow();
    rt.run('getTodayView');
    rt.run('setWhoIAm', 'Cy Lin');
    rt.run('getTodayView');
    const props = docProps(rt);
    expect(props['salesdesk.lang.ana@example.com']).toBe('zh');
    expect(Object.keys(props).filter((k) => k.startsWith('salesdesk.lang.'))).toEqual(['salesdesk.lang.ana@example.com']);
  });
});

describe('A team e-mail cell holding two addresses sends to the outside address', () => {
  it('is refused: no digest goes to either address, the log says why, and nobody is recognised by it', () => {
    const rt = world();
    rt.run('turnOnReminders');
    rt.clock.advance(H);
    rt.fireDueTriggers();
    const to = rt.mail.outbox.flatMap((m) => m.to);
    expect(to).toEqual(['ana@example.com']);
    expect(rowsOf(rt, 'reminder_log').find((r) => r.rep === 'Eve Ng')).toMatchObject({ email: '' });
    rt.setUser({ email: 'eve@outside.example', key: 'eve' });
    expect(rt.run('whoAmI')).toBeNull();
  });
});

describe('`dispatch` is callable from any editor’s browser console', () => {
  it('is private, and does nothing unless it is its own trigger’s execution', () => {
    const rt = world();
    rt.run('turnOnReminders');
    rt.clock.advance(H); // 08:30: the digests are due
    rt.setUser({ email: 'ana@example.com', key: 'ana' });
    expect(rt.isEntryPoint('dispatch')).toBe(false);
    expect(rt.rpc('dispatch_' as never, '[]')).toMatchObject({ ok: false });
    // From the console or the Run button: no event, or a forged one.
    expect(() => rt.run('dispatch_')).toThrow('runs only from its own hourly trigger');
    expect(() => rt.run('dispatch_', { triggerUid: rt.triggers.state.triggers[0].uid })).toThrow('runs only from its own hourly trigger');
    rt.setUser({ email: 'boss@example.com', key: 'boss@example.com' });
    expect(() => rt.run('dispatch_', { triggerUid: '12345' })).toThrow('runs only from its own hourly trigger');
    expect(rt.mail.outbox).toHaveLength(0);
    expect(Object.keys(docProps(rt)).filter((k) => k.startsWith('salesdesk.reminders.day.'))).toEqual([]);
    // The manager's trigger then does the day's work, from the manager's account.
    expect(rt.fireDueTriggers()).toEqual([{ handler: 'dispatch_', ok: true }]);
    expect(rt.mail.outbox.map((m) => [m.from, m.to.join()])).toEqual([['boss@example.com', 'ana@example.com']]);
  });
});
