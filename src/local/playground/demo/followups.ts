/** Follow-ups tab: done contacts, planned ones, and some overdue (planned in the past, not done). */
import { findColumns } from './columns';
import { label, pad, type DemoContext } from './context';
import { TEXTS } from './names';
import { dayOffset } from './random';
import { appendRows, type DemoRow } from './write';

const PURPOSE_BY_STAGE: Record<string, string> = {
  reach: 'first_contact',
  needs: 'needs_research',
  solution: 'presentation',
  objections: 'objection',
  negotiation: 'negotiation',
  delivery: 'delivery',
  won: 'return_visit',
  lost: 'first_contact',
  on_hold: 'needs_research',
};

export function fillFollowups(ctx: DemoContext): number {
  const cols = findColumns(ctx.rt, 'followups');
  if (!cols) throw new Error('The Follow-ups tab is missing');
  const { rng, lang } = ctx;
  const rows: DemoRow[] = [];
  let n = 0;
  for (const c of ctx.customers) {
    const done = rng.int(0, 3);
    for (let k = 0; k < done; k++) {
      const at = dayOffset(rng, ctx.now, -rng.int(1, 90));
      n++;
      rows.push(row(ctx, `F-${pad(n)}`, c, at, at, rng.pick(TEXTS[lang].summary)));
    }
    if (c.stage === 'lost') continue;
    // One planned contact: most in the coming days, about one in five overdue.
    const overdue = rng.chance(0.2);
    const planned = dayOffset(rng, ctx.now, overdue ? -rng.int(1, 14) : rng.int(0, 21));
    n++;
    const r = row(ctx, `F-${pad(n)}`, c, planned, null, '');
    if (!overdue && rng.chance(0.05)) r.cancelled = true;
    rows.push(r);
  }
  appendRows(cols, rows);
  return rows.length;
}

function row(ctx: DemoContext, id: string, c: DemoContext['customers'][number], planned: Date, done: Date | null, summary: string): DemoRow {
  const { rng, lang } = ctx;
  return {
    followup_id: id,
    customer_id: c.id,
    customer_name: c.name,
    owner: c.owner.name,
    channel: label(ctx, 'channel', rng.pick(['phone', 'email', 'visit', 'video', 'message', 'event'])),
    purpose: label(ctx, 'purpose', PURPOSE_BY_STAGE[c.stage] ?? 'first_contact'),
    planned_at: planned,
    done_at: done,
    summary,
    next_step: rng.pick(TEXTS[lang].next),
    cancelled: false,
    created_at: new Date(Math.min(planned.getTime(), ctx.now.getTime()) - 86_400_000),
    created_by: c.owner.email,
    updated_at: done ?? new Date(Math.min(planned.getTime(), ctx.now.getTime()) - 86_400_000),
  };
}
