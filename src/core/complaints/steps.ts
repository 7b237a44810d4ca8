/**
 * The guided checklist for handling a complaint (issue 17): each step with a short coaching
 * text and a sample reply, in our own words in English and Simplified Chinese. Set-up copies
 * these into the Complaint steps tab once, as the playbook does; from then on the tab is the
 * team's own (see steps-tab.ts) and `key` lets set-up recognise its lines after edits.
 *
 * How the two methods were merged into one list of eight:
 * seed 001 (eight steps): 1 thank · 2 say why you are grateful · 3 apologise · 4 promise to act
 *   · 5 gather information · 6 correct it, fast · 7 check satisfaction · 8 prevent recurrence;
 * seed 004 §6.3 (six steps): 1 listen and record · 2 analyse the cause · 3 find a solution ·
 *   4 tell the customer at once · 5 carry it out as agreed · 6 review.
 * - Seed 001's 1–2 and seed 004's 1 happen in the same opening minutes with the customer:
 *   one step "thank and listen" (recording their words is part of listening).
 * - Seed 001's 3 (apologise) and 4 (promise) stay their own steps: they are what the customer
 *   must hear in the first response, and seed 000 §8.3 adds "confirm receipt and say when".
 * - Seed 001's 5 (gather information) and seed 004's 2 (analyse the cause) are one piece of
 *   work: facts first, then the cause, recorded from the root-cause list.
 * - Seed 004's 3–4 (find a solution, tell the customer at once) fill a gap in seed 001, which
 *   goes from information straight to fixing: one step "agree a solution".
 * - Seed 001's 6 and seed 004's 5 are the same act: "fix it quickly, as agreed".
 * - Seed 001's 7 (check satisfaction) has no seed 004 twin and stays: closing asks for it.
 * - Seed 001's 8 and seed 004's 6 are the same review: "learn from it", which writes the lesson
 *   the "what went wrong before" panel shows.
 * Eight steps, every one of the fourteen seed steps in one of them, in the order they happen.
 */
import type { Localized } from '../i18n/locale';

export interface ComplaintStep {
  /** Stable key; never change a published one. */
  key: string;
  title: Localized;
  coaching: Localized;
  sampleReply: Localized;
  /** Done in the first contact: the first of these done sets the first-response time. */
  firstResponse: boolean;
  source: string;
}

const L = (en: string, zh: string): Localized => ({ en, zh });

