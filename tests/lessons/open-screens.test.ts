// What a learner can open before answering (the Flow, the C pane) must not answer the
// question (fix17b): the matcher, the C pane's marked answer comments, and the flows of the
// lessons newcomers read the answers on.
import { describe, expect, it } from 'vitest';
import { namesAnswer } from '../../src/lessons/giveaway.js';
import { LESSONS } from '../../src/lessons/index.js';
import { flowTexts } from '../../src/lessons/open-screens.js';
import { answerTag, heldAnswerLines, untagged } from '../../src/text/answer-comments.js';

const choices = [{ en: 'NULL', zh: 'NULL' }, { en: '(void *) -1', zh: '(void *) -1' }, { en: 'the errno, such as EINVAL', zh: 'errno' }];

describe('namesAnswer', () => {
  it('finds a value or an errno only the right choice names, not a bare number in code', () => {
    expect(namesAnswer('(void *) -1', '(void *) -1', 'What does shmat return when it fails?', choices, 1)).toMatch(/\(void \*\) -1/);
    expect(namesAnswer('', 'if (a != -1) ok = 0;', 'What does shmat return when it fails?', choices, 1)).toBeUndefined();
    expect(namesAnswer('', 'x == EINVAL', 'What does shmat return when it fails?', choices, 2)).toMatch(/EINVAL/);
  });
  it('a word every choice uses, or the lesson pane said already, is no giveaway', () => {
    const both = [{ en: 'the same address', zh: '' }, { en: 'another address', zh: '' }];
    expect(namesAnswer('address', 'address', 'which?', both, 0)).toBeUndefined();
    const removed = [{ en: 'yes', zh: '' }, { en: 'no, removed', zh: '' }];
    expect(namesAnswer('removed on exit', '', 'still there?', removed, 1)).toMatch(/remov/);
    expect(namesAnswer('removed on exit', '', 'still there?', removed, 1, 'The server removes it.')).toBeUndefined();
  });
});

describe('answer comments of the C pane', () => {
  const lines = ['int a = f();', '    /*@second IPC_PRIVATE always creates */', 'x(); //@size-zero EINVAL'];
  it('are "?" until their step has run, then shown without the tag', () => {
    expect(answerTag(lines[1]!)).toBe('second');
    expect(heldAnswerLines(lines, () => false)).toEqual(['int a = f();', '    /* ? */', 'x(); // ?']);
    expect(heldAnswerLines(lines, (s) => s === 'second')).toEqual(['int a = f();', '    /* IPC_PRIVATE always creates */', 'x(); // ?']);
    expect(untagged(lines.join('\n'))).toBe('int a = f();\n    /* IPC_PRIVATE always creates */\nx(); // EINVAL');
  });
});

describe("shmat's flows before its questions", () => {
  const shmat = LESSONS.find((l) => l.id === 'shmat')!;
  const at = (id: string) => flowTexts(shmat, shmat.steps.findIndex((s) => s.id === id)).map((t) => t.text);
  it('show no "(void *) -1", "addr 2", inherited or detached mapping before the steps that get them', () => {
    expect(at('second-attach')).not.toContain('addr 2');
    expect(at('bad-id')).not.toContain('(void *) -1');
    expect(at('fork').join('\n')).not.toMatch(/inherited/);
    expect(at('exit').join('\n')).not.toMatch(/detached/);
  });
});
