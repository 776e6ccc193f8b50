// An explanation names calls as the trace writes them, in inline code (`shmdt(0x7f…)`, as
// outcomeOf quotes them): each such call must be one the step made, so the grading never
// explains a result by a call the learner did not see (msg's check once cited type 0 and -3
// for a question about type 1). Both checkpoint tests apply it to every graded run.
import type { CallRecord } from '../../src/native/types.js';

/** The calls `text` quotes in inline code: `name(…)`. */
export function quotedCalls(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((code) => /^\w+\(/.test(code));
}

/** The calls `text` quotes that are none of `calls` (empty when it names only calls the step made). */
export function callsNotMade(text: string, calls: readonly CallRecord[]): string[] {
  const made = new Set(calls.map((c) => c.c));
  return quotedCalls(text).filter((code) => !made.has(code));
}
