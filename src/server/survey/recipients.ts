/**
 * Who gets a survey now: reads Customers, Deals (`delivered_on`, `won_on`), Survey sends and the
 * hand-recorded rows of Survey responses — each in one read of the columns needed — and lets
 * core/survey/selection decide. Called under the document lock by the sidebar's counts, by
 * Send, and by the dispatcher's reminder pass.
 */
import { resolveLocale, type Locale } from '../../core/i18n';
import { stageKeyOf } from '../../core/customers/stage';
import { planSurveys, type SurveyCustomer, type SurveyPlan } from '../../core/survey/selection';
import { surveySettings, type SurveySettings } from '../../core/survey/read-settings';
import { customersTab, readSettings, type ReadRow, type Workbook } from '../records';
import { readSends, type SendRow } from './sends-tab';

const CUSTOMER_KEYS = ['customer_id', 'name', 'contact_name', 'email', 'stage', 'owner', 'do_not_survey', 'survey_language'] as const;
const DEAL_KEYS = ['customer_id', 'won_on', 'delivered_on'] as const;
const RESPONSE_KEYS = ['customer_id', 'answered_at', 'token'] as const;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const ms = (v: unknown): number | null =>
  v && typeof v === 'object' && typeof (v as Date).getTime === 'function' && !Number.isNaN((v as Date).getTime()) ? (v as Date).getTime() : null;

export interface CustomerFacts {
  name: string;
  contact: string;
  owner: string;
  row: number;
}

export interface PlanSnapshot {
  plan: SurveyPlan;
  settings: SurveySettings;
  sends: SendRow[];
  customers: Map<string, CustomerFacts>;
}

/** The survey language a customer's cell asks for: en / zh, or null for Auto / blank. */
function languageOf(v: unknown): Locale | null {
  const s = text(v).toLowerCase();
  if (!s || s === 'auto' || s === '自动') return null;
  if (s === 'en' || s === 'english') return 'en';
  if (s === 'zh' || s === '中文' || s.startsWith('zh')) return 'zh';
  return resolveLocale(s);
}

const yes = (v: unknown) => v === true || /^(true|yes|是|✓|x)$/i.test(text(v));

export function readPlan(wb: Workbook, now: number, defaultLocale: Locale): PlanSnapshot | null {
  const customersT = customersTab(wb);
  const sendsT = wb.tab('survey_sends');
  if (!customersT || !sendsT) return null;
  const settings = surveySettings(readSettings(wb));
  const rows: ReadRow[] = customersT.readAll(CUSTOMER_KEYS).rows;
  const deals = wb.tab('deals')?.readAll(DEAL_KEYS).rows ?? [];
  const responses = wb.tab('survey_responses')?.readAll(RESPONSE_KEYS).rows ?? [];
  const sends = readSends(sendsT);

  const delivered = new Map<string, number[]>();
  const since = new Map<string, number>();
  for (const d of deals) {
    const id = text(d.values.customer_id);
    if (!id) continue;
    const at = ms(d.values.delivered_on);
    if (at !== null) delivered.set(id, [...(delivered.get(id) ?? []), at]);
    const won = ms(d.values.won_on);
    if (won !== null && (!since.has(id) || won < since.get(id)!)) since.set(id, won);
  }
  // Answers typed in by hand (no reference code): they count as a survey too.
  const byHand = new Map<string, number>();
  for (const r of responses) {
    const id = text(r.values.customer_id);
    const at = ms(r.values.answered_at);
    if (!id || at === null || text(r.values.token)) continue;
    if (!byHand.has(id) || at > byHand.get(id)!) byHand.set(id, at);
  }

  const facts = new Map<string, CustomerFacts>();
  const customers: SurveyCustomer[] = [];
  for (const r of rows) {
    const id = text(r.values.customer_id);
    if (!id) continue;
    const stage = stageKeyOf(r.values.stage);
    facts.set(id, { name: text(r.values.name), contact: text(r.values.contact_name), owner: text(r.values.owner), row: r.row });
    customers.push({
      customerId: id,
      email: text(r.values.email),
      doNotSurvey: yes(r.values.do_not_survey),
      locale: languageOf(r.values.survey_language),
      deliveredAt: delivered.get(id) ?? [],
      customerSince: since.get(id) ?? null,
      lastSurveyedAt: byHand.get(id) ?? null,
      // A customer: has bought (a deal) and is not lost.
      active: stage !== 'lost' && (since.has(id) || delivered.has(id) || stage === 'won' || stage === 'delivery'),
    });
  }
  const plan = planSurveys({ customers, sends: sends.map((s) => s.send), settings, now, timeZone: wb.timeZone(), defaultLocale });
  return { plan, settings, sends, customers: facts };
}
