/**
 * MailApp: sendEmail in its three forms, a daily recipient quota and an outbox.
 *
 * Quota (https://developers.google.com/apps-script/guides/services/quotas): 100 recipients per
 * day on consumer accounts (1,500 on Workspace), counted per recipient (to + cc + bcc), per user,
 * and quotas "reset 24 hours after the first request". getRemainingDailyQuota() reports what is
 * left. Sending past it throws "Service invoked too many times for one day: email." An invalid
 * address throws "Invalid email: <address>"; a message without recipients throws
 * "Failed to send email: no recipient".
 */
import type { RuntimeContext } from '../context';
import { gasError, userKeyOf } from './common';

export const DEFAULT_DAILY_QUOTA = 100;
export const QUOTA_WINDOW_MS = 24 * 3600_000;
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: number;
  sentAtMs: number;
}

export interface MailState {
  dailyQuota: number;
  /** Per sender (user key): recipients used in the window that started with the first send. */
  usage: Record<string, { used: number; windowStartMs: number }>;
  outbox: SentMail[];
}

export function emptyMailState(dailyQuota = DEFAULT_DAILY_QUOTA): MailState {
  return { dailyQuota, usage: {}, outbox: [] };
}

type MailMessage = GoogleAppsScript.Mail.MailAdvancedParameters & { to?: string; subject?: string; body?: string };

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function addresses(list: string | undefined): string[] {
  if (list === undefined || list === null) return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const m = /<([^>]+)>\s*$/.exec(s); // "Name <a@b.c>"
      const addr = m ? m[1]!.trim() : s;
      if (!ADDRESS.test(addr)) throw gasError(`Invalid email: ${s}`);
      return addr;
    });
}

export type MailAppApi = Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;

export interface MailControl {
  readonly state: MailState;
  readonly outbox: SentMail[];
  setDailyQuota(n: number): void;
}

export function createMailApp(ctx: RuntimeContext, state: MailState = emptyMailState()): { MailApp: MailAppApi; control: MailControl } {
  const usageOf = () => {
    const key = userKeyOf(ctx.currentUser());
    const u = state.usage[key];
    if (u && ctx.clock.nowMs() - u.windowStartMs >= QUOTA_WINDOW_MS) delete state.usage[key];
    return { key, u: state.usage[key] };
  };

  const send = (m: MailMessage & { to?: string }) => {
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const n = to.length + cc.length + bcc.length;
    if (n === 0) throw gasError('Failed to send email: no recipient');
    const { key, u } = usageOf();
    const used = u?.used ?? 0;
    if (used + n > state.dailyQuota) throw gasError(MAIL_QUOTA_MESSAGE);
    const now = ctx.clock.nowMs();
    state.usage[key] = { used: used + n, windowStartMs: u?.windowStartMs ?? now };
    const mail: SentMail = {
      from: ctx.currentUser().email,
      to,
      cc,
      bcc,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      sentAtMs: now,
    };
    if (m.htmlBody !== undefined) mail.htmlBody = String(m.htmlBody);
    if (m.name !== undefined) mail.name = String(m.name);
    if (m.replyTo !== undefined) mail.replyTo = String(m.replyTo);
    if (m.noReply !== undefined) mail.noReply = Boolean(m.noReply);
    if (m.attachments !== undefined) mail.attachments = (m.attachments as unknown[]).length;
    state.outbox.push(mail);
  };

  function sendEmail(message: MailMessage): void;
  function sendEmail(recipient: string, subject: string, body: string, options?: GoogleAppsScript.Mail.MailAdvancedParameters): void;
  function sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  function sendEmail(a: MailMessage | string, b?: string, c?: string, d?: string | GoogleAppsScript.Mail.MailAdvancedParameters): void {
    if (typeof a === 'object' && a !== null) send(a);
    else if (typeof d === 'string') send({ to: a, replyTo: b, subject: c, body: d });
    else send({ ...(d ?? {}), to: a, subject: b, body: c });
  }

  const MailApp = {
    sendEmail,
    getRemainingDailyQuota: () => state.dailyQuota - (usageOf().u?.used ?? 0),
  } as unknown as MailAppApi;
  return {
    MailApp,
    control: {
      state,
      get outbox() {
        return state.outbox;
      },
      setDailyQuota(n) {
        state.dailyQuota = n;
      },
    },
  };
}
