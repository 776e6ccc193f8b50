// A choice's number is unmistakable (issue 16): newcomers read "1) nattch 0" as one thing,
// the choice's number running into the value. A choice is listed as its key in brackets, then
// always one separator, then its text: "[1] nattch 0", and no choice text starts right after
// the digit of its number, wherever a choice is shown (the question, the verdict, the answer
// line, `ipclab run`: all listedChoice), for every question of every lesson, en and zh, in a
// row and in a column.
import { describe, expect, it } from 'vitest';
import { checkLines, questionLines, type QuizView } from '../../src/app/components/quiz-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { listedChoice } from '../../src/lessons/checkpoint-kit.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Choice, Lesson } from '../../src/lessons/types.js';
import { NO_BREAK } from '../../src/text/cells.js';
import { withErrnoMeanings } from '../../src/text/errno.js';

const LANGS = ['en', 'zh'] as const;

/** What is wrong with choice `i` as listed: its number not closed in brackets, no separator
 *  after the mark, or the text run into the digit. Undefined when it reads "[n] text". */
function markProblem(listed: string, i: number, text: string): string | undefined {
  const n = String(i + 1);
  const at = listed.indexOf(n);
  if (at < 0) return `no number ${n}`;
  const after = listed.slice(at + n.length);
  // the number is closed: "]" right after its digit, and "[" right before it
  if (listed[at - 1] !== '[' || !after.startsWith(']')) return `the number ${n} is not in brackets`;
  // always a separator, then the text whole
  if (!/^\][ \u00a0]/.test(after)) return `no separator after [${n}]`;
  if (after.slice(2) !== text) return `the text after [${n}] is not the choice's own`;
  return undefined;
}

/** Every question of every lesson: its checkpoints and the check. */
function questions(lesson: Lesson): { where: string; choices: readonly Choice[] }[] {
  return [
    ...Object.entries(lesson.checkpoints ?? {}).map(([id, cp]) => ({ where: `${lesson.id} ${id}`, choices: cp!.choices })),
    ...(lesson.check ?? []).map((q, k) => ({ where: `${lesson.id} check ${k + 1}`, choices: q.choices })),
  ];
}

describe('a choice reads as its key in brackets, a separator, then its text', () => {
  it('listedChoice: "[n]" then one no-break space then the text, for every choice of every lesson, en and zh', () => {
    const bad: string[] = [];
    for (const lesson of LESSONS)
      for (const q of questions(lesson))
        for (const lang of LANGS)
          q.choices.forEach((c, i) => {
            // the text as shown: an errno with its short meaning (s28b)
            const problem = markProblem(listedChoice(q.choices, i, lang), i, withErrnoMeanings(c[lang], lang));
            if (problem) bad.push(`${q.where} ${lang} choice ${i + 1}: ${problem}`);
          });
    expect(bad).toEqual([]);
  });

  it('a choice that starts with a digit is still told from its number ("[1] 0x00000000", not "1) 0x00000000")', () => {
    const choices = [{ en: '0x00000000', zh: '0x00000000' }, { en: '4096 bytes', zh: '4096 字节' }];
    for (const lang of LANGS)
      choices.forEach((c, i) => {
        const listed = listedChoice(choices, i, lang);
        expect(markProblem(listed, i, c[lang])).toBeUndefined();
        // no digit of the text right after the number's digit, nor one blank from it
        expect(listed.replaceAll(NO_BREAK, ' ')).not.toMatch(/^\D*\d[\s)]?\d/);
      });
  });

  it('on screen: every checkpoint\'s choices in a row (76 columns) and in a column (30), each choice "[n] text", two blanks between choices in a row', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const lesson of LESSONS)
      for (const [id, cp] of Object.entries(lesson.checkpoints ?? {})) {
        const step = lesson.steps.findIndex((st) => st.id === id);
        for (const lang of LANGS)
          for (const width of [76, 30]) {
            const quiz: QuizView = { guesses: {}, revealedGrades: {}, checkPicks: {}, graded: {}, place: null, present: false, lastRun: step - 1, keys: { skip: 'x', reveal: 'v' } };
            const text = questionLines(lesson, step, quiz, { lang, s: strings(lang), ascii: false, width }).map(lineText).join('\n').replaceAll(NO_BREAK, ' ');
            cp!.choices.forEach((c, i) => {
              checked++;
              const start = `[${i + 1}] ${[...c[lang].replace(/`/g, '')].slice(0, 4).join('')}`;
              if (!text.includes(start)) bad.push(`${lesson.id} ${id} ${lang} ${width}: no "${start}"`);
            });
            // a number mark only as "[n]": never "n)" beside a value
            if (/(?:^|\s{2})(?:▶ )?\d\)/m.test(text)) bad.push(`${lesson.id} ${id} ${lang} ${width}: a choice numbered "n)"`);
            // in a row, a choice ends two blanks before the next one's mark
            for (const row of text.split('\n')) if (/\S \[\d\]/.test(row) && !/\S {2}\[\d\]/.test(row) && !/\S {2}▶ \[\d\]/.test(row)) bad.push(`${lesson.id} ${id} ${lang} ${width}: one blank before a mark: ${row}`);
          }
      }
    expect(checked).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });
});

// issue 16: sem's check [2] wrapped to "│  失败" at 120x34 zh, under the choice's number, read as a
// line of its own: a wrapped choice goes on under its own text, for every choice of every
// question of every lesson (checkpoints and the check), en and zh, at every text width the
// lesson pane gives at 80 and 120 columns (beside the step list, side by side, the whole pane)
describe('a wrapped choice goes on under its own text', () => {
  it('every choice of every quiz, every width from 30 to 118, en and zh', () => {
    const bad: string[] = [];
    let wrapped = 0;
    for (const lesson of LESSONS)
      for (const lang of LANGS)
        for (let width = 30; width <= 118; width++) {
          const look = { lang, s: strings(lang), ascii: false, width };
          const base: QuizView = { guesses: {}, revealedGrades: {}, checkPicks: {}, graded: {}, place: null, present: false, lastRun: -1, keys: { skip: 'x', reveal: 'v' } };
          const shown = [
            ...Object.keys(lesson.checkpoints ?? {}).map((id) => {
              const step = lesson.steps.findIndex((st) => st.id === id);
              return { where: `${lesson.id} ${id}`, lines: questionLines(lesson, step, { ...base, lastRun: step - 1 }, look) };
            }),
            ...(lesson.check ?? []).map((_, k) => ({ where: `${lesson.id} check ${k + 1}`, lines: checkLines(lesson, { ...base, lastRun: lesson.steps.length - 1, place: { kind: 'check', question: k, choices: lesson.check![k]!.choices.length } }, look) })),
          ];
          for (const { where, lines } of shown) {
            const rows = lines.map(lineText).map((l) => l.replaceAll(NO_BREAK, ' '));
            let indent = -1;
            for (const row of rows) {
              const mark = /^(?:▶ | {2})(\[\d+\] )/.exec(row);
              // a choice's first row; a row of the choices in a row holds another "[n]" after it
              if (mark && !/\S {2}(?:▶ )?\[\d+\]/.test(row)) indent = 2 + mark[1]!.length;
              // a row at the margin is no choice's (the keys line under them)
              else if (mark || !row.startsWith(' ') || row.trim() === '') indent = -1;
              else if (indent >= 0) {
                wrapped++;
                if (!row.startsWith(' '.repeat(indent)) || row[indent] === ' ') bad.push(`${where} ${lang} ${width}: "${row}" not under its choice's text`);
              }
            }
          }
        }
    expect(wrapped).toBeGreaterThan(50);
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
