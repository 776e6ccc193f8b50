import { appendFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { paneNewTerms } from '../../src/app/components/lesson-view.js';
import { startLesson } from '../../src/lessons/engine.js';
import type { LessonAt } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { LANGS } from '../../src/lang.js';

const runs: LessonRun[] = [];
afterAll(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

const course = { en: new Map<string, string>(), zh: new Map<string, string>() };
describe('probe', () => {
  LESSONS.forEach((lesson, index) =>
    it(lesson.id, async () => {
      const run = startLesson(lesson);
      runs.push(run);
      while (run.done < lesson.steps.length) expect((await run.runNext()).ok).toBe(true);
      const n = lesson.steps.length;
      for (const lang of LANGS) {
        for (const [how, at] of [['order', index], ['menu', { index, ran: [] }]] as [string, LessonAt][]) {
          const seen = new Map<string, string>();
          for (let k = 0; k <= n; k++) {
            const t = paneNewTerms(LESSONS, lang, at, k, k, run, 'g', true);
            const lists: [string, readonly string[]][] = [];
            if (k < n) lists.push([`${k + 1}`, t.names]);
            if (k > 0) lists.push([`${k} run`, t.justRun ?? []]);
            for (const [where, words] of lists) appendFileSync('/tmp/s35c/all.txt', `${lesson.id} ${lang} ${how} ${where}: ${words.join(', ')} | where=${JSON.stringify(t.where)}\n`);
            for (const [where, words] of lists) for (const w of words) {
              if (seen.has(w)) appendFileSync('/tmp/s35c/dup.txt', `DUP ${lesson.id} ${lang} ${how}: "${w}" at ${where}, first at ${seen.get(w)}\n`);
              else seen.set(w, where);
              if (how === 'order') { const c = course[lang]; if (c.has(w) && !c.get(w)!.startsWith(lesson.id + ' ')) appendFileSync('/tmp/s35c/dup.txt', `COURSE ${lesson.id} ${lang}: "${w}" at ${where}, first at ${c.get(w)}\n`); else if (!c.has(w)) c.set(w, `${lesson.id} ${where}`); }
            }
          }
        }
      }
    }, 120000),
  );
});
