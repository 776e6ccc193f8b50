// struct sembuf's fields are explained where a learner first meets them (issue 16: sem 2 named
// "sem_num 0, sem_op -1, sem_flg 0" and said what none of them is): at the step whose "New terms"
// line first names a field, the step's text gives it a meaning in brackets right after its
// value. For a learner in order and one from the menu, en and zh.
import { describe, expect, it } from 'vitest';
import { newTermWords, type LessonAt } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';

const FIELDS = ['sem_num', 'sem_op', 'sem_flg'];

describe('struct sembuf: each field explained where first named', () => {
  it('every lesson naming them', () => {
    let checked = 0;
    LESSONS.forEach((lesson, index) => {
      for (const lang of ['en', 'zh'] as const)
        for (const at of [index, { index, ran: [] }] as LessonAt[]) {
          newTermWords(LESSONS, lang, at).forEach((words, i) => {
            const step = lesson.steps[i]!;
            for (const field of FIELDS.filter((f) => words.includes(f))) {
              checked++;
              expect(step.say[lang], `${lesson.id} step ${i + 1} (${lang}): ${field}`).toMatch(new RegExp(`${field} (为 )?(-?\\d+|[A-Z_]+) ?[（(][^）)]+[）)]`));
            }
          });
        }
    });
    expect(checked).toBeGreaterThan(0);
  });
});
