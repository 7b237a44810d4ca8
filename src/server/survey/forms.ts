/**
 * The survey forms (issue 14): one Google Form per language (English, Simplified Chinese) built
 * from core/survey/template, sending its answers to this spreadsheet, and the one form-submit
 * trigger that matches answers back (answers.ts).
 *
 * Re-running "Create / update survey forms" finds each form by the ID kept in document
 * properties and each item by the item ID kept next to it, so it updates titles, texts and
 * sections in place and never makes a second set: an item whose section is turned off is
 * deleted from the form (its column stays on the response tab — Google keeps the data, and
 * Sales Desk never writes to those tabs); one turned on again is made new. A form deleted in
 * Drive or unlinked from the spreadsheet is created or linked again.
 *
 * Who can answer: customers have no account with us, so the forms do not require sign-in
 * (setRequireLogin(false): https://developers.google.com/apps-script/reference/forms/form#setrequireloginrequirelogin),
 * do not limit one response per account (setLimitOneResponsePerUser(false), which also is what
 * lets a script submit: same page), collect no e-mail and are published and accepting
 * answers. The publish state (Form.isPublished/setPublished) is not in @types/google-apps-script:
 * it is called when the form has it (FormApp's reference documents create(title, isPublished),
 * https://developers.google.com/apps-script/reference/forms/form-app) — a probe for the lead.
 */
import { t, type Locale } from '../../core/i18n';
import { SURVEY_FORM, surveyItems, REFERENCE_ITEM, type FormItem } from '../../core/survey/template';
import { surveySettings } from '../../core/survey/read-settings';
import { currentUser, openWorkbook, readSettings, type Workbook } from '../records';
import { withDocumentLock } from '../lock';
import { currentLocale } from '../locale';
import { alert, userTriggersHere } from '../host';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

export const SURVEY_LOCALES: readonly Locale[] = ['en', 'zh'];
/** Document property: { en: { id, items: { key: itemId } }, zh: … }. */
export const FORMS_PROPERTY = 'salesdesk.survey.forms';
/** Document property: who installed the form-submit trigger. */
export const SUBMIT_TRIGGER_PROPERTY = 'salesdesk.survey.trigger';
/** The form-submit handler (answers.ts): private (ends in `_`), so no page can call it. */
export const SUBMIT_HANDLER = 'onSurveySubmit_';

export interface StoredForm {
  id: string;
  /** Template item key → form item ID. */
  items: Record<string, number>;
}
export type StoredForms = Partial<Record<Locale, StoredForm>>;

export function storedForms(wb: Workbook): StoredForms {
  try {
    const v = JSON.parse(wb.property(FORMS_PROPERTY) ?? '{}') as StoredForms;
    return v && typeof v === 'object' ? v : {};
  } catch (_e) {
    return {};
  }
}

/** What is wrong with a language's form, if anything. */
export type FormProblem = 'missing' | 'deleted' | 'unlinked' | 'closed';

/** Opens a stored form; null when it was deleted (or this user may no longer open it). */
export function openStoredForm(stored: StoredForm | undefined): Form | null {
  if (!stored?.id) return null;
  try {
    return FormApp.openById(stored.id);
  } catch (_e) {
    return null;
  }
}

function destinationOf(form: Form): string {
  try {
    return form.getDestinationId();
  } catch (_e) {
    return ''; // "This form does not currently have a response destination."
  }
}

type Publishable = Form & { isPublished?(): boolean; setPublished?(enabled: boolean): Form };

/** Checks a form can take a customer's answer into this spreadsheet. */
export function formProblem(form: Form | null, stored: StoredForm | undefined, spreadsheetId: string): FormProblem | null {
  if (!stored?.id) return 'missing';
  if (!form) return 'deleted';
  if (destinationOf(form) !== spreadsheetId) return 'unlinked';
  const p = form as Publishable;
  if ((typeof p.isPublished === 'function' && !p.isPublished()) || !form.isAcceptingResponses()) return 'closed';
  return null;
}

export function problemText(problem: FormProblem, formLocale: Locale, locale: Locale): string {
  return t(locale, `survey.problem.${problem}`, { language: t(locale, `survey.language.${formLocale}`) });
}

// ------------------------------------------------------------------ building

function existingItem(form: Form, id: number | undefined, type: GoogleAppsScript.Forms.ItemType): Item | null {
  if (!id) return null;
  const item = form.getItemById(id);
  return item && item.getType() === type ? item : null;
}

/** Makes or updates one item; returns its ID. */
function buildItem(form: Form, def: FormItem, knownId: number | undefined): number {
  const T = FormApp.ItemType;
  switch (def.kind) {
    case 'scale': {
      const s = (existingItem(form, knownId, T.SCALE)?.asScaleItem() ?? form.addScaleItem())
        .setTitle(def.title)
        .setHelpText(def.help)
        .setRequired(def.required);
      s.setBounds(def.scale!.low, def.scale!.high).setLabels(def.scale!.lowLabel, def.scale!.highLabel);
      return s.getId();
    }
    case 'choice': {
      const c = (existingItem(form, knownId, T.MULTIPLE_CHOICE)?.asMultipleChoiceItem() ?? form.addMultipleChoiceItem())
        .setTitle(def.title)
        .setHelpText(def.help)
        .setRequired(def.required);
      c.setChoiceValues(def.choices ?? []);
      return c.getId();
    }
    case 'paragraph':
      return (existingItem(form, knownId, T.PARAGRAPH_TEXT)?.asParagraphTextItem() ?? form.addParagraphTextItem())
        .setTitle(def.title)
        .setHelpText(def.help)
        .setRequired(def.required)
        .getId();
    case 'text':
      return (existingItem(form, knownId, T.TEXT)?.asTextItem() ?? form.addTextItem())
        .setTitle(def.title)
        .setHelpText(def.help)
        .setRequired(def.required)
        .getId();
    case 'section':
      // An optional section starts a new page (a "section" in the Forms editor).
      return (existingItem(form, knownId, T.PAGE_BREAK)?.asPageBreakItem() ?? form.addPageBreakItem()).setTitle(def.title).setHelpText(def.help).getId();
  }
}

