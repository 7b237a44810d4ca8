/**
 * Seeding the Playbook tab: the built-in lines are written once. Each carries its stable key in
 * the `entry_key` column, and the keys written so far are remembered in developer metadata on
 * the sheet, so a re-run never overwrites a manager's edit, never re-adds a line a manager
 * deleted, and only appends lines a newer version brings. (The Objections tab's overdue
 * highlight is declared in the schema and written by highlights.ts, like every tab's.)
 *
 * Cost: the key column comes from the tab's data block (one read); the metadata is searched
 * only when a built-in key is missing from the tab; one write per run of adjacent columns.
 */
import { PLAYBOOK_SEEDED_META, builtInRow, decodeSeeded, encodeSeeded, linesToSeed } from '../../core/playbook';
import { listLabel } from '../../core/lists';
import { FIRST_DATA_ROW } from '../../core/schema';
import type { Locale } from '../../core/i18n';
import type { SetupReport } from './report';
import { isEmptyCell, type SetupTab } from './tab';

/** Writes the built-in playbook lines that were never written before. Returns how many. */
export function seedPlaybook(tab: SetupTab, locale: Locale, report: SetupReport): number {
  const { sheet, columns } = tab;
  const keyCol = columns.get('entry_key');
  if (!keyCol) return 0;
  const grid = tab.dataValues();
  const keys = grid.map((r) => String(r[keyCol - 1] ?? ''));
  if (!linesToSeed(keys, []).length) return 0;
  const marker = tab.created ? null : (sheet.createDeveloperMetadataFinder().withKey(PLAYBOOK_SEEDED_META).find()[0] ?? null);
  const seeded = decodeSeeded(marker ? marker.getValue() : '');
  const todo = linesToSeed(keys, seeded);
  if (!todo.length) return 0;
  const records = todo.map((l) => builtInRow(l, locale, listLabel('objection_type', l.type, locale)));
  // After the last row that holds anything (a manager's own lines stay where they are).
  let last = FIRST_DATA_ROW - 1;
  grid.forEach((r, i) => {
    if (r.some((v) => !isEmptyCell(v))) last = FIRST_DATA_ROW + i;
  });
  const start = last + 1;
  tab.ensureRows(start + records.length - 1);
  tab.writeRows(start, records);
  const value = encodeSeeded([...seeded, ...todo.map((l) => l.key)]);
  if (marker) marker.setValue(value);
  else sheet.addDeveloperMetadata(PLAYBOOK_SEEDED_META, value);
  if (!tab.created) report.repairs.push(`playbook: ${todo.length} built-in lines`);
  return todo.length;
}
