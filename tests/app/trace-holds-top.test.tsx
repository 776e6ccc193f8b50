// The Trace keeps its top row while it shows the same step and only its height changes (the lesson
// pane above gives rows to the result after a run, takes them back when Space brings the question):
// it moves only where the window kept would show less of the step's result than the one chosen for
// its new height, cut the step's part that window shows whole, or leave more than a blank row under
// the trace's end (issue 16 item 11: "↑ 49 more" became 50, then 49 again; s34's hold of every
// following pane, b5c85a01, cut the result at overview 7, race 5 and serv-clnt 6, and was reverted).
// Every step of a few lessons, quiz on, Space through as a learner does, at 80x24 en and 120x34 zh.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { listingOwners } from '../../src/app/components/marks.js';
import { bodyTop, resultInView, traceView } from '../../src/app/components/trace-view.js';
import { questionBehind } from '../../src/app/store/turn.js';
import type { Lang } from '../../src/lang.js';
import { appDrawer, KEYS, paneRows, ran, type Rendered } from '../helpers/render.js';

const draw = appDrawer('trace-holds-top', { lessons: LESSONS });

/** The Trace as drawn: its top (the border's "↑ N more", 0 without one) and its rows; null where
 *  it is not on screen (another tab shown). */
function traceWindow(r: Rendered, lang: Lang): { top: number; rows: number } | null {
  const lines = r.lines();
  const title = strings(lang).trace;
  const at = lines.findIndex((l) => l.startsWith(`┌─ ${title}`));
  if (at < 0) return null;
  const up = /↑ (?:还有 )?(\d+)/.exec(lines[at]!);
  return { top: up ? Number(up[1]) : 0, rows: paneRows(lines, title).length };
}

/** Where the Trace's top moved between two drawings of step `k` while the window kept would have
 *  shown as much of the step's result at the new height: what is wrong, or null. */
function movedUncalled(r: Rendered, width: number, lang: Lang, k: number, was: { top: number; rows: number }, now: { top: number; rows: number }): string | null {
  if (was.top === now.top) return null;
  const st = r.store.getState();
  const lesson = st.lessons[st.lessonIndex]!;
  const owners = listingOwners(st.trace, { segments: st.segments, queues: st.queues, semaphores: st.semaphores });
  const view = traceView(st.trace, st.stepStarts, lesson, lang, width - 2, strings(lang), false, owners, process.pid, st.notices);
  const kept = resultInView(view, k, was.top, now.rows);
  const moved = resultInView(view, k, now.top, now.rows);
  // the part under its heading, whole in the window moved to and cut in the one kept, may move it too
  const body = bodyTop(view, k)!;
  const whole = (top: number) => body >= top && view.ends[k]! <= top + now.rows;
  // a window kept that would leave more than a blank row under the trace's end may move up
  const blank = was.top + now.rows - view.lines.length;
  return kept >= moved && (whole(was.top) || !whole(now.top)) && blank <= 1 ? `step ${k + 1}: the top went ${was.top} -> ${now.top} (${was.rows} -> ${now.rows} rows), the result as much in view at ${was.top} (${kept} lines)` : null;
}

const CASES: { width: number; height: number; lang: Lang; lessons: string[] }[] = [
  { width: 80, height: 24, lang: 'en', lessons: ['overview', 'shmctl', 'serv-clnt', 'race'] },
  { width: 120, height: 34, lang: 'zh', lessons: ['overview', 'shmctl', 'serv-clnt', 'race'] },
];

describe("the Trace keeps its top while only its height changes, unless that cuts the step's result", () => {
  for (const { width, height, lang, lessons } of CASES) {
    for (const id of lessons) {
      it(`${id} ${width}x${height} ${lang}: after each run and after Space brings the question`, async () => {
        const lesson = LESSONS.find((l) => l.id === id)!;
        const r = await draw({ width, height, lang, lesson: id });
        await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
        const wrong: string[] = [];
        let compared = 0;
        for (let k = 0; k < lesson.steps.length; k++) {
          await r.press(KEYS.space);
          await ran(r, k + 1);
          await r.waitFor(() => r.store.getState().resultShown?.done === k + 1, 'the result drawn');
          const was = traceWindow(r, lang);
          if (k + 1 === lesson.steps.length || !questionBehind(r.store.getState())) continue;
          await r.press(KEYS.space);
          await r.waitFor(() => !questionBehind(r.store.getState()), `step ${k + 2}'s question in view`);
          const now = traceWindow(r, lang);
          if (!was || !now) continue;
          if (was.rows !== now.rows) compared++;
          const bad = movedUncalled(r, width, lang, k, was, now);
          if (bad) wrong.push(bad);
        }
        await r.quit();
        expect(wrong).toEqual([]);
        // the walk saw the Trace's height change under a step at least once (else it held nothing)
        if (id === 'shmctl' || id === 'serv-clnt') expect(compared).toBeGreaterThan(0);
      }, 240_000);
    }
  }
});
