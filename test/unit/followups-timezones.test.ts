/**
 * The cadence tests again, in child processes whose own clock runs in Shanghai and in
 * Los Angeles: a rule that slipped into the machine's time zone would fail in one of them.
 * (This file's name must not match test/unit/cadence, or it would run itself.)
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

describe('cadence tests under other process time zones', () => {
  for (const tz of ['Asia/Shanghai', 'America/Los_Angeles']) {
    it(`pass with TZ=${tz}`, () => {
      const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(new Date(0).getTimezoneOffset()))'], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(probe.stdout).toBe(tz === 'Asia/Shanghai' ? '-480' : '480'); // the child really runs in that zone
      const run = spawnSync('npx', ['vitest', 'run', 'test/unit/cadence'], {
        cwd: root,
        env: { ...process.env, TZ: tz, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
        encoding: 'utf8',
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: vitest's colours are ANSI escapes, which start with ESC
      expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed/);
    }, 120_000);
  }
});
