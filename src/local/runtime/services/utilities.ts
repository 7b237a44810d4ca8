/**
 * Utilities: dates, digests, base64, CSV, UUIDs and sleep on the simulated clock.
 *
 * - formatDate(date, timeZone, format) uses Java SimpleDateFormat patterns
 *   (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 *   links to the SimpleDateFormat spec). Supported letters: G y Y M L d D E u a H k K h m s S z Z X
 *   and quoted text ('…', '' for a quote). Zone names: Java prints short names such as "CST"
 *   (China), "PST"/"PDT"; we take them from a small table and Intl, falling back to "GMT+08:00".
 * - Byte arrays are Java's signed bytes (-128…127), as Apps Script returns them.
 * - parseCsv follows RFC 4180: quoted fields, doubled quotes, embedded delimiters and newlines,
 *   CRLF or LF line ends; a final line end does not add an empty row.
 * - sleep(ms) advances the simulated clock (and the execution budget with it).
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { RuntimeContext } from '../context';
import { COUNTED } from '../context';
import { gasError, makeEnum } from './common';

export const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
export const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
export const MacAlgorithm = makeEnum(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);

const NODE_DIGEST: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

// ---------------------------------------------------------------------------------------------
// Time zones

interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 1 = Monday … 7 = Sunday (ISO)
}

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(timeZone: string): Intl.DateTimeFormat {
  let f = dtfCache.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw gasError(`Invalid argument: timeZone`);
    }
    dtfCache.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const p: Record<string, string> = {};
  for (const part of dtf(timeZone).formatToParts(new Date(ms))) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAYS.indexOf(p.weekday!) + 1,
  };
}

/** Offset of the zone from UTC at that instant, in ms (east positive). */
export function tzOffsetMs(ms: number, timeZone: string): number {
  const z = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function zonedToUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let ms = guess - tzOffsetMs(guess, timeZone);
  ms = guess - tzOffsetMs(ms, timeZone);
  return ms;
}

const JAVA_SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Chongqing': ['CST', 'CDT'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'],
  UTC: ['UTC', 'UTC'],
  'Etc/UTC': ['UTC', 'UTC'],
  GMT: ['GMT', 'GMT'],
};

function offsetString(offsetMs: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMs / 60000));
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  if ((style === 'X1' || style === 'X2' || style === 'X3') && abs === 0) return 'Z';
  switch (style) {
    case 'Z':
      return `${sign}${hh}${mm}`;
    case 'X1':
      return `${sign}${hh}`;
    case 'X2':
      return `${sign}${hh}${mm}`;
    case 'X3':
      return `${sign}${hh}:${mm}`;
    default:
      return `GMT${sign}${hh}:${mm}`;
  }
}

