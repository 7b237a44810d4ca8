/**
 * The satisfaction form as data (issue 14). The form builder creates one Google Form per
 * language from this list and, on a re-run, finds each of its items again by `key` (stored on
 * the item, e.g. as developer metadata or in a key → item-id map), so titles can change
 * without making a second item. Never change a published key.
 *
 * What is on it, and where from:
 * - core: seed 002 template 4 — service quality, solution effect, response speed, teamwork
 *   (1–5 each), overall (satisfied / neutral / unsatisfied), suggestions;
 * - nps: "how likely are you to recommend us", 0–10 — our addition, not the seeds';
 * - dimensions (optional): seed 001's ten service-quality dimensions, 1–5 each;
 * - questions (optional): seed 004 §1.9's three questions;
 * - reference: the personal link's reference code, prefilled, "please leave as is".
 * The texts are ours; the facts (what is asked, the scales) come from the seeds.
 */
import type { Locale, Localized } from '../i18n/locale';
import { getList } from '../lists';

const L = (en: string, zh: string): Localized => ({ en, zh });

export type SurveySection = 'core' | 'nps' | 'dimensions' | 'questions' | 'reference';

/** The four 1–5 scores of seed 002 template 4 (also the Survey responses column keys). */
export const CORE_SCORES = ['service_quality', 'solution_effect', 'response_speed', 'teamwork'] as const;
/** Seed 001's ten service-quality dimensions, as item keys of the optional section. */
export const DIMENSION_SCORES = [
  'dim_reliability',
  'dim_responsiveness',
  'dim_competence',
  'dim_access',
  'dim_courtesy',
  'dim_communication',
  'dim_credibility',
  'dim_security',
  'dim_understanding',
  'dim_tangibles',
] as const;
export type ScoreKey = (typeof CORE_SCORES)[number] | (typeof DIMENSION_SCORES)[number];
export const SCORE_KEYS: readonly ScoreKey[] = [...CORE_SCORES, ...DIMENSION_SCORES];

