/**
 * The built-in objection-handling playbook: for every objection type of the `objection_type`
 * list, the techniques the handbooks recommend, written in our own words in English and
 * Simplified Chinese (the facts come from the seeds, never their sentences; see
 * /work/shared/domain/seed-002-003.md §A5, §B5, §C5, seed-000-001.md §A5, §C9, seed-004.md §5).
 *
 * Set-up copies these lines into the Playbook tab once (see src/server/setup/playbook.ts); from
 * then on the tab is the team's own and the sidebar reads it from there.
 *
 * Each line has a stable `key` (`<type>.<name>`): it is what set-up writes in the tab's key
 * column, so it recognises its own lines after a manager edited, moved or sorted them.
 */
import type { Localized } from '../i18n/locale';

export interface PlaybookLine {
  /** Stable key, `<objection type key>.<technique name>`. Never change a published key. */
  key: string;
  /** Item key in the `objection_type` list. */
  type: string;
  technique: Localized;
  detail: Localized;
  /** Where the advice comes from: seeds and sections. */
  source: string;
}

const L = (en: string, zh: string): Localized => ({ en, zh });

function line(type: string, name: string, technique: Localized, detail: Localized, source: string): PlaybookLine {
  return { key: `${type}.${name}`, type, technique, detail, source };
}

