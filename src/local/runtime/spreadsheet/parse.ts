/**
 * What typing text into a cell (or Apps Script's setValue with a string) means: Sheets parses the
 * input "as if it were entered into the Google Sheets UI" (USER_ENTERED,
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
 * - `=…` is a formula — "If it begins with '=' it is interpreted as a formula"
 *   (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue) — also
 *   in a plain-text (`@`) cell: that page makes no exception for the format, so neither does this;
 * - a leading `'` forces text and is not stored, in any cell format;
 * - numbers (with thousands separators), percentages, currency, TRUE/FALSE, ISO and US dates
 *   become numbers/booleans, and give the cell a matching number format if it had none;
 * - a cell formatted as plain text (`@`) keeps the text as typed; so does an automatic cell for
 *   text no number or date rule accepts (`+86 138 0013 8000`, with its spaces, is text).
 * Not documented by Google, so probed by Check this spreadsheet (probes phoneText, formulaText,
 * apostrophe): whether a plain-text cell keeps or drops the `'` of `'x`, whether it turns `=1+2`
 * into a formula, and whether an automatic cell reads a leading `+` as the start of a formula.
 */
import { partsToSerial } from './dates';

export type Parsed =
  | { kind: 'empty' }
  | { kind: 'formula'; text: string }
  | { kind: 'number'; value: number; format?: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'text'; value: string };

const NUM = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

function parseNumberText(t: string): number | undefined {
  if (!/\d/.test(t) || !NUM.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

export function parseUserText(text: string, cellFormat: string | null | undefined): Parsed {
  if (text === '') return { kind: 'empty' };
  if (text.startsWith("'")) return { kind: 'text', value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', text };
  if (cellFormat === '@') return { kind: 'text', value: text };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { kind: 'boolean', value: t.toUpperCase() === 'TRUE' };
  const n = parseNumberText(t);
  if (n !== undefined) return { kind: 'number', value: n, format: t.includes(',') ? '#,##0' + (t.includes('.') ? '.00' : '') : undefined };
  const pct = /^([+-]?[\d.,]+)\s*%$/.exec(t);
  if (pct) {
    const v = parseNumberText(pct[1]);
    if (v !== undefined) return { kind: 'number', value: v / 100, format: pct[1].includes('.') ? '0.00%' : '0%' };
  }
  const cur = /^([+-]?)([$¥€£])\s*([\d.,]+)$/.exec(t);
  if (cur) {
    const v = parseNumberText(cur[3]);
    if (v !== undefined) {
      const sym = cur[2] === '$' ? '$' : `"${cur[2]}"`;
      return { kind: 'number', value: cur[1] === '-' ? -v : v, format: `${sym}#,##0${cur[3].includes('.') ? '.00' : ''}` };
    }
  }
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDate(y, mo, d)) {
      const hasTime = iso[4] !== undefined;
      return {
        kind: 'number',
        value: partsToSerial(y, mo, d, Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)),
        format: hasTime ? (iso[6] ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd hh:mm') : 'yyyy-mm-dd',
      };
    }
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (us) {
    const [mo, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (validDate(y, mo, d)) {
      const hasTime = us[4] !== undefined;
      return {
        kind: 'number',
        value: partsToSerial(y, mo, d, Number(us[4] ?? 0), Number(us[5] ?? 0), Number(us[6] ?? 0)),
        format: hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy',
      };
    }
  }
  return { kind: 'text', value: text };
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}
