/**
 * src/server/lock.ts where LockService.getDocumentLock() returns null — "if called from a
 * standalone script or web app" (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()):
 * the work still runs (nobody else can be editing a document that is not there), and nothing is
 * released that was never taken. The Apps Script globals are stand-ins here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tryWithDocumentLock, withDocumentLock } from '../../src/server/lock';

const g = globalThis as Record<string, unknown>;
let flushed = 0;

function stub(lock: unknown): void {
  g.LockService = { getDocumentLock: () => lock };
  g.SpreadsheetApp = { flush: () => void flushed++ };
  g.PropertiesService = { getUserProperties: () => ({ getProperty: () => null }) };
  g.Session = { getActiveUserLocale: () => 'en' };
}

afterEach(() => {
  for (const k of ['LockService', 'SpreadsheetApp', 'PropertiesService', 'Session']) delete g[k];
  flushed = 0;
});

describe('the document lock', () => {
  it('runs the work without a lock where there is no document', () => {
    stub(null);
    expect(withDocumentLock(() => 42)).toBe(42);
    expect(tryWithDocumentLock(1000, () => 'done')).toEqual({ ok: true, value: 'done' });
    expect(flushed).toBe(2);
  });

  it('holds it around the work and gives it back, also when the work fails', () => {
    const calls: string[] = [];
    const tryLock = () => {
      calls.push('try');
      return true;
    };
    stub({ waitLock: () => calls.push('wait'), tryLock, releaseLock: () => calls.push('release') });
    expect(() =>
      withDocumentLock(() => {
        calls.push('work');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(calls).toEqual(['wait', 'work', 'release']);
  });

  it('says the workbook is busy, in the user’s language, when another save keeps it', () => {
    stub({
      waitLock: () => {
        throw new Error('Lock timeout');
      },
      releaseLock: () => undefined,
    });
    expect(() => withDocumentLock(() => 1)).toThrow(/busy|another/i);
    stub({ tryLock: () => false, releaseLock: () => undefined });
    expect(tryWithDocumentLock(10, () => 1)).toEqual({ ok: false });
  });
});
