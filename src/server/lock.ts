import { t } from '../core/i18n';
import { currentLocale } from './locale';
import { flushWrites } from './records';

/** How long a save waits for another rep's save to finish before giving up. */
const LOCK_WAIT_MS = 20_000;

/**
 * The document lock, or null where there is none: getDocumentLock() "returns null if called from
 * a standalone script or web app" (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
 * Without a document nobody else can be editing it, so the work then runs without a lock.
 */
function documentLock(): GoogleAppsScript.Lock.Lock | null {
  return LockService.getDocumentLock() ?? null;
}

/**
 * Runs `work` holding the document lock, so two reps saving at the same moment never
 * interleave their reads and writes (IDs stay unique, rows are not overwritten).
 * https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer):
 * waitLock throws when the lock cannot be had in time; we turn that into a message the
 * user can act on, in their language. The writes are flushed before the lock is released, as
 * https://developers.google.com/apps-script/reference/lock/lock#releaseLock() asks of scripts
 * that use a spreadsheet, so the next holder reads them.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = documentLock();
  if (lock) {
    try {
      lock.waitLock(LOCK_WAIT_MS);
    } catch (_e) {
      throw new Error(t(currentLocale(), 'error.busy'));
    }
  }
  try {
    return work();
  } finally {
    flushWrites();
    lock?.releaseLock();
  }
}

/**
 * As withDocumentLock for background work (the hourly dispatcher): waits up to `waitMs`, and
 * returns `{ ok: false }` instead of throwing when another execution keeps the lock. `wrote`
 * false skips the flush (the work only read, or wrote properties).
 */
export function tryWithDocumentLock<T>(waitMs: number, work: () => T, wrote = true): { ok: true; value: T } | { ok: false } {
  const lock = documentLock();
  if (lock && !lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: work() };
  } finally {
    if (wrote) flushWrites();
    lock?.releaseLock();
  }
}
