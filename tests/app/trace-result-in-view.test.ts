// After a run the Trace shows what the step added: every line of its part where the pane holds
// them, else the line its notice points at (traceFocus) and as many after it as fit, else (no
// focus) the part's end (shmat 6's conclusion stood under "↓ 2 more": fix26e#1, fix27b#2).
// Every step of every lesson, run for real, at 80x24 (every height the Trace tab can have
// there: from TABS_MIN's to the lesson pane's share) in English and Chinese.
import { afterEach, describe, expect, it } from 'vitest';
import { stepTop, traceView } from '../../src/app/components/trace-view.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor, lessonRowsMost, lessonRowsShare } from '../../src/app/layout.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

const WIDTH = 80;
const HEIGHT = 24;
/** The Trace tab's rows at 80x24, least to most. */
function heights(): number[] {
  const at = (lessonRows: number) => (layoutFor(WIDTH, HEIGHT, lessonRows) as { tabs: { h: number } }).tabs.h - 2;
  const out: number[] = [];
  for (let rows = at(lessonRowsMost(HEIGHT)); rows <= at(lessonRowsShare(HEIGHT)); rows++) out.push(rows);
  return out;
}

describe('the Trace after a run: the step\'s lines in view', () => {
  it('the heights the Trace tab can have at 80x24', () => {
    expect(heights()[0]).toBeLessThanOrEqual(5);
    expect(heights().length).toBeGreaterThan(1);
  });
  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step at 80x24, en and zh`, async () => {
      const run = startLesson(lesson);
      runs.push(run);
      const wrong: string[] = [];
      let cut = 0;
      while (run.done < lesson.steps.length) {
        const k = run.done;
        await run.runNext();
        for (const lang of ['en', 'zh'] as const) {
          // the pane's width as TracePane lays its lines (its width less the borders)
          const view = traceView(run.trace, run.stepStarts, lesson, lang, WIDTH - 2, strings(lang), false);
          expect(textRoom(WIDTH)).toBeLessThanOrEqual(WIDTH - 2);
          const [from, end] = [view.tops[k]!, view.ends[k]!];
          for (const rows of heights()) {
            const top = stepTop(view, k, rows)!;
            const seen = (i: number) => i >= top && i < top + rows;
            const where = `${lesson.id} step ${k + 1} ${lang}, ${rows} rows, offset ${top} (part ${from}-${end - 1}, focus ${JSON.stringify(view.focus[k])}):\n${view.lines.slice(from, end).map((l, i) => `${seen(from + i) ? '|' : ' '} ${lineText(l)}`).join('\n')}`;
            if (end - from <= rows) {
              if (!seen(from) || !seen(end - 1)) wrong.push(`the part fits and is not whole in view: ${where}`);
              continue;
            }
            cut++;
            const focus = view.focus[k];
            if (focus) {
              // the focus and as many lines after it as fit: the window from its first line, or the part's end in view with it
              if (!seen(focus.first) || (top + rows < end && top !== focus.first)) wrong.push(`not the focus and as many lines after it as fit: ${where}`);
            } else if (!seen(end - 1)) wrong.push(`no focus, and the part's end out of view: ${where}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(cut + 1).toBeGreaterThan(0);
    }, 120_000);
  }
});
