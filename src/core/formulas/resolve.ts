/**
 * Turns a schema formula written with column keys into the formula set-up writes:
 * `{key}` → `C2:C` (same tab), `{tab.key}` → `'Sheet name'!C2:C`. Letters and sheet names are
 * looked up at write time, because users move columns and tabs carry the user's language.
 */
export interface ResolveContext {
  /** Key of the tab the formula lives on. */
  tabKey: string;
  /** 1-based column of a key on a tab, or null if the column is missing. */
  column(tabKey: string, columnKey: string): number | null;
  /** The current name of a tab. */
  sheetName(tabKey: string): string | null;
  /** First data row (2). */
  firstDataRow: number;
  /**
   * What `{key}` becomes: 'range' (default) the open-ended data range `C2:C` (array formulas);
   * 'row' the first data row's cell with the column absolute, `$C2` (conditional formats, which
   * Sheets evaluates relative to each row of the range).
   */
  reference?: 'range' | 'row';
}

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A sheet name as a formula reference prefix: quoted when it is not a plain identifier. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

export class UnresolvedColumnError extends Error {}

export function resolveFormula(formula: string, ctx: ResolveContext): string {
  const body = formula.replace(/\{([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*))?\}/g, (_m, a: string, b?: string) => {
    const tabKey = b ? a : ctx.tabKey;
    const colKey = b ?? a;
    const col = ctx.column(tabKey, colKey);
    if (col == null) throw new UnresolvedColumnError(`Column ${tabKey}.${colKey} not found`);
    const letter = columnLetter(col);
    const range = ctx.reference === 'row' ? `$${letter}${ctx.firstDataRow}` : `${letter}${ctx.firstDataRow}:${letter}`;
    if (tabKey === ctx.tabKey) return range;
    const name = ctx.sheetName(tabKey);
    if (name == null) throw new UnresolvedColumnError(`Tab ${tabKey} not found`);
    return sheetRef(name) + range;
  });
  return `=${body}`;
}

/** Compares two formulas ignoring case outside strings and whitespace. */
export function sameFormula(a: string, b: string): boolean {
  const norm = (f: string) =>
    f
      .replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|[^"']+/g, (part) =>
        part.startsWith('"') || part.startsWith("'") ? part : part.replace(/\s+/g, '').toUpperCase(),
      )
      .replace(/^=/, '');
  return norm(a) === norm(b);
}
