// The end-of-lesson screen as lines (pure): the last step's notice before the check (the
// check asks about it), the answered questions in order, then the open one; and a
// checkpoint's answer line after its run.
import { describe, expect, it } from 'vitest';
import { ASIDE_BAR, lessonTextLines } from '../../src/app/components/lesson-view.js';
import { gradeLines, type QuizView } from '../../src/app/components/quiz-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import { NO_BREAK } from '../../src/text/cells.js';

const shmdt = lessonById('shmdt')!;
const n = shmdt.steps.length;

function endText(lang: 'en' | 'zh', checkPicks: Record<number, number>, open: number | null): string {
  const quiz: QuizView = {
    guesses: {},
    revealedGrades: {},
    checkPicks,
    graded: {},
    place: open === null ? null : { kind: 'check', question: open, choices: shmdt.check![open].choices.length },
    present: false,
    lastRun: n - 1,
    keys: { skip: 'x', reveal: 'v' },
  };
  const lines = lessonTextLines({ lesson: shmdt, lang, view: n, done: n, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), quiz }, 48);
  return lines.map(lineText).join(' ').replace(/\s+/g, ' ');
}

describe('the end-of-lesson check on screen', () => {
  it('en: the notice first, answered questions in order, the open one last with its own range', () => {
    const text = endText('en', { 0: 1, 1: -1 }, 2);
    const at = (part: string) => text.indexOf(part);
    expect(at(`Notice (step ${n})`)).toBeGreaterThan(-1);
    expect(at(`Notice (step ${n})`)).toBeLessThan(at('✓ Check 1/3'));
    expect(at('✓ Check 1/3')).toBeLessThan(at('- Check 2/3'));
    expect(at('- Check 2/3')).toBeLessThan(at('Check 3/3'));
    expect(text).toContain(`1-${shmdt.check![2].choices.length} answer x skip`);
  });

  it('zh: the score after the answers, in order', () => {
    const text = endText('zh', { 0: 1, 1: 1, 2: 0 }, null);
    const at = (part: string) => text.indexOf(part);
    expect(at(`注意（第 ${n} 步）`)).toBeLessThan(at('小测 1/3'));
    expect(at('小测 1/3')).toBeLessThan(at('小测 2/3'));
    expect(at('小测 2/3')).toBeLessThan(at('小测 3/3'));
    expect(at('小测 3/3')).toBeLessThan(at('小测：答了 3 题，'));
  });
});

