/**
 * The records layer: the one place that knows how a tab is found, read and written. Feature
 * modules open a Workbook, read through its tabs, let core decide, and write through the tabs;
 * they never call SpreadsheetApp themselves (test/unit/records-boundary.test.ts holds that).
 *
 * - workbook.ts: one execution's view of the spreadsheet (tabs by key, properties, time zone);
 * - column-map.ts, locate.ts: the one column map (set-up writes it too), and finding columns by developer metadata when it fails;
 * - tab.ts, hint.ts: reading rows, where the data ends, find-by-ID, append-with-IDs, writing;
 * - write.ts: the one writer (adjacent runs, text kept as text, rows grown inside set-up's ranges);
 * - admin.ts: Settings and Lists; people.ts: the current user and their rights;
 * - customers.ts: the register's identifying columns and the one customer search;
 * - edit.ts: edits that merge (a form's changed fields and version; refused on someone else's change).
 */
export { Workbook, openWorkbook } from './workbook';
export { Tab, TabMissingError, type ReadRow, type Extent } from './tab';
export type { RowRecord, TabRef } from './write';
export { readSettings, readSettingNotes, readTeam, readLists, listColumns, settingValues, type SettingValues } from './admin';
export { currentUser, chooseMember, googleEmail, chosenRef, ME_PROPERTY, type CurrentUser } from './people';
export { editRow, editRefusal, versionOf, columnLabel, type EditTarget, type EditRequest, type EditOutcome } from './edit';
export { customersTab, readCustomerIndex, findCustomers, IDENTIFYING_KEYS, type CustomerIndex } from './customers';

/** Applies pending writes now: before the document lock is released, so the next holder reads them. */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}
