// What a step lights is the path its call really took (src/lessons/lit.ts): every step of
// every lesson, run for real, lights the errno box its calls name where its diagram has
// one and no errno box none of them named; a your-turn run whose result differs from the
// lesson's own lights the learner's result, though the lesson's own call runs after it
// (explainOwnRun); a lit edge named for a call (shmat, msgsnd,
// IPC_RMID, fork, exec) is one the step's trace shows it making.
import { afterEach, describe, expect, it } from 'vitest';
import { callsByStep, flowChoice } from '../../src/app/components/flow-view.js';
import { diagramIds, diagramModel } from '../../src/flow/diagrams.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import { defaultTyped, parseTurn, type TurnValues } from '../../src/lessons/turn/fields.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { getpid } from '../../src/native/index.js';
import type { CallRecord } from '../../src/native/types.js';
import { segmentsCreatedBy } from '../lessons/helpers.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
  expect(segmentsCreatedBy(getpid())).toEqual([]);
});

/** The errno boxes of a diagram: nodes named for an errno (EINVAL). */
const errnoBoxes = (diagram: string) => [...diagramIds(diagram)].filter((id) => /^E[A-Z0-9]+$/.test(id));

/** The calls an edge's English label may name: lit, the step must have made the call. */
const CALL_WORD = /\b(?:shmget|shmat|shmdt|shmctl|msgget|msgsnd|msgrcv|msgctl|semget|semop|semctl|ftok|fork|exec|IPC_RMID|IPC_STAT|IPC_SET|SHM_RDONLY)\b/g;

/** The lit edges of `diagram` among `active` whose English label names a call, with the calls named. */
function callEdges(diagram: string, active: readonly string[]): { edge: string; calls: string[] }[] {
  return diagramModel(diagram, 'en').edges.flatMap((e) => (active.includes(e.id) && e.label?.match(CALL_WORD) ? [{ edge: e.id, calls: e.label.match(CALL_WORD)! }] : []));
}

/** An event line that is a call's result in C syntax, failed: 'shmat(7, NULL, 0) = (void *) -1 EACCES'. */
const CHILD_CALL = /^\w+\(.*\) = .* (E[A-Z0-9]+)\b/;

/** Runs lesson `id` for real, step `turn` with `typed` in its form; after each step, what the flow lights and the errnos the step's calls gave. */
async function litSteps(id: string, turn?: { step: number; typed: Record<string, string> }): Promise<{ step: string; diagram: string; active: string[]; errnos: string[]; traced: string; calls: readonly CallRecord[] }[]> {
  const lesson = lessonById(id)!;
  const run = startLesson(lesson);
  runs.push(run);
  let values: TurnValues | undefined;
  if (turn) {
    const form = lesson.steps[turn.step].turn!;
    const parsed = parseTurn(form, { ...defaultTyped(form), ...turn.typed });
    if (!parsed.ok) throw new Error(parsed.error.en);
    values = parsed.values;
  }
  const seen = [];
  for (let i = 0; i < lesson.steps.length; i++) {
    await run.runNext(i === turn?.step ? values : undefined);
    const callsOf = callsByStep(run.trace, run.stepStarts);
    const choice = flowChoice(lesson, i, i + 1, callsOf);
    // a throw-away child's calls (shmctl's permission tries) reach the trace as events in C syntax
    const childCalls = run.trace.slice(run.stepStarts[i]).flatMap((e) => (e.type === 'event' ? [CHILD_CALL.exec(e.text.en)?.[1]] : [])).filter((e) => e !== undefined);
    const traced = run.trace.slice(run.stepStarts[i], run.stepStarts[i + 1]).map((e) => (e.type === 'call' ? e.c : e.type === 'event' ? e.text.en : e.type === 'output' ? `${e.command}\n${e.text}` : '')).join('\n');
    seen.push({ step: lesson.steps[i].id, diagram: choice.diagram!, active: choice.active, errnos: [...callsOf(i).flatMap((c) => (c.errno ? [c.errno] : [])), ...childCalls], traced, calls: callsOf(i) });
  }
  await run.close();
  return seen;
}

describe('the lit path is the one the calls took', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: each step lights the errno box its calls name, and no other, and only edges of calls it made`, async () => {
      for (const { step, diagram, active, errnos, traced } of await litSteps(lesson.id)) {
        const boxes = errnoBoxes(diagram);
        const where = `${lesson.id} step '${step}'`;
        for (const { edge, calls } of callEdges(diagram, active)) for (const call of calls) expect(traced, `${where} lights ${edge} (${call})`).toContain(call);
        for (const errno of errnos) if (boxes.includes(errno)) expect(active, `${where} gave ${errno}`).toContain(errno);
        for (const box of boxes) if (active.includes(box)) expect(errnos, `${where} lights ${box}`).toContain(box);
      }
    }, 120_000);
  }

  it("shmget's turn: size 100 with 0640 succeeds and lights the new segment, not EINVAL", async () => {
    const index = lessonById('shmget')!.steps.findIndex((s) => s.id === 'size-zero');
    const step = (await litSteps('shmget', { step: index, typed: { size: '100', flags: '0640' } }))[index];
    // the learner's call, then the lesson's own size 0 (EINVAL), which the flow does not light
    const [yours, own] = step.calls.filter((c) => c.call === 'shmget');
    expect(yours.errno).toBeNull();
    expect(yours.c).toMatch(/^shmget\(IPC_PRIVATE, 100, 0640\)/);
    expect(own.errno).toBe('EINVAL');
    expect(step.active).toEqual(expect.arrayContaining(['size->reserve', 'reserve->seg', 'seg']));
    expect(step.active).not.toContain('EINVAL');
    expect(step.active).not.toContain('size->EINVAL');
  });

  it("shmat's turn: the lesson's segment read-only maps it, and the failed -1 is not lit", async () => {
    const index = lessonById('shmat')!.steps.findIndex((s) => s.id === 'bad-id');
    const step = (await litSteps('shmat', { step: index, typed: { shmid: 'segment', flags: 'SHM_RDONLY' } }))[index];
    // the learner's read-only mapping, then the lesson's own shmat(-1) (EINVAL), which the flow does not light
    const [yours, own] = step.calls.filter((c) => c.call === 'shmat');
    expect(yours.errno).toBeNull();
    expect(yours.c).toContain('SHM_RDONLY');
    expect(own.c).toMatch(/^shmat\(-1,/);
    expect(own.errno).toBe('EINVAL');
    expect(step.active).toContain('shm');
    expect(step.active).not.toContain('fail');
    expect(step.active).not.toContain('bad');
  });

  it("ftok's turn: a deleted file lights the path only, no key", async () => {
    const index = lessonById('ftok')!.steps.findIndex((s) => s.turn);
    const step = (await litSteps('ftok', { step: index, typed: { file: 'delete' } }))[index];
    expect(step.errnos).toContain('ENOENT');
    expect(step.active).toEqual(['path']);
  });
});