/** Free-text answers. */
export const TEXT_KEYS = ['suggestions', 'why_chose', 'why_us', 'improve'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export const REFERENCE_ITEM = 'reference_code';
export const OVERALL_ITEM = 'overall';
export const NPS_ITEM = 'nps';

/** What FormApp item an entry becomes: scale, multiple choice, paragraph, short text, section header. */
export type ItemKind = 'scale' | 'choice' | 'paragraph' | 'text' | 'section';

export interface ScaleDef {
  low: number;
  high: number;
  lowLabel: Localized;
  highLabel: Localized;
}

export interface SurveyItemDef {
  /** Stable key; never change a published one. */
  key: string;
  kind: ItemKind;
  section: SurveySection;
  /** A short name for column headers and alerts ("Service quality"); the title is the question. */
  label: Localized;
  title: Localized;
  help: Localized;
  required: boolean;
  scale?: ScaleDef;
  /** For kind 'choice': item keys and labels (the overall rating uses the `satisfaction` list). */
  choices?: readonly { key: string; label: Localized }[];
  source: string;
}

/** The form's own texts. */
export const SURVEY_FORM = {
  title: L('Customer satisfaction survey', '客户满意度调查'),
  description: L(
    'Thank you for taking a few minutes. Your answers go straight to the team that looks after you and show us what to keep and what to do better.',
    '感谢您抽出几分钟时间。您的回答会直接交给为您服务的团队，让我们知道哪些该保持、哪些要改进。',
  ),
  confirmation: L('Thank you! We have received your answers.', '谢谢！我们已收到您的回答。'),
} as const;

const FIVE: ScaleDef = { low: 1, high: 5, lowLabel: L('Very poor', '很差'), highLabel: L('Excellent', '非常好') };
const FIVE_HELP = L('1 = very poor, 5 = excellent.', '1 分很差，5 分非常好。');
const T4 = 'seed 002 template 4';

function score(key: string, section: SurveySection, label: Localized, title: Localized, source: string, required: boolean): SurveyItemDef {
  return { key, kind: 'scale', section, label, title, help: FIVE_HELP, required, scale: FIVE, source };
}

function paragraph(key: string, section: SurveySection, label: Localized, title: Localized, help: Localized, source: string): SurveyItemDef {
  return { key, kind: 'paragraph', section, label, title, help, required: false, source };
}

const S001 = 'seed 001 (ten service-quality dimensions)';
const dim = (key: (typeof DIMENSION_SCORES)[number], label: Localized, title: Localized) => score(key, 'dimensions', label, title, S001, false);
const OPTIONAL = L('Optional: a sentence or two is plenty.', '选填：写一两句话就可以。');

export const SURVEY_ITEMS: readonly SurveyItemDef[] = [
  score(
    'service_quality',
    'core',
    L('Service quality', '服务质量'),
    L('How would you rate the quality of our service?', '您如何评价我们的服务质量？'),
    T4,
    true,
  ),
  score(
    'solution_effect',
    'core',
    L('Solution effect', '方案效果'),
    L('How well did our solution work for you?', '我们的方案在您那里的实际效果如何？'),
    T4,
    true,
  ),
  score(
    'response_speed',
    'core',
    L('Response speed', '响应速度'),
    L('How quickly did we respond when you needed us?', '在您需要时，我们的响应速度如何？'),
    T4,
    true,
  ),
  score('teamwork', 'core', L('Teamwork', '团队配合'), L('How well did our team work together with yours?', '我们的团队与您的团队配合得如何？'), T4, true),
  {
    key: OVERALL_ITEM,
    kind: 'choice',
    section: 'core',
    label: L('Overall', '总体评价'),
    title: L('All in all, how satisfied are you with us?', '总体而言，您对我们满意吗？'),
    help: L('Choose the answer closest to how you feel.', '请选择最符合您感受的一项。'),
    required: true,
    choices: getList('satisfaction').items,
    source: T4,
  },
  {
    key: NPS_ITEM,
    kind: 'scale',
    section: 'nps',
    label: L('Would recommend (0–10)', '推荐意愿（0–10）'),
    title: L('How likely are you to recommend us to a friend or colleague?', '您向朋友或同事推荐我们的可能性有多大？'),
    help: L('0 = not at all likely, 10 = extremely likely.', '0 分完全不可能，10 分非常可能。'),
    required: true,
    scale: { low: 0, high: 10, lowLabel: L('Not at all likely', '完全不可能'), highLabel: L('Extremely likely', '非常可能') },
    source: 'our addition (NPS; not in the seeds)',
  },
  paragraph(
    'suggestions',
    'core',
    L('Suggestions', '建议与意见'),
    L('What could we do better? Every suggestion is welcome.', '您希望我们在哪些方面做得更好？欢迎提出任何建议。'),
    L('Optional. Tell us in your own words.', '选填，请用您自己的话告诉我们。'),
    T4,
  ),
  {
    key: 'section_dimensions',
    kind: 'section',
    section: 'dimensions',
    label: L('Service aspects', '服务细项'),
    title: L('A closer look at our service', '服务细项评价'),
    help: L(
      'Please rate each aspect from 1 (very poor) to 5 (excellent). Skip any you cannot judge.',
      '请为每一项打分：1 分很差，5 分非常好。无法判断的可以跳过。',
    ),
    required: false,
    source: S001,
  },
  dim('dim_reliability', L('Reliability', '可靠'), L('Reliability: things were done right and delivered on time', '可靠：做得准确无误，按时交付')),
  dim('dim_responsiveness', L('Responsiveness', '响应'), L('Responsiveness: we reacted at once and handled things correctly', '响应：反应迅速，处理得当')),
  dim('dim_competence', L('Competence', '专业'), L('Competence: our people had the knowledge and skills the job needed', '专业：人员具备工作所需的知识和技能')),
  dim('dim_access', L('Access', '便利'), L('Access: we were easy to reach and glad to take on your requests', '便利：随时联系得上，乐意接受您的委托')),
  dim('dim_courtesy', L('Courtesy', '礼貌'), L('Courtesy: our people were polite, modest and pleasant to deal with', '礼貌：待人有礼、谦逊，让人感到舒服')),
  dim('dim_communication', L('Communication', '沟通'), L('Communication: we listened to you and explained things clearly', '沟通：认真倾听，解释清楚易懂')),
  dim('dim_credibility', L('Credibility', '信誉'), L('Credibility: you can trust our company and the people in charge', '信誉：公司和负责人员值得信赖')),
  dim('dim_security', L('Security', '安全'), L('Security: your safety, property and privacy were looked after', '安全：您的人身、财产安全和隐私得到保护')),
  dim('dim_understanding', L('Understanding', '理解'), L('Understanding: we grasped your real needs and situation', '理解：真正了解您的需求和处境')),
  dim(
    'dim_tangibles',
    L('Tangibles', '有形环境'),
    L('Tangibles: premises, equipment, materials and price lists were in good order', '有形环境：场所、设备、资料和价目表等整洁完备'),
  ),
  {
    key: 'section_questions',
    kind: 'section',
    section: 'questions',
    label: L('Open questions', '开放问题'),
    title: L('A few words from you', '听听您的想法'),
    help: L('These questions are optional.', '以下问题均为选填。'),
    required: false,
    source: 'seed 004 §1.9',
  },
  paragraph(
    'why_chose',
    'questions',
    L('Why they chose us', '选择我们的原因'),
    L('What made you choose our products and services in the first place?', '您当初为什么选择了我们的产品和服务？'),
    OPTIONAL,
    'seed 004 §1.9 (question 1)',
  ),
  paragraph(
    'why_us',
    'questions',
    L('Why us over others', '选我们而非他人的原因'),
    L('Why did you buy from us and not from another supplier?', '和其他供应商相比，是什么让您最终选择了我们？'),
    OPTIONAL,
    'seed 004 §1.9 (question 2)',
  ),
  paragraph(
    'improve',
    'questions',
    L('What to improve', '需要改进之处'),
    L('What should we still improve in our products and services?', '您觉得我们的产品和服务还有哪些地方需要改进？'),
    OPTIONAL,
    'seed 004 §1.9 (question 3)',
  ),
  {
    key: REFERENCE_ITEM,
    kind: 'text',
    section: 'reference',
    label: L('Reference code', '参考编号'),
    title: L('Reference code (please leave as is)', '参考编号（请保持原样，不要修改）'),
    help: L(
      'This code links your answers to the person who looks after you, so they can follow up. It is filled in for you.',
      '此编号用于把您的回答转给为您服务的负责人，方便后续跟进。已为您自动填好。',
    ),
    required: false,
    source: 'our design (issue 14: personal link)',
  },
];

/** Which optional parts a form has (Settings: survey_nps, survey_dimensions_section, survey_questions_section). */
export interface SurveySections {
  nps: boolean;
  dimensions: boolean;
  questions: boolean;
}

/** One item as the form builder uses it: texts in one language. */
export interface FormItem {
  key: string;
  kind: ItemKind;
  title: string;
  help: string;
  required: boolean;
  scale?: { low: number; high: number; lowLabel: string; highLabel: string };
  /** Choice labels in the form's language, in order; `choiceKeys` holds their item keys. */
  choices?: string[];
  choiceKeys?: string[];
}

function included(section: SurveySection, on: SurveySections): boolean {
  if (section === 'nps') return on.nps;
  if (section === 'dimensions') return on.dimensions;
  if (section === 'questions') return on.questions;
  return true;
}

/**
 * The items of the form in `locale`, in order, with the optional parts on or off. The
 * reference code is always last, so the customer meets it after answering.
 */
export function surveyItems(locale: Locale, sections: SurveySections): FormItem[] {
  return SURVEY_ITEMS.filter((it) => included(it.section, sections)).map((it) => {
    const out: FormItem = { key: it.key, kind: it.kind, title: it.title[locale], help: it.help[locale], required: it.required };
    if (it.scale) out.scale = { low: it.scale.low, high: it.scale.high, lowLabel: it.scale.lowLabel[locale], highLabel: it.scale.highLabel[locale] };
    if (it.choices) {
      out.choices = it.choices.map((c) => c.label[locale]);
      out.choiceKeys = it.choices.map((c) => c.key);
    }
    return out;
  });
}

export function getSurveyItem(key: string): SurveyItemDef {
  const it = SURVEY_ITEMS.find((x) => x.key === key);
  if (!it) throw new Error(`Unknown survey item: ${key}`);
  return it;
}
