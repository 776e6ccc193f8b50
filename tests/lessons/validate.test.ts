// The validator passes on the real lessons and catches each rule broken on purpose.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lesson } from '../../src/lessons/types.js';
import { validateLessons } from '../../src/lessons/validate.js';

/** A copy deep enough to break one field without touching the real lessons. */
function copy(): Lesson[] {
  return LESSONS.map((l) => ({ ...l, title: { ...l.title }, steps: l.steps.map((s) => ({ ...s, say: { ...s.say }, notice: { ...s.notice } })) }));
}

function broken(change: (lessons: Lesson[]) => void): string[] {
  const lessons = copy();
  change(lessons);
  return validateLessons(lessons);
}

describe('validateLessons', () => {
  it('finds nothing wrong with the lessons as shipped', () => {
    expect(validateLessons(LESSONS)).toEqual([]);
  });

  it('catches a lesson id used twice', () => {
    expect(broken((ls) => (ls[1].id = ls[0].id))).toContain("lesson id 'overview' is used more than once");
  });

  it('catches a step id used twice within a lesson', () => {
    expect(broken((ls) => (ls[2].steps[1].id = ls[2].steps[0].id))).toContain("lesson 'ftok': step id 'make-key' is used more than once");
  });

  it('allows the same step id in two lessons', () => {
    expect(LESSONS.filter((l) => l.steps.some((s) => s.id === 'cleanup')).length).toBeGreaterThan(1);
  });

  it('catches a missing or empty language', () => {
    expect(broken((ls) => (ls[0].title.zh = ''))).toContain("lesson 'overview' title: the zh text is missing or empty");
    expect(broken((ls) => delete (ls[3].steps[0].say as Partial<Record<string, string>>).en)).toContain("lesson 'shmat' step 'create' say: the en text is missing or empty");
    expect(broken((ls) => (ls[4].steps[1].notice.zh = '   '))).toContain("lesson 'shmdt' step 'detach' notice: the zh text is missing or empty");
  });

  it('catches a text too long for the lesson pane', () => {
    const problems = broken((ls) => (ls[5].steps[0].notice.en = 'word '.repeat(60)));
    expect(problems).toEqual(["lesson 'shmctl' step 'setup' notice: the en text takes 7 lines of 48 cells, more than 3"]);
  });

  it('catches a diagram that does not exist', () => {
    expect(broken((ls) => (ls[0].diagrams = [...ls[0].diagrams, 'no-such-flow']))).toContain("lesson 'overview': diagram 'no-such-flow' does not exist in assets/diagrams");
    const problems = broken((ls) => (ls[1].steps[0].diagram = 'no-such-flow'));
    expect(problems).toContain("lesson 'shmget' step 'first': diagram 'no-such-flow' does not exist in assets/diagrams");
    expect(problems).toContain("lesson 'shmget' step 'first': diagram 'no-such-flow' is not among the lesson's diagrams");
  });

  it('catches a highlight that names no node, edge or subgraph', () => {
    expect(broken((ls) => (ls[5].steps[1].highlight = ['shmctl', 'shmctl->nowhere']))).toEqual([
      "lesson 'shmctl' step 'stat': highlight 'shmctl->nowhere' is not a node, edge or subgraph of 'shmctl-functions'",
    ]);
  });

  it('catches a C file that does not exist', () => {
    expect(broken((ls) => (ls[3].cFile = 'nope.c'))).toEqual(["lesson 'shmat': C file examples/c/nope.c does not exist"]);
  });

  it('catches a step without an action', () => {
    expect(broken((ls) => ((ls[0].steps[0] as { run: unknown }).run = undefined))).toEqual(["lesson 'overview' step 'ipcs': has no action"]);
  });
});
