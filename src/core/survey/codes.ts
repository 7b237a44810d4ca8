/**
 * Reference codes for personal survey links (issue 14): what the prefilled form item holds and
 * what the answer is matched back by. A code is
 * - unguessable: eleven symbols drawn from random bytes the server passes in (Apps Script:
 *   Utilities.getUuid(); see uuidRandomBytes) — 31^11 ≈ 2.5·10^16 codes, nothing derived from
 *   the customer ID, so knowing one customer's code tells nothing about another's;
 * - readable: twelve symbols in three groups, `K7QM-3XZT-9PAH`, from an alphabet without the
 *   look-alikes 0/O, 1/I/L (and case does not matter);
 * - self-checking: the twelfth symbol is a check character, so a customer who edits the
 *   prefilled code is told apart from a code that was never sent.
 *
 * The check: with the 31 symbols valued 0…30 and position weights 1…12,
 * Σ weight·value ≡ 0 (mod 31). 31 is prime and every weight and every difference of two weights
 * is non-zero mod 31, so ANY single changed symbol and ANY swap of two different symbols (next to
 * each other or not) breaks the sum; two or more changes slip through 1 time in 31.
 */

/** 8 digits and 23 letters: no 0, 1, I, L or O. 31 symbols, a prime count (see the check). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = CODE_ALPHABET.length; // 31
/** Random symbols in a code; one check symbol follows. */
export const CODE_RANDOM_SYMBOLS = 11;
const GROUP = 4;

/** Largest multiple of 31 below 256: bytes at or above it are skipped so every symbol is equally likely. */
const UNBIASED_LIMIT = Math.floor(256 / BASE) * BASE; // 248

function checkValue(values: readonly number[]): number {
  // Weighted sum of the first 11 symbols; the check c must make sum + 12·c ≡ 0 (mod 31).
  let sum = 0;
  values.forEach((v, i) => (sum += (i + 1) * v));
  const inverse12 = modInverse(CODE_RANDOM_SYMBOLS + 1, BASE);
  return (((BASE - (sum % BASE)) % BASE) * inverse12) % BASE;
}

function modInverse(a: number, m: number): number {
  for (let x = 1; x < m; x++) if ((a * x) % m === 1) return x;
  throw new Error(`${a} has no inverse mod ${m}`);
}

function format(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * A new reference code from random bytes (integers; signed bytes as Apps Script gives them are
 * fine). Bytes ≥ 248 are skipped to keep the symbols uniform, so pass a few more than eleven:
 * two UUIDs' worth (uuidRandomBytes) leaves a failure chance far below 10^-20.
 * Throws when the bytes run out — a caller bug, not bad luck worth handling.
 */
export function referenceCodeFromBytes(bytes: readonly number[]): string {
  const values: number[] = [];
  for (const b of bytes) {
    const u = b & 0xff;
    if (u >= UNBIASED_LIMIT) continue;
    values.push(u % BASE);
    if (values.length === CODE_RANDOM_SYMBOLS) break;
  }
  if (values.length < CODE_RANDOM_SYMBOLS) throw new Error('Not enough random bytes for a reference code');
  values.push(checkValue(values));
  return format(values.map((v) => CODE_ALPHABET[v]).join(''));
}

/**
 * The uniformly random bytes of UUIDs (version 4, as Utilities.getUuid() returns): the bytes
 * holding the version and variant bits are fixed, so they are left out (14 bytes per UUID).
 */
export function uuidRandomBytes(uuids: readonly string[]): number[] {
  const out: number[] = [];
  for (const u of uuids) {
    const hex = u.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error('Not a UUID');
    for (let i = 0; i < 16; i++) {
      if (i === 6 || i === 8) continue; // version nibble, variant bits
      out.push(parseInt(hex.slice(i * 2, i * 2 + 2), 16));
    }
  }
  return out;
}

export type ParsedCode =
  | { ok: true; code: string }
  /** blank: nothing there; malformed: wrong length or a symbol outside the alphabet; check: the check symbol does not match. */
  | { ok: false; problem: 'blank' | 'malformed' | 'check' };

/**
 * Reads a code as it comes back from the form: case, spaces and dashes do not matter; the
 * result is the canonical grouped form, the key to look the send up by.
 */
export function parseReferenceCode(raw: unknown): ParsedCode {
  const s = String(raw ?? '')
    .toUpperCase()
    .replace(/[\s\-‐‑–—_]/g, '');
  if (!s) return { ok: false, problem: 'blank' };
  if (s.length !== CODE_RANDOM_SYMBOLS + 1) return { ok: false, problem: 'malformed' };
  const values: number[] = [];
  for (const ch of s) {
    const v = CODE_ALPHABET.indexOf(ch);
    if (v < 0) return { ok: false, problem: 'malformed' };
    values.push(v);
  }
  if (checkValue(values.slice(0, CODE_RANDOM_SYMBOLS)) !== values[CODE_RANDOM_SYMBOLS]) return { ok: false, problem: 'check' };
  return { ok: true, code: format(s) };
}

export function isValidReferenceCode(raw: unknown): boolean {
  return parseReferenceCode(raw).ok;
}