function zoneShortName(ms: number, timeZone: string): string {
  const offset = tzOffsetMs(ms, timeZone);
  const known = JAVA_SHORT_NAMES[timeZone];
  if (known) {
    // Daylight time when the offset is above the zone's January/July minimum.
    const y = zonedParts(ms, timeZone).year;
    const std = Math.min(tzOffsetMs(Date.UTC(y, 0, 1), timeZone), tzOffsetMs(Date.UTC(y, 6, 1), timeZone));
    return offset > std ? known[1] : known[0];
  }
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  return offsetString(offset, 'GMT');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function dayOfYear(z: ZonedParts): number {
  return (Date.UTC(z.year, z.month - 1, z.day) - Date.UTC(z.year, 0, 1)) / 86400000 + 1;
}

/** Java SimpleDateFormat in any IANA zone. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw gasError('Invalid argument: date');
  const z = zonedParts(ms, timeZone);
  const millis = ((ms % 1000) + 1000) % 1000;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw gasError(`Invalid argument: format (unterminated quote)`);
      // '' inside a quoted run is a literal quote
      let j = i + 1;
      let lit = '';
      for (;;) {
        const e = pattern.indexOf("'", j);
        if (e < 0) throw gasError('Invalid argument: format (unterminated quote)');
        lit += pattern.slice(j, e);
        if (pattern[e + 1] === "'") {
          lit += "'";
          j = e + 2;
          continue;
        }
        i = e + 1;
        break;
      }
      out += lit;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    const pad = (v: number, w = n) => String(v).padStart(w, '0');
    switch (c) {
      case 'G':
        out += z.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(z.year % 100, 2) : pad(z.year);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[z.month - 1] : n === 3 ? MONTHS[z.month - 1]!.slice(0, 3) : pad(z.month);
        break;
      case 'd':
        out += pad(z.day);
        break;
      case 'D':
        out += pad(dayOfYear(z));
        break;
      case 'E':
        out += n >= 4 ? DAYS[z.weekday - 1] : DAYS[z.weekday - 1]!.slice(0, 3);
        break;
      case 'u':
        out += pad(z.weekday);
        break;
      case 'a':
        out += z.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(z.hour);
        break;
      case 'k':
        out += pad(z.hour === 0 ? 24 : z.hour);
        break;
      case 'K':
        out += pad(z.hour % 12);
        break;
      case 'h':
        out += pad(z.hour % 12 === 0 ? 12 : z.hour % 12);
        break;
      case 'm':
        out += pad(z.minute);
        break;
      case 's':
        out += pad(z.second);
        break;
      case 'S':
        out += pad(millis);
        break;
      case 'z':
        out += n >= 4 ? offsetString(tzOffsetMs(ms, timeZone), 'GMT') : zoneShortName(ms, timeZone);
        break;
      case 'Z':
        out += offsetString(tzOffsetMs(ms, timeZone), 'Z');
        break;
      case 'X':
        out += offsetString(tzOffsetMs(ms, timeZone), n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
      default:
        throw gasError(`Invalid argument: format (Illegal pattern character '${c}')`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bytes

export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export function fromBytesOrString(data: string | number[] | Uint8Array, charset?: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset === Charset.US_ASCII ? 'latin1' : 'utf8');
  return Buffer.from(Array.from(data, (b) => b & 0xff));
}

// ---------------------------------------------------------------------------------------------
// CSV

/** RFC 4180 CSV, as Utilities.parseCsv reads it. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const text = String(csv);
  const rows: string[][] = [];
  if (text === '') return rows;
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw gasError('Could not parse text.');
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// formatString (Java String.format subset: %s %d %i %f %.Nf %x %o %e %% with flags and width)

export function formatString(template: string, ...args: unknown[]): string {
  let k = 0;
  return String(template).replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifxXoeEc%])/g,
    (_m, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[k++];
      let s: string;
      switch (conv) {
        case 'd':
        case 'i':
          s = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          s = Number(arg).toFixed(prec === undefined ? 6 : Number(prec));
          break;
        case 'e':
        case 'E':
          s = Number(arg).toExponential(prec === undefined ? 6 : Number(prec));
          if (conv === 'E') s = s.toUpperCase();
          break;
        case 'x':
        case 'X':
          s = Math.trunc(Number(arg)).toString(16);
          if (conv === 'X') s = s.toUpperCase();
          break;
        case 'o':
          s = Math.trunc(Number(arg)).toString(8);
          break;
        case 'c':
          s = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        default:
          s = String(arg);
          if (prec !== undefined) s = s.slice(0, Number(prec));
      }
      if (flags.includes('+') && /^[0-9]/.test(s) && conv !== 's') s = '+' + s;
      const w = width ? Number(width) : 0;
      if (s.length < w) {
        if (flags.includes('-')) s = s.padEnd(w);
        else if (flags.includes('0') && conv !== 's') {
          const sign = /^[+-]/.test(s) ? s[0] : '';
          s = sign + s.slice(sign.length).padStart(w - sign.length, '0');
        } else s = s.padStart(w);
      }
      return s;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Blob (minimal)

export class Blob
  implements
    Pick<
      GoogleAppsScript.Base.Blob,
      'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'setName' | 'setContentType' | 'setBytes' | 'setDataFromString' | 'copyBlob' | 'getBlob'
    >
{
  readonly [COUNTED] = 'Blob';
  constructor(
    private bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  setBytes(data: number[]): GoogleAppsScript.Base.Blob {
    this.bytes = fromBytesOrString(data);
    return this.self();
  }
  getDataAsString(charset?: string): string {
    return this.bytes.toString(charset && /ascii/i.test(charset) ? 'latin1' : 'utf8');
  }
  setDataFromString(s: string): GoogleAppsScript.Base.Blob {
    this.bytes = Buffer.from(String(s), 'utf8');
    return this.self();
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(t: string | null): GoogleAppsScript.Base.Blob {
    this.contentType = t;
    return this.self();
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): GoogleAppsScript.Base.Blob {
    this.name = String(name);
    return this.self();
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    return new Blob(Buffer.from(this.bytes), this.contentType, this.name) as unknown as GoogleAppsScript.Base.Blob;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.self();
  }
  private self(): GoogleAppsScript.Base.Blob {
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
}

// ---------------------------------------------------------------------------------------------
// The service

export interface UtilitiesOptions {
  /** Deterministic UUIDs for tests; default crypto.randomUUID. */
  uuid?: () => string;
}

