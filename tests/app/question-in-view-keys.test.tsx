// A key acts only on what is on screen (fix18a#3): a digit, x or h pressed while the question is
// hidden (the panes zoomed over the lesson, or the result of the step just run shown first with
// the question behind Enter) answers nothing: it shows the question and says so, and the next
// press acts on it. No key bar offers the question's keys while it is hidden.
import { describe, expect, it } from 'vitest';
import { appDrawer, type Rendered } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { questionBehind, questionHidden } from '../../src/app/store/turn.js';
import { lessonRows } from '../helpers/lesson-views.js';
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
  await r.waitFor(() => r.store.getState().done === k + 1 && r.store.getState().busy === null, `step ${k + 1} run`);
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
    await r.waitFor(() => lessonRows(r).some((l) => l.includes(s.questionBehind(3))), 'the question behind Enter');
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
});
