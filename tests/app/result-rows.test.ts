// Right after a run, how much of the step's result is in view with no key pressed (issue 16 item
// 11: four newcomers pressed 1-6 keys, Tab, z, PgDn, at nearly every step to read a result whole).
// Every step of every lesson at 80x24 en and 120x34 zh, quiz on and off (--no-quiz), for a learner who went through the course
// in order: the app is walked for real to learn the pane shown and the rows the layout gives the
// Trace and the Kernel pane after each run; then the lesson is walked again and each pane laid out
// as drawn at those rows (stepTop, laidOut): the step's own Trace lines (its part under its
// heading) and the Kernel pane's lines the step marked, in view against all of them. Printed per
// lesson, and held to a floor: a change of the layout that takes rows from a result fails here.
import { describe, expect, it } from 'vitest';
import { bodyTop, stepResult, stepTop, traceView } from '../../src/app/components/trace-view.js';
import { layoutFor } from '../../src/app/layout.js';
import { lineText, type Line } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Text } from '../../src/lessons/types.js';
import { appDrawer, ran, screenCells } from '../helpers/render.js';
import { kernelInput, laidOut, paneAt, walkLesson } from '../helpers/kernel-walk.js';
import { ranBefore } from '../helpers/ran-before.js';

const draw = appDrawer('result-rows', { lessons: LESSONS });

/** What the screen gave each step's result right after its run: the pane shown (tabs) and the rows
 *  inside the Trace's and the Kernel pane's frames (side by side both are drawn). */
interface Seen {
  tab: string;
  trace: number;
  kernel: number;
}

/** The rows inside the frames of the panes below the lesson (tabs) or of the Trace and the Kernel
 *  pane (side by side), read from the screen. */
function paneRows(frame: string, width: number, height: number): { trace: number; kernel: number } {
  const lines = frame.split('\n');
  const last = height - 3; // the bottom border above the status line and the key bar
  const l = layoutFor(width, height, 8);
  if (l.mode === 'tabs') {
    const lessonBottom = lines.findIndex((t, i) => i > 1 && t.startsWith('└'));
    const rows = last - (lessonBottom + 2) - 1;
    return { trace: rows, kernel: rows };
  }
  if (l.mode !== 'wide') throw new Error('too small');
  const traceTop = lines.map((t) => t.startsWith('┌')).lastIndexOf(true);
  const right = lines.flatMap((t, i) => (screenCells(t)[l.lesson.w] === '┌' ? [i] : []));
  const kernelTop = right[1]!;
  return { trace: last - traceTop - 1, kernel: traceTop - 1 - kernelTop - 1 };
}

/** The sizes measured, with the steps (of 81) whose shown pane held its part whole: 40 and 58
 *  before the result's pane got the rows (issue 16 item 11), 49-51 and 59-62 after; 56 and 61-62
 *  once a next step that asks nothing gives its rows too (store/reading.ts nextGivesWay), and
 *  with --no-quiz, 53 and 58 before that, 60-61 and 64 after. The floor leaves a few for a machine
 *  whose `ipcs` lists more of others' objects (overview 1, 3, sem 1) and for runs whose notices
 *  wrap to another row (race 2's counts). At 80x24 zh and 120x34 en, quiz on, 58 and 64 (s35e, measured once: the
 *  walks are left to the learner's two sizes, 80x24 en and 120x34 zh, for CI's time). */
const CASES: { width: number; height: number; lang: Lang; quiz: boolean; floor: number }[] = [
  { width: 80, height: 24, lang: 'en', quiz: true, floor: 53 },
  { width: 120, height: 34, lang: 'zh', quiz: true, floor: 59 },
  { width: 80, height: 24, lang: 'en', quiz: false, floor: 58 },
  { width: 120, height: 34, lang: 'zh', quiz: false, floor: 61 },
];

/** The steps whose result in the Trace (stepResult: the blocks its notice points at, else its
 *  part's last) is cut right after the run, with no key pressed, quiz on, Space through (issue 16
 *  item 11: the learner needs z there), each with why: a list that may only shrink. Keyed
 *  `lesson step`, for every size and language the walk measures. */
const RESULT_CUT: Record<string, string> = {
  'overview 1': "ipcs -m, -q, -s whole with every user's rows (a shared machine lists others' segments: 7 here), the step's point; taller than the pane",
  'overview 3': "ipcs -m after shmget: the rows of others' segments on a shared machine push the lesson's ● row down",
  'overview 7': 'ipcrm then ipcs -m, a listing with every row on a shared machine; the result is the two commands with their output',
  'ftok 4': "cc's error for the missing header, 12-16 lines of the compiler's own words: the result is that output whole",
  'shmctl 2': 'the IPC_STAT record, every field of struct shmid_ds (17-20 rows): the step reads them all',
  'serv-clnt 6': "the server's last read and the client's exit, 4-5 lines, under a notice whose figures wrap to another row at 80x24 en: a Trace of 4 rows on a run that does",
  'race 5': "the CPU times compared, at 80x24 en a pane of 4 rows under the notice of the race's last round",
};

