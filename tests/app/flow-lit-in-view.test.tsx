// The Flow keeps the box a step lit in view: at 80x24 its pane holds a few rows of a
// drawing of 30-50, and sem's lit box sat below them (fix21e#4). Every lesson, every step,
// English and Chinese, with the questions on (they make the lesson pane taller and the Flow
// shorter): after a step ran, and again with the next step's question shown, the box the
// pane is to keep in view (boxRows: the newest the step lit) is whole on screen.
import { describe, expect, it } from 'vitest';
import { textRoom } from '../../src/app/components/Panel.js';
import { boxRows, callsByStep, flowChoice, litFrames } from '../../src/app/components/flow-view.js';
import type { Lang } from '../../src/lang.js';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer, KEYS, paneRows, questionShown, ran, type Rendered } from '../helpers/render.js';
import { answer } from '../helpers/lesson-views.js';
import { blankedFrom } from '../flow/check.js';

/** Where a box taller than the rows the pane has at 80x24 is cut: its lesson, language and
 *  when ("after N": step N just ran; "asked N": with step N+1's question shown). Only the
 *  pane's legend row or a shorter label would make room; this list can only shrink. */
const TOO_TALL: Record<string, string[]> = {
};

// asks: false: a key does only what the screen says (no helper presses Space behind it)
const draw = appDrawer('flow-lit-in-view', { lessons: LESSONS, asks: false });
const WIDTH = 80;
const HEIGHT = 24;

/** Where the newest lit box is missing from the Flow pane now ('' when it is whole in view). */
function litBoxMissing(r: Rendered, lang: Lang): string {
  const st = r.store.getState();
  const lesson = LESSONS[st.lessonIndex]!;
  const flow = st.flow!;
  const choice = flowChoice(lesson, st.view, st.done, callsByStep(st.trace, st.stepStarts), flow.edgeLabel);
  if (!choice.diagram || choice.active.length === 0) return '';
  const rendered = flow.renderDiagram(choice.diagram, { width: textRoom(WIDTH), lang, family: choice.family });
  const newest = boxRows(choice, rendered.geometry?.boxes).at(-1);
  if (!newest) return '';
  // drawn as the pane draws it: frames by what is lit in them
  const lit = litFrames(choice, rendered.geometry?.boxes, rendered.geometry?.frames);
  const drawn = rendered.lines({ active: lit.active, done: lit.done, masked: lit.masked }).map((l) => l.map((run) => run.text).join('').trimEnd());
  // the pane's rows below its legend (or all of them, where the legend gave way to a tall
  // box), without the side borders: a window onto `drawn`
  const rows = paneRows(r.lines(), lang === 'en' ? 'Flow' : '流程').map((l) => l.slice(1, -1).trimEnd());
  // (the pane's cut edges blank what means nothing alone: plainCuts)
  const topOf = (shown: string[]) => drawn.findIndex((_, i) => shown.every((row, k) => blankedFrom(row, drawn[i + k] ?? '')));
  const shown = topOf(rows) >= 0 ? rows : rows.slice(1);
  const top = topOf(shown);
  const [first, last] = newest;
  if (top >= 0 && first >= top && last < top + shown.length) return '';
  return `${choice.diagram}: box rows ${first}-${last}, the pane shows ${top < 0 ? 'no window of the drawing' : `rows ${top}-${top + shown.length - 1}`}:\n${drawn.slice(first, last + 1).join('\n')}`;
}

describe('the Flow keeps the lit box in view at 80x24', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const lesson of LESSONS) {
      it(`${lesson.id} (${lang}): after every step, and with the next step's question shown`, async () => {
        const r = await draw({ width: WIDTH, height: HEIGHT, lesson: lesson.id, restart: true, lang });
        await r.waitFor(() => r.store.getState().flow !== null, 'the flow library loaded');
        const wrong: string[] = [];
        const cut: string[] = [];
        for (let k = 1; k <= lesson.steps.length; k++) {
          await r.waitFor(() => r.store.getState().view === k - 1 && r.store.getState().done === k - 1, `step ${k} shown`);
          // a question waiting is answered (the first choice), as a learner would before the run
          if (lesson.checkpoints?.[lesson.steps[k - 1].id]) await answer(r, 1, () => r.store.getState().guesses[k - 1] !== undefined, `step ${k} answered`);
          await r.press(KEYS.space);
          await ran(r, k);
          // the run shows the pane its result is in (src/lessons/result-pane.ts): the learner goes
          // back to the Flow (Tab), which shows the lit part anew
          r.store.getState().showTab('flow');
          // the pane follows the lit part once the run is drawn
          await r.waitFor((f) => f.includes('┌─ ') && litBoxMissing(r, lang) === '', `step ${k}'s lit box in view`, 3_000).catch(() => undefined);
          const after = litBoxMissing(r, lang);
          if (after) (TOO_TALL[`${lesson.id} ${lang}`]?.includes(`after ${k}`) ? cut : wrong).push(`after step ${k}: ${after}`);
          if (k === lesson.steps.length) break;
          await questionShown(r);
          await r.waitFor(() => litBoxMissing(r, lang) === '', `step ${k}'s lit box in view under the next question`, 3_000).catch(() => undefined);
          const asked = litBoxMissing(r, lang);
          if (asked) (TOO_TALL[`${lesson.id} ${lang}`]?.includes(`asked ${k}`) ? cut : wrong).push(`after step ${k}, step ${k + 1}'s question shown: ${asked}`);
        }
        expect(wrong).toEqual([]);
        // a case listed that is whole now leaves the list
        expect(cut.length, `TOO_TALL['${lesson.id} ${lang}']`).toBe(TOO_TALL[`${lesson.id} ${lang}`]?.length ?? 0);
      }, 120_000);
    }
  }
});
