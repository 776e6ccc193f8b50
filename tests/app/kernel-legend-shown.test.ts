// The Kernel pane's legend names only the step's marks the window it opens on shows: race 3's legend
// said "* changed by step 2" where no * was on screen, only "1~" (issue 16, s26c#3). And where
// a step moved the focus (▸) to a segment that was listed before it, the legend says so where
// ▸ is explained: shmget 5 to 6 moved it and nothing said why (s26c#5). Every step of every
// lesson, run for real, the pane laid out as drawn at every height it has after a run at
// 80x24 and at 120x34, en and zh.
import { describe, expect, it } from 'vitest';
import { lineText, type Line } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelInput, LANGS, laidOut, paneAt, SIZES, walkLesson } from '../helpers/kernel-walk.js';

const ROW_MARKS: Record<string, RegExp> = { '+': /^\+[ ●○]/, '-': /^-[ ●○]/, '+-': /^\+-/ };

/** Whether the lines show `mark` where the pane puts it: an owner mark or ▸ in a row's lead, a
 *  row's own mark at its start, a change mark right after a figure in the changed tone. */
function shows(lines: readonly Line[], mark: string): boolean {
  if (mark === '*' || mark === '~') return lines.some((l) => l.some((r) => r.tone === 'changed' && r.text.trimEnd().endsWith(mark)));
  if (ROW_MARKS[mark]) return lines.some((l) => ROW_MARKS[mark]!.test(lineText(l)));
  return lines.some((l) => lineText(l).slice(0, 6).includes(mark));
}

describe('Kernel pane: the legend names the marks in view, and a focus the step moved', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step at 80x24 and 120x34, en and zh`, async () => {
      const wrong: string[] = [];
      await walkLesson(lesson, (at) => {
        const { now, before } = at;
        const moved = before.focus !== null && now.focus !== null && before.focus !== now.focus && before.segments.some((seg) => seg.shmid === now.focus);
        for (const lang of LANGS) {
          const k = kernelInput(at, lang);
          for (const [w, h] of SIZES) {
            const { outer, width, rows: heights } = paneAt(w, h, 'afterRun');
            for (const rows of heights) {
              const { legendBelow, lines, top, shown } = laidOut(k, outer, width, rows);
              const where = `${lesson.id} step ${at.step + 1} ${lang} ${w}x${h}, ${rows} rows, offset ${top}:\n${lines.map((l) => `${shown.includes(l) ? '|' : ' '} ${lineText(l)}`).join('\n')}`;
              const legend = legendBelow.map(lineText).join('  ');
              if (moved && legend.includes('▸') && !legend.includes(k.s.focusStep(at.step + 1))) wrong.push(`the focus moved by the step, unsaid: ${where}`);
              if (!legendBelow.some((l) => shown.includes(l))) continue;
              const rest = shown.filter((l) => !legendBelow.includes(l));
              // (the step named once after its marks, "+ new, * changed by step 9", is a part for each)
              const parts = legend.replace(/^(legend: |图例：)/, '').split(/ {2,}|(?:, |、)(?=\S )/);
              for (const part of parts) {
                const mark = part.split(' ')[0]!;
                // the step's marks (the owner marks and ▸ explain the rows right above the legend)
                if (!['*', '~', '+', '-', '+-'].includes(mark)) continue;
                if (!shows(rest, mark)) wrong.push(`legend "${part}" with no ${mark} in view: ${where}`);
              }
            }
          }
        }
      });
      expect(wrong).toEqual([]);
    }, 240_000);
  }
});
