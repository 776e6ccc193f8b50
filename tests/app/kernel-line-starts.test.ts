// No line of the Kernel pane starts with a closing bracket, brace or a Chinese closing
// punctuation mark: such a line reads as a stray piece of the line above (issue 16: the zh
// legend's "} 跳过零字节" alone at a line's start read like a stray brace). Every step of every
// lesson, run for real, the pane laid out as drawn (kernelHead, kernelLines, kernelFollow,
// keepWhole, stickyLines), at 80x24 (every height the tab gets after a run) and 120x34, en and zh.
import { describe, expect, it } from 'vitest';
import { legendWrap } from '../../src/app/components/kernel-view.js';
import { lineText } from '../../src/app/styled.js';
import { cells } from '../../src/app/text-fit.js';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelInput, LANGS, laidOut, paneAt, SIZES, walkLesson } from '../helpers/kernel-walk.js';

/** A line's first mark that no line may start with: a closing bracket or brace, or Chinese
 *  punctuation that closes or follows (，。、；：！？）】」』》). */
const BAD_START = /^\s*[)\]}）】」』》〉，。、；：！？,.;:!?]/u;

describe('Kernel pane: no line starts with closing punctuation', () => {
  // every width where "[ ] page bytes  } next non-zero" fits a line (31 cells en, 28 zh;
  // the Kernel pane's narrowest text room is wider)
  it('the legend never starts a line with a key part that opens with a closing bracket (en, zh)', () => {
    for (const lang of LANGS) {
      const s = strings(lang);
      const parts = ['● this lesson', '▸ details below', ...s.pickKeyWords.split('  '), ...s.dumpKeyWords.split('  ')];
      for (let room = cells(s.dumpKeyWords); room <= 120; room++) {
        const lines = legendWrap(s.legendKey, parts, room);
        for (const l of lines) expect(BAD_START.test(l), `${lang} at ${room} cells:\n${lines.join('\n')}`).toBe(false);
      }
    }
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step at 80x24 and 120x34, en and zh`, async () => {
      const wrong: string[] = [];
      let seen = 0;
      await walkLesson(lesson, (at) => {
        for (const lang of LANGS) {
          const k = kernelInput(at, lang);
          for (const [w, h] of SIZES) {
            const { outer, width, rows: heights } = paneAt(w, h, 'afterRun');
            for (const rows of heights) {
              const { head, lines } = laidOut(k, outer, width, rows);
              const texts = [head, ...lines.map(lineText)];
              seen += texts.length;
              for (const t of texts) if (BAD_START.test(t)) wrong.push(`${lesson.id} step ${at.step + 1} ${lang} ${w}x${h}, ${rows} rows: "${t}"\n${texts.join('\n')}`);
            }
          }
        }
      });
      expect(seen).toBeGreaterThan(0);
      expect([...new Set(wrong)].slice(0, 3)).toEqual([]);
    }, 180_000);
  }
});
