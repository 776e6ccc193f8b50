// Every term a step's "New terms" line names is one its text, notice, Trace or Kernel pane
// shows, in both languages: a term from nowhere on screen sends newcomers to the glossary for a
// word the step never used (fix16g#4); a word the Trace shows is listed there, with its pane.
// The lessons with peers run for real, against the kernel, so their traces count.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { traceTerms } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { newTermsUnsaid } from '../../src/lessons/validate.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

describe('New terms said where they are new', () => {
  it('a term the trace alone shows is listed with the Trace, no problem now that every word on screen is listed where first seen (issue 16 item 5; fix16g#4 before the line named the Trace)', () => {
    const index = LESSONS.findIndex((l) => l.id === 'msg');
    const note = { type: 'event' as const, pid: 1, text: { en: '/proc/1/wchan: zzz', zh: '/proc/1/wchan：zzz' }, at: 0 };
    const trace = [note];
    expect(traceTerms(LESSONS, 'en', index, 0, { trace, stepStarts: [0] }).words).toContain('wchan');
    expect(newTermsUnsaid(LESSONS, index, { trace, stepStarts: [0] })).toEqual([]);
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
