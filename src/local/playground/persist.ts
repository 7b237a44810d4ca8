/**
 * The playground's save file. Writes go to a temporary file in the same directory, are flushed
 * to disk, then renamed over the real file: rename(2) is atomic within a file system, so a
 * reader (or a restart after `kill -9` mid-write) sees either the old file or the new one,
 * never half of one.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { SavedRuntime } from '../index';

export const SAVE_FORMAT = 'sales-desk-playground';

/** What `.playground/workbook.json` holds: the runtime's own save plus who was using it. */
export interface PlaygroundSave {
  format: typeof SAVE_FORMAT;
  version: 1;
  savedAt: string;
  user: { email: string; locale: string };
  activeSheet?: string;
  /** How far the playground's time control moved the clock ahead of the wall clock. */
  clockAheadMs?: number;
  runtime: SavedRuntime;
}

export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    const buf = Buffer.from(data, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function readSave(path: string): PlaygroundSave | null {
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as PlaygroundSave;
  if (parsed.format !== SAVE_FORMAT || !parsed.runtime) {
    throw new Error(`${path} is not a Sales Desk playground save file (start with --reset to replace it)`);
  }
  return parsed;
}

export function removeSave(path: string): void {
  rmSync(path, { force: true });
}
