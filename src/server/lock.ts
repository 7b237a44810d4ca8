import { t } from '../core/i18n';
import { currentLocale } from './locale';

/** How long a save waits for another rep's save to finish before giving up. */
const LOCK_WAIT_MS = 20_000;

/**
 * Runs `work` holding the document lock, so two reps saving at the same moment never
 * interleave their reads and writes (IDs stay unique, rows are not overwritten).
 * https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer):
 * waitLock throws when the lock cannot be had in time; we turn that into a message the
 * user can act on, in their language. SpreadsheetApp.flush() before releasing makes the
 * writes visible to the next holder.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (_e) {
    throw new Error(t(currentLocale(), 'error.busy'));
  }
  try {
    return work();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
