/**
 * FormApp: forms with scale, multiple-choice, text, paragraph and section-header items,
 * prefilled links, a spreadsheet destination and simulated respondents.
 *
 * Facts (platform-facts C10, https://developers.google.com/apps-script/reference/forms/form):
 * setCollectEmail, setAllowResponseEdits and setLimitOneResponsePerUser default to false; with
 * setLimitOneResponsePerUser(true) "the script cannot submit form responses at all";
 * FormResponse.toPrefilledUrl() "Generates a URL for the form in which the answers are pre-filled"
 * without submitting. Our prefilled URLs use `entry.<itemId>` (Google's entry ids differ from item
 * ids; scripts must not rely on either). Scale bounds: lower 0 or 1, upper 3…10.
 *
 * Runtime-only API (FormsControl): submitResponse(formId, answers, respondentEmail?) plays a
 * customer filling the form in: it validates the answers, records the response and calls the
 * `onSubmit` hook with what the runtime needs to append the row to the destination sheet
 * (responseSheetHeaders / responseSheetRow give Google's column layout) and fire form-submit
 * triggers.
 */
import type { RuntimeContext } from '../context';
import { COUNTED } from '../context';
import { asEnum, gasError, makeEnum, sha256Hex } from './common';

export const DestinationType = makeEnum(['SPREADSHEET'] as const);
export const ItemType = makeEnum(['SCALE', 'MULTIPLE_CHOICE', 'PARAGRAPH_TEXT', 'TEXT', 'SECTION_HEADER', 'PAGE_BREAK'] as const);
/** Items that hold no answer: not a column of the response sheet, no ItemResponse. */
const LAYOUT_ITEMS: readonly string[] = ['SECTION_HEADER', 'PAGE_BREAK'];
const isLayout = (i: { type: string }) => LAYOUT_ITEMS.includes(i.type);
type ItemTypeName = keyof typeof ItemType;

export interface ItemRecord {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  lower?: number;
  upper?: number;
  leftLabel?: string;
  rightLabel?: string;
  choices?: string[];
}

export interface ResponseRecord {
  id: string;
  timestampMs: number;
  respondentEmail: string;
  /** itemId → answer text */
  answers: Record<string, string>;
}

export interface FormRecord {
  id: string;
  title: string;
  description: string;
  items: ItemRecord[];
  destination: { type: 'SPREADSHEET'; id: string } | null;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  /** setRequireLogin: respondents must sign in (a Workspace form limited to the domain). */
  requireLogin: boolean;
  /** The publish state (create(title, isPublished), setPublished). */
  published: boolean;
  acceptingResponses: boolean;
  confirmationMessage: string;
  ownerEmail: string;
  createdMs: number;
  responses: ResponseRecord[];
  /**
   * The response sheet in the destination (its sheet id, set when setDestination made it) and
   * the items its columns hold after Timestamp (and Email Address), in column order: Google
   * keeps a question's column when the form changes and adds new questions as new columns on
   * the right. Runtime bookkeeping, not API.
   */
  responseSheet?: { sheetId: number; itemIds: number[] } | null;
}

export interface FormsState {
  forms: FormRecord[];
  nextId: number;
}

export function emptyFormsState(): FormsState {
  return { forms: [], nextId: 1 };
}

export interface FormSubmission {
  form: FormRecord;
  response: ResponseRecord;
  /** Who submitted: 'respondent' (submitResponse) or 'script' (FormResponse.submit()). */
  via: 'respondent' | 'script';
}

export interface FormsOptions {
  /** Called after every submitted response; the runtime appends the row and fires triggers. */
  onSubmit?: (submission: FormSubmission) => void;
  /** Called when setDestination links the form to a spreadsheet: the runtime makes the response tab at once. */
  onDestination?: (form: FormRecord) => void;
}

// ---------------------------------------------------------------------------------------------

const publishedUrl = (f: FormRecord) => `https://docs.google.com/forms/d/e/${publishedId(f.id)}/viewform`;
const publishedId = (id: string) => '1FAIpQL' + sha256Hex(id).slice(0, 40);

