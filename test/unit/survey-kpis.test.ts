import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/core/cadence/time';
import {
  averageScore,
  csat,
  netPromoterScore,
  responseRateByRound,
  coverage,
  openRecoveryCases,
  surveySettings,
  SCORE_KEYS,
  type ResponseFacts,
  type SurveySend,
  type SatisfactionKey,
} from '../../src/core/survey';
import { Rng } from '../../src/local/playground/demo/random';
import { at } from './bilingual-helpers';

const TZ = 'Asia/Shanghai';
const S = surveySettings();
const DAY = 86_400_000;

function resp(
  customerId: string | null,
  day: string,
  scores: Partial<ResponseFacts['scores']>,
  overall: SatisfactionKey | null,
  nps: number | null,
): ResponseFacts {
  return { customerId, answeredAt: at(day, TZ), scores, overall, nps };
}

function send(round: string, customerId: string, status: SurveySend['status'], sentDay: string | null): SurveySend {
  return {
    round,
    kind: 'relationship',
    customerId,
    code: `${round}-${customerId}`,
    locale: 'en',
    status,
    deliveredAt: null,
    sentAt: sentDay ? at(sentDay, TZ) : null,
    reminderAt: null,
    answeredAt: status === 'answered' ? at(sentDay!, TZ) + DAY : null,
  };
}

describe('satisfaction measures on hand-checked data', () => {
  const rs = [
    resp('C-1', '2026-01-05', { service_quality: 5, teamwork: 4 }, 'satisfied', 10),
    resp('C-2', '2026-01-20', { service_quality: 3, teamwork: 2 }, 'neutral', 7),
    resp('C-3', '2026-02-02', { service_quality: 1 }, 'unsatisfied', 3),
    resp('C-4', '2026-02-10', { service_quality: 4, teamwork: 5 }, 'satisfied', 9),
    resp(null, '2026-02-11', { service_quality: 1, teamwork: 1 }, 'unsatisfied', 0), // flagged: not counted
    resp('C-5', '2026-02-12', {}, null, null), // answered nothing measurable
  ];

  it('average per dimension over the answers that have it', () => {
    expect(averageScore(rs, 'service_quality')).toBe((5 + 3 + 1 + 4) / 4);
    expect(averageScore(rs, 'teamwork')).toBe((4 + 2 + 5) / 3);
    expect(averageScore(rs, 'dim_access')).toBeNull();
    expect(averageScore(rs, 'service_quality', { from: at('2026-02-01', TZ), to: at('2026-03-01', TZ) })).toBe(2.5);
  });

  it('CSAT: 2 satisfied of 4 rated', () => {
    expect(csat(rs)).toBe(0.5);
    expect(csat(rs, { from: at('2026-01-01', TZ), to: at('2026-02-01', TZ) })).toBe(0.5);
    expect(csat([])).toBeNull();
  });

  it('NPS: 2 promoters, 1 passive, 1 detractor of 4 → +25', () => {
    expect(netPromoterScore(rs, S)).toBe(25);
    expect(netPromoterScore(rs, surveySettings({ nps_promoter_min: 10 }))).toBe(0);
    expect(netPromoterScore(rs.slice(2, 3), S)).toBe(-100);
    expect(netPromoterScore([], S)).toBeNull();
  });

  it('response rate per round: queued and failed sends are not counted as sent', () => {
    const sends = [
      send('R1', 'C-1', 'answered', '2026-01-01'),
      send('R1', 'C-2', 'sent', '2026-01-01'),
      send('R1', 'C-3', 'expired', '2026-01-01'),
      send('R1', 'C-4', 'failed', null),
      send('R2', 'C-1', 'answered', '2026-02-01'),
      send('R2', 'C-5', 'queued', null),
    ];
    const r = responseRateByRound(sends);
    expect(r.get('R1')).toEqual({ sent: 3, answered: 1, rate: 1 / 3 });
    expect(r.get('R2')).toEqual({ sent: 1, answered: 1, rate: 1 });
    expect(r.size).toBe(2);
  });

  it('coverage: active customers surveyed in the last interval; the boundary day counts', () => {
    const now = at('2026-03-31 10:00', TZ); // three months back: 2025-12-31
    const sends = [
      send('R1', 'C-1', 'sent', '2025-12-31'), // boundary: counts
      send('R1', 'C-2', 'answered', '2025-12-30'), // one day too early
      send('R1', 'C-3', 'failed', null),
      send('R1', 'C-9', 'sent', '2026-03-01'), // not an active customer
    ];
    const typed = new Map([['C-4', at('2026-02-01', TZ)]]);
    expect(coverage({ activeCustomerIds: ['C-1', 'C-2', 'C-3', 'C-4', 'C-5'], sends, lastSurveyedAt: typed, now, timeZone: TZ, intervalMonths: 3 })).toBe(
      2 / 5,
    );
    expect(coverage({ activeCustomerIds: [], sends, now, timeZone: TZ, intervalMonths: 3 })).toBeNull();
  });

  it('open recovery cases: service-recovery follow-ups neither done nor cancelled, status in either language', () => {
    const fus = [
      { rule: 'service_recovery', status: 'Planned' },
      { rule: 'service_recovery', status: '已逾期' },
      { rule: 'service_recovery', status: 'Done' },
      { rule: 'service_recovery', status: '已取消' },
      { rule: 'referral_ask', status: 'Planned' },
      { rule: 'service_recovery', status: '' },
    ];
    expect(openRecoveryCases(fus)).toBe(3);
  });
});

