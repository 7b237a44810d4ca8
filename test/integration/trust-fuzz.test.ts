/**
 * Issue 13, "Must show": every function a page can call (the bundle's top-level functions whose
 * names do not end in `_`, i.e. entry.ts's public exports as google.script.run sees them),
 * called with junk — wrong types, null, huge strings, `__proto__` keys, NaN, invalid dates, IDs
 * of other tabs — answers with a clear error (or a refusal it returns) and writes nothing: the
 * whole workbook, the document/user/script properties, the triggers, the outbox and the forms are
 * compared before and after each call.
 *
 * Functions that take no arguments (menu actions: set-up, turning reminders on…) do what they do
 * whatever they are given: for them the test holds that junk arguments change nothing about what
 * they do (same state as a call without arguments).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getList } from '../../src/core/lists';
import { writeByKey } from './objections-fixture';

const role = (k: string) => getList('role').items.find((i) => i.key === k)!.label.en;

/** Each top-level function of dist/Code.js with its declared parameter count, read off the bundle as Apps Script loads it. */
function bundleFunctions(): Map<string, number> {
  const code = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
  const ctx: Record<string, unknown> = {};
  runInNewContext(code, ctx);
  // The top-level functions forward to the bundle's exports (SalesDesk), which keep their parameters.
  const api = ctx.SalesDesk as Record<string, (...a: unknown[]) => unknown>;
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(ctx)) if (typeof v === 'function' && typeof api[k] === 'function') out.set(k, api[k].length);
  return out;
}

const HUGE = 'x'.repeat(200_000);
const proto = () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"id":"C-000001"}') as unknown;
/** Junk a hostile or careless caller might send, as google.script.run or the console would deliver it. */
const JUNK: (() => unknown[])[] = [
  () => [null],
  () => [42],
  () => [true],
  () => [HUGE],
  () => [Number.NaN],
  () => [new Date('invalid')],
  () => [proto()],
  () => [['C-000001', { row: -1 }]],
  () => [{ id: 'F-000001', row: 2, day: 'not a day', reason: HUGE }],
  () => [{ id: 'O-000001' }, { ref: { id: 'F-000001' }, version: 'v1.x' }],
  () => ['D-000001', 'F-000001', { __proto__: null }],
  () => [{ text: HUGE, mode: 'merge', mapping: [{}] }],
  () => [{ customerId: 'F-000001', amount: Number.POSITIVE_INFINITY, won_on: 'yesterday' }],
];

function world(): LocalRuntime {
  const rt = createLocalRuntime({ user: 'ana@example.com', locale: 'en_US', timeZone: 'Asia/Shanghai', now: new Date('2026-03-03T02:00:00Z') });
  rt.run('setupWorkbook');
  writeByKey(rt, 'settings', 2, [
    { team_name: 'Ana Wu', team_email: 'ana@example.com', team_role: role('rep') },
    { team_name: 'Sam Boss', team_email: 'boss@example.com', team_role: role('manager') },
  ]);
  rt.run('saveCustomer', { name: 'Acme Ltd', email: 'buyer@acme.com' });
  writeByKey(rt, 'followups', 2, [
    { followup_id: 'F-000001', customer_id: 'C-000001', customer_name: 'Acme Ltd', owner: 'Ana Wu', planned_at: new Date(rt.clock.nowMs() - 86_400_000) },
  ]);
  // Warm every reader once, so the junk calls start from remembered column maps and ends of data.
  rt.run('getTodayView');
  rt.run('getCustomerForm', { id: 'C-000001' });
  rt.run('getFollowupFormData', 'C-000001');
  rt.run('getDealFormData');
  rt.run('openDeal', 'D-000001');
  rt.run('getObjectionFormData', 'C-000001');
  rt.run('searchFollowupCustomers', 'Acme');
  return rt;
}

/** Everything a call could write: the workbook, every property store, triggers, the outbox, forms. */
function state(rt: LocalRuntime): string {
  const s = rt.save();
  return JSON.stringify({
    workbook: s.workbook,
    properties: s.services.properties,
    triggers: s.services.triggers,
    mail: s.services.mail,
    forms: s.services.forms,
  });
}

/** What a user can act on: a message of ours, not an engine's complaint about undefined. */
const INTERNAL = /Cannot read|undefined|is not a function|is not iterable|\[object Object\]|NaN|Maximum call stack|Unexpected token/;

describe('every page-callable entry point, given junk', () => {
  const fns = bundleFunctions();
  const rtNames = createLocalRuntime({ user: 'x@example.com' }).entryPoints();
  const callable = rtNames.filter((n) => !n.endsWith('_'));

  it('the list is the bundle’s public functions (read off dist/Code.js, not written by hand)', () => {
    expect(callable.length).toBeGreaterThan(30);
    expect([...fns.values()].filter((n) => n > 0).length).toBeGreaterThan(20);
    expect([...fns.keys()].sort()).toEqual([...rtNames].sort());
    expect(callable).toContain('saveCustomer');
    expect(callable).not.toContain('dispatch_');
  });

  it('answers each junk call with a clear error or a refusal, and writes nothing', () => {
    const rt = world();
    const problems: string[] = [];
    for (const name of callable.filter((n) => fns.get(n)! > 0)) {
      for (const junk of JUNK) {
        const before = state(rt);
        const args = junk();
        let outcome: string;
        try {
          const r = rt.run(name as never, ...args);
          outcome = `returned ${JSON.stringify(r)?.slice(0, 120)}`;
          if (r && typeof r === 'object' && (r as { ok?: unknown }).ok === true) problems.push(`${name}(${JSON.stringify(args).slice(0, 60)}) said ok`);
        } catch (e) {
          const message = (e as Error).message ?? '';
          outcome = `threw ${message.slice(0, 120)}`;
          if (!message || INTERNAL.test(message)) problems.push(`${name}(${JSON.stringify(args).slice(0, 60)}) threw “${message.slice(0, 160)}”`);
        }
        if (state(rt) !== before) problems.push(`${name}(${JSON.stringify(args).slice(0, 60)}) wrote something (${outcome})`);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('functions without parameters do what they do, whatever junk they are given', () => {
    const problems: string[] = [];
    const saved = world().save();
    const again = () => createLocalRuntime({ saved, user: 'ana@example.com', locale: 'en_US', timeZone: 'Asia/Shanghai' });
    for (const name of callable.filter((n) => fns.get(n) === 0)) {
      const clean = again();
      const junked = again();
      let cleanError = '';
      let junkError = '';
      try {
        clean.run(name as never);
      } catch (e) {
        cleanError = (e as Error).message;
      }
      try {
        junked.run(name as never, proto(), HUGE, Number.NaN);
      } catch (e) {
        junkError = (e as Error).message;
      }
      if (junkError !== cleanError || state(junked) !== state(clean)) problems.push(name);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
