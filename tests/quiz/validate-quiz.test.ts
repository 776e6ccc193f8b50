// `ipclab check` holds every lesson to its questions, and the engine reports a
// checkpoint whose choices do not hold what the kernel did as a problem of its step.
import { describe, expect, it } from 'vitest';
import { diagramModel } from '../../src/flow/diagrams.js';
import { word } from '../../src/lessons/checkpoint-kit.js';
import { startLesson } from '../../src/lessons/engine.js';
import { lessonById, LESSONS } from '../../src/lessons/index.js';
import type { Lesson } from '../../src/lessons/types.js';
import { validateLessons } from '../../src/lessons/validate.js';

const shmget = lessonById('shmget')!;
const shmat = lessonById('shmat')!;
const quizProblems = (lesson: Lesson) => validateLessons([...LESSONS.filter((l) => l.id !== lesson.id), lesson]).filter((p) => p.includes(`lesson '${lesson.id}'`));
/** the problems other than a choice's whyNot (tests of other rules make choices without one) */
const otherProblems = (lesson: Lesson) => quizProblems(lesson).filter((p) => !p.includes('whyNot'));

describe('ipclab check and the questions', () => {
  it('the lessons as they are pass', () => {
    expect(validateLessons(LESSONS)).toEqual([]);
  });

  it('needs two checkpoints on real steps and a check of three', () => {
    const [first] = Object.entries(shmget.checkpoints!);
    const broken = { ...shmget, checkpoints: { [first[0]]: first[1], nowhere: first[1] }, check: shmget.check!.slice(0, 2) };
    expect(quizProblems(broken)).toEqual([
      "lesson 'shmget' checkpoint 'nowhere': the lesson has no step 'nowhere'",
      "lesson 'shmget': its check has 2 question(s), not 3",
    ]);
    expect(quizProblems({ ...shmget, checkpoints: { [first[0]]: first[1] } })).toEqual(["lesson 'shmget': has 1 checkpoint(s), at least 2 are needed"]);
  });

  it('both languages, texts that fit, choices on one line and none twice, an answer among the choices', () => {
    const second = shmget.checkpoints!.second!;
    // no word of a glossary entry a question points to (pane, column: the status entry's), or the giveaway rule flags it too
    const long = 'a choice far too long to fit on one line of the lesson text at eighty cells wide';
    const broken = {
      ...shmget,
      checkpoints: { ...shmget.checkpoints, second: { ...second, question: { en: 'Same?', zh: '' }, choices: [{ en: long, zh: '太长' }, word('nattch 3'), word('nattch 3')] } },
      check: [{ ...shmget.check![0], answer: 5 }, ...shmget.check!.slice(1)],
    };
    expect(otherProblems(broken)).toEqual([
      "lesson 'shmget' checkpoint 'second' question: the zh text is missing or empty",
      "lesson 'shmget' checkpoint 'second' choice 1: the en text takes 2 lines of 48 cells, more than 1",
      "lesson 'shmget' checkpoint 'second' (en): choices 2 'nattch 3' and 3 'nattch 3' are the same answer: make every choice a different one",
      "lesson 'shmget' checkpoint 'second' (zh): choices 2 'nattch 3' and 3 'nattch 3' are the same answer: make every choice a different one",
      "lesson 'shmget' check question 1: its answer 5 is none of its choices",
    ]);
  });

  it('choices in words, each a different answer: no bare number, no two spellings of one C value', () => {
    const [first, second, third] = shmat.check!;
    const broken = { ...shmat, check: [{ ...first, choices: [word('NULL'), word('(void *) -1'), word('0')] }, { ...second, choices: [word('1'), { en: 'nattch 2', zh: 'nattch 2' }] }, third] };
    expect(otherProblems(broken)).toEqual([
      "lesson 'shmat' check question 1 choice 3 (en): '0' is a bare number, read as an option's own number: say what it counts (\"nattch 0\")",
      "lesson 'shmat' check question 1 (en): choices 1 'NULL' and 3 '0' are the same answer: make every choice a different one",
      "lesson 'shmat' check question 1 choice 3 (zh): '0' is a bare number, read as an option's own number: say what it counts (\"nattch 0\")",
      "lesson 'shmat' check question 1 (zh): choices 1 'NULL' and 3 '0' are the same answer: make every choice a different one",
      "lesson 'shmat' check question 2 choice 1 (en): '1' is a bare number, read as an option's own number: say what it counts (\"nattch 1\")",
      "lesson 'shmat' check question 2 choice 1 (zh): '1' is a bare number, read as an option's own number: say what it counts (\"nattch 1\")",
    ]);
    expect(otherProblems({ ...shmat, check: [{ ...first, choices: [word('0x10'), word('16')] }, second, third] })).toContain(
      "lesson 'shmat' check question 1 (en): choices 1 '0x10' and 2 '16' are the same answer: make every choice a different one",
    );
  });

  it('a checkpoint step whose title or text names an errno of its choices gives the answer away', () => {
    // step 3 (size 0), whose choices name EINVAL and ENOENT: step 2's name none since issue 16
    const steps = shmget.steps.map((s) => (s.id === 'size-zero' ? { ...s, title: { en: 'Size 0: ENOENT', zh: '大小为 0：ENOENT' }, say: { ...s.say, en: `${s.say.en} EEXIST?` } } : s));
    expect(quizProblems({ ...shmget, steps })).toEqual([
      "lesson 'shmget' checkpoint 'size-zero': the step's title (en) names ENOENT, one of its choices: say it in the notice, after the run",
      "lesson 'shmget' checkpoint 'size-zero': the step's title (zh) names ENOENT, one of its choices: say it in the notice, after the run",
    ]);
  });

  it("a result the flow shows before any step got it gives a checkpoint's answer away: one a step lights is drawn as \"?\" until then", () => {
    // shmat's last step no longer lighting shmat(-1, …) --EINVAL-->: the edge's EINVAL would be on screen from step 1
    const steps = shmat.steps.map((s) => (s.id === 'bad-id' ? { ...s, highlight: ['bad'], litBy: undefined } : s));
    const problems = quizProblems({ ...shmat, steps });
    // and, since fix17b, the masked box 'fail' ((void *) -1) that step lit is shown too: the
    // rules on masks and on open screens say so as well
    expect(problems).toEqual(
      expect.arrayContaining([
        "lesson 'shmat' checkpoint 'bad-id': its flow 'shmat-map' (en) always shows EINVAL (bad->fail), one of its choices, but not ENOENT, EACCES: light bad->fail in the step that gets it, so the flow shows \"?\" until it has run",
        "lesson 'shmat' checkpoint 'bad-id': its flow 'shmat-map' (zh) always shows EINVAL (bad->fail), one of its choices, but not ENOENT, EACCES: light bad->fail in the step that gets it, so the flow shows \"?\" until it has run",
        "lesson 'shmat': 'fail' of 'shmat-map' is marked '%% hide', but no step lights it, so it is always shown: light it in the step that answers it",
      ]),
    );
    expect(problems.filter((p) => p.includes('which the learner can open before answering'))).toHaveLength(2);
  });

  it("a label marked '%% hide' that no step lights would always be shown: the check names it", () => {
    // sem's step 6 no longer lighting the SEM_UNDO edge: "SEM_UNDO: given back" would be there from step 1
    const sem = lessonById('sem')!;
    const steps = sem.steps.map((s) => (s.id === 'undo' ? { ...s, highlight: s.highlight.filter((id) => id !== 'h1->sem') } : s));
    expect(quizProblems({ ...sem, steps })).toEqual([
      "lesson 'sem': 'h1->sem' of 'sem-pv' is marked '%% hide', but no step lights it, so it is always shown: light it in the step that answers it",
    ]);
  });
});

