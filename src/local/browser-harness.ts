/**
 * Opens the add-in's sidebars and dialogs in real Chromium (Debian's /usr/bin/chromium via
 * playwright-core; no browser download), with google.script.run bridged to a local runtime.
 * The page is the HtmlOutput the server produced — the same HTML Sheets would show.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { clientShim } from './bridge/client-shim';
import type { LocalRuntime } from './index';
import type { EntryName } from '../server/callable';

/** Flags for headless Chromium on a machine without network (see the env notes in the README). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

const TRANSPORT = '__salesDeskRpc';
const HOST = '__salesDeskHost';

export interface OpenedPage {
  page: Page;
  /** Actions the page asked of google.script.host (close, setHeight…), in order. */
  hostActions: { action: string; arg?: unknown }[];
}

/**
 * Runs `entryPoint` (a menu action such as 'showAbout') on the runtime and opens the sidebar
 * or dialog it showed. Each google.script.run call from the page runs the named server
 * function on the same runtime, as the runtime's current user.
 */
export async function openShownPage(browser: Browser, rt: LocalRuntime, entryPoint: EntryName, ...args: unknown[]): Promise<OpenedPage> {
  rt.run(entryPoint, ...args);
  const shown = rt.ui.current();
  if (!shown) throw new Error(`${entryPoint} showed no sidebar or dialog`);
  return openHtml(browser, rt, shown.html, shown.kind === 'sidebar' ? 300 : (shown.width ?? 600));
}

/** Opens given HTML (from an HtmlOutput) with the bridge installed. */
export async function openHtml(browser: Browser, rt: LocalRuntime, html: string, width = 300): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width, height: 700 } });
  const hostActions: { action: string; arg?: unknown }[] = [];
  await page.exposeFunction(TRANSPORT, (fn: string, argsJson: string) => JSON.stringify(rt.rpcFromPage(fn, argsJson)));
  await page.exposeFunction(HOST, (action: string, arg?: unknown) => {
    hostActions.push({ action, arg });
  });
  await page.addInitScript({ content: clientShim(TRANSPORT, HOST) });
  // Serve the page from a local origin (not about:blank) so it behaves like a normal document.
  await page.route('http://sidebar.local/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('http://sidebar.local/index.html');
  return { page, hostActions };
}
