// What a step lights is the path its call really took (src/lessons/lit.ts): every step of
// every lesson, run for real, lights the errno box its calls name where its diagram has
// one and no errno box none of them named, with the lesson's own values and, in every lesson
// with a form, with the learner's: then the learner's result and the lesson's own call after
// it (explainOwnRun) are both lit, the learner's as just run and the lesson's as done; a lit edge named for a call (shmat, msgsnd,
// IPC_RMID, fork, exec) or a signal (SIGUSR1), and a lit box so named, is one the step's
// trace shows it making.
import { afterEach, describe, expect, it } from 'vitest';
import { callsByStep, flowChoice } from '../../src/app/components/flow-view.js';
import { diagramIds, diagramModel } from '../../src/flow/diagrams.js';
import { renderDiagram } from '../../src/flow/index.js';
import { resultWords } from '../../src/flow/result-words.js';
import { startLesson } from '../../src/lessons/engine.js';
import { litPath, unrevealed } from '../../src/lessons/lit.js';
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
const CALL_WORD = /\b(?:shmget|shmat|shmdt|shmctl|msgget|msgsnd|msgrcv|msgctl|semget|semop|semctl|ftok|fork|exec|IPC_RMID|IPC_STAT|IPC_SET|SHM_RDONLY|SIGUSR1|SIGUSR2)\b/g;

/** The lit parts (edges and boxes) of `diagram` among `active` whose English label names a call or a signal, with those named. */
function callEdges(diagram: string, active: readonly string[]): { edge: string; calls: string[] }[] {
  const m = diagramModel(diagram, 'en');
  return [...m.edges, ...m.nodes].flatMap((e) => (active.includes(e.id) && e.label?.match(CALL_WORD) ? [{ edge: e.id, calls: e.label.match(CALL_WORD)! }] : []));
}

/** An event line that is a call's result in C syntax, failed: 'shmat(7, NULL, 0) = (void *) -1 EACCES'. */
const CHILD_CALL = /^\w+\(.*\) = .* (E[A-Z0-9]+)\b/;

/** Runs lesson `id` for real, step `turn` with `typed` in its form; after each step, what the flow lights and the errnos the step's calls gave. */
async function litSteps(id: string, turn?: { step: number; typed: Record<string, string> }): Promise<{ step: string; diagram: string; active: string[]; justRun: string[]; errnos: string[]; traced: string; calls: readonly CallRecord[]; before: string[] }[]> {
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
    const before = flowsBefore(lesson, i, callsByStep(run.trace, run.stepStarts));
    await run.runNext(i === turn?.step ? values : undefined);
    const callsOf = callsByStep(run.trace, run.stepStarts);
    const choice = flowChoice(lesson, i, i + 1, callsOf);
    // a throw-away child's calls (shmctl's permission tries) reach the trace as events in C syntax
    const childCalls = run.trace.slice(run.stepStarts[i]).flatMap((e) => (e.type === 'event' ? [CHILD_CALL.exec(e.text.en)?.[1]] : [])).filter((e) => e !== undefined);
    const traced = run.trace.slice(run.stepStarts[i], run.stepStarts[i + 1]).map((e) => (e.type === 'call' ? e.c : e.type === 'event' ? e.text.en : e.type === 'output' ? `${e.command}\n${e.text}` : '')).join('\n');
    // `active`: what the step's runs lit, both after a your-turn run (the learner's as just run,
    // `justRun`, the lesson's own as done); `done` holds the earlier steps' too
    const ran = litPath(lesson.steps[i], callsOf(i));
    seen.push({ step: lesson.steps[i].id, diagram: choice.diagram!, active: [...choice.active, ...choice.done.filter((id) => ran.includes(id))], justRun: choice.active, errnos: [...callsOf(i).flatMap((c) => (c.errno ? [c.errno] : [])), ...childCalls], traced, calls: callsOf(i), before });
  }
  await run.close();
  return seen;
}

