// A notice that points into the Trace names only what the Trace shows after the run without a
// key press (trace-result-in-view.test.ts: the step's result in view): it never tells the
// learner to scroll there, nor sends them to an earlier step's lines, which the pane shows only
// after presses (issue 16: serv-clnt's "the commands are under step 5 in Trace" took Tab, z and
// 2 PgUp; overview 1's "Trace: Tab, then scroll up" 3 presses at 80x24). Where such lines matter
// the notice says what they say.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { namesTrace } from '../../src/lessons/validate.js';

/** Notices known to point at an earlier step's lines, each to be reworded by the lesson's owner:
 *  this list can only shrink (race 4's "against step 2's" went with issue 16's rewording). */
const KNOWN = new Set<string>([]);

/** The steps an English or Chinese text names: "step 2", "steps 1-4", "第 2 步", "步骤 5". */
function stepsNamed(text: string): number[] {
  return [...text.matchAll(/\bsteps? (\d+)|第 ?(\d+) ?步|步骤 ?(\d+)/gi)].map((m) => Number(m[1] ?? m[2] ?? m[3]));
}

describe('a notice naming the Trace points only at what it shows after the run', () => {
  it('the words it looks for', () => {
    expect(stepsNamed('against step 2\'s; steps 1-4')).toEqual([2, 1]);
    expect(stepsNamed('可以和第 2 步比，“步骤 5”的下面')).toEqual([2, 5]);
    expect(namesTrace({ en: 'under "step 5" in Trace (Tab)', zh: '“跟踪”' })).toBe(true);
    expect(/"step \d+"|“步骤 ?\d+”/.test('命令在“跟踪”（按 Tab）里“步骤 5”的下面')).toBe(true);
  });
  it('no "scroll", no earlier step\'s lines, every lesson, en and zh', () => {
    const wrong: string[] = [];
    const known: string[] = [];
    for (const lesson of LESSONS) {
      lesson.steps.forEach((step, k) => {
        if (!namesTrace(step.notice)) return;
        for (const text of [step.notice.en, step.notice.zh]) {
          const where = `${lesson.id} ${k + 1}`;
          if (/scroll|PgUp|PgDn|滚/i.test(text)) wrong.push(`${where}: tells the learner to scroll: ${text}`);
          // a step's heading in the Trace, quoted: the window shows the step's result, its heading only where the part fits
          if (/"step \d+"|“步骤 ?\d+”/.test(text)) wrong.push(`${where}: sends the learner to a step's heading in the Trace: ${text}`);
          if (stepsNamed(text).some((n) => n < k + 1)) (KNOWN.has(where) ? known : wrong).push(`${where}: points at an earlier step's lines in the Trace: ${text}`);
        }
      });
    }
    expect(wrong).toEqual([]);
    // a notice reworded leaves the list: take it out
    expect(new Set(known.map((k) => k.split(':')[0]))).toEqual(KNOWN);
  });
});
