/**
 * What set-up did and what it could not do safely, and how it says so in the user's language.
 */
import { t, type Locale } from '../../core/i18n';

export interface SetupProblem {
  code: 'unknownTab' | 'headerRowMissing' | 'userDataInFormula' | 'userFormula' | 'listChanged' | 'settingMissing';
  params: Record<string, string>;
}

/** Cells typed into one computed column (see typed-cells.ts), which set-up offers to clear. */
export interface TypedCells {
  tabKey: string;
  sheetId: number;
  sheetName: string;
  /** 1-based column and the header text it had when found. */
  column: number;
  header: string;
  /** Rows of the typed cells, ascending. */
  rows: number[];
  /** The column's array formula, written again in its first data row once the cells are clear. */
  formula: string;
}

export interface SetupReport {
  locale: Locale;
  createdTabs: string[];
  addedColumns: string[];
  repairs: string[];
  problems: SetupProblem[];
  typed: TypedCells[];
}

export function newReport(locale: Locale): SetupReport {
  return { locale, createdTabs: [], addedColumns: [], repairs: [], problems: [], typed: [] };
}

/** The message set-up shows, in the user's language. */
export function setupMessage(report: SetupReport): string {
  const L = report.locale;
  const lines: string[] = [];
  if (!report.createdTabs.length && !report.addedColumns.length && !report.repairs.length) lines.push(t(L, 'setup.nothingToDo'));
  else
    lines.push(
      t(L, 'setup.done', {
        created: report.createdTabs.length ? report.createdTabs.join(', ') : '0',
        columns: report.addedColumns.length ? report.addedColumns.join(', ') : '0',
        repairs: String(report.repairs.length),
      }),
    );
  if (report.problems.length) {
    lines.push('', t(L, 'setup.problemsIntro'));
    for (const p of report.problems) lines.push(`• ${t(L, `setup.problem.${p.code}`, p.params)}`);
  }
  return lines.join('\n');
}

/** Cells as the user reads them: "T5, T9, T12" (the first ten, then how many more). */
export function cellList(column: string, rows: number[]): string {
  const shown = rows
    .slice(0, 10)
    .map((r) => `${column}${r}`)
    .join(', ');
  return rows.length > 10 ? `${shown} (+${rows.length - 10})` : shown;
}

export function typedCount(report: SetupReport): number {
  return report.typed.reduce((n, x) => n + x.rows.length, 0);
}