describe('satisfaction measures on generated data, against a straightforward recount', () => {
  const rng = new Rng(14);
  const start = at('2025-01-01', TZ);
  const responses: ResponseFacts[] = [];
  for (let i = 0; i < 3000; i++) {
    const scores: ResponseFacts['scores'] = {};
    for (const k of SCORE_KEYS) if (rng.chance(k.startsWith('dim_') ? 0.3 : 0.95)) scores[k] = rng.int(1, 5);
    responses.push({
      customerId: rng.chance(0.05) ? null : `C-${rng.int(1, 800)}`,
      answeredAt: start + rng.int(0, 450) * DAY + rng.int(0, 86_399) * 1000,
      scores,
      overall: rng.chance(0.1) ? null : rng.pick(['satisfied', 'neutral', 'unsatisfied'] as const),
      nps: rng.chance(0.1) ? null : rng.int(0, 10),
    });
  }
  const periods = [undefined, { from: at('2025-04-01', TZ), to: at('2025-07-01', TZ) }, { from: at('2026-01-01', TZ), to: at('2026-12-31', TZ) }];
  const within = (r: ResponseFacts, p?: { from: number; to: number }) => r.customerId !== null && (!p || (r.answeredAt >= p.from && r.answeredAt < p.to));

  it('average per dimension, CSAT and NPS, for three periods', () => {
    for (const p of periods) {
      const mine = responses.filter((r) => within(r, p));
      for (const k of SCORE_KEYS) {
        let sum = 0;
        let n = 0;
        for (const r of mine) {
          if (r.scores[k] == null) continue;
          sum += r.scores[k]!;
          n++;
        }
        expect(averageScore(responses, k, p)).toBeCloseTo(sum / n, 12);
      }
      const rated = mine.filter((r) => r.overall);
      expect(csat(responses, p)).toBeCloseTo(rated.filter((r) => r.overall === 'satisfied').length / rated.length, 12);
      const scored = mine.filter((r) => r.nps !== null).map((r) => r.nps!);
      const promoters = scored.filter((x) => x >= 9).length;
      const detractors = scored.filter((x) => x <= 6).length;
      expect(netPromoterScore(responses, S, p)).toBeCloseTo(((promoters - detractors) / scored.length) * 100, 10);
    }
  });

  it('response rate per round and coverage', () => {
    const sends: SurveySend[] = [];
    const statuses = ['queued', 'sent', 'failed', 'answered', 'expired'] as const;
    for (let i = 0; i < 4000; i++) {
      const status = rng.pick(statuses);
      const day = isoDay(start + rng.int(0, 450) * DAY, TZ);
      sends.push(send(`R${rng.int(1, 12)}`, `C-${rng.int(1, 1200)}`, status, status === 'queued' || status === 'failed' ? null : day));
    }
    const rounds: Record<string, { sent: number; answered: number }> = {};
    for (const s of sends) {
      if (s.status === 'queued' || s.status === 'failed') continue;
      rounds[s.round] ??= { sent: 0, answered: 0 };
      rounds[s.round].sent++;
      if (s.status === 'answered') rounds[s.round].answered++;
    }
    const got = responseRateByRound(sends);
    expect([...got.keys()].sort()).toEqual(Object.keys(rounds).sort());
    for (const [round, r] of Object.entries(rounds)) expect(got.get(round)).toEqual({ ...r, rate: r.answered / r.sent });

    // Coverage with calendar months counted by hand on YYYY-MM-DD strings.
    const active = Array.from({ length: 1000 }, (_, i) => `C-${i + 1}`);
    for (const nowDay of ['2025-05-31', '2025-11-30', '2026-03-15']) {
      const now = at(`${nowDay} 12:00`, TZ);
      for (const months of [1, 3, 6]) {
        let [y, m] = nowDay.split('-').map(Number);
        const d = Number(nowDay.slice(8));
        m -= months;
        while (m < 1) {
          m += 12;
          y--;
        }
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const since = `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
        const covered = new Set(
          sends
            .filter(
              (s) => s.sentAt !== null && s.status !== 'failed' && s.status !== 'queued' && isoDay(s.sentAt, TZ) >= since && isoDay(s.sentAt, TZ) <= nowDay,
            )
            .map((s) => s.customerId),
        );
        const expected = active.filter((id) => covered.has(id)).length / active.length;
        expect(coverage({ activeCustomerIds: active, sends, now, timeZone: TZ, intervalMonths: months }), `${nowDay} − ${months} months`).toBeCloseTo(
          expected,
          12,
        );
      }
    }
  });
});
