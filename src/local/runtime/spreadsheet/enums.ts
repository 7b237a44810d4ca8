/**
 * Apps Script enums used by the add-in. Apps Script enum members print as their name
 * (`String(SpreadsheetApp.ProtectionType.RANGE) === 'RANGE'`); plain strings keep `===` working.
 */
const e = <K extends string>(...names: K[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [P in K]: P };

export const DeveloperMetadataVisibility = e('DOCUMENT', 'PROJECT');
export const DeveloperMetadataLocationType = e('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN');
export const ProtectionType = e('RANGE', 'SHEET');
export const DataValidationCriteria = e(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);
export const BooleanCriteria = e(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'TEXT_EQ',
  'TEXT_CONTAINS',
  'NUMBER_GREATER_THAN',
  'NUMBER_LESS_THAN',
  'NUMBER_EQ',
  'CUSTOM_FORMULA',
);
export const BorderStyle = e('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
export const WrapStrategy = e('WRAP', 'OVERFLOW', 'CLIP');
export const Dimension = e('COLUMNS', 'ROWS');
export const Direction = e('UP', 'DOWN', 'PREVIOUS', 'NEXT');
export const ChartType = e('AREA', 'BAR', 'COLUMN', 'COMBO', 'HISTOGRAM', 'LINE', 'PIE', 'SCATTER', 'TABLE');
export const RecalculationInterval = e('ON_CHANGE', 'MINUTE', 'HOUR');