describe('counts in the end screen', () => {
  // nc13, race's end: "Answer the check below (1-2)" above check 3/3, which has choices 1-3.
  // Every lesson, every open question of its check, both languages: a "1-N" is the open one's
  it('every "1-N" on the screen is the open question\'s count of choices', () => {
    let checked = 0;
    for (const lesson of LESSONS)
      for (const [open, q] of (lesson.check ?? []).entries())
        for (const lang of ['en', 'zh'] as const) {
          const m = lesson.steps.length;
          const picks = Object.fromEntries(Array.from({ length: open }, (_, i) => [i, 0]));
          const quiz: QuizView = { guesses: {}, revealedGrades: {}, checkPicks: picks, graded: {}, place: { kind: 'check', question: open, choices: q.choices.length }, present: false, lastRun: m - 1, keys: { skip: 'x', reveal: 'v' } };
          const text = lessonTextLines({ lesson, lang, view: m, done: m, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), quiz }, 76)
            .map((l) => lineText(l).replace(ASIDE_BAR, ''))
            .join(' ');
          // a range of steps in a notice ("steps 1-4") is no prompt; an aside's rows are read without their bar
          const counts = [...text.matchAll(/(?<![\d.]|steps |步骤 |第 )1-(\d+)(?![\d.])/g)].map((c) => Number(c[1]));
          expect(counts.length, `${lesson.id} check ${open + 1} ${lang}`).toBeGreaterThan(0);
          for (const c of counts) expect(c, `${lesson.id} check ${open + 1} ${lang}: ${text}`).toBe(q.choices.length);
          checked++;
        }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('the answer line after a run', () => {
  const msg = lessonById('msg')!;
  const step = msg.steps.findIndex((st) => st.id === 'by-type');
  // an explanation that restates the answer in its own words ("It took type 1")
  const graded = { answer: 0, explanation: { en: 'It took type 1: -3 takes the lowest type.', zh: '取到的是类型 1：-3 取类型最小的。' } };
  const gradeText = (lang: 'en' | 'zh', guess: number) => {
    const quiz: QuizView = {
      guesses: { [step]: guess },
      revealedGrades: {},
      checkPicks: {},
      graded: { [step]: graded },
      place: null,
      present: false,
      lastRun: step,
      keys: { skip: 'x', reveal: 'v' },
    };
    // a NO_BREAK space holds a choice's number to its text; it reads as a space
    return gradeLines(msg, step, quiz, { lang, s: strings(lang), ascii: false, width: 200 }).map(lineText).join(' ').replaceAll(NO_BREAK, ' ');
  };

  it('right: the choice as listed (number and text), the verdict, then why', () => {
    expect(gradeText('en', 0)).toBe('✓ You chose [1] type 1. Right. It took type 1: -3 takes the lowest type.');
    expect(gradeText('zh', 0)).toBe('✓ 你选的是 [1] 类型 1。答对了。取到的是类型 1：-3 取类型最小的。');
  });

  it('wrong: the choice as listed, why not it (its whyNot); then the answer as listed, then why', () => {
    expect(gradeText('en', 2)).toBe(
      '≠ You chose [3] type 3. Why not: -3 does not ask for type 3; it takes the lowest type up to 3, and a type 1 message still waits. Answer: [1] type 1. It took type 1: -3 takes the lowest type.',
    );
    expect(gradeText('zh', 2)).toBe('≠ 你选的是 [3] 类型 3。不对：-3 不是要类型 3，而是取不超过 3 的最小类型，而类型 1 的消息还在。 答案：[1] 类型 1。取到的是类型 1：-3 取类型最小的。');
  });

  it('a right pick shows no whyNot, not even its own; a wrong one only its own', () => {
    const [type1, type2] = msg.checkpoints!['by-type']!.choices;
    expect(gradeText('en', 0)).not.toContain('Why not');
    expect(gradeText('en', 0)).not.toContain(type1.whyNot!.en);
    expect(gradeText('en', 1)).toContain(`Why not: ${type2.whyNot!.en}`);
    expect(gradeText('en', 1)).not.toContain(type1.whyNot!.en);
  });

  // nc13: after an erratum's jump back the verdict read "✗ 跳转之前你选的 3不对。答案：…", the
  // choice's text missing; a choice made before the jump reads as one made now, in both languages
  it('a choice made before an erratum\'s jump: the same verdict form, said as made before the jump', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const pick of [0, 2]) {
        const jumped: QuizView = {
          guesses: {},
          revealedGrades: {},
          checkPicks: {},
          graded: { [step]: graded },
          place: null,
          present: false,
          lastRun: step,
          keys: { skip: 'x', reveal: 'v' },
          recorded: { [step]: pick === graded.answer ? 'right' : 'wrong' },
          picksBefore: { [step]: pick },
        };
        const text = gradeLines(msg, step, jumped, { lang, s: strings(lang), ascii: false, width: 200 }).map(lineText).join(' ').replaceAll(NO_BREAK, ' ');
        const now = gradeText(lang, pick);
        const chose = lang === 'en' ? ['You chose', 'Before the jump you chose'] : ['你选的是', '跳转之前你选的是'];
        expect(text).toBe(now.replace(chose[0], chose[1]));
      }
  });

  // nc62 at 120x34 zh: "✓ 答对了：2)" (the mark then) ended a row, its text on the next. Every choice of
  // every checkpoint, right and wrong, in the widths the lesson pane has at 80 and 120
  // columns (side by side or stacked): no row ends on a choice's number.
  it('never breaks between a choice\'s number and its text, at any pane width up to 120 columns', () => {
    const explanation = { en: '`msgrcv(688139, buf, 64, -3, IPC_NOWAIT)` returned 13: the lowest type up to 3.', zh: '`msgrcv(688139, buf, 64, -3, IPC_NOWAIT)` 返回 13：不超过 3 的最小类型。' };
    // every width from 16 cells would take seconds: the narrow ones, and the text's widths
    // beside the step list and stacked at 80 and 120 columns, with their neighbours
    const WIDTHS = [16, 18, 20, 22, 24, 26, 28, 30, 33, 36, 40, 44, 46, 47, 48, 49, 50, 52, 56, 60, 64, 70, 71, 72, 76, 77, 78, 86, 90, 100, 110, 116, 117, 118];
    const lone: string[] = [];
    for (const lesson of LESSONS) {
      for (const [id, checkpoint] of Object.entries(lesson.checkpoints ?? {})) {
        const at = lesson.steps.findIndex((st) => st.id === id);
        for (const lang of ['en', 'zh'] as const) {
          for (const width of WIDTHS) {
            for (const guess of checkpoint!.choices.keys()) {
              const quiz: QuizView = { guesses: { [at]: guess }, revealedGrades: {}, checkPicks: {}, graded: { [at]: { answer: 0, explanation } }, place: null, present: false, lastRun: at, keys: { skip: 'x', reveal: 'v' } };
              const rows = gradeLines(lesson, at, quiz, { lang, s: strings(lang), ascii: false, width }).map(lineText);
              for (const row of rows) if (/(^|[\s：:])\[\d\]$/.test(row.trimEnd())) lone.push(`${lesson.id} ${id} ${lang} ${width}: ${row}`);
            }
          }
        }
      }
    }
    expect(lone).toEqual([]);
  });
});

describe('a step run with the learner\'s values, as lines', () => {
  const quiz = (step: number, guess: number): QuizView => ({
    guesses: { [step]: guess },
    revealedGrades: {},
    checkPicks: {},
    graded: { [step]: { answer: 0, explanation: { en: 'why.', zh: '为什么。' } } },
    place: null,
    present: false,
    lastRun: step,
    keys: { skip: 'x', reveal: 'v' },
  });
  const ran = (lang: 'en' | 'zh', lesson: (typeof LESSONS)[number], step: number) =>
    lessonTextLines(
      { lesson, lang, view: step + 1, done: step + 1, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), quiz: quiz(step, 0), turnResults: { [step]: [{ en: 'Your values: x.', zh: '你的取值：x。' }] } },
      200,
    )
      .map(lineText)
      .join(' ')
      .replace(/\s+/g, ' ');
  const withTurns = LESSONS.flatMap((lesson) => lesson.steps.flatMap((st, i) => (st.turn && i + 1 < lesson.steps.length ? [{ lesson, i }] : [])));

  it('the notice goes on the label\'s clause in lower case ("they show: same arguments", a newcomer met "they show: Same")', () => {
    expect(withTurns.length).toBeGreaterThan(3);
    for (const { lesson, i } of withTurns) {
      const text = ran('en', lesson, i);
      expect(text, `${lesson.id} step ${i + 1}`).not.toMatch(/(they show|would show): (?!(Kernel|Flow|Trace|C|Linux) )[A-Z][a-z]* /);
    }
  });

  it('which run is graded is said under the form, not again above the verdict, whether the lesson\'s own run after the learner\'s or theirs stays (shmctl) (fix15e#8, fix20e#1)', () => {
    let stays = 0;
    for (const { lesson, i } of withTurns) {
      if (!lesson.checkpoints?.[lesson.steps[i].id]) continue;
      if (lesson.steps[i].turn!.yoursStay) stays += 1;
      for (const lang of ['en', 'zh'] as const) {
        const text = ran(lang, lesson, i);
        const s = strings(lang);
        expect(text, `${lesson.id} ${lang}`).not.toContain(s.quizGradedYours);
        expect(text, `${lesson.id} ${lang}`).not.toContain(s.quizGradedOwn);
        expect(text, `${lesson.id} ${lang}: the verdict`).toContain('✓');
      }
    }
    expect(stays).toBeGreaterThan(0);
  });
});

