/** A small seeded random generator (mulberry32): the same seed gives the same demo workbook. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks by weight: [[item, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [it, w] of items) {
      x -= w;
      if (x < 0) return it;
    }
    return items[items.length - 1]![0];
  }
}

const DAY = 86_400_000;

/** A time `days` days from `from` (negative = in the past), at a working hour. */
export function dayOffset(rng: Rng, from: Date, days: number): Date {
  const d = new Date(from.getTime() + days * DAY);
  d.setUTCHours(rng.int(1, 9), rng.pick([0, 15, 30, 45]), 0, 0);
  return d;
}

/** Midnight UTC of a day `days` from `from`: for date-only columns. */
export function dateOnly(from: Date, days: number): Date {
  const d = new Date(from.getTime() + days * DAY);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}
