// The step list's ≠ (the step ran, the prediction was wrong) marks the steps answered wrong only, and
// the status line that explains it names them (issue 16 item 13: shmctl at 120x34 zh, step 7 answered
// wrong and step 8 right; after step 8 the line read "第 8 步的结果… ≠ 已运行，你的预测错了", as if of step 8).
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer } from '../helpers/render.js';
import { walkAnswering } from '../helpers/walk-answering.js';

const draw = appDrawer('missed-mark-step', { lessons: LESSONS, lesson: 'shmctl', asks: false });

describe('≠ on the steps answered wrong, said with their numbers', () => {
  it('shmctl 120x34 zh, every question answered 2: ≠ on step 7 only (8 right), the status line names step 7', async () => {
    const r = await draw({ width: 120, height: 34, lang: 'zh' });
    const seen: string[] = [];
    for (let step = 7; step <= 8; step++) {
      await walkAnswering(r, step, '2');
      seen.push(r.lines().at(-2) ?? '');
    }
    const st = r.store.getState();
    const wrong = [6, 7].filter((i) => st.guesses[i] !== st.graded[i]?.answer);
    expect(wrong).toEqual([6]);
    const rows = r.lines().filter((l) => /[≠✓] [78] /.test(l));
    expect(rows.some((l) => l.includes('≠ 7 '))).toBe(true);
    expect(rows.some((l) => l.includes('≠ 8 '))).toBe(false);
    // the mark is explained on the first screen it shows, with the step it marks
    const said = strings('zh').listMarkMissed('≠', [7]);
    expect(seen.some((line) => line.includes(said))).toBe(true);
    expect(seen.join('\n')).not.toMatch(/≠ 已运行/);
  }, 90_000);
});
