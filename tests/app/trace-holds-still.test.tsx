// Nothing run, nothing moves in the Trace: the check's last answer brings the lesson's closing
// words, which take the lesson pane a row or two more, and the Trace below keeps the lines it
// showed from the same top, its "↑ N more" the same (issue 16: shmdt's "↑ 29 more" became
// "↑ 30 more", ftok's window jumped to step 9's heading, though nothing ran).
import { describe, expect, it } from 'vitest';
import { appDrawer, onwardKey, tabTo } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { quizPlace } from '../../src/app/store/quiz.js';

const draw = appDrawer('trace-holds-still', { lessons: LESSONS });

/** The Trace pane's top border and its first row. */
function traceTop(lines: string[]): string {
  const at = lines.findIndex((l) => l.startsWith('┌─ Trace'));
  return `${lines[at]}\n${lines[at + 1]}`;
}

describe('the Trace holds still while nothing runs', () => {
  for (const id of ['shmdt', 'ftok'])
    it(`${id} 80x24: the check's last answer leaves the Trace's window where it was`, async () => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      const last = lesson.check!.length - 1;
      const r = await draw({ width: 80, height: 24, lesson: id });
      await r.waitFor((f) => f.includes(`step 1/${lesson.steps.length}`), 'the lesson');
      // on with no answers, as a learner who reads on, to the check's last question
      for (let i = 0; i < 100; i++) {
        const place = quizPlace(r.store.getState());
        if (place?.kind === 'check' && place.question === last) break;
        const st = r.store.getState();
        const was = JSON.stringify([st.done, st.view, st.checkPicks, st.ask, st.opened, st.checkOpened, st.scroll.lesson]);
        await r.press(await onwardKey(r));
        await r.waitFor(() => {
          const now = r.store.getState();
          return now.busy === null && JSON.stringify([now.done, now.view, now.checkPicks, now.ask, now.opened, now.checkOpened, now.scroll.lesson]) !== was;
        }, 'the key acted', 30_000);
      }
      await tabTo(r, 'trace');
      const before = traceTop(r.lines());
      expect(before).toMatch(/↑ \d+ more/);
      await r.press(await onwardKey(r));
      const after = await r.waitFor((f) => quizPlace(r.store.getState()) === null && f.includes('End of the lesson'), 'the check answered, the closing words');
      expect(traceTop(after.split('\n'))).toBe(before);
    }, 120_000);
});
