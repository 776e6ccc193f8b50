// Tab is how a learner moves between panes: the screen names it in every state of the lesson
// screen where it does so (fix19a#2: from the overview's step 3 on, at 80x24, the bar ran out of
// room and left "Tab pane" out): the key bar, or at 80x24 the tab bar right above the panes,
// "Tab ⇥", where the key bar has no room for it at any screen of any lesson (issue 16). Every step of the overview and shmget at 80x24, en and zh, as
// drawn: the step shown right after the one before ran (its result first where the two do not
// fit), its question brought by Enter, zoomed (z), a step running, the lesson's end; and the bar
// still ends with "? all", which names the keys it leaves out.
import { describe, expect, it } from 'vitest';
import { KEYS, appDrawer, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { keyBarLine } from '../../src/app/components/KeyBar.js';
import { namedKeys } from '../../src/app/keymap.js';
import { lineText } from '../../src/app/styled.js';
import { questionBehind } from '../../src/app/store/turn.js';
import type { Lang } from '../../src/lang.js';

const draw = appDrawer('bar-tab', { lessons: LESSONS, asks: false });
const TAB: Record<Lang, string> = { en: 'Tab pane', zh: 'Tab 窗格' };
const HELP: Record<Lang, RegExp> = { en: /\? all *$/, zh: /\? 全部 *$/ };

/** What the screen lacks: Tab on the key bar (its last line) or the tab bar ("Tab ⇥", the line
 *  above the panes), or help's key at the bar's end. */
function barLacks(bar: string, lang: Lang, tabBar: string): string[] {
  // (alone where the lesson's named keys leave no room for its word, fixR3)
  const named = bar.includes(TAB[lang]) || / Tab {2}/.test(bar) || tabBar.includes('Tab ⇥');
  return [...(named ? [] : [TAB[lang]]), ...(HELP[lang].test(bar) ? [] : ['? at the end'])];
}

describe('the key bar names Tab wherever it moves between panes, at 80x24 (fix19a#2)', () => {
  for (const id of ['overview', 'shmget'])
    for (const lang of ['en', 'zh'] as Lang[])
      it(`${id}, ${lang}: every step, as drawn and while it runs`, async () => {
        const lesson = LESSONS.find((l) => l.id === id)!;
        const n = lesson.steps.length;
        const r = await draw({ width: 80, height: 24, lang, lesson: id });
        const wrong: string[] = [];
        const bar = () => r.lines().at(-1) ?? '';
        // the tab bar: the line naming the panes, above them
        const tabBar = () => r.lines().find((l) => /\bFlow\b.*\bKernel\b|流程.*内核/.test(l)) ?? '';
        const look = async (where: string) => {
          try {
            await r.waitFor(() => barLacks(bar(), lang, tabBar()).length === 0, where, 2_000);
          } catch {
            wrong.push(`${where}: no ${barLacks(bar(), lang, tabBar()).join(', ')}: ${bar()}`);
          }
        };
        const zoomed = async (where: string) => {
          await r.press('z');
          await r.waitFor(() => r.store.getState().zoomed, 'z: zoomed');
          await look(`${where}, zoomed`);
          await r.press('z');
          await r.waitFor(() => !r.store.getState().zoomed, 'z: back');
        };
        for (let k = 0; k < n; k++) {
          await r.waitFor(() => r.store.getState().view === k && r.store.getState().done === k && r.store.getState().busy === null, `step ${k + 1} shown`);
          await look(`step ${k + 1}`);
          if (questionBehind(r.store.getState())) {
            await r.press(KEYS.enter);
            await r.waitFor(() => r.store.getState().opened[k] === true, 'Enter: the question');
            await look(`step ${k + 1}, Enter pressed`);
          }
          await zoomed(`step ${k + 1}`);
          // a step running is over before a frame can be caught reliably: its bar as KeyBar draws it
          const running = { view: k, done: k, steps: n, lastLesson: false, running: true, runningStep: k, named: namedKeys(lesson, k) };
          const during = lineText(keyBarLine(lang, false, 80, running, 'main', 0, { tabs: true, zoomed: false }));
          // (the tab bar stays while a step runs: the one drawn now)
          wrong.push(...barLacks(during, lang, tabBar()).map((l) => `step ${k + 1} running: no ${l}: ${during}`));
          await r.press(KEYS.space);
          await ran(r, k + 1);
        }
        await r.waitFor(() => r.store.getState().view === n && r.store.getState().busy === null, 'the lesson\'s end');
        await look('the lesson\'s end');
        await zoomed('the lesson\'s end');
        expect(wrong).toEqual([]);
      }, 120_000);
});