describe('why a choice is not the answer (Choice.whyNot)', () => {
  it('every choice of a checkpoint has one in both languages, short, its own, not the hint again; a check question\'s answer has none', () => {
    const second = shmget.checkpoints!.second!;
    const [same, fresh, eexist] = second.choices;
    const [q1, q2, q3] = shmget.check!;
    const broken: Lesson = {
      ...shmget,
      checkpoints: {
        ...shmget.checkpoints,
        second: {
          ...second,
          choices: [
            { ...same, whyNot: { en: same.whyNot!.en, zh: ' ' } },
            { ...fresh, whyNot: second.hint },
            { en: eexist.en, zh: eexist.zh },
          ],
        },
      },
      check: [
        { ...q1, choices: q1.choices.map((c) => ({ ...c, whyNot: { en: 'key 0 is IPC_PRIVATE, which names no segment.', zh: 'key 0 就是 IPC_PRIVATE。' } })) },
        { ...q2, choices: q2.choices.map((c, i) => (i === 1 ? { ...c, whyNot: q2.explain } : i === 2 ? { ...c, whyNot: q2.choices[2].whyNot && { ...q2.choices[2].whyNot, en: `${'far too long '.repeat(10)}.` } } : c)) },
        q3,
      ],
    };
    expect(quizProblems(broken).filter((p) => p.includes('whyNot'))).toEqual([
      "lesson 'shmget' checkpoint 'second' choice 1 whyNot: the zh text is missing or empty",
      "lesson 'shmget' checkpoint 'second' choice 2 whyNot: the en text repeats its question's explanation or hint (\"IPC_PRIVATE is not a name to look up.\"): say why this choice is not the answer",
      "lesson 'shmget' checkpoint 'second' choice 2 whyNot: the zh text repeats its question's explanation or hint (\"IPC_PRIVATE 不是一个可供查找的名字。\"): say why this choice is not the answer",
      "lesson 'shmget' checkpoint 'second' choice 3 ('an error: -1'): has no whyNot: say in one sentence, en and zh, when it would be the answer",
      "lesson 'shmget' check question 1 choice 2: is the answer, so its whyNot would never be shown: remove it",
      "lesson 'shmget' check question 1 choice 3 whyNot: the en text is choice 1's again: each choice its own reason",
      "lesson 'shmget' check question 1 choice 3 whyNot: the zh text is choice 1's again: each choice its own reason",
      "lesson 'shmget' check question 2 choice 2 whyNot: the en text takes 155 cells, more than 125: one short sentence",
      "lesson 'shmget' check question 2 choice 2 whyNot: the en text repeats its question's explanation or hint (\"SHMMIN, the least size, is 1 on Linux (s\"): say why this choice is not the answer",
      "lesson 'shmget' check question 2 choice 2 whyNot: the zh text takes 146 cells, more than 140: one short sentence",
      "lesson 'shmget' check question 2 choice 2 whyNot: the zh text repeats its question's explanation or hint (\"最小大小 SHMMIN 在 Linux 上是 1（见第 3 步的跟踪）。1 字节\"): say why this choice is not the answer",
      "lesson 'shmget' check question 2 choice 3 whyNot: the en text takes 131 cells, more than 125: one short sentence",
    ]);
    // shown after "Why not: ", a whyNot follows the style of prose after a colon
    const capital: Lesson = { ...shmget, checkpoints: { ...shmget.checkpoints, second: { ...second, choices: [{ ...same, whyNot: { en: `The ${same.whyNot!.en}`, zh: same.whyNot!.zh } }, fresh, eexist] } } };
    expect(quizProblems(capital).filter((p) => p.includes('after a colon with a capital'))).toEqual([
      `lesson 'shmget' checkpoint 'second' choice 1 whyNot: the en text goes on after a colon with a capital ("Why not: The ${same.whyNot!.en.slice(0, 2)}"): lower case unless a name`,
    ]);
  });

  it('the shipped lessons give every choice one, and none repeats another choice\'s of its question', () => {
    const all = LESSONS.flatMap((l) => [...Object.values(l.checkpoints ?? {}).map((cp) => ({ choices: cp!.choices, answer: -1 })), ...(l.check ?? [])]);
    for (const { choices, answer } of all) {
      const whys = choices.filter((_, i) => i !== answer).map((c) => c.whyNot);
      expect(whys.every((w) => w && w.en.trim() && w.zh.trim())).toBe(true);
      expect(new Set(whys.map((w) => w!.en)).size).toBe(whys.length);
    }
  });
});

