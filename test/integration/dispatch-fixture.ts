/**
 * The hourly dispatcher as Google runs it: only its own trigger's execution does the jobs
 * (issue 13), so a test that wants "the next hourly run now" makes sure the user has the trigger
 * (turning reminders on installs it; off keeps it for the other jobs) and fires it.
 */
import type { LocalRuntime } from '../../src/local';

export interface DispatchRun {
  ran: string[];
  failed: { job: string; message: string }[];
  skipped?: string;
}

/** Fires the current user's dispatcher trigger now, installing it first (reminders left as they were) when the user has none. */
export function dispatchNow(rt: LocalRuntime): DispatchRun {
  const key = rt.user.key || rt.user.email || 'anonymous';
  const has = rt.triggers.state.triggers.some((t) => t.handler === 'dispatch_' && t.ownerKey === key);
  if (!has) {
    const wasOn = rt.save().services.properties.document['salesdesk.reminders.enabled'] === 'true';
    if (rt.run('turnOnReminders') === 'denied') throw new Error('dispatchNow: the current user is no manager');
    if (!wasOn) rt.run('turnOffReminders');
  }
  return rt.fireTrigger('dispatch_') as DispatchRun;
}
