// The step list's marks and its hidden-steps signs ("2 more ↑", in the narrow list +2↑) are
// explained in the glossary, in both languages, with the marks the list really draws; no mark
// is one the Flow pane's legend gives another meaning, and no sign reads as a step's number (issue 16).
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { stepListLines } from '../../src/app/components/lesson-view.js';
import { ASKS_ASCII, MARKS } from '../../src/app/components/step-marks.js';
import { lessonPaneContent } from '../../src/app/components/LessonPane.js';
import { legend } from '../../src/flow/legend.js';
import { asciiText } from '../../src/app/text-fit.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';

describe('the step list is explained', () => {
  const entry = GLOSSARY.find((e) => e.id === 'step-list');
  const marks = Object.values(MARKS);
  it.each(['en', 'zh'] as const)('%s: every mark of the list and both signs', (lang) => {
    expect(entry).toBeDefined();
    const s = strings(lang);
    for (const mark of [...marks, ASKS_ASCII, '+2↑', '+5↓', s.stepsHidden(2, '↑'), s.stepsHidden(5, '↓')]) expect(entry!.text[lang]).toContain(mark);
    expect(entry!.name[lang]).toContain(marks.find((m) => m === '✎'));
  });

  // "?" said a step asks while the Flow's legend says "? shown later" (issue 16)
  it.each(['en', 'zh'] as const)('%s: no mark of the list is a one-cell mark of the Flow\'s legend', (lang) => {
    for (const ascii of [false, true]) {
      const samples = legend(lang, ascii, { masked: true, framesDone: true }).filter((r) => r.tone !== 'plain' || !r.text.startsWith(' ')).map((r) => r.text.trim()).filter((t) => t && [...t].length === 1);
      expect(samples.length, 'the legend\'s "?"').toBeGreaterThan(0);
      const drawn = [...marks, ASKS_ASCII].map((m) => (ascii ? asciiText(m) : m));
      for (const m of drawn) expect(samples, `${ascii ? '--ascii ' : ''}${m}`).not.toContain(m);
    }
  });

  // "↑3" at the top of the narrow list read as step 3 (issue 16): every sign of a windowed list,
  // wide or narrow, says a count with more than an arrow beside it, in the marks' column
  it.each(['en', 'zh'] as const)('%s: the signs for steps out of view never read as a step number', (lang) => {
    const lesson = LESSONS.find((l) => l.steps.length >= 12)!;
    const input = { lesson, lang, view: 6, done: 6, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang) };
    const signs: string[] = [];
    for (const inner of [78, 198])
      for (const rows of [4, 6, 8]) {
        const lines = lessonPaneContent(input, inner, rows, true).lines(0).map((l) => l.map((r) => r.text).join('').split('│')[0]!);
        signs.push(...lines.filter((l) => /[↑↓]/.test(l)));
      }
    expect(signs.length).toBeGreaterThan(3);
    for (const sign of signs) {
      expect(sign, sign).not.toMatch(/[↑↓] ?\d/);
      expect(sign, sign).toMatch(/\+\d+[↑↓]|\d+ more [↑↓]|[↑↓] 还有 \d+ 步/);
    }
  });

  // after an erratum's jump back to step 2 of 4, steps 2-4 ran before it and not since: no ✓,
  // not even a dimmed one (without colour it read as run: fix16b#4, after nc13#3)
  it.each(['en', 'zh'] as const)('%s: no ✓ on a step run before an erratum\'s jump back and not since', (lang) => {
    const lesson = LESSONS.find((l) => l.steps.length >= 4)!;
    // as LessonPane built the input before: the steps done before the jump given beside `done`
    const input = { lesson, lang, view: 1, done: 1, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), doneBefore: 4 };
    const marks = stepListLines(input, 30).map((l) => l[0]!.text.trim());
    expect(marks.slice(0, 4)).toEqual(['✓', '▶', '', '']);
    expect(entry!.text[lang]).not.toMatch(/dimmed ✓|暗色的 ✓/);
  });
});

