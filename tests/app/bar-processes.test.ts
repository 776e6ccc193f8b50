// The tab bar's processes keep one shape through a lesson (fix21f#3): parent-child's and
// serv-clnt's went from "server 7977, client 7978" to "server 7977 (ended), 1 ended" as
// processes ended. The lessons run for real; after every step the bar at 80 and 120
// columns, en and zh: the same words but for the figures, the first entry the lesson's own
// process by its role (whose the list is).
import { afterEach, describe, expect, it } from 'vitest';
import { tabBarLine } from '../../src/app/components/TabBar.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun, ProcessInfo } from '../../src/lessons/types.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

describe('tab bar: one shape through a two-process lesson', () => {
  for (const id of ['parent-child', 'serv-clnt']) {
    it(`${id}: every step, 80 and 120 columns, en and zh`, async () => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      const run = startLesson(lesson);
      runs.push(run);
      const lists: (readonly ProcessInfo[])[] = [];
      while (run.done < lesson.steps.length) {
        await run.runNext();
        if (run.processes.length > 0) lists.push(run.processes);
      }
      // processes ended on the way, and some were added
      expect(lists.at(-1)!.some((p) => !p.alive)).toBe(true);
      expect(lists.at(-1)!.length).toBeGreaterThan(lists[0]!.length);
      for (const lang of ['en', 'zh'] as const) {
        const s = strings(lang);
        for (const width of [80, 120]) {
          const rights = lists.map((processes) => lineText(tabBarLine({ tab: 'kernel', processes, lang, ascii: false, width })).split('⇥')[1]!.trim());
          // the count and how many of them run, with or without where they are listed
          const count = new RegExp(`( ${[s.morePids(0, 0, s.kernel), s.morePids(0, 0, null)].map((t) => t.replace(/[+()“”]/g, '\\$&').replace(/0/g, '\\d+')).join('| ')})$`);
          const shapes = new Set(rights.map((r) => r.replace(count, '').replace(/\d+/g, 'N')));
          expect([...shapes], `${lang} ${width}:\n${rights.join('\n')}`).toHaveLength(1);
          // the first entry says whose: the lesson's own process by its role, never "(ended)"
          const own = lists[0]![0]!;
          for (const r of rights) {
            expect(r, `${lang} ${width}`).toContain(own.role[lang]);
            expect(r, `${lang} ${width}`).toContain(String(own.pid));
            expect(r, `${lang} ${width}`).not.toContain(s.ended.trim());
          }
        }
      }
    }, 120_000);
  }
});
