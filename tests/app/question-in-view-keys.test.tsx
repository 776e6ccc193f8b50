// A key acts only on what is on screen (fix18a#3): a digit, x or h pressed while the question is
// hidden (the panes zoomed over the lesson, or the result of the step just run shown first with
// the question behind Enter) answers nothing: it shows the question and says so, and the next
// press acts on it. No key bar offers the question's keys while it is hidden.
import { describe, expect, it } from 'vitest';
import { appDrawer, ran, type Rendered } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { questionBehind, questionHidden } from '../../src/app/store/turn.js';
import { runLabel } from '../../src/app/keymap.js';
import type { Lang } from '../../src/lang.js';
import { lessonRows, viewAs } from '../helpers/lesson-views.js';
import { quizPlace } from '../../src/app/store/quiz.js';

// asks: false, so that a key only does what the screen says (no helper answers behind it)
const draw = appDrawer('question-in-view-keys', { lessons: LESSONS, asks: false });
const s = strings('en');

/** Runs step `k` (0-based) with its question skipped: x, pressed again where the first only showed it. */
async function skipAndRun(r: Rendered, k: number): Promise<void> {
  await r.waitFor(() => r.store.getState().done === k && r.store.getState().busy === null, `step ${k + 1} shown`);
  if (quizPlace(r.store.getState()) !== null) {
    await r.press('x');
    await r.waitFor(() => r.store.getState().guesses[k] !== undefined || r.store.getState().opened[k] === true, `x at step ${k + 1}`);
    if (r.store.getState().guesses[k] === undefined) {
      await r.press('x');
      await r.waitFor(() => r.store.getState().guesses[k] === 'skip', `x again at step ${k + 1}`);
    }
  }
  await r.press(' ');
  // a first Space may bring the step's unread rest (store/turn.ts spaceShowsRest): ran presses on
  await ran(r, k + 1);
}

/** The status line's text (the row above the key bar). */
const status = (r: Rendered) => r.lines().at(-2) ?? '';

