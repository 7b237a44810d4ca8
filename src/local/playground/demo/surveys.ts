/** Survey responses tab: answers to the satisfaction survey for delivered deals. */
import { findColumns } from './columns';
import { label, pad, type DemoContext } from './context';
import { TEXTS } from './names';
import { dayOffset } from './random';
import { appendRows, type DemoRow } from './write';

export function fillSurveys(ctx: DemoContext): number {
  const cols = findColumns(ctx.rt, 'survey_responses');
  if (!cols) throw new Error('The Survey responses tab is missing');
  const { rng, lang } = ctx;
  const rows: DemoRow[] = [];
  let n = 0;
  for (const d of ctx.deals) {
    if (!d.deliveredOn || !rng.chance(0.7)) continue;
    const daysSince = Math.floor((ctx.now.getTime() - d.deliveredOn.getTime()) / 86_400_000);
    if (daysSince < 7) continue;
    n++;
    const mood = rng.weighted([
      ['satisfied', 6],
      ['neutral', 3],
      ['unsatisfied', 1],
    ] as const);
    const base = mood === 'satisfied' ? 4 : mood === 'neutral' ? 3 : 2;
    const s = () => Math.max(1, Math.min(5, base + rng.int(-1, 1)));
    const answered = dayOffset(rng, ctx.now, -rng.int(0, Math.max(0, daysSince - 7)));
    rows.push({
      response_id: `R-${pad(n)}`,
      customer_id: d.customer.id,
      customer_name: d.customer.name,
      answered_at: answered,
      service_quality: s(),
      solution_effect: s(),
      response_speed: s(),
      teamwork: s(),
      overall: label(ctx, 'satisfaction', mood),
      nps: Math.max(0, Math.min(10, base * 2 + rng.int(-1, 1))),
      suggestions: rng.pick(TEXTS[lang].suggestions),
      token: `demo-${pad(n, 4)}`,
      owner: d.customer.owner.name,
      created_at: answered,
      created_by: 'survey',
      updated_at: answered,
    });
  }
  appendRows(cols, rows);
  return rows.length;
}
