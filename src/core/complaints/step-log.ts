/**
 * A complaint's progress through the checklist, kept in one cell of the Complaints tab (the
 * steps are the team's own and may change, so they cannot be columns): one line per step that
 * has a done-at time or a note, readable as it stands and parsed back when the complaint is
 * opened again.
 *
 *   [thank_listen] 2026-03-02 09:30 — Called back, apologised
 *   [team:call the boss] — waiting for her
 *
 * Times are wall times in the spreadsheet's zone (as the sheet shows them); a note keeps one
 * line (line breaks become spaces). A line that does not parse is kept as a note of its own key
 * `line:<n>` so a hand edit is never lost on the next save.
 */
import { instantOfSerial, serialOfIsoDay } from '../cadence/time';
import { wallTime } from '../cadence/wall-time';
import type { StepDone } from './rules';

export interface StepEntry extends StepDone {
  note: string;
}

const LINE = /^\[(.+?)\](?=\s+\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}|\s+—|\s*$)\s*(?:(\d{4}-\d{2}-\d{2})\s+(\d{2}):(\d{2}))?\s*(?:—\s?(.*))?$/;

/** The cell text for a complaint's steps (steps with neither a time nor a note are left out). */
export function encodeStepLog(entries: readonly StepEntry[], timeZone: string): string {
  const lines: string[] = [];
  for (const e of entries) {
    const note = e.note.replace(/\s+/g, ' ').trim();
    if (e.doneAt === null && !note) continue;
    let line = `[${e.key}]`;
    if (e.doneAt !== null) line += ` ${wallTime(e.doneAt, timeZone)}`;
    if (note) line += ` — ${note}`;
    lines.push(line);
  }
  return lines.join('\n');
}

/** The entries of a cell (the first line of a key wins). */
export function decodeStepLog(text: unknown, timeZone: string): StepEntry[] {
  const out: StepEntry[] = [];
  const seen = new Set<string>();
  const lines = String(text ?? '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = LINE.exec(line);
    const day = m && m[2] ? serialOfIsoDay(m[2]) : null;
    const entry: StepEntry = m
      ? {
          key: m[1].trim(),
          doneAt: day === null ? null : instantOfSerial(day + (Number(m[3]) * 60 + Number(m[4])) / 1440, timeZone),
          note: (m[5] ?? '').trim(),
        }
      : { key: `line:${i + 1}`, doneAt: null, note: line };
    if (seen.has(entry.key)) return;
    seen.add(entry.key);
    out.push(entry);
  });
  return out;
}
