/**
 * The spreadsheet grid: column letters, row numbers, frozen header rows and columns (sticky),
 * and only the rows in view are in the DOM (virtual scrolling), fetched from the server in
 * blocks of 100, so a tab of 20,000 rows scrolls as fast as one of 20.
 */
import type { CellView, GridView } from '../protocol';
import { clear, columnLetter, el, getJson } from './dom';
import { ChartLayer } from './charts';

export const ROW_H = 21;
const HEAD_H = 24;
const ROWNUM_W = 46;
const BLOCK = 100;

export interface GridHost {
  /** Called with the typed text when the user commits an edit (row, col 1-based). */
  commit(sheet: string, row: number, col: number, text: string): Promise<void>;
  /** The selection moved: a cell, or a whole row (its number clicked). */
  onSelect(sel: GridSelection, ref: string, cell: CellView | null): void;
}

/** What is selected in the grid (1-based); `wholeRow` after a click on a row number. */
export interface GridSelection {
  sheet: string;
  row: number;
  col: number;
  wholeRow: boolean;
}

export class Grid {
  readonly root: HTMLDivElement;
  private canvas: HTMLDivElement;
  private head: HTMLDivElement;
  private frozenBox: HTMLDivElement;
  private body: HTMLDivElement;
  private editorBox: HTMLDivElement;
  private sheet = '';
  private version = -1;
  private meta: GridView | null = null;
  private blocks = new Map<number, GridView>();
  private pending = new Set<number>();
  private sel = { row: 1, col: 1, wholeRow: false };
  private editing: { row: number; col: number; input: HTMLInputElement | HTMLSelectElement } | null = null;
  private renderQueued = false;
  private offsets: number[] = [];
  private charts = new ChartLayer();
  private chartsFor = '';

