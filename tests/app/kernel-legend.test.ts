// A legend the Kernel pane's title has no room for sits right under the rows of the pane's
// first table, which it explains: race's segment table (its objects named, a column left
// out) had the note of left-out columns under its rows, and the legend came after it and
// then the sets' table -- mid-pane, apart from the rows. Every step of every lesson, run
// for real, the pane drawn from the kernel after it, at 80x24 and 120x34, en and zh. Under
// the table, dim alone, it read as one more row: "legend:" leads it (never "key:", the IPC key column's name).
// And the pane says one truth: no sentence "the kernel holds no segment" over or under rows
// (parent-child 8 said it under its two removed rows, "-●": fix25d#1); rows all removed
// have the sentence saying so, and only they.
import { afterEach, describe, expect, it } from 'vitest';
import { lessonShmids } from '../../src/app/components/marks.js';
import { kernelLegendLines, kernelLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { proseWidth, wrap } from '../../src/app/text-fit.js';
import type { Before } from '../../src/app/store/kernel.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { lessonObjects } from '../helpers/lesson-objects.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

/** The pane's inner width at a size (tabbed at 80x24, side by side at 120x34). */
function inner(width: number, height: number): number {
  const l = layoutFor(width, height, 8);
  if (l.mode === 'tabs') return textRoom(l.tabs.w);
  if (l.mode === 'wide') return textRoom(l.kernel.w);
  throw new Error(`no pane at ${width}x${height}`);
}

/** A table row: after its owner mark (● ○), or a semaphore's under its set. */
// a row: its own mark's cells (+, -, +- or blank), then the owner mark, or a semaphore's number
const ROW = /^[ +-]{1,3}(?:[●○]|\s{4}\d)/;

describe('Kernel pane: the legend under the first table', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step, the legend right under the first table's last row`, async () => {
      const run = startLesson(lesson);
      runs.push(run);
      const kernel = () => lessonObjects(run.trace);
      let was = kernel();
      let checked = 0;
      let said = 0;
      while (run.done < lesson.steps.length) {
        const step = run.done;
        await run.runNext();
        const now = kernel();
        const before: Before = { step, ...was, focus: run.focus, stat: null, decoded: null };
        for (const lang of ['en', 'zh'] as const) {
          const labels = { shm: new Map<number, string>(), msg: new Map<number, string>(), sem: new Map<number, string>() };
          for (const l of run.labels ?? []) labels[l.kind].set(l.id, l.label[lang]);
          const marks: TableMarks = {
            owners: { lesson: lessonShmids(run.trace), ipclab: new Set() }, lessonQueues: lessonShmids(run.trace, 'msgget'), lessonSets: lessonShmids(run.trace, 'semget'), before, mark: '*', ascii: false, labels,
          };
          const k: KernelInput = { ...now, focus: run.focus, stat: null, dump: null, decoded: null, processes: run.processes, marks, lang, s: strings(lang) };
          for (const [w, h] of [[80, 24], [120, 34]]) {
            const width = inner(w, h);
            const legend = kernelLegendLines(k, width);
            const texts = kernelLines(k, width, 60, legend).map(lineText);
            const where = `${lesson.id} step ${step + 1} ${lang} ${w}x${h}\n${texts.join('\n')}`;
            // one truth: "no segment" (nothing at all) never beside a row; the sentence under
            // rows all removed only under such rows
            const first = (text: string) => wrap(text, Math.max(10, proseWidth(width)))[0]!;
            const rows = texts.filter((t) => ROW.test(t));
            if (rows.length > 0) for (const none of [k.s.noSegments, k.s.noObjects]) expect(texts, where).not.toContain(first(none));
            // (it names the row marks drawn, and only those: "- or +-" over rows all "-" left
            // +- unexplained, issue 16)
            const forms = [['-'], ['+-'], ['-', '+-']];
            const form = forms.find((marksSaid) => texts.includes(first(k.s.segmentsAllGone(step + 1, marksSaid))));
            if (form) {
              said++;
              const allGone = texts.indexOf(first(k.s.segmentsAllGone(step + 1, form)));
              const above = texts.slice(0, allGone).filter((t) => ROW.test(t));
              expect(above.length, where).toBeGreaterThan(0);
              for (const r of above) expect(r, where).toMatch(/^\+?-/);
              expect(new Set(above.map((r) => /^\+?-/.exec(r)![0])), where).toEqual(new Set(form));
            }
            if (legend.length === 0) continue;
            // the legend explains marks; a sentence about the step ("step 1 changed nothing",
            // "step 3 running") is no legend entry: it never stands after the lead ("图例：第 1 步没有改变什么"
            // read as a legend of no marks: issue 16, fixR2)
            const lead = k.s.legendKey;
            const leadText = legend.map(lineText).filter((t) => t.startsWith(lead)).join(' ');
            for (const sentence of [k.s.markNothing(step + 1), k.s.markRunning(step + 1)]) expect(leadText, where).not.toContain(sentence);
            for (const l of legend.map(lineText).filter((t) => t.startsWith(lead))) expect(l.slice(lead.length), where).toMatch(/^[●○▸+*~-]/);
            const at = texts.indexOf(lineText(legend[0]!));
            expect(at, where).toBeGreaterThan(0);
            // a pane with no row (nothing of the lesson's in the kernel) has it under its sentence
            if (!texts.slice(0, at).some((t) => ROW.test(t))) continue;
            checked++;
            expect(texts[at - 1], where).toMatch(ROW);
            // set apart from the row above: led by "legend:" (fix22e#1; "key" read as the IPC key column)
            expect(texts[at], where).toMatch(lang === 'en' ? /^legend: / : /^图例：/);
            // within the first section: no blank line (between sections) above it
            expect(texts.slice(0, at).every((t) => t.trim() !== ''), where).toBe(true);
          }
        }
        was = now;
      }
      expect(checked, lesson.id).toBeGreaterThan(0);
      // parent-child's last step removes both segments: the sentence under them is seen
      if (lesson.id === 'parent-child') expect(said, lesson.id).toBeGreaterThan(0);
    }, 120_000);
  }
});
