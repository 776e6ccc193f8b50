// The step list's ≠ (the step ran, the prediction was wrong) marks the steps answered wrong only, and
// the status line that explains it names them, on the first screen that shows it (issue 16 item 13:
// shmctl at 120x34 zh, step 7 answered wrong and step 8 right (3 and 4 wrong too, with 2); after step 8 the line read "第 8 步的
// 结果… ≠ 已运行，你的预测错了", as if of step 8). The walk holds every screen until it settles (no
// key pressed before), so the screen that first shows ≠ is never passed by (s34 let the walk run
// past it and dropped the check: it failed 2 runs in 4).
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';
import { quizPlace } from '../../src/app/store/quiz.js';
import { questionBehind } from '../../src/app/store/turn.js';
import { appDrawer, KEYS, type Rendered } from '../helpers/render.js';
import { walkAnswering } from '../helpers/walk-answering.js';

const draw = appDrawer('missed-mark-step', { lessons: LESSONS, lesson: 'shmctl', asks: false });

/** The frame once it has stopped changing (the status line's notes come a frame or two after a run). */
async function settled(r: Rendered, what: string): Promise<string> {
  let last = '';
  let same = 0;
  return r.waitFor((f) => {
    same = f === last && r.store.getState().busy === null ? same + 1 : 0;
    last = f;
    return same >= 5;
  }, what);
}

/** The step list's rows marked ≠ or ✓ for steps 7 and 8 ("│ ≠ 7 …"; not the verdict's "≠ 你选的是"). */
const listRows = (f: string) => f.split('\n').filter((l) => /[≠✓] +[78] /.test(l));

describe('≠ on the steps answered wrong, said with their numbers', () => {
  it('shmctl 120x34 zh, every question answered 2: ≠ on step 7 only (8 right), the status line names step 7 on the first screen with it', async () => {
    const r = await draw({ width: 120, height: 34, lang: 'zh' });
    await walkAnswering(r, 6, '2');
    // from step 7 on, a key at a time, each screen held until it settles, as walkAnswering presses them
    const screens: string[] = [];
    let first: string | undefined;
    while (r.store.getState().done < 8) {
      const st = r.store.getState();
      const place = quizPlace(st);
      await r.press(!questionBehind(st) && place?.kind === 'checkpoint' && st.guesses[place.step] === undefined ? '2' : KEYS.space);
      const f = await settled(r, `the screen after key ${screens.length + 1} from step 7`);
      screens.push(f.split('\n').at(-2) ?? '');
      if (first === undefined && listRows(f).some((l) => l.includes('≠'))) first = f;
    }
    expect(first, 'a screen with ≠ in the step list').toBeDefined();
    const st = r.store.getState();
    expect([6, 7].filter((i) => st.guesses[i] !== st.graded[i]?.answer)).toEqual([6]);
    // the first screen with ≠ in the list: ≠ on 7, not on 8, and its status line says so, naming step 7
    const rows = listRows(first!);
    expect(rows.some((l) => /≠ +7 /.test(l))).toBe(true);
    expect(rows.some((l) => /≠ +8 /.test(l))).toBe(false);
    // (naming every step the list marks ≠ on that screen: 3 and 4, answered 2 too, with 7)
    const marked = [...first!.matchAll(/│ ≠ +(\d+) /g)].map((m) => Number(m[1]));
    expect(marked).toContain(7);
    expect(first!.split('\n').at(-2), first).toContain(strings('zh').listMarkMissed('≠', marked));
    // never the bare words that read as the step just run's
    expect(screens.join('\n')).not.toMatch(/≠ 已运行/);
  }, 90_000);
});
