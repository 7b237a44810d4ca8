/**
 * The JSON the playground server and its page exchange. Types only: imported by both sides.
 */

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuView {
  caption: string;
  /** An add-on menu (createAddonMenu): shown under Extensions. */
  addon: boolean;
  items: MenuEntry[];
}

export interface TabView {
  name: string;
  color: string | null;
  rows: number;
  cols: number;
  hidden: boolean;
}

export interface SurfaceView {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  /** Changes whenever a new page is shown, so the page knows to reload its iframe. */
  id: string;
}

export interface AlertView {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  /** OK | OK_CANCEL | YES_NO | YES_NO_CANCEL */
  buttons: string;
  /** The button the script got (already answered alerts only). */
  answer?: string;
}

export interface ToastView {
  id: number;
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface MailView {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  from?: string;
  at?: string;
}

export interface FormView {
  title: string;
  id?: string;
  /** Everything the runtime keeps about the form, for inspection. */
  detail: unknown;
}

export interface TeamMember {
  name: string;
  email: string;
  role: string;
}

export interface StateView {
  version: number;
  documentName: string;
  tabs: TabView[];
  menus: MenuView[];
  user: { email: string; locale: string };
  team: TeamMember[];
  surface: SurfaceView | null;
  /** Alerts shown since the page last asked (info only; decisions are asked through `ask`). */
  toasts: ToastView[];
  outbox: MailView[];
  forms: FormView[];
  /** The simulated clock (ISO instant). */
  clock: string;
  /** The spreadsheet's time zone: the time control shows the clock in it. */
  timeZone: string;
  /** When the next installed time-driven trigger runs (ISO instant), null if none is installed. */
  nextTrigger: string | null;
  /** The sheet the script made active (Sheet.activate / setActiveSheet): the page follows it when it changes. */
  scriptActiveSheet: string | null;
}

export interface CellStyle {
  bg?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  align?: string;
  wrap?: boolean;
}

export interface CellView {
  /** What Sheets shows in the cell. */
  d: string;
  /** Formula, if any. */
  f?: string;
  /** Raw value as typed (for editing): the formula, or the value as text. */
  e?: string;
  /** Index into GridView.styles. */
  s?: number;
  /** Dropdown values of a list validation. */
  l?: number;
  /** A note on the cell. */
  n?: string;
  /** Right-aligned by default (numbers, dates). */
  num?: boolean;
  err?: boolean;
}

/** An embedded chart as the runtime keeps its specification (Sheet.insertChart), with its data read from its ranges. */
export interface ChartView {
  kind: string;
  title: string;
  /** Anchor cell, 1-based, and offsets in pixels. */
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  labels: string[];
  /** One series per range after the labels (a single two-column range: its second column). */
  series: { name: string; values: (number | null)[] }[];
}

export interface GridView {
  sheet: string;
  /** The sheet's embedded charts. */
  charts?: ChartView[];
  version: number;
  rows: number;
  cols: number;
  frozenRows: number;
  frozenCols: number;
  colWidths: number[];
  start: number;
  /** Rows start..start+cells.length-1 (0-based), each an array of cols cells (null = empty). */
  cells: (CellView | null)[][];
  /** The frozen rows, always sent so the header stays visible while scrolling. */
  frozen: (CellView | null)[][];
  styles: CellStyle[];
  lists: string[][];
}

/** What the grid gets back for an edit. */
export interface CellEditResult {
  ok: boolean;
  /** Something went wrong (not the user's doing). */
  error?: string;
  /** The cell's validation refused the entry: show this, in the user's language. */
  invalid?: { title: string; message: string };
  /** A warning-only protection covers the cell: ask, then send the edit again with `confirmed`. */
  confirm?: { title: string; message: string };
}

/** The answer of a run or rpc: the script may have asked a question (alert/prompt) first. */
export interface AskView {
  alert: AlertView;
  /** Answers given so far; the page sends them back with the next answer appended. */
  answers: { button: string; text?: string }[];
}

export interface RunResult {
  ok: boolean;
  error?: string;
  value?: unknown;
  ask?: AskView;
  /** Info alerts (OK only) the script showed, to display after the run. */
  alerts: AlertView[];
  state: StateView;
}
