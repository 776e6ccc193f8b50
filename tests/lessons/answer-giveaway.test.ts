// A checkpoint is asked before its step runs, under the step's title and text: those must
// not say the answer (nc: sem step 4 said "semncnt counts the processes asleep like this"
// above "semncnt is…"; serv-clnt step 4 said the server calls IPC_RMID above "is the
// segment still there?"). The right choice is known only once the kernel answered, so
// each lesson runs for real (`ipclab run ID --json`) and each checkpoint's answer and
// explanation are held against the text shown before it (src/lessons/giveaway.ts).
import { describe, expect, it } from 'vitest';
import { answerGiveaway, pointsAtChoice } from '../../src/lessons/giveaway.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cli } from './helpers.js';

interface Graded {
  type: 'checkpoint';
  step: string;
  answer: number;
  explanation: { en: string; zh: string };
}

describe('answerGiveaway', () => {
  const choices = [{ en: 'yes', zh: '在' }, { en: 'no, removed', zh: '不在，已删除' }];
  it('finds the right choice\'s own word in the text, whatever its ending', () => {
    expect(answerGiveaway('The server removes the segment.', 'Is the segment still there?', choices, 1, 'Gone.')).toMatch(/"remov"/);
    expect(answerGiveaway('The server exits.', 'Is the segment still there?', choices, 1, 'Gone.')).toBeUndefined();
  });
  it('finds a run of the explanation\'s words, not one of common words alone', () => {
    const why = 'Gone: after the last ack the server detached and called IPC_RMID.';
    expect(answerGiveaway('Then the server detaches and calls IPC_RMID.', 'Still there?', choices, 1, why)).toMatch(/detach and call/);
    expect(answerGiveaway('It is the one that is there.', 'Still there?', choices, 1, 'It is the one that is gone.')).toBeUndefined();
    // sem step 4 as a newcomer read it
    const counts = [0, 1, 2].map((n) => ({ en: `semncnt ${n}`, zh: `semncnt ${n}` }));
    const said = 'A second process, the waiter, calls semop -1 without IPC_NOWAIT. The count is 0, so it sleeps in the kernel. semncnt counts the processes asleep like this.';
    expect(answerGiveaway(said, 'The waiter sleeps in semop -1. semncnt is…', counts, 1, 'semncnt counts the processes asleep in P until semval grows (1 here, GETNCNT read it).')).toMatch(/semncnt count/);
  });
  it('finds another word for the right choice\'s outcome (shmat 6: "could crash" above "dies of SIGSEGV")', () => {
    const rdonly = [
      { en: 'the write goes through (stored)', zh: '写入成功' },
      { en: 'its write fails with EACCES (denied)', zh: 'EACCES' },
      { en: 'it dies of SIGSEGV (segmentation fault)', zh: 'SIGSEGV' },
    ];
    const q = 'The child writes through its read-only mapping. What happens?';
    const old = 'Attach again with SHM_RDONLY and read. ipclab itself does not write through it, as it could crash: it detaches, and a child (by fork, in C) attaches read-only and writes.';
    expect(answerGiveaway(old, q, rdonly, 2, 'The page is read-only.')).toMatch(/"crash"/);
    const now = 'Attach again with SHM_RDONLY and read. For the write, ipclab detaches, and a child (by fork, in C) attaches read-only and writes through it.';
    expect(answerGiveaway(now, q, rdonly, 2, 'The page is read-only.')).toBeUndefined();
  });
  it('a word of the lesson\'s title is no pointer, in the step titles read with the text', () => {
    const carried = [{ en: 'the segment "down" holds it', zh: '段' }, { en: 'the signal carries it', zh: '信号' }];
    const titles = 'Two IPC_PRIVATE segments\nBoth detach; the segments are removed';
    expect(answerGiveaway(titles, 'Where is the text?', carried, 0, 'In down.')).toMatch(/"segment"/);
    expect(answerGiveaway(titles, 'Where is the text?', carried, 0, 'In down.', 'parent, child — segments, signals')).toBeUndefined();
  });
  it('a call the step makes is no giveaway: its text names it', () => {
    const keys = [{ en: '0x00000000', zh: '0x00000000' }, { en: 'a non-zero key from ftok', zh: 'ftok 得到的非零 key' }];
    expect(answerGiveaway("ftok(file, 'S'); shmget(key, 4096, IPC_CREAT)", 'Which key?', keys, 1, 'key 0x53: made by ftok.')).toBeUndefined();
  });
  it('a New terms word points at choices when only some name it and the question does not', () => {
    const cp = { question: { en: 'The reader…', zh: '读者……' }, choices: [{ en: 'EIDRM', zh: 'EIDRM' }, { en: 'EINVAL', zh: 'EINVAL' }] };
    expect(pointsAtChoice('EIDRM', cp, 'en')).toBe(true);
    expect(pointsAtChoice('EIDR', cp, 'en')).toBe(false);
    expect(pointsAtChoice('EIDRM', { ...cp, question: { en: 'EIDRM or not?', zh: 'EIDRM？' } }, 'en')).toBe(false);
    expect(pointsAtChoice('semncnt', { question: cp.question, choices: [{ en: 'semncnt 0', zh: 'semncnt 0' }, { en: 'semncnt 1', zh: 'semncnt 1' }] }, 'zh')).toBe(false);
  });
});

/** Steps whose text teaches the rule their question asks to apply, each with why that is
 *  no giveaway: the answer needs what the steps before left, not only the rule. */
const TEACHES: Record<string, string> = {
  'msg by-type': 'the text says what type -3 takes; the answer needs which messages the calls before it left',
};

describe.concurrent('no step says its checkpoint\'s answer before it is asked', () => {
  // the lessons run two at a time (the alone project's maxConcurrency, vitest.config.ts): a run
  // mostly waits on its peers and the kernel, and the alone project's one worker leaves a CPU idle
  for (const lesson of LESSONS.filter((l) => Object.keys(l.checkpoints ?? {}).length > 0)) {
    it(lesson.id, async () => {
      const result = await cli(['run', lesson.id, '--json'], 120_000);
      expect(result.code, result.stderr).toBe(0);
      const graded = result.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string })
        .filter((l): l is Graded => l.type === 'checkpoint');
      expect(graded.map((g) => g.step).sort()).toEqual(Object.keys(lesson.checkpoints ?? {}).sort());
      const found = graded.flatMap((g) => {
        const step = lesson.steps.find((s) => s.id === g.step)!;
        const cp = lesson.checkpoints![g.step]!;
        // the step list is on screen while the question is asked: every step's title, the
        // later ones too (fix28d#3: overview 7's "Clean up" under overview 6's question)
        const titles = lesson.steps.filter((s) => s !== step).flatMap((s) => [s.title.en, s.short?.en ?? '']);
        const before = [step.title.en, step.short?.en ?? '', step.say.en, ...titles].join('\n');
        const said = answerGiveaway(before, cp.question.en, cp.choices, g.answer, g.explanation.en, lesson.title.en);
        return said && !TEACHES[`${lesson.id} ${g.step}`] ? [`step '${g.step}': its title or text ${said}`] : [];
      });
      expect(found).toEqual([]);
    }, 150_000);
  }
});
