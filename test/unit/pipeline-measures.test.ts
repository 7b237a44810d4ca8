/**
 * Issue 15's pipeline measures on a generated history — 3,000 customers, 6,000 deals, stage
 * changes over 18 months — each checked against a second, straightforward computation written
 * here (loops and filters over the raw rows, money summed in cents by string arithmetic), also
 * after the stage probabilities change in Settings. And: replaying the stage history reproduces
 * every customer's current stage, including stages typed in the grid and detected later.
 */
import { describe, expect, it } from 'vitest';
import {
  averageDaysInStage,
  detectStageChanges,
  historyGaps,
  monthKey,
  openPipelineByStage,
  PIPELINE_STAGES,
  replayStages,
  salesCycleDays,
  stageConversion,
  stageProbabilities,
  staleDeals,
  weightedForecastByMonth,
  wonLost,
  type Deal,
  type StageChange,
} from '../../src/core/pipeline';
import { STAGE_KEYS, type StageKey } from '../../src/core/customers/stage';
import { listLabel } from '../../src/core/lists';
import { serialFromYmd } from '../../src/core/tiers/dates';

const START = serialFromYmd(2025, 1, 1);
const TODAY = serialFromYmd(2026, 7, 1); // 18 months later
const CUSTOMERS = 3000;
const DEALS = 6000;

