/**
 * `npm run export -- out.xlsx [--file .playground/workbook.json]`: writes the saved playground
 * workbook as .xlsx (see xlsx.ts for what is kept), and lists any formula it kept as a value.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLocalRuntime } from '../index';
import { readSave } from './persist';
import { buildXlsx, writeXlsx } from './xlsx';

async function main(argv: string[]): Promise<number> {
  let file = resolve(process.env.PLAYGROUND_FILE ?? '.playground/workbook.json');
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--file') file = resolve(argv[++i] ?? '');
    else if (a.startsWith('--file=')) file = resolve(a.slice(7));
    else if (a === '--help' || a === '-h') {
      console.log('Usage: npm run export -- out.xlsx [--file .playground/workbook.json]');
      return 0;
    } else if (!out) out = a;
    else {
      console.error(`Unexpected argument ${a}`);
      return 2;
    }
  }
  if (!out) {
    console.error('Usage: npm run export -- out.xlsx [--file .playground/workbook.json]');
    return 2;
  }
  const saved = readSave(file);
  if (!saved) {
    console.error(`No saved playground workbook at ${file}: run npm start first.`);
    return 1;
  }
  const rt = createLocalRuntime({ saved: saved.runtime, user: saved.user.email, locale: saved.user.locale });
  const exported = buildXlsx(rt);
  const buf = await writeXlsx(exported.workbook);
  writeFileSync(resolve(out), buf);
  console.log(`Wrote ${resolve(out)} (${rt.spreadsheet.getSheets().length} tabs, ${buf.length} bytes)`);
  // What Excel and LibreOffice will not recalculate: kept as values.
  for (const u of exported.untranslated) console.log(`Kept as a value: ${u.sheet}!${u.a1} ${u.formula} (${u.reason})`);
  for (const h of exported.skippedHighlights) console.log(`Highlight not exported: ${h.sheet}!${h.ranges} (${h.reason})`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  },
);
