/**
 * Create / update survey forms (issue 14) in the runtime's FormApp: one form per language with
 * the template's items, the optional sections on and off, the response tabs in this
 * spreadsheet, who may answer; a re-run makes no second form and no second trigger; a deleted or
 * unlinked form is recreated or linked again, its answers kept; a rep may not run it.
 */
import { describe, expect, it } from 'vitest';
import { surveyWorkbook, rowsOf, type SurveyFixture } from './survey-fixture';
import { surveyItems, type SurveySections } from '../../src/core/survey/template';
import type { Locale } from '../../src/core/i18n';
import type { FormRecord } from '../../src/local/runtime/services';

const TYPE: Record<string, string> = { scale: 'SCALE', choice: 'MULTIPLE_CHOICE', paragraph: 'PARAGRAPH_TEXT', text: 'TEXT', section: 'PAGE_BREAK' };

function forms(fx: SurveyFixture): FormRecord[] {
  return fx.rt.forms.state.forms;
}

function formOf(fx: SurveyFixture, locale: Locale): FormRecord {
  const title = locale === 'zh' ? '客户满意度调查' : 'Customer satisfaction survey';
  return forms(fx).find((f) => f.title === title)!;
}

function expectStructure(f: FormRecord, locale: Locale, sections: SurveySections): void {
  const want = surveyItems(locale, sections);
  expect(f.items.map((i) => [i.type, i.title])).toEqual(want.map((w) => [TYPE[w.kind], w.title]));
  for (const w of want) {
    const item = f.items.find((i) => i.title === w.title)!;
    expect(item.helpText).toBe(w.help);
    if (w.kind !== 'section') expect(item.required).toBe(w.required);
    if (w.scale) expect([item.lower, item.upper, item.leftLabel, item.rightLabel]).toEqual([w.scale.low, w.scale.high, w.scale.lowLabel, w.scale.highLabel]);
    if (w.choices) expect(item.choices).toEqual(w.choices);
  }
  // Customers have no account with us: no sign-in, no one-per-account limit, no e-mail collected, published and open.
  expect([f.requireLogin, f.limitOneResponsePerUser, f.collectEmail, f.published, f.acceptingResponses]).toEqual([false, false, false, true, true]);
}

