/**
 * Daily reminders in two workbooks of the same add-on. In an editor add-on a user's triggers of
 * every document come back from getProjectTriggers(); the dispatcher is found (and removed) per
 * document with getUserTriggers(ss). Turning reminders on in workbook B while they are on in A
 * installs B's own dispatcher; turning them off in B leaves A's reminders running.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getList } from '../../src/core/lists';
import { writeByKey } from './objections-fixture';

const H = 3600_000;
const D = 24 * H;
const role = (k: string) => getList('role').items.find((i) => i.key === k)!.label.en;
const purpose = (k: string) => getList('purpose').items.find((i) => i.key === k)!.label.en;

/** A workbook set up by the manager, with one rep who has an overdue follow-up. */
function prepare(rt: LocalRuntime, rep: { name: string; email: string }, customer: string): void {
  rt.run('setupWorkbook');
  writeByKey(rt, 'settings', 2, [
    { team_name: rep.name, team_email: rep.email, team_role: role('rep') },
    { team_name: 'Sam Boss', team_email: 'boss@example.com', team_role: role('manager') },
  ]);
  const now = rt.clock.nowMs();
  writeByKey(rt, 'followups', 2, [
    {
      followup_id: 'F-000001',
      customer_id: 'C-000001',
      customer_name: customer,
      owner: rep.name,
      purpose: purpose('needs_research'),
      planned_at: new Date(now - 2 * D),
    },
  ]);
}

function twoWorkbooks() {
  // 07:30 in Shanghai; reminders go at 08:00.
  const rt = createLocalRuntime({
    user: 'boss@example.com',
    locale: 'en_US',
    timeZone: 'Asia/Shanghai',
    now: new Date('2026-03-03T23:30:00Z'),
    installedAs: 'addon',
  });
  const a = rt.documents()[0].id;
  prepare(rt, { name: 'Ana Wu', email: 'ana@example.com' }, 'Acme Trading');
  const b = rt.newDocument({ name: 'Second team' });
  rt.openDocument({ id: b });
  prepare(rt, { name: 'Bo Li', email: 'bo@example.com' }, 'Beta Works');
  return { rt, a, b };
}

const dispatchers = (rt: LocalRuntime) => rt.triggers.state.triggers.filter((t) => t.handler === 'dispatch_');

describe('reminders in two workbooks of the add-on', () => {
  it('turn on in B while on in A, and off in B without touching A', () => {
    const { rt, a, b } = twoWorkbooks();
    rt.openDocument({ id: a });
    expect(rt.run('turnOnReminders')).toBe('on');
    rt.openDocument({ id: b });
    expect(rt.run('turnOnReminders')).toBe('on'); // not 'already': A's trigger is not B's
    expect(dispatchers(rt).map((t) => t.documentId)).toEqual([a, b]);

    // At 08:30 each dispatcher runs in its own workbook: one digest from each.
    rt.clock.advance(H);
    expect(rt.fireDueTriggers().map((f) => [f.documentId, f.ok])).toEqual([
      [a, true],
      [b, true],
    ]);
    expect(rt.mail.outbox.map((m) => m.to.join())).toEqual(['ana@example.com', 'bo@example.com']);

    // Off in B: B's reminders stop; A's trigger and reminders carry on.
    expect(rt.run('turnOffReminders')).toBe('off');
    rt.openDocument({ id: a });
    expect(rt.run('turnOnReminders')).toBe('already');
    rt.clock.advance(D);
    rt.fireDueTriggers();
    expect(rt.mail.outbox.map((m) => m.to.join())).toEqual(['ana@example.com', 'bo@example.com', 'ana@example.com']);
    expect(dispatchers(rt).map((t) => t.documentId)).toEqual([a, b]);
  });

  it('keeps each workbook’s own document properties, and both workbooks across a save', () => {
    const { rt, a, b } = twoWorkbooks();
    rt.openDocument({ id: b });
    rt.run('turnOnReminders');
    const back = createLocalRuntime({ saved: JSON.parse(JSON.stringify(rt.save())), user: 'boss@example.com', locale: 'en_US', installedAs: 'addon' });
    expect(back.documents().map((d) => [d.id, d.current])).toEqual([
      [a, false],
      [b, true],
    ]);
    expect(back.run('turnOnReminders')).toBe('already');
    back.useDocument(a);
    expect(back.run('turnOnReminders')).toBe('on');
  });
});
