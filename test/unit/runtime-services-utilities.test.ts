import { describe, expect, it } from 'vitest';
import { createUtilities } from '../../src/local/runtime/services/utilities';
import { makeCtx } from './runtime-services-helpers';

describe('Utilities', () => {
  const { ctx, clock } = makeCtx();
  const U = createUtilities(ctx, { uuid: () => 'fixed-uuid' });
  // 2026-07-01 15:04:05.007 UTC: summer, so Los Angeles is on daylight time
  const d = new Date(Date.UTC(2026, 6, 1, 15, 4, 5, 7));

  it('formatDate in Asia/Shanghai and America/Los_Angeles', () => {
    expect(U.formatDate(d, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-07-01 23:04:05');
    expect(U.formatDate(d, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-07-01 08:04:05');
    expect(U.formatDate(d, 'America/Los_Angeles', 'EEE, MMM d, yyyy h:mm a z')).toBe('Wed, Jul 1, 2026 8:04 AM PDT');
    expect(U.formatDate(new Date(Date.UTC(2026, 0, 1, 7, 30)), 'America/Los_Angeles', 'EEEE dd/MM/yy HH:mm z Z')).toBe('Wednesday 31/12/25 23:30 PST -0800');
    expect(U.formatDate(d, 'Asia/Shanghai', "yyyy'年'M'月'd'日' EEE z XXX SSS")).toBe('2026年7月1日 Wed CST +08:00 007');
    expect(U.formatDate(d, 'Etc/UTC', "'It''s' hh 'o''clock'")).toBe("It's 03 o'clock");
  });

  it('parseCsv handles quotes, embedded newlines and Chinese text', () => {
    const csv = 'Name,Note,City\r\n"Wang, Fang","He said ""hi""\nthen left",上海\n李雷,,"北京"\n';
    expect(U.parseCsv(csv)).toEqual([
      ['Name', 'Note', 'City'],
      ['Wang, Fang', 'He said "hi"\nthen left', '上海'],
      ['李雷', '', '北京'],
    ]);
    expect(U.parseCsv('a;b\n1;2', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => U.parseCsv('"open')).toThrow('Could not parse text.');
  });

  it('digests, base64 and signatures are Java signed bytes', () => {
    const md5 = U.computeDigest(U.DigestAlgorithm.MD5 as unknown as GoogleAppsScript.Utilities.DigestAlgorithm, 'abc');
    expect(Buffer.from(md5.map((b) => b & 0xff)).toString('hex')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5.some((b) => b < 0)).toBe(true);
    const sha = U.computeDigest(U.DigestAlgorithm.SHA_256 as unknown as GoogleAppsScript.Utilities.DigestAlgorithm, 'abc');
    expect(Buffer.from(sha.map((b) => b & 0xff)).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(U.base64Encode('你好')).toBe('5L2g5aW9');
    expect(U.newBlob(U.base64Decode('5L2g5aW9')).getDataAsString()).toBe('你好');
    expect(U.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
  });

  it('sleep advances the simulated clock; formatString and getUuid', () => {
    const t0 = clock.nowMs();
    U.sleep(1500);
    expect(clock.nowMs() - t0).toBe(1500);
    expect(() => U.sleep(300001)).toThrow();
    expect(U.formatString('%s has %d deals worth %.2f (%05d%%)', 'Ana', 3, 1234.5, 42)).toBe('Ana has 3 deals worth 1234.50 (00042%)');
    expect(U.getUuid()).toBe('fixed-uuid');
  });
});
