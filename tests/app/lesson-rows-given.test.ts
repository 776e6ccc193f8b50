// At 80x24 the lesson pane takes the rows its content needs, up to its share, and the rows under
// its text's last go to the pane below (issue 16: newcomers read shmctl 3 and ftok 2 with 3 and 2
// blank rows at the lesson pane's bottom over a Trace of 4 or 5 rows that hid the step's result).
// And where the Trace's window cuts a step's part -- its result (ftok 4's cc error, 10 presses
// away) or the lines before it (shmdt 3's "ipclab refused", its 7th line; shmctl 2's ipcs -m -i
// above its IPC_STAT dump) -- its border names z and what z shows ("z: whole"), z is on the key
// bar, and z shows it.
// Every step of every lesson, run for real in the app, at 80x24, en and zh, questions on.
import { describe, expect, it } from 'vitest';
import { appDrawer, ran, tabTo, type Rendered } from '../helpers/render.js';
import { lessonRows } from '../helpers/lesson-views.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { keyFor } from '../../src/app/keymap.js';
import { blankRow, lessonRowsGiven, usedRows, zoomedRows } from '../../src/app/layout.js';
import { bodyTop, resultCut, stepResult, stepTop, traceView, zoomShows } from '../../src/app/components/trace-view.js';
import { listingOwners } from '../../src/app/components/marks.js';
import { maxOffset } from '../../src/app/scroll.js';
import { line, type Line } from '../../src/app/styled.js';
import type { Lang } from '../../src/lang.js';

const draw = appDrawer('lesson-rows-given', { lessons: LESSONS });
const [W, H] = [80, 24];

/** The frame's panes at 80x24: the lesson pane's rows (its own columns), and the pane below the
 *  tab bar: its top and bottom borders and its rows. */
function panes(r: Rendered): { lesson: string[]; top: string; bottom: string; rows: string[] } | null {
  const lines = r.lines();
  const lessonTop = lines.findIndex((l) => l.startsWith('┌'));
  const lessonBottom = lines.findIndex((l, i) => i > lessonTop && l.startsWith('└'));
  const top = lines.findIndex((l, i) => i > lessonBottom && l.startsWith('┌'));
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
  if (lessonTop < 0 || lessonBottom < 0 || top < 0 || bottom < 0) return null;
  return { lesson: lessonRows(r), top: lines[top]!, bottom: lines[bottom]!, rows: lines.slice(top + 1, bottom) };
}

/** A lesson pane row with nothing to read: the step list's column and the text's both blank. */
const blank = (row: string) => row.replace(/[│|]/g, '').trim() === '';
/** A border saying lines are out of view ("↑ 3 more", "↓ 还有 3 行"). */
const scrolled = (border: string) => /[↑↓] \S/.test(border);

/** What is wrong with the split now: a blank row at the lesson pane's bottom over a pane below that scrolls. */
function splitWrong(r: Rendered): string | null {
  const p = panes(r);
  if (!p) return 'no lesson pane and pane below';
  if (!blank(p.lesson.at(-1) ?? '')) return null;
  return scrolled(p.top) || scrolled(p.bottom) ? 'a blank row at the lesson pane\'s bottom while the pane below scrolls' : null;
}

/** Polls until `wrong` finds nothing (the frame settled after a run, a Tab); what it still finds at the deadline. */
async function settled(r: Rendered, wrong: () => string | null, what: string): Promise<string | null> {
  let said: string | null = null;
  await r.waitFor(() => (said = wrong()) === null, what, 3_000).catch(() => undefined);
  return said === null ? null : `${what}: ${said}\n${r.frame()}`;
}

/** The Trace as TracePane lays it out now: its view, the step shown, the window's top and rows. */
function traceNow(r: Rendered, rows: number, zoomed = false) {
  const st = r.store.getState();
  const lesson = st.lessons[st.lessonIndex]!;
  const owners = listingOwners(st.trace, { segments: st.segments, queues: st.queues, semaphores: st.semaphores });
  const view = traceView(st.trace, st.stepStarts, lesson, st.lang, W - 2, strings(st.lang), false, owners);
  const step = st.done - 1;
  const top = Math.min(stepTop(view, step, rows, zoomed)!, maxOffset(view.lines.length, rows + 2));
  return { view, step, top };
}

