// The keys a learner presses, after Space, to read all of the step's part of the Trace (its
// heading aside: they know which step ran), in order, from its first line to its last: issue 16's
// testers counted 4-6 at 80x24 for overview 1 and shmat 5, ~4 at 120x34 zh for overview 1, ftok 4,
// shmat 6, shmctl 2 and 8 (Tab Tab, then z, from the Flow in focus), ~11 for serv-clnt 5 (a line
// per client retry), and paged up to a step's start wherever the pane opened at its end or mid-way
// (msg 2 "16 lines into the step with 7 more below it"; serv-clnt 1 at 120x34, ↑ x7). Every step of
// every lesson, run for real through the app, at 80x24 and 120x34, en and zh: a part the pane shown
// holds under its heading takes no key; a part the zoomed pane holds at most one z, after the Tabs
// to the Trace where the step's result is in another pane (a result in the Trace is the pane shown,
// or side by side in focus: z zooms it at once); a part taller than the zoomed pane (TALL, a list
// that can only shrink) one z and a PgDn for each page past it, no more: z opens it on its heading
// (issue 16 pass 10: serv-clnt 5 opened mid-step, its start above, and took PgDn and six ↑), which
// the test presses and reads on screen, with the zoomed borders saying what PgDn and PgUp bring.
// The Trace's z hint is there only where lines of the step other than its heading are out of view
// (ftok 3: "z: step 3 whole" for a heading alone). The keys are counted as a learner reading in
// order presses them: z zooms (the pane opens on the step as stepTop puts it), PgUp back to the
// part's first line where the pane opened below it, then PgDn to its last (scroll.ts pageLines),
// Tab moves the focus on (tabsToTrace).
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/lessons/types.js';
import { appDrawer, KEYS, ran, type Rendered } from '../helpers/render.js';
import { stepsRun } from '../helpers/pane-setups.js';
import { LESSONS } from '../../src/lessons/index.js';
import { bodyTop, stepTop, tabsToTrace, traceView, type TraceView } from '../../src/app/components/trace-view.js';
import { layoutFor, TABS, zoomedRows } from '../../src/app/layout.js';
import { pageLines } from '../../src/app/scroll.js';
import { strings } from '../../src/app/strings.js';
import { listingOwners } from '../../src/app/components/marks.js';
import { resultOf } from '../../src/app/store/run.js';

/** Steps whose part under its heading is taller than the zoomed Trace, by view: both sides' set-up
 *  and exchange (serv-clnt 5, 6: their routine lines fold, Step.traceRoutine, yet 23-26 rows stay at
 *  80x24; at 120x34 17-20, under the zoomed 28); overview 1's ipcs
 *  listings grow with the machine's other segments; at 80x24 en, race 2-4's workers' lines.
 *  serv-clnt 1 at 80x24 en (its 18 lines and heading in 18 rows) left: zoomed, a part that fits
 *  under its heading opens under it (stepTop). */
const TALL: Record<string, readonly string[]> = {
  'en 80x24': ['overview 1', 'serv-clnt 1', 'serv-clnt 5', 'serv-clnt 6', 'race 2', 'race 3', 'race 4'],
  // race 2 zh: 21 lines on a loaded machine (its workers' one-CPU lines), as en's race 2;
  // serv-clnt 1: 19-21 lines with the server's open and close of the rendezvous file (s31l)
  // shmctl 2 zh: 19 lines with det_time=Not set said under ipcs -m -i (s35c), one past the zoomed 18
  'zh 80x24': ['overview 1', 'race 2', 'serv-clnt 1', 'serv-clnt 5', 'serv-clnt 6', 'shmctl 2'],
  'en 120x34': [],
  'zh 120x34': [],
};

/** Presses of PgUp, then PgDn, that read lines `a`..`b` in order from a window at `top` of `rows`
 *  rows: up to `a` where the window opened below it, then down past where the page up left it. */
function pagesToRead(a: number, b: number, top: number, rows: number): number {
  const page = pageLines(rows);
  const up = Math.ceil(Math.max(0, top - a) / page);
  return up + Math.ceil(Math.max(0, b - (top - up * page + rows - 1)) / page);
}

/** The window's first line as the pane gives it: stepTop, within the lines. */
const windowAt = (view: TraceView, step: number, rows: number, zoomed = false) => Math.min(stepTop(view, step, rows, zoomed)!, Math.max(0, view.lines.length - rows));

/** The Trace's frame on screen (titled `title` at a line's start): its rows, its borders, and the
 *  lines above and below its window as its borders count them; null: not shown. */
function traceFrame(lines: string[], title: string): { rows: string[]; top: string; bottom: string; above: number; below: number } | null {
  const top = lines.findIndex((l) => l.startsWith(`┌─ ${title}`));
  if (top < 0) return null;
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
  const count = (l: string, sign: string) => Number(new RegExp(`${sign} (?:还有 )?(\\d+)`).exec(l)?.[1] ?? 0);
  return { rows: lines.slice(top + 1, bottom), top: lines[top]!, bottom: lines[bottom]!, above: count(lines[top]!, '↑'), below: count(lines[bottom]!, '↓') };
}

/** Zooms the Trace on step `k` (its part taller than the zoomed pane) and reads it: the heading
 *  on its first row, the borders saying what PgDn and, a page on, PgUp bring; the zoom and the
 *  focus then as they were. What is wrong goes to `wrong`. */
