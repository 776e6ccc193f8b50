// While a question is on screen the Kernel pane, where it is shown, has the row of the object in
// focus (▸) in view: the question is about it (issue 16, s35g#1: shmctl 8's question at 120x34 zh
// over a pane scrolled to the step's bytes, "↑ 还有 3 行", the dest segment's row out of view). Every
// checkpoint question of every lesson, 80x24 en (the Kernel tab brought) and 120x34 zh (beside the
// lesson); real store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, questionShown, ran, tabTo, type Rendered } from '../helpers/render.js';
import { viewAs } from '../helpers/lesson-views.js';
import { LESSONS } from '../../src/lessons/index.js';
import { shownFocus } from '../../src/app/store/kernel.js';
import { questionInSight } from '../../src/app/store/turn.js';

// (asks off: a question shown is looked at, not run by the helper's waits; ran() answers the ask)
const draw = appDrawer('kernel-question-row', { lessons: LESSONS, asks: false });

const VIEWS = [
  ['en', 80, 24],
  ['zh', 120, 34],
] as const;

/** Whether the frame shows the row of segment `shmid` marked in focus ("●▸0x… 86605874 …"). */
const rowShown = (frame: string, shmid: number) => frame.split('\n').some((l) => new RegExp(`▸[^│]*\\b${shmid}\\b`).test(l));

async function focusRowLacks(r: Rendered, where: string): Promise<string[]> {
  const out: string[] = [];
  for (const [lang, width, height] of VIEWS) {
    await viewAs(r, lang, width, height);
    // the Kernel pane shown: at 80x24 its tab (Tab leaves the question on screen)
    if (width === 80) await tabTo(r, 'kernel');
    const st = r.store.getState();
    const focus = shownFocus(st);
    if (focus === null || !st.segments.some((s) => s.shmid === focus) || questionInSight(st) === null) continue;
    try {
      await r.waitFor((f) => f.split('\n').length === height && rowShown(f, focus), `${where} ${lang} ${width}x${height}: the row of ${focus} in view`, 2_000);
    } catch {
      out.push(`${where} ${lang} ${width}x${height}: the row of segment ${focus} is out of the Kernel pane's view\n${r.frame()}`);
    }
  }
  await viewAs(r, 'en', 80, 24);
  return out;
}

describe('a question on screen: the Kernel pane shows the row in focus', () => {
  for (const lesson of LESSONS.filter((l) => Object.keys(l.checkpoints ?? {}).length > 0))
    it(`${lesson.id}: every checkpoint question, 80x24 en and 120x34 zh`, async () => {
      const r = await draw({ width: 80, height: 24, lesson: lesson.id, quiz: true });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      const wrong: string[] = [];
      for (let k = 0; k < lesson.steps.length; k++) {
        if (lesson.checkpoints?.[lesson.steps[k]!.id] && r.store.getState().done === k) {
          await questionShown(r);
          wrong.push(...(await focusRowLacks(r, `${lesson.id} step ${k + 1}'s question`)));
        }
        await ran(r, k + 1);
      }
      expect(wrong).toEqual([]);
    }, 300_000);
});
