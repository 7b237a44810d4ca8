/**
 * The probes of Help → Check this spreadsheet: small tries of each behaviour of Google Sheets
 * that Sales Desk (and the local runtime that stands in for Sheets in the tests) relies on. Each
 * one runs in a scratch tab and compares what Sheets did with what the runtime models; a probe
 * that fails on a real spreadsheet is a difference the runtime must learn (README, "Check this
 * spreadsheet"). Probes call SpreadsheetApp directly on purpose: they test SpreadsheetApp itself.
 */
import { asCellText } from '../../core/text';
import { DISPATCH_HANDLER } from '../dispatcher';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type ProbeKey =
  | 'recalculation'
  | 'arrayEnd'
  | 'idEnd'
  | 'phoneText'
  | 'formulaText'
  | 'apostrophe'
  | 'dateZone'
  | 'columnKey'
  | 'appendedRows'
  | 'blockedArray'
  | 'triggers'
  | 'openRange'
  | 'deletedName'
  | 'arrayNextData';

/** One comparison inside a probe: what the runtime models and what this spreadsheet did. */
export interface ProbeCase {
  what: string;
  expected: string;
  actual: string;
  ok: boolean;
}

export interface ProbeContext {
  ss: Spreadsheet;
  /** A hidden tab of SCRATCH_ROWS × SCRATCH_COLS, empty when a probe starts. */
  scratch: Sheet;
}

export interface Probe {
  key: ProbeKey;
  run(ctx: ProbeContext): ProbeCase[];
}

export const SCRATCH_ROWS = 20;
export const SCRATCH_COLS = 6;

const show = (v: unknown): string => (v instanceof Date ? `Date(${v.toISOString()})` : typeof v === 'string' ? JSON.stringify(v) : String(v));
const compare = (what: string, expected: unknown, actual: unknown): ProbeCase => ({
  what,
  expected: show(expected),
  actual: show(actual),
  ok: show(expected) === show(actual),
});

/** Writes `value` with setValue into a fresh cell of the given number format and reads it back. */
function roundTrip(sheet: Sheet, a1: string, format: string | null, value: unknown) {
  const cell = sheet.getRange(a1);
  if (format) cell.setNumberFormat(format);
  cell.setValue(value);
  return { value: cell.getValue(), formula: cell.getFormula() };
}

const PHONE = '+86 138 0013 8000';