function rng(seed: number) {
  let s = seed;
  const next = () => (s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647;
  return {
    next,
    int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

interface World {
  history: StageChange[];
  register: Map<string, string>;
  firstContact: Map<string, number>;
  lastContact: Map<string, number>;
  deals: Deal[];
}

function generate(seed: number): World {
  const r = rng(seed);
  const history: StageChange[] = [];
  const register = new Map<string, string>();
  const firstContact = new Map<string, number>();
  const lastContact = new Map<string, number>();
  for (let i = 1; i <= CUSTOMERS; i++) {
    const id = `C-${String(i).padStart(6, '0')}`;
    let at = START + r.int(0, 520) + r.int(0, 23) / 24;
    let stage: StageKey | null = null;
    let k = 0;
    const push = (to: StageKey) => {
      history.push({ customerId: id, from: stage, to, at, by: 'Ana', source: r.pick(['form', 'import', 'deal', 'followup'] as const), detected: false });
      stage = to;
    };
    push('reach');
    if (r.chance(0.8)) firstContact.set(id, at + r.int(0, 3));
    while (at < TODAY - 1) {
      at += r.int(1, 40) + r.int(0, 23) / 24;
      if (at >= TODAY) break;
      const roll = r.next();
      if (roll < 0.08) push('lost');
      else if (roll < 0.12) push('on_hold');
      else if (roll < 0.16 && k > 0)
        push(PIPELINE_STAGES[--k]); // a step back happens
      else if (k < PIPELINE_STAGES.length - 1) push(PIPELINE_STAGES[++k]);
      else push('won');
      if (stage === 'lost' || stage === 'won' || r.chance(0.1)) break;
    }
    // Some customers get the same stage written again (no change), some an extra change at the very same time.
    if (r.chance(0.05)) history.push({ customerId: id, from: stage, to: stage, at, by: 'Bo', source: 'form', detected: false });
    register.set(id, stage ? listLabel('stage', stage, r.chance(0.5) ? 'en' : 'zh') : '');
    if (firstContact.has(id)) lastContact.set(id, Math.min(TODAY, firstContact.get(id)! + r.int(0, 500)));
  }
  // Log order is not time order: the log is appended as paths run, and tests should not rely on it.
  for (let i = history.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [history[i], history[j]] = [history[j], history[i]];
  }
  const ids = [...register.keys()];
  const deals: Deal[] = [];
  for (let n = 1; n <= DEALS; n++) {
    const status = r.pick(['open', 'open', 'won', 'lost'] as const);
    const opened = START + r.int(0, 530);
    const closedOn = status === 'open' ? null : Math.min(TODAY - 1, opened + r.int(0, 120));
    deals.push({
      id: `D-${n}`,
      customerId: r.chance(0.01) ? 'C-999999' : r.pick(ids),
      scenario: r.pick(['new', 'repurchase', 'key_account', null] as const),
      amount: r.int(1, 5_000_000) / 100 + (r.chance(0.2) ? r.int(1, 20) * 10_000 : 0),
      currency: r.chance(0.05) ? 'USD' : 'CNY',
      expectedClose: r.chance(0.1) ? null : opened + r.int(10, 200),
      probability: r.chance(0.3) ? r.int(0, 100) / 100 : null,
      status,
      closedOn,
      lossReason: status === 'lost' ? 'Price' : '',
      owner: 'Ana',
      expectedDelivery: null,
      deliveredOn: null,
      createdAt: r.chance(0.02) ? null : opened,
    });
  }
  return { history, register, firstContact, lastContact, deals };
}

const w = generate(2026);
const stageKey = (label: string): StageKey | null =>
  STAGE_KEYS.find((k) => listLabel('stage', k, 'en') === label || listLabel('stage', k, 'zh') === label) ?? null;
const stageOf = (id: string) => stageKey(w.register.get(id) ?? '');
/** Cents of an amount by its decimal text (no float sums): 1234.5 → 123450. */
const cents = (x: number) => {
  const [i, f = ''] = x.toFixed(2).split('.');
  return Number(i) * 100 + Number(f);
};
const sumCents = (xs: number[]) => xs.reduce((a, x) => a + cents(x), 0) / 100;

/** The straightforward timeline of one customer: its changes in time order (ties in log order). */
function timeline(id: string): StageChange[] {
  const rows = w.history.map((h, i) => ({ h, i })).filter((x) => x.h.customerId === id);
  rows.sort((a, b) => (a.h.at !== b.h.at ? a.h.at - b.h.at : a.i - b.i));
  return rows.map((x) => x.h);
}
const timelines = new Map([...w.register.keys()].map((id) => [id, timeline(id)]));

describe('the generated history', () => {
  it('has the size the issue asks for, over 18 months', () => {
    expect(w.register.size).toBe(3000);
    expect(w.deals.length).toBe(6000);
    const times = w.history.map((h) => h.at);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(500);
    expect(w.history.length).toBeGreaterThan(9000);
  });
});

describe('stage history', () => {
  it('replaying it reproduces every customer’s current stage, and “in this stage since”', () => {
    expect(historyGaps(w.history, w.register)).toEqual([]);
    const replayed = replayStages(w.history);
    for (const [id, list] of timelines) {
      const last = list[list.length - 1];
      expect(replayed.get(id)).toEqual({ stage: last.to, since: last.at });
    }
  });

  it('finds stages typed in the grid, stamped when detected, and stays complete with them', () => {
    const before = new Map(w.register);
    const now = new Map(w.register);
    const typed = ['C-000010', 'C-000020', 'C-000030'];
    now.set(typed[0], listLabel('stage', 'negotiation', 'zh'));
    now.set(typed[1], '');
    now.set(typed[2], listLabel('stage', 'lost', 'en'));
    now.set('C-000040', listLabel('stage', stageOf('C-000040') ?? 'reach', 'zh')); // relabelled in Chinese: no change
    now.set('C-009999', listLabel('stage', 'reach', 'en')); // a new row typed in the grid
    const detectedAt = TODAY + 0.4;
    const found = detectStageChanges(before, now, detectedAt, 'Mia');
    const changed = typed.filter((id) => stageKey(now.get(id)!) !== stageOf(id));
    expect(found.map((f) => f.customerId).sort()).toEqual([...changed, 'C-009999'].sort());
    expect(found.every((f) => f.at === detectedAt && f.detected && f.source === 'grid' && f.by === 'Mia')).toBe(true);
    expect(found.find((f) => f.customerId === 'C-000010')).toMatchObject({ from: stageOf('C-000010'), to: 'negotiation' });
    expect(historyGaps(w.history, now).length).toBeGreaterThan(0);
    expect(historyGaps([...w.history, ...found], now)).toEqual([]);
  });
});

describe('pipeline measures against a straightforward computation', () => {
  const CNY = 'CNY' as const;
  const open = w.deals.filter((d) => d.status === 'open' && d.currency === CNY);

  it('open pipeline count and value by stage', () => {
    const m = openPipelineByStage({ deals: w.deals, stageOf, currency: CNY });
    let total = 0;
    for (const s of [...STAGE_KEYS, null]) {
      const here = open.filter((d) => stageOf(d.customerId) === s);
      total += here.length;
      expect(m.get(s)!.count, String(s)).toBe(here.length);
      expect(m.get(s)!.value, String(s)).toBe(sumCents(here.map((d) => d.amount)));
    }
    expect(total).toBe(open.length);
  });

  it('weighted forecast by expected-close month, with the default and with changed stage probabilities', () => {
    for (const settings of [{}, { stage_probability_reach: 0.25, stage_probability_negotiation: 0.95, stage_probability_on_hold: 0 }]) {
      const p = stageProbabilities(settings);
      const m = weightedForecastByMonth({ deals: w.deals, stageOf, currency: CNY }, p);
      const expected = new Map<number, number>();
      for (const d of open) {
        const date = d.expectedClose === null ? null : new Date((d.expectedClose - 25569) * 86_400_000);
        const key = date ? date.getUTCFullYear() * 100 + date.getUTCMonth() + 1 : 0;
        const prob = d.probability !== null ? d.probability : p[stageOf(d.customerId) ?? 'reach'];
        expected.set(key, (expected.get(key) ?? 0) + d.amount * prob);
      }
      expect([...m.keys()].sort()).toEqual([...expected.keys()].sort());
      // To the cent: the measure is the exact sum rounded to cents.
      for (const [k, v] of expected) expect(Math.abs(m.get(k)! - v), String(k)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(stageProbabilities({ stage_probability_reach: 0.25 }).reach).toBe(0.25);
    expect(stageProbabilities({ stage_probability_reach: 7 }).reach).toBe(0.1);
  });

  it('won and lost in each month and over the whole period, win rate, average deal size', () => {
    const periods = Array.from({ length: 18 }, (_, i) => ({ from: serialFromYmd(2025, 1 + i, 1), to: serialFromYmd(2025, 2 + i, 1) }));
    periods.push({ from: START, to: TODAY });
    for (const p of periods) {
      const m = wonLost(w.deals, p, CNY);
      const closed = w.deals.filter((d) => d.closedOn !== null && d.closedOn >= p.from && d.closedOn < p.to);
      const won = closed.filter((d) => d.status === 'won' && d.currency === CNY);
      const lost = closed.filter((d) => d.status === 'lost' && d.currency === CNY);
      expect(m.won).toEqual({ count: won.length, value: sumCents(won.map((d) => d.amount)) });
      expect(m.lost).toEqual({ count: lost.length, value: sumCents(lost.map((d) => d.amount)) });
      expect(m.otherCurrency).toBe(closed.filter((d) => d.currency !== CNY).length);
      if (won.length + lost.length) expect(m.winRate! * 1000).toBeCloseTo((won.length / (won.length + lost.length)) * 1000, 0);
      else expect(m.winRate).toBeNull();
      if (won.length) expect(m.averageDealSize!).toBeCloseTo(sumCents(won.map((d) => d.amount)) / won.length, 2);
    }
  });

  it('sales cycle: first contact → won', () => {
    const p = { from: START, to: TODAY };
    const m = salesCycleDays(w.deals, (id) => w.firstContact.get(id) ?? null, p);
    const days: number[] = [];
    for (const d of w.deals) {
      if (d.status !== 'won') continue;
      const first = w.firstContact.get(d.customerId);
      if (first === undefined || first > d.closedOn!) continue;
      days.push(d.closedOn! - Math.floor(first));
    }
    expect(m.deals).toBe(days.length);
    expect(m.average!).toBeCloseTo(days.reduce((a, b) => a + b, 0) / days.length, 6);
  });

  it('average days in each stage (stays that ended) and the stays still going on', () => {
    const m = averageDaysInStage(w.history);
    for (const s of STAGE_KEYS) {
      const lengths: number[] = [];
      let ongoing = 0;
      for (const list of timelines.values()) {
        list.forEach((h, i) => {
          if (h.to !== s) return;
          if (i + 1 < list.length) lengths.push(list[i + 1].at - h.at);
          else ongoing++;
        });
      }
      const got = m.get(s)!;
      expect(got.completed, s).toBe(lengths.length);
      expect(got.ongoing, s).toBe(ongoing);
      if (lengths.length) expect(got.average!, s).toBeCloseTo(lengths.reduce((a, b) => a + b, 0) / lengths.length, 6);
    }
  });

  it('stage-to-stage conversion', () => {
    const rank = (s: StageKey | null) => (s === 'won' ? 6 : s ? PIPELINE_STAGES.indexOf(s) : -1);
    const got = stageConversion(w.history);
    expect(got.map((g) => `${g.from}→${g.to}`)).toEqual([
      'reach→needs',
      'needs→solution',
      'solution→objections',
      'objections→negotiation',
      'negotiation→delivery',
    ]);
    PIPELINE_STAGES.slice(0, 5).forEach((stage, k) => {
      let entered = 0;
      let advanced = 0;
      for (const list of timelines.values()) {
        const firstIn = list.findIndex((h) => h.to === stage);
        if (firstIn < 0) continue;
        entered++;
        if (list.slice(firstIn + 1).some((h) => rank(h.to) > k)) advanced++;
      }
      expect(got[k].entered, stage).toBe(entered);
      expect(got[k].advanced, stage).toBe(advanced);
      expect(got[k].rate! * 1000).toBeCloseTo((advanced / entered) * 1000, 0);
    });
  });

  it('stale deals: open, no contact for more than N days', () => {
    for (const n of [30, 90]) {
      const got = staleDeals(w.deals, (id) => w.lastContact.get(id) ?? null, TODAY, n)
        .map((s) => s.deal.id)
        .sort();
      const expected = w.deals
        .filter((d) => d.status === 'open')
        .filter((d) => {
          const since = w.lastContact.get(d.customerId) ?? d.createdAt;
          return since === null || TODAY - Math.floor(since) > n;
        })
        .map((d) => d.id)
        .sort();
      expect(got).toEqual(expected);
      expect(got.length).toBeGreaterThan(100);
    }
  });

  it('month keys are YEAR*100+MONTH of the day', () => {
    expect(monthKey(serialFromYmd(2026, 12, 31) + 0.99)).toBe(202612);
  });
});
