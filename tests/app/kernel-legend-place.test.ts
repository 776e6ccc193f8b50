// The Kernel pane's legend has one place, whatever the step: newcomers at race 3-5 (zh
// 120x34) saw the title switch from step to step between "内核  ● 本课的  ▸ 详见下方  * 第 3
// 步改变的" (the legend beside it) and "内核（图例在表格下方）" (the legend under the table),
// the rows jumping with it. And "key" named it in en ("Kernel (key below the table)", a line
// "key: ● this lesson …") while the table's first column is "key", the IPC key: it is the
// legend, "legend"/"图例", never "key". Every step of every lesson, run for real, the pane
// laid out as drawn (kernelHead), at 80x24 and 120x34, en and zh: the legend's place changes
// only with the pane's size; the title and the legend's lead never say "key" (键).
import { describe, expect, it } from 'vitest';
import { kernelLegendLines } from '../../src/app/components/kernel-view.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelInput, LANGS, laidOut, paneAt, SIZES, walkLesson } from '../helpers/kernel-walk.js';

/** The Kernel pane's legend (kernelLegendLines, as the pane draws it) as one text: a width
 *  that holds it on one line. */
const legendText = (k: Parameters<typeof kernelLegendLines>[0]) => kernelLegendLines(k, 1000).map(lineText).join(' ');

describe('Kernel pane: the legend in one place, named "legend"', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: the legend's place changes only with the pane's size`, async () => {
      // per size and language: where the legend was at each step that had one
      const places = new Map<string, Set<string>>();
      await walkLesson(lesson, (at) => {
        for (const lang of LANGS) {
          const k = kernelInput(at, lang);
          const s = k.s;
          if (legendText(k) === '') continue;
          for (const [w, h] of SIZES) {
            const { outer, width, rows: [rows] } = paneAt(w, h);
            const { head, legendBelow, lines } = laidOut(k, outer, width, rows!);
            const where = `${lesson.id} step ${at.step + 1} ${lang} ${w}x${h}\n${head}\n${lines.map(lineText).join('\n')}`;
            // the title is a title: no legend in it, no word of where the legend went
            const inTitle = head !== s.kernelWide && head !== s.kernel;
            const place = inTitle ? 'title' : legendBelow.length > 0 ? 'below' : 'nowhere';
            expect(place, where).not.toBe('nowhere');
            const key = `${w}x${h} ${lang}`;
            places.set(key, (places.get(key) ?? new Set()).add(place));
            expect(places.get(key)!.size, `the legend moved between steps at ${key}: ${[...places.get(key)!].join(', ')}\n${where}`).toBe(1);
            // "legend"/"图例", never "key"/"键" (the IPC key's column): in the title or as the lead
            expect(head, where).not.toMatch(lang === 'en' ? /\bkey\b/i : /键/);
            // (a step's sentence alone, "step 1 changed nothing", is no legend and has no lead: fixR2)
            const marked = legendBelow.map(lineText).some((t) => /^(legend: |图例：)/.test(t));
            if (marked) expect(lineText(legendBelow[0]!), where).toMatch(lang === 'en' ? /^legend: / : /^图例：/);
          }
        }
      });
      expect(places.size, lesson.id).toBeGreaterThan(0);
    }, 120_000);
  }
});