/** What is wrong with the Trace's borders and the key bar now, after step `done` ran: where the
 *  window cuts the step's part, the border names z and what it shows, and the bar has z. */
function zoomWrong(r: Rendered, lang: Lang, cuts: string[]): string | null {
  const p = panes(r);
  if (!p) return 'no Trace pane';
  const s = strings(lang);
  const { view, step, top } = traceNow(r, p.rows.length);
  const bottom = top + p.rows.length - 1;
  const [first, last] = [view.tops[step]!, view.ends[step]! - 1];
  // its heading alone out of view is no cut (ftok 3)
  const body = bodyTop(view, step)!;
  const borders = `${p.top}\n${p.bottom}`;
  const z = keyFor('zoom', false);
  const all = [s.zoomWhole(z), s.zoomStepWhole(z, step + 1), s.zoomMore(z, step + 1)];
  // a step that drew no line (its part empty) has nothing to cut
  if (first === undefined || last < first || (body >= top && last <= bottom)) return all.some((w) => borders.includes(w)) ? 'the step\'s part is whole in view, yet the border names z' : null;
  cuts.push(`step ${step + 1}`);
  const cut = resultCut(view, step, top, p.rows.length);
  // what z shows, zoomed from the step's heading (under it where only that does not fit: stepTop):
  // the result cut here whole (z: whole), else the part whole, else more of it
  const zoomed = zoomedRows(W, H);
  const result = stepResult(view, step)!;
  const at = stepTop(view, step, zoomed, true)!;
  const whole = last < at + zoomed;
  const want = (cut.above || cut.below) && (whole || (result.first >= at && result.last < at + zoomed)) ? all[0]! : whole ? all[1]! : all[2]!;
  // the top border's short form, where the full one would cut the Trace's title (trace-view.ts noteBeside)
  const short = s.signNote(want === all[0] ? want : s.zoomStep(z, step + 1));
  if (!borders.includes(want) && !p.top.includes(short)) return `the window (${top}-${bottom}) cuts step ${step + 1}'s part (${first}-${last}${cut.above || cut.below ? ', its result' : ''}) and its border does not say "${want}"`;
  if (cut.above && !p.top.includes(s.resultGoesOnAbove(step + 1, want)) && !p.top.includes(short)) return `the result cut above, the top border does not say it goes on, with "${want}"`;
  if (cut.below && !p.bottom.includes(s.resultGoesOnBelow(step + 1, want))) return `the result cut below, the bottom border does not say it goes on, with "${want}"`;
  const bar = r.lines().at(-1) ?? '';
  if (!bar.includes(`${z} ${lang === 'en' ? 'zoom' : '放大'}`)) return `the border names z, the key bar does not: ${bar}`;
  return null;
}

/** After z: the Trace zoomed shows what its border says z shows (trace-view.ts zoomShows: the
 *  step's part whole, its heading aside, or its result whole), as the lines are then (a peer's
 *  lines may still arrive). */
async function zoomShowsIt(r: Rendered): Promise<string | null> {
  const rows = panes(r)!.rows.length;
  const step = r.store.getState().done - 1;
  await r.press('z');
  await r.waitFor(() => r.store.getState().zoomed, 'z: zoomed');
  let wrong: string | null = null;
  await r.waitFor((f) => {
    const lines = f.split('\n');
    const top = lines.findIndex((l) => l.startsWith('┌'));
    const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
    const zoomed = bottom - top - 1;
    if (zoomed !== zoomedRows(W, H)) {
      wrong = `zoomed, the Trace has ${zoomed} rows, not ${zoomedRows(W, H)}`;
      return false;
    }
    // what the border said unzoomed, for the lines there are now
    const before = traceNow(r, rows);
    const promised = zoomShows(before.view, step, before.top, rows, zoomed);
    const { view, top: at } = traceNow(r, zoomed, true);
    const span = promised?.shows === 'part' ? { first: bodyTop(view, step)!, last: view.ends[step]! - 1 } : stepResult(view, step)!;
    const seen = span.first >= at && span.last <= at + zoomed - 1;
    wrong = !promised || promised.shows === 'more' || seen ? null : `zoomed, the Trace does not show step ${step + 1}'s ${promised.shows} whole (lines ${span.first}-${span.last}, window from ${at})`;
    return wrong === null;
  }, 'the zoomed Trace', 3_000).catch(() => undefined);
  await r.press('z');
  await r.waitFor(() => !r.store.getState().zoomed, 'z: back');
  return wrong === null ? null : `${wrong}\n${r.frame()}`;
}

