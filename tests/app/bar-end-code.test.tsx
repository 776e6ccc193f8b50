// At a lesson's end c shows the C code without changing what Space, → and Enter do (issue 16, newcomer pass 6:
// at ftok's end at 80x24 the bar said "Space next lesson"; after c, whose C view takes rows from the
// closing words (fix22a#5), it said "Space the rest" and the next lesson needed one more Space). The
// closing words drawn whole once, → and Enter open the next lesson whatever pane is shown then, as the
// bar said before c (Space opens none: issue 16); the bar and the lesson pane's border say so.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { LESSONS } from '../../src/lessons/index.js';
import { renderApp } from '../helpers/render.js';
import { testTempDir } from '../helpers/temp-dir.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import { questionHidden } from '../../src/app/store/turn.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('c at a lesson\'s end', () => {
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 80, 24]] as const)
    it(`leaves Enter opening the next lesson (ftok, ${lang} ${width}x${height})`, async () => {
      const state = testTempDir('ipclab-bar-end-');
      dirs.push(state);
      const r = await renderApp({ width, height, lessons: LESSONS, lesson: 'ftok', restart: true, asks: false, lang, env: { XDG_STATE_HOME: state }, color: false });
      await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
      const index = r.store.getState().lessonIndex;
      const steps = r.store.getState().lessons[index].steps.length;
      expect(r.store.getState().lessons[index].id).toBe('ftok');
      const next = lang === 'en' ? ' →/Enter next lesson' : ' →/Enter 下一课';
      // (Space to the end seen whole: the bar names → and Enter from the end on, whatever is still below)
      for (let presses = 0; presses < 80 && r.store.getState().lessonIndex === index && r.store.getState().endSeen !== index; presses++) {
        const st = r.store.getState();
        const place = quizPlace(st);
        // the check answered (1): its verdicts make the closing words longer than the pane at 80x24 with c
        if (place?.kind === 'check' && !questionHidden(st)) {
          await r.press('1');
          await r.waitFor(() => r.store.getState().checkPicks[place.question] !== undefined, 'answered', 5_000).catch(() => undefined);
          continue;
        }
        const before = JSON.stringify([st.done, st.view, st.ask, st.scroll.lesson, st.resultShown, st.checkOpened]);
        await r.press(' ');
        await r.waitFor(() => {
          const now = r.store.getState();
          return now.busy === null && JSON.stringify([now.done, now.view, now.ask, now.scroll.lesson, now.resultShown, now.checkOpened]) !== before;
        }, `press ${presses}: Space did something`, 20_000);
        await r.waitFor((f) => f.split('\n').length === height, 'drawn');
      }
      expect(r.store.getState().lessonIndex).toBe(index);
      expect(r.store.getState().view).toBeGreaterThanOrEqual(steps);
      expect(r.lines().at(-1)).toMatch(new RegExp(`^${next}`));
      await r.press('c');
      await r.waitFor(() => r.store.getState().tab === 'code', 'c: the C code');
      await r.waitFor((f) => f.split('\n').length === height && r.store.getState().resultShown?.view === steps, 'drawn');
      // the bar after c: Enter still opens the next lesson, and the border offers no rest for it; Space opens none
      expect(r.lines().at(-1)).toMatch(new RegExp(`^${next}`));
      expect(r.frame()).not.toMatch(/Space: the rest|空格：其余部分/);
      await r.press(' ');
      await r.waitFor((f) => f.includes(lang === 'en' ? 'Space goes no further' : '空格不再往下走'), 'Space: the status line says → and Enter');
      expect(r.store.getState().lessonIndex).toBe(index);
      await r.press('\r');
      await r.waitFor(() => r.store.getState().lessonIndex !== index, 'Enter: the next lesson');
      await r.quit();
    }, 120_000);
});