// ✓ said a step whose prediction was wrong was like one predicted right, and ✗ already
// means a step that misbehaved: a wrong prediction has its own mark, ≠ (! under --ascii) (fix27c#2)
describe('the step list marks a wrong prediction', () => {
  const lesson = LESSONS.find((l) => l.steps.filter((st) => l.checkpoints?.[st.id]).length >= 2)!;
  const asked = lesson.steps.flatMap((st, i) => (lesson.checkpoints?.[st.id] ? [i] : []));
  const [a, b] = asked as [number, number];
  const graded = Object.fromEntries(asked.map((i) => [i, { answer: 0, explanation: { en: 'why', zh: '为什么' } }]));
  const quiz = (guesses: Record<number, number | 'skip'>, extra = {}) => ({ guesses, revealedGrades: {}, checkPicks: {}, graded, place: null, present: false, lastRun: lesson.steps.length - 1, keys: { skip: 'x', reveal: 'v' }, ...extra });
  const marks = (lang: 'en' | 'zh', q: ReturnType<typeof quiz> | undefined, problems: Record<number, string[]> = {}, ascii = false) =>
    stepListLines({ lesson, lang, view: lesson.steps.length - 1, done: lesson.steps.length - 1, problems, present: false, revealed: 0, ascii, s: strings(lang), quiz: q as never }, 30).map((l) => l[0]!.text.trim());

  it.each(['en', 'zh'] as const)('%s: ≠ on a step predicted wrongly, ✓ on one predicted right, skipped or without a question, ✗ on one that misbehaved', (lang) => {
    expect(b).toBeLessThan(lesson.steps.length - 1);
    const m = marks(lang, quiz({ [a]: 1, [b]: 0 }));
    expect(m[a]).toBe('≠');
    expect(m[b]).toBe('✓');
    expect(m.filter((x) => x === '≠')).toHaveLength(1);
    // skipped: no verdict, ✓ as ever; a misbehaving step keeps its ✗ whatever was predicted
    expect(marks(lang, quiz({ [a]: 'skip', [b]: 0 }))[a]).toBe('✓');
    expect(marks(lang, quiz({ [a]: 1, [b]: 0 }), { [a]: ['wrong'] })[a]).toBe('✗');
    // the verdict kept from an earlier run (a replay, a resume) counts as the grade says it
    expect(marks(lang, quiz({}, { recorded: { [a]: 'wrong', [b]: 'right' } }))[a]).toBe('≠');
    // under --present the step just run waits for the teacher's v: no verdict before it
    expect(marks(lang, quiz({ [a]: 1 }, { present: true, lastRun: a }))[a]).toBe('✓');
    // --ascii: one cell, as every mark of the list (≠ would be != there)
    expect(marks(lang, quiz({ [a]: 1, [b]: 0 }), {}, true)[a]).toBe('!');
    // without the quiz (--no-quiz) nothing is predicted
    expect(marks(lang, undefined)[a]).toBe('✓');
  });

  it.each(['en', 'zh'] as const)('%s: the glossary\'s step-list entry says ≠ and its --ascii form', (lang) => {
    const entry = GLOSSARY.find((e) => e.id === 'step-list')!;
    expect(entry.name[lang]).toContain('≠');
    expect(entry.text[lang]).toMatch(/≠[^✗]*!/);
  });
});

// newcomers "never know whether a step has a question until Space brings it" (fix27c#3): a
// step to come that asks has ✎ in the list (quiz on), until it runs
describe('the step list marks the steps that ask', () => {
  it.each(['en', 'zh'] as const)('%s: ✎ on every step not run yet with a question, in every lesson; none with --no-quiz', (lang) => {
    const quiz = { guesses: {}, revealedGrades: {}, checkPicks: {}, graded: {}, place: null, present: false, lastRun: -1, keys: { skip: 'x', reveal: 'v' } };
    let asked = 0;
    for (const lesson of LESSONS) {
      const input = { lesson, lang, view: 0, done: 0, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang) };
      const on = stepListLines({ ...input, quiz: quiz as never }, 30).map((l) => l[0]!.text.trim());
      const off = stepListLines(input, 30).map((l) => l[0]!.text.trim());
      lesson.steps.forEach((st, i) => {
        if (i === 0) return expect(on[0]).toBe('▶');
        const asks = !!lesson.checkpoints?.[st.id];
        if (asks) asked++;
        expect(on[i], `${lesson.id} step ${i + 1}`).toBe(asks ? '✎' : '');
        expect(off[i]).toBe('');
      });
      // once run: ✓ (the list says what happened, no longer that it asks)
      const ran = stepListLines({ ...input, view: lesson.steps.length - 1, done: lesson.steps.length - 1, quiz: quiz as never }, 30).map((l) => l[0]!.text.trim());
      expect(ran.slice(0, -1).every((m) => m === '✓'), lesson.id).toBe(true);
    }
    expect(asked).toBeGreaterThan(10);
  });
});
