/**
 * The message catalogue: every text a user sees goes through here (or through a Localized
 * value in the schema). Each feature keeps its messages in catalog/<feature>.ts; add a new
 * file there and list it below. A key may be defined only once (a unit test checks).
 */
import { base } from './catalog/base';
import { validation } from './catalog/validation';
import { setup } from './catalog/setup';
import { customers } from './catalog/customers';
import { importMessages } from './catalog/import';
import { objections } from './catalog/objections';
import { playbook } from './catalog/playbook';
import { deals } from './catalog/deals';
import { followups } from './catalog/followups';
import { today } from './catalog/today';
import { reminders } from './catalog/reminders';
import { survey } from './catalog/survey';
import { surveyDesk } from './catalog/survey-desk';
import { complaints } from './catalog/complaints';
import { check } from './catalog/check';
import { summaries } from './catalog/summaries';
import { trust } from './catalog/trust';

export const PARTS = {
  base,
  validation,
  setup,
  objections,
  playbook,
  customers,
  deals,
  importMessages,
  followups,
  today,
  reminders,
  survey,
  surveyDesk,
  complaints,
  check,
  summaries,
  trust,
} as const;

type Part = (typeof PARTS)[keyof typeof PARTS];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllEnglish = UnionToIntersection<Part['en']>;

export type MessageKey = keyof AllEnglish & string;

function merge(lang: 'en' | 'zh'): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const part of Object.values(PARTS) as Part[]) Object.assign(out, part[lang]);
  return out as Record<MessageKey, string>;
}

export const en = merge('en');
export const zh = merge('zh');
