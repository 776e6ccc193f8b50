// In review (← to a step that ran) the step's question comes first, its choices with the
// answer marked and the verdict on the learner's choice, then what the run showed: its notice
// (fix15g#2: "Notice: shmdt returned 0 …" stood above "Predict: … after shmdt?", read as the
// answer before the question). And the step list's numbers are right-aligned (fix15g#3).
import { describe, expect, it } from 'vitest';
import { lessonTextLines, stepListLines, type LessonViewInput } from '../../src/app/components/lesson-view.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import type { Lang } from '../../src/lang.js';

function reviewAt(lesson: (typeof LESSONS)[number], lang: Lang, view: number): LessonViewInput {
  const n = lesson.steps.length;
  const graded = Object.fromEntries(lesson.steps.flatMap((st, i) => {
    const c = lesson.checkpoints?.[st.id];
    return c ? [[i, { answer: 0, explanation: { en: 'because', zh: '因为' } }]] : [];
  }));
  const quiz = { guesses: { [view]: 0 }, revealedGrades: {}, checkPicks: {}, graded, place: null, present: false, lastRun: n - 1, keys: { skip: 'x', reveal: 'v', hint: 'h' } };
  return { lesson, lang, view, done: n, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), quiz } as unknown as LessonViewInput;
}

describe('review: the question before the notice (fix15g#2)', () => {
  it('every step with a question of every lesson, en and zh: its label, then its notice', () => {
    let checked = 0;
    for (const lesson of LESSONS)
      for (const lang of ['en', 'zh'] as const)
        lesson.steps.forEach((st, k) => {
          if (!lesson.checkpoints?.[st.id]) return;
          const s = strings(lang);
          const text = lessonTextLines(reviewAt(lesson, lang, k), 78).map(lineText);
          const question = text.findIndex((l) => l.startsWith(`${s.question}${s.colon}`));
          const notice = text.findIndex((l) => l.startsWith(`${s.notice}${s.colon}`));
          const where = `${lesson.id} ${lang} step ${k + 1}: ${JSON.stringify(text)}`;
          expect(question, where).toBeGreaterThanOrEqual(0);
          expect(notice, where).toBeGreaterThan(question);
          checked++;
        });
    expect(checked).toBeGreaterThan(40);
  });
});

describe('step list: numbers right-aligned (fix15g#3)', () => {
  it('a lesson of 10 steps or more: every title starts in one column', () => {
    const long = LESSONS.filter((l) => l.steps.length >= 10);
    expect(long.length).toBeGreaterThan(0);
    for (const lesson of long)
      for (const width of [8, 30, 40]) {
        const rows = stepListLines({ ...reviewAt(lesson, 'en', 0), done: 0 }, width).map(lineText);
        // "   1 A segment…" and "  12 Last call: shmctl": the number ends in one column
        const ends = rows.map((r) => /^ . +(\d+)/.exec(r)!).map((m) => m.index + m[0].length);
        expect(new Set(ends).size, `${lesson.id} ${width}: ${JSON.stringify(rows)}`).toBe(1);
      }
  });
});
