/**
 * Helpers shared by the local Apps Script services: enums, Apps Script-style exceptions and
 * the key that identifies a user in per-user stores.
 */
import { createHash } from 'node:crypto';
import type { UserIdentity } from '../context';

/**
 * Apps Script throws `Exception` objects whose message is what scripts (and our tests) match on.
 * We throw plain Errors with `name = 'Exception'` so `String(e)` reads "Exception: …" as in the
 * Apps Script log.
 */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/**
 * Apps Script enums are objects whose members print as their names (`String(ui.Button.OK) === 'OK'`).
 * We model each member as its name string; comparisons in script code (`r === ui.Button.OK`) hold.
 */
export function makeEnum<const K extends string>(names: readonly K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const n of names) (out as Record<string, string>)[n] = n;
  return Object.freeze(out);
}

/** Casts one of our string enum members to the ambient enum type of @types/google-apps-script. */
export function asEnum<T>(v: string): T {
  return v as unknown as T;
}

/**
 * Identity of a user for per-user stores (user properties, user cache, user lock, triggers).
 * `UserIdentity` may carry an optional `key` (the runtime should set one for users whose e-mail is
 * hidden, see platform-facts C9); otherwise the e-mail is the key, and a blank e-mail falls back to
 * 'anonymous' (all hidden-e-mail users would then share one store — give them a key).
 */
export function userKeyOf(user: UserIdentity): string {
  const key = (user as UserIdentity & { key?: string }).key;
  if (key) return key;
  return user.email || 'anonymous';
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** UTF-8 byte length, the unit Apps Script's storage limits are stated in. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A plain-JSON deep copy (state objects must stay serialisable). */
export function cloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
