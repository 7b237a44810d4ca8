/**
 * Seeding a keyed table once (the Playbook, the Complaint steps): the built-in rows are written
 * once. Each carries its stable key in the `entry_key` column, and the keys written so far are
 * remembered in developer metadata on the sheet, so a re-run never overwrites a manager's edit,
 * never re-adds a row a manager deleted, and only appends rows a newer version brings.
 *
 * Cost: the key column comes from the tab's data block (one read); the metadata is searched
 * only when a built-in key is missing from the tab; one write per run of adjacent columns.
 */
import { decodeSeeded, encodeSeeded } from '../../core/playbook';
import { FIRST_DATA_ROW } from '../../core/schema';
import type { SetupReport } from './report';
import { isEmptyCell, type SetupTab } from './tab';

export interface SeedSpec {
  /** The sheet's developer-metadata key holding the keys written before. */
  meta: string;
  /** The built-in rows still to write, given the keys in the tab and those written before. */
  pending(keysInTab: string[], seededBefore: string[]): { key: string; record: Record<string, unknown> }[];
  /** The report's word for them ("playbook: 3 built-in lines"). */
  label: string;
}

/** Writes the built-in rows that were never written before. Returns how many. */
export function seedOnce(tab: SetupTab, spec: SeedSpec, report: SetupReport): number {
  const { sheet, columns } = tab;
  const keyCol = columns.get('entry_key');
  if (!keyCol) return 0;
  const grid = tab.dataValues();
  const keys = grid.map((r) => String(r[keyCol - 1] ?? ''));
  if (!spec.pending(keys, []).length) return 0;
  const marker = tab.created ? null : (sheet.createDeveloperMetadataFinder().withKey(spec.meta).find()[0] ?? null);
  const seeded = decodeSeeded(marker ? marker.getValue() : '');
  const todo = spec.pending(keys, seeded);
  if (!todo.length) return 0;
  // After the last row that holds anything (a manager's own rows stay where they are).
  let last = FIRST_DATA_ROW - 1;
  grid.forEach((r, i) => {
    if (r.some((v) => !isEmptyCell(v))) last = FIRST_DATA_ROW + i;
  });
  const start = last + 1;
  tab.ensureRows(start + todo.length - 1);
  tab.writeRows(
    start,
    todo.map((x) => x.record),
  );
  const value = encodeSeeded([...seeded, ...todo.map((x) => x.key)]);
  if (marker) marker.setValue(value);
  else sheet.addDeveloperMetadata(spec.meta, value);
  if (!tab.created) report.repairs.push(`${spec.label}: ${todo.length}`);
  return todo.length;
}
