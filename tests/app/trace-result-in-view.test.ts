// After a run the Trace shows what the step added: every line of its part where the pane holds
// them, else its result -- the lines its notice points at (traceFocus), or without one the part's
// last line -- whole, with the record they are in (a command's output, an IPC_STAT dump: a
// call that reads a kernel record and the lines it prints after it) whole where that fits, and
// the focus whole where the window holds it, else from its first line (fixR1), without a focus
// the part's last line in view (shmctl 2's IPC_STAT dump stood one row short, its
// shm_ctime's value under "↓ 1 more": issue 16; shmat 6's conclusion stood under "↓ 2 more":
// fix26e#1, fix27b#2). Where the record is cut the pane's border says so, on the side cut.
// Every step of every lesson, run for real, at 80x24 (every height the Trace tab can have
// there: from TABS_MIN's to what a lesson pane of a few rows leaves) and 120x34 (the Trace under the panes),
// in English and Chinese.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyTop, resultCut, stepTop, traceView, type TraceView, zoomShows } from '../../src/app/components/trace-view.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor, lessonRowsMost, zoomedRows } from '../../src/app/layout.js';
import { type Line, lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun } from '../../src/lessons/types.js';

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

/** The Trace's rows at 80x24 (a tab: least to most, the lesson pane giving the rows under its
 *  text's last to it: layout.ts lessonRowsGiven) and at 120x34 (under the panes), with its width. */
function sizes(): { width: number; rows: number }[] {
  const at = (lessonRows: number) => (layoutFor(80, 24, lessonRows) as { tabs: { h: number } }).tabs.h - 2;
  const out: { width: number; rows: number }[] = [];
  for (let rows = at(lessonRowsMost(24)); rows <= at(0); rows++) out.push({ width: 80, rows });
  const wide = layoutFor(120, 34, 10) as { trace: { w: number; h: number } };
  out.push({ width: wide.trace.w, rows: wide.trace.h - 2 });
  return out;
}

/** Whether a drawn line starts a trace line: a step's rule, or the pid column (dimmed) of an
 *  entry; a command's output lines and a wrapped line's further rows do not. */
const starts = (l: Line) => l.every((r) => r.tone === 'frame') || (l[0]?.tone === 'dim' && /^\s*\d+ $/.test(l[0].text));
/** A call that reads a kernel record into a struct: the lines its caller prints right after it are that record. */
const READS = /\b(?:IPC|SHM|MSG|SEM)_(?:STAT|INFO)\b|\bGETALL\b/;

/** The blocks the Trace's lines make, as the learner reads them: a trace line with its wrapped
 *  rows, a command with its output, a call reading a record with the • lines of the same pid
 *  after it; for each line, the first line of its block. */
function blocks(lines: readonly Line[]): number[] {
  const first: number[] = [];
  let stat: string | null = null;
  lines.forEach((l, i) => {
    const text = lineText(l);
    const pid = /^\s*(\d+) /.exec(text)?.[1];
    if (!starts(l)) first.push(first[i - 1] ?? i);
    else if (stat !== null && pid === stat && text.trimStart().startsWith(`${pid} • `)) first.push(first[i - 1]!);
    else {
      stat = pid !== undefined && READS.test(text) ? pid : null;
      first.push(i);
    }
  });
  return first;
}

/** The block's line range around lines `from`..`to`. */
function around(first: readonly number[], from: number, to: number): { first: number; last: number } {
  let last = to;
  while (last + 1 < first.length && first[last + 1] === first[to]) last++;
  return { first: first[from]!, last };
}

