// The Trace's line for a child's end names waitpid ("… was killed by SIGSEGV (waitpid)":
// src/text/results.ts), a plain word the "New terms" line does not read from a trace. A
// newcomer met it unexplained at shmat 6 (issue 16): the step that first shows such a line,
// in course order, names waitpid on a "New terms" line by then, in both languages.
// The lessons run for real, in order, up to the first that shows one.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { traceLines } from '../../src/lessons/format.js';
import { stepTermWords, traceTerms } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

describe('waitpid, named by the Trace\'s line for a child\'s end', () => {
  it('is on a New terms line at the first step whose trace shows it, or before (shmat 6)', async () => {
    let first: string | null = null;
    for (const [index, lesson] of LESSONS.entries()) {
      const run = startLesson(lesson);
      runs.push(run);
      while (run.done < lesson.steps.length) await run.runNext();
      for (const lang of ['en', 'zh'] as const) {
        const shows = lesson.steps.findIndex((_, i) =>
          run.trace.slice(run.stepStarts[i], run.stepStarts[i + 1] ?? run.trace.length).some((e) => traceLines(e, lang).some((l) => l.includes('waitpid'))),
        );
        if (shows < 0) continue;
        first = `${lesson.id} step ${shows + 1}`;
        const named = lesson.steps.slice(0, shows + 1).flatMap((_, i) => [...stepTermWords(LESSONS, lang, index, i, run), ...traceTerms(LESSONS, lang, index, i, run).words]);
        expect(named, `${first} (${lang})`).toContain('waitpid');
      }
      await run.close();
      if (first) break;
    }
    expect(first).toBe('shmat step 6');
  });
});
