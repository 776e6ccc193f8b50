// Every line style a lesson's flow draws is in the legend above it: the dotted frame (┄ ┆)
// of a frame an earlier step lit is named while the picture has one, and only then.
import { describe, expect, it } from 'vitest';
import { flowChoice, showsFramesDone } from '../../src/app/components/flow-view.js';
import { legend, renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';

const DOTTED = /[┄┆┅┇]/;

describe('the legend names every line style drawn', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`a dotted frame is drawn only with "┄┄" in the legend, at 77 columns (${lang})`, () => {
      let dotted = 0;
      for (const lesson of LESSONS) {
        // each step shown once it ran, and in review with every step run
        for (let i = 0; i < lesson.steps.length; i++) {
          for (const choice of [flowChoice(lesson, i, i + 1), flowChoice(lesson, i, lesson.steps.length)]) {
            const rendered = renderDiagram(choice.diagram!, { width: 77, lang });
            const drawn = rendered.text({ active: choice.active, done: choice.done, masked: choice.masked });
            const key = legend(lang, false, false, showsFramesDone(choice, rendered.geometry.frames)).map((r) => r.text).join('');
            expect(key.includes('┄┄'), `${lesson.id} step ${i + 1} (${choice.diagram}):\n${key}\n${drawn}`).toBe(DOTTED.test(drawn));
            if (DOTTED.test(drawn)) dotted++;
          }
        }
      }
      // the lessons do draw some: the check is not empty
      expect(dotted).toBeGreaterThan(0);
    });
  }

  it('says what the dotted frame means, in both languages', () => {
    expect(legend('en', false, false, true).map((r) => r.text).join('')).toBe('━━ just run  ══ done  ── not yet  ┄┄ used before');
    expect(legend('zh', false, true, true).map((r) => r.text).join('')).toBe('━━ 刚运行  ══ 已做  ── 未做  ┄┄ 之前用过  ? 运行后揭晓');
    expect(legend('en', true, false, true).map((r) => r.text).join('')).toContain('.. used before');
  });
});
