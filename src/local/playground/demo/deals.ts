/** Deals tab: won deals for customers in delivery or won, some with repeat orders. */
import { findColumns } from './columns';
import { label, pad, type DemoContext, type DemoDeal } from './context';
import { TEXTS } from './names';
import { dateOnly } from './random';
import { appendRows, type DemoRow } from './write';

export function fillDeals(ctx: DemoContext): DemoDeal[] {
  const cols = findColumns(ctx.rt, 'deals');
  if (!cols) throw new Error('The Deals tab is missing');
  const { rng } = ctx;
  const deals: DemoDeal[] = [];
  const rows: DemoRow[] = [];
  let n = 0;
  for (const c of ctx.customers) {
    if (c.stage !== 'won' && c.stage !== 'delivery' && !(c.scenario === 'repurchase' && rng.chance(0.3))) continue;
    const count = c.scenario === 'repurchase' ? rng.int(1, 3) : 1;
    for (let k = 0; k < count; k++) {
      n++;
      const ago = rng.int(5, 360);
      const wonOn = dateOnly(ctx.now, -ago);
      const delivered =
        c.stage === 'delivery' && k === count - 1
          ? rng.chance(0.5)
            ? null
            : dateOnly(ctx.now, -Math.min(ago - 1, rng.int(1, 20)))
          : dateOnly(ctx.now, -Math.max(0, ago - rng.int(3, 30)));
      const amount =
        Math.round(
          rng.weighted([
            [rng.int(5, 30), 6],
            [rng.int(30, 120), 3],
            [rng.int(120, 600), 1],
          ] as const),
        ) * 1000;
      const deal: DemoDeal = { id: `D-${pad(n)}`, customer: c, amount, wonOn, deliveredOn: delivered };
      deals.push(deal);
      rows.push({
        deal_id: deal.id,
        customer_id: c.id,
        customer_name: c.name,
        amount,
        won_on: wonOn,
        product: rng.pick(TEXTS[ctx.lang].products),
        // Every demo deal was won (on won_on): the pipeline measures count it as such.
        status: label(ctx, 'deal_status', 'won'),
        kind: label(ctx, 'deal_kind', k === 0 ? (c.scenario === 'repurchase' ? 'repurchase' : 'new') : rng.pick(['repurchase', 'upsell'])),
        delivered_on: delivered,
        owner: c.owner.name,
        created_at: wonOn,
        created_by: c.owner.email,
        updated_at: delivered ?? wonOn,
      });
    }
  }
  appendRows(cols, rows);
  return deals;
}
