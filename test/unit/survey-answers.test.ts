import { describe, expect, it } from 'vitest';
import {
  readResponse,
  readResponses,
  referenceCodeFromBytes,
  surveySettings,
  npsClass,
  sendsByCode,
  followUpText,
  type AnswerContext,
  type SurveySend,
} from '../../src/core/survey';
import { at } from './bilingual-helpers';

const TZ = 'Asia/Shanghai';
const S = surveySettings();
const code = (seed: number) => referenceCodeFromBytes(Array.from({ length: 11 }, (_, i) => (seed * 37 + i * 11) % 248));
const CODE = code(1);
const OTHER = code(2);

const sent: SurveySend = {
  round: 'R1',
  kind: 'after_delivery',
  customerId: 'C-000042',
  code: CODE,
  locale: 'zh',
  status: 'sent',
  deliveredAt: at('2026-02-01', TZ),
  sentAt: at('2026-03-01 10:00', TZ),
  reminderAt: null,
  answeredAt: null,
};

function ctx(over: Partial<AnswerContext> = {}): AnswerContext {
  return { sendsByCode: new Map([[CODE, sent]]), answeredCodes: new Set(), settings: S, timeZone: TZ, ...over };
}

const good = {
  service_quality: '4',
  solution_effect: '5',
  response_speed: '4',
  teamwork: '5',
  overall: 'Satisfied',
  nps: '8',
  suggestions: 'Keep it up',
  reference_code: CODE,
};
const answer = (answers: Record<string, unknown>, when = '2026-03-03 15:00') => ({ answers, submittedAt: at(when, TZ) });

describe('reading an answer', () => {
  it('attaches a valid code to its customer and reads the scores', () => {
    const r = readResponse(answer(good), ctx());
    expect(r).toMatchObject({
      flag: null,
      customerId: 'C-000042',
      code: CODE,
      overall: 'satisfied',
      nps: 8,
      npsClass: 'passive',
      average: 4.5,
      invalid: [],
      lowScores: [],
      followUps: [],
    });
    expect(r.scores.service_quality).toBe(4);
    expect(r.scores.dim_reliability).toBeNull();
    expect(r.texts.suggestions).toBe('Keep it up');
  });

  it('accepts the choice in either language and the code in any case or spacing', () => {
    const r = readResponse(answer({ ...good, overall: '不满意', reference_code: ` ${CODE.toLowerCase().replace(/-/g, ' ')} ` }), ctx());
    expect(r.flag).toBeNull();
    expect(r.overall).toBe('unsatisfied');
    expect(r.codeAsTyped).toBe(CODE.toLowerCase().replace(/-/g, ' '));
  });

  it('keeps answers it cannot read as blank and names them', () => {
    const r = readResponse(answer({ ...good, teamwork: '7', nps: 'ten', overall: 'Great', dim_access: 3 }), ctx());
    expect(r.invalid.sort()).toEqual(['nps', 'overall', 'teamwork']);
    expect(r.scores.teamwork).toBeNull();
    expect(r.scores.dim_access).toBe(3);
    expect(r.average).toBeCloseTo(13 / 3);
  });

  it('keeps formula-like text exactly as typed (the writer stores it as text)', () => {
    const r = readResponse(answer({ ...good, suggestions: '=HYPERLINK("http://x","y")', improve: '+1 faster' }), ctx());
    expect(r.texts.suggestions).toBe('=HYPERLINK("http://x","y")');
    expect(r.texts.improve).toBe('+1 faster');
  });
});

describe('reference-code flags: kept, never attached', () => {
  it('missing, edited, unknown, reused and expired', () => {
    const edited = CODE.slice(0, 2) + (CODE[2] === 'A' ? 'B' : 'A') + CODE.slice(3);
    const swapped = CODE[0] !== CODE[1] ? CODE[1] + CODE[0] + CODE.slice(2) : null;
    const cases: [string, Record<string, unknown>, Partial<AnswerContext>, string][] = [
      ['missing', { ...good, reference_code: '' }, {}, '2026-03-03'],
      ['edited', { ...good, reference_code: edited }, {}, '2026-03-03'],
      ['edited', { ...good, reference_code: 'I changed it' }, {}, '2026-03-03'],
      ['unknown', { ...good, reference_code: OTHER }, {}, '2026-03-03'],
      ['reused', good, { answeredCodes: new Set([CODE]) }, '2026-03-03'],
      ['reused', good, { sendsByCode: new Map([[CODE, { ...sent, status: 'answered', answeredAt: at('2026-03-02', TZ) }]]) }, '2026-03-03'],
      ['expired', good, {}, '2026-03-15 00:00'],
      ['expired', good, { sendsByCode: new Map([[CODE, { ...sent, status: 'expired' }]]) }, '2026-03-04'],
    ];
    if (swapped) cases.push(['edited', { ...good, reference_code: swapped }, {}, '2026-03-03']);
    for (const [flag, answers, c, when] of cases) {
      const r = readResponse(answer({ ...answers, overall: 'Unsatisfied' }, when), ctx(c));
      expect(r.flag, `${flag}: ${String(answers.reference_code)}`).toBe(flag);
      expect(r.customerId).toBeNull();
      expect(r.followUps).toEqual([]); // nobody to follow up with…
      expect(r.lowScores).toEqual([{ kind: 'unsatisfied' }]); // …but the manager still sees why it matters
    }
  });

  it('matches codes retyped on the sends tab in another case or spacing; a broken cell matches nothing', () => {
    const index = sendsByCode([
      { ...sent, code: CODE.toLowerCase().replace(/-/g, ' ') },
      { ...sent, customerId: 'C-9', code: 'n/a' },
    ]);
    expect([...index.keys()]).toEqual([CODE]);
    expect(readResponse(answer(good), ctx({ sendsByCode: index })).customerId).toBe('C-000042');
  });

  it('the last day before expiry still counts', () => {
    expect(readResponse(answer(good, '2026-03-14 23:59'), ctx()).flag).toBeNull();
  });

  it('a second answer with the same code in one batch is reused; the first one stays attached', () => {
    const rs = readResponses([answer({ ...good, nps: '3' }, '2026-03-04'), answer(good, '2026-03-03')], ctx());
    expect(rs.map((r) => [r.flag, r.customerId])).toEqual([
      [null, 'C-000042'],
      ['reused', null],
    ]);
  });
});