class ItemResponse {
  readonly [COUNTED] = 'ItemResponse';
  constructor(
    private readonly app: FormAppImpl,
    private readonly formId: string,
    readonly itemId: number,
    readonly value: string,
  ) {}
  getItem() {
    return this.app.itemView(this.formId, this.itemId);
  }
  getResponse(): string {
    return this.value;
  }
  getScore(): number | null {
    return null;
  }
}

/** One typed view class serves all item kinds; the `as…Item()` casts check the type. */
class Item {
  readonly [COUNTED] = 'Item';
  constructor(
    private readonly app: FormAppImpl,
    private readonly formId: string,
    private readonly itemId: number,
  ) {}
  private rec(): ItemRecord {
    const r = this.app.form(this.formId).items.find((i) => i.id === this.itemId);
    if (!r) throw gasError('The item has been deleted.');
    return r;
  }
  getId(): number {
    return this.itemId;
  }
  getIndex(): number {
    return this.app.form(this.formId).items.findIndex((i) => i.id === this.itemId);
  }
  getType() {
    return asEnum<GoogleAppsScript.Forms.ItemType>(this.rec().type);
  }
  getTitle(): string {
    return this.rec().title;
  }
  setTitle(title: string): this {
    this.rec().title = String(title);
    return this;
  }
  getHelpText(): string {
    return this.rec().helpText;
  }
  setHelpText(text: string): this {
    this.rec().helpText = String(text);
    return this;
  }
  isRequired(): boolean {
    return this.rec().required;
  }
  setRequired(required: boolean): this {
    if (isLayout(this.rec())) throw gasError('A section header or page break cannot be required.');
    this.rec().required = Boolean(required);
    return this;
  }
  // scale
  setBounds(lower: number, upper: number): this {
    this.expect('SCALE');
    if (!(lower === 0 || lower === 1) || !(Number.isInteger(upper) && upper >= 3 && upper <= 10)) {
      throw gasError('Invalid argument: bounds (lower 0 or 1, upper 3 to 10)');
    }
    Object.assign(this.rec(), { lower, upper });
    return this;
  }
  getLowerBound(): number {
    return this.expect('SCALE').lower!;
  }
  getUpperBound(): number {
    return this.expect('SCALE').upper!;
  }
  setLabels(lower: string, upper: string): this {
    Object.assign(this.expect('SCALE'), { leftLabel: String(lower), rightLabel: String(upper) });
    return this;
  }
  getLeftLabel(): string {
    return this.expect('SCALE').leftLabel ?? '';
  }
  getRightLabel(): string {
    return this.expect('SCALE').rightLabel ?? '';
  }
  // multiple choice
  setChoiceValues(values: string[]): this {
    this.expect('MULTIPLE_CHOICE').choices = values.map(String);
    return this;
  }
  createChoice(value: string) {
    this.expect('MULTIPLE_CHOICE');
    return { getValue: () => String(value), isCorrectAnswer: () => false };
  }
  setChoices(choices: { getValue(): string }[]): this {
    this.expect('MULTIPLE_CHOICE').choices = choices.map((c) => c.getValue());
    return this;
  }
  getChoices() {
    return (this.expect('MULTIPLE_CHOICE').choices ?? []).map((v) => ({ getValue: () => v, isCorrectAnswer: () => false }));
  }
  // casts
  asScaleItem() {
    this.expect('SCALE');
    return this;
  }
  asMultipleChoiceItem() {
    this.expect('MULTIPLE_CHOICE');
    return this;
  }
  asTextItem() {
    this.expect('TEXT');
    return this;
  }
  asParagraphTextItem() {
    this.expect('PARAGRAPH_TEXT');
    return this;
  }
  asSectionHeaderItem() {
    this.expect('SECTION_HEADER');
    return this;
  }
  asPageBreakItem() {
    this.expect('PAGE_BREAK');
    return this;
  }
  createResponse(value: string | number): ItemResponse {
    const r = this.rec();
    if (isLayout(r)) throw gasError('A section header or page break has no responses.');
    return new ItemResponse(this.app, this.formId, this.itemId, checkAnswer(r, value));
  }
  private expect(type: ItemTypeName): ItemRecord {
    const r = this.rec();
    if (r.type !== type) throw gasError(`Item ${r.id} is a ${r.type} item, not ${type}.`);
    return r;
  }
}