export const PLAYBOOK_LINES: readonly PlaybookLine[] = [
  // ---------------------------------------------------------------- price
  line(
    'price',
    'breakdown',
    L('Itemise the quote: cost against benefit', '拆开报价，算清投入和回报'),
    L(
      'Go through the quote part by part: what each item pays for, and what the customer saves or gains with it. The total then reads as an investment with a return, not as a single big number.',
      '逐项说明报价：每一项买到的是什么服务，能帮客户省下或多赚多少。这样客户看到的是一笔有回报的投入，而不是一个笼统的大数字。',
    ),
    'seed 002 S4.1–S4.2',
  ),
  line(
    'price',
    'phased',
    L('Spread payment over phases', '分阶段付款，降低首笔投入'),
    L(
      'When the budget is what blocks the deal, propose paying stage by stage so the first outlay is smaller.',
      '如果卡在预算上，可以提出按项目阶段分期付款，让客户第一笔要掏的钱少一些。',
    ),
    'seed 002 S3.2–S3.3',
  ),
  line(
    'price',
    'add_value',
    L('Add value instead of cutting the price', '加送服务，守住价格'),
    L(
      'Rather than a discount, include an extra service. Give ground only on terms that are not core to the deal.',
      '与其打折，不如附送增值服务；只在非核心条款上让步。',
    ),
    'seed 002 S5.1–S5.2',
  ),
  line(
    'price',
    'structure',
    L('Rework the price structure together', '和客户一起重新梳理价格结构'),
    L(
      'For a price-sensitive buyer, look again at how the price is built (scope, configuration, options) and look for a version both sides can accept: a win–win, not a one-sided concession.',
      '客户对价格敏感时，重新审视价格由哪些部分构成（范围、配置、选项），找出双方都能接受的方案，追求双赢，而不是单方面让步。',
    ),
    'seed 000 §4.3.3–§4.3.4',
  ),
  line(
    'price',
    'quality',
    L('Do not trade quality for price', '不要为了价格牺牲质量'),
    L(
      'Explain what a cheaper offer would leave out. Winning on price by giving up quality tends to lose the customer later.',
      '说明更便宜的方案会少掉什么。靠降低质量换来的低价，往往会在之后失去客户。',
    ),
    'seed 004 §5',
  ),
  // ---------------------------------------------------------------- product / function
  line(
    'product',
    'demo',
    L('Prove it with a demo or a trial', '用演示或试用来证明'),
    L(
      'Offer a demo test, or a guided hands-on trial, of exactly the function the customer doubts.',
      '针对客户怀疑的那项功能，安排演示测试或有人指导的实际试用。',
    ),
    'seed 002 S4.2; seed 000 §5.3',
  ),
  line(
    'product',
    'evidence',
    L('Back it with documents and a similar case', '用技术资料和同类案例支撑'),
    L(
      'Share a technical white paper, the specifications, or a case where a customer like this one got the result they want, with figures where possible.',
      '提供技术白皮书、技术参数，或一个类似客户取得同样效果的案例，尽量用数据说话。',
    ),
    'seed 002 S4.2; seed 003 §4.3',
  ),
  line(
    'product',
    'problem_solution',
    L('Restate the problem, then show the fix', '先复述问题，再给出对应方案'),
    L(
      'Repeat the concern in the customer’s own terms, then point to the specific part of our solution that deals with it.',
      '用客户自己的话把顾虑说一遍，再指出我们方案中专门解决这一点的部分。',
    ),
    'seed 003 §4.2',
  ),
  line(
    'product',
    'plain_words',
    L('Clear up misunderstandings in plain words', '用通俗的话澄清误解'),
    L(
      'Many product objections come from a misunderstanding. Ask what they expect the product to do and explain it without jargon.',
      '很多产品异议源于误解。先问清客户期望产品做到什么，再不用行话地解释清楚。',
    ),
    'seed 000 §4.1.3, §4.3.1',
  ),
  // ---------------------------------------------------------------- service
  line(
    'service',
    'commitment',
    L('Put the service promise in writing', '把服务承诺写进协议'),
    L(
      'Offer a service commitment as part of the contract: response times (round the clock if we can keep it) or a money-back period.',
      '在合同中加入服务承诺：响应时间（能做到的话可承诺全天候响应）或无理由退款期。',
    ),
    'seed 002 S3.1, S4.2',
  ),
  line(
    'service',
    'system',
    L('Show who helps after signing', '讲清签约后由谁、怎样提供服务'),
    L(
      'Walk through the whole service system: advice before the sale, support after it, regular maintenance and training for their staff.',
      '完整介绍服务体系：售前咨询、售后支持、定期维护，以及对客户员工的培训。',
    ),
    'seed 000 §5.1.3',
  ),
  line(
    'service',
    'extra',
    L('Offer an extra service', '提供额外服务'),
    L(
      'When their expectations of service do not match ours, add a concrete service (training, a check-in schedule) instead of debating what is included.',
      '当客户对服务的期望与我们不一致时，直接加一项具体服务（培训、定期回访），而不是争论合同里包不包括。',
    ),
    'seed 000 §4.3.3',
  ),
  line(
    'service',
    'own_slip',
    L('Own a slip and make up for it quickly', '坦承失误，尽快弥补'),
    L(
      'If we missed a promise, admit it without excuses and put it right fast: extra hours, a concession, delivering sooner.',
      '如果是我们没兑现承诺，不找借口，直接承认，并尽快补救：加班、给予优惠、提前送达。',
    ),
    'seed 004 §5',
  ),
  // ---------------------------------------------------------------- timing / delivery
  line(
    'timing',
    'plan',
    L('Show a week-by-week delivery plan', '给出按周排的交付计划'),
    L(
      'Lay out the schedule step by step so the customer sees when each result arrives, and promise a weekly progress update.',
      '把交付进度一步步列出来，让客户看到每项成果何时到位，并承诺每周同步进度。',
    ),
    'seed 002 S6.1; seed 003 §4.3',
  ),
  line(
    'timing',
    'adjust',
    L('Rework the plan to shorten delivery', '调整方案，缩短实施周期'),
    L(
      'Use the customer’s feedback to change the plan: split it into phases or modules so the part they need first arrives sooner.',
      '根据客户反馈调整方案：拆成阶段或模块，让客户最急需的部分先交付。',
    ),
    'seed 002 S3.2–S3.3',
  ),
  line(
    'timing',
    'fee',
    L('Faster delivery, at a price', '可以提前交付，但需另付费用'),
    L('The delivery date can move forward, but make clear that doing so carries an extra fee.', '交付时间可以提前，但要讲明提前需要增加费用。'),
    'seed 002 S5.2',
  ),
  // ---------------------------------------------------------------- trust
  line(
    'trust',
    'cases',
    L('Share success stories and testimonials', '分享成功案例和客户评价'),
    L('Show what the team has delivered for other customers, and what those customers say about it.', '展示团队为其他客户做成的项目，以及这些客户的评价。'),
    'seed 002 S4.2; seed 000 §1.3',
  ),
  line(
    'trust',
    'endorsement',
    L('Point to third-party endorsement', '借助第三方背书'),
    L(
      'Industry certifications, press coverage or a recommendation from a partner carry weight that our own claims do not.',
      '行业认证、媒体报道或合作伙伴的推荐，比我们自己说更有分量。',
    ),
    'seed 002 S4.3',
  ),
  line(
    'trust',
    'reference_call',
    L('Arrange a call with an existing customer', '安排与老客户直接交流'),
    L(
      'Offer to put them in touch with the contact person at a customer who already uses us, to hear about it first-hand.',
      '提议让客户和正在使用我们产品的老客户对接人聊一聊，直接了解使用体验。',
    ),
    'seed 002 S4.3',
  ),
  line(
    'trust',
    'share_risk',
    L('Share the risk', '风险共担'),
    L('Lower the stakes: a trial period, acceptance in stages, or a guarantee.', '降低客户的顾虑：设置试用期、分阶段验收，或提供保证。'),
    'seed 002 S4.3; seed 000 §1.3',
  ),
  line(
    'trust',
    'be_open',
    L('Be open about limits and risks', '不隐瞒方案的不足和风险'),
    L(
      'Say plainly what the solution does not do and what could go wrong. Honesty is what trust is built on.',
      '坦白说明方案做不到什么、可能有哪些风险。信任建立在诚实之上。',
    ),
    'seed 002 §四(一); seed 000 §1.1',
  ),
  // ---------------------------------------------------------------- decision
  line(
    'decision',
    'guide',
    L('Hand over a decision-process guide', '提供决策流程指引'),
    L(
      'Give your contact a short guide to the approval steps on their side, so the sign-off does not stall for lack of information.',
      '给对接人一份简短的内部审批步骤指引，避免因为信息不全而卡在审批上。',
    ),
    'seed 002 S4.2',
  ),
  line(
    'decision',
    'key_people',
    L('Meet the key people who sign off', '协助对接客户内部关键人'),
    L(
      'Offer to present to the other departments involved, typically IT and finance, and answer their questions directly.',
      '主动提出向参与决策的其他部门（通常是 IT 和财务）介绍方案，直接回答他们的问题。',
    ),
    'seed 002 S4.1–S4.2',
  ),
  line(
    'decision',
    'map',
    L('Map who decides and who holds the budget', '弄清谁拍板、谁管预算'),
    L(
      'Before negotiating, find out who makes the final decision and who controls the budget, and plan the conversation around them.',
      '谈判之前，先搞清楚谁做最终决定、谁掌握预算，再围绕他们安排沟通。',
    ),
    'seed 002 S5.1',
  ),
  // ---------------------------------------------------------------- need mismatch
  line(
    'need',
    'ask',
    L('Ask open questions to find the real need', '用开放式问题找到真实需求'),
    L(
      'Ask about the challenges their business faces today, then confirm the details with closed questions before proposing anything.',
      '先问客户目前业务上遇到哪些挑战，再用封闭式问题确认细节，然后才提方案。',
    ),
    'seed 003 §4.2; seed 000 §4.2.2',
  ),
  line(
    'need',
    'configure',
    L('Adjust the configuration to fit', '调整配置，量身定制'),
    L(
      'If the standard offer does not fit, change the configuration or tailor the solution rather than pushing the standard package.',
      '标准方案不合适时，调整产品配置或做定制化方案，而不是硬推标准套餐。',
    ),
    'seed 000 §4.3.3, §5.2.2',
  ),
  line(
    'need',
    'solution',
    L('Talk about the problem solved, not the product', '谈解决的问题，而不是产品本身'),
    L(
      'Customers buy a solution to their problem. Describe the result they get: simpler, faster or cheaper work.',
      '客户买的是问题的解决办法。讲清他们能得到的结果：工作更简单、更快或更省钱。',
    ),
    'seed 001 [c6–c8]; seed 000 §1.1',
  ),
  // ---------------------------------------------------------------- competitor
  line(
    'competitor',
    'respect',
    L('Speak well of the competitor', '不贬低竞争对手'),
    L(
      'Never run a competitor down: whatever you say about them, they can say about us. Acknowledge their strengths first.',
      '不要说竞争对手的坏话：你怎么说他们，他们也能怎么说你。先承认对方的长处。',
    ),
    'seed 004 §5',
  ),
  line(
    'competitor',
    'why_us',
    L('Explain why customers chose us', '讲清客户为什么选择了我们'),
    L(
      'After acknowledging the competitor, tell them the reasons our customers gave for picking us, and show thank-you letters from satisfied customers.',
      '肯定对手之后，讲一讲老客户选择我们的理由，并出示满意客户的感谢信。',
    ),
    'seed 004 §5',
  ),
  line(
    'competitor',
    'let_customers_speak',
    L('Let existing customers speak for us', '请老客户来说话'),
    L('When it helps, ask a loyal customer to tell the prospect about their experience with us.', '必要时，请一位忠实老客户向对方讲讲与我们合作的体验。'),
    'seed 004 §5; seed 000 §1.3',
  ),
  // ---------------------------------------------------------------- other (applies to every objection)
  line(
    'other',
    'listen',
    L('Listen first, do not argue', '先倾听，不争辩'),
    L(
      'Let the customer finish and do not contradict them at once, even when you are right. Arguing only hardens the objection.',
      '让客户把话说完，即使自己有理也不要马上反驳。争辩只会让异议更难化解。',
    ),
    'seed 003 §4.3; seed 004 §5',
  ),
  line(
    'other',
    'real_cause',
    L('Find the real cause', '找出背后的真实原因'),
    L(
      'The stated objection is often not the real one. Dig until you know what actually holds the customer back, and note it in the log.',
      '客户说出口的异议往往不是真正的原因。要追问到弄清真正的顾虑是什么，并记在异议表里。',
    ),
    'seed 000 §4.3.1; seed 004 §5',
  ),
  line(
    'other',
    'empathy',
    L('Acknowledge how they feel', '认同客户的感受'),
    L('Show that you understand the concern before answering it; stay calm and professional.', '回答之前先表示理解客户的顾虑；保持冷静和专业。'),
    'seed 003 §4.3; seed 000 §4.3.2',
  ),
  line(
    'other',
    'written_answer',
    L('Answer in writing within 24 hours', '24 小时内给出书面答复'),
    L(
      'Send a written answer to every objection within the time set in Settings, and follow up promptly on what you promised.',
      '每个异议都要在设置规定的时限内给出书面答复，并及时跟进自己做出的承诺。',
    ),
    'seed 002 S3.3; seed 003 §4.3',
  ),
  line(
    'other',
    'no_policy',
    L('Offer a solution, not a policy', '给出解决办法，而不是搬出公司规定'),
    L(
      '"Company rules say…" is what a customer least wants to hear after "no". Say what you can do instead.',
      '“公司规定……”是客户除了“不行”之外最不想听到的话。告诉客户你能做什么。',
    ),
    'seed 004 §5',
  ),
];

/** The built-in lines of one objection type. */
export function playbookFor(typeKey: string): PlaybookLine[] {
  return PLAYBOOK_LINES.filter((l) => l.type === typeKey);
}

/** The source citation in a language ("seed 002" reads "资料 002" in Chinese, as in the schema). */
export function sourceText(source: string, locale: 'en' | 'zh'): string {
  return locale === 'zh' ? source.replace(/\bseeds?\b/g, '资料') : source;
}
