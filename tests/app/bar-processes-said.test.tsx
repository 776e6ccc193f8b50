// The tab bar's processes ("lesson pid 12513 + 1 ended") are said on the status line on the screen
// where the bar first shows them, as the step list's marks are, then not again (issue 16: shmat from
// step 7 showed them unexplained until the Kernel pane's table two steps later). shmat at 80x24, en
// and zh, its steps run for real until the bar shows a pid.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { LESSON_PROCESS } from '../../src/lessons/kit.js';

const draw = appDrawer('bar-processes-said', { lessons: LESSONS, asks: false });
const shmat = LESSONS.find((l) => l.id === 'shmat')!;

describe('the tab bar’s processes are explained where they first show', () => {
  for (const lang of ['en', 'zh'] as const)
    it(`shmat 80x24 ${lang}: the status line says what "${LESSON_PROCESS[lang]} pid" and its count are, on that screen only`, async () => {
      const s = strings(lang);
      const r = await draw({ width: 80, height: 24, lang, lesson: 'shmat' });
      const bar = () => r.lines().find((l) => l.includes('Tab ⇥')) ?? '';
      const status = () => r.lines().at(-2) ?? '';
      let k = 0;
      for (; k < shmat.steps.length && !bar().includes(`${LESSON_PROCESS[lang]} pid`); k++) {
        await r.press(KEYS.space);
        await ran(r, k + 1);
      }
      expect(bar(), 'the bar shows the lesson process').toContain(`${LESSON_PROCESS[lang]} pid`);
      await r.waitFor(() => status().includes(s.tabPids), `the status line says "${s.tabPids}"`);
      // the next step's screen: said once, not again
      await r.press(KEYS.space);
      await ran(r, k + 1);
      await r.waitFor(() => r.store.getState().busy === null, 'the next step ran');
      expect(status()).not.toContain(s.tabPids);
    }, 120_000);
});