export type FormOutcome = 'created' | 'updated' | 'recreated';

/** Builds or updates the form of one language; returns what it stored and what happened. */
function buildForm(
  locale: Locale,
  stored: StoredForm | undefined,
  defs: readonly FormItem[],
  spreadsheetId: string,
): { stored: StoredForm; outcome: FormOutcome; url: string } {
  let form = openStoredForm(stored);
  const outcome: FormOutcome = form ? 'updated' : stored?.id ? 'recreated' : 'created';
  const known = form ? { ...(stored?.items ?? {}) } : {};
  if (!form) form = FormApp.create(SURVEY_FORM.title[locale]);
  form.setTitle(SURVEY_FORM.title[locale]).setDescription(SURVEY_FORM.description[locale]).setConfirmationMessage(SURVEY_FORM.confirmation[locale]);
  form.setCollectEmail(false).setLimitOneResponsePerUser(false).setAllowResponseEdits(false);
  try {
    form.setRequireLogin(false);
  } catch (_e) {
    // Consumer accounts have no domain sign-in to turn off.
  }
  const items: Record<string, number> = {};
  for (const def of defs) items[def.key] = buildItem(form, def, known[def.key]);
  // Items of sections turned off: deleted from the form (never from the response tab).
  for (const [key, id] of Object.entries(known)) {
    if (items[key] === id) continue;
    const gone = form.getItemById(id);
    if (gone) form.deleteItem(gone);
  }
  // Our items in the template's order (items the manager added by hand stay after them).
  defs.forEach((def, i) => {
    const item = form.getItemById(items[def.key]!);
    if (item && item.getIndex() !== i) form.moveItem(item, i);
  });
  if (destinationOf(form) !== spreadsheetId) form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  const p = form as Publishable;
  if (typeof p.isPublished === 'function' && !p.isPublished() && typeof p.setPublished === 'function') p.setPublished(true);
  if (!form.isAcceptingResponses()) form.setAcceptingResponses(true);
  return { stored: { id: form.getId(), items }, outcome, url: form.getPublishedUrl() };
}

/**
 * The one form-submit trigger on this spreadsheet (an add-on may have one of each type per user
 * per document and only on its own file: https://developers.google.com/workspace/add-ons/concepts/editor-triggers).
 * Installed once: not again when this user has it, nor when another manager's serves the document.
 */
function ensureSubmitTrigger(wb: Workbook, me: string): boolean {
  if (userTriggersHere().some((tr) => tr.getHandlerFunction() === SUBMIT_HANDLER)) return false;
  const recorded = wb.property(SUBMIT_TRIGGER_PROPERTY);
  if (recorded) {
    try {
      const r = JSON.parse(recorded) as { by?: string };
      if (r.by && r.by !== me) return false;
    } catch (_e) {
      // unreadable marker: install ours
    }
  }
  ScriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(wb.ss).onFormSubmit().create();
  wb.setProperty(SUBMIT_TRIGGER_PROPERTY, JSON.stringify({ by: me, at: new Date().toISOString() }));
  return true;
}

export interface FormsResult {
  forms: { locale: Locale; outcome: FormOutcome; url: string }[];
  triggerCreated: boolean;
}

/** Builds or updates both forms and the trigger (the caller checked the user is a manager). */
export function buildSurveyForms(wb: Workbook, me: string): FormsResult {
  const settings = surveySettings(readSettings(wb));
  const sections = { nps: settings.nps, dimensions: settings.dimensionsSection, questions: settings.questionsSection };
  const spreadsheetId = wb.ss.getId();
  const stored = storedForms(wb);
  const forms: FormsResult['forms'] = [];
  for (const locale of SURVEY_LOCALES) {
    const built = buildForm(locale, stored[locale], surveyItems(locale, sections), spreadsheetId);
    stored[locale] = built.stored;
    forms.push({ locale, outcome: built.outcome, url: built.url });
    // Stored after each form: a run stopped half-way never makes the first form twice.
    wb.setProperty(FORMS_PROPERTY, JSON.stringify(stored));
  }
  return { forms, triggerCreated: ensureSubmitTrigger(wb, me) };
}

/** Menu action (manager): create or update the survey forms. */
export function createSurveyForms(): FormsResult | 'denied' | 'not_set_up' {
  const locale = currentLocale();
  const wb = openWorkbook();
  const user = currentUser(wb);
  if (!user.manager) {
    alert(t(locale, 'survey.forms.managerOnly'));
    return 'denied';
  }
  if (!wb.tab('survey_sends') || !wb.tab('survey_responses')) {
    alert(t(locale, 'survey.forms.setupFirst'));
    return 'not_set_up';
  }
  const result = withDocumentLock(() => buildSurveyForms(wb, user.email));
  const lines = result.forms.map((f) => t(locale, `survey.forms.${f.outcome}`, { language: t(locale, `survey.language.${f.locale}`), url: f.url }));
  lines.push(t(locale, 'survey.forms.archive'), t(locale, 'survey.forms.trigger'));
  alert(lines.join('\n\n'), t(locale, 'survey.forms.done.title'));
  return result;
}

export { REFERENCE_ITEM };
