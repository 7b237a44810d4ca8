/**
 * Draws the sheet's embedded charts from the specification the add-in wrote (Sheet.insertChart in
 * the runtime keeps it; view.ts reads it with the data of its ranges), with Chart.js — bundled
 * into the playground's own script (no CDN; never part of dist/Code.js). Each chart sits at its
 * anchor cell over the grid, as in Sheets: COLUMN and BAR as bars (BAR horizontal), LINE as a line.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from 'chart.js';
import type { ChartView } from '../protocol';
import { clear, el } from './dom';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Title, Tooltip);

export const CHART_W = 480;
export const CHART_H = 300;
const COLOURS = ['#1a73e8', '#e37400', '#188038', '#a142f4'];

export class ChartLayer {
  readonly root = el('div', { class: 'g-charts' });
  private drawn: Chart[] = [];

  /** Replaces the drawn charts; `at(row, col)` gives a cell's top-left corner in the canvas. */
  draw(charts: readonly ChartView[], at: (row: number, col: number) => { x: number; y: number }): void {
    for (const c of this.drawn) c.destroy();
    this.drawn = [];
    clear(this.root);
    for (const spec of charts) {
      const { x, y } = at(spec.row, spec.col);
      const canvas = el('canvas', { width: CHART_W, height: CHART_H });
      const box = el('div', {
        class: 'g-chart',
        'data-testid': 'chart',
        'data-title': spec.title,
        style: `left:${x + spec.offsetX}px;top:${y + spec.offsetY}px;width:${CHART_W}px;height:${CHART_H}px`,
      });
      box.append(canvas);
      this.root.append(box);
      const line = spec.kind === 'LINE';
      this.drawn.push(
        new Chart(canvas, {
          type: line ? 'line' : 'bar',
          data: {
            labels: spec.labels,
            datasets: spec.series.map((s, i) => ({
              label: s.name,
              data: s.values,
              backgroundColor: COLOURS[i % COLOURS.length],
              borderColor: COLOURS[i % COLOURS.length],
            })),
          },
          options: {
            animation: false,
            responsive: false,
            indexAxis: spec.kind === 'BAR' ? 'y' : 'x',
            plugins: { title: { display: true, text: spec.title }, legend: { display: false } },
          },
        }),
      );
    }
  }
}
