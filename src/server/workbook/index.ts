/** The thin workbook layer: tabs and columns by key, rows in batches. No business rule here. */
export { findTabs, columnsFromMetadata, locateColumns, readHeaderRow, wholeColumn, headerKey, type FoundTab, type ColumnMap } from './locate';
export { openTab, openTabs, TabNotFoundError } from './layout';
export { readRows, readColumns, readColumnBlock, readRowByKey, writeRows, appendRows, nextFreeRow, type TabHandle, type RowRecord, type ReadRow } from './rows';
export { readSettings, type SettingValues } from './settings';
export { reserveIds } from './ids';
