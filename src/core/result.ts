/**
 * What a sidebar's save call returns. Field problems come back as a normal result (not a
 * thrown error) because google.script.run's failure handler only carries a message, and the
 * form must show each problem next to its field while keeping what the user typed.
 */
export type FieldErrors = Record<string, string>;

export type SaveResult<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; errors: FieldErrors; message: string };

export function fieldFailure<T>(errors: FieldErrors, message: string): SaveResult<T> {
  return { ok: false, errors, message };
}