describe('edges that answer a question', () => {
  it("a checkpoint asking what comes of something an edge is named for, on the step first lighting that edge, finds it unless the edge or its end is '%% hide'n", () => {
    // msg's last step asked about IPC_RMID: its flow's "msgctl IPC_RMID" edge is on screen from step 1
    const msg = lessonById('msg')!;
    const [, some] = Object.entries(msg.checkpoints!)[0];
    const asked = { ...msg, checkpoints: { ...msg.checkpoints, rmid: { ...some!, question: { en: 'After msgctl IPC_RMID the queue…', zh: 'msgctl IPC_RMID 之后，队列……' } } } };
    expect(quizProblems(asked)).toContain(
      "lesson 'msg' checkpoint 'rmid': its flow 'msg-queue' shows where IPC_RMID leads (lesson->queue#2) before the step runs: mark it '%% hide lesson->queue#2' so it is \"?\" until then",
    );
    // the shipped lessons mark theirs: parent-child's SIGUSR1, sem's SEM_UNDO edges
    expect(validateLessons(LESSONS).filter((p) => p.includes('shows where'))).toEqual([]);
  });

  it('a "?" box at its end is not enough where the label says more than the question (issue 16: serv-clnt 3 showed "shmdt, IPC_RMID" before step 4 asked what IPC_RMID leaves)', () => {
    const model = diagramModel('serv-clnt-3', 'en');
    const hidden = model.hidden;
    expect(hidden).toContain('freed');
    try {
      model.hidden = hidden!.filter((id) => id !== 'server->freed');
      expect(quizProblems(lessonById('serv-clnt')!)).toContain(
        "lesson 'serv-clnt' checkpoint 'last': its flow 'serv-clnt-3' shows where IPC_RMID leads (server->freed) before the step runs: mark it '%% hide server->freed' so it is \"?\" until then",
      );
    } finally {
      model.hidden = hidden;
    }
    // shmctl's "IPC_RMID" to a "?" says no more than its question does
    expect(quizProblems(lessonById('shmctl')!).filter((p) => p.includes('shows where'))).toEqual([]);
  });
});