describe('what an answer sets in motion', () => {
  it('a low dimension, an unsatisfied overall, a detractor: one service-recovery follow-up due 24 h later', () => {
    const r = readResponse(answer({ ...good, response_speed: '2', overall: 'Unsatisfied', nps: '6' }, '2026-03-03 15:00'), ctx());
    expect(r.lowScores).toEqual([{ kind: 'score', item: 'response_speed', score: 2 }, { kind: 'unsatisfied' }, { kind: 'detractor', score: 6 }]);
    expect(r.followUps).toEqual([{ kind: 'service_recovery', customerId: 'C-000042', dueAt: at('2026-03-04 15:00', TZ), reasons: r.lowScores }]);
  });

  it('thresholds are settings; 3 is not low by default', () => {
    expect(readResponse(answer({ ...good, teamwork: '3', nps: '7' }), ctx()).lowScores).toEqual([]);
    const strict = surveySettings({ survey_low_score: 3, nps_detractor_max: 7, survey_recovery_hours: 4 });
    const r = readResponse(answer({ ...good, teamwork: '3', nps: '7' }, '2026-03-03 15:00'), ctx({ settings: strict }));
    expect(r.lowScores.map((x) => x.kind)).toEqual(['score', 'detractor']);
    expect(r.followUps[0].dueAt).toBe(at('2026-03-03 19:00', TZ));
  });

  it('an optional dimension scored 1 also triggers recovery', () => {
    expect(readResponse(answer({ ...good, dim_courtesy: '1' }), ctx()).followUps.map((f) => f.kind)).toEqual(['service_recovery']);
  });

  it('a satisfied promoter gets a referral ask; a promoter with a low score gets recovery instead', () => {
    const p = readResponse(answer({ ...good, nps: '9' }, '2026-03-03 15:00'), ctx());
    expect(p.npsClass).toBe('promoter');
    expect(p.followUps).toEqual([{ kind: 'referral_ask', customerId: 'C-000042', dueAt: at('2026-03-10 15:00', TZ), reasons: [] }]);
    expect(readResponse(answer({ ...good, nps: '10', overall: 'Neutral' }), ctx()).followUps).toEqual([]);
    expect(readResponse(answer({ ...good, nps: '10', teamwork: '1' }), ctx()).followUps.map((f) => f.kind)).toEqual(['service_recovery']);
    // With the NPS question turned off, "satisfied" alone asks for a referral (seed 002 S6.3).
    const { nps: _n, ...noNps } = good;
    expect(readResponse(answer(noNps), ctx()).followUps.map((f) => f.kind)).toEqual(['referral_ask']);
  });

  it('recovery due time is 24 h on the sheet’s clock across a daylight-saving change', () => {
    // New York moves its clocks forward in the night of 7 to 8 March 2026: 10:00 → 10:00 is 23 hours.
    const ny = 'America/New_York';
    const r = readResponse({ answers: { ...good, teamwork: '1' }, submittedAt: at('2026-03-07 10:00', ny) }, ctx({ timeZone: ny }));
    expect(r.followUps[0].dueAt).toBe(at('2026-03-08 10:00', ny));
    expect(r.followUps[0].dueAt - r.answeredAt).toBe(23 * 3600_000);
  });

  it('names the follow-ups in the owner’s language', () => {
    expect(followUpText({ kind: 'service_recovery' }, 'Huaxin', 'en')).toBe('Service recovery: low survey score from Huaxin');
    expect(followUpText({ kind: 'referral_ask' }, '华信', 'zh')).toBe('请 华信 转介绍：客户满意并愿意推荐我们');
  });

  it('NPS classes at their edges', () => {
    expect([0, 6, 7, 8, 9, 10].map((n) => npsClass(n, S))).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect(npsClass(null, S)).toBeNull();
  });
});
