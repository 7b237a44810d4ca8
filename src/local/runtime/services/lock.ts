/**
 * LockService with an explicit contention model.
 *
 * Apps Script (https://developers.google.com/apps-script/reference/lock/lock-service and
 * …/lock/lock): getDocumentLock() "prevents any user of the current document from concurrently
 * running a section of code" — each document its own lock — and returns null "if called from a
 * standalone script or web app" (the runtime's `documentLock: 'null'` option); getScriptLock()
 * covers all users of the script; getUserLock() only the current user. "The lock is not actually
 * acquired until Lock.tryLock(timeoutInMillis) or Lock.waitLock(timeoutInMillis) is called".
 * tryLock returns false on timeout; waitLock throws
 * "Lock timeout: another process was holding the lock for too long."; releaseLock() releases it,
 * and "the lock is automatically released when the script terminates".
 *
 * The model. Our executions run synchronously in one Node process, so contention is explicit:
 *  - every lock is held by an *execution label* (a string). `LockControl.setExecution(label)` says
 *    which execution is running now; Lock objects remember the execution that created them;
 *  - `LockControl.holdFor(kind, owner, { releaseAfterMs })` simulates another user's execution
 *    holding a lock, optionally releasing it after some simulated time (null = until released);
 *  - tryLock(timeout)/waitLock(timeout) by a different execution *waits on the simulated clock*:
 *    if the holder releases within the timeout, the clock advances to that moment and the lock
 *    is taken; otherwise the clock advances by the whole timeout and tryLock returns false
 *    (waitLock throws). A lock already held by the same execution is taken again at once;
 *  - `LockControl.endExecution(label)` releases every lock of that execution (script end).
 * The state is plain JSON (holders by lock key), so the playground can persist it.
 */
import type { RuntimeContext } from '../context';
import { COUNTED } from '../context';
import { gasError, userKeyOf } from './common';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export type LockKind = 'document' | 'script' | 'user';

export interface LockHolder {
  owner: string;
  sinceMs: number;
  /** When a simulated holder lets go on its own; null = holds until released. */
  releaseAtMs: number | null;
}

export interface LockState {
  /** 'document:<spreadsheet id>' (or 'document' with one document) | 'script' | 'user:<userKey>' → holder */
  holders: Record<string, LockHolder>;
  /** The execution running now. */
  currentExecution: string;
}

export function emptyLockState(): LockState {
  return { holders: {}, currentExecution: 'execution-1' };
}

class LockTable {
  constructor(
    private readonly ctx: RuntimeContext,
    readonly state: LockState,
  ) {}

  holder(key: string): LockHolder | null {
    const h = this.state.holders[key];
    if (!h) return null;
    if (h.releaseAtMs !== null && h.releaseAtMs <= this.ctx.clock.nowMs()) {
      delete this.state.holders[key];
      return null;
    }
    return h;
  }

  /** Waits up to timeoutMs on the simulated clock; true when `owner` holds the lock. */
  acquire(key: string, owner: string, timeoutMs: number): boolean {
    const timeout = Math.max(0, Number(timeoutMs) || 0);
    let h = this.holder(key);
    if (h && h.owner !== owner) {
      const now = this.ctx.clock.nowMs();
      if (h.releaseAtMs !== null && h.releaseAtMs <= now + timeout) {
        this.ctx.clock.advance(h.releaseAtMs - now);
        h = this.holder(key);
      } else {
        this.ctx.clock.advance(timeout);
        return false;
      }
    }
    if (!h) this.state.holders[key] = { owner, sinceMs: this.ctx.clock.nowMs(), releaseAtMs: null };
    return true;
  }

  release(key: string, owner: string): void {
    const h = this.holder(key);
    if (h && h.owner === owner) delete this.state.holders[key];
  }
}

export class Lock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  readonly [COUNTED] = 'Lock';
  constructor(
    private readonly table: LockTable,
    private readonly key: string,
    private readonly owner: string,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    return this.table.acquire(this.key, this.owner, timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.table.acquire(this.key, this.owner, timeoutInMillis)) throw gasError(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    this.table.release(this.key, this.owner);
  }
  hasLock(): boolean {
    return this.table.holder(this.key)?.owner === this.owner;
  }
}

export type LockServiceApi = Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'>;

/** Runtime-only controls for tests and the runtime. */
export interface LockControl {
  readonly state: LockState;
  /** Which execution runs now; Lock objects created afterwards belong to it. */
  setExecution(label: string): void;
  /** Releases every lock the execution holds (Apps Script does this when a script ends). */
  endExecution(label?: string): void;
  /**
   * Simulates another execution (e.g. another rep's save) holding a lock. For 'user' locks give
   * the user key. With releaseAfterMs the holder lets go after that much simulated time.
   */
  holdFor(kind: LockKind, owner: string, options?: { releaseAfterMs?: number; userKey?: string }): void;
  /** Releases a lock held by `owner` (the simulated holder finishing). */
  release(kind: LockKind, owner: string, userKey?: string): void;
  /** Who holds a lock now, or null. */
  holderOf(kind: LockKind, userKey?: string): LockHolder | null;
}

export interface LockServiceOptions {
  /**
   * false models a standalone script: getDocumentLock() returns null. A function is asked at
   * each call, so a runtime can switch it (LocalRuntime's `documentLock: 'null'`).
   */
  hasDocument?: boolean | (() => boolean);
  /** The document the script runs in now: each document has its own document lock. Default one document. */
  documentId?: () => string;
}

export function createLockService(
  ctx: RuntimeContext,
  state: LockState = emptyLockState(),
  options: LockServiceOptions = {},
): { service: LockServiceApi; control: LockControl } {
  const table = new LockTable(ctx, state);
  const lockKey = (kind: LockKind, userKey?: string): string => {
    if (kind === 'document') return options.documentId ? `document:${options.documentId()}` : 'document';
    if (kind === 'script') return kind;
    if (!userKey) throw new Error('A user lock needs a userKey');
    return `user:${userKey}`;
  };
  const hasDocument = () => (typeof options.hasDocument === 'function' ? options.hasDocument() : options.hasDocument !== false);
  const make = (key: string) => new Lock(table, key, state.currentExecution) as unknown as GoogleAppsScript.Lock.Lock;
  const service: LockServiceApi = {
    getDocumentLock: () => (hasDocument() ? make(lockKey('document')) : null) as GoogleAppsScript.Lock.Lock,
    getScriptLock: () => make('script'),
    getUserLock: () => make(lockKey('user', userKeyOf(ctx.currentUser()))),
  };
  const control: LockControl = {
    state,
    setExecution(label) {
      state.currentExecution = label;
    },
    endExecution(label = state.currentExecution) {
      for (const [k, h] of Object.entries(state.holders)) if (h.owner === label) delete state.holders[k];
    },
    holdFor(kind, owner, o = {}) {
      const key = lockKey(kind, o.userKey);
      const h = table.holder(key);
      if (h && h.owner !== owner) throw new Error(`The ${key} lock is already held by ${h.owner}`);
      state.holders[key] = {
        owner,
        sinceMs: ctx.clock.nowMs(),
        releaseAtMs: o.releaseAfterMs === undefined ? null : ctx.clock.nowMs() + o.releaseAfterMs,
      };
    },
    release(kind, owner, userKey) {
      table.release(lockKey(kind, userKey), owner);
    },
    holderOf(kind, userKey) {
      return table.holder(lockKey(kind, userKey));
    },
  };
  return { service, control };
}
