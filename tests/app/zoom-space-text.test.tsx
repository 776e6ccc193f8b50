// s28f#1: zoomed, Space ran a step whose text the learner had never read (race 5 and serv-clnt 5
// at 80x24: the lesson's bar said "Space step 5's text", the zoomed bar "Space run 5"). Zoomed,
// Space does what it does in the lesson: while the step's text was not in view whole it ends the
// zoom to show it, the bar saying so, and runs the step only once it was shown. Real store,
// lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { spaceShowsRest, zoomHidesText } from '../../src/app/store/turn.js';

const draw = appDrawer('zoom-space-text', { lessons: LESSONS, quiz: false });

const bar = (lines: string[]) => lines.at(-1) ?? '';

describe('Space while zoomed', () => {
  for (const lang of ['en', 'zh'] as const) {
    const s = strings(lang);
    const textWord = lang === 'en' ? "Space step 5's text" : 'Space 第 5 步的说明';
    const runWord = lang === 'en' ? /Space run 5\b/ : /Space 运行第 5 步/;

    // (in Chinese race 5 fits the window whole)
    if (lang === 'en') it(`race 80x24 ${lang}: with step 5's text below the window, z then Space shows the text (the zoom ends, nothing runs), the bar saying so`, async () => {
      const r = await draw({ width: 80, height: 24, lang, lesson: 'race' });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      await ran(r, 4);
      await r.waitFor(() => { const st = r.store.getState(); return st.resultShown?.done === 4 && st.resultShown.view === 4; }, 'step 5 drawn');
      // the scenario the testers met: the lesson's bar names step 5's text
      expect(spaceShowsRest(r.store.getState())).not.toBeNull();
      expect(bar(r.lines())).toContain(textWord);
      await r.press('z');
      await r.waitFor(() => r.store.getState().zoomed, 'zoomed');
      await r.waitFor(() => bar(r.lines()).includes(textWord), 'the zoomed bar names the text, not the run');
      expect(bar(r.lines())).not.toMatch(runWord);
      await r.press(KEYS.space);
      await r.waitFor((f) => !r.store.getState().zoomed && f.includes(s.zoomShowsText('Space', 5)), 'the zoom ended, the status line saying why');
      expect(r.store.getState().done).toBe(4);
      expect(r.store.getState().busy).toBeNull();
      await r.quit();
    });

    it(`shmctl 80x24 ${lang}: a step run zoomed keeps the zoom; the next Space shows the next step's text, never drawn, before it runs it`, async () => {
      const r = await draw({ width: 80, height: 24, lang, lesson: 'shmctl' });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      await ran(r, 1);
      await r.waitFor(() => { const st = r.store.getState(); return st.resultShown?.done === 1 && st.resultShown.view === 1; }, 'step 2 drawn');
      // step 2's text whole in view: zoomed, Space runs it, the zoom kept
      while (spaceShowsRest(r.store.getState()) !== null) {
        const top = r.store.getState().scroll.lesson;
        await r.press(KEYS.space);
        await r.waitFor(() => r.store.getState().scroll.lesson !== top, 'the rest shown');
      }
      await r.press('z');
      await r.waitFor(() => r.store.getState().zoomed && !zoomHidesText(r.store.getState()), 'zoomed over a text read');
      await r.press(KEYS.space);
      await r.waitFor(() => r.store.getState().done === 2 && r.store.getState().busy === null, 'step 2 ran zoomed');
      expect(r.store.getState().zoomed).toBe(true);
      // step 3's text was never drawn: the bar says Space shows it, and Space does, running nothing
      expect(zoomHidesText(r.store.getState())).toBe(true);
      const three = lang === 'en' ? "Space step 3's text" : 'Space 第 3 步的说明';
      await r.waitFor(() => bar(r.lines()).includes(three), 'the bar names step 3\'s text');
      await r.press(KEYS.space);
      await r.waitFor((f) => !r.store.getState().zoomed && f.includes(s.zoomShowsText('Space', 3)), 'the zoom ended');
      expect(r.store.getState().done).toBe(2);
      await r.quit();
    });
  }
});
