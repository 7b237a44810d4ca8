/**
 * The survey KPI formulas (core/survey/formulas, for the Dashboard): every formula passes the
 * allow-list lint, and its value in the runtime (HyperFormula) equals the reference computation
 * of core/survey/kpis on generated Survey responses, Survey sends and Follow-ups — flagged answers
 * included (they must not count), in both languages.
 */
import { describe, expect, it } from 'vitest';
import { SURVEY_KPIS, surveyKpiFormula } from '../../src/core/survey/formulas';
import { averageScore, csat, netPromoterScore, openRecoveryCases, responseRateByRound, type ResponseFacts } from '../../src/core/survey/kpis';
import { SCORE_KEYS } from '../../src/core/survey/template';
import { surveySettings } from '../../src/core/survey/read-settings';
import type { SurveySend } from '../../src/core/survey/sends';
import { lintFormula, resolveFormula } from '../../src/core/formulas';
import { hasColumn, namedRanges, getTab } from '../../src/core/schema';
import { getList } from '../../src/core/lists';
import { rng, writeByKey } from './objections-fixture';
import { surveyWorkbook } from './survey-fixture';

const knownNames = new Set(namedRanges().map((n) => n.name));
const label = (list: string, key: string, locale: 'en' | 'zh') => getList(list).items.find((i) => i.key === key)!.label[locale];

describe('survey KPI formulas', () => {
  it('use only allowed functions and declared columns', () => {
    for (const k of SURVEY_KPIS) {
      expect(lintFormula(surveyKpiFormula(k.key, 'A1'), { knownNames, placeholder: (t, c) => hasColumn(t ?? 'survey_responses', c) }), k.key).toEqual([]);
      expect(k.label.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  for (const locale of ['en', 'zh'] as const) {
    it(`agree with the reference computations on generated data (${locale})`, () => {
      const fx = surveyWorkbook({ locale });
      const { rt } = fx;
      const now = rt.clock.nowMs();
      const r = rng(locale === 'en' ? 7 : 8);
      const overall = ['satisfied', 'neutral', 'unsatisfied'] as const;
      const facts: ResponseFacts[] = [];
      const responses = Array.from({ length: 300 }, (_, i) => {
        const attached = r() > 0.15;
        const scores: Record<string, number | ''> = {};
        for (const k of SCORE_KEYS) scores[k] = r() < 0.2 ? '' : 1 + Math.floor(r() * 5);
        const ov = r() < 0.1 ? null : overall[Math.floor(r() * 3)]!;
        const nps = r() < 0.1 ? null : Math.floor(r() * 11);
        facts.push({
          customerId: attached ? `C-${i}` : null,
          answeredAt: now,
          scores: Object.fromEntries(SCORE_KEYS.map((k) => [k, scores[k] === '' ? null : scores[k]])),
          overall: ov,
          nps,
        });
        return {
          response_id: `R-${String(i + 1).padStart(6, '0')}`,
          customer_id: attached ? `C-${i}` : '',
          flag: attached ? '' : label('survey_code_flag', 'unknown', locale),
          answered_at: new Date(now),
          ...scores,
          overall: ov ? label('satisfaction', ov, locale) : '',
          nps: nps ?? '',
        };
      });
      writeByKey(rt, 'survey_responses', 2, responses, locale);
      const rounds = ['2026-05-01 09:00', '2026-05-20 10:30'];
      const statuses = ['queued', 'sent', 'failed', 'answered', 'expired'] as const;
      const sends: SurveySend[] = [];
      const sendRows = Array.from({ length: 200 }, (_, i) => {
        const status = statuses[Math.floor(r() * statuses.length)]!;
        const sentAt = status === 'queued' || status === 'failed' ? null : now - 86_400_000;
        const answeredAt = status === 'answered' ? now : null;
        const round = rounds[i % 2]!;
        sends.push({
          round,
          kind: 'relationship',
          customerId: `C-${i}`,
          code: `X${i}`,
          locale,
          status,
          deliveredAt: null,
          sentAt,
          reminderAt: null,
          answeredAt,
        });
        return {
          send_id: `S-${String(i + 1).padStart(6, '0')}`,
          round,
          customer_id: `C-${i}`,
          status: label('survey_send_status', status, locale),
          sent_at: sentAt === null ? '' : new Date(sentAt),
          answered_at: answeredAt === null ? '' : new Date(answeredAt),
        };
      });
      writeByKey(rt, 'survey_sends', 2, sendRows, locale);
      const fuRules = ['service_recovery', 'referral_ask', 'manual'];
      const fus = Array.from({ length: 60 }, (_, i) => ({
        followup_id: `F-${String(i + 1).padStart(6, '0')}`,
        customer_id: 'C-1',
        owner: 'Ana Wu',
        rule: fuRules[i % 3]!,
        planned_at: new Date(now + (i % 5 === 0 ? -3 : 2) * 86_400_000),
        done_at: i % 4 === 0 ? new Date(now - 3_600_000) : '',
        cancelled: i % 7 === 0,
      }));
      writeByKey(rt, 'followups', 2, fus, locale);

      const sh = rt.spreadsheet.insertSheet('KPI');
      const tabs = ['survey_responses', 'survey_sends', 'followups'];
      const ctx = {
        tabKey: 'kpi',
        firstDataRow: 2,
        column: (t: string, c: string) => (tabs.includes(t) ? getTab(t).columns.findIndex((x) => x.key === c) + 1 : null),
        sheetName: (t: string) => (tabs.includes(t) ? getTab(t).name[locale] : null),
      };
      sh.getRange('A1:A2').setValues([[rounds[0]], [rounds[1]]]);
      const keys = SURVEY_KPIS.filter((k) => !k.perRound).map((k) => k.key);
      keys.forEach((k, i) => sh.getRange(i + 1, 2).setFormula(resolveFormula(surveyKpiFormula(k), ctx)));
      sh.getRange('C1').setFormula(resolveFormula(surveyKpiFormula('response_rate', 'A1'), ctx));
      sh.getRange('C2').setFormula(resolveFormula(surveyKpiFormula('response_rate', 'A2'), ctx));
      const got = sh.getRange(1, 2, keys.length, 2).getValues();
      const settings = surveySettings();
      const status = (f: (typeof fus)[number]) => (f.cancelled ? 'cancelled' : f.done_at ? 'done' : f.planned_at.getTime() < now ? 'overdue' : 'planned');
      const want: Record<string, number | null> = {
        ...Object.fromEntries(SCORE_KEYS.map((k) => [`average_${k}`, averageScore(facts, k)])),
        csat: csat(facts),
        nps: netPromoterScore(facts, settings),
        open_recovery_cases: openRecoveryCases(fus.map((f) => ({ rule: f.rule, status: label('followup_status', status(f), locale) }))),
      };
      keys.forEach((k, i) => {
        expect(typeof want[k], k).toBe('number');
        expect(got[i]![0] as number, k).toBeCloseTo(want[k]!, 9);
      });
      const rates = responseRateByRound(sends);
      expect(got[0]![1] as number).toBeCloseTo(rates.get(rounds[0]!)!.rate!, 9);
      expect(got[1]![1] as number).toBeCloseTo(rates.get(rounds[1]!)!.rate!, 9);
      // The data exercise the branches: flagged answers exist and would change the averages.
      expect(facts.some((f) => f.customerId === null)).toBe(true);
      expect(want.open_recovery_cases).toBeGreaterThan(0);
    });
  }
});
