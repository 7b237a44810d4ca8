/**
 * The local SpreadsheetApp: a document model (Workbook) whose formulas are evaluated by
 * HyperFormula, and the Apps Script facade over it. See dialect.ts for the formula dialect,
 * workbook.ts for the helpers tests and the playground use.
 */
export { Workbook, type CellInfo, type FormulaError } from './workbook';
export { createSpreadsheetApp, LocalSpreadsheet, type LocalSpreadsheetApp } from './spreadsheet';
export type { SpreadsheetAppOptions } from './doc';
export { LocalSheet } from './sheet';
export { LocalRange } from './range';
export type { WorkbookJSON, SheetJSON, ValidationSpec, ConditionalRuleSpec } from './model';
export * as SpreadsheetEnums from './enums';
export { displayValue, isDateFormat } from './format';
export { serialToDate, dateToSerial } from './dates';
