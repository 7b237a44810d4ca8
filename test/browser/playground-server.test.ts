/**
 * The playground's process-level promises, without a browser: a port in use is reported with
 * exit code 1; a save killed mid-write leaves a readable file; the export CLI writes an .xlsx
 * that reopens.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, runTs, startPlayground, tempDir, waitExit } from './playground-helpers';

const blockers: Server[] = [];
afterAll(() => blockers.forEach((s) => s.close()));

describe('playground server', () => {
  it('says so when the port is in use, and exits with 1', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    const port = await new Promise<number>((r) => blocker.listen(0, '127.0.0.1', () => r((blocker.address() as { port: number }).port)));
    const dir = tempDir();
    const proc = runTs(join(ROOT, 'src/local/playground/server.ts'), ['--port', String(port), '--no-demo'], dir);
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    expect(await waitExit(proc)).toBe(1);
    expect(err).toContain(`Port ${port} is already in use`);
    // Nothing was written: the failed start did not touch the save file.
    expect(existsSync(join(dir, '.playground/workbook.json'))).toBe(false);
  });

  it('leaves a readable save file when killed in the middle of writing', async () => {
    const dir = tempDir();
    const script = join(dir, 'writer.ts');
    const file = join(dir, '.playground/workbook.json');
    // Writes ~4 MB JSON documents in a loop, each a different generation, with the playground's writer.
    writeFileSync(
      script,
      `import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'src/local/playground/persist.ts'))};
const big = 'x'.repeat(4_000_000);
for (let gen = 0; ; gen++) {
  writeFileAtomic(${JSON.stringify(file)}, JSON.stringify({ gen, big }));
  if (gen === 0) console.log('first');
}
`,
    );
    for (let round = 0; round < 3; round++) {
      const proc = runTs(script, [], dir);
      await new Promise<void>((r) => proc.stdout!.once('data', () => r()));
      await new Promise((r) => setTimeout(r, 150 + round * 97));
      proc.kill('SIGKILL');
      await waitExit(proc);
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { gen: number; big: string };
      expect(parsed.big.length).toBe(4_000_000);
      expect(parsed.gen).toBeGreaterThanOrEqual(0);
    }
  });

  it('exports the saved workbook from the command line', async () => {
    const dir = tempDir();
    const server = await startPlayground(dir, ['--reset']);
    await server.stop();
    const proc = runTs(join(ROOT, 'src/local/playground/export-cli.ts'), ['out.xlsx'], dir);
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    expect(await waitExit(proc), out).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out.xlsx'));
    const ws = wb.getWorksheet('Customers')!;
    expect(ws.getRow(1).getCell(1).text).toBe('Customer ID');
    expect(ws.rowCount).toBeGreaterThan(100);
    expect(ws.getRow(2).getCell(1).text).toMatch(/^C-\d+/);
  });
});
