// After a your-turn run a step has two runs: the learner's, then the lesson's own values
// (explainOwnRun). The Flow lights the learner's as just run and the lesson's as done, two
// paths told apart (issue 16, pass 10: shmget 3 with size 1 lit size 1's path and size 0's
// both as "just run", and the two read as one).
import { describe, expect, it } from 'vitest';
import { callsByStep, flowChoice } from '../../src/app/components/flow-view.js';
import { lessonById } from '../../src/lessons/index.js';
import type { TraceEntry } from '../../src/lessons/types.js';
import type { CallRecord } from '../../src/native/types.js';

const shmget = lessonById('shmget')!;
const at = shmget.steps.findIndex((s) => s.id === 'size-zero');
const call = (c: string, ret: number, errno: string | null): CallRecord => ({ type: 'call', pid: 1, call: 'shmget', c, ret, errno, message: errno && 'Invalid argument', at: 0 });
const ok = call('shmget(IPC_PRIVATE, 1, IPC_CREAT|0600)', 42, null);
const zero = call('shmget(IPC_PRIVATE, 0, 0600)', -1, 'EINVAL');

/** steps 1..`at` each with one shmget that made a segment, then step `at` as `last` says */
function trace(last: TraceEntry[]): { entries: TraceEntry[]; starts: number[] } {
  const entries: TraceEntry[] = [];
  const starts: number[] = [];
  for (let i = 0; i < at; i++) starts.push(entries.push(call('shmget(IPC_PRIVATE, 4096, 0600)', 7 + i, null)) - 1);
  starts.push(entries.length);
  entries.push(...last);
  return { entries, starts };
}

describe("a your-turn run's two paths", () => {
  it("the learner's lit as just run, the lesson's own as done; without the form the lesson's as just run", () => {
    const own: TraceEntry = { type: 'event', pid: 1, text: { en: "Now the lesson's own values", zh: '再用本课自己的取值' }, at: 0, own: true };
    const mine = trace([ok, own, zero]);
    const c = flowChoice(shmget, at + 1, at + 1, callsByStep(mine.entries, mine.starts));
    expect(c.active).toContain('seg');
    expect(c.active).not.toContain('size->EINVAL');
    expect(c.done).toContain('size->EINVAL');
    expect(c.done).toContain('EINVAL');
    const plain = trace([zero]);
    const p = flowChoice(shmget, at + 1, at + 1, callsByStep(plain.entries, plain.starts));
    expect(p.active).toContain('size->EINVAL');
  });
});
