/** Starts the playground server as a child process (one node process, so a kill is a real kill). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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
