// A your-turn form's texts may not send the learner to a later step that asks a question for
// what a word does: the form is read as the values are chosen, and "IPC_NOWAIT (step 4 shows what it does)" under msg 3's form left the flag
// unexplained where it was used, and pointed at msg 4's question ("msgrcv with IPC_NOWAIT
// then…"); sem 3's form said SEM_UNDO's undo comes "only when ipclab exits (steps 6 and 7
// show it)", sem 6's question (issue 16, newcomer passes). What a word does here is said
// here, in words that leave the later question open (tests/lessons/answer-giveaway.test.ts).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lesson, Step, Text } from '../../src/lessons/types.js';


/** Every text a step's your-turn form shows: its line under the heading, its fields' help and the flags it does not offer. */
function formTexts(step: Step): { where: string; text: Text }[] {
  const out: { where: string; text: Text }[] = [];
  const turn = step.turn;
  if (turn) {
    out.push({ where: 'form', text: turn.say });
    if (turn.yours) out.push({ where: 'form yours', text: turn.yours });
    for (const f of turn.fields) {
      if (f.help) out.push({ where: `field ${f.name}`, text: f.help });
      if (f.kind.kind === 'flags') for (const n of f.kind.notOffered ?? []) out.push({ where: `field ${f.name}: ${n.name}`, text: n.why });
    }
  }
  return out;
}

/** The step numbers a text names: "step 4", "steps 6 and 7", "第 4 步", "第 6、7 步". */
export function stepsNamed(text: Text): number[] {
  const out: number[] = [];
  for (const m of text.en.matchAll(/\bsteps? (\d+(?:(?:, | and | or )\d+)*)/g)) out.push(...m[1].split(/, | and | or /).map(Number));
  for (const m of text.zh.matchAll(/第 ?([\d、和或 ]+?) ?步/g)) out.push(...m[1].split(/[、和或 ]+/).filter(Boolean).map(Number));
  return out;
}

function forwardToQuestions(lesson: Lesson): string[] {
  const asked = new Set(lesson.steps.flatMap((s, i) => (lesson.checkpoints?.[s.id] ? [i + 1] : [])));
  const out: string[] = [];
  lesson.steps.forEach((step, k) => {
    for (const { where, text } of formTexts(step))
      for (const n of stepsNamed(text)) if (n > k + 1 && asked.has(n)) out.push(`${lesson.id} step ${k + 1} ${where} names step ${n}, which asks a question: ${text.en}`);
  });
  return out;
}

describe('no your-turn form sends the learner to a later step that asks a question', () => {
  it('finds the step numbers a text names, in both languages', () => {
    expect(stepsNamed({ en: 'Yours has IPC_NOWAIT (step 4 shows what it does)', zh: '（它的作用见第 4 步）' })).toEqual([4, 4]);
    expect(stepsNamed({ en: 'steps 6 and 7 show it', zh: '第 6、7 步演示' })).toEqual([6, 7, 6, 7]);
    expect(stepsNamed({ en: 'no step named', zh: '无' })).toEqual([]);
  });
  it('in every lesson', () => {
    expect(LESSONS.filter((l) => l.steps.some((s) => s.turn)).length).toBeGreaterThan(4);
    expect(LESSONS.flatMap(forwardToQuestions)).toEqual([]);
  });
});
