import { describe, expect, it } from 'vitest';
import { createPropertiesService, emptyPropertiesState } from '../../src/local/runtime/services/properties';
import { createLockService, LOCK_TIMEOUT_MESSAGE } from '../../src/local/runtime/services/lock';
import { createCacheService } from '../../src/local/runtime/services/cache';
import { createSession } from '../../src/local/runtime/services/session';
import { makeCtx } from './runtime-services-helpers';

const ANA = { email: 'ana@example.com', locale: 'en' };
const BO = { email: 'bo@example.com', locale: 'zh_CN' };

describe('PropertiesService', () => {
  it('keeps user properties separate per user, script properties shared', () => {
    const { ctx, setUser } = makeCtx(ANA);
    const state = emptyPropertiesState();
    const ps = createPropertiesService(ctx, state);
    ps.getUserProperties().setProperty('me', 'Ana');
    ps.getScriptProperties().setProperty('team', 'East');
    setUser(BO);
    expect(ps.getUserProperties().getProperty('me')).toBeNull();
    ps.getUserProperties().setProperty('me', 'Bo');
    expect(ps.getScriptProperties().getProperty('team')).toBe('East');
    setUser(ANA);
    expect(ps.getUserProperties().getProperty('me')).toBe('Ana');
    // Two co-workers whose e-mail Google hides are told apart by their identity key.
    setUser({ email: '', locale: 'en', key: 'u1' });
    ps.getUserProperties().setProperty('me', 'hidden one');
    setUser({ email: '', locale: 'en', key: 'u2' });
    expect(ps.getUserProperties().getProperty('me')).toBeNull();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('stores strings, bulk-sets, lists and deletes', () => {
    const { ctx } = makeCtx();
    const p = createPropertiesService(ctx, emptyPropertiesState()).getDocumentProperties();
    p.setProperty('n', 42 as unknown as string);
    expect(p.getProperty('n')).toBe('42');
    p.setProperties({ a: '1', b: '2' });
    expect(p.getKeys().sort()).toEqual(['a', 'b', 'n']);
    p.setProperties({ c: '3' }, true);
    expect(p.getProperties()).toEqual({ c: '3' });
    p.deleteProperty('c');
    expect(p.getProperty('c')).toBeNull();
  });

  it('enforces 9 KB per value and 500 KB per store', () => {
    const { ctx } = makeCtx();
    const p = createPropertiesService(ctx, emptyPropertiesState()).getScriptProperties();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    p.setProperty('ok', 'x'.repeat(9 * 1024 - 10));
    let n = 0;
    expect(() => {
      for (;;) p.setProperty(`k${n++}`, 'y'.repeat(9000));
    }).toThrow('You have exceeded the property storage quota');
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(60);
  });

  it('has no document properties in a standalone script', () => {
    const { ctx } = makeCtx();
    expect(createPropertiesService(ctx, emptyPropertiesState(), { hasDocument: false }).getDocumentProperties()).toBeNull();
  });
});

describe('LockService', () => {
  it('times out on the simulated clock while another execution holds the document lock', () => {
    const { ctx, clock } = makeCtx();
    const { service, control } = createLockService(ctx);
    control.holdFor('document', 'bo-saving');
    const t0 = clock.nowMs();
    const lock = service.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(clock.nowMs() - t0).toBe(5000);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(10000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    control.release('document', 'bo-saving');
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  it('waits until a holder releases within the timeout', () => {
    const { ctx, clock } = makeCtx();
    const { service, control } = createLockService(ctx);
    control.holdFor('document', 'bo-saving', { releaseAfterMs: 1200 });
    const t0 = clock.nowMs();
    const lock = service.getDocumentLock();
    lock.waitLock(30000);
    expect(clock.nowMs() - t0).toBe(1200);
    expect(control.holderOf('document')?.owner).toBe('execution-1');
  });

  it('interleaves two executions: the second waits until the first releases', () => {
    const { ctx } = makeCtx();
    const { service, control } = createLockService(ctx);
    control.setExecution('A');
    const a = service.getDocumentLock();
    expect(a.tryLock(1000)).toBe(true);
    control.setExecution('B');
    const b = service.getDocumentLock();
    expect(b.tryLock(1000)).toBe(false);
    expect(service.getScriptLock().tryLock(0)).toBe(true); // other lock kinds are independent
    a.releaseLock();
    expect(b.tryLock(1000)).toBe(true);
    control.endExecution('B');
    expect(control.holderOf('document')).toBeNull();
    expect(control.holderOf('script')).toBeNull();
  });

  it('user locks are per user, and the document lock is null outside a document', () => {
    const { ctx, setUser } = makeCtx(ANA);
    const { service, control } = createLockService(ctx);
    control.setExecution('A');
    expect(service.getUserLock().tryLock(0)).toBe(true);
    control.setExecution('B');
    setUser(BO);
    expect(service.getUserLock().tryLock(0)).toBe(true);
    setUser(ANA);
    expect(service.getUserLock().tryLock(0)).toBe(false);
    expect(createLockService(ctx, undefined, { hasDocument: false }).service.getDocumentLock()).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires entries on the simulated clock (default 600 s, max 6 h)', () => {
    const { ctx, clock } = makeCtx();
    const cache = createCacheService(ctx).getScriptCache();
    cache.put('a', 'x');
    cache.put('b', 'y', 60);
    cache.put('c', 'z', 999999);
    clock.advance(59_999);
    expect(cache.getAll(['a', 'b', 'c', 'd'])).toEqual({ a: 'x', b: 'y', c: 'z' });
    clock.advance(1);
    expect(cache.get('b')).toBeNull();
    clock.advance(540_000);
    expect(cache.get('a')).toBeNull();
    clock.set(Date.UTC(2026, 0, 5, 7, 0, 0) - 1);
    expect(cache.get('c')).toBe('z');
    clock.advance(1);
    expect(cache.get('c')).toBeNull();
  });

  it('enforces key and value limits and removes', () => {
    const { ctx } = makeCtx();
    const cache = createCacheService(ctx).getDocumentCache()!;
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.putAll({ a: '1', b: '2' });
    cache.removeAll(['a']);
    expect(cache.getAll(['a', 'b'])).toEqual({ b: '2' });
  });

  it('user caches are per user', () => {
    const { ctx, setUser } = makeCtx(ANA);
    const cs = createCacheService(ctx);
    cs.getUserCache().put('draft', 'ana');
    setUser(BO);
    expect(cs.getUserCache().get('draft')).toBeNull();
  });
});

describe('Session', () => {
  it('reports a blank e-mail for a hidden user, the locale and the script time zone', () => {
    const { ctx, setUser } = makeCtx({ email: '', locale: 'zh_CN', key: 'u1' }, 'Asia/Shanghai');
    const s = createSession(ctx);
    expect(s.getActiveUser().getEmail()).toBe('');
    expect(s.getActiveUserLocale()).toBe('zh_CN');
    expect(s.getScriptTimeZone()).toBe('Asia/Shanghai');
    const k1 = s.getTemporaryActiveUserKey();
    setUser({ email: '', locale: 'en', key: 'u2' });
    expect(s.getTemporaryActiveUserKey()).not.toBe(k1);
    setUser(ANA);
    expect(s.getActiveUser().getEmail()).toBe('ana@example.com');
    expect(s.getEffectiveUser().getEmail()).toBe('ana@example.com');
  });
});
