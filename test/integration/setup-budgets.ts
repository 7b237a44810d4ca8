/**
 * The call budgets set-up is held to, in one place (setup-budget.test.ts and setup.test.ts both
 * use them). Issue 11 set 700 for a blank set-up and 80 for a run with nothing to repair, over the
 * ten tabs of that day (652 and 172 measured). Every tab or column added since costs calls that
 * SpreadsheetApp cannot batch (one developer-metadata tag per column, one named range per setting
 * and list, one protection per run of script-owned columns, one getter per attribute read back).
 * What each issue added, as its engineer measured it on its own branch (the detail of each is in
 * that branch's commit and in the notes on the issue):
 *
 * | issue | what | blank | nothing to repair |
 * |---|---|---|---|
 * | 11 | ten tabs, the one column map | 652 | 172 |
 * | 15 | Stage history tab, 10 Deals and 2 Customers columns | + 57 | + 13 |
 * | 17 | Complaints and Complaint steps tabs, 4 lists, 6 settings, 1 Customers column | + 133 | + 43 |
 * | 14 | Survey sends tab, 17 survey columns on Customers and Survey responses | + 46 | + 11 |
 * | 16 | Dashboard, Team and Trends with their charts, the Targets table | + 119 | + 43 |
 *
 * 652 + 57 + 133 + 46 + 119 = 1,007 and 172 + 13 + 43 + 11 + 43 = 282. Measured on the merged
 * tree: 1,051 and 281 in both languages. The blank set-up's 44 beyond the sum are the branches
 * meeting (issue 12's three plan columns on Customers, and the new tabs' settings and lists read
 * by each other's parts); they are measured, not yet itemised. Both stay far over issue 11's
 * 700 / 80: the notes on issue 11 say so and what would bring them down (the Sheets advanced
 * service's batchUpdate for the per-column metadata, a set-up fingerprint for the repair run).
 */
export const BLANK_SETUP_BUDGET = 1051;
export const NOTHING_TO_REPAIR_BUDGET = 281;
