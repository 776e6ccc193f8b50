// Every term a step's "New terms" line names is one its text or notice says, in both
// languages: a term only the trace shows (serv-clnt 5's ENOENT, msg 6's wchan) sent
// newcomers to the glossary for a word the lesson never used with that step (fix16g#4).
// The lessons with peers run for real, against the kernel, so their traces count.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { newTermsUnsaid } from '../../src/lessons/validate.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

describe('New terms said where they are new', () => {
  it('a term the trace alone shows is a problem of its step, named with the word and the language', () => {
    const index = LESSONS.findIndex((l) => l.id === 'msg');
    const note = { type: 'event' as const, pid: 1, text: { en: '/proc/1/wchan: zzz', zh: '/proc/1/wchan：zzz' }, at: 0 };
    const trace = [note];
    const problems = newTermsUnsaid(LESSONS, index, { trace, stepStarts: [0] });
    expect(problems).toContain("lesson 'msg' step 'create': its New terms line names 'wchan' (en), which neither its text nor its notice says");
    expect(problems.some((p) => p.includes("'wchan' (zh)"))).toBe(true);
    // the texts alone name nothing they do not say
    expect(newTermsUnsaid(LESSONS, index)).toEqual([]);
  });

  for (const id of ['parent-child', 'serv-clnt', 'msg', 'sem', 'race']) {
    it(`${id}: every step's New terms, its trace's included, are said by its text or notice`, async () => {
      const index = LESSONS.findIndex((l) => l.id === id);
      const run = startLesson(LESSONS[index]!);
      runs.push(run);
      while (run.done < LESSONS[index]!.steps.length) {
        const outcome = await run.runNext();
        expect(outcome.ok, outcome.problems.join('; ')).toBe(true);
      }
      expect(newTermsUnsaid(LESSONS, index, run)).toEqual([]);
    }, 120_000);
  }
});
