/**
 * Demo data for the playground: runs the add-in's own set-up, then fills a team and a few
 * hundred customers with deals, follow-ups (some overdue), objections of every type and survey
 * responses. Seeded: the same seed and date give the same workbook. One module per tab.
 */
import type { LocalRuntime } from '../../index';
import type { DemoContext, Lang } from './context';
import { Rng } from './random';
import { fillTeam } from './team';
import { fillCustomers } from './customers';
import { fillDeals } from './deals';
import { fillFollowups } from './followups';
import { fillObjections } from './objections';
import { fillSurveys } from './surveys';
import { fillTargets } from './targets';

export interface DemoOptions {
  seed?: number;
  customers?: number;
}

export interface DemoSummary {
  team: number;
  customers: number;
  deals: number;
  followups: number;
  objections: number;
  surveys: number;
}

export function fillDemo(rt: LocalRuntime, options: DemoOptions = {}): DemoSummary {
  const lang: Lang = /^zh/i.test(rt.user.locale) ? 'zh' : 'en';
  rt.run('setupWorkbook');
  const ctx: DemoContext = {
    rt,
    rng: new Rng(options.seed ?? 20260302),
    now: rt.clock.now(),
    lang,
    team: [],
    reps: [],
    customers: [],
    deals: [],
  };
  ctx.team = fillTeam(ctx);
  ctx.reps = ctx.team.filter((m) => m.role === 'rep');
  ctx.customers = fillCustomers(ctx, options.customers ?? 300);
  ctx.deals = fillDeals(ctx);
  const followups = fillFollowups(ctx);
  const objections = fillObjections(ctx);
  const surveys = fillSurveys(ctx);
  fillTargets(ctx);
  // Deals and surveys went straight into the sheet: let the add-in work out the values it keeps
  // on each customer (12-month value, share ahead, last score) so tiers and gold show at once.
  rt.run('refreshCustomerValues');
  // The team is known now: the Dashboard's and the Team tab's per-rep rows and charts follow it.
  rt.run('rebuildSummaries');
  // The demo team's manager is the one looking at the playground first.
  const manager = ctx.team.find((m) => m.role === 'manager');
  if (manager) rt.setUser({ email: manager.email });
  rt.run('onOpen');
  return { team: ctx.team.length, customers: ctx.customers.length, deals: ctx.deals.length, followups, objections, surveys };
}