/** The pictures the flow pane may show while step `i` waits to run, the earlier steps run with
 *  `callsOf`: the pane as it is (the last step run lit) and step i's own diagram (the one a
 *  "Space switches the flow to …" announces), each masked as the pane masks it, in both languages. */
function flowsBefore(lesson: NonNullable<ReturnType<typeof lessonById>>, i: number, callsOf: ReturnType<typeof callsByStep>): string[] {
  const shown = flowChoice(lesson, i, i, callsOf);
  const diagram = lesson.steps[i].diagram;
  const own = { diagram, active: [], done: [], masked: unrevealed(lesson, diagram, i, (j) => litPath(lesson.steps[j], callsOf(j))) };
  return (['en', 'zh'] as const).flatMap((lang) => [shown, own].map((c) => renderDiagram(c.diagram!, { width: 78, lang }).text({ active: c.active, done: c.done, masked: c.masked })));
}

/** A step with a question does not have its answer on screen before it runs: a result its
 *  calls get (an errno) that one of its checkpoint's choices names is in no flow the pane may
 *  show before the run, unless an earlier step's calls got it too (then it is known). A step
 *  reveals only the result it got: shmget's size 0 (EINVAL) once showed ENOSPC and ENOMEM,
 *  the choices of 2^62's question, with ENOMEM on its branch. */
function expectNoAnswerBefore(where: string, lesson: NonNullable<ReturnType<typeof lessonById>>, steps: Awaited<ReturnType<typeof litSteps>>): void {
  steps.forEach(({ step, errnos, before }, i) => {
    const cp = lesson.checkpoints?.[step];
    if (!cp) return;
    const asked = new Set(cp.choices.flatMap((c) => resultWords(c.en ?? '')));
    const known = new Set(steps.slice(0, i).flatMap((s) => s.errnos));
    for (const w of errnos) {
      if (!asked.has(w) || known.has(w)) continue;
      for (const picture of before) expect(picture, `${where} step '${step}': its answer ${w} is drawn before it runs`).not.toMatch(new RegExp(`(?<![A-Za-z0-9_])${w}(?![A-Za-z0-9_])`));
    }
  });
}

/** Each step lights the errno box its calls name, and no other, and only edges of calls it made. */
function expectLitAsRun(where: string, steps: Awaited<ReturnType<typeof litSteps>>): void {
  for (const { step, diagram, active, errnos, traced } of steps) {
    const at = `${where} step '${step}'`;
    const boxes = errnoBoxes(diagram);
    for (const { edge, calls } of callEdges(diagram, active)) for (const call of calls) expect(traced, `${at} lights ${edge} (${call})`).toContain(call);
    for (const errno of errnos) if (boxes.includes(errno)) expect(active, `${at} gave ${errno}`).toContain(errno);
    for (const box of boxes) if (active.includes(box)) expect(errnos, `${at} lights ${box}`).toContain(box);
  }
}

/** Values other than the lesson's own for each lesson's form, by lesson id. */
const YOURS: Record<string, Record<string, string>> = {
  shmget: { size: '100', flags: '0640' },
  ftok: { file: 'delete' },
  shmat: { shmid: 'segment', flags: 'SHM_RDONLY' },
  shmdt: { text: 'hi', offset: '18' },
  shmctl: { mode: '0600' },
  msg: { mtype: '7', text: 'hi' },
  sem: { val: '3' },
};

