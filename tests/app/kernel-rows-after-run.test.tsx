// A run brings the Kernel pane back to its objects' rows (issue 16 item 17): at parent-child 7 at
// 120x34 zh the pane went to the row in focus, "up", and hid "down" above it ("↑ 还有 1 行") for a
// blank row at its bottom, though both rows fit; and a pane the learner moved with j at step 4
// must open on the rows again after the next run. The real app, store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { lessonById } from '../../src/lessons/index.js';
import { appDrawer, KEYS, ran, tabTo, type Rendered } from '../helpers/render.js';

const lesson = lessonById('parent-child')!;
const draw = appDrawer('kernel-rows-after-run', { lessons: [lesson] });

/** The Kernel pane's rows of the lesson's two segments, by their names, as drawn. */
const segmentRows = (r: Rendered) => r.lines().filter((l) => /● ?▸?(down|up) +0x/.test(l)).map((l) => /(down|up) +0x/.exec(l)![1]);

describe('the Kernel pane after a run shows the objects its window can hold', () => {
  it.each(['zh', 'en'] as const)('parent-child at 120x34 %s: j at step 4, then steps 5 and 7 run: both segments in view', async (lang) => {
    const r = await draw({ width: 120, height: 34, lang, quiz: false, lesson: lesson.id, restart: true });
    await ran(r, 4);
    await tabTo(r, 'kernel');
    const before = r.frame();
    await r.press('j');
    await r.waitFor((f) => f !== before, 'j moved the Kernel pane');
    await r.press(KEYS.space);
    await ran(r, 5);
    await r.waitFor(() => segmentRows(r).length === 2, 'step 5 run: both segments in view');
    await r.press(KEYS.space);
    await ran(r, 7);
    // the pane draws after the run's last read: both rows, "down" first, as ipcs lists them
    await r.waitFor(() => r.store.getState().busy === null && segmentRows(r).length === 2, 'step 7 run: both segments in view');
    expect(segmentRows(r)).toEqual(['down', 'up']);
  });
});