async function zoomTall(r: Rendered, view: TraceView, k: number, tabs: number, lang: 'en' | 'zh', wrong: string[], name: string): Promise<void> {
  const s = strings(lang);
  const heading = `${s.step} ${k + 1}`;
  const frame = () => traceFrame(r.lines(), s.trace);
  for (let i = 0; i < tabs; i++) await r.press(KEYS.tab);
  await r.press('z');
  await r.waitFor(() => r.store.getState().zoomed && (frame()?.rows.length ?? 0) > 0, `${name}: the Trace zoomed`);
  // the step's last lines (a peer's end) may still arrive: the border is read once it says PgDn
  // or beside the step's result going on, the key alone
  const says = [s.pageMore('PgDn', k + 1), s.resultGoesOnBelow(k + 1, 'PgDn')];
  await r.waitFor(() => says.some((w) => frame()!.bottom.includes(w)), `${name}: zoomed, the bottom border says PgDn`).catch(() => wrong.push(`${name}: zoomed, the bottom border does not say "${says.join('" or "')}": ${frame()!.bottom}`));
  const zoomed = frame()!;
  if (!/^│──/.test(zoomed.rows[0]!) || !zoomed.rows[0]!.includes(heading)) wrong.push(`${name}: zoomed, the first row is not the step's heading: ${zoomed.rows[0]}`);
  await r.press(KEYS.pageDown);
  await r.waitFor(() => (frame()?.above ?? zoomed.above) > zoomed.above, `${name}: PgDn moved the zoomed Trace`);
  const paged = frame()!;
  const page = pageLines(zoomed.rows.length);
  const moved = paged.above - zoomed.above;
  // a page, or to the end
  if (moved !== Math.min(zoomed.below, page)) wrong.push(`${name}: PgDn moved ${moved}, not a page`);
  // PgUp from there: the step from its heading again after a whole page, else the steps before reached too
  const back = view.tops.reduce((at, top, i) => (top !== undefined && top <= paged.above - page ? i : at), 0);
  const up = [moved === page || back === k ? s.pageMore('PgUp', k + 1) : s.pageSteps('PgUp', back + 1, k + 1), s.resultGoesOnAbove(k + 1, 'PgUp')];
  if (!up.some((w) => paged.top.includes(w))) wrong.push(`${name}: a page on, the top border does not say "${up.join('" or "')}": ${paged.top}`);
  await r.press('z');
  await r.waitFor(() => !r.store.getState().zoomed, `${name}: the zoom ended`);
  // the focus back where the run left it (side by side Tab moved it; with tabs the next run shows its pane)
  for (let i = 0; i < (TABS.length - tabs) % TABS.length; i++) await r.press(KEYS.tab);
}

/** The walk of `lessons` at 80x24 and 120x34, en and zh, a test for each lesson and view. The
 *  lessons that list the whole machine's objects (LISTS_MACHINE: overview 1's ipcs listings) are
 *  walked alone, trace-result-presses-ipcs.test.ts; the rest side by side, trace-result-presses.test.ts. */
export function tracePressesWalk(lessons: readonly Lesson[]): void {
  const draw = appDrawer('trace-result-presses', { lessons: LESSONS, quiz: false });
  describe('after Space, the step’s Trace lines read with at most one z', () => {
    for (const [lang, width, height] of [['en', 80, 24], ['zh', 80, 24], ['en', 120, 34], ['zh', 120, 34]] as const) {
      const where = `${lang} ${width}x${height}`;
      const s = strings(lang);
      for (const lesson of lessons) {
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
            const a = bodyTop(view, k)!;
            const end = view.ends[k]!;
            if (a >= end) continue;
            const b = end - 1;
            const top = windowAt(view, k, rows);
            const pane = resultOf(st, k)?.pane;
            const tabs = tabsToTrace(st.tab);
            const name = `${lesson.id} ${k + 1}`;
            // the z hint on the Trace's borders only where lines under the heading are out of view
            const shown = traceFrame(r.lines(), s.trace);
            const hint = shown && [s.zoomStepWhole('z', k + 1), s.zoomWhole('z'), s.zoomMore('z', k + 1)].find((h) => shown.top.includes(h) || shown.bottom.includes(h));
            if (hint && a >= shown.above && b < shown.above + shown.rows.length) wrong.push(`${name} (${where}): "${hint}" though the step's lines under its heading are all in view`);
            const unzoomed = pagesToRead(a, b, top, rows);
            const zoomed = 1 + pagesToRead(a, b, windowAt(view, k, zoomRows, true), zoomRows);
            const presses = unzoomed === 0 ? 0 : tabs + Math.min(unzoomed, zoomed);
            // taller than the zoomed pane under its heading (z opens on the heading)
            const tall = end - a > zoomRows;
            const said = `${name} (${where}): ${presses} presses; ${b - a + 1} lines, the Trace ${rows} rows, zoomed ${zoomRows}; ${pane} pane, focus ${st.tab}`;
            // a result in the Trace: the Trace is the pane shown or in focus, so z zooms it
            if (pane === 'trace' && st.tab !== 'trace') wrong.push(`the result is in the Trace, the focus on the ${st.tab}: ${said}`);
            // z, and a PgDn per page of the part below the zoomed window opened on its heading
            const most = 1 + (pane === 'trace' ? 0 : tabs) + (tall ? Math.ceil((end - view.tops[k]! - zoomRows) / pageLines(zoomRows)) : 0);
            if (tall && !TALL[where]!.includes(name)) wrong.push(`taller than the zoomed Trace and not in TALL: ${said}`);
            if (presses > most) wrong.push(`more than ${most}: ${said}`);
            // the part under its heading fits the pane shown: read with no key
            if (pane === 'trace' && end - a <= rows && presses > 0) wrong.push(`the part fits the Trace, yet takes keys: ${said}`);
            if (tall) await zoomTall(r, view, k, tabs, lang, wrong, name);
          }
          expect(wrong).toEqual([]);
        }, 300_000);
      }
    }
  });
}