describe('grading', () => {
  it("a whyNot that says what this run's explanation says is a problem of the step: the learner would read it twice", async () => {
    const second = shmget.checkpoints!.second!;
    const explanation = { en: 'IPC_PRIVATE always creates.', zh: 'IPC_PRIVATE 总是新建。' };
    const choices = second.choices.map((c, i) => (i === 0 ? { ...c, whyNot: explanation } : c));
    const lesson: Lesson = { ...shmget, checkpoints: { ...shmget.checkpoints, second: { ...second, choices, explain: () => explanation } } };
    const run = startLesson(lesson);
    try {
      await run.runNext();
      const outcome = await run.runNext();
      expect(outcome.checkpoint).toBeUndefined();
      expect(outcome.problems).toEqual(["checkpoint of step 'second': choice 1's whyNot repeats this run's explanation"]);
    } finally {
      await run.close();
    }
  });

  it('a kernel result that is none of the choices is a problem of the step, not a grade', async () => {
    const second = shmget.checkpoints!.second!;
    // choices that leave out what the kernel does (a new shmid)
    const lesson: Lesson = { ...shmget, checkpoints: { ...shmget.checkpoints, second: { ...second, answer: () => -1 } } };
    const run = startLesson(lesson);
    try {
      expect((await run.runNext()).ok).toBe(true);
      const outcome = await run.runNext();
      expect(outcome.checkpoint).toBeUndefined();
      expect(outcome.problems).toEqual(["checkpoint of step 'second': the kernel's result (choice -1) is none of its 3 choices"]);
    } finally {
      await run.close();
    }
  });
});