const marked = (l: Line) => l.some((r) => r.tone === 'changed');

/** Per step: the step's Trace lines in view / all, the Kernel's marked lines in view / all. */
interface Figures {
  trace: [number, number];
  kernel: [number, number];
  pane: string;
  /** the Trace's rows given (inside its frame), and its result's (stepResult) in view / all */
  rows: number;
  result: [number, number];
}

async function measure(lessonIndex: number, width: number, height: number, lang: Lang, quiz: boolean): Promise<Figures[]> {
  const lesson = LESSONS[lessonIndex]!;
  const r = await draw({ width, height, lang, quiz, lesson: lesson.id, state: ranBefore(lesson.id) });
  await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
  const seen: Seen[] = [];
  for (let k = 0; k < lesson.steps.length; k++) {
    // ran() answers nothing and presses Space as a learner walking on does; the screen is read
    // once the frame shows the run's result
    await r.press(' ');
    await ran(r, k + 1);
    await r.waitFor(() => r.store.getState().resultShown?.done === k + 1, 'the result drawn');
    seen.push({ tab: r.store.getState().tab, ...paneRows(r.frame(), width, height) });
  }
  await r.quit();
  const out: Figures[] = [];
  const tabs = layoutFor(width, height, 8).mode === 'tabs';
  await walkLesson(
    lesson,
    (at) => {
      const k = at.step;
      const got = seen[k]!;
      const notices: Record<number, Text> = {};
      at.run.outcomes.forEach((o, i) => {
        if (o?.notice) notices[i] = o.notice;
      });
      const view = traceView(at.run.trace, at.run.stepStarts, lesson, lang, width - 2, strings(lang), false, undefined, process.pid, notices);
      const top = stepTop(view, k, got.trace) ?? 0;
      const from = bodyTop(view, k) ?? 0;
      const end = view.ends[k] ?? from;
      const shown = !tabs || got.tab === 'trace';
      const traceIn = shown ? Math.max(0, Math.min(end, top + got.trace) - Math.max(from, top)) : 0;
      const result = stepResult(view, k);
      const resultAll = result ? result.last - result.first + 1 : 0;
      const resultIn = result && shown ? Math.max(0, Math.min(result.last + 1, top + got.trace) - Math.max(result.first, top)) : 0;
      const { outer, width: inner } = paneAt(width, height);
      const laid = laidOut(kernelInput(at, lang), outer, inner, got.kernel);
      const all = laid.lines.filter(marked).length;
      const kernelIn = !tabs || got.tab === 'kernel' ? laid.shown.filter(marked).length : 0;
      out.push({ trace: [traceIn, end - from], kernel: [kernelIn, all], pane: got.tab, rows: got.trace, result: [resultIn, resultAll] });
    },
    [],
    lang,
  );
  return out;
}

describe("right after a run, the step's result in view", () => {
  for (const { width, height, lang, quiz, floor } of CASES) {
    it(`every step of every lesson at ${width}x${height} ${lang}${quiz ? '' : ' --no-quiz'}`, async () => {
      let steps = 0;
      let wholeShown = 0;
      const resultCut: string[] = [];
      const report: string[] = [];
      for (let i = 0; i < LESSONS.length; i++) {
        const figures = await measure(i, width, height, lang, quiz);
        const cells = figures.map((f, k) => {
          const shown = f.pane === 'kernel' ? f.kernel : f.trace;
          const whole = shown[0] === shown[1];
          steps++;
          if (whole) wholeShown++;
          if (f.pane === 'trace' && f.result[0] < f.result[1]) resultCut.push(`${LESSONS[i]!.id} ${k + 1}`);
          return `${k + 1}${f.pane[0]} t${f.trace[0]}/${f.trace[1]} r${f.result[0]}/${f.result[1]} @${f.rows} k${f.kernel[0]}/${f.kernel[1]}${whole ? '' : ' !'}`;
        });
        report.push(`${LESSONS[i]!.id}: ${cells.join(' | ')}`);
      }
      console.log(`${width}x${height} ${lang}${quiz ? '' : ' --no-quiz'}: the shown pane's part whole at ${wholeShown} of ${steps} steps\n${report.join('\n')}`);
      expect(steps).toBe(LESSONS.reduce((n, l) => n + l.steps.length, 0));
      expect(wholeShown).toBeGreaterThanOrEqual(floor);
      // a result the Trace cuts only where the list says why (quiz on: the learner's usual walk)
      if (quiz) expect(resultCut.filter((at) => !(at in RESULT_CUT)), `the Trace cut these steps' results at ${width}x${height} ${lang}`).toEqual([]);
    }, 1_200_000);
  }
});
