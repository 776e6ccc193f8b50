// → at a lesson's end opens the next lesson at its step 1, however fast the keys come: a second →
// pressed while that lesson opens, or before its screen is drawn, moves nothing and is said; a →
// after that moves one step (issue 16: →→ at a lesson's end landed on the next lesson's step 2,
// step 1's text never drawn).
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, ran, type Rendered } from '../helpers/render.js';
import { fixtureLesson } from './fixture-lesson.js';
import { onwardJustOpened } from '../../src/app/store/run.js';

const draw = appDrawer('onward-moves-once', { lessons: [fixtureLesson('first', 'first — four real steps'), fixtureLesson('second', 'second — four real steps')], quiz: false });

/** The first lesson run to its end, its closing words drawn (→ opens the next only then). */
async function atEnd(): Promise<Rendered> {
  const r = await draw({ width: 80, height: 24 });
  await r.waitFor((f) => f.includes('step 1/4'), 'the first lesson');
  await ran(r, 4);
  await r.waitFor(() => r.store.getState().endSeen === 0, "the first lesson's end drawn");
  return r;
}

/** The second lesson open, nothing busy, its screen drawn (the pane noted it). */
async function secondDrawn(r: Rendered): Promise<string> {
  return r.waitFor((f) => {
    const st = r.store.getState();
    return st.lessonIndex === 1 && st.busy === null && st.resultShown?.lesson === 1 && f.includes('second — four');
  }, 'the second lesson drawn');
}

describe('→ at the end of a lesson moves once', () => {
  it('→ then → in reads of their own: the next lesson at step 1, the second → said, not used', async () => {
    const r = await atEnd();
    await r.press(KEYS.right, KEYS.right);
    const f = await secondDrawn(r);
    expect(r.store.getState().view).toBe(0);
    expect(f).toContain('step 1/4');
    await r.waitFor((f) => /→ during the lesson's opening not used; Space now: \D*1\b/.test(f), 'the second → said');
    // once the lesson was on screen long enough to be read, → moves one step
    await r.waitFor(() => !onwardJustOpened(r.store.getState()), 'step 1 on screen a while');
    await r.press(KEYS.right);
    await r.waitFor(() => r.store.getState().view === 1, '→: step 2');
    expect(r.store.getState().lessonIndex).toBe(1);
  });

  it('a lesson left zoomed opens the next unzoomed, its text in view (nc4: sem opened zoomed on Flow)', async () => {
    const r = await atEnd();
    await r.press('z');
    await r.waitFor(() => r.store.getState().zoomed, 'zoomed at the end');
    await r.press(KEYS.right);
    const f = await secondDrawn(r);
    expect(r.store.getState().zoomed).toBe(false);
    expect(f).toMatch(/┌─ Lesson/);
  });

  it('→→ in one read: the next lesson at step 1', async () => {
    const r = await atEnd();
    await r.press(KEYS.right + KEYS.right);
    await secondDrawn(r);
    expect(r.store.getState().view).toBe(0);
  });

  it('a → dispatched while the lesson opens (busy) moves nothing', async () => {
    const r = await atEnd();
    r.store.getState().dispatch('next');
    expect(r.store.getState().busy).toBe('running');
    r.store.getState().dispatch('next');
    r.store.getState().dispatch('next');
    await secondDrawn(r);
    expect(r.store.getState().view).toBe(0);
    await r.waitFor((f) => /→ 2 times during the lesson's opening not used; Space now: \D*1\b/.test(f), 'both said');
  });
});
