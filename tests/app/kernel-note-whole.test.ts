// The Kernel pane's window, as it opens after a step, never ends inside a sentence of the
// pane's own: newcomers read "…shown here once more: no" over "↓ 1 more" on the last screen of
// each lesson at 80x24, and serv-clnt 5-6's "ended: C client pid 18103, ipclab's server pid
// 18104," (zh "已结束：C 客户端 pid 18103、ipclab 服务端 pid 18104、") over "↓ 1 more" (issue 16,
// s26c#1). Every step of every lesson, run for real, the pane laid out as drawn at every height
// it has at 80x24 and 120x34, en and zh: a wrapped sentence (a note, the "ended:" line, the
// dump's legend, the legend's sentence) whose first line is in view has its last line in view.
import { describe, expect, it } from 'vitest';
import { keepWhole, processLines, sentenceOf } from '../../src/app/components/kernel-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelInput, LANGS, laidOut, paneAt, SIZES, walkLesson } from '../helpers/kernel-walk.js';
import { line } from '../../src/app/styled.js';

describe('Kernel pane: no sentence cut by the window it opens on', () => {
  let checked = 0;
  it('keepWhole moves a sentence cut by the window below it, whole; else leaves the lines', () => {
    const ended = (pid: number) => ({ pid, role: { en: 'client', zh: '客户端' }, attached: false, alive: false });
    const tail = processLines([ended(11), ended(12), ended(13), ended(14)], 'en', strings('en'), false, 30);
    expect(tail.length).toBeGreaterThan(1);
    expect(sentenceOf(tail[0]!)).toEqual(tail);
    const lines = [line('a'), line('b'), ...tail, line('c')];
    // the window of 3 would end after the sentence's first line: it moves below, a blank in its place
    expect(keepWhole(lines, 0, 3).map(lineText)).toEqual(['a', 'b', '', ...tail.map(lineText), 'c']);
    // whole in view, or starting at the window's top: left as it is
    expect(keepWhole(lines, 0, 2 + tail.length)).toBe(lines);
    expect(keepWhole(lines, 2, 1)).toBe(lines);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step at 80x24 and 120x34, en and zh`, async () => {
      const wrong: string[] = [];
      let sentences = 0;
      await walkLesson(lesson, (at) => {
        for (const lang of LANGS) {
          const k = kernelInput(at, lang);
          for (const [w, h] of SIZES) {
            const { outer, width, rows: heights } = paneAt(w, h, 'every');
            for (const rows of heights) {
              const { lines, top, shown } = laidOut(k, outer, width, rows);
              for (const l of shown) {
                const group = sentenceOf(l);
                if (!group) continue;
                sentences++;
                if (group.some((g) => !shown.includes(g)) && shown.includes(group[0]!) && group.length <= rows)
                  wrong.push(`${lesson.id} step ${at.step + 1} ${lang} ${w}x${h}, ${rows} rows, offset ${top}: "${lineText(group[0]!)}" cut:\n${lines.map((x) => `${shown.includes(x) ? '|' : ' '} ${lineText(x)}`).join('\n')}`);
              }
            }
          }
        }
      });
      expect(wrong).toEqual([]);
      checked += sentences;
    }, 240_000);
  }

  it('the walk met wrapped sentences of the pane', () => {
    expect(checked).toBeGreaterThan(0);
  });
});
