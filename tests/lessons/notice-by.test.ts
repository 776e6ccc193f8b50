// A step's notice that depends on what the run found (Step.noticeBy): race's round without
// a lock says how many updates this run lost, as its measure counted them; a notice that
// cannot read the run is a problem of the step, and a step without one keeps its notice.
import { afterEach, describe, expect, it } from 'vitest';
import { defineLesson } from '../../src/lessons/define.js';
import { startLesson } from '../../src/lessons/engine.js';
import { lessonById } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { getpid } from '../../src/native/index.js';
import { segmentsCreatedBy } from './helpers.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
  expect(segmentsCreatedBy(getpid())).toEqual([]);
});

describe('notices by the run', () => {
  it("race's round without a lock says how many of its updates this run lost, in both languages", async () => {
    const run = startLesson(lessonById('race')!);
    runs.push(run);
    expect((await run.runNext()).notice).toBeUndefined();
    const outcome = await run.runNext();
    expect(outcome.ok, outcome.problems.join('; ')).toBe(true);
    const measure = run.trace.find((e) => e.type === 'measure');
    if (measure?.type !== 'measure') throw new Error('the round measured nothing');
    expect(outcome.notice?.en).toContain(`${measure.value === 0 ? 'none' : measure.value} of`);
    expect(outcome.notice?.en).toContain(String(measure.of));
    expect(outcome.notice?.zh).toContain(String(measure.of));
    if (measure.value > 0) expect(outcome.notice?.zh).toContain(`丢了 ${measure.value} 次`);
  }, 60_000);

  it("parent-child's last notice says the child ended otherwise, where it did, and keeps its own where it exited 0 and both segments are gone", () => {
    const finish = lessonById('parent-child')!.steps.find((s) => s.id === 'finish')!;
    const live = (exit: { code: number | null; signal: string | null }, segments: { shmid: number }[] = []) =>
      ({ calls: [], entries: [], segments, state: { child: { exit }, down: 7, up: 8 }, pid: getpid() }) as unknown as Parameters<NonNullable<typeof finish.noticeBy>>[0];
    expect(finish.noticeBy!(live({ code: 0, signal: null }))).toBeUndefined();
    expect(finish.noticeBy!(live({ code: 1, signal: null }))?.en).toContain('the child exited with code 1.');
    expect(finish.noticeBy!(live({ code: null, signal: 'SIGKILL' }))?.zh).toContain('被 SIGKILL 杀死');
    expect(finish.noticeBy!(live({ code: 0, signal: null }, [{ shmid: 8 }]))?.en).toContain('a segment is still listed');
  });

  it('a notice that cannot read the run is a problem of its step; undefined keeps the notice', async () => {
    const text = { en: 'x', zh: 'x' };
    const lesson = defineLesson<Record<string, never>>({
      id: 'notice-by', title: text, intro: text, outro: text, diagrams: [], summary: '', code: [], state: () => ({}),
      steps: [
        { id: 'kept', title: text, say: text, notice: text, diagram: 'shmctl-life', highlight: [], noticeBy: () => undefined, run: () => [] },
        { id: 'throws', title: text, say: text, notice: text, diagram: 'shmctl-life', highlight: [], noticeBy: () => { throw new Error('no measure'); }, run: () => [] },
      ],
    });
    const run = startLesson(lesson);
    runs.push(run);
    const kept = await run.runNext();
    expect(kept).toMatchObject({ ok: true, notice: undefined });
    const thrown = await run.runNext();
    expect(thrown.ok).toBe(false);
    expect(thrown.problems).toEqual(["the notice of step 'throws' could not read the run: no measure"]);
  });
});
