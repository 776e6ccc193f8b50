// A learner who answers every question with one digit as it comes: Space where a question waits
// behind it (the result shown first), the digit at a question open, else Space (each key in a read
// of its own, once the one before it acted).
import { quizPlace } from '../../src/app/store/quiz.js';
import { questionBehind } from '../../src/app/store/turn.js';
import { KEYS, type Rendered } from './render.js';

/** Runs the lesson shown up to `steps` steps done, answering each question `digit`. */
export async function walkAnswering(r: Rendered, steps: number, digit: string): Promise<void> {
  await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson');
  while (r.store.getState().done < steps) {
    const st = r.store.getState();
    const place = quizPlace(st);
    const key = !questionBehind(st) && place?.kind === 'checkpoint' && st.guesses[place.step] === undefined ? digit : KEYS.space;
    const was = { done: st.done, guesses: Object.keys(st.guesses).length, scroll: st.scroll.lesson, opened: Object.keys(st.opened).length };
    await r.press(key);
    await r.waitFor(() => {
      const now = r.store.getState();
      return now.busy === null && (now.done !== was.done || Object.keys(now.guesses).length !== was.guesses || now.scroll.lesson !== was.scroll || Object.keys(now.opened).length !== was.opened);
    }, `the key ${JSON.stringify(key)} at step ${was.done + 1} acted`);
  }
}
