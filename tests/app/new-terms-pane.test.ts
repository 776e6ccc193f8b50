// A term the Kernel pane shows is pointed to where it is first on screen: its column
// headings are there from the step whose call made the lesson's object, so a "New terms" line
// at that step or before names them -- not a later step's text (sem 1's pane showed semncnt,
// the line named it at step 3). Not the segment's record under its row (IPC_STAT's fields): a
// dozen at once, overview 2 listed ten (issue 16); a field is new where a text names it
// (pane-words.ts). For a learner going through the lessons in order, and one who opened the
// lesson from the menu and met nothing before.
// The lessons run for real; the pane's lines are drawn from the kernel's tables after each step.
import { afterEach, describe, expect, it } from 'vitest';
import { lessonShmids } from '../../src/app/components/marks.js';
import { paneColumns } from '../../src/lessons/pane-words.js';
import { queueTableLines, segmentTableLines, semaphoreTableLines } from '../../src/app/components/kernel-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { startLesson } from '../../src/lessons/engine.js';
import { entriesUsed, GLOSSARY, stepTermWords, traceTerms, type LessonAt } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { readQueues, readSegments, readSemaphores } from '../../src/native/tables.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

/** The ids of the entries the Kernel pane shows of the lesson's objects now, in `lang`. */
function paneEntries(run: LessonRun, lang: 'en' | 'zh'): Set<string> {
  const s = strings(lang);
  const shm = lessonShmids(run.trace);
  const msg = lessonShmids(run.trace, 'msgget');
  const sem = lessonShmids(run.trace, 'semget');
  const segments = readSegments().filter((x) => shm.has(x.shmid));
  // the columns the lesson's calls brought so far, as KernelPane draws them (pane-words.ts LATER)
  const marks = { owners: { lesson: shm, ipclab: new Set<number>() }, before: null, mark: null, ascii: false, columns: paneColumns(run.trace) };
  const lines = [
    ...(segments.length > 0 ? segmentTableLines(segments, segments[0]!.shmid, s) : []),
    ...queueTableLines(readQueues().filter((q) => msg.has(q.msqid)), s, marks, false),
    ...semaphoreTableLines(readSemaphores().filter((x) => sem.has(x.semid)), s, marks, false),
  ];
  return new Set([...entriesUsed(lines.map(lineText).join('\n'), GLOSSARY).keys()].map((e) => e.id));
}

const entryOf = (word: string) => GLOSSARY.find((e) => e.terms.some((t) => t.toLowerCase() === word.toLowerCase()))?.id;

describe('New terms: what the Kernel pane shows', () => {
  for (const id of ['overview', 'shmget', 'parent-child', 'msg', 'sem']) {
    it(`${id}: every term the pane shows after a step is named at that step or before, never first at a later one`, async () => {
      const index = LESSONS.findIndex((l) => l.id === id);
      const lesson = LESSONS[index]!;
      const run = startLesson(lesson);
      runs.push(run);
      const shown: Record<'en' | 'zh', Set<string>[]> = { en: [], zh: [] };
      while (run.done < lesson.steps.length) {
        await run.runNext();
        for (const lang of ['en', 'zh'] as const) shown[lang].push(paneEntries(run, lang));
      }
      let seen = 0;
      for (const lang of ['en', 'zh'] as const) {
        for (const at of [index, { index, ran: [] }] as LessonAt[]) {
          const who = typeof at === 'number' ? 'in order' : 'from the menu';
          // what each step's lines name: above it (its text) and under its notice (its run)
          const named = lesson.steps.map((_, i) => new Set([...stepTermWords(LESSONS, lang, at, i, run), ...traceTerms(LESSONS, lang, at, i, run).words].map(entryOf)));
          shown[lang].forEach((entries, i) => {
            for (const entry of entries) {
              seen++;
              const first = named.findIndex((n) => n.has(entry));
              const where = `${id} step ${i + 1} (${lang}, ${who}): the pane shows '${entry}'`;
              expect(first, `${where}, named first at step ${first + 1}`).toBeLessThanOrEqual(i);
              // a learner who met nothing before is pointed to it in this lesson
              if (typeof at !== 'number' && !GLOSSARY.find((e) => e.id === entry)?.introduced) expect(first, `${where}, never named`).toBeGreaterThanOrEqual(0);
            }
          });
        }
      }
      expect(seen).toBeGreaterThan(0);
    });
  }
});
