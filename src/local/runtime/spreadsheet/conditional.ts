/**
 * Conditional format rules: builder, rule and boolean condition
 * (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder).
 * Stored on the sheet; Workbook.conditionalFormatAt(sheet,row,col) tells the playground which
 * format applies to a cell.
 */
import { COUNTED } from '../context';
import type { Doc } from './doc';
import type { ConditionalRuleSpec, ConditionSpec } from './model';
import { LocalRange } from './range';

export class LocalBooleanCondition {
  readonly [COUNTED] = 'BooleanCondition';
  constructor(private readonly spec: ConditionalRuleSpec) {}
  getCriteriaType(): string {
    return this.spec.condition.type;
  }
  getCriteriaValues(): unknown[] {
    return this.spec.condition.values.slice();
  }
  getBackground(): string | null {
    return this.spec.format.background ?? null;
  }
  getFontColor(): string | null {
    return this.spec.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.spec.format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this.spec.format.italic ?? null;
  }
}

export class LocalConditionalFormatRule {
  readonly [COUNTED] = 'ConditionalFormatRule';
  constructor(
    private readonly doc: Doc,
    readonly spec: ConditionalRuleSpec,
  ) {}
  getRanges(): LocalRange[] {
    return this.spec.ranges.map((r) => new LocalRange(this.doc, r.sheetId, r.row, r.col, r.numRows, r.numCols));
  }
  getBooleanCondition(): LocalBooleanCondition {
    return new LocalBooleanCondition(this.spec);
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): LocalConditionalFormatRuleBuilder {
    const b = new LocalConditionalFormatRuleBuilder(this.doc);
    b.spec = JSON.parse(JSON.stringify(this.spec));
    return b;
  }
}

export class LocalConditionalFormatRuleBuilder {
  readonly [COUNTED] = 'ConditionalFormatRuleBuilder';
  spec: ConditionalRuleSpec = { ranges: [], condition: { type: 'CELL_NOT_EMPTY', values: [] }, format: {} };
  private hasCondition = false;
  constructor(private readonly doc: Doc) {}

  private when(type: ConditionSpec['type'], values: (string | number)[]): this {
    this.spec.condition = { type, values };
    this.hasCondition = true;
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQ', [text]);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQ', [n]);
  }
  setBackground(color: string | null): this {
    this.spec.format.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this.spec.format.fontColor = color;
    return this;
  }
  setBold(b: boolean | null): this {
    this.spec.format.bold = b;
    return this;
  }
  setItalic(b: boolean | null): this {
    this.spec.format.italic = b;
    return this;
  }
  setRanges(ranges: LocalRange[]): this {
    this.spec.ranges = ranges.map((r) => r.rect());
    return this;
  }
  getRanges(): LocalRange[] {
    return this.spec.ranges.map((r) => new LocalRange(this.doc, r.sheetId, r.row, r.col, r.numRows, r.numCols));
  }
  build(): LocalConditionalFormatRule {
    if (!this.hasCondition && this.spec.condition.type === 'CELL_NOT_EMPTY' && !Object.keys(this.spec.format).length)
      throw new Error('Conditional format rule must have a condition and a format.');
    return new LocalConditionalFormatRule(this.doc, JSON.parse(JSON.stringify(this.spec)));
  }
}
