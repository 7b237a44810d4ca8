/**
 * The playground: `npm start` builds dist/ and serves http://localhost:8080 (PORT or --port),
 * bound to 127.0.0.1 only. One local runtime runs the very dist/Code.js clasp would push; the
 * page (web/) shows its tabs as a grid, its menu, sidebars and dialogs, alerts, toasts and an
 * outbox. The workbook is saved to .playground/workbook.json after every change.
 *
 *   npm start                 continue the saved workbook (a demo one on first start)
 *   npm start -- --reset      start fresh (with demo data unless --no-demo)
 *   npm start -- --demo       start fresh with demo data
 *   npm start -- --port 9000  another port
 *   npm start -- --reset --lang zh   a fresh workbook and demo team in Simplified Chinese
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { PlaygroundSession, type Selection } from './session';
import { fillDemo } from './demo';
import { exportXlsx } from './xlsx';

export interface ServerOptions {
  port: number;
  file: string;
  reset: boolean;
  demo: boolean | undefined;
  now?: Date;
  /** Language of a fresh workbook and its demo team: 'en' or 'zh'. */
  lang?: string;
  quiet?: boolean;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerOptions {
  let port = env.PORT ? Number(env.PORT) : 8080;
  let reset = false;
  let demo: boolean | undefined;
  let file = resolve(env.PLAYGROUND_FILE ?? '.playground/workbook.json');
  let now: Date | undefined;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--reset') reset = true;
    else if (a === '--demo') demo = true;
    else if (a === '--no-demo') demo = false;
    else if (a === '--port' || a.startsWith('--port=')) port = Number(value());
    else if (a === '--file' || a.startsWith('--file=')) file = resolve(value());
    else if (a === '--now' || a.startsWith('--now=')) now = new Date(value());
    else if (a === '--lang' || a.startsWith('--lang=')) {
      lang = value();
      if (lang !== 'en' && lang !== 'zh') throw new Error(`--lang takes en or zh, not ${lang}`);
    } else if (a === '--quiet') continue;
    else if (a === '--help' || a === '-h') {
      console.log('Usage: npm start -- [--reset] [--demo | --no-demo] [--port N] [--file path] [--lang en|zh]');
      process.exit(0);
    } else throw new Error(`Unknown option ${a} (try --help)`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${String(port)}`);
  // --demo means "fill the demo team", which needs a fresh workbook.
  if (demo === true) reset = true;
  return { port, file, reset, demo, now, lang, quiet: argv.includes('--quiet') };
}

const WEB = join(__dirname, 'web');

async function buildPage(): Promise<{ html: string; js: string; css: string }> {
  const result = await build({
    entryPoints: [join(WEB, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    charset: 'utf8',
    minify: false,
    sourcemap: false,
  });
  const js = result.outputFiles[0]!.text;
  const css = readFileSync(join(WEB, 'style.css'), 'utf8');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sales Desk playground</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/app.css">
</head>
<body>
<div id="app"></div>
<script src="/app.js"></script>
</body>
</html>`;
  return { html, js, css };
}

export async function startServer(options: ServerOptions): Promise<{ port: number; close: () => Promise<void>; session: PlaygroundSession }> {
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const page = await buildPage();
  // Take the port first: a port in use must fail before the save file is touched.
  let session: PlaygroundSession | null = null;
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) send(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!session) return send(res, 503, { ok: false, error: 'Starting…' });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'GET') {
      if (path === '/' || path === '/index.html') return sendText(res, 200, page.html, 'text/html; charset=utf-8');
      if (path === '/app.js') return sendText(res, 200, page.js, 'text/javascript; charset=utf-8');
      if (path === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      if (path === '/app.css') return sendText(res, 200, page.css, 'text/css; charset=utf-8');
      if (path === '/api/state') {
        session.tick();
        return send(res, 200, session.state());
      }
      if (path === '/api/grid') {
        const sheet = url.searchParams.get('sheet') ?? undefined;
        if (sheet) session.setActiveSheet(sheet);
        const start = Number(url.searchParams.get('start') ?? 0) || 0;
        const count = Number(url.searchParams.get('count') ?? 100) || 100;
        return send(res, 200, session.grid({ sheet, start, count }));
      }
      if (path === '/api/export.xlsx') {
        const buf = await exportXlsx(session.rt);
        const name = `${session.documentName().replace(/[^\w.-]+/g, '-') || 'workbook'}.xlsx`;
        res.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${name}"`,
          'content-length': buf.length,
        });
        res.end(buf);
        return;
      }
      if (path === '/api/active') return send(res, 200, { sheet: session.activeSheet ?? null });
      return send(res, 404, { ok: false, error: 'Not found' });
    }
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: 'Method not allowed' });
    const body = (await readJson(req)) as Record<string, unknown>;
    const answers = Array.isArray(body.answers) ? (body.answers as { button: string; text?: string }[]) : [];
    switch (path) {
      case '/api/run':
        return send(res, 200, session.run(String(body.functionName ?? ''), answers, selectionOf(body.selection)));
      case '/api/select': {
        const sel = selectionOf(body);
        return send(res, 200, sel ? session.select(sel.sheet, sel.row, sel.col, sel.wholeRow) : { ok: false });
      }
      case '/api/time': {
        const step = String(body.step);
        if (step !== 'hour' && step !== 'day' && step !== 'next') return send(res, 400, { ok: false, error: 'step is hour, day or next' });
        return send(res, 200, session.advanceClock(step));
      }
      case '/rpc': {
        const fn = String(body.fn ?? '');
        const args = typeof body.args === 'string' ? body.args : JSON.stringify(body.args ?? []);
        return send(res, 200, session.rpc(fn, args, answers));
      }
      case '/api/host': {
        if (body.action === 'close') session.closeSurface();
        return send(res, 200, { ok: true });
      }
      case '/api/cell': {
        const r = session.editCell(String(body.sheet), Number(body.row), Number(body.col), String(body.text ?? ''), body.confirmed === true);
        return send(res, 200, r);
      }
      case '/api/user':
        return send(res, 200, session.setUser(String(body.email ?? ''), String(body.locale ?? 'en')));
      default:
        return send(res, 404, { ok: false, error: 'Not found' });
    }
  }

  const port = await new Promise<number>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const addr = server.address();
      resolveListen(typeof addr === 'object' && addr ? addr.port : options.port);
    });
  });
  try {
    const fresh = options.reset || !existsSync(options.file);
    session = new PlaygroundSession({
      file: options.file,
      reset: options.reset,
      demo: fresh ? (options.demo ?? true) : false,
      now: options.now,
      locale: options.lang === 'zh' ? 'zh_CN' : options.lang,
      fillDemo: (rt) => {
        const summary = fillDemo(rt);
        log(
          `Demo: ${summary.team} team members, ${summary.customers} customers, ${summary.deals} deals, ${summary.followups} follow-ups, ${summary.objections} objections, ${summary.surveys} survey responses`,
        );
      },
      log,
    });
  } catch (e) {
    server.close();
    throw e;
  }
  const ready = session;
  return {
    port,
    session: ready,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A grid selection from the page ({ sheet, row, col, wholeRow }), or undefined if it is not one. */
function selectionOf(x: unknown): Selection | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  const row = Number(o.row);
  const col = Number(o.col);
  if (typeof o.sheet !== 'string' || !Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) return undefined;
  return { sheet: o.sheet, row, col, wholeRow: o.wholeRow === true };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

function sendText(res: ServerResponse, status: number, text: string, type: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000_000) throw new Error('Request too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

async function main(): Promise<void> {
  let options: ServerOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  try {
    const { port } = await startServer(options);
    console.log(`Sales Desk playground: http://localhost:${port}  (workbook saved in ${options.file}; Ctrl+C to stop)`);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      console.error(
        `Port ${options.port} is already in use: another playground (or program) is listening there. ` +
          `Stop it, or start on another port: PORT=8081 npm start  (or npm start -- --port 8081)`,
      );
    } else if (err.code === 'EACCES') {
      console.error(`Port ${options.port} needs privileges this user does not have; pick a port above 1024 with --port.`);
    } else {
      console.error(`The playground could not start: ${err.message}`);
    }
    process.exit(1);
  }
}

if (require.main === module) void main();
