// s28b: newcomers read "[1] EINVAL [2] ENOSPC" as bare codes beside ftok 4's "ENOENT (no such
// entry)", and implementation talk ("How ipclab does this", Node, a frozen screen) in a step's own
// text as the lesson. Every choice is drawn with its errno's meaning, one way; `ipclab check`
// fails on a choice that would not be, and on those words outside an aside.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { listedChoice } from '../../src/lessons/checkpoint-kit.js';
import { asideWordProblems, choiceErrnoProblems } from '../../src/lessons/validate.js';
import { ERRNO_SHORT, errnosIn, withErrnoMeanings } from '../../src/text/errno.js';
import type { Lesson } from '../../src/lessons/types.js';

describe('an errno in a choice is drawn with its meaning', () => {
  it('adds the meaning in each language\'s brackets, once', () => {
    expect(withErrnoMeanings('EINVAL', 'en')).toBe('EINVAL (bad argument)');
    expect(withErrnoMeanings('以 EAGAIN 失败', 'zh')).toBe('以 EAGAIN（请重试）失败');
    expect(withErrnoMeanings('fails with ENOENT (no such entry)', 'en')).toBe('fails with ENOENT (no such entry)');
    expect(withErrnoMeanings('ENOENT（没有这一项）', 'zh')).toBe('ENOENT（没有这一项）');
    // not an errno koffi knows, or one without a row: as it is
    expect(withErrnoMeanings('EOWNERDEAD, ENOTANERRNO', 'en')).toBe('EOWNERDEAD, ENOTANERRNO');
  });

  it('every choice of every lesson, as listed, says each errno it names with its meaning, in both languages', () => {
    let seen = 0;
    for (const lesson of LESSONS) {
      const lists = [...Object.values(lesson.checkpoints ?? {}).map((cp) => cp!.choices), ...(lesson.check ?? []).map((q) => q.choices)];
      for (const choices of lists) {
        for (const lang of ['en', 'zh'] as const) {
          choices.forEach((_, i) => {
            const shown = listedChoice(choices, i, lang);
            for (const { name, meaning } of errnosIn(shown)) {
              seen++;
              expect(meaning, `${lesson.id}: ${shown}`).toBe(ERRNO_SHORT[name]![lang]);
            }
          });
        }
      }
    }
    // shmget's, ftok's, shmat's, shmdt's, shmctl's, msg's and sem's questions name errnos
    expect(seen).toBeGreaterThan(20);
  });

  it('check names an errno with no row, one in a bracket and one with other words', () => {
    expect(choiceErrnoProblems('EINVAL', 'en')).toEqual([]);
    expect(choiceErrnoProblems('fails with EIDRM', 'en')[0]).toMatch(/EIDRM would show with no meaning/);
    expect(choiceErrnoProblems('its read fails (EFAULT), it runs on', 'en')[0]).toMatch(/EFAULT stands in a bracket/);
    expect(choiceErrnoProblems('写入失败，得到 EACCES（被拒绝）', 'zh')[0]).toMatch(/not its meaning "无权访问"/);
  });
});

describe('the aside\'s words stand only in an aside', () => {
  const base = LESSONS.find((l) => l.id === 'sem')!;
  const step = base.steps[0]!;
  const with_ = (patch: Partial<Lesson['steps'][number]>): Lesson => ({ ...base, steps: [{ ...step, ...patch }, ...base.steps.slice(1)] });

  it('no lesson says them in its own text', () => {
    expect(LESSONS.flatMap((l) => asideWordProblems(l))).toEqual([]);
  });

  it('names the label, Node or a frozen screen in a step\'s text, notice or form, in either language', () => {
    expect(asideWordProblems(with_({ say: { ...step.say, en: `${step.say.en} How ipclab does this: a child.` } }))[0]).toMatch(/step 'create' text: the en text says "How ipclab does this"/);
    expect(asideWordProblems(with_({ notice: { ...step.notice, en: 'ipclab runs in Node.js.' } }))[0]).toMatch(/notice: the en text says "Node.js"/);
    expect(asideWordProblems(with_({ say: { ...step.say, zh: 'semop 在这里等待，界面就会卡住。' } }))[0]).toMatch(/the zh text says "界面就会卡住"/);
    // in the aside it is said where it belongs
    expect(asideWordProblems(with_({ aside: { en: 'ipclab runs in Node.js, so a wait would freeze the screen.', zh: 'ipclab 在 Node.js 里运行，一等待界面就会卡住。' } }))).toEqual([]);
  });
});
