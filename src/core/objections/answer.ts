/**
 * The 24-hour written-answer rule (seed 002 S3.3): when an objection's written answer is due and
 * whether it is overdue, in TypeScript and, right below, the live formulas of the Objections
 * columns answer_due and answer_overdue (SD_OBJECTION_ANSWER_HOURS in Settings).
 */

/** When the written answer is due (ms): raised + the answer time. */
export function answerDueMs(raisedMs: number, answerHours: number): number {
  return raisedMs + answerHours * 3600_000;
}
export const ANSWER_DUE_FORMULA = 'ARRAYFORMULA(IF({objection_id}="","",IF({raised_at}="","",{raised_at}+SD_OBJECTION_ANSWER_HOURS/24)))';

/** Overdue: no written answer yet and the answer time has passed. */
export function answerOverdue(dueMs: number, answered: boolean, nowMs: number): boolean {
  return !answered && nowMs > dueMs;
}
export const ANSWER_OVERDUE_FORMULA = 'ARRAYFORMULA(IF({objection_id}="","",IF({raised_at}="",FALSE,IF({answered_at}<>"",FALSE,NOW()>{answer_due}))))';
