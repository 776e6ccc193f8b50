// Each part of the Kernel pane's legend (a mark with its words) and of its keys' lines at its
// end (a key with its words) stands whole on one line: zh "[ ] 翻页看字节  } 跳过" over "零字节" (ICU found a word
// break inside the key's words) read as a status message of its own, whenever "* 第 N 步改变的"
// took the line's room (issue 16, s25h#2). Every step of every lesson, run for real, at
// 80x24 and 120x34, en and zh, at the pane's width.
import { describe, expect, it } from 'vitest';
import { keyParts, kernelLegendLines, kernelLines, legendChosen, legendWrap } from '../../src/app/components/kernel-view.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelInput, LANGS, paneAt, SIZES, walkLesson } from '../helpers/kernel-walk.js';

const flat = (text: string) => text.replace(/\u00a0/g, ' ');

describe('Kernel legend: each part whole on a line', () => {
  it('a part too wide for the line is wrapped alone, the others whole', () => {
    expect(legendWrap('legend: ', ['● this lesson', '* changed by step 2', '[ ] page bytes'], 30)).toEqual(['legend: ● this lesson', '* changed by step 2', '[ ] page bytes']);
    expect(legendWrap('图例：', ['● 本课的', '* 第 5 步改变的', '[\u00a0]\u00a0翻页看字节', '}\u00a0下一处非零'], 32)).toEqual(['图例：● 本课的  * 第 5 步改变的', '[\u00a0]\u00a0翻页看字节  }\u00a0下一处非零']);
    expect(legendWrap('legend: ', ['a part much wider than the line itself'], 20)).toEqual(['legend: a part much', 'wider than the line', 'itself']);
  });
  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step, every part of the legend and of the keys' words on one line`, async () => {
      let checked = 0;
      await walkLesson(lesson, (at) => {
        for (const lang of LANGS) {
          const k = kernelInput(at, lang);
          for (const [w, h] of SIZES) {
            const { width } = paneAt(w, h);
            const lines = [...kernelLegendLines(k, width), ...kernelLines(k, width, 1000)].map((l) => flat(lineText(l)));
            // (the legend's parts as said at this width: the new columns' words only where they fit)
            for (const part of [...legendChosen(k, width).marks, ...keyParts(k)]) {
              expect(lines.some((l) => l.includes(flat(part))), `${lesson.id} step ${at.step + 1} ${lang} ${w}x${h}: "${flat(part)}" cut\n${lines.join('\n')}`).toBe(true);
              checked++;
            }
          }
        }
      });
      expect(checked, lesson.id).toBeGreaterThan(0);
    }, 120_000);
  }
});
