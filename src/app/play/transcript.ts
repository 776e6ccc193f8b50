// What the playground's transcript holds: each statement as typed, then what it
// printed, with each of its calls in the place of the line that printed it, so the
// trace's own formatter (pid, C syntax, result, errno) draws it. Pure.
import type { CallRecord } from '../../native/types.js';
import type { OutputLine, PlayOutput } from '../../play/types.js';

export type PlayEntry =
  /** the statement as typed, numbered from 1 */
  | { kind: 'input'; n: number; text: string }
  | { kind: 'call'; call: CallRecord }
  | { kind: 'out'; line: OutputLine };

/** The transcript keeps this many entries, the newest: a 10,000-line paste does not grow it for ever. */
export const TRANSCRIPT_MAX = 4000;

/** Statement `n` and its output: a `result` line is the call it prints (in order); calls
 *  no result line printed follow the rest. */
export function entriesOf(n: number, text: string, output: PlayOutput): PlayEntry[] {
  const calls = [...output.calls];
  const out: PlayEntry[] = [{ kind: 'input', n, text }];
  for (const line of output.lines) {
    // a memory access carries its own pid: it prints no call
    const call = line.kind === 'result' && line.pid === undefined ? calls.shift() : undefined;
    out.push(call ? { kind: 'call', call } : { kind: 'out', line });
  }
  for (const call of calls) out.push({ kind: 'call', call });
  return out;
}

export function appendCapped(entries: readonly PlayEntry[], more: readonly PlayEntry[]): PlayEntry[] {
  const all = [...entries, ...more];
  return all.length > TRANSCRIPT_MAX ? all.slice(all.length - TRANSCRIPT_MAX) : all;
}

/** The segment a call worked on: what shmget returned, the id shmat and shmctl were given. */
export function shmidOf(call: CallRecord): number | null {
  if (call.call === 'shmget') return typeof call.ret === 'number' && call.ret >= 0 ? call.ret : null;
  const id = /^(?:shmat|shmctl)\(\s*(\d+)/.exec(call.c);
  return id ? Number(id[1]) : null;
}
