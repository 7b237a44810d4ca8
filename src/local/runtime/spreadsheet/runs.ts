/**
 * Compact per-cell attributes (number formats, styles, notes, validation): for each column a
 * sorted list of row runs [start, end, value]. A format or a validation rule over a 20,000-row
 * column is ONE run, and per-cell writes of equal values collapse into runs. Rows and columns are
 * 0-based here. Rows/columns inserted next to a run can inherit it, as Sheets copies the
 * formatting of the row above (or column to the left) into inserted rows/columns.
 */

export type Run<T> = [start: number, end: number, value: T];

export class ColumnRuns<T> {
  cols: (Run<T>[] | undefined)[] = [];

  constructor(private readonly eq: (a: T, b: T) => boolean = (a, b) => a === b) {}

  get(col: number, row: number): T | undefined {
    const runs = this.cols[col];
    if (!runs) return undefined;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = runs[mid];
      if (row < r[0]) hi = mid - 1;
      else if (row > r[1]) lo = mid + 1;
      else return r[2];
    }
    return undefined;
  }

  /** Values for rows r1..r1+n-1 of one column (undefined where unset), in O(n + runs). */
  slice(col: number, r1: number, n: number): (T | undefined)[] {
    const out: (T | undefined)[] = new Array(n).fill(undefined);
    const runs = this.cols[col];
    if (!runs) return out;
    const r2 = r1 + n - 1;
    for (const [s, e, v] of runs) {
      if (e < r1) continue;
      if (s > r2) break;
      for (let r = Math.max(s, r1); r <= Math.min(e, r2); r++) out[r - r1] = v;
    }
    return out;
  }

  /** Sets (or with undefined clears) rows r1..r2 of a column. */
  set(col: number, r1: number, r2: number, value: T | undefined): void {
    const runs = this.cols[col] ?? [];
    const out: Run<T>[] = [];
    let inserted = false;
    const push = (run: Run<T>) => {
      const last = out[out.length - 1];
      if (last && last[1] + 1 === run[0] && this.eq(last[2], run[2])) last[1] = run[1];
      else out.push(run);
    };
    for (const run of runs) {
      const [s, e, v] = run;
      if (e < r1) {
        push([s, e, v]);
        continue;
      }
      if (s > r2) {
        if (!inserted) {
          if (value !== undefined) push([r1, r2, value]);
          inserted = true;
        }
        push([s, e, v]);
        continue;
      }
      if (s < r1) push([s, r1 - 1, v]);
      if (!inserted) {
        if (value !== undefined) push([r1, r2, value]);
        inserted = true;
      }
      if (e > r2) push([r2 + 1, e, v]);
    }
    if (!inserted && value !== undefined) push([r1, r2, value]);
    this.cols[col] = out.length ? out : undefined;
  }

  /** Sets one column from an array of values starting at row r1 (runs of equal values collapse). */
  setColumnValues(col: number, r1: number, values: (T | undefined)[]): void {
    let i = 0;
    while (i < values.length) {
      let j = i;
      while (
        j + 1 < values.length &&
        (values[j + 1] === values[i] || (values[i] !== undefined && values[j + 1] !== undefined && this.eq(values[i] as T, values[j + 1] as T)))
      )
        j++;
      this.set(col, r1 + i, r1 + j, values[i]);
      i = j + 1;
    }
  }

  clearRect(r1: number, c1: number, r2: number, c2: number): void {
    for (let c = c1; c <= c2; c++) if (this.cols[c]) this.set(c, r1, r2, undefined);
  }

  insertRows(at: number, n: number, inherit: boolean): void {
    for (let c = 0; c < this.cols.length; c++) {
      const runs = this.cols[c];
      if (!runs) continue;
      for (const run of runs) {
        if (run[0] >= at) {
          run[0] += n;
          run[1] += n;
        } else if (run[1] >= at || (inherit && run[1] === at - 1)) run[1] += n;
      }
    }
  }

  deleteRows(at: number, n: number): void {
    const end = at + n - 1;
    for (let c = 0; c < this.cols.length; c++) {
      const runs = this.cols[c];
      if (!runs) continue;
      const out: Run<T>[] = [];
      for (const [s, e, v] of runs) {
        if (e < at) out.push([s, e, v]);
        else if (s > end) out.push([s - n, e - n, v]);
        else {
          const ns = Math.min(s, at);
          const ne = e > end ? e - n : at - 1;
          if (ne >= ns) out.push([ns, ne, v]);
        }
      }
      this.cols[c] = out.length ? out : undefined;
    }
  }

  insertColumns(at: number, n: number, inherit: boolean): void {
    const copy = inherit && at > 0 && this.cols[at - 1] ? this.cols[at - 1]! : undefined;
    const fresh: (Run<T>[] | undefined)[] = [];
    for (let i = 0; i < n; i++) fresh.push(copy ? copy.map((r) => [r[0], r[1], r[2]] as Run<T>) : undefined);
    while (this.cols.length < at) this.cols.push(undefined);
    this.cols.splice(at, 0, ...fresh);
  }

  deleteColumns(at: number, n: number): void {
    if (at < this.cols.length) this.cols.splice(at, n);
  }

  /** Moves columns [from, from+n) so that they start before column `to` (HyperFormula's moveColumns semantics). */
  moveColumns(from: number, n: number, to: number): void {
    while (this.cols.length < Math.max(from + n, to)) this.cols.push(undefined);
    const moved = this.cols.splice(from, n);
    const dest = to > from ? to - n : to;
    this.cols.splice(dest, 0, ...moved);
  }

  isEmpty(): boolean {
    return this.cols.every((c) => !c);
  }

  toJSON(): (Run<T>[] | null)[] {
    const out = this.cols.map((c) => c ?? null);
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  }

  static fromJSON<T>(json: (Run<T>[] | null)[] | undefined, eq?: (a: T, b: T) => boolean): ColumnRuns<T> {
    const r = new ColumnRuns<T>(eq);
    r.cols = (json ?? []).map((c) => (c ? c.map((x) => [x[0], x[1], x[2]] as Run<T>) : undefined));
    return r;
  }
}
