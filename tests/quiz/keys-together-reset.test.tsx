// Keys typed together after r (issue 16 item 13: shmctl at 80x24 en, r r, then Space Space Space in
// one send-keys: only step 1 ran, and the status line did not say what became of the other Spaces).
// Spaces that came while the reset ran went nowhere unsaid (a busy enqueue did nothing); they are
// not used, as while a step runs (the step they would run is not on screen yet), and said.
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer, ran, tabTo, type Rendered } from '../helpers/render.js';

const draw = appDrawer('keys-together-reset', { lessons: LESSONS, lesson: 'shmctl' });
const status = (r: Rendered) => r.lines().at(-2) ?? '';

/** shmctl at 80x24 with steps 1 and 2 run, the Trace shown, r asked. */
async function asked(lang: 'en' | 'zh'): Promise<Rendered> {
  const r = await draw({ width: 80, height: 24, lang });
  await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson');
  await ran(r, 2);
  await tabTo(r, 'trace');
  await r.press('r');
  await r.waitFor(() => r.store.getState().ask?.kind === 'reset', 'the reset asked');
  return r;
}

describe('Space Space Space after r r', () => {
  for (const lang of ['en', 'zh'] as const) {
    // a slow terminal or a busy machine gives the second r and the Spaces typed after it in one read
    it(`${lang}: in the read of the second r: none is used, said in place of "lesson reset"`, async () => {
      const r = await asked(lang);
      await r.press('r   ');
      // (then what Space does now, as the bar says it)
      const said = strings(lang).keysDropped(3, true, 1, '').replace(/[^;；]*$/, '');
      await r.waitFor(() => r.store.getState().busy === null && status(r).includes(said), `"${said}"`, 20_000);
      expect(r.store.getState().done).toBe(0);
    }, 60_000);
  }

  it('en: while the reset runs (a reset is quick: pressed as it starts): no step runs, the Spaces are said not used', async () => {
    const r = await asked('en');
    const st = r.store.getState();
    st.dispatch('reset', 'r');
    expect(r.store.getState().busy).toBe('resetting');
    for (let i = 0; i < 3; i++) r.store.getState().dispatch('run', ' ');
    const said = strings('en').keysWhileRunning(3, 'Space', 'reset', 1, '').replace(/[^;]*$/, '');
    await r.waitFor(() => r.store.getState().busy === null && status(r).includes(said), `"${said}"`, 20_000);
    expect(r.store.getState().done).toBe(0);
  }, 60_000);

  it('en: once the reset is over, in a read of their own: step 1 runs, the Spaces after it are said not used', async () => {
    const r = await asked('en');
    await r.press('r');
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().done === 0, 'the lesson reset');
    await r.press('   ');
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().done === 1 && /(Space|Spaces) pressed at once not used; Space now: \D*2\b/.test(status(r)), 'step 1 run, the rest said', 20_000);
  }, 60_000);
});
