// The verdict on a prediction says only what the notice above it does not (issue 16 fixR#3:
// "Notice (step 3): EINVAL: …" then "✓ You chose [3] an error: EINVAL. Right. … failed with
// EINVAL …": the same thing twice on many steps), but always what was chosen (issue 16: sem 6's
// "✓ Right." alone, its notice naming the choice, did not say which the learner picked). Over
// every step with a question, en and zh.
import { describe, expect, it } from 'vitest';
import { lessonTextLines, type LessonViewInput } from '../../src/app/components/lesson-view.js';
import { LESSONS } from '../../src/lessons/index.js';
import { listedChoice } from '../../src/lessons/checkpoint-kit.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';
import type { Text } from '../../src/lessons/types.js';

/** step `done` just ran (its question answered `pick`, graded with `explanation`), the next shown */
function textAfter(lesson: (typeof LESSONS)[number], lang: Lang, done: number, pick: number, answer: number, explanation: Text): string {
  const quiz = { revealedGrades: {}, checkPicks: {}, guesses: { [done]: pick }, graded: { [done]: { answer, explanation } }, place: null, present: false, lastRun: done, keys: { skip: 'x', reveal: 'v', hint: 'h' } };
  const input: LessonViewInput = { lesson, lang, view: done + 1, done: done + 1, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), quiz };
  return lessonTextLines(input, 76, 200).map((l) => l.map((r) => r.text).join('')).join('').replace(/\s+/g, '');
}

describe('a right verdict repeats nothing its notice says', () => {
  it('every step with a question, en and zh', () => {
    const out: string[] = [];
    for (const lang of ['en', 'zh'] as Lang[])
      for (const lesson of LESSONS)
        lesson.steps.forEach((step, k) => {
          const cp = lesson.checkpoints?.[step.id];
          if (!cp || k + 1 >= lesson.steps.length) return;
          const s = strings(lang);
          const notice = step.notice[lang];
          // the explanation says a sentence of the notice again, then one of its own
          const first = (lang === 'zh' ? notice.split(/(?<=[。！？])/u) : notice.split(/(?<=[.!?])\s+/))[0]!;
          const own = lang === 'en' ? 'Here the kernel kept its word.' : '这里内核说话算数。';
          const explanation = { en: '', zh: '', [lang]: `${first}${lang === 'en' ? ' ' : ''}${own}` } as Text;
          cp.choices.forEach((_, answer) => {
            const text = textAfter(lesson, lang, k, answer, answer, explanation);
            const where = `${lang} ${lesson.id} step ${k + 1} choice ${answer + 1}`;
            const mark = text.indexOf('✓');
            if (mark < 0) return void out.push(`${where}: no verdict`);
            const verdict = text.slice(mark);
            if (!verdict.includes(own.replace(/\s+/g, ''))) out.push(`${where}: the explanation's own sentence is gone`);
            if (first.replace(/\s+/g, '').length > 20 && verdict.includes(first.replace(/\s+/g, ''))) out.push(`${where}: the verdict says the notice's "${first}" again`);
            // the choice as chosen and listed ("You chose [2] semval 1. Right.", an errno with its
            // meaning: "[1] EINVAL (bad argument)"), whatever the notice says
            const chosen = s.quizRight(listedChoice(cp.choices, answer, lang)).replace(/\s+/g, '');
            if (!verdict.includes(chosen)) out.push(`${where}: the verdict does not say the choice: ${verdict.slice(0, 60)}`);
          });
        });
    expect(out).toEqual([]);
  });
});
