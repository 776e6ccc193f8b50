// The Kernel pane's window after a step never ends with a heading alone: a table's column names
// (or the dump's heading) as its last line, or last but a blank, with the rows they head below
// the fold (the record's label holds its first fields: no heading alone). Newcomers read shmat 9-11 at 120x34 zh with the processes'
// heading at the pane's bottom and its rows out of view. Every step of every lesson, run for
// real, the pane laid out as drawn (kernelFollow, keepWhole, stickyLines) at every height it
// has after a run, 80x24 and 120x34, en and zh.
import { describe, expect, it } from 'vitest';
import { rowHeading } from '../../src/app/components/kernel-view.js';
import { lineText, type Line } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelInput, LANGS, laidOut, paneAt, SIZES, walkLesson } from '../helpers/kernel-walk.js';

/** The heading the window ends with whose first line under it is out of view, or null. */
export function headingAlone(lines: readonly Line[], shown: readonly Line[], top: number): Line | null {
  const blank = (l: Line | undefined) => !l || lineText(l).trim() === '';
  const end = blank(shown.at(-1)) ? shown.length - 2 : shown.length - 1;
  const last = shown[end];
  if (!last || end < 0) return null;
  const first = lines.findIndex((l) => rowHeading(l) === last);
  return first >= top + shown.length ? last : null;
}

describe('Kernel pane: no window ends with a heading whose rows are below it', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: every step at 80x24 and 120x34, en and zh`, async () => {
      const wrong: string[] = [];
      let windows = 0;
      for (const runLang of LANGS) {
        await walkLesson(
          lesson,
          (at) => {
            const k = kernelInput(at, runLang);
            for (const [w, h] of SIZES) {
              const { outer, width, rows } = paneAt(w, h, 'every');
              for (const height of rows) {
                const { lines, top, shown } = laidOut(k, outer, width, height);
                windows++;
                const alone = headingAlone(lines, shown, top);
                if (alone) wrong.push(`${lesson.id} step ${at.step + 1} ${runLang} ${w}x${h} (${height} rows): "${lineText(alone).trim()}" ends the window\n${shown.map(lineText).join('\n')}`);
              }
            }
          },
          [],
          runLang,
        );
      }
      expect(windows).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    }, 120_000);
  }
});
