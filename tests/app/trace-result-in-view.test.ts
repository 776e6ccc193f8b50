// After a run the Trace shows the step from its heading down, the part read from its start
// (issue 16: opened at a part's end or 16 lines into it, newcomers paged up to its start for
// every long step): every line of its part where the pane holds them, its lines under the heading
// where only the heading does not fit; else from the heading, unless its result -- the lines its
// notice points at (traceFocus, else the errnos and signals it names: noticeMarks), with the
// record they are in (a command's output, an IPC_STAT dump: a call that reads a kernel record and
// the lines it prints after it) -- would not be whole in view: then the least way down that shows
// the result whole, the window's top on a block's start (and its bottom on a block's end where
// a window can have both: shmctl 2's shm_ctime stood over "↓ 1 more", its value below, issue 16),
// and a result taller still shows the focus whole where the window holds it, else from its first
// line (fixR1). Where the result is cut the pane's border says so, on the side cut, and where the
// part is cut the border names z.
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
 *  entry, blank for a fold of several processes' lines; a command's output lines and a wrapped
 *  line's further rows do not. */
const starts = (l: Line) => l.every((r) => r.tone === 'frame') || (l[0]?.tone === 'dim' && /^\s*\d* $/.test(l[0].text));
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
            // the pane's offset as TracePane gives it (stepTop, within the lines: where the trace ends
            // sooner, its last rows, the window's edges then where the lines put them)
            const top = Math.min(stepTop(view, k, rows)!, Math.max(0, view.lines.length - rows));
            const atEnd = top < stepTop(view, k, rows)!;
            const seen = (i: number) => i >= top && i < top + rows;
            const where = `${lesson.id} step ${k + 1} ${lang}, ${width} wide, ${rows} rows, offset ${top} (part ${from}-${end - 1}, focus ${JSON.stringify(view.focus[k])}, result ${JSON.stringify(result)}):\n${view.lines.slice(from, end).map((l, i) => `${seen(from + i) ? '|' : ' '} ${lineText(l)}`).join('\n')}`;
            const body = bodyTop(view, k)!;
            const bottom = top + rows - 1;
            // a step that drew no line yet (its peer's lines arrive later) has nothing to show
            if (end <= from) continue;
            if (end - from <= rows || end - body <= rows) {
              if (!seen(body) || !seen(end - 1)) wrong.push(`the part under its heading fits and is not whole in view: ${where}`);
              if (end - from <= rows && !seen(from)) wrong.push(`the part fits and its heading is out of view: ${where}`);
              if (zoomShows(view, k, top, rows, zoomedRows(width, width === 80 ? 24 : 34))) wrong.push(`the part is whole in view, yet the border names z: ${where}`);
              continue;
            }
            cut++;
            const focusFits = focus.last - focus.first < rows;
            if (!view.focus[k] || result.last < from + rows) {
              // nothing the notice points at below the heading's window: the step from its start
              if (top !== from) wrong.push(`the window does not start at the step's heading: ${where}`);
            } else if (result.last - result.first < rows) {
              // the least way down that holds the result whole, the top on a block's start
              if (!seen(result.first) || !seen(result.last)) wrong.push(`the result's block fits and is not whole in view: ${where}`);
              if (first[top] !== top && !atEnd) wrong.push(`the window's top is a block's second row: ${where}`);
              const fits = (t: number) => t >= from && t <= result.first && t + rows - 1 >= result.last;
              const ends = (i: number) => first[i + 1] === i + 1 || i + 1 >= first.length;
              const clean = (t: number) => first[t] === t && ends(t + rows - 1);
              if (!atEnd && fits(top - 1) && first[top - 1] === top - 1 && (clean(top - 1) || !clean(top))) wrong.push(`a window further up holds the result as well: ${where}`);
              const could = Array.from({ length: rows }, (_, j) => result.first - j).some((t) => fits(t) && clean(t));
              if (!atEnd && bottom < end - 1 && could && !clean(top)) wrong.push(`the window cuts a block at an edge where another holding the result would not: ${where}`);
            } else {
              // taller than the window: the focus whole where the window holds it, else from its first line (fixR1)
              if (focusFits && !(seen(focus.first) && seen(focus.last))) wrong.push(`the focus fits and is not whole in view: ${where}`);
              if (!focusFits && top !== focus.first) wrong.push(`the focus is taller than the window and the window does not start at its first line: ${where}`);
            }
            // the border says on which side the result's block goes on
            const said = resultCut(view, k, top, rows);
            const want = { above: top > result.first && top <= result.last, below: bottom < result.last && bottom >= result.first };
            if (said.above !== want.above || said.below !== want.below) wrong.push(`the border says ${JSON.stringify(said)}, the window cuts ${JSON.stringify(want)}: ${where}`);
            // the part cut, the border names z (zoomShows), on the side its result is cut on, and z shows what it says
            const zoomRows = zoomedRows(width, width === 80 ? 24 : 34);
            const z = zoomShows(view, k, top, rows, zoomRows);
            // its heading alone out of view is no cut (ftok 3: "z: step 3 whole" for the rule only)
            const bodyCut = !seen(body) || !seen(end - 1);
            if (z && !bodyCut) wrong.push(`only the heading is out of view, yet the border names z: ${where}`);
            if (!z && bodyCut && zoomRows > rows) wrong.push(`the part is cut and the border names no z: ${where}`);
            else if (z) {
              if ((want.above && z.side !== 'above') || (!want.above && want.below && z.side !== 'below')) wrong.push(`the result is cut ${JSON.stringify(want)}, z is named ${z.side}: ${where}`);
              const at = Math.min(stepTop(view, k, zoomRows, true)!, Math.max(0, view.lines.length - zoomRows));
              const span = z.shows === 'part' ? { first: body, last: end - 1 } : result;
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
