import { describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { CODE_ALPHABET, parseReferenceCode, referenceCodeFromBytes, uuidRandomBytes, isValidReferenceCode } from '../../src/core/survey';

const fresh = () => referenceCodeFromBytes(uuidRandomBytes([randomUUID(), randomUUID()]));
const symbols = (code: string) => code.replace(/-/g, '').split('');
const grouped = (s: string[]) => `${s.slice(0, 4).join('')}-${s.slice(4, 8).join('')}-${s.slice(8).join('')}`;

describe('reference codes', () => {
  it('are twelve readable symbols in three groups, without 0, O, 1, I or L', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    for (let i = 0; i < 200; i++) {
      const c = fresh();
      expect(c).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(parseReferenceCode(c)).toEqual({ ok: true, code: c });
    }
  });

  it('read back whatever the case, spacing and dashes', () => {
    const c = fresh();
    const plain = c.replace(/-/g, '');
    expect(parseReferenceCode(plain.toLowerCase())).toEqual({ ok: true, code: c });
    expect(parseReferenceCode(` ${plain.slice(0, 6)} ${plain.slice(6)} `)).toEqual({ ok: true, code: c });
    expect(parseReferenceCode(c.replace(/-/g, '–'))).toEqual({ ok: true, code: c });
  });

  it('reject every single changed symbol, at every position', () => {
    for (let n = 0; n < 20; n++) {
      const s = symbols(fresh());
      for (let i = 0; i < s.length; i++) {
        for (const other of CODE_ALPHABET) {
          if (other === s[i]) continue;
          const edited = [...s];
          edited[i] = other;
          expect(parseReferenceCode(grouped(edited)), `${grouped(edited)} from ${grouped(s)}`).toEqual({ ok: false, problem: 'check' });
        }
      }
    }
  });

  it('reject every swap of two different symbols, next to each other or not', () => {
    for (let n = 0; n < 50; n++) {
      const s = symbols(fresh());
      for (let i = 0; i < s.length; i++) {
        for (let j = i + 1; j < s.length; j++) {
          if (s[i] === s[j]) continue;
          const edited = [...s];
          [edited[i], edited[j]] = [edited[j], edited[i]];
          expect(isValidReferenceCode(grouped(edited)), `${grouped(edited)} from ${grouped(s)}`).toBe(false);
        }
      }
    }
  });

  it('tell blank, malformed and edited apart', () => {
    const c = fresh();
    expect(parseReferenceCode('')).toEqual({ ok: false, problem: 'blank' });
    expect(parseReferenceCode(null)).toEqual({ ok: false, problem: 'blank' });
    expect(parseReferenceCode(' - ')).toEqual({ ok: false, problem: 'blank' });
    expect(parseReferenceCode(c.slice(0, -1))).toEqual({ ok: false, problem: 'malformed' });
    expect(parseReferenceCode(`${c}2`)).toEqual({ ok: false, problem: 'malformed' });
    for (const bad of ['0', 'O', '1', 'I', 'L', '?']) expect(parseReferenceCode(bad + c.slice(1)), bad).toEqual({ ok: false, problem: 'malformed' });
    expect(parseReferenceCode('=HYPERLINK("x")')).toEqual({ ok: false, problem: 'malformed' });
  });

  it('are drawn without bias: bytes 248–255 are skipped, signed bytes are read as unsigned', () => {
    const base = Array.from({ length: 11 }, (_, i) => i * 20);
    const code = referenceCodeFromBytes(base);
    expect(referenceCodeFromBytes([255, 248, ...base])).toBe(code);
    expect(referenceCodeFromBytes(base.map((b) => (b > 127 ? b - 256 : b)))).toBe(code);
    expect(code.replace(/-/g, '').slice(0, 11)).toBe(base.map((b) => CODE_ALPHABET[b % 31]).join(''));
    expect(() => referenceCodeFromBytes([1, 2, 3])).toThrow(/random bytes/);
    expect(() => referenceCodeFromBytes([...base.slice(0, 10), 250, 251])).toThrow(/random bytes/);
  });

  it('take only the random bytes of a UUID (not the version and variant bytes)', () => {
    const u = '00112233-4455-4677-8899-aabbccddeeff';
    expect(uuidRandomBytes([u])).toEqual([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x77, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
    expect(() => uuidRandomBytes(['not-a-uuid'])).toThrow(/UUID/);
  });

  it('spread over the whole alphabet and do not repeat', () => {
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const c = referenceCodeFromBytes([...randomBytes(24)]);
      expect(seen.has(c)).toBe(false);
      seen.add(c);
      for (const ch of c.replace(/-/g, '').slice(0, 11)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    // 55,000 random symbols over 31: about 1,774 each; a biased draw would leave some far off.
    expect(counts.size).toBe(31);
    for (const [ch, n] of counts) expect(n, ch).toBeGreaterThan(1500);
  });
});
