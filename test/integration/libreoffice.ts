/**
 * A second spreadsheet engine for the export tests: LibreOffice Calc headless (Debian's
 * libreoffice-calc-nogui, installed by .ci/run). It opens an .xlsx with a throw-away profile
 * that says "Recalculation on file load: always" (the OOXMLRecalcMode setting; LibreOffice's
 * default is never, keeping the file's cached results) and saves it as HTML, which carries
 * each cell's computed value (sdval, sdnum) and the colours it shows, conditional formats
 * applied. The process runs with TZ set to the spreadsheet's time zone, so its TODAY() and NOW()
 * are the wall clock of that zone, as the runtime's are.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = '/usr/bin/soffice';

/** What LibreOffice shows in one cell. */
export interface LoCell {
  /** The computed number (dates as serials, booleans as 1/0), or null for text and empty cells. */
  number: number | null;
  /** True when the cell shows TRUE/FALSE (a boolean). */
  boolean: boolean;
  /** The text shown, tags removed, notes left out. */
  text: string;
  /** Background as #RRGGBB (upper case), null for none. */
  background: string | null;
  fontColor: string | null;
  bold: boolean;
}

/** Sheets by name, rows of cells (0-based). */
export type LoWorkbook = Map<string, LoCell[][]>;

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Opens `xlsx` in LibreOffice (recalculating every formula) and reads back what it shows. */
export async function recalculateInLibreOffice(xlsx: Buffer, timeZone: string): Promise<LoWorkbook> {
  const dir = mkdtempSync(join(tmpdir(), 'sd-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    writeFileSync(join(dir, 'book.xlsx'), xlsx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        SOFFICE,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'html',
          '--outdir',
          join(dir, 'out'),
          join(dir, 'book.xlsx'),
        ],
        { env: { ...process.env, TZ: timeZone }, timeout: 120_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`)) : resolve()),
      );
    });
    return parseCalcHtml(readFileSync(join(dir, 'out', 'book.html'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Parses LibreOffice's "HTML (StarCalc)" export: one <table> per sheet after its <h1>. */
export function parseCalcHtml(html: string): LoWorkbook {
  const book: LoWorkbook = new Map();
  const sheetRe = /<h1>Sheet \d+: <em>([\s\S]*?)<\/em><\/h1><\/A>\s*<table[^>]*>([\s\S]*?)<\/table>/g;
  for (const m of html.matchAll(sheetRe)) {
    const rows: LoCell[][] = [];
    for (const tr of m[2]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
      const row: LoCell[] = [];
      for (const td of tr[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)) {
        const attrs = td[1]!;
        const inner = td[2]!.replace(/<comment>[\s\S]*?<\/comment>/g, '').replace(/<a class="comment-indicator"><\/a>/g, '');
        const sdval = /sdval="([^"]*)"/.exec(attrs)?.[1];
        const sdnum = /sdnum="([^"]*)"/.exec(attrs)?.[1] ?? '';
        const span = Number(/colspan=(\d+)/.exec(attrs)?.[1] ?? 1);
        const cell: LoCell = {
          number: sdval === undefined ? null : Number(sdval),
          boolean: /;BOOLEAN$/.test(sdnum),
          text: decode(inner.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ''))
            .replace(/^\n$/, '')
            .trim(),
          background: /bgcolor="(#[0-9A-Fa-f]{6})"/.exec(attrs)?.[1]?.toUpperCase() ?? null,
          fontColor: /<font[^>]*color="(#[0-9A-Fa-f]{6})"/.exec(inner)?.[1]?.toUpperCase() ?? null,
          bold: /<b>/.test(inner),
        };
        for (let i = 0; i < span; i++) row.push(cell);
      }
      rows.push(row);
    }
    book.set(decode(m[1]!), rows);
  }
  return book;
}
