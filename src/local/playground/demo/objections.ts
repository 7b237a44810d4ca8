/** Objections tab: objections of every type, some answered, some still open. */
import { findColumns } from './columns';
import { itemKeys, label, pad, type DemoContext } from './context';
import { TEXTS } from './names';
import { dayOffset } from './random';
import { appendRows, type DemoRow } from './write';

export function fillObjections(ctx: DemoContext): number {
  const cols = findColumns(ctx.rt, 'objections');
  if (!cols) throw new Error('The Objections tab is missing');
  const { rng, lang } = ctx;
  const types = itemKeys('objection_type');
  const candidates = ctx.customers.filter((c) => ['objections', 'negotiation', 'solution', 'lost', 'won'].includes(c.stage));
  const rows: DemoRow[] = [];
  const total = Math.max(types.length * 3, Math.round(candidates.length * 0.6));
  for (let n = 1; n <= total && candidates.length; n++) {
    const c = candidates[(n * 7) % candidates.length]!;
    // Every type appears at least three times: the first rows cycle through the types.
    const type = n <= types.length * 3 ? types[(n - 1) % types.length]! : rng.pick(types);
    const raised = dayOffset(rng, ctx.now, -rng.int(0, 60));
    const answered = rng.chance(0.75) ? new Date(raised.getTime() + rng.int(2, 40) * 3_600_000) : null;
    const result = answered
      ? rng.weighted([
          ['resolved', 5],
          ['partly', 3],
          ['unresolved', 2],
        ] as const)
      : null;
    rows.push({
      objection_id: `O-${pad(n)}`,
      customer_id: c.id,
      customer_name: c.name,
      raised_at: raised,
      type: label(ctx, 'objection_type', type),
      details: TEXTS[lang].objection[type] ?? '',
      response: answered ? rng.pick(TEXTS[lang].response) : '',
      answered_at: answered && answered.getTime() < ctx.now.getTime() ? answered : null,
      result: result ? label(ctx, 'objection_result', result) : '',
      next_step: rng.pick(TEXTS[lang].next),
      owner: c.owner.name,
      created_at: raised,
      created_by: c.owner.email,
      updated_at: answered ?? raised,
    });
  }
  appendRows(cols, rows);
  return rows.length;
}
