// The Kernel pane's legend has one place, whatever the step: newcomers at race 3-5 (zh
// 120x34) saw the title switch from step to step between "内核  ● 本课的  ▸ 详见下方  * 第 3
// 步改变的" (the legend beside it) and "内核（图例在表格下方）" (the legend under the table),
// the rows jumping with it. And "key" named it in en ("Kernel (key below the table)", a line
// "key: ● this lesson …") while the table's first column is "key", the IPC key: it is the
// legend, "legend"/"图例", never "key". Every step of every lesson, run for real, the pane
// laid out as drawn (kernelHead), at 80x24 and 120x34, en and zh: the legend's place changes
// only with the pane's size; the title and the legend's lead never say "key" (键).
import { afterEach, describe, expect, it } from 'vitest';
import { lessonShmids } from '../../src/app/components/marks.js';
import { kernelLegendLines, kernelLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { kernelHead } from '../../src/app/components/KernelPane.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { Before } from '../../src/app/store/kernel.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { lessonObjects } from '../helpers/lesson-objects.js';

/** The Kernel pane's legend (kernelLegendLines, as the pane draws it) as one text: a width
 *  that holds it on one line. */
const legendText = (k: Parameters<typeof kernelLegendLines>[0]) => kernelLegendLines(k, 1000).map(lineText).join(' ');

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

function pane(width: number, height: number): { outer: number; width: number; rows: number } {
  const l = layoutFor(width, height, 8);
  if (l.mode === 'tabs') return { outer: l.tabs.w, width: textRoom(l.tabs.w), rows: l.tabs.h - 2 };
  if (l.mode === 'wide') return { outer: l.kernel.w, width: textRoom(l.kernel.w), rows: l.kernel.h - 2 };
  throw new Error(`no pane at ${width}x${height}`);
}

describe('Kernel pane: the legend in one place, named "legend"', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: the legend's place changes only with the pane's size`, async () => {
      const run = startLesson(lesson);
      runs.push(run);
      let was = lessonObjects(run.trace);
      // per size and language: where the legend was at each step that had one
      const places = new Map<string, Set<string>>();
      const said: string[] = [];
      while (run.done < lesson.steps.length) {
        const step = run.done;
        await run.runNext();
        const now = lessonObjects(run.trace);
        const before: Before = { step, ...was, focus: run.focus, stat: null, decoded: null };
        for (const lang of ['en', 'zh'] as const) {
          const labels = { shm: new Map<number, string>(), msg: new Map<number, string>(), sem: new Map<number, string>() };
          for (const l of run.labels ?? []) labels[l.kind].set(l.id, l.label[lang]);
          const marks: TableMarks = {
            owners: { lesson: lessonShmids(run.trace), ipclab: new Set() }, lessonQueues: lessonShmids(run.trace, 'msgget'), lessonSets: lessonShmids(run.trace, 'semget'), before, mark: '*', ascii: false, labels,
          };
          const s = strings(lang);
          const k: KernelInput = { ...now, focus: run.focus, stat: null, dump: null, decoded: null, processes: run.processes, marks, lang, s };
          if (legendText(k) === '') continue;
          for (const [w, h] of [[80, 24], [120, 34]] as const) {
            const { outer, width, rows } = pane(w, h);
            const { head, legendBelow } = kernelHead(k, outer, rows, s.kernelWide, s, s, false);
            const texts = kernelLines(k, width, rows, legendBelow).map(lineText);
            const where = `${lesson.id} step ${step + 1} ${lang} ${w}x${h}\n${head}\n${texts.join('\n')}`;
            // the title is a title: no legend in it, no word of where the legend went
            const inTitle = head !== s.kernelWide && head !== s.kernel;
            const place = inTitle ? 'title' : legendBelow.length > 0 ? 'below' : 'nowhere';
            expect(place, where).not.toBe('nowhere');
            const key = `${w}x${h} ${lang}`;
            places.set(key, (places.get(key) ?? new Set()).add(place));
            expect(places.get(key)!.size, `the legend moved between steps at ${key}: ${[...places.get(key)!].join(', ')}\n${where}`).toBe(1);
            // "legend"/"图例", never "key"/"键" (the IPC key's column): in the title or as the lead
            expect(head, where).not.toMatch(lang === 'en' ? /\bkey\b/i : /键/);
            if (legendBelow.length > 0) {
              const lead = lineText(legendBelow[0]!);
              expect(lead, where).toMatch(lang === 'en' ? /^legend: / : /^图例：/);
              said.push(lead);
            }
          }
        }
        was = now;
      }
      expect(places.size, lesson.id).toBeGreaterThan(0);
    }, 120_000);
  }
});
