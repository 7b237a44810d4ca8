/**
 * From a raw form response to a clean Survey responses record (issue 14): scores, the NPS
 * class, whether the reference code can be trusted, and what the answer should set in motion.
 *
 * The reference code decides whether the answer is attached to a customer. It is not when the
 * code is missing, edited (fails its check: the customer changed the prefilled text), unknown
 * (well-formed but never sent), reused (its link was answered already) or expired (answered on
 * or after the link's expiry day). Such an answer is kept with its flag for the manager and
 * attached to nobody: a guessed or forwarded link must never put words in a customer's mouth.
 *
 * Low scores (seed 000 §8, seed 001: act on dissatisfaction at once; thresholds in Settings):
 * any 1–5 answer ≤ survey_low_score, overall "unsatisfied", or a detractor (NPS ≤
 * nps_detractor_max) → a service-recovery follow-up due survey_recovery_hours after the answer.
 * A satisfied promoter with no low score → a referral ask (seed 002 S6.3: ask satisfied
 * customers) within survey_referral_days; with the NPS question turned off, "satisfied" alone.
 * Follow-ups are proposed only for attached answers; the low-score reasons are kept either way.
 *
 * A code whose send is still marked queued is attached: an execution killed between sending the
 * e-mail and recording it leaves that state, and only the e-mail carried the code.
 *
 * Text answers are returned as typed; the workbook layer writes them with asCellText (core/text)
 * so one starting with = + - @ stays text.
 */
import { addWallDays } from '../cadence/wall-time';
import { t, type Locale } from '../i18n';
import { listItemKey } from '../lists';
import { surveyAverage } from '../tiers/values';
import { parseReferenceCode } from './codes';
import { parseDecimal } from '../validation/rules';
import type { CodeFlag } from './lists';
import { isAnswered, isExpiredAt, type SurveySend } from './sends';
import type { SurveySettings } from './read-settings';
import { CORE_SCORES, NPS_ITEM, OVERALL_ITEM, REFERENCE_ITEM, SCORE_KEYS, TEXT_KEYS, getSurveyItem, type ScoreKey, type TextKey } from './template';

export type SatisfactionKey = 'satisfied' | 'neutral' | 'unsatisfied';
export type NpsClass = 'promoter' | 'passive' | 'detractor';

export interface RawSurveyResponse {
  /** Answers by item key (the server maps the form's items to keys). */
  answers: Readonly<Record<string, unknown>>;
  /** When the form was submitted (ms). */
  submittedAt: number;
}

export interface AnswerContext {
  /** Every send by its canonical code. */
  sendsByCode: ReadonlyMap<string, SurveySend>;
  /** Codes that already have an attached answer on Survey responses. */
  answeredCodes: ReadonlySet<string>;
  settings: SurveySettings;
  timeZone: string;
}

export type LowScoreReason = { kind: 'score'; item: ScoreKey; score: number } | { kind: 'unsatisfied' } | { kind: 'detractor'; score: number };

export interface ProposedFollowUp {
  kind: 'service_recovery' | 'referral_ask';
  customerId: string;
  /** ms */
  dueAt: number;
  reasons: LowScoreReason[];
}

export interface CleanResponse {
  answeredAt: number;
  /** The code as the customer left it (trimmed), kept whatever it is. */
  codeAsTyped: string;
  /** The canonical code when it reads as one. */
  code: string | null;
  /** Null when the answer is attached to the customer of its send. */
  flag: CodeFlag | null;
  /** The send the code belongs to (also for a reused or expired code, for the manager). */
  send: SurveySend | null;
  /** Set only when the answer is attached (flag null). */
  customerId: string | null;
  scores: Record<ScoreKey, number | null>;
  /** Mean of the four seed 002 scores (the customer's last score, feeding churn risk). */
  average: number | null;
  overall: SatisfactionKey | null;
  nps: number | null;
  npsClass: NpsClass | null;
  texts: Record<TextKey, string>;
  /** Item keys whose answer was there but not valid for the item (out of range, unknown choice). */
  invalid: string[];
  lowScores: LowScoreReason[];
  followUps: ProposedFollowUp[];
}

export function npsClass(score: number | null, s: Pick<SurveySettings, 'promoterMin' | 'detractorMax'>): NpsClass | null {
  if (score === null) return null;
  if (score >= s.promoterMin) return 'promoter';
  if (score <= s.detractorMax) return 'detractor';
  return 'passive';
}

const blank = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/** An integer answer within the item's scale; null for blank; 'invalid' for anything else. */
function readScale(key: string, v: unknown): number | null | 'invalid' {
  if (blank(v)) return null;
  const { low, high } = getSurveyItem(key).scale!;
  // The one number parser (core/validation/rules): "0x3" or "3e0" is not a score of 3.
  const n = parseDecimal(typeof v === 'number' ? v : String(v));
  return n !== null && Number.isInteger(n) && n >= low && n <= high ? n : 'invalid';
}

