/**
 * "What went wrong before" (issue 17; seed 001 step 8, seed 004 step 6): for the category of
 * the complaint being logged, what the team learnt from closed complaints of that category —
 * the causes that came up most often (each with its latest lessons), and the latest lessons
 * overall. The sidebar's counterpart of the playbook's "what has worked". One pass over the
 * log; memory bounded by the distinct causes of one category.
 */
import type { ComplaintFacts } from './rules';

export interface Lesson {
  complaintId: string;
  /** ms */
  closedAt: number;
  rootCause: string;
  text: string;
}

export interface CauseSummary {
  /** Root-cause key (or `custom:…`, or '' when none was recorded). */
  rootCause: string;
  /** Closed complaints of the category with this cause. */
  count: number;
  lastClosedAt: number;
  /** Its lessons, most recent first (at most `perCause`). */
  lessons: Lesson[];
}

export interface WhatWentWrong {
  /** Most frequent cause first; equal counts: the more recent first. */
  causes: CauseSummary[];
  /** The latest lessons of the category, most recent first (at most `recent`). */
  recent: Lesson[];
}

export const LESSON_LIMITS = { causes: 5, perCause: 2, recent: 5 } as const;

function newestFirst(a: Lesson, b: Lesson): number {
  return b.closedAt - a.closedAt || (a.complaintId < b.complaintId ? 1 : a.complaintId > b.complaintId ? -1 : 0);
}

/** Keeps the `n` most recent lessons in a small sorted array. */
function keep(list: Lesson[], l: Lesson, n: number): void {
  list.push(l);
  list.sort(newestFirst);
  if (list.length > n) list.length = n;
}

export function whatWentWrong(
  complaints: Iterable<ComplaintFacts>,
  category: string,
  limits: { causes: number; perCause: number; recent: number } = LESSON_LIMITS,
): WhatWentWrong {
  const groups = new Map<string, CauseSummary>();
  const recent: Lesson[] = [];
  if (!category) return { causes: [], recent };
  for (const c of complaints) {
    if (c.category !== category || c.closedAt === null) continue;
    const text = c.lesson.trim();
    if (!text && !c.rootCause) continue;
    let g = groups.get(c.rootCause);
    if (!g) {
      g = { rootCause: c.rootCause, count: 0, lastClosedAt: c.closedAt, lessons: [] };
      groups.set(c.rootCause, g);
    }
    g.count++;
    g.lastClosedAt = Math.max(g.lastClosedAt, c.closedAt);
    if (text) {
      const l: Lesson = { complaintId: c.complaintId, closedAt: c.closedAt, rootCause: c.rootCause, text };
      keep(g.lessons, l, limits.perCause);
      keep(recent, l, limits.recent);
    }
  }
  const causes = [...groups.values()].sort((a, b) => b.count - a.count || b.lastClosedAt - a.lastClosedAt || (a.rootCause < b.rootCause ? -1 : 1));
  return { causes: causes.slice(0, limits.causes), recent };
}
