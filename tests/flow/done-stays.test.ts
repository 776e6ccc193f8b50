// What a run step lit is drawn as done on its diagram from then on, in every lesson: the
// legend's thin line says "not yet", and sem at 7/7 drew its waiter and holders thin (issue 16).
import { describe, expect, it } from 'vitest';
import { flowChoice } from '../../src/app/components/flow-view.js';
import { LESSONS } from '../../src/lessons/index.js';
import { litPath } from '../../src/lessons/lit.js';

describe('a path a step lit stays drawn once run', () => {
  for (const lesson of LESSONS) {
    it(lesson.id, () => {
      let checked = 0;
      for (let i = 0; i < lesson.steps.length; i++) {
        // just after step i+1 ran, and in review of it with every step run
        for (const done of [i + 1, lesson.steps.length]) {
          const choice = flowChoice(lesson, i, done);
          const drawn = new Set([...choice.active, ...choice.done]);
          for (let j = 0; j < i; j++) {
            if (lesson.steps[j].diagram !== choice.diagram) continue;
            for (const id of litPath(lesson.steps[j], [])) {
              expect(drawn.has(id), `${lesson.id} step ${i + 1} (done ${done}): step ${j + 1}'s ${id} drawn as not yet`).toBe(true);
              checked++;
            }
          }
        }
      }
      if (lesson.steps.some((s, i) => i > 0 && s.diagram === lesson.steps[i - 1].diagram)) expect(checked).toBeGreaterThan(0);
    });
  }
});