/** A step of each lesson whose part the Trace cuts after its run at 80x24 (issue 16's newcomers). */
const CUT_AT: Record<string, string> = { ftok: 'step 4', shmdt: 'step 3', shmctl: 'step 2' };

describe('lessonRowsGiven: the rows under the text\'s last go to the pane below', () => {
  const row = (text: string): Line => [{ text: ' 1 ', tone: 'plain' }, { text: ' │ ', tone: 'frame' }, { text, tone: 'plain' }];
  const empty: Line = [{ text: '     ', tone: 'plain' }, { text: ' │ ', tone: 'frame' }];
  it('blank rows: blanks and the frame alone', () => {
    expect(blankRow(empty)).toBe(true);
    expect(blankRow(row('text'))).toBe(false);
    expect(blankRow(line(''))).toBe(true);
    expect(usedRows([row('a'), empty, row('b'), empty, empty])).toBe(3);
  });
  it('a text of 4 rows in 7: 4, where the pane drawn in 4 is the same; else all 7', () => {
    const text = [row('a'), row('b'), empty, row('c')];
    const drawn = (n: number) => [...text, ...Array.from({ length: Math.max(0, n - text.length) }, () => empty)].slice(0, n);
    expect(lessonRowsGiven(7, drawn)).toBe(4);
    expect(lessonRowsGiven(4, drawn)).toBe(4);
    // in fewer rows the pane lays out otherwise (a window of the step list, a line pinned): all its rows
    expect(lessonRowsGiven(7, (n) => (n < 7 ? [row('other'), ...drawn(n).slice(1)] : drawn(n)))).toBe(7);
  });
});

describe('at 80x24 after every run: no blank row at the lesson pane\'s bottom over a pane that scrolls; a cut step names z', () => {
  for (const lesson of LESSONS) {
    for (const lang of ['en', 'zh'] as Lang[]) {
      it(`${lesson.id} (${lang}): every step`, async () => {
        const r = await draw({ width: W, height: H, lang, lesson: lesson.id });
        await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
        const wrong: string[] = [];
        const cuts: string[] = [];
        for (let k = 0; k < lesson.steps.length; k++) {
          await r.press(' ');
          await ran(r, k + 1);
          const where = `${lesson.id} step ${k + 1} (${lang})`;
          // the pane its result is in, as the run left it shown
          const shown = await settled(r, () => splitWrong(r), `${where}, the ${r.store.getState().tab} pane below`);
          if (shown) wrong.push(shown);
          await tabTo(r, 'trace');
          const trace = await settled(r, () => splitWrong(r) ?? zoomWrong(r, lang, []), `${where}, the Trace below`);
          if (trace) wrong.push(trace);
          // where the border names z, z shows what it says
          const before = cuts.length;
          zoomWrong(r, lang, cuts);
          if (cuts.length > before && !trace) {
            const zoomed = await zoomShowsIt(r);
            if (zoomed) wrong.push(`${where}: ${zoomed}`);
          }
        }
        expect(wrong).toEqual([]);
        // the steps newcomers found cut at 80x24 are still cut there (a Trace taller would not need z): the test sees them
        if (CUT_AT[lesson.id]) expect(cuts).toContain(CUT_AT[lesson.id]);
      }, 300_000);
    }
  }
});
