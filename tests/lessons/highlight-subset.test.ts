// A step whose calls the trace shows changes the Flow: it lights something the step before
// it on the same diagram did not. One that lights only a part of that step's highlight
// leaves the picture as it was, some parts going from lit to done (issue 16: serv-clnt 4,
// whose shmdt, IPC_RMID and exits the trace showed, lit a part of step 3's exchange, its
// diagram drawing no end). A step listed below says why it may (a list that can only
// shrink). tests/flow/step-edges.test.ts holds the rest of what a step lights.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lesson, Step } from '../../src/lessons/types.js';

/** steps that light only what the step before them on their diagram lit, and why */
const JUSTIFIED: Record<string, string> = {
  'shmget second': 'the same call again: that it takes the same path, a second segment, is the point (the Kernel pane shows the new row)',
  'shmget size-huge': "litBy: it lights the path its call took, one of those step 3's call may take; which one is the run's",
  'ftok same-key': 'the same arguments again: the same path and key is the point',
  'msg taken': "another msgrcv out of the same queue; the empty queue's ENOMSG has no box of its own",
  'sem nowait': 'another P on the same set; its EAGAIN has no box of its own',
  'race atomic': "the round without the semaphore: lighting less than step 3 is its point, the semaphore's part goes dark",
  // still to fix, as tests/flow/step-edges.test.ts STILL_NOTHING_NEW says: a load or store
  // through the mapping is to get an edge of its own
  'shmat write': 'to fix: a write edge of its own',
  'shmat read-twice': 'to fix: a read edge of its own',
};

const lights = (s: Step<unknown>) => [...s.highlight, ...Object.values(s.litBy?.paths ?? {}).flatMap((p) => p ?? [])];

/** The steps whose highlight is a part of the one before them on their diagram, by "lesson step". */
export function litSubsets(lessons: readonly Lesson[] = LESSONS): string[] {
  return lessons.flatMap((lesson) =>
    lesson.steps.flatMap((raw, i) => {
      const step = raw as Step<unknown>;
      const prev = lesson.steps.slice(0, i).filter((s) => s.diagram === step.diagram).at(-1) as Step<unknown> | undefined;
      if (!prev) return [];
      const before = new Set(lights(prev));
      return lights(step).every((id) => before.has(id)) ? [`${lesson.id} ${step.id}`] : [];
    }),
  );
}

describe("a step's highlight", () => {
  it('is not a part of the one before it on its diagram, but where JUSTIFIED says why', () => {
    const found = litSubsets();
    for (const at of found) expect.soft(JUSTIFIED[at] ? '' : `${at} lights only a part of what the step before it lit: light what it does, or say why here`).toBe('');
    for (const at of Object.keys(JUSTIFIED)) expect.soft(found.includes(at), `${at} lights something new now: take it off JUSTIFIED`).toBe(true);
  });

  it('would catch serv-clnt 4 as newcomers saw it', () => {
    const lesson = LESSONS.find((l) => l.id === 'serv-clnt')!;
    const old = ['server', 'server->shm', 'shm', 'shm->client', 'server->client', 'client'];
    const before = { ...lesson, steps: lesson.steps.map((s) => (s.id === 'last' ? { ...s, highlight: old } : s)) };
    expect(litSubsets([before] as never)).toContain('serv-clnt last');
  });
});
