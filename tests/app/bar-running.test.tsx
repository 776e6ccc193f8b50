// While a step runs the key bar offers only keys that do something then (issue 16 item 16: the
// zh bar at 120x34 offered → while step 1 ran; the status line says Space, ← → and r wait). Each
// key the running bar names, pressed on that screen, changes what the store holds, not only the
// status line; every bar state, both languages, 80x24 and 120x34.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { runningLabel } from '../../src/app/keymap.js';
import type { AppState } from '../../src/app/store.js';

const draw = appDrawer('bar-running', { lessons: LESSONS });

/** What a key typed sends, by the name the bar gives it. */
const SENT: Record<string, string> = { Space: KEYS.space, Enter: KEYS.enter, Tab: KEYS.tab, '→': KEYS.right, '←': KEYS.left };

/** The store's data (no functions), less the status line's words. */
function held(st: AppState): Record<string, string> {
  return Object.fromEntries(Object.entries(st).filter(([k, v]) => typeof v !== 'function' && k !== 'status').map(([k, v]) => [k, JSON.stringify(v) ?? '']));
}

describe('the bar while a step runs', () => {
  for (const lang of ['en', 'zh'] as const)
    for (const [width, height] of [[80, 24], [120, 34]] as const)
      it(`${lang} ${width}x${height}: every key it offers acts, none waits for the step`, async () => {
        // parent-child: → and y (its forms) are in its bar before it runs; step 3 asks, step 4 has a form
        const r = await draw({ width, height, lesson: 'parent-child', lang });
        await r.waitFor((f) => /(step|步骤) 1\/8/.test(f), 'the lesson');
        const problems: string[] = [];
        for (const step of [0, 2, 3]) {
          // the step shown as running: what KeyBar and the keys read (a real run is over before a frame can be held)
          r.store.setState({ view: step, done: step, busy: 'running', runningStep: step });
          const label = runningLabel({ view: step, done: step, steps: 8, lastLesson: false, running: true, runningStep: step })[lang];
          const bar = (await r.waitFor((f) => f.split('\n').at(-1)!.includes(label), `step ${step + 1} running`)).split('\n').at(-1)!;
          const keys = bar.trim().split(/ {2,}/).filter((e) => !e.startsWith(label)).flatMap((e) => e.split(' ')[0]!.split('/'));
          expect(keys.length, bar).toBeGreaterThan(4);
          const before = r.store.getState();
          for (const key of keys) {
            // q quits (after the step, which it waits for): not pressed here, it ends the test's app
            if (key === 'q') continue;
            const was = held(r.store.getState());
            await r.press(SENT[key] ?? key);
            const now = held(r.store.getState());
            if (!Object.keys(now).some((k) => now[k] !== was[k])) problems.push(`step ${step + 1} running: ${key} does nothing (${bar.trim()})`);
            r.store.setState(before, true);
            await r.waitFor((f) => f.split('\n').at(-1) === bar, 'the running bar again');
          }
        }
        r.store.setState({ busy: null, runningStep: null });
        expect(problems).toEqual([]);
      }, 60_000);
});
