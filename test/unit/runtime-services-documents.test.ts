/**
 * Several documents of one add-on: triggers, document properties, caches and document locks are
 * per document; the user's triggers of every document come back from getProjectTriggers(). And a
 * document lock that is null, as from a standalone script.
 */
import { describe, expect, it } from 'vitest';
import { createScriptApp } from '../../src/local/runtime/services/script-app';
import { createPropertiesService, emptyPropertiesState } from '../../src/local/runtime/services/properties';
import { createCacheService } from '../../src/local/runtime/services/cache';
import { createLockService } from '../../src/local/runtime/services/lock';
import { makeCtx } from './runtime-services-helpers';

describe('documents of one add-on', () => {
  it('list every document’s triggers in getProjectTriggers, one document’s in getUserTriggers', () => {
    const { ctx } = makeCtx();
    let doc = 'sheet-A';
    const { ScriptApp } = createScriptApp(ctx, undefined, { spreadsheetId: () => doc });
    const inA = ScriptApp.newTrigger('dispatch').timeBased().everyHours(1).create();
    // "one trigger of each type, per user, per document": a second hourly one in A is refused, one in B is not.
    expect(() => ScriptApp.newTrigger('dispatch').timeBased().everyHours(1).create()).toThrow(/one trigger of each type/);
    doc = 'sheet-B';
    const inB = ScriptApp.newTrigger('dispatch').timeBased().everyHours(1).create();
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([inA.getUniqueId(), inB.getUniqueId()]);
    expect(ScriptApp.getUserTriggers({ getId: () => 'sheet-A' }).map((t) => t.getUniqueId())).toEqual([inA.getUniqueId()]);
    expect(ScriptApp.getUserTriggers({ getId: () => 'sheet-B' }).map((t) => t.getUniqueId())).toEqual([inB.getUniqueId()]);
  });

  it('keep document properties, the document cache and the document lock per document', () => {
    const { ctx } = makeCtx();
    const stores: Record<string, Record<string, string>> = { A: {}, B: {} };
    const caches: Record<string, Record<string, never>> = { A: {}, B: {} };
    let doc = 'A';
    const props = createPropertiesService(ctx, emptyPropertiesState(), { documentStore: () => stores[doc] });
    const cache = createCacheService(ctx, undefined, { documentStore: () => caches[doc] });
    const locks = createLockService(ctx, undefined, { documentId: () => doc });
    props.getDocumentProperties()!.setProperty('k', 'in A');
    cache.getDocumentCache()!.put('c', 'in A');
    expect(locks.service.getDocumentLock()!.tryLock(0)).toBe(true);
    locks.control.setExecution('another rep');
    doc = 'B';
    expect(props.getDocumentProperties()!.getProperty('k')).toBeNull();
    expect(cache.getDocumentCache()!.get('c')).toBeNull();
    expect(locks.service.getDocumentLock()!.tryLock(0)).toBe(true); // B's lock is free
    doc = 'A';
    expect(props.getDocumentProperties()!.getProperty('k')).toBe('in A');
    expect(locks.service.getDocumentLock()!.tryLock(0)).toBe(false); // A's is held
  });

  it('gives null for getDocumentLock when told there is no document (standalone script, web app)', () => {
    const { ctx } = makeCtx();
    let available = true;
    const { service } = createLockService(ctx, undefined, { hasDocument: () => available });
    expect(service.getDocumentLock()).not.toBeNull();
    available = false;
    expect(service.getDocumentLock()).toBeNull();
    expect(service.getScriptLock()).not.toBeNull();
  });
});
