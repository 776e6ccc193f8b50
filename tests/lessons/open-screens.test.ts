// What a learner can open before answering (the Flow, the C pane) must not answer the
// question (fix17b): the matcher, the C pane's marked answer comments, and the flows of the
// lessons newcomers read the answers on.
import { describe, expect, it } from 'vitest';
import { namesAnswer } from '../../src/lessons/giveaway.js';
import { LESSONS } from '../../src/lessons/index.js';
import { codeTexts, flowTexts, openScreenGiveaways, unmaskedOutcomes } from '../../src/lessons/open-screens.js';
import { outcomeParts, parseFlowchart } from '../../src/flow/index.js';
import { hiddenParts } from '../../src/flow/hidden.js';
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
    // IPC_RMID said is "remove" said (serv.c's comments under "does shmdt, then IPC_RMID")
    expect(namesAnswer('removed on exit', '', 'still there?', removed, 1, 'The server calls IPC_RMID.')).toBeUndefined();
    expect(namesAnswer('removed on exit', '', 'still there?', removed, 1, 'The server calls shmdt.')).toMatch(/remov/);
  });
  it('a value counts unless the line restates a result (restated) and the lesson pane said it', () => {
    const semval = [{ en: 'semval 0', zh: '' }, { en: 'semval 1', zh: '' }];
    const line = 'expect(value(set) == 0, "P took it: semval 0");';
    expect(namesAnswer('P took it: semval 0', line, 'semval then is…', semval, 0, 'P took it: semval 0')).toMatch(/semval 0/);
    expect(namesAnswer('P took it: semval 0', line, 'semval then is…', semval, 0, 'P took it: semval 0', true)).toBeUndefined();
    expect(namesAnswer('', 'x == EINVAL', 'gives…', [{ en: 'EINVAL', zh: '' }, { en: 'EIDRM', zh: '' }], 0, 'EIDRM', true)).toMatch(/EINVAL/);
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

describe('the C pane before a question', () => {
  const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;
  const before = (id: string, step: string) => lesson(id).steps.findIndex((s) => s.id === step);
  it("marks the lines of steps that ran, not the header above them nor a step's own", () => {
    const sem = lesson('sem');
    const lines = codeTexts(sem, before('sem', 'undo'), true);
    expect(lines.find((t) => t.text.includes('"P took it: semval 0"'))?.ran).toBe(true);
    expect(lines.find((t) => t.where.startsWith('sem.c:1 '))?.ran).toBe(false);
    expect(openScreenGiveaways(sem)).toEqual([]);
  });
  it("holds shmctl's expect_errno(EACCES) and msg's EIDRM back (below main, after the lit line)", () => {
    const owner = codeTexts(lesson('shmctl'), before('shmctl', 'perms-owner'), true).map((t) => t.text).join('\n');
    expect(owner).not.toMatch(/EACCES/);
    expect(codeTexts(lesson('msg'), before('msg', 'rmid'), true).map((t) => t.text).join('\n')).not.toMatch(/EIDRM/);
  });
  it("reads no prose in a file several lessons share (cleanup.h's \"fails\"), a lesson's own file's yes", () => {
    const shmdt = lesson('shmdt');
    // read as a lesson's own, cleanup.h's comments would name a right choice's word
    expect(openScreenGiveaways(shmdt).join('\n')).toMatch(/cleanup\.h:\d+ .*names "\w+" of the right choice/);
    expect(openScreenGiveaways(shmdt, new Set(['cleanup.h']))).toEqual([]);
    expect(codeTexts(shmdt, before('shmdt', 'detach'), true, new Set(['cleanup.h'])).filter((t) => t.where.startsWith('cleanup.h') && t.prose !== '')).toEqual([]);
  });
});

// fix18c: newcomers read answers off labels by their meaning, not the right choice's words:
// "0, or above SHMMAX" before the size question, "the last shmdt" before "freed at once?"
describe('the outcomes of steps not yet run', () => {
  it("are a rhombus's branches to a result and the result, and the labelled ways out of a hidden box; a branch on to a decision is the premise", () => {
    const source = 'flowchart TD\nq{a segment?} --yes--> r{flags?}\nq --no--> E(ENOENT)\nr --both--> X(EEXIST)\nd[dest] --last shmdt--> f[freed]\nd --> g[gone]\n%% hide d\n';
    const m = parseFlowchart(source);
    expect(outcomeParts({ ...m, hidden: hiddenParts(m, source) })).toEqual(['q->E', 'E', 'r->X', 'X', 'd->f']);
  });
  it('are masked before every question of every lesson', () => {
    for (const lesson of LESSONS) expect(unmaskedOutcomes(lesson), lesson.id).toEqual([]);
  });
  it("shmget's size 0 and above-SHMMAX branches are two: step 3 reveals only its own", () => {
    const shmget = LESSONS.find((l) => l.id === 'shmget')!;
    const huge = flowTexts(shmget, shmget.steps.findIndex((s) => s.id === 'size-huge')).map((t) => t.text).join('\n');
    expect(huge).toContain('?');
    expect(huge).not.toMatch(/SHMMAX|SHMALL/);
    const zero = shmget.steps.find((s) => s.id === 'size-zero')!;
    expect(zero.highlight).toContain('size->EINVAL');
    expect(zero.highlight).not.toContain('max->huge');
  });
});

describe('a Flow box a later step lights that removes the object (fix20b)', () => {
  const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;
  it("overview 6 asks whether the segment outlives both detaches: step 7's 'remove' is '?' until then", () => {
    expect(flowTexts(lesson('overview'), 5).filter((t) => /remov/.test(t.prose))).toEqual([]);
    expect(flowTexts(lesson('overview'), 7).some((t) => t.prose === 'remove')).toBe(false); // lit by then: the learner's
  });
  it("finds it under a question whether the object is still there, not under the step that removes it", () => {
    const shmctl = lesson('shmctl');
    const removes = (l: typeof shmctl) => openScreenGiveaways(l).filter((p) => p.includes('removes the object'));
    expect(removes(shmctl)).toEqual([]);
    // the rmid question ("its row in the Kernel pane… is gone at once / stays …") asked at step 2, and step 3 lighting the IPC_RMID box
    const steps = shmctl.steps.map((s) => (s.id === 'set' ? { ...s, highlight: [...s.highlight, '删除对象'] } : s));
    const early = { ...shmctl, steps, checkpoints: { ...shmctl.checkpoints, stat: shmctl.checkpoints!.rmid! } };
    expect(removes(early)).toEqual([expect.stringMatching(/^checkpoint 'stat' .*flow 'shmctl-functions' 删除对象 "IPC_RMID: remove"/)]);
  });
});
