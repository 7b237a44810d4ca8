/** Customers tab: a few hundred customers across stages, intention levels and scenarios. */
import { findColumns } from './columns';
import { label, pad, type DemoContext, type DemoCustomer } from './context';
import { COMPANY, PEOPLE, TEXTS } from './names';
import { dayOffset } from './random';
import { appendRows, type DemoRow } from './write';

const STAGES: [string, number][] = [
  ['reach', 22],
  ['needs', 16],
  ['solution', 12],
  ['objections', 9],
  ['negotiation', 7],
  ['delivery', 8],
  ['won', 12],
  ['lost', 8],
  ['on_hold', 6],
];

export function fillCustomers(ctx: DemoContext, count: number): DemoCustomer[] {
  const cols = findColumns(ctx.rt, 'customers');
  if (!cols) throw new Error('The Customers tab is missing: did setupWorkbook run?');
  const { rng, lang } = ctx;
  const names = new Set<string>();
  const customers: DemoCustomer[] = [];
  const rows: DemoRow[] = [];
  for (let i = 1; i <= count; i++) {
    let name = '';
    for (let tries = 0; tries < 20 && (!name || names.has(name)); tries++) {
      const c = COMPANY[lang];
      name =
        lang === 'zh' ? `${rng.pick(c.first)}${rng.pick(c.second)}${rng.pick(c.suffix)}` : `${rng.pick(c.first)} ${rng.pick(c.second)} ${rng.pick(c.suffix)}`;
    }
    if (names.has(name)) name = `${name} ${i}`;
    names.add(name);
    const stage = rng.weighted(STAGES);
    const needConfirmed = stage !== 'reach' && rng.chance(stage === 'needs' ? 0.6 : 0.9);
    const budgetConfirmed = needConfirmed && rng.chance(['negotiation', 'delivery', 'won'].includes(stage) ? 0.95 : 0.45);
    const intention = needConfirmed ? (budgetConfirmed ? 'high' : 'medium') : 'low';
    const scenario = rng.weighted([
      ['new', 6],
      ['repurchase', 3],
      ['key_account', 1],
    ] as const);
    const owner = rng.pick(ctx.reps);
    const createdAt = dayOffset(rng, ctx.now, -rng.int(3, 420));
    const ageDays = Math.round((ctx.now.getTime() - createdAt.getTime()) / 86_400_000);
    const lastContact =
      stage === 'reach' && rng.chance(0.3)
        ? null
        : dayOffset(rng, ctx.now, -rng.int(0, Math.max(1, Math.min(ageDays, stage === 'on_hold' || stage === 'lost' ? 200 : 60))));
    const p = PEOPLE[lang];
    const contact = lang === 'zh' ? `${rng.pick(p.last)}${rng.pick(p.first)}` : `${rng.pick(p.first)} ${rng.pick(p.last)}`;
    const id = `C-${pad(i)}`;
    const contactEmail = `contact${i}@customer${(i % 97) + 1}.example.com`;
    const employees = rng.weighted([
      [rng.int(5, 50), 4],
      [rng.int(51, 500), 4],
      [rng.int(501, 5000), 2],
    ] as const);
    rows.push({
      customer_id: id,
      name,
      industry: label(
        ctx,
        'industry',
        rng.pick(['manufacturing', 'retail', 'it', 'finance', 'health', 'education', 'logistics', 'construction', 'services', 'public']),
      ),
      employees,
      annual_revenue: Math.round(employees * rng.int(60, 250)) * 1000,
      contact_name: contact,
      contact_title: rng.pick(p.titles),
      phone: lang === 'zh' ? `1${rng.int(30, 89)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}` : `(555) ${rng.int(100, 999)}-${rng.int(1000, 9999)}`,
      email: contactEmail,
      source: label(ctx, 'source', rng.pick(['website', 'white_paper', 'social', 'trade_show', 'association', 'referral', 'other'])),
      scenario: label(ctx, 'scenario', scenario),
      needs: rng.pick(TEXTS[lang].needs),
      need_confirmed: needConfirmed,
      budget_confirmed: budgetConfirmed,
      stage: label(ctx, 'stage', stage),
      owner: owner.name,
      last_contact_at: lastContact,
      created_at: createdAt,
      created_by: owner.email,
      updated_at: lastContact ?? createdAt,
    });
    customers.push({ id, name, owner, stage, intention, scenario, contactEmail, createdAt, lastContact });
  }
  appendRows(cols, rows);
  return customers;
}