  constructor(private readonly host: GridHost) {
    this.head = el('div', { class: 'g-head' });
    this.frozenBox = el('div', { class: 'g-frozen' });
    this.body = el('div', { class: 'g-body' });
    this.editorBox = el('div', { class: 'g-editor-layer' });
    this.canvas = el('div', { class: 'g-canvas' }, this.head, this.frozenBox, this.body, this.editorBox, this.charts.root);
    this.root = el('div', { class: 'grid', tabindex: 0, 'data-testid': 'grid' }, this.canvas);
    this.root.addEventListener('scroll', () => this.queueRender());
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.queueRender()).observe(this.root);
  }

  get sheetName(): string {
    return this.sheet;
  }

  get selection(): GridSelection {
    return { sheet: this.sheet, ...this.sel };
  }

  /** Shows a sheet (or the same sheet at a newer version: cached blocks are dropped). */
  async show(sheet: string, version: number): Promise<void> {
    const changedSheet = sheet !== this.sheet;
    if (!changedSheet && version === this.version && this.meta) return;
    this.sheet = sheet;
    this.version = version;
    this.blocks.clear();
    this.pending.clear();
    if (changedSheet) {
      this.root.scrollTop = 0;
      this.root.scrollLeft = 0;
      this.sel = { row: 1, col: 1, wholeRow: false };
      this.meta = null;
      this.cancelEdit();
    }
    await this.load(this.firstVisibleBlock());
    this.render();
    this.drawCharts();
  }

  /** The sheet's embedded charts over the grid at their anchor cells (redrawn when the sheet or its version changes). */
  private drawCharts(): void {
    const g = this.meta;
    if (!g) return;
    const key = `${this.sheet}@${this.version}`;
    if (key === this.chartsFor) return;
    this.chartsFor = key;
    this.charts.draw(g.charts ?? [], (row, col) => ({ x: this.offsets[col - 1] ?? ROWNUM_W, y: HEAD_H + (row - 1) * ROW_H }));
  }

  private firstVisibleBlock(): number {
    return Math.floor(Math.floor(this.root.scrollTop / ROW_H) / BLOCK);
  }

  private async load(block: number): Promise<void> {
    if (this.blocks.has(block) || this.pending.has(block)) return;
    this.pending.add(block);
    const sheet = this.sheet;
    const version = this.version;
    try {
      const g = await getJson<GridView>(`/api/grid?sheet=${encodeURIComponent(sheet)}&start=${block * BLOCK}&count=${BLOCK}`);
      if (sheet !== this.sheet || version !== this.version) return;
      this.blocks.set(block, g);
      if (
        !this.meta ||
        this.meta.cols !== g.cols ||
        this.meta.rows !== g.rows ||
        JSON.stringify(this.meta.colWidths) !== JSON.stringify(g.colWidths) ||
        this.meta.frozenRows !== g.frozenRows
      ) {
        this.meta = g;
        this.layout();
      } else {
        this.meta = g;
      }
    } finally {
      this.pending.delete(block);
    }
  }

  private layout(): void {
    const g = this.meta!;
    this.offsets = [];
    let x = ROWNUM_W;
    for (const w of g.colWidths) {
      this.offsets.push(x);
      x += w;
    }
    this.canvas.style.width = `${x}px`;
    this.canvas.style.height = `${HEAD_H + g.rows * ROW_H}px`;
    clear(this.head);
    this.head.append(el('div', { class: 'g-corner', style: `width:${ROWNUM_W}px` }));
    g.colWidths.forEach((w, i) => {
      const frozen = i < g.frozenCols;
      this.head.append(
        el('div', {
          class: `g-colhead${frozen ? ' sticky' : ''}`,
          style: `width:${w}px${frozen ? `;left:${this.offsets[i]}px` : ''}`,
          text: columnLetter(i + 1),
        }),
      );
    });
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private cell(row0: number, col0: number): CellView | null {
    const g = this.meta;
    if (!g) return null;
    if (row0 < g.frozenRows) {
      const fromFrozen = this.blocks.get(0)?.frozen[row0] ?? g.frozen[row0];
      return fromFrozen?.[col0] ?? null;
    }
    const b = this.blocks.get(Math.floor(row0 / BLOCK));
    if (!b) return null;
    return b.cells[row0 - b.start]?.[col0] ?? null;
  }

  private gridFor(row0: number): GridView | null {
    if (this.meta && row0 < this.meta.frozenRows) return this.blocks.get(0) ?? this.meta;
    return this.blocks.get(Math.floor(row0 / BLOCK)) ?? null;
  }

  render(): void {
    const g = this.meta;
    if (!g) return;
    const top = this.root.scrollTop;
    const height = this.root.clientHeight;
    const first = Math.max(g.frozenRows, Math.floor(top / ROW_H) + g.frozenRows - 2);
    const last = Math.min(g.rows - 1, Math.ceil((top + height) / ROW_H) + 2);
    for (let b = Math.floor(first / BLOCK); b <= Math.floor(last / BLOCK); b++) {
      if (!this.blocks.has(b)) void this.load(b).then(() => this.queueRender());
    }
    // Frozen rows stay at the top (sticky), the rest are placed absolutely.
    clear(this.frozenBox);
    this.frozenBox.style.top = `${HEAD_H}px`;
    for (let r = 0; r < g.frozenRows && r < g.rows; r++) this.frozenBox.append(this.renderRow(r, null));
    clear(this.body);
    for (let r = first; r <= last; r++) this.body.append(this.renderRow(r, HEAD_H + r * ROW_H));
    this.positionEditor();
  }

  private renderRow(r: number, y: number | null): HTMLDivElement {
    const g = this.meta!;
    const row = el('div', { class: 'g-row', 'data-row': r + 1, style: y === null ? '' : `position:absolute;top:${y}px` });
    const rownum = el('div', { class: `g-rownum${this.sel.row === r + 1 ? ' on' : ''}`, style: `width:${ROWNUM_W}px`, text: String(r + 1) });
    // A click on the row number selects the whole row, as in Sheets.
    rownum.addEventListener('mousedown', (e) => {
      e.preventDefault();
      void this.commitEdit().then(() => this.select(r + 1, 1, true));
    });
    row.append(rownum);
    const src = this.gridFor(r);
    for (let c = 0; c < g.cols; c++) {
      const w = g.colWidths[c]!;
      const cell = this.cell(r, c);
      const classes = ['g-cell'];
      let style = `width:${w}px`;
      if (c < g.frozenCols) {
        classes.push('sticky');
        style += `;left:${this.offsets[c]}px`;
      }
      if (c === g.frozenCols - 1) classes.push('frozen-edge');
      if (r === g.frozenRows - 1) classes.push('frozen-bottom');
      if (this.sel.row === r + 1 && (this.sel.col === c + 1 || this.sel.wholeRow)) classes.push(this.sel.wholeRow ? 'row-selected' : 'selected');
      const div = el('div', { class: classes.join(' '), 'data-col': c + 1 });
      if (cell) {
        const st = cell.s !== undefined && src ? src.styles[cell.s] : undefined;
        if (st?.bg) style += `;background:${st.bg}`;
        if (st?.color) style += `;color:${st.color}`;
        if (st?.bold) style += ';font-weight:600';
        if (st?.italic) style += ';font-style:italic';
        const align = st?.align ?? (cell.num ? 'right' : undefined);
        if (align) style += `;text-align:${align};justify-content:${align === 'right' ? 'flex-end' : align === 'center' ? 'center' : 'flex-start'}`;
        if (cell.err) classes.push('err');
        const list = cell.l !== undefined && src ? src.lists[cell.l] : undefined;
        const isCheckbox = list && list.length === 2 && list[0] === 'TRUE' && list[1] === 'FALSE' && !cell.f;
        if (isCheckbox) {
          div.append(el('span', { class: 'g-check', text: cell.d === 'TRUE' ? '☑' : '☐' }));
        } else {
          div.append(el('span', { class: 'g-text', text: cell.d }));
          if (list && !cell.f && r >= g.frozenRows) classes.push('dropdown');
        }
        if (cell.n) {
          classes.push('has-note');
          div.title = cell.n;
        }
        div.className = classes.join(' ');
      }
      div.setAttribute('style', style);
      div.addEventListener('mousedown', (e) => {
        if (this.editing && this.editing.row === r + 1 && this.editing.col === c + 1) return;
        e.preventDefault();
        void this.commitEdit().then(() => this.select(r + 1, c + 1));
      });
      div.addEventListener('dblclick', () => this.startEdit());
      row.append(div);
    }
    return row;
  }

  select(row: number, col: number, wholeRow = false): void {
    const g = this.meta;
    if (!g) return;
    this.sel = { row: Math.max(1, Math.min(g.rows, row)), col: Math.max(1, Math.min(g.cols, col)), wholeRow };
    const ref = wholeRow ? `${this.sel.row}:${this.sel.row}` : `${columnLetter(this.sel.col)}${this.sel.row}`;
    this.host.onSelect({ sheet: this.sheet, ...this.sel }, ref, this.cell(this.sel.row - 1, this.sel.col - 1));
    this.scrollIntoView();
    this.render();
    this.root.focus({ preventScroll: true });
  }

  private scrollIntoView(): void {
    const g = this.meta!;
    const y = HEAD_H + (this.sel.row - 1) * ROW_H;
    const frozenH = HEAD_H + g.frozenRows * ROW_H;
    if (this.sel.row > g.frozenRows) {
      if (y - (frozenH - HEAD_H) < this.root.scrollTop + HEAD_H) this.root.scrollTop = y - frozenH;
      else if (y + ROW_H > this.root.scrollTop + this.root.clientHeight) this.root.scrollTop = y + ROW_H - this.root.clientHeight;
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing) return;
    const { row, col } = this.sel;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key]!;
      this.select(row + dr, col + (e.key === 'Tab' && e.shiftKey ? -1 : dc));
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void this.host.commit(this.sheet, row, col, '');
    } else if (e.key === ' ' && this.isCheckbox(row, col)) {
      e.preventDefault();
      const cell = this.cell(row - 1, col - 1);
      void this.host.commit(this.sheet, row, col, cell?.d === 'TRUE' ? 'FALSE' : 'TRUE');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  private listOf(row: number, col: number): string[] | undefined {
    const cell = this.cell(row - 1, col - 1);
    const src = this.gridFor(row - 1);
    return cell?.l !== undefined && src ? src.lists[cell.l] : undefined;
  }

  private isCheckbox(row: number, col: number): boolean {
    const l = this.listOf(row, col);
    return !!l && l.length === 2 && l[0] === 'TRUE' && l[1] === 'FALSE';
  }

  /** Opens the editor on the selected cell: a dropdown for a list-validated cell, else a text box. */
  startEdit(initial?: string): void {
    const { row, col } = this.sel;
    const cell = this.cell(row - 1, col - 1);
    const list = this.listOf(row, col);
    const current = cell ? (cell.f ?? cell.e ?? cell.d) : '';
    let input: HTMLInputElement | HTMLSelectElement;
    if (list && !cell?.f && initial === undefined) {
      const select = el('select', { class: 'g-editor', 'data-testid': 'cell-dropdown' });
      select.append(el('option', { value: '', text: '' }));
      for (const v of list) select.append(el('option', { value: v, text: v }));
      if (current && !list.includes(current)) select.append(el('option', { value: current, text: current }));
      select.value = current;
      select.addEventListener('change', () => void this.commitEdit(true));
      input = select;
    } else {
      const box = el('input', { class: 'g-editor', type: 'text', 'data-testid': 'cell-editor', spellcheck: 'false' });
      box.value = initial ?? current;
      input = box;
    }
    input.addEventListener('keydown', (e) => {
      const ke = e as KeyboardEvent;
      ke.stopPropagation();
      if (ke.key === 'Enter' || ke.key === 'Tab') {
        ke.preventDefault();
        void this.commitEdit(true, ke.key === 'Tab' ? [0, 1] : [1, 0]);
      } else if (ke.key === 'Escape') {
        ke.preventDefault();
        this.cancelEdit();
        this.root.focus();
      }
    });
    input.addEventListener('blur', () => void this.commitEdit());
    this.cancelEdit();
    this.editing = { row, col, input };
    this.editorBox.append(input);
    this.positionEditor();
    input.focus();
    if (input instanceof HTMLSelectElement) {
      try {
        (input as HTMLSelectElement & { showPicker?: () => void }).showPicker?.();
      } catch {
        /* needs a user gesture in some browsers */
      }
    }
  }

  private positionEditor(): void {
    if (!this.editing || !this.meta) return;
    const { row, col, input } = this.editing;
    const g = this.meta;
    let y = HEAD_H + (row - 1) * ROW_H;
    if (row <= g.frozenRows) y += this.root.scrollTop;
    let x = this.offsets[col - 1] ?? 0;
    if (col <= g.frozenCols) x += this.root.scrollLeft;
    input.style.left = `${x}px`;
    input.style.top = `${y}px`;
    input.style.minWidth = `${g.colWidths[col - 1] ?? 100}px`;
  }

  private cancelEdit(): void {
    if (this.editing) {
      const input = this.editing.input;
      this.editing = null;
      input.remove();
    }
  }

  private async commitEdit(move = false, by: [number, number] = [1, 0]): Promise<void> {
    if (!this.editing) return;
    const { row, col, input } = this.editing;
    const text = input.value;
    const cell = this.cell(row - 1, col - 1);
    const before = cell ? (cell.f ?? cell.e ?? cell.d) : '';
    this.cancelEdit();
    if (move) this.select(row + by[0], col + by[1]);
    this.root.focus({ preventScroll: true });
    if (text !== before) await this.host.commit(this.sheet, row, col, text);
  }

  /** Finds the 1-based column whose header (row 1) reads `header`. */
  findHeader(header: string): number {
    const g = this.meta;
    if (!g) return -1;
    for (let c = 0; c < g.cols; c++) if (this.cell(0, c)?.d === header) return c + 1;
    return -1;
  }
}