export const PROBES: readonly Probe[] = [
  {
    // TODAY()/NOW() refresh without edits only at the recalculation interval (set-up sets HOUR):
    // https://developers.google.com/apps-script/reference/spreadsheet/recalculation-interval.
    key: 'recalculation',
    run: ({ ss }) => {
      const interval = String(ss.getRecalculationInterval());
      return [
        { what: 'Spreadsheet.getRecalculationInterval()', expected: 'HOUR or MINUTE', actual: interval, ok: interval === 'HOUR' || interval === 'MINUTE' },
      ];
    },
  },
  {
    // An ARRAYFORMULA's "" results are content: getLastRow() reaches the array's last row.
    key: 'arrayEnd',
    run: ({ scratch }) => {
      scratch.getRange('A2:A3').setValues([['a'], ['b']]);
      scratch.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="","",UPPER(A2:A)))');
      return [compare('getLastRow() with a computed column to the bottom', scratch.getMaxRows(), scratch.getLastRow())];
    },
  },
  {
    // The end of a tab's data from its ID column: getNextDataCell(UP) from the bottom cell.
    key: 'idEnd',
    run: ({ scratch }) => {
      scratch.getRange('A2:A4').setValues([['C-000001'], ['C-000002'], ['C-000003']]);
      scratch.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="","",A2:A))');
      const bottom = scratch.getRange(scratch.getMaxRows(), 1);
      const last = bottom.getNextDataCell(SpreadsheetApp.Direction.UP);
      return [compare('getNextDataCell(UP) from the bottom of the ID column', 'A4 = "C-000003"', `${last.getA1Notation()} = ${show(last.getValue())}`)];
    },
  },
  {
    // What the add-in writes for a phone number (asCellText) into its plain-text column, and
    // the same number without an apostrophe into a plain-text and an automatic cell.
    key: 'phoneText',
    run: ({ scratch }) => [
      compare(`setValue(${show(asCellText(PHONE))}) into a plain-text cell`, PHONE, roundTrip(scratch, 'A2', '@', asCellText(PHONE)).value),
      compare(`setValue(${show(PHONE)}) into a plain-text cell`, PHONE, roundTrip(scratch, 'A3', '@', PHONE).value),
      compare(`setValue(${show(PHONE)}) into an automatic cell`, PHONE, roundTrip(scratch, 'A4', null, PHONE).value),
    ],
  },
  {
    // "If it begins with '=' it is interpreted as a formula"
    // (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue); the
    // page does not say whether a plain-text cell changes that. Written as the add-in writes it
    // (asCellText), it must stay text.
    key: 'formulaText',
    run: ({ scratch }) => {
      const raw = roundTrip(scratch, 'A2', '@', '=1+2');
      const escaped = roundTrip(scratch, 'A3', '@', asCellText('=1+2'));
      return [
        compare('setValue("=1+2") into a plain-text cell: getFormula()', '=1+2', raw.formula),
        compare(`setValue(${show(asCellText('=1+2'))}) into a plain-text cell: getValue()`, '=1+2', escaped.value),
        compare(`setValue(${show(asCellText('=1+2'))}) into a plain-text cell: getFormula()`, '', escaped.formula),
      ];
    },
  },
  {
    // A leading apostrophe marks the rest as text and is not kept — in an automatic cell and
    // (not documented anywhere) in a plain-text one.
    key: 'apostrophe',
    run: ({ scratch }) => [
      compare(`setValue("'x") into an automatic cell`, 'x', roundTrip(scratch, 'A2', null, "'x").value),
      compare(`setValue("'x") into a plain-text cell`, 'x', roundTrip(scratch, 'A3', '@', "'x").value),
    ],
  },
  {
    // Dates are stored in the spreadsheet's time zone and come back as the same instant.
    key: 'dateZone',
    run: ({ ss, scratch }) => {
      const when = new Date(Date.UTC(2026, 2, 4, 1, 30, 0));
      const cell = scratch.getRange('A2');
      cell.setNumberFormat('yyyy-mm-dd hh:mm');
      cell.setValue(when);
      const back = cell.getValue() as unknown;
      const shown = Utilities.formatDate(when, ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
      return [
        compare('getValue() after setValue(Date)', when.toISOString(), back instanceof Date ? back.toISOString() : back),
        compare('getDisplayValue() in the spreadsheet’s time zone', shown, cell.getDisplayValue()),
      ];
    },
  },
  {
    // Column developer metadata "will remain associated at those locations as they move around"
    // (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
    key: 'columnKey',
    run: ({ scratch }) => {
      const key = `salesdesk.check.${Date.now()}`;
      scratch.getRange(1, 3, scratch.getMaxRows(), 1).addDeveloperMetadata(key, 'probe');
      scratch.moveColumns(scratch.getRange(1, 3, scratch.getMaxRows(), 1), 1);
      const found = scratch.createDeveloperMetadataFinder().withKey(key).find();
      const column = found.length ? found[0].getLocation().getColumn()?.getColumn() : null;
      return [compare('column of the metadata after moving column C to A', 1, column)];
    },
  },
  {
    // Rows inserted before the last row of a validated range are inside it: they get its dropdown.
    key: 'appendedRows',
    run: ({ scratch }) => {
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b'], true).setAllowInvalid(true).build();
      scratch.getRange(2, 1, SCRATCH_ROWS - 1, 1).setDataValidation(rule);
      scratch.insertRowsBefore(SCRATCH_ROWS, 3);
      const got = scratch.getRange(SCRATCH_ROWS + 1, 1).getDataValidation();
      return [
        compare(
          `dropdown on row ${SCRATCH_ROWS + 1} after inserting 3 rows before row ${SCRATCH_ROWS}`,
          'VALUE_IN_LIST',
          got ? String(got.getCriteriaType()) : null,
        ),
      ];
    },
  },
  {
    // An ARRAYFORMULA blocked by a typed value shows #REF! and fills again once it is cleared.
    key: 'blockedArray',
    run: ({ scratch }) => {
      scratch.getRange('A2:A4').setValues([[1], [2], [3]]);
      scratch.getRange('B2').setFormula('=ARRAYFORMULA(A2:A4*2)');
      scratch.getRange('B3').setValue('typed');
      const blocked = scratch
        .getRange('B2:B4')
        .getValues()
        .map((r) => r[0]);
      scratch.getRange('B3').clearContent();
      const back = scratch
        .getRange('B2:B4')
        .getValues()
        .map((r) => r[0]);
      return [compare('B2:B4 with "typed" in B3', '#REF!,typed,', blocked.join(',')), compare('B2:B4 after clearing B3', '2,4,6', back.join(','))];
    },
  },
  {
    // In an add-on, getProjectTriggers() spans every document; getUserTriggers(ss) is this
    // document's, time-driven triggers made here included (our reading of
    // https://developers.google.com/apps-script/reference/script/script-app#getusertriggersspreadsheet).
    key: 'triggers',
    run: ({ ss }) => {
      const mine = ScriptApp.getUserTriggers(ss);
      const all = ScriptApp.getProjectTriggers().map((t) => t.getUniqueId());
      const cases = [
        compare(
          "this document's triggers are among the project's",
          true,
          mine.every((t) => all.includes(t.getUniqueId())),
        ),
      ];
      if (mine.some((t) => String(t.getEventType()) === 'CLOCK')) return cases; // the dispatcher is here already
      const made = ScriptApp.newTrigger(DISPATCH_HANDLER)
        .timeBased()
        .after(7 * 24 * 3600 * 1000)
        .create();
      try {
        cases.push(
          compare(
            'a time-driven trigger made here is listed by getUserTriggers(ss)',
            true,
            ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === made.getUniqueId()),
          ),
          // The dispatcher's handler ends in "_" (private: no page can call it). No Google page at
          // hand says a trigger may name a private function; the trigger must at least keep it.
          // Whether it then fires shows in the Reminder log the next hour after reminders are on.
          compare('the trigger keeps the private handler name', DISPATCH_HANDLER, made.getHandlerFunction()),
        );
      } finally {
        ScriptApp.deleteTrigger(made);
      }
      return cases;
    },
  },
  {
    // "A2:B" — a range open at the bottom — reaches the last row of the tab, however much of it
    // holds data (the A1 notation page of the Sheets API describes it; SpreadsheetApp's
    // getRange(a1Notation) page does not say it in so many words).
    key: 'openRange',
    run: ({ scratch }) => {
      const open = scratch.getRange('A2:B');
      return [compare('getRange("A2:B"): rows × columns', `${scratch.getMaxRows() - 1} × 2`, `${open.getNumRows()} × ${open.getNumColumns()}`)];
    },
  },
  {
    // A formula naming a range that was then removed. The runtime shows #NAME? (the name is
    // unknown now); no Google page at hand says which error Sheets shows, so this checks it.
    key: 'deletedName',
    run: ({ ss, scratch }) => {
      const name = `SD_CHECK_${Date.now()}`;
      scratch.getRange('A2:A4').setValues([[1], [2], [3]]);
      ss.setNamedRange(name, scratch.getRange('A2:A4'));
      const cell = scratch.getRange('B2');
      cell.setFormula(`=SUM(${name})`);
      const before = cell.getValue();
      ss.removeNamedRange(name);
      SpreadsheetApp.flush();
      return [compare('SUM over a named range', 6, before), compare('the same cell after the named range was removed', '#NAME?', cell.getDisplayValue())];
    },
  },
  {
    // getNextDataCell(UP) from the bottom of a computed column whose lower cells are "" results.
    // The runtime passes over them to the last non-empty result; Google's page for
    // getNextDataCell (https://developers.google.com/apps-script/reference/spreadsheet/range#getnextdatacelldirection)
    // speaks of "empty cells" without saying whether a formula's "" is one. Sales Desk reads the
    // end of data from the typed ID column, never from a computed one, so either answer is safe;
    // this tells the runtime which to model.
    key: 'arrayNextData',
    run: ({ scratch }) => {
      scratch.getRange('A2:A4').setValues([['x'], ['y'], ['z']]);
      scratch.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="","",A2:A))');
      const last = scratch.getRange(scratch.getMaxRows(), 2).getNextDataCell(SpreadsheetApp.Direction.UP);
      return [compare('getNextDataCell(UP) from the bottom of a computed column', 'B4', last.getA1Notation())];
    },
  },
];
