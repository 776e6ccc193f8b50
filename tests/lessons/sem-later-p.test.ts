// sem step 7 asks what a P after the holder's death meets: the grade follows that P, which the
// step makes (issue 16: it was graded on GETVAL, and the P was never run).
import { describe, expect, it } from 'vitest';
import { sem } from '../../src/lessons/sem.js';
import type { CallRecord } from '../../src/native/types.js';
import type { LiveResult } from '../../src/lessons/types.js';

const PID = 100;
const call = (c: string, ret: number, errno: string | null, pid = PID) => ({ type: 'call', call: c.slice(0, c.indexOf('(')), c, ret, errno, pid }) as unknown as CallRecord;

function live(pErrno: string | null): LiveResult<object> {
  const calls = [call('semctl(7, 0, GETVAL)', 0, null), call('kill(200, SIGKILL)', 0, null), call('semctl(7, 0, GETVAL)', 0, null), call('semop(7, &(struct sembuf){0, -1, IPC_NOWAIT}, 1)', pErrno ? -1 : 0, pErrno), call('semctl(7, 0, IPC_RMID)', 0, null)];
  return { calls, entries: calls, segments: [], state: {}, pid: PID };
}

describe('sem no-undo checkpoint', () => {
  const cp = sem.checkpoints!['no-undo']!;
  const answer = cp.answer as (l: LiveResult<object>) => number;
  it('is graded on the P the step made, not on GETVAL', () => {
    // the P is made with IPC_NOWAIT, as the question says: it bounces rather than wait (issue 16)
    expect(cp.choices[answer(live('EAGAIN'))]!.en).toBe('finds semval still 0: cannot take it');
    // semval read 0 but the P went through: the grade follows the P
    expect(cp.choices[answer(live(null))]!.en).toBe('finds semval at 1 again: gets it');
  });
  // the explanation does not repeat the notice above it (at 80x24 the repeat pushed the notice out of view)
  it('its explanation says what the P met; the step notice says what a P without IPC_NOWAIT would do', () => {
    const step = sem.steps.find((s) => s.id === 'no-undo')!;
    const text = (cp.explain as (l: LiveResult<object>) => { en: string })(live('EAGAIN')).en;
    expect(text).toContain('this P failed at once');
    expect((step.notice as { en: string }).en).toContain('a semop P without IPC_NOWAIT would wait until some process does V');
  });
});