export type UtilitiesApi = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'formatDate'
  | 'getUuid'
  | 'sleep'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'newBlob'
  | 'parseCsv'
  | 'formatString'
> & {
  DigestAlgorithm: typeof DigestAlgorithm;
  Charset: typeof Charset;
  MacAlgorithm: typeof MacAlgorithm;
};

/** Utilities.sleep accepts at most 5 minutes. */
export const MAX_SLEEP_MS = 300000;

export function createUtilities(ctx: RuntimeContext, options: UtilitiesOptions = {}): UtilitiesApi {
  const api = {
    DigestAlgorithm,
    Charset,
    MacAlgorithm,
    formatDate: (date: GoogleAppsScript.Base.Date, timeZone: string, format: string) =>
      formatJavaDate(date as unknown as Date, String(timeZone), String(format)),
    getUuid: () => (options.uuid ?? randomUUID)(),
    sleep: (milliseconds: number) => {
      const ms = Number(milliseconds);
      if (!(ms >= 0) || ms > MAX_SLEEP_MS) throw gasError('Invalid argument: milliseconds');
      ctx.clock.advance(ms);
    },
    base64Encode: (data: string | number[], charset?: GoogleAppsScript.Utilities.Charset) =>
      fromBytesOrString(data, charset as unknown as string).toString('base64'),
    base64EncodeWebSafe: (data: string | number[], charset?: GoogleAppsScript.Utilities.Charset) =>
      fromBytesOrString(data, charset as unknown as string)
        .toString('base64')
        .replace(/\+/g, '-')
        .replace(/\//g, '_'),
    base64Decode: (encoded: string) => toSignedBytes(Buffer.from(String(encoded), 'base64')),
    base64DecodeWebSafe: (encoded: string) => toSignedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64')),
    computeDigest: (algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: string | number[], charset?: GoogleAppsScript.Utilities.Charset) => {
      const alg = NODE_DIGEST[String(algorithm)];
      if (!alg) throw gasError('Invalid argument: algorithm');
      return toSignedBytes(
        createHash(alg)
          .update(fromBytesOrString(value, charset as unknown as string))
          .digest(),
      );
    },
    computeHmacSha256Signature: (value: string | number[], key: string | number[], charset?: GoogleAppsScript.Utilities.Charset) =>
      toSignedBytes(
        createHmac('sha256', fromBytesOrString(key, charset as unknown as string))
          .update(fromBytesOrString(value, charset as unknown as string))
          .digest(),
      ),
    newBlob: (data?: string | number[] | Uint8Array, contentType?: string, name?: string) =>
      new Blob(data === undefined ? Buffer.alloc(0) : fromBytesOrString(data), contentType ?? null, name ?? null) as unknown as GoogleAppsScript.Base.Blob,
    parseCsv: (csv: string, delimiter?: string) => parseCsv(csv, delimiter ?? ','),
    formatString: (template: string, ...args: unknown[]) => formatString(template, ...args),
  };
  return api as unknown as UtilitiesApi;
}