export const COMPLAINT_STEPS: readonly ComplaintStep[] = [
  {
    key: 'thank_listen',
    title: L('Thank them and listen', '感谢客户，耐心倾听'),
    coaching: L(
      'Thank the customer for telling you and say why it helps: a complaint shows us what to put right before others leave without a word. Let them finish without arguing or correcting, and write down their own words as you listen.',
      '先感谢客户告诉你，并说明这对我们的帮助：投诉让我们在更多客户一声不响地离开之前发现问题。让客户把话说完，不争辩、不纠正，边听边记下客户的原话。',
    ),
    sampleReply: L(
      'Thank you for telling us about this. It is exactly what we need to hear to get better. Please go on; I am taking notes so that nothing gets lost.',
      '谢谢您把这件事告诉我们，这正是我们改进需要听到的。请您接着说，我在做记录，一点都不会漏掉。',
    ),
    firstResponse: true,
    source: 'seed 001 steps 1–2; seed 004 §6.3 step 1',
  },
  {
    key: 'apologise',
    title: L('Apologise for what went wrong', '为出现的问题致歉'),
    coaching: L(
      'Apologise once, sincerely, for the trouble it caused, even before you know whose fault it was. Do not keep apologising, and do not blame a colleague or company rules: the customer wants to hear what happens next.',
      '为给客户带来的麻烦真诚地道歉一次，即使还不清楚是谁的责任。不要反复道歉，也不要把责任推给同事或公司规定：客户想知道的是接下来怎么办。',
    ),
    sampleReply: L(
      'I am sorry this happened and that it has cost you time. That is not the service we want you to have from us.',
      '发生这样的事、耽误了您的时间，我向您致歉。这不是我们希望为您提供的服务。',
    ),
    firstResponse: true,
    source: 'seed 001 step 3; seed 004 §6.5',
  },
  {
    key: 'promise',
    title: L('Promise to act, and say by when', '承诺处理，并说明时间'),
    coaching: L(
      'Tell the customer the complaint is taken on, who is handling it and when they will hear from you. Promise only a time you can keep; the response and resolution times in Settings are the team’s limits.',
      '告诉客户投诉已经受理、由谁负责、什么时候给答复。只承诺自己做得到的时间；设置中的回复和解决时限是团队的底线。',
    ),
    sampleReply: L(
      'I am handling this myself. I will look into it today and come back to you by tomorrow at the latest with what we will do.',
      '这件事由我亲自负责。我今天就着手了解情况，最迟明天给您答复我们的处理办法。',
    ),
    firstResponse: true,
    source: 'seed 001 step 4; seed 000 §8.2–§8.3 (confirm receipt, give the expected time)',
  },
  {
    key: 'facts_cause',
    title: L('Get the facts and find the cause', '了解事实，查明原因'),
    coaching: L(
      'Ask for what you need in order to act: the order, the dates, what exactly happened, what the customer expects. Then look for the cause calmly before judging — our explanation, a promise not kept, the product itself, or a misunderstanding — and record it from the list.',
      '先问清处理所需的信息：订单、日期、具体经过、客户的期望。然后冷静地查找原因，不要急于下结论——是我们没有解释清楚、没有兑现承诺、产品本身的问题，还是误会——并从列表中记录原因。',
    ),
    sampleReply: L(
      'So that I fix the right thing: which order is it, when did you first notice the problem, and what would a good outcome look like for you?',
      '为了把问题真正解决好，想跟您确认几点：是哪一笔订单？您第一次发现问题是什么时候？您希望最后怎样处理？',
    ),
    firstResponse: false,
    source: 'seed 001 step 5; seed 004 §6.3 step 2 and §2.6 (causes)',
  },
  {
    key: 'agree_solution',
    title: L('Agree a solution and tell the customer at once', '确定解决方案，马上告知客户'),
    coaching: L(
      'Decide whether you can solve it yourself. If it is beyond your authority, hand it to the right person straight away and stay responsible until they have taken it over. Tell the customer the solution as soon as it is decided, in their terms: what they get, and when.',
      '先判断自己能否解决。超出权限的，马上转给合适的人，在对方接手之前仍由你负责。方案一确定就立即告诉客户，并从客户的角度说明：他们会得到什么、什么时候得到。',
    ),
    sampleReply: L(
      'Here is what we propose: we replace the faulty part free of charge, and our engineer can come on Thursday morning. Would that work for you?',
      '我们的处理方案是：免费为您更换有问题的部件，工程师可以在周四上午上门。您看这样可以吗？',
    ),
    firstResponse: false,
    source: 'seed 004 §6.3 steps 3–4',
  },
  {
    key: 'fix_fast',
    title: L('Fix it quickly, as agreed', '按约定尽快处理'),
    coaching: L(
      'Once the customer agrees, carry it out without delay: a slow fix can end up worse than the original problem. If something holds it up, tell the customer before they have to ask.',
      '客户同意后立即执行：处理得太慢，结果可能比原来的问题更糟。如果遇到耽搁，要在客户来问之前主动告知。',
    ),
    sampleReply: L(
      'The replacement is on its way and will reach you tomorrow morning. I will call you once it is installed.',
      '替换件已经发出，明天上午送到。安装好之后我会给您打电话确认。',
    ),
    firstResponse: false,
    source: 'seed 001 step 6; seed 004 §6.3 step 5',
  },
  {
    key: 'confirm_satisfied',
    title: L('Check the customer is satisfied', '确认客户是否满意'),
    coaching: L(
      'Ask the customer plainly whether the problem is solved for them, and record the answer. If they are not satisfied yet, the complaint is not finished: agree the next step with them.',
      '直接询问客户问题对他们来说是否已经解决，并记录回答。如果客户还不满意，投诉就没有结束：和客户一起商定下一步。',
    ),
    sampleReply: L(
      'Is everything working the way you need it now? If anything is still not right, I would really like to know.',
      '现在一切都符合您的需要了吗？如果还有哪里不满意，请一定告诉我。',
    ),
    firstResponse: false,
    source: 'seed 001 step 7; seed 000 §8.2',
  },
  {
    key: 'prevent',
    title: L('Learn from it so it does not happen again', '总结教训，防止再次发生'),
    coaching: L(
      'Look back at what caused the complaint and what fixed it, and write the lesson in a sentence or two, so a colleague sees it the next time a similar complaint comes in. If the cause lies in a process or the product, tell whoever can change it.',
      '回顾投诉的起因和解决办法，用一两句话写下教训，让同事下次遇到类似投诉时能看到。如果原因出在流程或产品上，要告诉能改变它的人。',
    ),
    sampleReply: L(
      'Thank you again for raising this. We have changed how we check orders before they leave us, so it should not happen again.',
      '再次感谢您提出这个问题。我们已经改进了发货前的订单核对方式，避免再次发生。',
    ),
    firstResponse: false,
    source: 'seed 001 step 8; seed 004 §6.3 step 6',
  },
];

export function getComplaintStep(key: string): ComplaintStep {
  const s = COMPLAINT_STEPS.find((x) => x.key === key);
  if (!s) throw new Error(`Unknown complaint step: ${key}`);
  return s;
}
