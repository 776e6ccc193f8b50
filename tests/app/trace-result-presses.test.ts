// The keys a learner presses, after Space, to read all of the step's part of the Trace (its
// heading aside: they know which step ran): issue 16's testers counted 4-6 at 80x24 for overview 1
// and shmat 5, ~4 at 120x34 zh for overview 1, ftok 4, shmat 6, shmctl 2 and 8 (Tab Tab, then z,
// from the Flow in focus) and ~11 for serv-clnt 5 (a line per client retry). Every step of every
// lesson, run for real through the app, at 80x24 en and 120x34 zh: a part the zoomed pane holds
// takes at most one z, after the Tabs to the Trace where the step's result is in another pane
// (a result in the Trace is the pane shown, or side by side in focus: z zooms it at once); a part
// taller than the zoomed pane (TALL, a list that can only shrink) one z and the pages past it.
// The keys are counted as a learner would press them: z zooms (the pane opens on the step as
// stepTop puts it), PgUp/PgDn move a page (scroll.ts pageLines), Tab moves the focus on (tabsToTrace).
import { describe, expect, it } from 'vitest';
import { appDrawer, ran } from '../helpers/render.js';
import { stepsRun } from '../helpers/pane-setups.js';
import { LESSONS } from '../../src/lessons/index.js';
import { stepTop, tabsToTrace, traceView, type TraceView } from '../../src/app/components/trace-view.js';
import { layoutFor, zoomedRows } from '../../src/app/layout.js';
import { pageLines } from '../../src/app/scroll.js';
import { strings } from '../../src/app/strings.js';
import { listingOwners } from '../../src/app/components/marks.js';
import { resultOf } from '../../src/app/store/run.js';

const draw = appDrawer('trace-result-presses', { lessons: LESSONS, quiz: false });

/** Steps whose part (heading aside) is taller than the zoomed Trace, by view: the "Run it yourself"
 *  lines and both sides' exchange (serv-clnt 5, 6); overview 1's ipcs listings grow with the
 *  machine's other segments. */
const TALL: Record<string, readonly string[]> = {
  'en 80x24': ['overview 1', 'serv-clnt 5', 'serv-clnt 6'],
  'zh 120x34': ['serv-clnt 5', 'serv-clnt 6'],
};

/** PgUp/PgDn presses that bring lines `a`..`b` all into view from a window at `top` of `rows` rows:
 *  up first, then down past where it started. */
function pagesToSee(a: number, b: number, top: number, rows: number): number {
  const page = pageLines(rows);
  const above = Math.max(0, top - a);
  const below = Math.max(0, b - (top + rows - 1));
  return above && below ? Math.ceil(above / page) + Math.ceil((above + below) / page) : Math.ceil((above + below) / page);
}

/** The window's first line as the pane gives it: stepTop, within the lines. */
const windowAt = (view: TraceView, step: number, rows: number) => Math.min(stepTop(view, step, rows)!, Math.max(0, view.lines.length - rows));

describe('after Space, the step’s Trace lines read with at most one z', () => {
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 120, 34]] as const) {
    const where = `${lang} ${width}x${height}`;
    for (const lesson of LESSONS) {
      it(`${lesson.id}, ${where}: every step`, async () => {
        const r = await draw({ width, height, lang, lesson: lesson.id });
        await stepsRun(r, 0);
        const wrong: string[] = [];
        const zoomRows = zoomedRows(width, height);
        for (let k = 0; k < lesson.steps.length; k++) {
          await r.press(' ');
          await ran(r, k + 1);
          // the run's pane shown (or focused) once the store has it
          await r.waitFor(() => r.store.getState().result?.step === k, `step ${k + 1}'s result`);
          const st = r.store.getState();
          const layout = layoutFor(width, height, 0) as { mode: string };
          // the Trace's rows: the tab pane below the lesson (its height as drawn), or the Trace side by side
          let rows: number;
          let paneWidth: number = width;
          if (layout.mode === 'tabs') {
            const lines = r.lines();
            const bar = lines.findIndex((l) => /^ +\S.*│.*│/.test(l) && !l.startsWith('│'));
            const top = lines.findIndex((l, i) => i > bar && l.startsWith('┌'));
            rows = lines.findIndex((l, i) => i > top && l.startsWith('└')) - top - 1;
          } else {
            const wide = layoutFor(width, height, 10) as { trace: { w: number; h: number } };
            rows = wide.trace.h - 2;
            paneWidth = wide.trace.w;
          }
          const owners = listingOwners(st.trace, { segments: st.segments, queues: st.queues, semaphores: st.semaphores });
          const view = traceView(st.trace, st.stepStarts, lesson, lang, paneWidth - 2, strings(lang), false, owners);
          // the step's lines, its heading's rows (the rule) aside
          let a = view.tops[k]!;
          const end = view.ends[k]!;
          while (a < end && view.lines[a]!.every((run) => run.tone === 'frame')) a++;
          if (a >= end) continue;
          const b = end - 1;
          const top = windowAt(view, k, rows);
          const pane = resultOf(st, k)?.pane;
          const tabs = tabsToTrace(st.tab);
          const unzoomed = pagesToSee(a, b, top, rows);
          const zoomed = 1 + pagesToSee(a, b, windowAt(view, k, zoomRows), zoomRows);
          const presses = unzoomed === 0 ? 0 : tabs + Math.min(unzoomed, zoomed);
          const name = `${lesson.id} ${k + 1}`;
          const tall = b - a + 1 > zoomRows;
          const said = `${name} (${where}): ${presses} presses; ${b - a + 1} lines, the Trace ${rows} rows, zoomed ${zoomRows}; ${pane} pane, focus ${st.tab}`;
          // a result in the Trace: the Trace is the pane shown or in focus, so z zooms it
          if (pane === 'trace' && st.tab !== 'trace') wrong.push(`the result is in the Trace, the focus on the ${st.tab}: ${said}`);
          const most = 1 + (pane === 'trace' ? 0 : tabs) + (tall ? Math.ceil((b - a + 1 - zoomRows) / pageLines(zoomRows)) + 1 : 0);
          if (tall && !TALL[where]!.includes(name)) wrong.push(`taller than the zoomed Trace and not in TALL: ${said}`);
          if (presses > most) wrong.push(`more than ${most}: ${said}`);
        }
        expect(wrong).toEqual([]);
      }, 300_000);
    }
  }
});
