/** Plain data records of the document model (JSON-able as they are). Rows/columns 1-based. */
import { ColumnRuns, type Run } from './runs';

export interface Rect {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export type ValidationCriteria =
  | 'VALUE_IN_LIST'
  | 'VALUE_IN_RANGE'
  | 'DATE_IS_VALID_DATE'
  | 'NUMBER_BETWEEN'
  | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO'
  | 'CHECKBOX'
  | 'TEXT_IS_VALID_EMAIL'
  | 'TEXT_IS_VALID_URL'
  | 'CUSTOM_FORMULA';

export interface ValidationSpec {
  criteria: ValidationCriteria;
  /** For VALUE_IN_RANGE: [{sheetName, a1}, showDropdown]; for lists: [string[], showDropdown]. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ConditionSpec {
  type: 'CUSTOM_FORMULA' | 'TEXT_EQ' | 'TEXT_CONTAINS' | 'CELL_EMPTY' | 'CELL_NOT_EMPTY' | 'NUMBER_GREATER_THAN' | 'NUMBER_LESS_THAN' | 'NUMBER_EQ';
  values: (string | number)[];
}

export interface ConditionalRuleSpec {
  ranges: Rect[];
  condition: ConditionSpec;
  format: { background?: string | null; fontColor?: string | null; bold?: boolean | null; italic?: boolean | null };
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; start: number; end: number };

export interface MetadataSpec {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface ProtectionSpec {
  id: number;
  type: 'RANGE' | 'SHEET';
  rect: Rect;
  description: string;
  warningOnly: boolean;
}

export interface NamedRangeSpec {
  name: string;
  rect: Rect;
}

export const STYLE_PROPS = [
  'background',
  'fontColor',
  'fontWeight',
  'fontStyle',
  'fontSize',
  'fontFamily',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'wrapStrategy',
  'border',
] as const;
export type StyleProp = (typeof STYLE_PROPS)[number];

export const sameJSON = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export class SheetModel {
  hidden = false;
  tabColor: string | null = null;
  frozenRows = 0;
  frozenCols = 0;
  colWidths = new Map<number, number>();
  /** Original formula text (as written) by cellKey(row0, col0). */
  formulas = new Map<number, string>();
  /**
   * Array formulas whose result would overwrite a value typed into their extent, by anchor
   * cellKey → the extent they need. HyperFormula holds a #REF! stand-in at such an anchor
   * (Workbook.blockArray); `formulas` keeps the formula as written.
   */
  blockedArrays = new Map<number, { rows: number; cols: number }>();
  formats = new ColumnRuns<string>();
  notes = new ColumnRuns<string>();
  validation = new ColumnRuns<ValidationSpec>(sameJSON);
  styles = new Map<StyleProp, ColumnRuns<string>>();
  conditionalRules: ConditionalRuleSpec[] = [];
  charts: unknown[] = [];

  constructor(
    public id: number,
    public name: string,
    public maxRows: number,
    public maxCols: number,
  ) {}

  style(prop: StyleProp): ColumnRuns<string> {
    let r = this.styles.get(prop);
    if (!r) {
      r = new ColumnRuns<string>();
      this.styles.set(prop, r);
    }
    return r;
  }

  allRuns(): ColumnRuns<unknown>[] {
    return [this.formats, this.notes, this.validation, ...this.styles.values()] as ColumnRuns<unknown>[];
  }
}

/** Key of a cell in SheetModel.formulas (0-based row and column). */
export const COLKEY = 32768;
export const cellKey = (row0: number, col0: number) => row0 * COLKEY + col0;
export const keyRow = (k: number) => Math.floor(k / COLKEY);
export const keyCol = (k: number) => k % COLKEY;

export interface SheetJSON {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenCols: number;
  colWidths: [number, number][];
  /** Raw cell contents as rows (null = empty); strings that must stay text start with "'". Formula cells are in `formulas`. */
  cells: (string | number | boolean | null)[][];
  /** [row0, col0, original formula text]. */
  formulas: [number, number, string][];
  /** Anchors of blocked array formulas (see SheetModel.blockedArrays): [row0, col0, rows, cols]. */
  blockedArrays?: [number, number, number, number][];
  formats: (Run<string>[] | null)[];
  notes: (Run<string>[] | null)[];
  validation: (Run<ValidationSpec>[] | null)[];
  styles: Partial<Record<StyleProp, (Run<string>[] | null)[]>>;
  conditionalRules: ConditionalRuleSpec[];
  charts: unknown[];
}

export interface WorkbookJSON {
  format: 'salesdesk-workbook';
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheetId: number;
  selection: { sheetId: number; a1: string } | null;
  nextSheetId: number;
  nextId: number;
  sheets: SheetJSON[];
  namedRanges: NamedRangeSpec[];
  metadata: MetadataSpec[];
  protections: ProtectionSpec[];
  /** SpreadsheetApp.RecalculationInterval name; absent in files saved before it existed (ON_CHANGE). */
  recalculationInterval?: 'ON_CHANGE' | 'MINUTE' | 'HOUR';
  /** The instant the volatile functions (TODAY, NOW) were last recalculated at. */
  volatileMs?: number | null;
}
