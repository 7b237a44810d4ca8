/**
 * Generates docs/reference.md: every tab and column in both languages, every list, setting
 * and named range. Regenerate with `npx tsx src/local/gen-reference.ts`; a unit test fails
 * when the committed file is out of date.
 */
import { LISTS, listNamedRange } from '../lists';
import { SETTINGS, UNIT_LABELS, TEAM_RANGES } from '../settings';
import { TABS, TEAM_LIST } from './tabs';
import type { ColumnDef } from './types';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function validation(col: ColumnDef): string {
  if (col.formula) return '';
  if (col.type === 'list' && col.list) return col.list === TEAM_LIST ? `\`${TEAM_RANGES.name}\`` : `\`${listNamedRange(col.list)}\``;
  if (col.bounds) return col.bounds.max != null ? `${col.bounds.min}–${col.bounds.max}` : `≥ ${col.bounds.min}`;
  if (col.type === 'email') return 'e-mail';
  if (col.type === 'date' || col.type === 'datetime') return 'date';
  if (col.type === 'boolean') return 'checkbox';
  return '';
}

export function generateReference(): string {
  const out: string[] = [];
  out.push('# Sales Desk workbook reference');
  out.push('');
  out.push('Generated from `src/core/schema` by `npx tsx src/local/gen-reference.ts`. Do not edit by hand.');
  out.push('');
  out.push(
    "Columns are found by their **key** (developer metadata `salesdesk.col` on the column, `salesdesk.tab` on the tab), so users may rename, move and insert columns. Computed columns hold one array formula in row 2; `{key}` stands for that column's data range (`C2:C`).",
  );
  out.push('');
  for (const tab of TABS) {
    out.push(`## ${tab.name.en} · ${tab.name.zh} (\`${tab.key}\`)`);
    out.push('');
    out.push(`${tab.description.en}  `);
    out.push(tab.description.zh);
    out.push('');
    if (!tab.columns.length) continue;
    out.push('| Key | English | 中文 | Type | Validation | Explanation | 说明 |');
    out.push('|---|---|---|---|---|---|---|');
    for (const col of tab.columns) {
      const type = col.formula ? `${col.type}, computed${col.placeholder ? ' (placeholder)' : ''}` : `${col.type}${col.required ? ', required' : ''}`;
      out.push(`| \`${col.key}\` | ${esc(col.header.en)} | ${esc(col.header.zh)} | ${type} | ${validation(col)} | ${esc(col.note.en)} | ${esc(col.note.zh)} |`);
    }
    out.push('');
    const formulas = tab.columns.filter((c) => c.formula);
    if (formulas.length) {
      out.push('Formulas:');
      out.push('');
      for (const col of formulas) {
        out.push(`- \`${col.key}\`${col.placeholder ? ` (placeholder until ${col.placeholder})` : ''}: \`=${col.formula}\``);
      }
      out.push('');
    }
    if (tab.highlights?.length) {
      out.push('Highlights (conditional formats, first match wins):');
      out.push('');
      for (const h of tab.highlights) {
        const where = h.columns === 'row' ? 'whole row' : h.columns.map((k) => `\`${k}\``).join(', ');
        const look = [h.background && `background ${h.background}`, h.fontColor && `text ${h.fontColor}`, h.bold && 'bold'].filter(Boolean).join(', ');
        out.push(`- \`${h.key}\` (${where}; ${look}): \`${h.formula}\``);
      }
      out.push('');
    }
  }
  out.push('## Settings');
  out.push('');
  out.push('| Named range | English | 中文 | Default | Unit | Source | Explanation |');
  out.push('|---|---|---|---|---|---|---|');
  for (const s of SETTINGS) {
    out.push(
      `| \`${s.name}\` | ${esc(s.label.en)} | ${esc(s.label.zh)} | ${String(s.default)} | ${UNIT_LABELS[s.unit].en} | ${esc(s.source)} | ${esc(s.explanation.en)} |`,
    );
  }
  out.push('');
  out.push(`Team block on the Settings tab: \`${TEAM_RANGES.name}\`, \`${TEAM_RANGES.email}\`, \`${TEAM_RANGES.role}\` (whole columns below the header).`);
  out.push('');
  out.push('## Lists');
  out.push('');
  for (const l of LISTS) {
    out.push(`### ${l.name.en} · ${l.name.zh} (\`${listNamedRange(l.key)}\`)`);
    out.push('');
    out.push(`Source: ${l.source}.`);
    out.push('');
    out.push('| # | Key | English | 中文 |');
    out.push('|---|---|---|---|');
    l.items.forEach((it, i) => out.push(`| ${i + 1} | \`${it.key}\` | ${esc(it.label.en)} | ${esc(it.label.zh)} |`));
    out.push('');
  }
  return out.join('\n');
}
