// After a lesson's check (issue 16, newcomers s36): the keys review offers are the keys it takes,
// and nothing costs the learner an answer. shmdt (the quickest lesson), 80x24 en and 120x34 zh:
// z then a digit in one write answers the check's question that was on screen (zoomed over it
// too: it was drawn before the zoom); Enter in review, one → short of the end, goes on as →
// does and never re-runs the lesson (the bar names Space for that); after r r and a walk that
// skips every question of the check, the record of the first stays (store/quiz.ts keepsCheck)
// and the lesson pane says so. race, whose step 4's aside is below the window in review at 80x24:
// a brings it into view, and says on the status line why it does nothing where there is none.
import { describe, expect, it } from 'vitest';
import { keyFor } from '../../src/app/keymap.js';
import { scoreOf } from '../../src/app/progress.js';
import { strings } from '../../src/app/strings.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import { lessonById } from '../../src/lessons/index.js';
import { lessonRows } from '../helpers/lesson-views.js';
import { appDrawer, checkReadable, KEYS, questionShown, ran, type Rendered } from '../helpers/render.js';

const shmdt = lessonById('shmdt')!;
const race = lessonById('race')!;
const draw = appDrawer('review-keys', { lessons: [shmdt, race] });
const steps = shmdt.steps.length;
const answer = (q: number) => String(shmdt.check![q].answer + 1);

const status = (r: Rendered) => r.lines().at(-2) ?? '';
const text = (r: Rendered) => lessonRows(r).join('\n');

/** At check question `q`, in view and read for the half second it takes keys after. */
async function atCheck(r: Rendered, q: number): Promise<void> {
  await r.waitFor(() => { const p = quizPlace(r.store.getState()); return p?.kind === 'check' && p.question === q; }, `check question ${q + 1}`);
  await questionShown(r);
  await checkReadable(r, q);
}

describe('review keeps answers and takes only the keys it offers', () => {
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 120, 34]] as const) {
    it(`${lang} ${width}x${height}: z then a digit answers; Enter in review goes on; a re-asked check skipped keeps its record`, async () => {
      const s = strings(lang);
      const r = await draw({ width, height, lang, lesson: 'shmdt', restart: true });
      await ran(r, steps);
      // z and the answer in one write, the question on screen as it came: the zoom ends, the key answers
      await atCheck(r, 0);
      await r.press(`z${answer(0)}`);
      await r.waitFor(() => r.store.getState().checkPicks[0] === shmdt.check![0].answer, 'z then the digit: question 1 answered');
      expect(r.store.getState().zoomed).toBe(false);
      // zoomed over a question read before the zoom: z brings it back and the digit of the same write answers it
      await atCheck(r, 1);
      await r.press('z');
      await r.waitFor(() => r.store.getState().zoomed, 'z: zoomed over question 2');
      await r.press(`z${answer(1)}`);
      await r.waitFor(() => r.store.getState().checkPicks[1] === shmdt.check![1].answer, 'z then the digit, back from the zoom: question 2 answered');
      expect(status(r)).not.toContain(s.keyHeld(answer(1), { check: 2 }));
      await atCheck(r, 2);
      await r.press(answer(2));
      await r.waitFor(() => r.store.getState().checkPicks[2] === shmdt.check![2].answer, 'question 3 answered');
      const record = () => scoreOf(r.store.getState().answers.shmdt, 3).check;
      expect(record()).toMatchObject({ right: 3, answered: 3, skipped: 0 });

      // ← ← → →: the last step in review, one → short of the end; Enter there goes on, as →
      for (const [key, view] of [[KEYS.left, steps - 1], [KEYS.left, steps - 2], [KEYS.right, steps - 1]] as const) {
        await r.press(key);
        await r.waitFor(() => r.store.getState().view === view, `view ${view}`);
      }
      const calls = r.store.getState().trace.length;
      await r.press(KEYS.enter);
      await r.waitFor(() => r.store.getState().view === steps, 'Enter in review: on to the end');
      const st = r.store.getState();
      expect([st.done, st.rerunStep, st.busy, st.trace.length]).toEqual([steps, null, null, calls]);

      // r r: the lesson reset; walked again, every question of the check skipped: the record stays
      await r.press('r');
      await r.waitFor(() => r.store.getState().ask?.kind === 'reset', 'r asks');
      await r.press('r');
      await r.waitFor(() => r.store.getState().done === 0 && r.store.getState().busy === null, 'r again: reset');
      await ran(r, steps);
      for (let q = 0; q < 3; q++) {
        await atCheck(r, q);
        await r.press('x');
        await r.waitFor(() => r.store.getState().checkPicks[q] === -1, `x: question ${q + 1} skipped`);
      }
      expect(record()).toMatchObject({ right: 3, answered: 3, skipped: 0 });
      const kept = s.checkKept(3, 3);
      await r.waitFor(() => text(r).replace(/[│\s]+/g, '').includes(kept.replace(/\s+/g, '').slice(0, 12)), 'the lesson pane: the record stays');
    });
  }

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang} 80x24: a in review brings race 4's aside into view; elsewhere the status line says why not`, async () => {
      const s = strings(lang);
      const key = keyFor('aside', false);
      const aside = race.steps[3]!.aside![lang];
      const words = lang === 'en' ? aside.split(' ').slice(0, 4).join(' ') : aside.slice(0, 6);
      const r = await draw({ width: 80, height: 24, lang, lesson: 'race', restart: true });
      await ran(r, 2);
      // step 4, ahead of step 3 to run: no aside yet
      await r.press(KEYS.right);
      await r.waitFor(() => r.store.getState().view === 3, '→ step 4');
      await r.press(key);
      await r.waitFor(() => status(r).includes(s.asideLater(key)), 'a before the run: said');
      await r.press(KEYS.left);
      await r.waitFor(() => r.store.getState().view === 2, '← back to step 3');
      await ran(r, race.steps.length);
      // step 4 in review: its aside below the window until a
      for (const view of [race.steps.length - 1, 3]) {
        await r.press(KEYS.left);
        await r.waitFor(() => r.store.getState().view === view, `← view ${view}`);
      }
      await r.waitFor(() => text(r).includes(`${s.step} 4/`), 'step 4 in review drawn');
      expect(text(r)).not.toContain(words);
      await r.press(key);
      await r.waitFor(() => text(r).includes(words), 'a: the aside in view');
      expect(status(r)).toContain(s.asideInView(key, 4));
      expect(r.store.getState().view).toBe(3);
      // step 3 has none: said
      await r.press(KEYS.left);
      await r.waitFor(() => r.store.getState().view === 2, '← step 3');
      await r.press(key);
      await r.waitFor(() => status(r).includes(s.asideNone(key, 3)), 'a at step 3: no aside, said');
    });
  }
});
