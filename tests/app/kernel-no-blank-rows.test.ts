// The Kernel pane's window, as it opens after a step, has a line on every row while lines are
// hidden below it: at msg 5, sem 5, race 5 and parent-child 8 (80x24 en, under the lesson and
// zoomed) blank rows stood over "↓ N more" -- the blank lines between parts, kept while the keys'
// words were below the fold, and the rows keepWhole leaves where it moves a heading or a sentence
// below the window (issue 16). Every step of every lesson, run for real, the pane laid out as
// drawn (its named columns and wchans as KernelPane makes them, the New terms on screen among the
// words naming them: shmget 1's "this segment's bytes are not shown" sentence stood over a blank
// row at 80x24 only with them) at every height it has and zoomed, 80x24 en and 120x34 zh. Where
// filling it would hide a row of the objects' table the pane opens with, the blank stays (item 17:
// parent-child 7 at 120x34 zh hid "down" for it).
import { describe, expect, it } from 'vitest';
import { namedColumns } from '../../src/app/components/kernel-named.js';
import { rowHeading } from '../../src/app/components/kernel-view.js';
import { paneNewTerms } from '../../src/app/components/lesson-view.js';
import { zoomedRows } from '../../src/app/layout.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelInput, laidOut, paneAt, walkLesson, wchans } from '../helpers/kernel-walk.js';

describe('Kernel pane: no blank row in view over lines hidden below', () => {
  let windows = 0;
  for (const [index, lesson] of LESSONS.entries()) {
    it(`${lesson.id}: after every step, 80x24 en and 120x34 zh, every height and zoomed`, async () => {
      const wrong: string[] = [];
      await walkLesson(lesson, (at) => {
        const view = Math.min(at.run.done, lesson.steps.length - 1);
        const sleeping = wchans(at.run.processes.filter((p) => p.alive).map((p) => p.pid));
        // the New terms line on screen, as KernelPane reads it: a learner in course order, and
        // one who opened the lesson from the menu (the line names what the lessons before teach)
        for (const [lang, w, h, learner] of [['en', 80, 24, index], ['en', 80, 24, { index, ran: [] }], ['zh', 120, 34, index], ['zh', 120, 34, { index, ran: [] }]] as const) {
          const terms = paneNewTerms(LESSONS, lang, learner, view, at.run.done, at.run, 'g', false);
          const named = namedColumns(lesson, view, at.run.done, [...terms.names, ...(terms.justRun ?? [])], LESSONS.slice(0, index));
          const k = kernelInput(at, lang, { named, wchans: sleeping });
          const pane = paneAt(w, h, 'every');
          for (const rows of [...pane.rows, zoomedRows(w, h)]) {
            const { lines, top, shown } = laidOut(k, pane.outer, pane.width, rows);
            windows++;
            if (lines.length <= top + rows || !shown.some((l) => lineText(l).trim() === '')) continue;
            // the objects' rows come first (issue 16 item 17): a window that shows the rows of the
            // table it opens with keeps its blank row, as any later one would hide a row of them
            // (its heading the first line, or the second under the table's title)
            if (top === 0 && shown.some((l) => [0, 1].includes(lines.indexOf(rowHeading(l) ?? [])))) continue;
            wrong.push(`${lesson.id} step ${at.step + 1} ${lang} ${w}x${h}${typeof learner === 'number' ? '' : ' from the menu'}, ${rows} rows, offset ${top}:\n${lines.map((l, i) => `${i >= top && i < top + rows ? '|' : ' '} ${lineText(l)}`).join('\n')}`);
          }
        }
      });
      expect(wrong).toEqual([]);
    }, 240_000);
  }

  it('the walk laid out windows', () => {
    expect(windows).toBeGreaterThan(0);
  });
});
