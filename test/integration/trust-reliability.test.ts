/**
 * Issue 13, "Reliability": reminders that survive their installer, and Settings read within
 * their bounds. Each test is named after the defect it holds shut; each failed on the code
 * before the fix.
 */
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { D, H, role, rowsOf, teamWorld } from './trust-fixture';

/** Two managers, one rep with a follow-up overdue. */
function world(): LocalRuntime {
  return teamWorld(
    [
      { team_name: 'Ana Wu', team_email: 'ana@example.com', team_role: role('rep') },
      { team_name: 'Sam Boss', team_email: 'boss@example.com', team_role: role('manager') },
      { team_name: 'Mia Lead', team_email: 'mia@example.com', team_role: role('manager') },
    ],
    ['Ana Wu'],
  );
}

const dispatchers = (rt: LocalRuntime) => rt.triggers.state.triggers.filter((t) => t.handler === 'dispatch_');

const logRows = (rt: LocalRuntime) => rowsOf(rt, 'reminder_log');

/** Types `value` into the Settings value cell of `key`. */
function setSetting(rt: LocalRuntime, key: string, value: unknown): void {
  const def = getTab('settings');
  const sheet = rt.spreadsheet.getSheetByName(def.name.en)!;
  const keyCol = def.columns.findIndex((c) => c.key === 'setting_key') + 1;
  const valueCol = def.columns.findIndex((c) => c.key === 'setting_value') + 1;
  const keys = sheet
    .getRange(1, keyCol, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  const row = keys.indexOf(key) + 1;
  if (row < 2) throw new Error(`no setting ${key}`);
  sheet.getRange(row, valueCol).setValue(value);
}

describe('Reminders stop for good once the installing manager’s trigger is gone', () => {
  it('another manager’s “turn on” installs a trigger of their own, and the digests go again', () => {
    const rt = world();
    expect(rt.run('turnOnReminders')).toBe('on');
    // Sam leaves; Google drops his trigger.
    rt.triggers.state.triggers.splice(0);
    rt.clock.advance(H);
    expect(rt.fireDueTriggers()).toEqual([]);
    rt.setUser({ email: 'mia@example.com' });
    expect(rt.run('turnOnReminders')).toBe('on');
    expect(dispatchers(rt).map((t) => t.ownerEmail)).toEqual(['mia@example.com']);
    rt.clock.advance(H);
    expect(rt.fireDueTriggers()).toEqual([{ handler: 'dispatch_', ok: true }]);
    expect(rt.mail.outbox.map((m) => [m.from, m.to.join()])).toEqual([['mia@example.com', 'ana@example.com']]);
  });
});

describe('Settings values outside their bounds (reminder hour 25) silently stop every digest', () => {
  it('a value out of bounds is clamped, an unreadable one (hex, exponent) is the default, each said once a day in the Reminder log', () => {
    const rt = world();
    setSetting(rt, 'reminder_hour', 25);
    setSetting(rt, 'followup_high_hours', '0x10');
    rt.run('turnOnReminders');
    for (let i = 0; i < 16; i++) {
      rt.clock.advance(H); // to 23:30 in Shanghai
      rt.fireDueTriggers();
    }
    expect(rt.mail.outbox.map((m) => m.to.join())).toEqual(['ana@example.com']);
    const notes = logRows(rt).filter((r) => r.rep === '');
    expect(notes.map((r) => r.status)).toEqual([
      'Setting “Follow-up, high intention” holds “0x10”, which it cannot take: the default 24 is used until it is corrected.',
      'Setting “Daily reminder hour” is 25, more than its largest value 23: 23 is used until it is corrected.',
    ]);
  });
});

/** A team of `n` reps (e-mails rep1@…), each with one follow-up overdue. */
function bigTeam(n: number, mailQuota: number): LocalRuntime {
  const reps = Array.from({ length: n }, (_, i) => ({
    team_name: `Representative Number ${i + 1} Of The Big Team`,
    team_email: `rep${i + 1}@example.com`,
    team_role: role('rep'),
  }));
  return teamWorld(
    [{ team_name: 'Sam Boss', team_email: 'boss@example.com', team_role: role('manager') }, ...reps],
    reps.map((r) => r.team_name),
    { mailQuota },
  );
}

describe('A day marker over the 9 KB property limit makes the job fail every hour and append the same “quota used up” lines each time', () => {
  it('with 300 reps the marker stays small, the job runs, and each rep left is logged once', () => {
    const rt = bigTeam(300, 100);
    rt.run('turnOnReminders');
    rt.clock.advance(H);
    expect(rt.fireDueTriggers()).toEqual([{ handler: 'dispatch_', ok: true }]);
    const marker = Object.entries(rt.save().services.properties.document).find(([k]) => k.startsWith('salesdesk.reminders.day.'))!;
    expect(marker[1].length).toBeLessThan(9 * 1024);
    const lines = () => logRows(rt).length;
    const after = lines();
    expect(rt.mail.outbox).toHaveLength(100);
    expect(after).toBe(300); // 100 sent, 200 "quota used up", once each
    for (let i = 0; i < 3; i++) {
      rt.clock.advance(H);
      expect(rt.fireDueTriggers()).toEqual([{ handler: 'dispatch_', ok: true }]);
    }
    expect(lines()).toBe(after);
  });
});

describe('With a quota smaller than the team, the same reps are skipped every day', () => {
  it('the order rotates: those the quota did not reach go first the next day', () => {
    const rt = bigTeam(3, 1);
    rt.run('turnOnReminders');
    const got: string[] = [];
    for (let day = 0; day < 3; day++) {
      rt.clock.advance(day === 0 ? H : D);
      rt.fireDueTriggers();
      got.push(rt.mail.outbox.at(-1)!.to.join());
    }
    expect(new Set(got)).toEqual(new Set(['rep1@example.com', 'rep2@example.com', 'rep3@example.com']));
  });
});
