import { describe, expect, it } from 'vitest';
import { createFormApp, responseSheetHeaders, responseSheetRow, type FormSubmission } from '../../src/local/runtime/services/forms';
import { makeCtx } from './runtime-services-helpers';

function survey() {
  const { ctx } = makeCtx();
  const submissions: FormSubmission[] = [];
  const { FormApp, control } = createFormApp(ctx, undefined, { onSubmit: (s) => submissions.push(s) });
  const form = FormApp.create('How did we do?');
  form.setCollectEmail(true).setConfirmationMessage('Thanks!');
  const score = form.addScaleItem().setTitle('Score').setBounds(0, 10).setLabels('Never', 'Surely').setRequired(true);
  const token = form.addTextItem().setTitle('Token');
  form.addSectionHeaderItem().setTitle('More');
  const why = form.addMultipleChoiceItem().setTitle('Why');
  why.setChoiceValues(['价格', 'Service']);
  form.addParagraphTextItem().setTitle('Comments');
  form.setDestination(FormApp.DestinationType.SPREADSHEET as never, 'sheet-1');
  return { FormApp, control, form, score, token, why, submissions };
}

describe('FormApp', () => {
  it('builds a prefilled URL with the token and a scale answer', () => {
    const { form, token, score, control } = survey();
    const url = form
      .createResponse()
      .withItemResponse(token.asTextItem().createResponse('tok/1 2&3'))
      .withItemResponse(score.asScaleItem().createResponse(9))
      .toPrefilledUrl();
    expect(url.startsWith(form.getPublishedUrl() + '?usp=pp_url&')).toBe(true);
    expect(control.prefilledAnswers(url)).toEqual({ [String(token.getId())]: 'tok/1 2&3', [String(score.getId())]: '9' });
    expect(() => score.asScaleItem().createResponse(11)).toThrow(/outside 0–10/);
    expect(() => token.asScaleItem()).toThrow(/TEXT item/);
    expect(form.shortenFormUrl(url)).toMatch(/^https:\/\/forms\.gle\/\w+$/);
    expect(form.getItemById(score.getId())!.getTitle()).toBe('Score');
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Score', 'Token', 'More', 'Why', 'Comments']);
  });

  it('submitResponse records the answer and calls onSubmit with the response-sheet row', () => {
    const { form, control, submissions, FormApp } = survey();
    control.submitResponse(form.getId(), { Score: 10, Token: 'abc', Why: '价格' }, 'wei@example.cn');
    expect(submissions).toHaveLength(1);
    const { form: rec, response, via } = submissions[0]!;
    expect(via).toBe('respondent');
    expect(rec.destination).toEqual({ type: 'SPREADSHEET', id: 'sheet-1' });
    expect(responseSheetHeaders(rec)).toEqual(['Timestamp', 'Email Address', 'Score', 'Token', 'Why', 'Comments']);
    const row = responseSheetRow(rec, response);
    expect(row.slice(1)).toEqual(['wei@example.cn', '10', 'abc', '价格', '']);
    expect(row[0]).toBeInstanceOf(Date);
    expect(() => control.submitResponse(form.getId(), { Token: 'x' })).toThrow('"Score" is a required question.');
    expect(() => control.submitResponse(form.getId(), { Score: 5, Why: 'Other' })).toThrow(/not a choice/);
    expect(FormApp.openById(form.getId()).getResponses()).toHaveLength(1);
  });

  it('a script cannot submit when responses are limited to one per user; defaults are false', () => {
    const { FormApp } = survey();
    const f = FormApp.create('x');
    expect([f.collectsEmail(), f.canEditResponse(), f.hasLimitOneResponsePerUser()]).toEqual([false, false, false]);
    f.addTextItem().setTitle('T');
    f.setLimitOneResponsePerUser(true);
    expect(() => f.createResponse().submit()).toThrow(/cannot submit/);
  });

  it('publish state: an unpublished form accepts no response whatever setAcceptingResponses said', () => {
    const { FormApp, control } = survey();
    const draft = FormApp.create('Draft', false);
    draft.addTextItem().setTitle('T');
    expect([draft.isPublished(), draft.isAcceptingResponses()]).toEqual([false, false]);
    expect(() => control.submitResponse(draft.getId(), { T: 'x' })).toThrow('This form is no longer accepting responses.');
    draft.setPublished(true);
    expect([draft.isPublished(), draft.isAcceptingResponses()]).toEqual([true, true]);
    control.submitResponse(draft.getId(), { T: 'x' });
    draft.setAcceptingResponses(false);
    expect(() => control.submitResponse(draft.getId(), { T: 'y' })).toThrow(/no longer accepting/);
    const open = FormApp.create('Open');
    expect([open.isPublished(), open.requiresLogin()]).toEqual([true, false]);
    expect(open.setRequireLogin(true).requiresLogin()).toBe(true);
    expect(() => FormApp.create('  ')).toThrow(/title/);
  });

  it('page breaks hold no answer; a deleted question keeps its column, a new one goes to the right', () => {
    const { form, control, submissions } = survey();
    form.addPageBreakItem().setTitle('Page 2');
    expect(() => form.getItems()[5]!.asPageBreakItem().createResponse('x')).toThrow(/no responses/);
    control.submitResponse(form.getId(), { Score: 3 });
    const rec = submissions[0]!.form;
    rec.responseSheet = { sheetId: 1, itemIds: [...rec.items.filter((i) => i.type !== 'SECTION_HEADER' && i.type !== 'PAGE_BREAK').map((i) => i.id)] };
    const token = form.getItems()[1]!;
    form.deleteItem(token);
    form.addTextItem().setTitle('New');
    expect(responseSheetHeaders(rec)).toEqual(['Timestamp', 'Email Address', 'Score', null, 'Why', 'Comments', 'New']);
    form.moveItem(form.getItems()[0]!, 3);
    expect(form.getItems().map((i) => i.getTitle())[3]).toBe('Score');
  });

  it('a deleted form cannot be opened; an unlinked one has no destination', () => {
    const { FormApp, form, control } = survey();
    const url = form.getPublishedUrl();
    expect(control.formOfUrl(url).id).toBe(form.getId());
    control.unlinkForm(form.getId());
    expect(() => FormApp.openById(form.getId()).getDestinationId()).toThrow(/does not currently have a response destination/);
    control.deleteForm(form.getId());
    expect(() => FormApp.openById(form.getId())).toThrow(/No item with the given ID/);
  });
});