describe('a question hidden: its keys show it first, and the bar does not offer them (fix18a#3)', () => {
  it('zoomed: the bar names no answer keys; 2 ends the zoom and answers nothing, 2 again answers', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en', lesson: 'shmget' });
    await skipAndRun(r, 0);
    await skipAndRun(r, 1);
    // step 3's question waits (shmget step 3: four choices); Enter first where it is behind it
    if (questionBehind(r.store.getState())) await r.press('\r');
    await r.waitFor(() => lessonRows(r).some((l) => l.includes('1-4 answer')), 'the question in view');
    await r.press('z');
    await r.waitFor(() => r.store.getState().zoomed && !r.frame().includes('┌─ Lesson'), 'zoomed');
    expect(questionHidden(r.store.getState())).toBe(true);
    expect(r.lines()[23]).not.toMatch(/1-\d answer|x skip/);
    await r.press('2');
    await r.waitFor(() => !r.store.getState().zoomed, 'the zoom ended by 2');
    expect(r.store.getState().guesses[2]).toBeUndefined();
    await r.waitFor(() => status(r).includes(s.questionShownFirst('answer', '2').slice(0, 40)), 'the status line says 2 only showed the question');
    await r.waitFor(() => lessonRows(r).some((l) => l.includes('1-4 answer')), 'the question in view');
    expect(questionHidden(r.store.getState())).toBe(false);
    await r.press('2');
    await r.waitFor(() => r.store.getState().guesses[2] === 1, '2 again answers');
  });

  it('the result first, the question behind Enter: h shows the question and no hint, h again the hint; x likewise', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en', lesson: 'shmget' });
    await skipAndRun(r, 0);
    await skipAndRun(r, 1);
    // at 80x24 step 2's result and step 3's question do not both fit: the question waits behind Enter
    // (while step 2's result is read the lesson pane is cut to the notice, and the line names the
    // rest of step 3's text with its question: store/reading.ts)
    await r.waitFor(() => lessonRows(r).some((l) => l.includes(s.spaceMarker(s.spaceBrings(3, false, true))) || l.includes(s.spaceMarker(s.spaceBrings(3, true, true)))), 'the question behind Enter');
    expect(questionHidden(r.store.getState())).toBe(true);
    expect(r.lines()[23]).not.toMatch(/1-\d answer|x skip/);
    await r.press('h');
    await r.waitFor(() => r.store.getState().opened[2] === true, 'h brought the question');
    expect(r.store.getState().hints[2]).toBeUndefined();
    await r.waitFor(() => status(r).includes(s.questionShownFirst('hint', 'h').slice(0, 40)), 'the status line says h only showed the question');
    await r.waitFor(() => lessonRows(r).some((l) => l.includes('Predict')), 'the question in view');
    await r.press('h');
    await r.waitFor(() => r.store.getState().hints[2] === true, 'h again: the hint');
    await r.press('x');
    await r.waitFor(() => r.store.getState().guesses[2] === 'skip', 'x, the question in view: skipped');
  });

  // fix21a#2: zoomed at shmctl 3, the bar said "Space run 3" while Space only asked ("no answer
  // picked"), the question unseen behind the zoom: zoomed, the bar's Space says what Space does
  for (const id of ['shmctl', 'overview'])
    it(`${id}, zoomed at every step (80x24 en, 120x34 zh): the bar's Space says what Space does, the question first`, async () => {
      const r = await draw({ width: 80, height: 24, lang: 'en', lesson: id });
      const steps = r.store.getState().lessons[r.store.getState().lessonIndex].steps.length;
      const views: [Lang, number, number][] = [['en', 80, 24], ['zh', 120, 34]];
      const wrong: string[] = [];
      for (let k = 0; k < steps; k++) {
        await r.waitFor(() => r.store.getState().done === k && r.store.getState().busy === null, `step ${k + 1} shown`);
        const place = { view: k, done: k, steps, lastLesson: false, form: false };
        let runs = false;
        for (const [lang, width, height] of views) {
          // the run below is made in the last view, where its bar said "run N" (at 120x34 zh the
          // step's text may be below first, its Space bringing that: the branch above it)
          runs = false;
          await viewAs(r, lang, width, height);
          await r.press('z');
          await r.waitFor((f) => r.store.getState().zoomed && !f.includes(lang === 'en' ? '┌─ Lesson' : '┌─ 课程') && f.split('\n').length === height, 'zoomed');
          const bar = r.lines().at(-1) ?? '';
          const question = `Space ${runLabel({ ...place, opens: true })[lang]}`;
          const run = `Space ${runLabel(place)[lang]}`;
          const where = `step ${k + 1} ${lang} ${width}x${height}`;
          if (bar.includes(question)) {
            // Space ends the zoom with the question in view, runs nothing and asks nothing
            await r.press(' ');
            await r.waitFor(() => !r.store.getState().zoomed, `${where}: Space ends the zoom`);
            const st = r.store.getState();
            if (st.done !== k || st.ask !== null || questionHidden(st)) wrong.push(`${where}: "${question}" ran or asked, or left the question hidden\n${r.frame()}`);
          } else if ([false, true].some((restAsks) => bar.includes(`Space ${runLabel({ ...place, rest: true, restAsks })[lang]}`))) {
            // the step's text not in view whole before z (its question with it or not): Space ends the zoom to show it, runs nothing (s28f#1)
            await r.press(' ');
            await r.waitFor(() => !r.store.getState().zoomed, `${where}: Space ends the zoom for the text`);
            if (r.store.getState().done !== k) wrong.push(`${where}: "step ${k + 1}'s text" ran the step`);
          } else if (bar.includes(run)) {
            runs = true;
            await r.press('z');
            await r.waitFor(() => !r.store.getState().zoomed, 'z: the lesson back');
          } else wrong.push(`${where}: the bar names neither "${question}" nor "${run}": ${bar}`);
        }
        if (runs) {
          // "run N": zoomed, Space runs the step, the zoom kept
          await r.press('z');
          await r.waitFor(() => r.store.getState().zoomed, 'zoomed');
          await r.press(' ');
          await r.waitFor(() => (r.store.getState().done === k + 1 && r.store.getState().busy === null) || r.store.getState().ask !== null, `step ${k + 1}: Space`);
          if (r.store.getState().ask !== null) wrong.push(`step ${k + 1}: the bar said "run ${k + 1}", Space asked\n${r.frame()}`);
          if (!r.store.getState().zoomed) wrong.push(`step ${k + 1}: Space ran it, the zoom ended`);
          if (r.store.getState().zoomed) await r.press('z');
          await r.waitFor(() => !r.store.getState().zoomed, 'z: the lesson back');
        }
        if (r.store.getState().done === k) await skipAndRun(r, k);
        await r.press('l');
        await r.waitFor(() => r.store.getState().lang === 'en', 'l: en');
        r.resize(80, 24);
      }
      expect(wrong).toEqual([]);
    }, 120_000);
});