function checkAnswer(item: ItemRecord, value: unknown): string {
  const s = String(value ?? '');
  if (item.type === 'SCALE') {
    const n = Number(s);
    if (!Number.isInteger(n) || n < (item.lower ?? 1) || n > (item.upper ?? 5)) {
      throw gasError(`Invalid response for "${item.title}": ${s} is outside ${item.lower ?? 1}–${item.upper ?? 5}`);
    }
    return String(n);
  }
  if (item.type === 'MULTIPLE_CHOICE' && !(item.choices ?? []).includes(s)) {
    throw gasError(`Invalid response for "${item.title}": ${s} is not a choice`);
  }
  return s;
}

class FormResponse {
  readonly [COUNTED] = 'FormResponse';
  private readonly itemResponses = new Map<number, ItemResponse>();
  private submitted: ResponseRecord | null = null;
  constructor(
    private readonly app: FormAppImpl,
    private readonly formId: string,
  ) {}
  withItemResponse(response: ItemResponse): this {
    this.itemResponses.set(response.itemId, response);
    return this;
  }
  getItemResponses(): ItemResponse[] {
    return [...this.itemResponses.values()];
  }
  toPrefilledUrl(): string {
    const params = [...this.itemResponses.values()].map((r) => `entry.${r.itemId}=${encodeURIComponent(r.value)}`);
    return `${publishedUrl(this.app.form(this.formId))}?usp=pp_url${params.map((p) => '&' + p).join('')}`;
  }
  submit(): this {
    const f = this.app.form(this.formId);
    if (f.limitOneResponsePerUser) {
      throw gasError('Scripts cannot submit responses to a form that limits respondents to one response.');
    }
    const answers: Record<string, string> = {};
    for (const r of this.itemResponses.values()) answers[String(r.itemId)] = r.value;
    this.submitted = this.app.record(f, answers, '', 'script');
    return this;
  }
  getId(): string | null {
    return this.submitted?.id ?? null;
  }
  getTimestamp(): Date | null {
    return this.submitted ? new Date(this.submitted.timestampMs) : null;
  }
  getRespondentEmail(): string {
    return this.submitted?.respondentEmail ?? '';
  }
}