function codeFlag(raw: unknown, at: number, ctx: AnswerContext): { code: string | null; flag: CodeFlag | null; send: SurveySend | null } {
  const parsed = parseReferenceCode(raw);
  if (!parsed.ok) return { code: null, flag: parsed.problem === 'blank' ? 'missing' : 'edited', send: null };
  const send = ctx.sendsByCode.get(parsed.code) ?? null;
  if (!send) return { code: parsed.code, flag: 'unknown', send: null };
  if (isAnswered(send) || ctx.answeredCodes.has(parsed.code)) return { code: parsed.code, flag: 'reused', send };
  if (isExpiredAt(send, at, ctx.settings, ctx.timeZone)) return { code: parsed.code, flag: 'expired', send };
  return { code: parsed.code, flag: null, send };
}

export function readResponse(raw: RawSurveyResponse, ctx: AnswerContext): CleanResponse {
  const s = ctx.settings;
  const a = raw.answers;
  const invalid: string[] = [];
  const scores = {} as Record<ScoreKey, number | null>;
  for (const k of SCORE_KEYS) {
    const v = readScale(k, a[k]);
    if (v === 'invalid') invalid.push(k);
    scores[k] = v === 'invalid' ? null : v;
  }
  const npsRead = readScale(NPS_ITEM, a[NPS_ITEM]);
  if (npsRead === 'invalid') invalid.push(NPS_ITEM);
  const nps = npsRead === 'invalid' ? null : npsRead;
  const overallKey = blank(a[OVERALL_ITEM]) ? null : listItemKey('satisfaction', a[OVERALL_ITEM]);
  if (!blank(a[OVERALL_ITEM]) && !overallKey) invalid.push(OVERALL_ITEM);
  const overall = overallKey as SatisfactionKey | null;
  const texts = {} as Record<TextKey, string>;
  for (const k of TEXT_KEYS) texts[k] = blank(a[k]) ? '' : String(a[k]).trim();

  const lowScores: LowScoreReason[] = [];
  for (const k of SCORE_KEYS) {
    const v = scores[k];
    if (v !== null && v <= s.lowScore) lowScores.push({ kind: 'score', item: k, score: v });
  }
  if (overall === 'unsatisfied') lowScores.push({ kind: 'unsatisfied' });
  const cls = npsClass(nps, s);
  if (cls === 'detractor') lowScores.push({ kind: 'detractor', score: nps! });

  const code = codeFlag(a[REFERENCE_ITEM], raw.submittedAt, ctx);
  const customerId = code.flag === null && code.send ? code.send.customerId : null;
  const followUps: ProposedFollowUp[] = [];
  if (customerId) {
    if (lowScores.length) {
      followUps.push({ kind: 'service_recovery', customerId, dueAt: addWallDays(raw.submittedAt, s.recoveryHours / 24, ctx.timeZone), reasons: lowScores });
    } else if (overall === 'satisfied' && (nps === null || cls === 'promoter')) {
      followUps.push({ kind: 'referral_ask', customerId, dueAt: addWallDays(raw.submittedAt, s.referralDays, ctx.timeZone), reasons: [] });
    }
  }
  return {
    answeredAt: raw.submittedAt,
    codeAsTyped: blank(a[REFERENCE_ITEM]) ? '' : String(a[REFERENCE_ITEM]).trim(),
    code: code.code,
    flag: code.flag,
    send: code.send,
    customerId,
    scores,
    average: surveyAverage(CORE_SCORES.map((k) => scores[k])),
    overall,
    nps,
    npsClass: cls,
    texts,
    invalid,
    lowScores,
    followUps,
  };
}

/**
 * Several responses in submission order (a repair pass over the raw response tab): a code
 * answered earlier in the same batch counts as answered for the ones after it.
 */
export function readResponses(raws: readonly RawSurveyResponse[], ctx: AnswerContext): CleanResponse[] {
  const used = new Set(ctx.answeredCodes);
  const out: CleanResponse[] = [];
  for (const raw of [...raws].sort((x, y) => x.submittedAt - y.submittedAt)) {
    const r = readResponse(raw, { ...ctx, answeredCodes: used });
    if (r.flag === null && r.code) used.add(r.code);
    out.push(r);
  }
  return out;
}

/** The follow-up's text on the Follow-ups tab and in Today, in the owner's language. */
export function followUpText(f: Pick<ProposedFollowUp, 'kind'>, customer: string, locale: Locale): string {
  return t(locale, f.kind === 'service_recovery' ? 'survey.followup.recovery' : 'survey.followup.referral', { customer });
}