function setSetting(fx: SurveyFixture, key: string, value: unknown): void {
  const sh = fx.rt.spreadsheet.getSheetByName(fx.locale === 'zh' ? '设置' : 'Settings')!;
  const keys = sh
    .getRange(1, 1, sh.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  sh.getRange(keys.indexOf(key) + 1, 3).setValue(value);
}

describe('Create / update survey forms', () => {
  it('builds an English and a Chinese form from the template, responses to this spreadsheet, one trigger', () => {
    const fx = surveyWorkbook();
    fx.rt.run('createSurveyForms');
    expect(forms(fx)).toHaveLength(2);
    const defaults = { nps: true, dimensions: false, questions: false };
    expectStructure(formOf(fx, 'en'), 'en', defaults);
    expectStructure(formOf(fx, 'zh'), 'zh', defaults);
    for (const f of forms(fx)) expect(f.destination).toEqual({ type: 'SPREADSHEET', id: fx.rt.spreadsheet.getId() });
    // The response tabs exist at once, headed by the questions.
    const tabs = fx.rt.spreadsheet.getSheets().filter((s) => /^Form Responses \d$/.test(s.getName()));
    expect(tabs.map((s) => s.getName())).toEqual(['Form Responses 1', 'Form Responses 2']);
    expect(tabs[0]!.getRange(1, 1, 1, 3).getValues()[0]).toEqual([
      'Timestamp',
      'How would you rate the quality of our service?',
      'How well did our solution work for you?',
    ]);
    const triggers = fx.rt.triggers.triggersOfType('ON_FORM_SUBMIT');
    expect(triggers.map((t) => t.handler)).toEqual(['onSurveySubmit_']);
  });

  it('turns the optional sections on and off in place; re-runs make no second form and no second trigger; raw tabs are never changed', () => {
    const fx = surveyWorkbook();
    fx.rt.run('createSurveyForms');
    const ids = forms(fx).map((f) => f.id);
    const raw = () =>
      fx.rt.spreadsheet
        .getSheets()
        .filter((s) => /^Form Responses/.test(s.getName()))
        .map((s) => JSON.stringify(s.getDataRange().getValues()));
    const rawBefore = raw();
    setSetting(fx, 'survey_dimensions_section', true);
    setSetting(fx, 'survey_questions_section', true);
    fx.rt.run('createSurveyForms');
    const on = { nps: true, dimensions: true, questions: true };
    expectStructure(formOf(fx, 'en'), 'en', on);
    expectStructure(formOf(fx, 'zh'), 'zh', on);
    setSetting(fx, 'survey_dimensions_section', false);
    setSetting(fx, 'survey_nps', false);
    fx.rt.run('createSurveyForms');
    fx.rt.run('createSurveyForms');
    const off = { nps: false, dimensions: false, questions: true };
    expectStructure(formOf(fx, 'en'), 'en', off);
    expectStructure(formOf(fx, 'zh'), 'zh', off);
    expect(forms(fx).map((f) => f.id)).toEqual(ids);
    expect(fx.rt.triggers.triggersOfType('ON_FORM_SUBMIT')).toHaveLength(1);
    expect(raw()).toEqual(rawBefore);
    expect(fx.rt.spreadsheet.getSheets().filter((s) => /^Form Responses/.test(s.getName()))).toHaveLength(2);
  });

  it('a deleted form: Send says so in the user’s language and offers the fix; re-running recreates it, answers kept', () => {
    const fx = surveyWorkbook({ locale: 'zh', customers: [{ deliveredDaysAgo: 40, language: 'zh' }] });
    fx.rt.run('createSurveyForms');
    const zh = formOf(fx, 'zh');
    fx.rt.forms.submitResponse(zh.id, {
      '参考编号（请保持原样，不要修改）': 'ABCD',
      '您如何评价我们的服务质量？': 4,
      '我们的方案在您那里的实际效果如何？': 4,
      '在您需要时，我们的响应速度如何？': 4,
      '我们的团队与您的团队配合得如何？': 4,
      '总体而言，您对我们满意吗？': '满意',
      '您向朋友或同事推荐我们的可能性有多大？': 9,
    });
    expect(rowsOf(fx, 'survey_responses')).toHaveLength(1);
    fx.rt.forms.deleteForm(zh.id);
    const view = fx.rt.rpc('getSendSurveyView', '[]');
    expect(view.ok && view.value.problems).toEqual(['中文问卷表单已被删除。请经理运行“创建/更新问卷表单”重新创建；已收到的答卷仍保留在本表格中。']);
    const sent = fx.rt.rpc('startSurveySend', '[]');
    expect(sent.ok && sent.value.state).toBe('problem');
    expect(fx.rt.mail.outbox).toHaveLength(0);
    fx.rt.run('createSurveyForms');
    expect(fx.rt.ui.alerts().at(-1)!.prompt).toMatch(/中文表单已丢失（被删除或不再关联），已重新创建/);
    expect(forms(fx)).toHaveLength(2);
    expect(rowsOf(fx, 'survey_responses')).toHaveLength(1);
    // Unlinked by hand: linked again by the next run.
    const again = formOf(fx, 'zh');
    fx.rt.forms.unlinkForm(again.id);
    const v2 = fx.rt.rpc('getSendSurveyView', '[]');
    expect(v2.ok && v2.value.problems[0]).toMatch(/不再把答卷发送到本表格/);
    fx.rt.run('createSurveyForms');
    expect(formOf(fx, 'zh').destination?.id).toBe(fx.rt.spreadsheet.getId());
    const ok = fx.rt.rpc('startSurveySend', '[]');
    expect(ok.ok && ok.value.sent).toBe(1);
  });

  it('only a manager may create or update the forms', () => {
    const fx = surveyWorkbook();
    fx.rt.setUser({ email: 'ana@example.com' });
    expect(fx.rt.run('createSurveyForms')).toBe('denied');
    expect(forms(fx)).toHaveLength(0);
    expect(fx.rt.ui.alerts().at(-1)!.prompt).toMatch(/Only a manager/);
  });
});
