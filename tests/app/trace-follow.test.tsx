// The Trace follows its end where the learner left it there, across a zoom, a resize and a
// tab shown in between, as lines arrive; scrolled up it stays where it is and its bottom
// border says how much more is below (nc: parent-child step 5, serv-clnt step 4: zoomed and
// back, the step's lines arrived below the view and the pane stayed). Real store and engine;
// a line arriving is put in the store's trace as a peer's line arrives (run-copy.ts).
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, paneRows, ran, type Rendered, tabTo } from '../helpers/render.js';
import { traceAfter } from '../helpers/pane-setups.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { TraceEntry } from '../../src/lessons/types.js';

const draw = appDrawer('trace-follow', { lessons: LESSONS, lesson: 'shmctl', quiz: false });

let arrived = 0;
/** A line arriving in the trace, as a peer's does between two turns of the event loop. */
function arrive(r: Rendered): string {
  const text = `line ${++arrived} arrived`;
  const entry: TraceEntry = { type: 'event', pid: process.pid, text: { en: text, zh: text }, at: Date.now() };
  r.store.setState({ trace: [...r.store.getState().trace, entry] });
  return text;
}

const traceRows = (r: Rendered) => paneRows(r.lines(), 'Trace');
/** The Trace's bottom border. */
const traceBottom = (r: Rendered) => {
  const lines = r.lines();
  const top = lines.findIndex((l) => l.startsWith('┌─ Trace'));
  return lines.find((l, i) => i > top && l.startsWith('└')) ?? '';
};

async function traceAfterTwoSteps(width: number, height: number): Promise<Rendered> {
  const r = await draw({ width, height });
  await traceAfter(r, 2);
  // after a run the pane shows the step from its heading (fix23f#5): the learner reads down to its end
  for (let i = 0; i < 60 && /↓ \d+ more/.test(traceBottom(r)); i++) {
    const below = traceBottom(r);
    await r.press(KEYS.down);
    await r.waitFor(() => traceBottom(r) !== below, '↓ towards the end');
  }
  expect(traceBottom(r)).not.toMatch(/↓ \d+ more/);
  return r;
}

describe('Trace: following its end, or staying where the learner scrolled it', () => {
  it('80x24 en: scrolled back to its end, then zoomed and back, resized and another tab shown: each line arriving comes into view', async () => {
    const r = await traceAfterTwoSteps(80, 24);
    // the learner reads up and comes back down to the end
    const end = traceRows(r).at(-1);
    await r.press(KEYS.up);
    await r.waitFor(() => traceRows(r).at(-1) !== end, '↑ to scroll the trace');
    await r.press(KEYS.down);
    await r.waitFor(() => traceRows(r).at(-1) === end, '↓ back to the end');
    let text = arrive(r);
    await r.waitFor(() => traceRows(r).at(-1)?.includes(text) === true, 'the line arrived at the end, in view');

    // zoomed and back
    await r.press('z');
    await r.waitFor((f) => f.includes('└─ z: back to the lesson'), 'the zoomed trace');
    text = arrive(r);
    await r.waitFor(() => traceRows(r).at(-1)?.includes(text) === true, 'the line arrived in view, zoomed');
    await r.press('z');
    await r.waitFor((f) => f.includes('┌─ Lesson'), 'the zoom undone');
    text = arrive(r);
    await r.waitFor(() => traceRows(r).at(-1)?.includes(text) === true, 'the line arrived in view after the zoom');

    // resized and back
    r.resize(90, 26);
    await r.waitFor(() => r.lines().length === 26, 'the resize');
    text = arrive(r);
    await r.waitFor(() => traceRows(r).at(-1)?.includes(text) === true, 'the line arrived in view after a resize');
    r.resize(80, 24);
    await r.waitFor(() => r.lines().length === 24, 'the resize back');

    // another tab, a line arriving meanwhile, and back
    await r.press(KEYS.tab);
    await r.waitFor((f) => f.includes('┌─ C'), 'the C tab');
    text = arrive(r);
    await r.press(KEYS.tab, KEYS.tab, KEYS.tab);
    await r.waitFor(() => traceRows(r).at(-1)?.includes(text) === true, 'the line that arrived in view, the Trace shown again');
    expect(traceBottom(r)).not.toMatch(/↓ \d+ more/);
    await r.quit();
  });

  it('80x24 en: scrolled up, it stays there as lines arrive, across a zoom and a tab shown, and says how much is below; a step run shows that step', async () => {
    const r = await traceAfterTwoSteps(80, 24);
    const end = traceRows(r).at(-1);
    await r.press(KEYS.up, KEYS.up);
    await r.waitFor(() => traceRows(r).at(-1) !== end && /↓ 2 more/.test(traceBottom(r)), '↑↑ to scroll the trace up');
    const shown = traceRows(r);
    arrive(r);
    await r.waitFor(() => /↓ 3 more/.test(traceBottom(r)), 'the border counting the line that arrived below');
    expect(traceRows(r)).toEqual(shown);

    await r.press('z');
    await r.waitFor((f) => f.includes('└─ z: back to the lesson'), 'the zoomed trace');
    // zoomed, the pane's rows take in the rows shown before (it did not jump to the end)
    expect(traceRows(r).join('\n')).toContain(shown.join('\n'));
    await r.press('z');
    await r.waitFor((f) => f.includes('┌─ Lesson'), 'the zoom undone');
    expect(traceRows(r)).toEqual(shown);

    await r.press(KEYS.tab);
    await r.waitFor((f) => f.includes('┌─ C'), 'the C tab');
    await r.press(KEYS.tab, KEYS.tab, KEYS.tab);
    await r.waitFor((f) => f.includes('┌─ Trace'), 'the Trace again');
    expect(traceRows(r)).toEqual(shown);
    expect(traceBottom(r)).toMatch(/↓ 3 more/);

    // the learner runs the next step: its lines are shown from its heading, the border saying
    // how much of it is below where it does not fit (fix23f#5: the notice points at its first lines)
    await r.press(KEYS.space);
    await ran(r, 3);
    // (the run showed the Kernel, its result: the Trace by Tab)
    await tabTo(r, 'trace');
    await r.waitFor(() => /IPC_SET/.test(traceRows(r).join('\n')) && traceRows(r).some((l) => /step 3/i.test(l)), 'step 3 run, from its heading');
    await r.quit();
  });

  // issue 16: zoomed, PgUp, back: the Trace stayed scrolled up, and after shmctl 3 ran it still
  // showed step 1's lines. A new run's result is followed: after a step runs, the Trace shows it
  it.each([[80, 24]])('%dx%d en: zoomed, PgUp and back, then steps run: the Trace shows the last step\'s result', async (width, height) => {
    const r = await draw({ width, height });
    await traceAfter(r, 2);
    await r.press('z');
    await r.waitFor((f) => f.includes('z: back to the lesson'), 'the zoomed trace');
    const before = traceRows(r).join('\n');
    await r.press(KEYS.pageUp);
    await r.waitFor(() => traceRows(r).join('\n') !== before, 'PgUp scrolled the zoomed trace');
    await r.press('z');
    await r.waitFor((f) => f.includes('┌─ Lesson'), 'the zoom undone');
    await r.press(KEYS.space);
    await ran(r, 3);
    await tabTo(r, 'trace');
    await r.waitFor(() => /IPC_SET/.test(traceRows(r).join('\n')), "step 3's result (IPC_SET) in the Trace");
    await r.quit();
  });
});
