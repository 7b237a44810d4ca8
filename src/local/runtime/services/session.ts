/**
 * Session: who runs the script, their language and the script's time zone.
 *
 * - getActiveUser().getEmail() may be '' — "If security policies do not allow access to the
 *   user's identity, User.getEmail() returns a blank string"
 *   (https://developers.google.com/apps-script/reference/base/session#getActiveUser(); see
 *   platform-facts C9). The runtime models this with `UserIdentity.email === ''`.
 * - getActiveUserLocale() "Gets the language setting of the current user as a string—for
 *   example, `en` for English" (same page). We return the identity's locale as given.
 * - getTemporaryActiveUserKey(): a key unique to the active user and the script that "rotates
 *   every 30 days"; derived here from the user key, a script id and the 30-day period.
 * - getEffectiveUser(): the user whose authority the script runs under. For menu/sidebar runs that
 *   is the active user; for an installable trigger it is the trigger's owner, which the runtime
 *   supplies through `effectiveUser`.
 */
import type { RuntimeContext, UserIdentity } from '../context';
import { COUNTED } from '../context';
import { sha256Hex, userKeyOf } from './common';

export class User implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  readonly [COUNTED] = 'User';
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

export interface SessionOptions {
  /** Identifies the script for getTemporaryActiveUserKey(). */
  scriptId?: string;
  /** Who the script runs as (trigger owner); defaults to the current user. */
  effectiveUser?: () => UserIdentity;
}

export type SessionApi = Pick<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
>;

const ROTATION_MS = 30 * 24 * 3600 * 1000;

export function createSession(ctx: RuntimeContext, options: SessionOptions = {}): SessionApi {
  return {
    getActiveUser: () => new User(ctx.currentUser().email) as unknown as GoogleAppsScript.Base.User,
    getEffectiveUser: () => new User((options.effectiveUser ?? ctx.currentUser)().email) as unknown as GoogleAppsScript.Base.User,
    getActiveUserLocale: () => ctx.currentUser().locale,
    getScriptTimeZone: () => ctx.scriptTimeZone,
    getTemporaryActiveUserKey: () => {
      const period = Math.floor(ctx.clock.nowMs() / ROTATION_MS);
      const hex = sha256Hex(`${options.scriptId ?? 'sales-desk'}|${userKeyOf(ctx.currentUser())}|${period}`);
      return Buffer.from(hex.slice(0, 48), 'hex').toString('base64');
    },
  };
}
