/**
 * Number formats: how a cell's value is displayed (Range.getDisplayValue) and whether a numeric
 * cell is a date (Range.getValue returns a Date then).
 *
 * Supported: General (''), '@' (plain text), date/time tokens (yyyy yy mmmm mmm mm m dddd ddd dd d
 * hh h mm ss am/pm, 'mm' after h or before s means minutes, as in Sheets:
 * https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns),
 * and numeric patterns made of 0 # , . % with quoted or symbol prefixes/suffixes
 * ("¥"#,##0, $#,##0.00, 0.0%), with up to four ';' sections (positive;negative;zero;text).
 */
import { serialParts } from './dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Strips quoted literals and escapes, so token tests see only pattern characters. */
function patternChars(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

const dateCache = new Map<string, boolean>();
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  let v = dateCache.get(fmt);
  if (v === undefined) {
    const p = patternChars(fmt).split(';')[0];
    v = !/^general$/i.test(p) && (/[ydhs]/i.test(p) || (/m/i.test(p) && !/[0#]/.test(p)));
    dateCache.set(fmt, v);
  }
  return v;
}

type DateTok = { t: 'lit'; v: string } | { t: 'tok'; v: string };

function tokenizeDate(fmt: string): DateTok[] {
  const out: DateTok[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i];
    if (ch === '"') {
      const j = fmt.indexOf('"', i + 1);
      out.push({ t: 'lit', v: fmt.slice(i + 1, j < 0 ? undefined : j) });
      i = j < 0 ? fmt.length : j + 1;
      continue;
    }
    if (ch === '\\') {
      out.push({ t: 'lit', v: fmt[i + 1] ?? '' });
      i += 2;
      continue;
    }
    const rest = fmt.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      out.push({ t: 'tok', v: ampm[0].toLowerCase() });
      i += ampm[0].length;
      continue;
    }
    const m = /^(y+|m+|d+|h+|s+)/i.exec(rest);
    if (m) {
      out.push({ t: 'tok', v: m[0].toLowerCase() });
      i += m[0].length;
      // fractional seconds: ss.000
      if (m[0][0].toLowerCase() === 's' && fmt[i] === '.' && fmt[i + 1] === '0') {
        let k = i + 1;
        while (fmt[k] === '0') k++;
        out.push({ t: 'tok', v: 'frac' + (k - i - 1) });
        i = k;
      }
      continue;
    }
    out.push({ t: 'lit', v: ch });
    i++;
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDate(serial: number, fmt: string): string {
  const p = serialParts(serial);
  const toks = tokenizeDate(fmt);
  const hasAmPm = toks.some((t) => t.t === 'tok' && (t.v === 'am/pm' || t.v === 'a/p'));
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t === 'lit') {
      out += tk.v;
      continue;
    }
    const v = tk.v;
    const c = v[0];
    if (c === 'y') out += v.length <= 2 ? pad(p.year % 100) : String(p.year);
    else if (c === 'm') {
      // minutes when after an hour token or before a seconds token (Sheets' rule)
      const prev = toks
        .slice(0, i)
        .reverse()
        .find((t) => t.t === 'tok');
      const next = toks.slice(i + 1).find((t) => t.t === 'tok');
      const isMinute = v.length <= 2 && ((prev && prev.v[0] === 'h') || (next && next.v[0] === 's'));
      if (isMinute) out += v.length === 2 ? pad(p.minute) : String(p.minute);
      else if (v.length === 1) out += String(p.month);
      else if (v.length === 2) out += pad(p.month);
      else if (v.length === 3) out += MONTHS[p.month - 1].slice(0, 3);
      else if (v.length === 5) out += MONTHS[p.month - 1][0];
      else out += MONTHS[p.month - 1];
    } else if (c === 'd') {
      if (v.length === 1) out += String(p.day);
      else if (v.length === 2) out += pad(p.day);
      else if (v.length === 3) out += DAYS[p.weekday].slice(0, 3);
      else out += DAYS[p.weekday];
    } else if (c === 'h') {
      const h = hasAmPm ? ((p.hour + 11) % 12) + 1 : p.hour;
      out += v.length >= 2 ? pad(h) : String(h);
    } else if (c === 's') out += v.length >= 2 ? pad(p.second) : String(p.second);
    else if (v.startsWith('frac')) out += '.' + pad(p.ms, 3).slice(0, Number(v.slice(4)));
    else if (v === 'am/pm') out += p.hour < 12 ? 'AM' : 'PM';
    else if (v === 'a/p') out += p.hour < 12 ? 'A' : 'P';
  }
  return out;
}

/** General/automatic display of a number, close to Sheets: up to 10 significant digits. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return n.toExponential(2).toUpperCase().replace('E+', 'E+');
  const s = Number(n.toPrecision(10));
  return String(s);
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') q = !q;
    if (ch === '\\' && !q) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function formatNumberSection(n: number, section: string): string {
  // Split into prefix literal, numeric pattern, suffix literal.
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let seenPattern = false;
  let percent = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      const lit = section.slice(i + 1, j < 0 ? undefined : j);
      if (seenPattern) suffix += lit;
      else prefix += lit;
      i = j < 0 ? section.length : j;
      continue;
    }
    if (ch === '\\') {
      const lit = section[i + 1] ?? '';
      if (seenPattern) suffix += lit;
      else prefix += lit;
      i++;
      continue;
    }
    if (ch === '[') {
      // [$¥-804] style currency blocks
      const j = section.indexOf(']', i);
      const inner = section.slice(i + 1, j < 0 ? undefined : j);
      const cur = /^\$([^-]*)/.exec(inner);
      if (cur) {
        if (seenPattern) suffix += cur[1];
        else prefix += cur[1];
      }
      i = j < 0 ? section.length : j;
      continue;
    }
    if ('0#?,.'.includes(ch) && (!seenPattern || pattern.length > 0) && !(seenPattern && suffix)) {
      pattern += ch;
      seenPattern = true;
      continue;
    }
    if (ch === '%') {
      percent = true;
      if (seenPattern) suffix += ch;
      else prefix += ch;
      continue;
    }
    if (ch === '_' || ch === '*') {
      i++;
      continue;
    }
    if (seenPattern) suffix += ch;
    else prefix += ch;
  }
  if (!seenPattern) return prefix + suffix;
  let v = percent ? n * 100 : n;
  const dot = pattern.indexOf('.');
  const intPat = dot < 0 ? pattern : pattern.slice(0, dot);
  const fracPat = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  // trailing commas scale by 1000
  let scale = 0;
  let ip = intPat;
  while (ip.endsWith(',')) {
    scale++;
    ip = ip.slice(0, -1);
  }
  v = v / 1000 ** scale;
  const grouping = ip.includes(',');
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.length;
  const minInt = (ip.match(/0/g) ?? []).length;
  const abs = Math.abs(v);
  let s = abs.toFixed(maxFrac);
  let [ints, frac = ''] = s.split('.');
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (ints === '0' && minInt === 0) ints = '';
  ints = ints.padStart(minInt, '0');
  if (grouping) ints = ints.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  s = ints + (frac ? '.' + frac : maxFrac > 0 && minFrac > 0 ? '.' : '');
  return prefix + s + suffix;
}

export function formatNumber(n: number, fmt: string): string {
  const sections = splitSections(fmt);
  if (sections.length === 1) {
    const out = formatNumberSection(n, sections[0]);
    const isZeroAfterRounding = /^[^1-9]*$/.test(out);
    return n < 0 && !isZeroAfterRounding ? '-' + out : out;
  }
  if (n > 0 || (n === 0 && sections.length < 3)) return formatNumberSection(n, sections[0]);
  if (n < 0) return formatNumberSection(n, sections[1]);
  return formatNumberSection(n, sections[2]);
}

/** The text Sheets shows for a cell value under a number format. */
export function displayValue(value: unknown, fmt: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (fmt && !isDateFormat(fmt)) {
      const sections = splitSections(fmt);
      if (sections.length === 4) return sections[3].replace(/@/g, value).replace(/"/g, '');
    }
    return value;
  }
  if (typeof value === 'number') {
    if (!fmt || fmt === '@' || /^general$/i.test(fmt)) return formatGeneral(value);
    if (isDateFormat(fmt)) return formatDate(value, fmt);
    return formatNumber(value, fmt);
  }
  return String(value);
}
