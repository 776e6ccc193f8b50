// The step list under the lesson text (stacked: the Lesson pane at 120x34) never shows its
// heading alone (issue 16 fixR#1: at 120x34 zh the pane ended with a bare "│ 步骤 1/6 │", no
// entry under it and no "more" sign: serv-clnt 1, msg 1, race 2, 3, 5). Over every step of every
// lesson, at 80x24 and 120x34, en and zh, quiz on and off, as the step opens and after a run.
import { describe, expect, it } from 'vitest';
import { layoutFor, lessonRowsMost } from '../../src/app/layout.js';
import { headingRows, lessonPaneContent, lessonPaneView, lessonRowsNeeded, questionTop } from '../../src/app/components/LessonPane.js';
import { paneNewTerms, textNewTerms, type LessonViewInput } from '../../src/app/components/lesson-view.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';

function inputAt(lesson: (typeof LESSONS)[number], lang: Lang, done: number, quizOn: boolean): LessonViewInput {
  const checkpoint = done < lesson.steps.length ? lesson.checkpoints?.[lesson.steps[done].id] : undefined;
  const place = checkpoint ? { kind: 'checkpoint' as const, step: done, choices: checkpoint.choices.length } : null;
  // the step just run answered right, its verdict under its notice (as long as the kernel's answers run)
  const before = done > 0 ? lesson.checkpoints?.[lesson.steps[done - 1].id] : undefined;
  const why = { en: 'Why, in two sentences of the length a checkpoint gives it, with the values of this run: the call, what it returned, and errno.', zh: '为什么，用检查点常写的长度说两句，带上这次运行的值：调用、它的返回值和 errno。' };
  const answered = before ? { guesses: { [done - 1]: 0 }, graded: { [done - 1]: { answer: 0, explanation: why } } } : { guesses: {}, graded: {} };
  const quiz = { revealedGrades: {}, checkPicks: {}, ...answered, place, present: false, lastRun: done - 1, keys: { skip: 'x', reveal: 'v', hint: 'h' } };
  const index = LESSONS.indexOf(lesson);
  const newTerms = paneNewTerms(LESSONS, lang, index, done, done, { trace: [], stepStarts: [] }, 'g', quizOn);
  const stepTerms = textNewTerms(LESSONS, lang, index, 'g', quizOn);
  return { lesson, lang, view: done, done, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), newTerms, stepTerms, ...(quizOn ? { quiz, resultFirst: !!place } : {}) };
}

describe('the step list’s heading is never drawn without a row under it', () => {
  it('every step of every lesson, 80x24 and 120x34, en and zh', () => {
    const out: string[] = [];
    let seen = 0;
    for (const lang of ['en', 'zh'] as Lang[])
      for (const lesson of LESSONS)
        for (const [w, h] of [[80, 24], [120, 34]] as const)
          for (const quizOn of [true, false])
            for (let k = 0; k < lesson.steps.length; k++) {
              const input = inputAt(lesson, lang, k, quizOn);
              const layout = layoutFor(w, h, lessonRowsNeeded(input, w - 2, h));
              if (layout.mode !== 'wide') continue;
              const content = lessonPaneContent(input, layout.lesson.w - 2, layout.lesson.h - 2, false);
              const lines = content.lines(Math.min(questionTop(input, content), content.max)).map((l) => l.map((r) => r.text).join('').trimEnd());
              const heading = ` ${input.s.stepsHeading}`;
              const at = lines.findIndex((l) => l === heading || l.startsWith(`${heading} ${k + 1}/`));
              if (at < 0) continue;
              seen++;
              const after = lines.slice(at + 1).filter((l) => l.trim());
              const signed = /↑|↓/.test(lines[at]);
              if (!after.length && !signed) out.push(`${lang} ${w}x${h} ${lesson.id} step ${k + 1}${quizOn ? '' : ' (no quiz)'}: "${lines[at]}" with no row under it`);
            }
    expect(out).toEqual([]);
    expect(seen).toBeGreaterThan(0);
  });
});
