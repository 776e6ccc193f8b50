// How many words each "New terms" line names, every step of every lesson run for real, en and zh,
// for a learner going through the course in order and for one who opens the lesson from the menu
// (issue 16: from the menu, parent-child's line under step 1's notice named 16, sem 1-2 ten; in
// order, overview 2 named 10-11 and ftok 1 eight: nobody reads 16 terms). The words the lessons
// before teach, for a learner who did not run them, are counted once under the introduction
// (lesson-view Earlier), never on a step's line; the lines over 7 words left are pinned here,
// each with why, so a change that adds one is seen.
import { afterAll, describe, expect, it } from 'vitest';
import { paneNewTerms } from '../../src/app/components/lesson-view.js';
import { startLesson } from '../../src/lessons/engine.js';
import type { LessonAt } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { LANGS } from '../../src/lang.js';

/** The most words a line names that reads as a line, not a list to skip. */
const MOST = 7;

/** The lines over MOST, in order and from the menu alike (`which`: the step's own line, or the
 *  line under the notice of the step's run): none. overview 2's run named ten, every IPC_STAT
 *  field the Kernel pane's record shows; now a record field is new where a text first names it
 *  (pane-words.ts), and overview 2 names six (issue 16).
 * (ftok 1 named eight before its run: st_dev and st_ino moved to its notice, argv out of its intro.)
 * On a machine where other programs hold IPC objects, overview 1's run adds "state folder" (its
 * notice says whose those rows are) and names eight: run on a machine with none. */
// (shmctl 2's IPC_STAT dump from the menu in Chinese named shm_dtime and shm_ctime beside the dtime
// and ctime counted under the introduction, s32f's report: a word of an entry that line counted is
// not new again, lesson-view paneNewTerms, issue 16)
const OVER: string[] = [];

const runs: LessonRun[] = [];
afterAll(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

const over: string[] = [];
const counts: string[] = [];

describe('New terms: how many words a line names', () => {
  LESSONS.forEach((lesson, index) =>
    it(`${lesson.id}: every step's lines, en and zh, in order and from the menu`, async () => {
      const run = startLesson(lesson);
      runs.push(run);
      while (run.done < lesson.steps.length) expect((await run.runNext()).ok).toBe(true);
      const n = lesson.steps.length;
      for (const lang of LANGS) {
        const ordered = Array.from({ length: n + 1 }, (_, k) => paneNewTerms(LESSONS, lang, index, k, k, run, 'g', true));
        for (const [how, at] of [['in order', index], ['from the menu', { index, ran: [] }]] as [string, LessonAt][]) {
          const lines = Array.from({ length: n + 1 }, (_, k) => paneNewTerms(LESSONS, lang, at, k, k, run, 'g', true));
          const earlier = lines[0]!.earlier!;
          const row: string[] = [];
          lines.forEach((t, k) => {
            // step k+1's own line (before its run) and, under step k's notice, what its run showed
            const lists: [string, number, readonly string[], readonly string[]][] = [];
            if (k < n) lists.push(['own', k + 1, t.names, ordered[k]!.names]);
            if (k > 0) lists.push(['run', k, t.justRun ?? [], ordered[k]!.justRun ?? []]);
            for (const [which, step, words, inOrder] of lists) {
              row.push(`${step}${which === 'run' ? ' run' : ''}: ${words.length}`);
              if (words.length > MOST) over.push(`${lesson.id} step ${step} ${which} ${lang} ${how}`);
              // what earlier lessons teach is counted under the introduction, not named again
              for (const w of words) expect(earlier.words, `${lesson.id} step ${step} ${which} ${lang} ${how}: '${w}' is both`).not.toContain(w);
              // from the menu a line names what the course's does, and besides only words another
              // pane alone shows (a call's flag in the Trace that no text of this lesson says)
              for (const w of words.filter((x) => !inOrder.includes(x))) expect(t.where?.[w], `${lesson.id} step ${step} ${which} ${lang} ${how}: '${w}' only from the menu`).toBeDefined();
            }
          });
          counts.push(`${lesson.id} ${lang} ${how}${earlier.words.length ? ` (${new Set(earlier.ids).size} earlier)` : ''}: ${row.join(', ')}`);
          // the course in order, or a learner who ran every lesson before: no earlier words
          if (typeof at === 'number') expect(earlier.words).toEqual([]);
          else if (index > 0) expect(earlier.words.length, `${lesson.id} ${lang}: nothing counted from the lessons before`).toBeGreaterThan(0);
        }
        const ranAll = paneNewTerms(LESSONS, lang, { index, ran: LESSONS.slice(0, index).map((l) => l.id) }, 0, 0, run, 'g', true);
        expect(ranAll.earlier?.words ?? []).toEqual([]);
      }
    }, 120_000),
  );

  it('the lines over 7 words are the pinned ones', () => {
    // the measure, every step: "3 run: 10" is the line under step 3's notice
    console.log(counts.join('\n'));
    expect(over).toEqual(OVER);
  });
});