class Form {
  readonly [COUNTED] = 'Form';
  constructor(
    private readonly app: FormAppImpl,
    private readonly id: string,
  ) {}
  private rec() {
    return this.app.form(this.id);
  }
  getId(): string {
    return this.id;
  }
  getTitle(): string {
    return this.rec().title;
  }
  setTitle(title: string): this {
    this.rec().title = String(title);
    return this;
  }
  getDescription(): string {
    return this.rec().description;
  }
  setDescription(d: string): this {
    this.rec().description = String(d);
    return this;
  }
  private add(type: ItemTypeName, extra: Partial<ItemRecord> = {}): Item {
    const f = this.rec();
    const id = this.app.newItemId();
    f.items.push({ id, type, title: '', helpText: '', required: false, ...extra });
    return new Item(this.app, this.id, id);
  }
  addScaleItem() {
    return this.add('SCALE', { lower: 1, upper: 5 });
  }
  addMultipleChoiceItem() {
    return this.add('MULTIPLE_CHOICE', { choices: [] });
  }
  addTextItem() {
    return this.add('TEXT');
  }
  addParagraphTextItem() {
    return this.add('PARAGRAPH_TEXT');
  }
  addSectionHeaderItem() {
    return this.add('SECTION_HEADER');
  }
  /** A page break starts a new page (a "section" in the Forms editor). */
  addPageBreakItem() {
    return this.add('PAGE_BREAK');
  }
  /** Moves an item to a new index (https://developers.google.com/apps-script/reference/forms/form#moveitemitem,-toindex). */
  moveItem(item: Item | number, toIndex: number): Item {
    const f = this.rec();
    const id = typeof item === 'number' ? f.items[item]?.id : item.getId();
    const from = f.items.findIndex((i) => i.id === id);
    if (from < 0 || !Number.isInteger(toIndex) || toIndex < 0 || toIndex >= f.items.length) throw gasError('Invalid argument: index');
    const [moved] = f.items.splice(from, 1);
    f.items.splice(toIndex, 0, moved!);
    return new Item(this.app, this.id, moved!.id);
  }
  getItems(): Item[] {
    return this.rec().items.map((i) => new Item(this.app, this.id, i.id));
  }
  getItemById(id: number): Item | null {
    return this.rec().items.some((i) => i.id === Number(id)) ? new Item(this.app, this.id, Number(id)) : null;
  }
  /** deleteItem(index) or deleteItem(item) (https://developers.google.com/apps-script/reference/forms/form#deleteitemindex). */
  deleteItem(item: Item | number): void {
    const f = this.rec();
    const id = typeof item === 'number' ? f.items[item]?.id : item.getId();
    if (id === undefined) throw gasError('Invalid argument: index');
    f.items = f.items.filter((i) => i.id !== id);
  }
  /**
   * Links the form to a spreadsheet. Google adds the response tab ("Form Responses 1", a number
   * per linked form) to the spreadsheet at once, with Timestamp and the questions as headers;
   * that the tab appears before any response is what the Forms editor shows — the
   * setDestination page itself does not say (https://developers.google.com/apps-script/reference/forms/form#setdestinationtype,-id).
   * Re-linking to the same spreadsheet keeps the tab it has.
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): this {
    if (String(type) !== DestinationType.SPREADSHEET) throw gasError('Invalid argument: type');
    const f = this.rec();
    const same = f.destination?.id === String(id);
    f.destination = { type: 'SPREADSHEET', id: String(id) };
    if (!same) f.responseSheet = null;
    this.app.options.onDestination?.(f);
    return this;
  }
  /** Unlinks the destination; the response tab stays in the spreadsheet with the responses it has (the form keeps its own copy). */
  removeDestination(): this {
    this.rec().destination = null;
    this.rec().responseSheet = null;
    return this;
  }
  getDestinationId(): string {
    const d = this.rec().destination;
    if (!d) throw gasError('This form does not currently have a response destination.');
    return d.id;
  }
  getDestinationType() {
    return asEnum<GoogleAppsScript.Forms.DestinationType>(this.rec().destination ? 'SPREADSHEET' : '');
  }
  getPublishedUrl(): string {
    return publishedUrl(this.rec());
  }
  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }
  shortenFormUrl(url: string): string {
    return `https://forms.gle/${sha256Hex(String(url)).slice(0, 17)}`;
  }
  setCollectEmail(v: boolean): this {
    this.rec().collectEmail = Boolean(v);
    return this;
  }
  collectsEmail(): boolean {
    return this.rec().collectEmail;
  }
  setAllowResponseEdits(v: boolean): this {
    this.rec().allowResponseEdits = Boolean(v);
    return this;
  }
  canEditResponse(): boolean {
    return this.rec().allowResponseEdits;
  }
  setLimitOneResponsePerUser(v: boolean): this {
    this.rec().limitOneResponsePerUser = Boolean(v);
    return this;
  }
  hasLimitOneResponsePerUser(): boolean {
    return this.rec().limitOneResponsePerUser;
  }
  /**
   * Whether the form accepts responses. The Forms API's PublishState says "If is_published is
   * set to false, this field is forced to false" (https://developers.google.com/workspace/forms/api/reference/rest/v1/forms/setPublishSettings,
   * PublishState): an unpublished form accepts nothing whatever was set here.
   */
  setAcceptingResponses(v: boolean): this {
    this.rec().acceptingResponses = Boolean(v);
    return this;
  }
  isAcceptingResponses(): boolean {
    return this.rec().published !== false && this.rec().acceptingResponses;
  }
  /**
   * The publish state. FormApp documents create(title, isPublished) "in the requested publish
   * state" (https://developers.google.com/apps-script/reference/forms/form-app#createtitle,-ispublished);
   * Form.isPublished()/setPublished(enabled) are not in @types/google-apps-script and the Form
   * page was not at hand: their names and that create(title) makes a published form are our
   * reading (a probe for Check this spreadsheet).
   */
  isPublished(): boolean {
    return this.rec().published !== false;
  }
  setPublished(v: boolean): this {
    this.rec().published = Boolean(v);
    return this;
  }
  /** https://developers.google.com/apps-script/reference/forms/form#setrequireloginrequirelogin — default false in the runtime; a Workspace domain may default to true (not confirmed). */
  setRequireLogin(v: boolean): this {
    this.rec().requireLogin = Boolean(v);
    return this;
  }
  requiresLogin(): boolean {
    return this.rec().requireLogin;
  }
  setConfirmationMessage(m: string): this {
    this.rec().confirmationMessage = String(m);
    return this;
  }
  getConfirmationMessage(): string {
    return this.rec().confirmationMessage;
  }
  createResponse(): FormResponse {
    return new FormResponse(this.app, this.id);
  }
  getResponses(): { getId(): string; getTimestamp(): Date; getRespondentEmail(): string; getItemResponses(): ItemResponse[] }[] {
    return this.rec().responses.map((r) => ({
      getId: () => r.id,
      getTimestamp: () => new Date(r.timestampMs),
      getRespondentEmail: () => r.respondentEmail,
      getItemResponses: () => Object.entries(r.answers).map(([id, v]) => new ItemResponse(this.app, this.id, Number(id), v)),
    }));
  }
}

