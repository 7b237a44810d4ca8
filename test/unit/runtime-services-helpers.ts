import { CallCounter, SimulatedClock, type RuntimeContext, type UserIdentity } from '../../src/local/runtime/context';

export function makeCtx(user: UserIdentity = { email: 'ana@example.com', locale: 'en' }, timeZone = 'Asia/Shanghai') {
  const clock = new SimulatedClock(Date.UTC(2026, 0, 5, 1, 0, 0));
  const counter = new CallCounter(clock);
  let current = user;
  const ctx: RuntimeContext = { clock, counter, scriptTimeZone: timeZone, currentUser: () => current };
  return { ctx, clock, counter, setUser: (u: UserIdentity) => (current = u) };
}
