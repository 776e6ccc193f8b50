// The your-turn form's Enter says what Enter does (nc13: msg 3/7's form said "Enter run with
// these" while its question waited, and Enter closed the form asking for the answer first):
// both the form's own keys line and the key bar, in either state, checked against what Enter did.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer, KEYS, questionShown, ran } from '../helpers/render.js';

const draw = appDrawer('turn-enter', { lessons: LESSONS, lesson: 'msg' });

/** msg with steps 1-2 run and step 3's form opened (y): its question still waits. */
async function formOpen(width: number, height: number, lang: 'en' | 'zh', lesson: string) {
  const r = await draw({ width, height, lang });
  await r.waitFor((f) => f.includes(`┌─ ${lesson}`), 'the lesson');
  await r.press(KEYS.space);
  await ran(r, 1);
  await r.press(KEYS.space);
  await ran(r, 2);
  await r.press('y');
  const f = await r.waitFor(() => r.store.getState().turnFocus !== null, 'the form open');
  return { r, f };
}

describe('Enter in a your-turn form', () => {
  it('80x24 en: "keep these" while the question waits (Enter closes the form, nothing runs); "run with these" once answered (Enter runs)', async () => {
    const { r, f } = await formOpen(80, 24, 'en', 'Lesson');
    expect(f).toContain('Enter keep these');
    expect(f).not.toContain('run with these');
    expect(r.lines()[23]).toContain('Enter keep these');
    await r.press(KEYS.enter);
    await r.waitFor(() => r.store.getState().turnFocus === null, 'the form closed');
    expect(r.store.getState().done).toBe(2);
    expect(r.store.getState().busy).toBe(null);
    // answered: Enter runs the values (a question waiting behind Enter is shown first: fix18a#3)
    await questionShown(r);
    await r.press('1', 'y');
    const g = await r.waitFor(() => r.store.getState().turnFocus !== null, 'the form open again');
    expect(g).toContain('Enter run with these');
    expect(r.lines()[23]).toContain('Enter run with these');
    await r.press(KEYS.enter);
    await ran(r, 3);
  }, 60_000);

  it('120x34 zh: 保留这些值 while the question waits', async () => {
    const { r, f } = await formOpen(120, 34, 'zh', '课程');
    expect(f).toContain('Enter 保留这些值');
    expect(r.lines()[33]).toContain('Enter 保留这些值');
  }, 60_000);
});