export class FormAppImpl {
  readonly DestinationType = DestinationType;
  readonly ItemType = ItemType;
  constructor(
    readonly ctx: RuntimeContext,
    readonly state: FormsState,
    readonly options: FormsOptions,
  ) {}

  create(title: string, isPublished = true): Form {
    if (!String(title ?? '').trim()) throw gasError('Invalid argument: title');
    const id = `form-${String(this.state.nextId++).padStart(4, '0')}-${sha256Hex(`${title}|${this.ctx.clock.nowMs()}`).slice(0, 12)}`;
    this.state.forms.push({
      id,
      title: String(title),
      description: '',
      items: [],
      destination: null,
      collectEmail: false,
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      requireLogin: false,
      published: Boolean(isPublished),
      acceptingResponses: true,
      confirmationMessage: '',
      ownerEmail: this.ctx.currentUser().email,
      createdMs: this.ctx.clock.nowMs(),
      responses: [],
    });
    return new Form(this, id);
  }

  openById(id: string): Form {
    this.form(String(id));
    return new Form(this, String(id));
  }

  openByUrl(url: string): Form {
    const m = /\/forms\/d\/([^/]+)/.exec(String(url));
    const f = m && this.state.forms.find((x) => x.id === m[1] || publishedId(x.id) === m[1]?.replace(/^e\//, ''));
    if (!f) throw gasError('No item with the given ID could be found, or you do not have permission to access it.');
    return new Form(this, f.id);
  }

  getActiveForm(): null {
    return null;
  }

  /** @internal */
  form(id: string): FormRecord {
    const f = this.state.forms.find((x) => x.id === id);
    if (!f) throw gasError('No item with the given ID could be found, or you do not have permission to access it.');
    return f;
  }
  /** @internal */
  newItemId(): number {
    return 100000000 + this.state.nextId++;
  }
  /** @internal */
  itemView(formId: string, itemId: number): Item {
    return new Item(this, formId, itemId);
  }
  /** @internal */
  record(f: FormRecord, answers: Record<string, string>, respondentEmail: string, via: FormSubmission['via']): ResponseRecord {
    if (f.published === false || !f.acceptingResponses) throw gasError('This form is no longer accepting responses.');
    for (const item of f.items) {
      if (item.required && !(answers[String(item.id)] ?? '').trim()) {
        throw gasError(`"${item.title}" is a required question.`);
      }
    }
    const response: ResponseRecord = {
      id: `resp-${f.id}-${f.responses.length + 1}`,
      timestampMs: this.ctx.clock.nowMs(),
      respondentEmail: f.collectEmail ? respondentEmail : '',
      answers,
    };
    f.responses.push(response);
    this.options.onSubmit?.({ form: f, response, via });
    return response;
  }
}

/**
 * The items the response sheet has a column for, in column order, after Timestamp (and Email
 * Address): the columns the sheet has (a deleted question keeps its column, as Google keeps the
 * data), then questions added since, on the right.
 */
export function responseColumns(form: FormRecord): { itemId: number; title: string | null }[] {
  const known = form.responseSheet?.itemIds ?? [];
  const ids = [...known, ...form.items.filter((i) => !isLayout(i) && !known.includes(i.id)).map((i) => i.id)];
  return ids.map((id) => ({ itemId: id, title: form.items.find((i) => i.id === id)?.title ?? null }));
}

/** Google's response sheet columns: Timestamp, Email Address (when collected), then the questions (null: a deleted question's column keeps its header). */
export function responseSheetHeaders(form: FormRecord): (string | null)[] {
  return ['Timestamp', ...(form.collectEmail ? ['Email Address'] : []), ...responseColumns(form).map((c) => c.title)];
}

/** The row for one response, in responseSheetHeaders order: a Date, then strings ('' when unanswered). */
export function responseSheetRow(form: FormRecord, response: ResponseRecord): (Date | string)[] {
  return [
    new Date(response.timestampMs),
    ...(form.collectEmail ? [response.respondentEmail] : []),
    ...responseColumns(form).map((c) => response.answers[String(c.itemId)] ?? ''),
  ];
}

export interface FormsControl {
  readonly state: FormsState;
  /**
   * A customer fills the form in. `answers` is keyed by item title or item id; values are
   * checked like the form would (scale bounds, choices, required items).
   */
  submitResponse(formId: string, answers: Record<string, string | number>, respondentEmail?: string): ResponseRecord;
  /** Parses a prefilled URL back into itemId → value (what the respondent would see filled in). */
  prefilledAnswers(url: string): Record<string, string>;
  /** The form a published or prefilled URL opens (what a customer's click lands on). */
  formOfUrl(url: string): FormRecord;
  /** Someone deleted the form in Drive: openById fails from now on; the response tab stays. */
  deleteForm(formId: string): void;
  /** Someone chose "Unlink form" in the spreadsheet: the form keeps its responses, the tab stays. */
  unlinkForm(formId: string): void;
}

export type FormAppApi = Pick<FormAppImpl, 'create' | 'openById' | 'openByUrl' | 'getActiveForm' | 'DestinationType' | 'ItemType'>;

export function createFormApp(
  ctx: RuntimeContext,
  state: FormsState = emptyFormsState(),
  options: FormsOptions = {},
): { FormApp: FormAppApi; control: FormsControl } {
  const app = new FormAppImpl(ctx, state, options);
  const control: FormsControl = {
    state,
    submitResponse(formId, answers, respondentEmail = '') {
      const f = app.form(formId);
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(answers)) {
        const item = f.items.find((i) => String(i.id) === k) ?? f.items.find((i) => i.title === k);
        if (!item || isLayout(item)) throw new Error(`Form ${formId} has no question "${k}"`);
        out[String(item.id)] = checkAnswer(item, v);
      }
      return app.record(f, out, respondentEmail, 'respondent');
    },
    formOfUrl(url) {
      const m = /\/forms\/d\/e\/([^/]+)\//.exec(url);
      const f = m && state.forms.find((x) => publishedId(x.id) === m[1]);
      if (!f) throw new Error(`No form at ${url}`);
      return f;
    },
    deleteForm(formId) {
      app.form(formId);
      state.forms.splice(
        state.forms.findIndex((f) => f.id === formId),
        1,
      );
    },
    unlinkForm(formId) {
      const f = app.form(formId);
      f.destination = null;
      f.responseSheet = null;
    },
    prefilledAnswers(url) {
      const q = new URL(url).searchParams;
      const out: Record<string, string> = {};
      for (const [k, v] of q) if (k.startsWith('entry.')) out[k.slice(6)] = v;
      return out;
    },
  };
  return { FormApp: app, control };
}
