// The aside of the step just run ("How ipclab does this") gives way where the next step and its
// question need the rows, but never unsaid (issue 16: shmdt 3's went from 80x24 once the question
// came up): its label stays with the key that shows it in place (a; item 16: "shown back at step 3;
// ? says how" sent newcomers to help), in both languages; with room, or once a showed it, it is whole.
import { describe, expect, it } from 'vitest';
import { ASIDE_BAR, lessonTextLines, type LessonViewInput } from '../../src/app/components/lesson-view.js';
import { keyFor } from '../../src/app/keymap.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';

describe('an aside folded for room says it is there', () => {
  it('every step with an aside, just run, en and zh: whole with room; in few rows its label and where it shows', () => {
    let checked = 0;
    for (const lesson of LESSONS)
      for (const lang of ['en', 'zh'] as const)
        lesson.steps.forEach((st, i) => {
          if (!st.aside || i + 1 >= lesson.steps.length) return;
          const s = strings(lang);
          const input = { lesson, lang, view: i + 1, done: i + 1, problems: {}, present: false, revealed: 0, ascii: false, s, quiz: null } as unknown as LessonViewInput;
          const whole = lessonTextLines(input, 78).map(lineText).join('\n');
          expect(whole, `${lesson.id} ${i + 1} ${lang}`).toContain(`${s.aside}${s.colon}`);
          expect(whole).not.toContain(s.asideFolded(keyFor('aside', false)));
          const folded = lessonTextLines(input, 78, 1).map(lineText);
          const at = folded.findIndex((l) => l.includes(`${s.aside}${s.colon}`));
          expect(at, `${lesson.id} ${i + 1} ${lang}:\n${folded.join('\n')}`).toBeGreaterThanOrEqual(0);
          expect(folded[at]).toContain(s.asideFolded(keyFor('aside', false)));
          // folded to its one row (ASIDE_BAR), the label and the key: the aside's own words are not there
          expect(folded.filter((l) => l.startsWith(ASIDE_BAR))).toEqual([folded[at]]);
          // shown by a (asideShown): whole in as few rows, as with room
          expect(lessonTextLines({ ...input, asideShown: true }, 78, 1).map(lineText).join('\n')).toBe(whole);
          checked++;
        });
    expect(checked).toBeGreaterThan(0);
  });
});
