/**
 * The summary tabs in the playground, in real Chromium: the Dashboard, Team and Trends tabs of a
 * demo workbook in English and in Chinese, with the charts the add-in's set-up wrote drawn from
 * the specification the runtime keeps (one drawn chart per stored chart, with its title, at its
 * anchor). Writes the README's screenshots docs/summaries-{dashboard,team,trends}-{en,zh}.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/local/browser-harness';
import { getTab } from '../../src/core/schema';
import type { GridView } from '../../src/local/playground/protocol';
import { openPlayground, ROOT, startPlayground, tempDir, type RunningServer } from './playground-helpers';

let browser: Browser;
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const s of servers) await s.stop();
  await browser?.close();
});

describe('summary tabs in the playground', () => {
  for (const lang of ['en', 'zh'] as const)
    it(`draws the Dashboard, Team and Trends charts from the stored specification (${lang})`, async () => {
      const server = await startPlayground(tempDir(), ['--reset', '--demo', '--lang', lang]);
      servers.push(server);
      const page = await openPlayground(browser, server.url);
      await page.setViewportSize({ width: 1900, height: 1000 });
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      for (const key of ['dashboard', 'team', 'trends']) {
        const name = getTab(key).name[lang];
        await page.click(`.tab[data-sheet="${name}"]`);
        // What the runtime keeps: the charts set-up inserted, read back over the playground's API.
        const grid = (await (await fetch(`${server.url}/api/grid?sheet=${encodeURIComponent(name)}&start=0&count=100`)).json()) as GridView;
        const stored = grid.charts ?? [];
        expect(stored.length, key).toBeGreaterThan(0);
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chart"] canvas').length === n, stored.length);
        const drawn = await page.$$eval('[data-testid="chart"]', (els) => els.map((e) => e.getAttribute('data-title')));
        expect(drawn).toEqual(stored.map((c) => c.title));
        // A drawn chart has pixels on its canvas (Chart.js painted it).
        const painted = await page.$eval('[data-testid="chart"] canvas', (c) => {
          const ctx = (c as HTMLCanvasElement).getContext('2d')!;
          const d = ctx.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
          return n;
        });
        expect(painted).toBeGreaterThan(1000);
        const file = join(ROOT, `docs/summaries-${key}-${lang}.png`);
        await page.screenshot({ path: file });
        expect(readFileSync(file).length).toBeGreaterThan(10_000);
      }
      await page.close();
    }, 180_000);
});
