/** docs/kpis.md, generated from the measure declarations (a unit test fails when the file is stale). */
import { breakdownItems } from './measure';
import { DASHBOARD_SECTIONS } from './sections';
import { PERIOD_KINDS, PERIOD_LABELS } from './period';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function generateKpiDoc(): string {
  const out: string[] = [
    '# How the summary measures are computed',
    '',
    '<!-- Generated from src/core/dashboard (npx tsx src/local/gen-kpis.ts); do not edit by hand. -->',
    '',
    'Every figure on the Dashboard is a live formula over the tabs; nothing is pasted. The period selector at the top',
    `(${PERIOD_KINDS.map((k) => PERIOD_LABELS[k].en).join(', ')}) sets the period every measure marked "periodic" reads;`,
    'the previous period of the same length stands beside it. Snapshot measures ("now") describe the workbook as it is.',
    'Source: the handbook section a measure comes from, or "our addition".',
    '',
    '仪表板上的每个数字都是基于各表的实时公式，没有粘贴的数值。顶部的期间选择决定“按期间”指标读取的期间，旁边是上一个同长度期间的数字；',
    '“当前”指标反映工作簿此刻的状态。来源：指标所依据的资料章节，或“本产品补充”。',
    '',
  ];
  for (const s of DASHBOARD_SECTIONS) {
    out.push(`## ${s.title.en} · ${s.title.zh}`, '', '| Key | Measure | Definition | 指标 | 定义 | Period | Source |', '|---|---|---|---|---|---|---|');
    for (const m of s.measures) {
      const items = breakdownItems(m, ['(each rep)']);
      const by = items ? ` (by ${items.map((i) => i.label.en).join(', ')})` : '';
      out.push(
        `| \`${m.key}\` | ${cell(m.label.en + by)} | ${cell(m.definition.en)} | ${cell(m.label.zh)} | ${cell(m.definition.zh)} | ${m.periodic ? 'periodic' : 'now'} | ${cell(m.source ?? 'our addition')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
