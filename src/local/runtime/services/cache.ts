/**
 * CacheService: script, document and per-user caches with expiry on the simulated clock.
 *
 * https://developers.google.com/apps-script/reference/cache/cache: put(key, value,
 * expirationInSeconds) — default 600 s (10 minutes), maximum 21600 s (6 hours); "The maximum
 * length of a key is 250 characters. The maximum amount of data that can be stored per key is
 * 100KB." Oversized keys/values throw "Argument too large: key" / "Argument too large: value".
 * A value past its expiry reads as null. (The real cache may also evict early; we never do,
 * so tests are deterministic.) An expiration above 21600 s is capped to 21600 s.
 */
import type { RuntimeContext } from '../context';
import { COUNTED } from '../context';
import { gasError, userKeyOf, utf8Bytes } from './common';

type GasCache = GoogleAppsScript.Cache.Cache;

export const DEFAULT_TTL_SECONDS = 600;
export const MAX_TTL_SECONDS = 21600;
export const CACHE_MAX_KEY_CHARS = 250;
export const CACHE_MAX_VALUE_BYTES = 100 * 1024;

export interface CacheEntry {
  value: string;
  expiresAtMs: number;
}
export type CacheStore = Record<string, CacheEntry>;

export interface CacheState {
  script: CacheStore;
  document: CacheStore;
  user: Record<string, CacheStore>;
}

export function emptyCacheState(): CacheState {
  return { script: {}, document: {}, user: {} };
}

export class Cache implements Pick<GasCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  readonly [COUNTED] = 'Cache';
  constructor(
    private readonly ctx: RuntimeContext,
    private readonly store: () => CacheStore,
  ) {}

  get(key: string): string | null {
    const s = this.store();
    const k = checkKey(key);
    const e = s[k];
    if (!e) return null;
    if (e.expiresAtMs <= this.ctx.clock.nowMs()) {
      delete s[k];
      return null;
    }
    return e.value;
  }

  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.putAll({ [key]: value }, expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const ttl = ttlOf(expirationInSeconds);
    const checked: [string, string][] = Object.entries(values).map(([k, v]) => {
      const value = String(v);
      if (utf8Bytes(value) > CACHE_MAX_VALUE_BYTES) throw gasError('Argument too large: value');
      return [checkKey(k), value];
    });
    const s = this.store();
    const expiresAtMs = this.ctx.clock.nowMs() + ttl * 1000;
    for (const [k, v] of checked) s[k] = { value: v, expiresAtMs };
  }

  remove(key: string): void {
    delete this.store()[checkKey(key)];
  }

  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined) throw gasError('Invalid argument: key');
  const k = String(key);
  if (k.length > CACHE_MAX_KEY_CHARS) throw gasError('Argument too large: key');
  return k;
}

function ttlOf(seconds: number | undefined): number {
  if (seconds === undefined || seconds === null) return DEFAULT_TTL_SECONDS;
  const n = Number(seconds);
  if (!Number.isFinite(n) || n < 1) throw gasError('Invalid argument: expirationInSeconds');
  return Math.min(Math.floor(n), MAX_TTL_SECONDS);
}

export type CacheServiceApi = Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getDocumentCache' | 'getUserCache'>;

export interface CacheServiceOptions {
  /** false models a standalone script: getDocumentCache() returns null. */
  hasDocument?: boolean;
  /** The cache of the document the script runs in now (one per document); default `state.document`. */
  documentStore?: () => CacheStore;
}

export function createCacheService(ctx: RuntimeContext, state: CacheState = emptyCacheState(), options: CacheServiceOptions = {}): CacheServiceApi {
  const script = new Cache(ctx, () => state.script);
  const document = new Cache(ctx, options.documentStore ?? (() => state.document));
  return {
    getScriptCache: () => script as unknown as GasCache,
    getDocumentCache: () => (options.hasDocument === false ? null : document) as unknown as GasCache,
    getUserCache: () => new Cache(ctx, () => (state.user[userKeyOf(ctx.currentUser())] ??= {})) as unknown as GasCache,
  };
}