describe('the Trace after a run: the step\'s result in view', () => {
  it('the heights the Trace can have: 80x24 from 5 rows or fewer, and 120x34', () => {
    const all = sizes();
    expect(all[0]!.rows).toBeLessThanOrEqual(5);
    expect(all.filter((s) => s.width === 80).length).toBeGreaterThan(1);
    expect(all.at(-1)!.width).toBe(120);
  });
  it('blocks: an output with its command, a wrapped line, an IPC_STAT dump of its pid', () => {
    const dim = (pid: string, text: string): Line => [{ text: `${pid} `, tone: 'dim' }, { text, tone: 'plain' }];
    const more = (text: string): Line => [{ text, tone: 'plain' }];
    const lines = [dim('12', '$ ipcs -m'), more('  ---'), more('● 0x0 1'), dim('12', 'shmctl(1, IPC_STAT, &ds) = 0'), dim('12', '• shm_perm'), dim('12', '• shm_atime x'), more('    y'), dim('13', '• other'), dim('12', 'kill(1, SIGUSR1) = 0'), dim('12', '• after')];
    expect(blocks(lines)).toEqual([0, 0, 0, 3, 3, 3, 3, 7, 8, 9]);
  });
  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step at 80x24 and 120x34, en and zh`, async () => {
      const run = startLesson(lesson);
      runs.push(run);
      const wrong: string[] = [];
      let cut = 0;
      while (run.done < lesson.steps.length) {
        const k = run.done;
        await run.runNext();
        for (const lang of ['en', 'zh'] as const) {
          for (const { width, rows } of sizes()) {
            // the pane's width as TracePane lays its lines (its width less the borders)
            const view: TraceView = traceView(run.trace, run.stepStarts, lesson, lang, width - 2, strings(lang), false);
            expect(textRoom(width)).toBeLessThanOrEqual(width - 2);
            const [from, end] = [view.tops[k]!, view.ends[k]!];
            const first = blocks(view.lines);
            // what the notice points at, else the part's last line: its blocks whole
            const focus = view.focus[k] ?? { first: end - 1, last: end - 1 };
            const result = around(first, focus.first, focus.last);
            // the pane's offset as TracePane gives it (stepTop, within the lines)
            const top = Math.min(stepTop(view, k, rows)!, Math.max(0, view.lines.length - rows));
            const seen = (i: number) => i >= top && i < top + rows;
            const where = `${lesson.id} step ${k + 1} ${lang}, ${width} wide, ${rows} rows, offset ${top} (part ${from}-${end - 1}, focus ${JSON.stringify(view.focus[k])}, result ${JSON.stringify(result)}):\n${view.lines.slice(from, end).map((l, i) => `${seen(from + i) ? '|' : ' '} ${lineText(l)}`).join('\n')}`;
            if (end - from <= rows) {
              if (!seen(from) || !seen(end - 1)) wrong.push(`the part fits and is not whole in view: ${where}`);
              if (zoomShows(view, k, top, rows, zoomedRows(width, width === 80 ? 24 : 34))) wrong.push(`the part is whole in view, yet the border names z: ${where}`);
              continue;
            }
            cut++;
            // the focus whole where the window holds it, else from its first line (fixR1: ftok 4's
            // shmget ENOENT stood far above the cc error); without one, the part's last line
            const focusFits = focus.last - focus.first < rows;
            if (!view.focus[k] && !seen(focus.last)) wrong.push(`the part's last line is out of view: ${where}`);
            if (view.focus[k] && focusFits && !(seen(focus.first) && seen(focus.last))) wrong.push(`the focus fits and is not whole in view: ${where}`);
            if (view.focus[k] && !focusFits && top !== focus.first) wrong.push(`the focus is taller than the window and the window does not start at its first line: ${where}`);
            if (result.last - result.first < rows) {
              if (!seen(result.first) || !seen(result.last)) wrong.push(`the result's block fits and is not whole in view: ${where}`);
              // short of the part's end, the bottom row ends a block where a window holding the result could
              const bottom = top + rows - 1;
              const ends = (i: number) => first[i + 1] === i + 1;
              const could = Array.from({ length: rows }, (_, j) => result.first - j).some((t) => t >= from && t + rows - 1 >= result.last && ends(t + rows - 1));
              if (bottom < end - 1 && could && !ends(bottom)) wrong.push(`a block cut one row short at the bottom where another window would end on a block: ${where}`);
            } else if (focus.last - focus.first < rows && !(seen(focus.first) && seen(focus.last))) wrong.push(`the focus fits and is not whole in view: ${where}`);
            // the border says on which side the result's block goes on
            const said = resultCut(view, k, top, rows);
            const bottom = top + rows - 1;
            const want = { above: top > result.first && top <= result.last, below: bottom < result.last && bottom >= result.first };
            if (said.above !== want.above || said.below !== want.below) wrong.push(`the border says ${JSON.stringify(said)}, the window cuts ${JSON.stringify(want)}: ${where}`);
            // the part cut, the border names z (zoomShows), on the side its result is cut on, and z shows what it says
            const zoomRows = zoomedRows(width, width === 80 ? 24 : 34);
            const z = zoomShows(view, k, top, rows, zoomRows);
            // its heading alone out of view is no cut (ftok 3: "z: step 3 whole" for the rule only)
            const body = bodyTop(view, k)!;
            const bodyCut = !seen(body) || !seen(end - 1);
            if (z && !bodyCut) wrong.push(`only the heading is out of view, yet the border names z: ${where}`);
            if (!z && bodyCut && zoomRows > rows) wrong.push(`the part is cut and the border names no z: ${where}`);
            else if (z) {
              if ((want.above && z.side !== 'above') || (!want.above && want.below && z.side !== 'below')) wrong.push(`the result is cut ${JSON.stringify(want)}, z is named ${z.side}: ${where}`);
              const at = Math.min(stepTop(view, k, zoomRows, true)!, Math.max(0, view.lines.length - zoomRows));
              const span = z.shows === 'part' ? { first: from, last: end - 1 } : result;
              if (z.shows !== 'more' && (span.first < at || span.last > at + zoomRows - 1)) wrong.push(`z says it shows the ${z.shows} whole, zoomed it does not (from ${at} in ${zoomRows} rows): ${where}`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(cut).toBeGreaterThan(0);
    }, 180_000);
  }
});
