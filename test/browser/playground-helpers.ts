/**
 * Starts the playground server as a child process (one node process, so a kill is a real kill),
 * and drives its page in Chromium as a user would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const SERVER = join(ROOT, 'src/local/playground/server.ts');
export const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** A fixed clock so demo data and screenshots are the same on every run. */
export const NOW = '2026-03-02T01:30:00Z';

export function tempDir(prefix = 'playground-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function runTs(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface RunningServer {
  url: string;
  port: number;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startPlayground(cwd: string, args: string[] = []): Promise<RunningServer> {
  const proc = runTs(SERVER, ['--port', '0', '--now', NOW, ...args], cwd);
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`The playground did not start:\n${out}`)), 90_000);
    const check = () => {
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`The playground exited with ${code}:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    proc,
    output: () => out,
    stop: () =>
      new Promise<void>((res) => {
        if (proc.exitCode !== null) return res();
        proc.once('exit', () => res());
        proc.kill('SIGTERM');
      }),
  };
}

export function waitExit(proc: ChildProcess, timeoutMs = 60_000): Promise<number | null> {
  return new Promise((res, rej) => {
    if (proc.exitCode !== null) return res(proc.exitCode);
    const t = setTimeout(() => rej(new Error('process did not exit')), timeoutMs);
    proc.once('exit', (code) => {
      clearTimeout(t);
      res(code);
    });
  });
}

/** Opens the playground page and waits for its tabs. */
export async function openPlayground(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('[data-testid="tabs"] .tab');
  return page;
}

/** Runs a menu item; answers the alerts it shows with their last (primary) button and returns their text. */
export async function runMenuItem(page: Page, menu: string, functionName: string): Promise<string[]> {
  await page.click(`[data-testid="menu-${menu}"]`);
  await page.click(`[data-function="${functionName}"]`);
  await page.waitForSelector('.busy', { state: 'hidden' });
  const seen: string[] = [];
  for (;;) {
    const alert = await page.waitForSelector('[data-testid="alert"]', { timeout: 1500 }).catch(() => null);
    if (!alert) return seen;
    seen.push((await alert.textContent()) ?? '');
    await alert.$eval('.alert-buttons button:last-child', (b) => (b as HTMLButtonElement).click());
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="alert"]').length < n, 1);
  }
}

/** The 1-based column of a header on the active tab (row 1, as the frozen header shows it). */
export async function columnOf(page: Page, header: string): Promise<number> {
  const handle = await page
    .waitForFunction(
      (h) => {
        const cells = [...document.querySelectorAll('.g-frozen .g-row[data-row="1"] .g-cell')];
        const c = cells.find((x) => x.textContent === h);
        return c ? Number(c.getAttribute('data-col')) : 0;
      },
      header,
      { timeout: 10_000 },
    )
    .catch(() => null);
  const col = handle ? ((await handle.jsonValue()) as number) : -1;
  expect(col, `column "${header}"`).toBeGreaterThan(0);
  return col;
}

/** A grid cell's selector (1-based). */
export const cell = (row: number, col: number) => `.g-row[data-row="${row}"] .g-cell[data-col="${col}"]`;

export async function typeInto(page: Page, row: number, col: number, text: string): Promise<void> {
  await page.click(cell(row, col));
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-testid="sidebar"] iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  return frame;
}
