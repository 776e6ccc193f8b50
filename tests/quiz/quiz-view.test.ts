// The end-of-lesson screen as lines (pure): the last step's notice before the check (the
// check asks about it), the answered questions in order, then the open one.
import { describe, expect, it } from 'vitest';
import { lessonTextLines } from '../../src/app/components/lesson-view.js';
import type { QuizView } from '../../src/app/components/quiz-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { lessonById } from '../../src/lessons/index.js';

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
    expect(at('小测 3/3')).toBeLessThan(at('小测：3 题答对'));
  });
});