describe('the lit path is the one the calls took', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: each step lights the errno box its calls name, and no other, and only edges and boxes of calls and signals it made`, async () => {
      const steps = await litSteps(lesson.id);
      expectLitAsRun(lesson.id, steps);
      expectNoAnswerBefore(lesson.id, lesson, steps);
    }, 120_000);
  }

  for (const lesson of LESSONS) {
    const step = lesson.steps.findIndex((s) => s.turn);
    if (step < 0) continue;
    it(`${lesson.id}: after a your-turn run too, the lit path is the calls the step made, the lesson's own included`, async () => {
      expect(YOURS[lesson.id], `values for ${lesson.id}'s form`).toBeDefined();
      const yours = await litSteps(lesson.id, { step, typed: YOURS[lesson.id] });
      expectLitAsRun(`${lesson.id} (your values)`, yours);
      expectNoAnswerBefore(`${lesson.id} (your values)`, lesson, yours);
      // the lesson's own call runs after the learner's (but for a turn whose values stay): what it lights without the form stays lit
      if (!lesson.steps[step].turn!.yoursStay) expect(yours[step].active).toEqual(expect.arrayContaining((await litSteps(lesson.id))[step].active));
    }, 120_000);
  }

  it("shmget's turn: size 100 with 0640 lights the new segment, and the lesson's own size 0 its EINVAL", async () => {
    const index = lessonById('shmget')!.steps.findIndex((s) => s.id === 'size-zero');
    const step = (await litSteps('shmget', { step: index, typed: { size: '100', flags: '0640' } }))[index];
    // the learner's call, then the lesson's own size 0 (EINVAL): both ran, both are lit
    const [yours, own] = step.calls.filter((c) => c.call === 'shmget');
    expect(yours.errno).toBeNull();
    expect(yours.c).toMatch(/^shmget\(IPC_PRIVATE, 100, 0640\)/);
    expect(own.errno).toBe('EINVAL');
    expect(step.active).toEqual(expect.arrayContaining(['all->reserve', 'reserve->seg', 'seg', 'size->EINVAL', 'EINVAL']));
    // told apart: the learner's as just run, the lesson's own as done (issue 16, pass 10)
    expect(step.justRun).toEqual(expect.arrayContaining(['all->reserve', 'reserve->seg', 'seg']));
    expect(step.justRun).not.toContain('size->EINVAL');
  });

  it("shmat's turn: the lesson's segment read-only maps it, and the lesson's own -1 fails, both lit", async () => {
    const index = lessonById('shmat')!.steps.findIndex((s) => s.id === 'bad-id');
    const step = (await litSteps('shmat', { step: index, typed: { shmid: 'segment', flags: 'SHM_RDONLY' } }))[index];
    // the learner's read-only mapping, then the lesson's own shmat(-1) (EINVAL): both lit
    const [yours, own] = step.calls.filter((c) => c.call === 'shmat');
    expect(yours.errno).toBeNull();
    expect(yours.c).toContain('SHM_RDONLY');
    expect(own.c).toMatch(/^shmat\(-1,/);
    expect(own.errno).toBe('EINVAL');
    expect(step.active).toEqual(expect.arrayContaining(['shm', 'bad', 'bad->fail', 'fail']));
    expect(step.justRun).toContain('shm');
    expect(step.justRun).not.toContain('fail');
  });

  it("ftok's turn: a deleted file gives no key, the lesson's own calls the key: both lit", async () => {
    const index = lessonById('ftok')!.steps.findIndex((s) => s.turn);
    const step = (await litSteps('ftok', { step: index, typed: { file: 'delete' } }))[index];
    expect(step.errnos).toContain('ENOENT');
    expect(step.active).toEqual(expect.arrayContaining(['path', 'path->st', 'st->ino', 'key']));
  });
});

// what a later step ended (Step.ends) stays drawn as done: tests/flow/done-stays.test.ts
describe('a decision on a lit path is never masked', () => {
  // shmget drew its first diamond "<  ?  >" above its lit "no" (issue 16)
  it('every step of every lesson, just run and in review', () => {
    let lit = 0;
    for (const lesson of LESSONS)
      for (let i = 0; i < lesson.steps.length; i++)
        for (const done of [i + 1, lesson.steps.length]) {
          const c = flowChoice(lesson, i, done);
          const decisions = new Set(diagramModel(c.diagram!).nodes.filter((n) => n.shape === 'diamond').map((n) => n.id));
          for (const id of [...c.active, ...c.done].filter((id) => decisions.has(id))) {
            expect(c.masked, `${lesson.id} step ${i + 1} (done ${done}): '${id}'`).not.toContain(id);
            lit++;
          }
        }
    expect(lit).toBeGreaterThan(0);
  });
});
