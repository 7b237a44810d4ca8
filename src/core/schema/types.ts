import type { Localized } from '../i18n/locale';

/** What a column holds; drives the number format, validation and how values are written. */
export type ColumnType =
  | 'text'
  | 'longtext'
  | 'email'
  | 'phone'
  | 'date'
  | 'datetime'
  | 'number'
  | 'currency'
  | 'percent'
  | 'integer'
  | 'boolean'
  | 'list'
  | 'id';

/** Numeric bounds for number/integer columns (e.g. 1–5 scores, NPS 0–10). */
export interface NumberBounds {
  min: number;
  max?: number;
}

/** One column of a tab. Adding a column to the product is adding one of these. */
export interface ColumnDef {
  /** Stable key: stored as developer metadata on the column, never shown, never renamed. */
  key: string;
  header: Localized;
  /** The header note that explains the column to a user. */
  note: Localized;
  type: ColumnType;
  /** For type 'list': the key of a list in core/lists.ts (its Lists-tab column feeds the dropdown). */
  list?: string;
  /** For number/integer columns: the allowed range (data validation). */
  bounds?: NumberBounds;
  required?: boolean;
  /** Width in pixels. */
  width: number;
  /** Overrides the number format implied by `type`. */
  numberFormat?: string;
  /**
   * A computed column: one array formula placed in the first data row. Column keys are written
   * `{key}` (same tab) or `{tab.key}` (another tab) and resolve to open-ended ranges such as
   * `C2:C` at write time; settings and lists are referenced by their named ranges (SD_…).
   */
  formula?: string;
  /** Set when the formula is a stand-in that a later issue replaces with the real rule. */
  placeholder?: string;
  /** Warning-only protection of the data cells (formula columns are always protected). */
  protected?: boolean;
}

export type TabKind = 'table' | 'settings' | 'lists' | 'shell';

/**
 * A highlight: one conditional-format rule on a tab, written and kept up to date by set-up
 * (src/server/highlights.ts). Rules are applied in the order declared; on a cell covered by
 * several, the first that matches wins (as in Sheets).
 */
export interface HighlightDef {
  /** Stable key, unique on the tab; set-up marks its rule with it (N("salesdesk:hl:tab.key")=0). */
  key: string;
  /**
   * A condition on one row, written with `{key}` references to columns of the same tab; each
   * resolves to that column's cell in the first data row, column absolute (`$C2`), so the rule
   * reads the row it colours. Conditional formats cannot read other tabs: same-tab keys only.
   */
  formula: string;
  /** The whole row (every Sales Desk column of the tab) or only these columns. */
  columns: 'row' | string[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface HeaderStyle {
  background: string;
  fontColor: string;
  bold: boolean;
}

export interface TabDef {
  key: string;
  name: Localized;
  /** table: a log with one row per record; settings/lists: rows written by set-up; shell: a placeholder tab. */
  kind: TabKind;
  /** What the tab is for (shown in the shell tabs and the reference doc). */
  description: Localized;
  columns: ColumnDef[];
  frozenRows: number;
  /** Frozen columns (e.g. the ID and name of a customer). */
  frozenColumns?: number;
  headerStyle: HeaderStyle;
  /**
   * The header look of computed columns (those with a formula), so a user sees before typing
   * which columns Sales Desk fills; the tab's header style when absent.
   */
  computedHeaderStyle?: HeaderStyle;
  /** Tab colour. */
  color?: string;
  /** Conditional formats on the data rows, in order of precedence. */
  highlights?: HighlightDef[];
}

/** The row the header is in and the first data row, for every table-like tab. */
export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = 2;