describe('a re-run of a step answered before', () => {
  const overview = lessonById('overview')!;
  const step = overview.steps.findIndex((st) => overview.checkpoints?.[st.id]);
  const base = (guess: number | undefined, recorded: 'right' | 'wrong'): QuizView => ({
    guesses: guess === undefined ? {} : { [step]: guess },
    revealedGrades: {},
    checkPicks: {},
    graded: { [step]: { answer: 0, explanation: { en: 'why.', zh: '为什么。' } } },
    place: { kind: 'checkpoint', step, choices: overview.checkpoints![overview.steps[step].id]!.choices.length },
    present: false,
    lastRun: step,
    keys: { skip: 'x', reveal: 'v' },
    recorded: { [step]: recorded },
  });
  const text = (lang: 'en' | 'zh', quiz: QuizView, done: number) =>
    lessonTextLines({ lesson: overview, lang, view: done, done, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), quiz }, 76)
      .map(lineText)
      .join('\n');

  it('the keys line names the answer kept (a newcomer read "your earlier answer stands" and could not tell which)', () => {
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    expect(flat(text('en', base(undefined, 'wrong'), step))).toContain('your earlier answer, wrong, stands');
    expect(text('zh', base(undefined, 'right'), step).replace(/\s+/g, '')).toContain('保留之前答对的那次回答');
    expect(flat(text('en', base(1, 'wrong'), step))).toContain('your first, wrong, is the one counted');
  });

  it('a right re-run after a wrong first try says the first counts; a chosen mark keeps two blanks from the choice before', () => {
    const after = text('en', base(0, 'wrong'), step + 1).replace(/\s+/g, ' ');
    expect(after).toContain('Right.');
    expect(after).toContain('Your first answer, wrong, is the one the menu counts.');
    expect(text('en', base(0, 'right'), step + 1)).not.toContain('the menu counts');
    const chosen = text('en', base(1, 'right'), step).split('\n').find((l) => l.includes('[1]') && l.includes('▶'));
    expect(chosen).toMatch(/\S {2}▶ \[2\]/);
  });
});
