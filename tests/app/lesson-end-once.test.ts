// A lesson's end says "End of the lesson." and what c, z and Space do once (issue 16, fixR3: the
// words stood before the check while it was open, and again under the summary after it). While a
// question of the check is open the text above it says only what Space does to it, as the bar does.
import { describe, expect, it } from 'vitest';
import { lessonTextLines, type LessonViewInput } from '../../src/app/components/lesson-view.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { runLabel } from '../../src/app/keymap.js';
import type { Lang } from '../../src/lang.js';

describe('the lesson end says one thing once', () => {
  for (const lang of ['en', 'zh'] as Lang[])
    it(`${lang}: the check open, then over: "End of the lesson" once in all`, () => {
      const s = strings(lang);
      const flat = (t: string) => t.replace(/\s+/g, '');
      let checked = 0;
      for (const lesson of LESSONS) {
        const n = lesson.steps.length;
        const last = lesson === LESSONS.at(-1);
        const count = lesson.check?.length ?? 0;
        if (!count) continue;
        checked++;
        const screen = (open: boolean) => {
          const place = open ? { kind: 'check' as const, question: 0, choices: lesson.check![0].choices.length } : null;
          const picks = open ? {} : Object.fromEntries(lesson.check!.map((_, i) => [i, 0]));
          const quiz = { guesses: {}, revealedGrades: {}, checkPicks: picks, graded: {}, place, present: false, lastRun: n - 1, keys: { skip: 'x', reveal: 'v', hint: 'h' } };
          const input: LessonViewInput = { lesson, lang, view: n, done: n, problems: {}, present: false, revealed: 0, ascii: false, s, quiz, last };
          return flat(lessonTextLines(input, 76).map(lineText).join(' '));
        };
        const times = (text: string, words: string) => text.split(flat(words)).length - 1;
        const open = screen(true);
        const over = screen(false);
        expect(times(open, s.endOfLesson) + times(over, s.endOfLesson), `${lesson.id}: ${open} /// ${over}`).toBe(1);
        expect(times(over, s.endOfLesson), lesson.id).toBe(1);
        // with a question open Space skips nothing and opens no lesson (issue 16): its words say the check
        expect(open, lesson.id).not.toContain(flat(s.endHint(last)));
        expect(runLabel({ view: n, done: n, steps: n, lastLesson: last, checkOpen: true })[lang]).not.toMatch(/finish|结束|next lesson|下一课/);
      }
      expect(checked).toBeGreaterThan(0);
    });
});
