// An explanation names calls as the trace writes them, in inline code (`shmdt(0x7f…)`, as
// outcomeOf quotes them): each such call must be one the step made, so the grading never
// explains a result by a call the learner did not see (msg's check once cited type 0 and -3
// for a question about type 1). Where the question names a command (IPC_SET, IPC_RMID), a
// quoted call with a command is one of those: the step's other calls (the IPC_STAT that
// checks an IPC_SET) are not the answer. Both checkpoint tests apply it to every graded run.
import type { CallRecord } from '../../src/native/types.js';

const COMMAND = /\b(IPC_STAT|IPC_SET|IPC_RMID|IPC_INFO|SHM_LOCK|SHM_UNLOCK|GETVAL|SETVAL|GETNCNT|GETZCNT|GETALL|SETALL)\b/g;
const commands = (text: string) => [...text.matchAll(COMMAND)].map((m) => m[1]);

/** The calls `text` quotes in inline code: `name(…)`. */
export function quotedCalls(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((code) => /^\w+\(/.test(code));
}

/** What is wrong with the calls `explanation` quotes: calls none of `calls`, and calls of
 *  a command `question` does not ask about; empty when it names the right calls. */
export function wrongCalls(explanation: string, question: string, calls: readonly CallRecord[]): string[] {
  const made = new Set(calls.map((c) => c.c));
  const asked = commands(question);
  return quotedCalls(explanation).flatMap((code) => [
    ...(made.has(code) ? [] : [`${code}: not a call of the step`]),
    ...(asked.length && commands(code).some((c) => !asked.includes(c)) ? [`${code}: the question asks about ${asked.join(', ')}`] : []),
  ]);
}
