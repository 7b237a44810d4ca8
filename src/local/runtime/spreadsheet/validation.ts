/**
 * DataValidation and its builder
 * (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder).
 * Rules are stored per cell in column runs (one run for a whole column). Apps Script does not
 * enforce validation on values written by scripts; only user edits in the playground
 * (Workbook.setCellFromUser) are rejected when allowInvalid is false.
 */
import { COUNTED } from '../context';
import type { Doc } from './doc';
import type { ValidationCriteria, ValidationSpec } from './model';
import { LocalRange } from './range';

export class LocalDataValidation {
  readonly [COUNTED] = 'DataValidation';
  constructor(
    private readonly doc: Doc,
    readonly spec: ValidationSpec,
  ) {}
  getCriteriaType(): ValidationCriteria {
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    if (this.spec.criteria === 'VALUE_IN_RANGE') {
      const ref = this.spec.values[0] as { sheetName: string; a1: string };
      const sheet = this.doc.wb.findSheet(ref.sheetName);
      const range = sheet ? LocalRange.fromA1(this.doc, sheet.id, ref.a1) : null;
      return [range, this.spec.values[1]];
    }
    return this.spec.values.map((v) => (Array.isArray(v) ? v.slice() : v));
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  copy(): LocalDataValidationBuilder {
    const b = new LocalDataValidationBuilder(this.doc);
    b.spec = JSON.parse(JSON.stringify(this.spec));
    return b;
  }
}

export class LocalDataValidationBuilder {
  readonly [COUNTED] = 'DataValidationBuilder';
  spec: ValidationSpec | null = null;
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(private readonly doc: Doc) {}

  private set(criteria: ValidationCriteria, values: unknown[]): this {
    this.spec = { criteria, values, allowInvalid: this.spec?.allowInvalid ?? this.allowInvalid, helpText: this.spec?.helpText ?? this.helpText };
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: LocalRange, showDropdown = true): this {
    return this.set('VALUE_IN_RANGE', [{ sheetName: range.getSheet().getName(), a1: range.getA1Notation() }, showDropdown]);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    return this.set('CHECKBOX', checkedValue === undefined ? [] : [checkedValue, uncheckedValue]);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    if (this.spec) this.spec.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    if (this.spec) this.spec.helpText = text;
    return this;
  }
  getCriteriaType(): ValidationCriteria | null {
    return this.spec?.criteria ?? null;
  }
  getAllowInvalid(): boolean {
    return this.spec?.allowInvalid ?? this.allowInvalid;
  }
  getHelpText(): string | null {
    return this.spec?.helpText ?? this.helpText;
  }
  build(): LocalDataValidation {
    if (!this.spec) throw new Error('You must specify a criteria for the data validation rule.');
    return new LocalDataValidation(this.doc, JSON.parse(JSON.stringify(this.spec)));
  }
}
