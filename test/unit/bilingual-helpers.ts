/** Checks shared by the survey and complaint content tests: a text exists in both languages, and the Chinese one is Chinese. */
import { expect } from 'vitest';
import type { Localized } from '../../src/core/i18n';
import { instantOfSerial, serialOfIsoDay } from '../../src/core/cadence/time';

const CJK = /[\u4e00-\u9fff]/;

export function expectBilingual(text: Localized, what: string): void {
  expect(text.en.trim().length, `${what}: English is empty`).toBeGreaterThan(0);
  expect(text.zh.trim().length, `${what}: Chinese is empty`).toBeGreaterThan(0);
  expect(CJK.test(text.zh), `${what}: the Chinese text is not Chinese: ${text.zh}`).toBe(true);
  expect(CJK.test(text.en), `${what}: the English text has Chinese in it`).toBe(false);
  if (/[A-Za-z]{3,}/.test(text.en)) expect(text.zh, `${what}: not translated`).not.toBe(text.en);
}

/** The instant of a wall-clock time `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` in a time zone. */
export function at(local: string, timeZone: string): number {
  const [day, time = '00:00'] = local.split(' ');
  const [h, m] = time.split(':').map(Number);
  const serial = serialOfIsoDay(day);
  if (serial === null) throw new Error(`bad day ${day}`);
  return instantOfSerial(serial + (h * 60 + m) / 1440, timeZone);
}
